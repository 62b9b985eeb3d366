# The two commands the README promises: `make serve` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
PORT ?= 5000
AXE := node_modules/axe-core/axe.min.js

.PHONY: serve test install install-test chromium

serve: install  ## install, index the seeds if there is no index yet, serve on :$(PORT)
	$(BIN)/searchapp serve --host 127.0.0.1 --port $(PORT)

test: install-test chromium $(AXE)  ## install with test extras, Chromium and axe-core, then run pytest
	$(BIN)/python -m pytest

install: $(BIN)/searchapp
install-test: $(VENV)/.test-installed

$(BIN)/searchapp: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml $(BIN)/searchapp
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# Debian's Chromium for the browser test (Playwright cannot download browsers here).
chromium:
	@test -x $(CHROMIUM) || { \
	  echo "Installing Debian's chromium for the browser test"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

# axe-core from the npm registry, as package-lock.json pins it, for tests/test_accessibility.py.
$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@
