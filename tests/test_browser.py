"""End to end in real headless Chromium: type a query, tick an outlet, read the results."""

from __future__ import annotations

import os
import re

import pytest

CHROMIUM = os.environ.get("SEARCHAPP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def open_filters(page) -> None:
    """On a phone the filters wait behind the "Filters" button; on a desktop it is hidden."""
    if page.locator("#filters-toggle").is_visible():
        page.click("#filters-toggle")


def close_filters(page) -> None:
    """Back to the results on a phone, where ticking a filter keeps the panel open."""
    if page.locator(".filters-close").is_visible():
        page.click(".filters-close")


@pytest.fixture(params=[1280, 390], ids=["desktop", "phone"])
def sized_page(browser, request):
    """A page at a desktop and at a phone width; a script error on it fails the test."""
    context = browser.new_context(viewport={"width": request.param, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, errors


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def test_search_tick_outlet_read_highlight_open_article(page, live_server):
    page.goto(live_server + "/")
    page.fill("#q", "sanctions")
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"\?q=sanctions$"))
    total_before = int(page.locator("#total").inner_text().split()[0])
    assert total_before > 10
    assert page.locator(".hit mark").first.inner_text().lower() == "sanctions"

    newsweek = page.locator("#facet-outlet label", has_text="Newsweek")
    newsweek_count = int(newsweek.locator(".count").inner_text())
    newsweek.locator("input").check()  # submits the form on change
    page.wait_for_url(re.compile(r"outlet=Newsweek"))
    assert page.locator("#facet-outlet input[value=Newsweek]").is_checked()
    assert int(page.locator("#total").inner_text().split()[0]) == newsweek_count
    outlets = page.locator(".hit .outlet").all_inner_texts()
    assert outlets and set(outlets) == {"Newsweek"}
    # Disjunctive: the other outlets are still offered.
    assert page.locator("#facet-outlet label", has_text="The Epoch Times").count() == 1
    assert page.locator(".hit mark").count() >= 1

    page.go_back()
    page.wait_for_url(re.compile(r"\?q=sanctions$"))
    assert not page.locator("#facet-outlet input[value=Newsweek]").is_checked()

    page.go_forward()
    page.wait_for_url(re.compile(r"outlet=Newsweek"))
    first = page.locator(".hit a.title").first
    first.click()
    page.wait_for_url(re.compile(r"/articles/.+#p-\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    assert "hit" in page.locator(f"#{anchor}").get_attribute("class")
    assert page.locator(".article .outlet").inner_text() == "Newsweek"


def test_quote_search_shows_who_said_it_and_leads_to_their_other_quotes(page, live_server):
    page.goto(live_server + "/?q=quote:broomsticks")
    assert page.locator("#total").inner_text().startswith("1 ")
    assert page.locator(".hit mark").first.inner_text().lower() == "broomsticks"
    page.locator(".hit a.title").first.click()
    page.wait_for_url(re.compile(r"/articles/.+#p-\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    quote = page.locator(f"#{anchor} .quote", has_text="broomsticks")
    assert quote.locator(".speaker").inner_text() == "Dmitry Rogozin"
    quote.locator(".speaker").click()
    page.wait_for_url(re.compile(r"/speakers/Dmitry%20Rogozin$"))
    page.get_by_role("link", name="Search what they said").click()
    page.wait_for_url(re.compile(r"/quotes\?speaker=Dmitry\+Rogozin$"))
    speakers = page.locator("#facet-speaker input:checked")
    assert speakers.count() == 1 and speakers.get_attribute("value") == "Dmitry Rogozin"
    assert int(page.locator("#total").inner_text().split()[0]) > 5


@pytest.mark.parametrize("width", [1280, 390])
def test_a_speaker_page_opens_from_an_article_and_fits_the_screen(browser, live_server, width):
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto(live_server + "/articles/003_e10bdec7e090b6c9")
    page.locator("#p-10 .quote .speaker", has_text="Dmitry Rogozin").click()
    page.wait_for_url(re.compile(r"/speakers/Dmitry%20Rogozin$"))
    assert page.locator("h1").inner_text() == "Dmitry Rogozin"
    assert page.locator(".spoken-quote").count() == 20
    assert page.locator(".spoken-quote .source").first.is_visible()
    assert page.locator("#speaker-outlets li").count() == 4
    assert page.locator("#speaker-co-quoted a.speaker").count() == 10
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    quotes = page.locator(".speaker-quotes").bounding_box()
    facts = page.locator(".speaker-facts").bounding_box()
    if width == 390:  # the counts stack below the quotations
        assert facts["y"] > quotes["y"] and quotes["x"] + quotes["width"] <= 390
    else:  # beside them
        assert facts["x"] > quotes["x"] + quotes["width"] - 1
    page.locator("#speaker-co-quoted a", has_text="Bill Nelson").click()
    page.wait_for_url(re.compile(r"/speakers/Bill%20Nelson$"))
    assert page.locator("h1").inner_text() == "Bill Nelson"
    assert page.locator(".spoken-quote").count() == 4
    context.close()


def test_phone_width_keeps_filters_behind_a_button_that_opens_them_over_the_results(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server + "/?q=broomsticks")
    results = page.locator(".results").bounding_box()
    assert results["width"] <= 390 and results["y"] < 400  # results first, not 2,940 px down
    assert not page.locator(".facets").is_visible()
    page.get_by_role("link", name="Filters").click()
    assert page.locator(".facets").bounding_box() == {"x": 0, "y": 0, "width": 390, "height": 844}
    assert page.get_by_role("link", name="Show 1 result").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator(".facets").is_visible()
    assert page.evaluate("() => document.activeElement.id") == "filters-toggle"
    context.close()


def test_without_javascript_the_form_still_searches_and_filters(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/")
    page.fill("#q", "sanctions")
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"q=sanctions"))
    page.locator("#facet-outlet label", has_text="The Epoch Times").locator("input").check()
    assert "outlet=" not in page.url  # nothing happens until the user applies
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"outlet=The\+Epoch\+Times"))
    outlets = page.locator(".hit .outlet").all_inner_texts()
    assert outlets and set(outlets) == {"The Epoch Times"}
    context.close()


def watch_csp_violations(page) -> list[str]:
    """Every Content-Security-Policy violation on `page`, across its navigations.

    Chromium reports a blocked script or style on the console; the DOM's
    `securitypolicyviolation` event is logged there too, so either way it is seen. The
    listener is installed before any page script runs, and CSP does not apply to it.
    """
    violations: list[str] = []
    page.add_init_script(
        """document.addEventListener("securitypolicyviolation", (event) => console.error(
            `securitypolicyviolation: ${event.violatedDirective} ${event.blockedURI}`));"""
    )

    def on_console(message) -> None:
        text = message.text
        if "securitypolicyviolation" in text or "Content Security Policy" in text:
            violations.append(text)

    page.on("console", on_console)
    return violations


def test_search_page_script_works_under_the_content_security_policy(page, live_server):
    violations = watch_csp_violations(page)
    response = page.goto(live_server + "/?q=sanctions")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    # The script ran: it hides the no-JavaScript "Apply" buttons...
    assert page.locator(".apply").count() == 2
    assert all(button.is_hidden() for button in page.locator(".apply").all())

    # ...submits on ticking a facet, and leaves empty fields and the default sort out.
    page.locator("#facet-outlet label", has_text="Newsweek").locator("input").check()
    page.wait_for_url(re.compile(r"/\?q=sanctions&outlet=Newsweek$"))
    assert page.locator("#facet-outlet input[value=Newsweek]").is_checked()
    page.select_option("#sort", "date_desc")
    page.wait_for_url(re.compile(r"/\?q=sanctions&outlet=Newsweek&sort=date_desc$"))

    page.locator(".hit a.title").first.click()
    page.wait_for_url(re.compile(r"/articles/.+#p-\d+$"))
    page.go_back()
    page.wait_for_url(re.compile(r"sort=date_desc$"))
    assert all(button.is_hidden() for button in page.locator(".apply").all())
    page.evaluate("0")  # a round trip, so console messages already sent have arrived
    assert violations == []


def test_the_policy_is_enforced_and_a_violation_would_be_seen(page, live_server):
    """The check above is not vacuous: an inline script is blocked, and reported."""
    violations = watch_csp_violations(page)
    page.goto(live_server + "/?q=sanctions")
    with page.expect_console_message(lambda message: "securitypolicyviolation" in message.text):
        page.evaluate(
            """() => {
                const script = document.createElement("script");
                script.textContent = "window.injected = true";
                document.body.append(script);
            }"""
        )
    assert page.evaluate("window.injected === undefined")
    assert any("script-src" in text for text in violations)


def test_a_typo_is_corrected_and_a_partial_match_is_labelled(page, live_server):
    page.goto(live_server + "/")
    page.fill("#q", "sanctons")
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"\?q=sanctons$"))
    assert "Showing results for sanctions" in " ".join(
        page.locator("#corrected").inner_text().split()
    )
    assert page.locator(".hit mark").first.inner_text().lower() == "sanctions"
    page.locator("#corrected a", has_text="sanctons").click()
    page.wait_for_url(re.compile(r"correct=0"))
    assert page.locator("#total").inner_text().startswith("0 paragraphs")
    assert "sanctions" in page.locator("#did-you-mean").inner_text()

    page.fill("#q", "Musk rescue station")
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"q=Musk\+rescue\+station"))
    assert "most of them" in page.locator("#partial").inner_text()
    assert page.locator(".hit .missing").count() > 0
