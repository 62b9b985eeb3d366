"""axe-core (npm, installed by `make test`) on the app's pages in Chromium, at a desktop and a
phone width: no violation of impact serious or critical."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest
from test_browser import browser  # noqa: F401  (the module's Chromium fixture)

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"desktop": 1280, "phone": 390}


def _speaker_path(live_server: str) -> str:
    with urllib.request.urlopen(live_server + "/api/speakers?limit=1") as response:
        return json.load(response)["speakers"][0]["url"]


def _violations(browser, url: str, width: int, follow_hit: bool = False, scheme: str = "light"):  # noqa: F811
    context = browser.new_context(
        bypass_csp=True, viewport={"width": width, "height": 900}, color_scheme=scheme
    )
    try:
        page = context.new_page()
        page.goto(url)
        if follow_hit:
            page.locator(".hit a.title").first.click()
            page.wait_for_url("**/articles/**")
        if page.locator("#filters-toggle").is_visible():  # a phone: check the open filter panel too
            page.click("#filters-toggle")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run()")
    finally:
        context.close()
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


def _report(violations) -> str:
    lines = []
    for v in violations:
        targets = [node["target"] for node in v["nodes"]][:10]
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}; nodes: {targets}")
    return "\n".join(lines)


PAGES = {
    "search": ("/?q=sanctions", False),
    "quotes": ("/quotes?q=sanctions", False),
    "speaker": (None, False),
    "article": ("/?q=sanctions", True),
}


@pytest.mark.parametrize("scheme", ["light", "dark"])  # dark mode changes every colour
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("name", PAGES)
def test_no_serious_or_critical_axe_violations(browser, live_server, name, width, scheme):  # noqa: F811
    if not AXE.exists():
        pytest.skip(f"{AXE} is missing: `make test` installs it (npm ci)")
    path, follow = PAGES[name]
    path = path or _speaker_path(live_server)
    violations = _violations(browser, live_server + path, width, follow, scheme)
    assert not violations, f"{name} at {width}px, {scheme}:\n" + _report(violations)

