"""The HTML pages: results, facets, escaping, the article page, errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import BROOMSTICKS

from searchapp import create_app
from searchapp.indexing import reindex

EVIL = '<img src=x onerror="alert(1)">'


def page(client, path="/", status=200, **params) -> str:
    response = client.get(path, query_string=params)
    assert response.status_code == status
    return response.get_data(as_text=True)


def test_results_show_snippet_metadata_and_link_to_the_paragraph(client):
    html = page(client, q="broomsticks")
    assert "<mark>broomsticks</mark>" in html
    assert "Unknown outlet" in html and "1 paragraph" in html
    assert f"/articles/{BROOMSTICKS}?p=10&amp;back=q%3Dbroomsticks#p-10" in html


def hit_markup(html: str, doc_id: str) -> str:
    """The results page's markup for one hit."""
    start = html.index(f'id="hit-{doc_id}"')
    return html[start : html.index("</li>", start)]


def test_a_hit_is_its_paragraph_then_outlet_date_speakers_and_the_title_as_the_link(client):
    hit = hit_markup(page(client, q="broomsticks"), f"{BROOMSTICKS}:10")
    assert "<h2" not in hit  # the derived title, the lead's first sentence, is no heading
    snippet, meta = hit.index('class="snippet"'), hit.index('class="meta"')
    assert snippet < meta and "<mark>broomsticks</mark>" in hit[snippet:meta]
    line = hit[meta:]
    marks = ['class="outlet"', 'class="date"', 'class="speaker"', 'class="title"']
    assert [line.index(mark) for mark in marks] == sorted(line.index(mark) for mark in marks)
    assert re.search(
        rf'<a class="title" href="/articles/{BROOMSTICKS}\?p=10&amp;back=q%3Dbroomsticks#p-10"'
        r"[^>]*>Russia has threatened to stop its collaboration with the West",
        line,
    )
    assert ">Dmitry Rogozin</a>" in line and "(lead)" in line


def test_a_hit_with_a_front_matter_title_links_it_unmarked(evil_client):
    line = hit_markup(page(evil_client, q="sanctions"), "evil:0")
    title = line[line.index('class="title"') :]
    assert title.split("</a>")[0].endswith("Title &lt;img src=x onerror=&#34;alert(1)&#34;&gt;")
    assert "(lead)" not in line and "<h2" not in line


def test_facets_are_checkboxes_in_a_get_form(client):
    html = page(client, q="sanctions", outlet="Newsweek")
    assert '<form class="search" method="get"' in html
    assert 'name="outlet" value="Newsweek"\n             checked' in html
    assert 'name="outlet" value="The Epoch Times"' in html
    assert 'name="outlet" value="_unknown"' in html
    assert "Apply filters" in html  # the no-JavaScript way to apply them


def test_query_text_is_escaped(client):
    html = page(client, q="<script>alert(1)</script>")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.fixture
def evil_client(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "evil.md").write_text(
        f"---\ntitle: 'Title {EVIL}'\noutlet: 'Outlet {EVIL}'\nurl: 'javascript:alert(1)'\n---\n"
        f'Sanctions text with {EVIL} inside.\n\n"Quote here," said Jane {EVIL}.\n'
    )
    reindex(corpus, tmp_path / "index")
    return create_app({"INDEX_DIR": str(tmp_path / "index")}).test_client()


def test_article_text_is_escaped_everywhere_it_is_rendered(evil_client):
    for html in (
        page(evil_client, q="sanctions"),
        page(evil_client),
        page(evil_client, "/articles/evil"),
    ):
        assert EVIL not in html and "&lt;img src=x" in html
        assert "javascript:" not in html
    snippet = evil_client.get("/api/search?q=sanctions").get_json()["hits"][0]["snippet"]
    assert snippet.startswith("<mark>Sanctions</mark>") and "&lt;img" in snippet


def test_article_page_shows_the_whole_article_with_the_hit_anchored(client):
    html = page(client, f"/articles/{BROOMSTICKS}", p=10)
    assert html.count('class="paragraph') == 12
    assert 'class="paragraph kind-body hit" id="p-10"' in html
    assert "Unknown outlet" in html and "title taken from the lead" in html


def section(html: str, position: int) -> str:
    """The article page's markup for one paragraph."""
    start = html.index(f'id="p-{position}"')
    return html[start : html.index("</section>", start)]


def test_article_page_lists_each_paragraphs_quotes_under_it(client):
    html = page(client, f"/articles/{BROOMSTICKS}")
    quoted = section(html, 10)
    assert 'class="quotes"' in quoted
    assert '<a class="speaker" href="/speakers/Dmitry%20Rogozin"' in quoted
    assert "Dmitry Rogozin</a>:" in quoted
    assert "“Let them fly on something else, on broomsticks.”" in quoted
    assert 'class="quotes"' not in section(html, 11)  # narration only


@pytest.fixture
def quotes_client(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "council.md").write_text(
        "---\ntitle: Council\n---\n"
        'Jane Roe said: "<b>bold</b> words are here today."\n\n'
        "Jane Roe said that the council would vote against the <i>plan</i> next week.\n"
    )
    reindex(corpus, tmp_path / "index")
    return create_app({"INDEX_DIR": str(tmp_path / "index")}).test_client()


def test_article_page_shows_quotes_escaped_with_reported_ones_marked(quotes_client):
    html = page(quotes_client, "/articles/council")
    assert "<b>" not in html and "<i>" not in html
    direct = section(html, 0)
    assert 'href="/speakers/Jane%20Roe"' in direct and "Jane Roe</a>:" in direct
    assert "“&lt;b&gt;bold&lt;/b&gt; words are here today.”" in direct
    reported = section(html, 1)
    assert "Jane Roe</a>:" in reported and "“" not in reported
    assert (
        "the council would vote against the &lt;i&gt;plan&lt;/i&gt; next week. "
        '<span class="reported">(reported)</span>'
    ) in reported
    # The speaker link opens everything they said, and the filter still finds them.
    assert "2 quotations" in page(quotes_client, "/speakers/Jane%20Roe")
    assert "2 paragraphs" in page(quotes_client, speaker="Jane Roe")


def test_bad_input_gets_a_message_not_a_500(client):
    html = page(client, status=400, q='"unclosed')
    assert "unclosed" in html and 'value="&#34;unclosed"' in html
    assert "sort must be one of" in page(client, status=400, sort="worst")
    assert "404" in page(client, "/articles/nope", status=404)


def test_a_missing_index_explains_how_to_build_one(tmp_path: Path):
    client = create_app({"INDEX_DIR": str(tmp_path / "none")}).test_client()
    assert "searchapp reindex" in page(client, status=503)
    assert client.get("/api/search").status_code == 503


def test_pages_work_on_a_phone_width(client):
    html = page(client, q="sanctions")
    assert 'name="viewport" content="width=device-width' in html
    with client.get("/static/style.css") as response:
        css = response.get_data(as_text=True)
    assert "@media (max-width: 700px)" in css


def test_a_hits_outlet_filters_and_its_speakers_open_their_pages(client):
    html = page(client, q="broomsticks")
    assert 'href="?q=broomsticks&amp;outlet=_unknown"' in html
    assert '<a class="speaker" href="/speakers/Dmitry%20Rogozin"' in html
    # The speaker facet offers each value's page beside its checkbox.
    assert 'class="profile" href="/speakers/Dmitry%20Rogozin"' in html


def test_show_more_values_survives_ticking_a_filter(client):
    html = page(client, q="sanctions", facet_size=30)
    assert '<input type="hidden" name="facet_size" value="30">' in html
    assert 'name="facet_size"' not in page(client, q="sanctions")
