"""The facet enhancements in real headless Chromium, at desktop and phone widths: live
facet value search, the histogram's links and brush, chips, per-facet Show more."""

from __future__ import annotations

import re

import pytest

from tests.test_browser import browser, close_filters, open_filters, sized_page  # noqa: F401

pytestmark = pytest.mark.browser


@pytest.fixture
def page(sized_page):  # noqa: F811
    return sized_page


def test_typing_in_the_speaker_box_filters_the_list_live(page, live_server):
    page.goto(live_server + "/?q=sanctions")
    open_filters(page)
    page.fill("#speaker-prefix", "rog")
    from playwright.sync_api import expect

    expect(page.locator("#facet-speaker .facet-values .name")).to_have_count(1)
    assert page.locator("#facet-speaker .facet-values .name").inner_text() == "Dmitry Rogozin"
    page.locator("#facet-speaker .facet-values input").check()
    page.wait_for_url(re.compile(r"speaker=Dmitry\+Rogozin"))
    close_filters(page)
    chip = page.get_by_role("link", name="Remove filter Speaker: Dmitry Rogozin")
    assert chip.is_visible()
    chip.click()
    page.wait_for_load_state()
    assert "speaker=" not in page.url


def test_histogram_bar_click_filters_to_its_month(page, live_server):
    page.goto(live_server + "/?q=sanctions")
    bar = page.get_by_role("link", name="April 2022: 12 paragraphs")
    assert bar.is_visible()
    bar.click()
    page.wait_for_url(re.compile(r"from=2022-04-01&to=2022-04-30"))
    assert page.locator("#total").inner_text().startswith("12 ")
    open_filters(page)
    assert "Include 18 undated" in page.locator("#undated-choice").inner_text()
    page.locator("#undated-choice input").check()
    page.wait_for_url(re.compile(r"undated=include"))
    assert page.locator("#total").inner_text().startswith("30 ")


@pytest.fixture(scope="module")
def months_server(tmp_path_factory):
    """The seeds plus two articles dated in other months, so the histogram has bars to
    drag across (the seeds' dated paragraphs are all from April 2022)."""
    import shutil
    import threading

    from waitress.server import create_server

    from searchapp import create_app
    from searchapp.indexing import reindex
    from tests.conftest import SEEDS, free_port

    corpus = tmp_path_factory.mktemp("months-corpus")
    shutil.copytree(SEEDS, corpus, dirs_exist_ok=True)
    for month in ("2022-01", "2022-02"):
        (corpus / f"extra-{month}.txt").write_text(
            f"---\ntitle: Sanctions in {month}\ndate: {month}-15\noutlet: Test Wire\n---\n"
            "New sanctions were announced by the ministry on Tuesday.\n"
        )
    index = tmp_path_factory.mktemp("months-index")
    reindex(corpus, index)
    server = create_server(
        create_app({"INDEX_DIR": str(index)}), host="127.0.0.1", port=free_port(), threads=2
    )
    threading.Thread(target=server.run, daemon=True).start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()


def test_brush_across_bars_submits_a_range(page, months_server):
    page.goto(months_server + "/?q=sanctions")
    bars = page.locator("#histogram .bar")
    assert bars.count() >= 2
    first, last = bars.nth(0).bounding_box(), bars.nth(bars.count() - 1).bounding_box()
    page.mouse.move(first["x"] + 2, first["y"] + first["height"] - 2)
    page.mouse.down()
    page.mouse.move(last["x"] + 2, last["y"] + last["height"] - 2, steps=5)
    page.mouse.up()
    page.wait_for_url(re.compile(r"from=2022-01-01&to=2022-04-30"))
    assert page.locator("#chips").inner_text().count("2022-01-01") == 1


def test_show_more_speakers_expands_only_speakers(page, live_server):
    page.goto(live_server + "/?q=&facet_size=2")
    open_filters(page)
    page.get_by_role("link", name="Show more speakers").click()
    page.wait_for_url(re.compile(r"more=speaker"))
    assert page.locator("#facet-speaker .facet-values .name").count() > 2
    assert page.locator("#facet-outlet .facet-values .name").count() == 2
