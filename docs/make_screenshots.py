"""The README's screenshots, taken in Debian's Chromium from the app serving the seeds.

    .venv/bin/python docs/make_screenshots.py [--index DIR]

Indexes `seeds/` into a temporary folder unless `--index` names one, serves it on a free
port, and writes docs/quote-cluster.png (the quotes view: Rogozin's sentence, printed by
four outlets, as one hit) and docs/speaker-page.png (Dmitry Rogozin's page), at desktop
width, and docs/quote-cluster-phone.png at 390 px.
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
SHOTS = [
    ("quote-cluster.png", "/quotes?q=normal+relations+sanctions", {"width": 1280, "height": 760}),
    ("quote-cluster-phone.png", "/quotes?q=normal+relations", {"width": 390, "height": 844}),
    ("speaker-page.png", "/speakers/Dmitry%20Rogozin", {"width": 1280, "height": 900}),
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
        for name, path, viewport in SHOTS:
            page = browser.new_page(viewport=viewport)
            page.goto(base + path)
            page.screenshot(path=str(DOCS / name))
            page.close()
            print(f"{DOCS / name}: {base + path} at {viewport['width']} px")
        browser.close()


if __name__ == "__main__":
    main()
