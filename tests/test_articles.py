"""The article page and API: paging a long article, and ids no URL path takes as written."""

from __future__ import annotations

import html
import http.client
import json
import re
import threading
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import free_port
from flask import request, url_for
from hypothesis import given, settings
from hypothesis import strategies as st

from searchapp import create_app
from searchapp.articles import DEFAULT_PER_PAGE, MAX_PER_PAGE
from searchapp.engine import ParagraphIndex
from searchapp.indexing import reindex

LONG = "long-record"
LONG_PARAGRAPHS = 1500
# Ids a JSON Lines file can give (they are stripped of surrounding whitespace).
ODD_IDS = [
    "line\nbreak",
    "/leading-slash",
    "//",
    "a//b",
    "/",
    "ends-with/",
    "what?now",
    "hash#tag",
    "100%",
    "%41",
    "..",
    ".",
    "../up",
    "a/../b",
    "with spaces",
    "x:1:2",
    "back\\slash",
    "Zürich 日本語 ünïcode",
]
TRAILING_SPACE = "trailing "  # from a file name, which keeps it


def marker(number: int) -> str:
    """A word only article `number` has, to find it through the search page."""
    return "oddity" + chr(ord("a") + number) * 3


def long_text(paragraphs: int) -> str:
    return "\n\n".join(f"Paragraph {i} of the long record, on item {i}." for i in range(paragraphs))


@pytest.fixture(scope="module")
def article_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = tmp_path_factory.mktemp("article-corpus")
    lines = [{"id": LONG, "title": "The long record", "text": long_text(LONG_PARAGRAPHS)}]
    for number, article_id in enumerate(ODD_IDS):
        text = f"An opening paragraph.\n\nThe {marker(number)} paragraph."
        lines.append({"id": article_id, "title": f"Odd article {number}", "text": text})
    (corpus / "articles.jsonl").write_text(
        "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8"
    )
    (corpus / f"{TRAILING_SPACE}.md").write_text(
        f"---\ntitle: Odd article {len(ODD_IDS)}\n---\n"
        f"An opening paragraph.\n\nThe {marker(len(ODD_IDS))} paragraph.\n"
    )
    index_dir = tmp_path_factory.mktemp("article-index")
    report = reindex(corpus, index_dir)
    assert report.articles == len(ODD_IDS) + 2 and not report.skipped
    return index_dir


@pytest.fixture(scope="module")
def article_app(article_index: Path):
    return create_app({"TESTING": True, "INDEX_DIR": str(article_index)})


@pytest.fixture
def client(article_app):
    return article_app.test_client()


def api(client, article_id: str = LONG, status: int = 200, **params) -> dict:
    response = client.get(f"/api/articles/{quote(article_id, safe='')}", query_string=params)
    assert response.status_code == status, response.get_json()
    return response.get_json()


def page(client, article_id: str = LONG, status: int = 200, **params) -> str:
    response = client.get(f"/articles/{quote(article_id, safe='')}", query_string=params)
    assert response.status_code == status
    return response.get_data(as_text=True)


def positions(html_page: str) -> list[int]:
    return [int(n) for n in re.findall(r'<section class="paragraph[^"]*" id="p-(\d+)"', html_page)]


def links(html_page: str) -> dict[str, str]:
    """The article page's previous/next links, unescaped."""
    found = re.findall(r'<a rel="(prev|next)" href="([^"]*)"', html_page)
    return {rel: html.unescape(href) for rel, href in found}


ALL_ODD = [*enumerate(ODD_IDS), (len(ODD_IDS), TRAILING_SPACE)]


def test_every_indexed_id_is_kept_as_written(article_index: Path):
    searcher = ParagraphIndex.open(article_index).searcher()
    try:
        indexed = {doc.article_id for doc in searcher.iter_all()}
    finally:
        searcher.close()
    assert indexed == {LONG, TRAILING_SPACE, *ODD_IDS}


@pytest.mark.parametrize(("number", "article_id"), ALL_ODD)
def test_an_odd_id_opens_through_the_link_the_search_page_gives(client, number, article_id):
    results = client.get("/", query_string={"q": marker(number)}).get_data(as_text=True)
    [href] = re.findall(r'<a class="title" href="([^"]*)"', results)
    path, fragment = html.unescape(href).split("#")
    assert fragment == "p-1"
    response = client.get(path)
    assert response.status_code == 200, path
    article = response.get_data(as_text=True)
    assert f"Odd article {number}</h1>" in article
    assert 'class="paragraph kind-body hit" id="p-1"' in article  # where the anchor lands
    assert f"back=q%3D{marker(number)}" in path and "Back to results" in article


@pytest.mark.parametrize(("number", "article_id"), ALL_ODD)
def test_an_odd_id_opens_through_the_api(client, number, article_id):
    data = api(client, article_id)
    assert data["article_id"] == article_id and data["title"] == f"Odd article {number}"
    assert [p["id"] for p in data["paragraphs"]] == [f"{article_id}:0", f"{article_id}:1"]
    # The query-string form, which the ids "." and ".." need (clients resolve them in a path).
    by_query = client.get("/api/articles", query_string={"article_id": article_id})
    assert by_query.status_code == 200 and by_query.get_json() == data


def test_dot_segment_ids_are_linked_by_query_string(article_app):
    with article_app.test_request_context():
        assert url_for("pages.article", article_id="..") == "/articles?article_id=.."
        assert url_for("api.article_endpoint", article_id=".") == "/api/articles?article_id=."
        assert url_for("pages.article", article_id="a/../b") == "/articles/a%2F..%2Fb"


@settings(max_examples=300, deadline=None, database=None)
@given(article_id=st.text(min_size=1))
def test_any_id_round_trips_through_url_for(article_app, article_id):
    for endpoint in ("pages.article", "api.article_endpoint"):
        with article_app.test_request_context():
            url = url_for(endpoint, article_id=article_id, p=3, back="q=x y")
        with article_app.test_request_context(url):
            assert request.endpoint == endpoint
            routed = (request.view_args or {}).get("article_id")
            assert (routed if routed is not None else request.args["article_id"]) == article_id
            assert request.args["p"] == "3" and request.args["back"] == "q=x y"


@pytest.fixture(scope="module")
def article_server(article_index: Path):
    """The app on waitress, which decodes the path itself (`%2F` to `/`) before routing."""
    from waitress.server import create_server

    port = free_port()
    app = create_app({"INDEX_DIR": str(article_index)})
    server = create_server(app, host="127.0.0.1", port=port, threads=2)
    threading.Thread(target=server.run, daemon=True).start()
    yield port
    server.close()


def test_odd_ids_open_over_http(article_app, article_server):
    connection = http.client.HTTPConnection("127.0.0.1", article_server, timeout=10)
    try:
        for article_id in [*ODD_IDS, TRAILING_SPACE]:
            with article_app.test_request_context():
                url = url_for("api.article_endpoint", article_id=article_id)
            connection.request("GET", url)
            response = connection.getresponse()
            body = json.loads(response.read())
            assert response.status == 200, (url, body)
            assert body["article_id"] == article_id
    finally:
        connection.close()


@pytest.mark.browser
def test_odd_ids_open_from_their_result_links_in_chromium(article_server):
    # Browsers resolve dot segments, even written %2E%2E, so this is where a path that
    # kept "/" as written (`/articles/a/../b` opens `/articles/b`) would go wrong.
    from playwright.sync_api import sync_playwright
    from test_browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            tab = browser.new_page()
            for number, _article_id in ALL_ODD:
                tab.goto(f"http://127.0.0.1:{article_server}/?q={marker(number)}")
                tab.click(".hit a.title")
                tab.wait_for_url(re.compile(r"#p-1$"))
                assert tab.locator("h1").inner_text().startswith(f"Odd article {number}")
                assert tab.locator(".paragraph.hit").get_attribute("id") == "p-1"
        finally:
            browser.close()


def test_the_api_pages_a_long_article(client):
    first = api(client)
    assert (first["paragraph_count"], first["page"], first["per_page"], first["pages"]) == (
        LONG_PARAGRAPHS,
        1,
        DEFAULT_PER_PAGE,
        15,
    )
    assert [p["position"] for p in first["paragraphs"]] == list(range(100))
    assert set(first) == {
        "article_id",
        "title",
        "title_derived",
        "outlet",
        "date",
        "author",
        "url",
        "paragraph_count",
        "page",
        "per_page",
        "pages",
        "paragraphs",
    }
    assert set(first["paragraphs"][0]) == {"id", "position", "kind", "speakers", "quotes", "text"}
    biggest = api(client, page=3, per_page=MAX_PER_PAGE)
    assert [p["position"] for p in biggest["paragraphs"]] == list(range(1000, 1500))
    last = api(client, page=215, per_page=7)  # 1,500 = 214 × 7 + 2
    assert last["pages"] == 215 and [p["position"] for p in last["paragraphs"]] == [1498, 1499]
    assert last["paragraphs"][1]["text"] == "Paragraph 1499 of the long record, on item 1499."


def test_a_page_past_the_end_is_a_404_saying_how_many_there_are(client):
    error = api(client, status=404, page=16)["error"]
    assert error["param"] == "page" and "15 pages" in error["message"]
    html_page = page(client, status=404, page=16)
    assert "15 pages" in html_page
    assert html.unescape(links_to_article(html_page)) == f"/articles/{LONG}?page=15"


def links_to_article(html_page: str) -> str:
    [href] = re.findall(r'<a href="(/articles/[^"]*)">', html_page)
    return href


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"page": "0"}, "page"),
        ({"page": "-1"}, "page"),
        ({"page": "two"}, "page"),
        ({"page": "1.5"}, "page"),
        ({"page": "9" * 5000}, "page"),
        ({"per_page": "0"}, "per_page"),
        ({"per_page": str(MAX_PER_PAGE + 1)}, "per_page"),
        ({"per_page": "many"}, "per_page"),
    ],
)
def test_bad_paging_values_are_a_400_naming_the_parameter(client, params, param):
    error = api(client, status=400, **params)["error"]
    assert error["param"] == param and repr(param) in error["message"]
    html_page = page(client, status=400, **params)
    assert repr(param) in html.unescape(html_page)
    assert html.unescape(links_to_article(html_page)) == f"/articles/{LONG}?page=1"


def test_a_result_link_opens_the_page_holding_its_paragraph(client):
    html_page = page(client, p=1234, back="q=record")
    assert positions(html_page) == list(range(1200, 1300))
    assert 'class="paragraph kind-body hit" id="p-1234"' in html_page
    assert "Page 13 of 15: paragraphs 1201–1300 of 1500" in html_page
    assert 'href="/?q=record">← Back to results' in html_page
    pager = links(html_page)
    assert pager == {
        "prev": f"/articles/{LONG}?page=12&p=1234&back=q%3Drecord",
        "next": f"/articles/{LONG}?page=14&p=1234&back=q%3Drecord",
    }
    following = client.get(pager["next"]).get_data(as_text=True)
    assert positions(following) == list(range(1300, 1400)) and "kind-body hit" not in following
    assert links(following)["prev"] == pager["prev"].replace("page=12", "page=13")
    back = client.get(links(following)["prev"]).get_data(as_text=True)
    assert 'class="paragraph kind-body hit" id="p-1234"' in back  # the highlight is kept


def test_first_and_last_pages_have_one_way_to_go(client):
    first = page(client)
    assert positions(first) == list(range(100)) and set(links(first)) == {"next"}
    assert first.count('aria-label="Article pages"') == 2  # above and below the paragraphs
    last = page(client, page=8, per_page=200)
    assert positions(last) == list(range(1400, 1500)) and set(links(last)) == {"prev"}
    assert links(last)["prev"] == f"/articles/{LONG}?page=7&per_page=200"
    # A position the article does not have (a link older than a reindex) opens page 1.
    assert positions(page(client, p=99_999)) == list(range(100))
    # A short article has no pager at all.
    assert 'aria-label="Article pages"' not in page(client, ODD_IDS[0])


def test_one_page_of_a_long_article_is_small_and_reads_only_its_paragraphs(
    client, article_index: Path, monkeypatch
):
    small, large = len(page(client, per_page=10)), len(page(client, per_page=100))
    per_paragraph = (large - small) / 90
    assert per_paragraph < 300 and small < 6_000  # the whole article would be 1,500 of them
    searcher = ParagraphIndex.open(article_index).searcher()
    reader = searcher.whoosh.reader()
    reads = []
    stored_fields = reader.stored_fields
    monkeypatch.setattr(reader, "stored_fields", lambda n: reads.append(n) or stored_fields(n))
    try:
        count, paragraphs = searcher.article_page(LONG, 700, 800)
    finally:
        searcher.close()
    assert count == LONG_PARAGRAPHS and [p.position for p in paragraphs] == list(range(700, 800))
    assert len(reads) <= 101


def test_a_changed_article_pages_by_its_new_paragraphs_only(tmp_path: Path):
    # Large enough that the old version's segment is kept, with its paragraphs deleted:
    # their postings stay behind until segments merge.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    source = corpus / "long.jsonl"
    source.write_text(json.dumps({"id": LONG, "title": "Long", "text": long_text(2600)}) + "\n")
    reindex(corpus, tmp_path / "index")
    source.write_text(json.dumps({"id": LONG, "title": "Long", "text": long_text(1234)}) + "\n")
    assert reindex(corpus, tmp_path / "index").incremental
    client = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "index")}).test_client()
    last = api(client, page=13)
    assert last["paragraph_count"] == 1234 and last["pages"] == 13
    assert [p["position"] for p in last["paragraphs"]] == list(range(1200, 1234))
    api(client, status=404, page=14)
    searcher = ParagraphIndex.open(tmp_path / "index").searcher()
    try:  # the case this test is for: Whoosh still counts the old version's paragraphs
        assert searcher.whoosh.reader().doc_frequency("article_id", LONG) > 1234
    finally:
        searcher.close()


def test_unknown_articles_are_404s(client):
    assert "error" in api(client, "no such article", status=404)
    assert "no such article" in page(client, "no such article", status=404)
    assert client.get("/api/articles").status_code == 404  # no id at all
    assert client.get("/articles").status_code == 404
