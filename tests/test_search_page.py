"""The search page's chrome through Flask's client: query time, page numbers and the page
past the end, the sort shown, search tips, landmarks, favicon, snippets without "… … …"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from searchapp import create_app
from searchapp.indexing import reindex
from searchapp.paging import page_numbers


def html(client, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    return response.get_data(as_text=True)


def test_the_total_says_how_long_the_search_took(client):
    page = html(client, "/?q=sanctions")
    total = re.search(r'<p id="total">(.*?)</p>', page, re.S).group(1)
    text = " ".join(re.sub(r"<[^>]+>", "", total).split())
    assert re.fullmatch(r"30 paragraphs for sanctions in (&lt;1|\d+) ms", text), text


def test_page_numbers_show_the_first_the_last_and_the_pages_around_this_one():
    assert page_numbers(1, 1) == [1]
    assert page_numbers(1, 5) == [1, 2, 3, 4, 5]
    assert page_numbers(178, 355) == [1, None, 176, 177, 178, 179, 180, None, 355]
    assert page_numbers(4, 355) == [1, 2, 3, 4, 5, 6, None, 355]  # no "…" for one page
    assert page_numbers(355, 355) == [1, None, 353, 354, 355]


def test_the_pager_links_page_numbers_and_marks_the_current_page(client):
    page = html(client, "/?q=&page=2")  # 70 paragraphs, 7 pages
    pager = re.search(r'<nav class="pager".*?</nav>', page, re.S).group(0)
    assert re.findall(r'aria-label="Page (\d+)">', pager) == ["1", "3", "4", "7"]
    assert 'aria-current="page" aria-label="Page 2 of 7">2<' in pager
    assert 'href="?page=7"' in pager and 'rel="next" href="?page=3"' in pager
    assert "…" in pager  # pages 5 and 6 are left out


def test_a_page_past_the_end_is_a_404_that_offers_the_last_page(client):
    page = html(client, "/?q=sanctions&outlet=Newsweek&page=400", status=404)
    assert "There is no page 400: the results end at page 1." in page
    assert '<a href="/?q=sanctions&amp;outlet=Newsweek">Open the last page (1)</a>' in page
    quotes = html(client, "/quotes?q=sanctions&page=99", status=404)
    assert 'href="/quotes?q=sanctions' in quotes and "Open the last page" in quotes
    # A search with no results has no last page to offer; it says so on page 1's terms.
    assert "No paragraphs match" in html(client, "/?q=zzzzqqq&page=3")


def selected_sort(page: str) -> tuple[str, str]:
    select = re.search(r'<select name="sort" id="sort">(.*?)</select>', page, re.S).group(1)
    value, label = re.search(r'<option value="([^"]*)"\s*selected>([^<]+)<', select).groups()
    return value, label


def test_the_sort_control_shows_the_order_really_used(client):
    # The empty query browses newest first; the implied order sends no value, so a query
    # typed next is ranked by relevance rather than stuck on dates.
    empty = html(client, "/")
    assert selected_sort(empty) == ("", "Newest first")
    assert ">Relevance<" not in empty  # nothing to rank by
    assert selected_sort(html(client, "/?q=sanctions")) == ("", "Relevance")
    assert selected_sort(html(client, "/?q=sanctions&sort=date_asc")) == ("date_asc", "Oldest first")
    assert selected_sort(html(client, "/?sort=date_desc")) == ("date_desc", "Newest first")
    dates = [hit["date"] for hit in client.get("/api/search?q=").get_json()["hits"]]
    assert dates == sorted(dates, reverse=True)


def test_search_tips_are_one_click_away_and_each_example_runs(client):
    page = html(client, "/quotes?q=sanctions")
    tips = re.search(r'<details class="syntax-help" id="syntax-help">.*?</details>', page, re.S).group(0)
    assert "<summary>Search tips</summary>" in tips
    examples = re.findall(r'<a href="(/quotes\?q=[^"]+)">', tips)
    assert len(examples) >= 10 and "/quotes?q=speaker%3Arogozin" in examples
    for href in examples:  # every example is a query the parser accepts
        assert client.get(href.replace("&amp;", "&")).status_code == 200, href


def test_landmarks_for_keyboard_and_screen_readers(client):
    page = html(client, "/?q=sanctions")
    assert '<a class="skip-link" href="#content">Skip to main content</a>' in page
    assert '<a class="skip-link" href="#results">Skip to results</a>' in page
    assert '<main id="content" tabindex="-1">' in page and 'id="results"' in page
    assert '<h1 class="visually-hidden">Search paragraphs</h1>' in page
    assert '<h1 class="visually-hidden">Search quotations</h1>' in html(client, "/quotes")
    assert 'href="#filters" aria-controls="filters">Filters' in page


def test_the_filters_button_counts_the_active_filters(client):
    page = html(client, "/?q=sanctions&outlet=Newsweek&speaker=Dmitry+Rogozin")
    assert re.search(r'id="filters-toggle"[^>]*>Filters <span class="badge">2</span></a>', page)
    assert '<a class="filters-close" href="#results">Show 4 results</a>' in page


def test_a_favicon_for_every_page_and_for_browsers_that_ask_for_favicon_ico(client):
    assert 'rel="icon" href="/static/favicon.svg" type="image/svg+xml"' in html(client, "/")
    redirect = client.get("/favicon.ico")
    assert redirect.status_code == 301 and redirect.location.endswith("/static/favicon.svg")
    icon = client.get("/static/favicon.svg")
    assert icon.status_code == 200 and icon.mimetype == "image/svg+xml"
    icon.close()


def test_rank_numbers_get_room_for_their_digits(client):
    assert 'class="hits digits-2" start="1"' in html(client, "/?q=")
    assert 'class="hits digits-2" start="61"' in html(client, "/?q=&page=7")


LONG = (
    "Zebra crossings came first in the town. "
    + "The council met and talked about the roads for a long time without deciding. " * 8
    + "In the end a zebra was painted on the square."
)


@pytest.fixture(scope="module")
def long_paragraph_client(tmp_path_factory: pytest.TempPathFactory):
    corpus = tmp_path_factory.mktemp("long-corpus")
    (corpus / "town.txt").write_text(f"Town news\n\n{LONG}\n", encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("long-index")
    reindex(corpus, index_dir)
    return create_app({"TESTING": True, "INDEX_DIR": str(index_dir)}).test_client()


def test_two_cut_passages_of_a_snippet_meet_at_one_ellipsis(long_paragraph_client):
    [hit] = long_paragraph_client.get("/api/search?q=zebra").get_json()["hits"]
    snippet = hit["snippet"]
    assert snippet.count("<mark>") == 2  # both passages are there
    assert "…" in snippet and not re.search(r"…\s*…", snippet), snippet
    page = html(long_paragraph_client, "/?q=zebra")
    assert not re.search(r"…\s*…", re.search(r'<p class="snippet">(.*?)</p>', page, re.S).group(1))
