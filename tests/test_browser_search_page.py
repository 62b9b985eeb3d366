"""The search page in real headless Chromium at desktop and phone widths: search as you type
with speaker and outlet suggestions, the phone's filter panel, keeping the user's place and
focus after a filter, dark mode, the skip link, and rank numbers at 1,000 and beyond."""

from __future__ import annotations

import re
import threading

import pytest
from playwright.sync_api import expect

from tests.test_browser import browser, open_filters, sized_page  # noqa: F401 - the fixtures

pytestmark = pytest.mark.browser



@pytest.fixture
def page(sized_page):  # noqa: F811
    return sized_page


def test_typing_shows_results_without_a_reload_and_the_url_follows(page, live_server):
    page.goto(live_server + "/")
    assert page.locator("#sort option:checked").inner_text() == "Newest first"  # empty query
    page.evaluate("() => { window.samePage = true; }")
    page.locator("#q").press_sequentially("sanctions", delay=20)
    expect(page.locator("#total")).to_contain_text("for sanctions")
    assert page.locator("#total").inner_text().startswith("30 paragraphs")
    expect(page).to_have_url(re.compile(r"/\?q=sanctions$"))
    assert page.evaluate("() => window.samePage") is True  # swapped in, not reloaded
    assert page.locator("#sort option:checked").inner_text() == "Relevance"  # ranked now
    assert page.locator(".hit mark").first.inner_text().lower() == "sanctions"
    assert page.evaluate("() => document.activeElement.id") == "q"  # typing goes on
    # Away and back: the box and the results still agree.
    page.locator(".hit a.title").first.click()
    page.wait_for_url(re.compile(r"/articles/"))
    page.go_back()
    page.wait_for_url(re.compile(r"/\?q=sanctions$"))
    assert page.locator("#q").input_value() == "sanctions"
    assert page.locator("#total").inner_text().startswith("30 paragraphs for sanctions")
    # The swapped-in facets still apply on a tick.
    open_filters(page)
    page.locator("#facet-outlet input[value=Newsweek]").check()
    page.wait_for_url(re.compile(r"/\?q=sanctions&outlet=Newsweek$"))
    assert set(page.locator(".hit .outlet").all_inner_texts()) == {"Newsweek"}


def test_suggestions_list_speakers_and_outlets_and_open_the_chosen_one(page, live_server):
    page.goto(live_server + "/")
    box = page.locator("#q")
    box.press_sequentially("rog", delay=20)
    option = page.get_by_role("option", name=re.compile("Dmitry Rogozin"))
    expect(option).to_be_visible()
    assert box.get_attribute("aria-expanded") == "true"
    assert option.inner_text().startswith("Dmitry Rogozin\nSpeaker · ")
    box.press("ArrowDown")
    assert option.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/speakers/Dmitry%20Rogozin$"))

    page.goto(live_server + "/")
    page.locator("#q").press_sequentially("news", delay=20)
    outlet = page.get_by_role("option", name=re.compile("Newsweek"))
    expect(outlet).to_be_visible()
    page.locator("#q").press("Escape")
    expect(page.locator("#q-suggestions")).to_be_hidden()
    assert page.locator("#q").get_attribute("aria-expanded") == "false"
    page.locator("#q").press("ArrowDown")  # the list comes back
    outlet.click()
    page.wait_for_url(re.compile(r"/\?outlet=Newsweek$"))


def test_a_suggestion_is_text_never_markup(page, tmp_path_factory):
    server = _server_for(
        tmp_path_factory,
        {"hostile.txt": '---\noutlet: "<img src=x onerror=alert(1)>Wire"\n---\n"Hello," said Ann Example.\n'},
    )
    page.goto(server + "/")
    page.locator("#q").press_sequentially("<img", delay=20)
    option = page.get_by_role("option", name=re.compile("Wire"))
    expect(option).to_be_visible()
    assert page.locator("#q-suggestions img").count() == 0
    assert "<img src=x onerror=alert(1)>Wire" in option.inner_text()


def test_ticking_a_filter_keeps_focus_on_it_and_the_page_where_it_was(browser, live_server):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 500})
    page = context.new_page()
    page.goto(live_server + "/?q=sanctions")
    page.mouse.wheel(0, 250)
    expect(page.locator("html")).to_have_js_property("scrollTop", 250)
    page.locator("#facet-speaker input[value='Josef Aschbacher']").check()
    page.wait_for_url(re.compile(r"speaker=Josef\+Aschbacher"))
    focused = page.evaluate("() => [document.activeElement.name, document.activeElement.value]")
    assert focused == ["speaker", "Josef Aschbacher"]
    assert page.evaluate("() => window.scrollY") == 250
    # Unticking it keeps focus there too; a plain link (a chip) does not restore anything.
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(r"/\?q=sanctions$"))
    assert page.evaluate("() => document.activeElement.value") == "Josef Aschbacher"
    context.close()


def test_on_a_phone_a_tap_in_the_filter_panel_keeps_it_open_where_it_was(browser, live_server):  # noqa: F811
    context = browser.new_context(viewport={"width": 390, "height": 420})
    page = context.new_page()
    page.goto(live_server + "/?q=sanctions")
    page.get_by_role("link", name="Filters").click()
    panel = page.locator("#filters")
    panel.evaluate("(panel) => { panel.scrollTop = 120; }")
    offset = panel.evaluate("(panel) => panel.scrollTop")
    assert offset > 0
    panel.locator("input[value='Josef Aschbacher']").check()
    page.wait_for_url(re.compile(r"speaker=Josef\+Aschbacher"))
    assert panel.is_visible() and panel.evaluate("(panel) => panel.scrollTop") == offset
    assert page.evaluate("() => document.activeElement.value") == "Josef Aschbacher"
    # Keyboard focus never lands behind the open panel: what it covers is inert.
    for _ in range(25):
        page.keyboard.press("Tab")
        inside = "(panel) => panel.contains(document.activeElement) || document.activeElement === document.body"
        assert panel.evaluate(inside)
    page.get_by_role("link", name="Show 1 result").click()
    assert not panel.is_visible()
    page.keyboard.press("Tab")  # the page is usable again
    assert not panel.evaluate("(panel) => panel.contains(document.activeElement)")
    assert page.locator(".hit").count() == 1
    context.close()


def test_without_javascript_the_phone_filters_open_as_a_target(browser, live_server):  # noqa: F811
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server + "/?q=sanctions")
    assert not page.locator("#filters").is_visible()
    page.get_by_role("link", name="Filters").click()
    assert page.locator("#filters").bounding_box()["width"] == 390
    page.locator("#filters input[value=Newsweek]").check()
    page.locator("#filters button.apply").click()
    page.wait_for_url(re.compile(r"outlet=Newsweek"))
    assert not page.locator("#filters").is_visible()  # back on the results
    assert set(page.locator(".hit .outlet").all_inner_texts()) == {"Newsweek"}
    context.close()


def test_dark_mode_follows_the_system_setting(browser, live_server):  # noqa: F811
    colours = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(live_server + "/?q=sanctions")
        colours[scheme] = page.evaluate(
            "() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color,"
            " getComputedStyle(document.querySelector('.hit mark')).backgroundColor]"
        )
        context.close()
    assert colours["light"][:2] == ["rgb(255, 255, 255)", "rgb(29, 35, 42)"]
    assert colours["dark"][:2] == ["rgb(20, 24, 29)", "rgb(228, 232, 237)"]
    assert colours["dark"][2] != colours["light"][2]


def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_past_the_header(page, live_server):
    page.goto(live_server + "/speakers/Dmitry%20Rogozin")  # a page without autofocus
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    assert skip.bounding_box()["y"] >= 0  # on screen once focused
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "content"
    # On the search page, focus starts in the box; the way to the results is just before.
    page.goto(live_server + "/?q=sanctions")
    expect(page.locator("#q")).to_be_focused()  # autofocus, once the page has rendered
    for _ in range(3):  # the view links, then the skip link
        page.keyboard.press("Shift+Tab")
    expect(page.get_by_role("link", name="Skip to results")).to_be_focused()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "results"


def _server_for(tmp_path_factory, files: dict[str, str]) -> str:
    from waitress.server import create_server

    from searchapp import create_app
    from searchapp.indexing import reindex
    from tests.conftest import free_port

    corpus = tmp_path_factory.mktemp("corpus")
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    index = tmp_path_factory.mktemp("index")
    reindex(corpus, index)
    server = create_server(create_app({"INDEX_DIR": str(index)}), host="127.0.0.1", port=free_port())
    threading.Thread(target=server.run, daemon=True).start()
    return f"http://127.0.0.1:{server.effective_port}"


@pytest.fixture(scope="module")
def thousand_server(tmp_path_factory):
    """1,100 paragraphs, so a page of results starts at rank 1,001."""
    articles = {
        f"harbour-{n:02}.txt": "\n\n".join(
            f"Ferry report {n}-{k}: the harbour ferries ran on time." for k in range(100)
        )
        for n in range(11)
    }
    return _server_for(tmp_path_factory, articles)


def test_rank_numbers_past_1000_stay_clear_of_the_sidebar(page, thousand_server):
    page.goto(thousand_server + "/?q=ferries&page=101")
    assert page.locator(".hits").get_attribute("start") == "1001"
    # The widest marker, "1010.", measured in the list's font, fits in the list's padding.
    room = page.evaluate(
        """() => {
          const list = document.querySelector('.hits');
          const item = list.querySelector('li');
          const context = document.createElement('canvas').getContext('2d');
          context.font = getComputedStyle(item).font;
          const marker = context.measureText('1010. ').width;
          const box = list.getBoundingClientRect();
          const sidebar = document.querySelector('.facets').getBoundingClientRect();
          const start = box.left + parseFloat(getComputedStyle(list).paddingLeft) - marker;
          return {start, sidebarRight: sidebar.width ? sidebar.right : 0};
        }"""
    )
    assert room["start"] >= room["sidebarRight"], room


def test_pages_tips_sort_and_time_in_the_browser(page, live_server):
    page.goto(live_server + "/?q=")
    assert re.fullmatch(r"70 paragraphs in (<1|\d+) ms", page.locator("#total").inner_text())
    assert page.locator("#sort option:checked").inner_text() == "Newest first"
    pager = page.get_by_role("navigation", name="Pages")
    pager.get_by_role("link", name="Page 7").click()
    page.wait_for_url(re.compile(r"/\?page=7$"))
    assert page.locator(".hits").get_attribute("start") == "61"
    assert pager.locator("[aria-current=page]").inner_text() == "7"
    page.goto(live_server + "/?q=&page=400")
    assert page.locator("h1").inner_text() == "404 Not Found"
    page.get_by_role("link", name="Open the last page (7)").click()
    page.wait_for_url(re.compile(r"/\?page=7$"))

    page.goto(live_server + "/")
    page.get_by_text("Search tips").click()
    page.get_by_role("link", name="author:ozimek").click()
    page.wait_for_url(re.compile(r"/\?q=author%3Aozimek$"))
    assert page.locator("#total").inner_text().startswith("19 paragraphs")
    icon = page.evaluate("() => fetch('/favicon.ico').then((r) => [r.status, r.headers.get('content-type')])")
    assert icon[0] == 200 and icon[1].startswith("image/svg+xml")
