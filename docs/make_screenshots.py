"""The README's screenshots, taken in Debian's Chromium from the app serving the seeds.

    .venv/bin/python docs/make_screenshots.py [--index DIR]

Indexes `seeds/` into a temporary folder unless `--index` names one, serves it on a free
port, and writes, at desktop width and on a 390 px phone: the search page
(docs/search-page.png, docs/search-page-phone.png, and docs/search-filters-phone.png with
the phone's filter panel open), the quotes view with Rogozin's sentence, printed by four
outlets, as one hit (docs/quote-cluster.png, docs/quote-cluster-phone.png), and Dmitry
Rogozin's page (docs/speaker-page.png).
"""

from __future__ import annotations

import argparse
import socket
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from waitress.server import create_server

from searchapp import create_app
from searchapp.indexing import reindex

DOCS = Path(__file__).resolve().parent
SEEDS = DOCS.parent / "seeds"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# (file, path, viewport, what to click first)
SHOTS = [
    ("search-page.png", "/?q=sanctions", DESKTOP, None),
    ("search-page-phone.png", "/?q=sanctions", PHONE, None),
    ("search-filters-phone.png", "/?q=sanctions", PHONE, "#filters-toggle"),
    ("quote-cluster.png", "/quotes?q=normal+relations+sanctions", {"width": 1280, "height": 760}, None),
    ("quote-cluster-phone.png", "/quotes?q=normal+relations", PHONE, None),
    ("speaker-page.png", "/speakers/Dmitry%20Rogozin", DESKTOP, None),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, help="an index of the seeds (default: build one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        index_dir = args.index or Path(scratch) / "index"
        if args.index is None:
            reindex(SEEDS, index_dir)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = create_server(create_app({"INDEX_DIR": str(index_dir)}), port=port)
        threading.Thread(target=server.run, daemon=True).start()
        try:
            shoot(f"http://127.0.0.1:{port}")
        finally:
            server.close()


def shoot(base: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        for name, path, viewport, click in SHOTS:
            page = browser.new_page(viewport=viewport)
            page.goto(base + path)
            if click:
                page.click(click)
            page.screenshot(path=str(DOCS / name))
            page.close()
            print(f"{DOCS / name}: {base + path} at {viewport['width']} px")
        browser.close()


if __name__ == "__main__":
    main()
