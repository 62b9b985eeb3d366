"""Keyboard only, in Chromium: search, tick a facet, open a result, find the CSV export."""

from __future__ import annotations

import re

import pytest
from test_browser import browser, page  # noqa: F401  (the module's Chromium fixtures)

pytestmark = pytest.mark.browser
MAX_PRESSES = 200


def tab_to(page, selector: str, backwards: bool = False) -> None:  # noqa: F811
    """Press Tab (Shift+Tab) until the first element matching `selector` has focus."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(MAX_PRESSES):
        if page.evaluate("(s) => document.activeElement?.matches(s) ?? false", selector):
            return
        page.keyboard.press(key)
    pytest.fail(f"{selector} not reached in {MAX_PRESSES} presses of {key}")


def test_type_a_query_and_submit(page, live_server):  # noqa: F811
    page.goto(live_server + "/")
    tab_to(page, "#q")
    page.keyboard.type("sanctions")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"\?q=sanctions"))
    assert int(page.locator("#total").inner_text().split()[0]) > 10


def test_tick_a_facet_with_space(page, live_server):  # noqa: F811
    page.goto(live_server + "/?q=sanctions")
    tab_to(page, "#facet-outlet input[value=Newsweek]")
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(r"outlet=Newsweek"))
    assert page.locator("#facet-outlet input[value=Newsweek]").is_checked()
    assert set(page.locator(".hit .outlet").all_inner_texts()) == {"Newsweek"}


def test_reach_a_result_and_open_it(page, live_server):  # noqa: F811
    page.goto(live_server + "/?q=sanctions")
    tab_to(page, ".hit a.title")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/articles/"))
    assert page.locator(".article").count() == 1


def test_reach_the_csv_export(page, live_server):  # noqa: F811
    page.goto(live_server + "/?q=sanctions")
    tab_to(page, "a[href*='search.csv']")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".csv")
