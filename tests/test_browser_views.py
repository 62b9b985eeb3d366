"""The quotes view and grouping by article in real headless Chromium, at desktop width and
on a 390 px phone, with and without JavaScript."""

from __future__ import annotations

import re

import pytest
from test_browser import browser, close_filters, open_filters, page  # noqa: F401 - the browser fixtures

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
    assert sentence.count() == 1  # printed by four outlets, shown once
    assert sentence.locator(".outlet").inner_text() == "Newsweek"  # the earliest, first
    copies = sentence.locator(".copies .copy").all_inner_texts()
    assert sorted(copies) == [
        "The Epoch Times (Unknown date)",  # Epoch and the unnamed outlet have no date
        "The Hamden Journal (2022-04-02)",  # it quotes two stretches of the sentence
        "Unknown outlet (Unknown date)",
    ]
    assert sentence.locator(".speaker").inner_text() == "Dmitry Rogozin"
    _no_sideways_scroll(page)

    page.check("#collapse")  # every outlet's copy: submits on change
    page.wait_for_url(re.compile(r"collapse=none"))
    assert page.locator(".quote-hit", has_text=ROGOZIN).count() == 3
    assert page.locator(".quote-hit .outlet", has_text="The Hamden Journal").count() >= 1
    context.close()


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_a_quotes_search_filtered_to_one_speaker(browser, live_server, viewport):  # noqa: F811
    context = browser.new_context(viewport=viewport) if viewport else browser.new_context()
    page = context.new_page()  # noqa: F811
    page.goto(live_server + "/quotes?q=sanctions")
    open_filters(page)
    rogozin = page.locator("#facet-speaker label", has_text="Dmitry Rogozin")
    count = int(rogozin.locator(".count").inner_text())
    total = int(page.locator("#total").inner_text().split()[0])
    assert count < total or page.locator("#facet-speaker label").count() == 1
    rogozin.locator("input").check()
    page.wait_for_url(re.compile(r"/quotes\?q=sanctions&speaker=Dmitry\+Rogozin$"))
    close_filters(page)
    assert int(page.locator("#total").inner_text().split()[0]) == count
    speakers = page.locator(".quote-hit .speaker").all_inner_texts()
    assert speakers and set(speakers) == {"Dmitry Rogozin"}
    assert page.locator(".quote-hit mark").count() >= 1
    _no_sideways_scroll(page)
    page.locator(".quote-hit .speaker").first.click()  # every speaker name: their page
    page.wait_for_url(re.compile(r"/speakers/Dmitry%20Rogozin$"))
    assert page.locator("h1").inner_text() == "Dmitry Rogozin"
    context.close()


def test_the_quotes_view_works_without_javascript_on_a_phone(browser, live_server):  # noqa: F811
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()  # noqa: F811
    page.goto(live_server + "/quotes?q=normal+relations")
    assert page.locator(".quote-hit", has_text=ROGOZIN).count() == 1
    page.check("#collapse")
    page.click(".summary button.apply")  # no script: the form's own button beside it applies it
    page.wait_for_url(re.compile(r"collapse=none"))
    assert page.locator(".quote-hit", has_text=ROGOZIN).count() == 3
    page.locator(".quote-hit .paragraph-link").first.click()
    page.wait_for_url(re.compile(r"/articles/.+#p-\d+$"))
    page.click("text=← Back to results")
    page.wait_for_url(re.compile(r"/quotes\?"))
    _no_sideways_scroll(page)
    context.close()


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_paragraphs_grouped_by_article_open_the_rest_of_each(browser, live_server, viewport):  # noqa: F811
    context = browser.new_context(viewport=viewport) if viewport else browser.new_context()
    page = context.new_page()  # noqa: F811
    page.goto(live_server + "/?q=sanctions")
    paragraphs = int(page.locator("#total").inner_text().split()[0])
    page.check("#collapse")  # group by article: submits on change
    page.wait_for_url(re.compile(r"/\?q=sanctions&collapse=article$"))
    assert page.locator("#total").inner_text().startswith("5 articles")
    assert page.locator(".hit").count() == 5
    more = page.locator(".more-in-article a")
    counts = [int(text.split()[0]) for text in more.all_inner_texts()]
    assert sum(counts) + 5 == paragraphs
    grouped = page.locator(".hit", has=page.locator(".more-in-article")).first
    outlet = grouped.locator(".outlet").inner_text()
    grouped.locator(".more-in-article a").click()
    page.wait_for_url(re.compile(r"article="))
    assert int(page.locator("#total").inner_text().split()[0]) == counts[0] + 1
    assert set(page.locator(".hit .outlet").all_inner_texts()) == {outlet}
    assert page.locator("#article-scope").is_visible()
    _no_sideways_scroll(page)
    context.close()


def test_grouping_by_article_and_a_speaker_page_work_without_javascript(browser, live_server):  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()  # noqa: F811
    page.goto(live_server + "/?q=sanctions")
    page.check("#collapse")
    page.click("button.apply")
    page.wait_for_url(re.compile(r"collapse=article"))
    assert page.locator("#total").inner_text().startswith("5 articles")
    page.locator(".more-in-article a").first.click()
    page.wait_for_url(re.compile(r"article="))
    assert len(set(page.locator(".hit .outlet").all_inner_texts())) == 1
    page.locator(".hit .speaker").first.click()
    page.wait_for_url(re.compile(r"/speakers/"))
    assert page.locator(".spoken-quote").count() >= 1
    page.locator("#speaker-co-quoted a").first.click()
    page.wait_for_url(re.compile(r"/speakers/"))
    assert page.locator(".spoken-quote").count() >= 1
    context.close()
