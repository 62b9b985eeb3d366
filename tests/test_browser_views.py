"""The quotes view and grouping by article in real headless Chromium, at desktop width and
on a 390 px phone, with and without JavaScript."""

from __future__ import annotations

import re

import pytest
from test_browser import browser, page  # noqa: F401 - the browser fixtures

pytestmark = pytest.mark.browser

ROGOZIN = "restoration of normal relations between partners in the International Space Station"
PHONE = {"width": 390, "height": 844}


def _no_sideways_scroll(page) -> None:  # noqa: F811
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"the page is {width} px wide"


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_the_rogozin_sentence_is_one_quote_with_its_other_outlets(browser, live_server, viewport):  # noqa: F811
    context = browser.new_context(viewport=viewport) if viewport else browser.new_context()
    page = context.new_page()  # noqa: F811
    page.goto(live_server + "/")
    page.fill("#q", "normal relations")
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"/\?q=normal\+relations$"))
    page.click("#view-quotes")
    page.wait_for_url(re.compile(r"/quotes\?q=normal\+relations$"))
    assert page.locator("#view-quotes").get_attribute("aria-current") == "page"
    sentence = page.locator(".quote-hit", has_text=ROGOZIN)
    assert sentence.count() == 1  # printed by three outlets, shown once
    copies = sentence.locator(".copies .copy").all_inner_texts()
    shown = sentence.locator(".outlet").inner_text()
    assert len(copies) >= 2 and not any(copy.startswith(shown + " (") for copy in copies)
    assert sentence.locator(".speaker").inner_text() == "Dmitry Rogozin"
    _no_sideways_scroll(page)

    page.check("#collapse")  # every outlet's copy: submits on change
    page.wait_for_url(re.compile(r"collapse=none"))
    assert page.locator(".quote-hit", has_text=ROGOZIN).count() == len(copies) + 1
    context.close()


def test_a_quotes_search_filtered_to_one_speaker(page, live_server):  # noqa: F811
    page.goto(live_server + "/quotes?q=sanctions")
    rogozin = page.locator("#facet-speaker label", has_text="Dmitry Rogozin")
    count = int(rogozin.locator(".count").inner_text())
    total = int(page.locator("#total").inner_text().split()[0])
    assert count < total or page.locator("#facet-speaker label").count() == 1
    rogozin.locator("input").check()
    page.wait_for_url(re.compile(r"/quotes\?q=sanctions&speaker=Dmitry\+Rogozin$"))
    assert int(page.locator("#total").inner_text().split()[0]) == count
    speakers = page.locator(".quote-hit .speaker").all_inner_texts()
    assert speakers and set(speakers) == {"Dmitry Rogozin"}
    assert page.locator(".quote-hit mark").count() >= 1


def test_the_quotes_view_works_without_javascript_on_a_phone(browser, live_server):  # noqa: F811
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()  # noqa: F811
    page.goto(live_server + "/quotes?q=normal+relations")
    assert page.locator(".quote-hit", has_text=ROGOZIN).count() == 1
    page.check("#collapse")
    page.click("button.apply")  # no script: the form's own button applies it
    page.wait_for_url(re.compile(r"collapse=none"))
    assert page.locator(".quote-hit", has_text=ROGOZIN).count() >= 3
    page.locator(".quote-hit .paragraph-link").first.click()
    page.wait_for_url(re.compile(r"/articles/.+#p-\d+$"))
    page.click("text=← Back to results")
    page.wait_for_url(re.compile(r"/quotes\?"))
    _no_sideways_scroll(page)
    context.close()
