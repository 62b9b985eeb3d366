"""Speaker pages, `/speakers/<name>` and `GET /api/speakers/<name>`: everything one speaker
said, with their outlets, months, spellings and the people quoted beside them."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import BROOMSTICKS, NEWSWEEK

from searchapp import create_app
from searchapp.indexing import reindex

ROGOZIN = "/speakers/Dmitry%20Rogozin"


def api(client, name: str, status: int = 200, **params) -> dict:
    response = client.get(f"/api/speakers/{name}", query_string=params)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    return response.get_json()


def html(client, path: str, status: int = 200, **params) -> str:
    response = client.get(path, query_string=params)
    assert response.status_code == status
    return response.get_data(as_text=True)


def between(text: str, start: str, end: str) -> str:
    begin = text.index(start)
    return text[begin : text.index(end, begin)]


def test_the_api_gives_the_whole_record_of_rogozin(client):
    data = api(client, "Dmitry Rogozin")
    assert data["name"] == "Dmitry Rogozin" and data["url"] == ROGOZIN
    assert "requested" not in data
    assert data["forms"] == ["Dmitry Rogozin"]
    assert (data["quotations"], data["paragraphs"], data["articles"]) == (34, 31, 5)
    # Outlets: his quotations per outlet, most first; the seeds' fifth article has none.
    assert data["outlets"] == [
        {"outlet": None, "quotations": 12},
        {"outlet": "The Epoch Times", "quotations": 8},
        {"outlet": "Newsweek", "quotations": 7},
        {"outlet": "The Hamden Journal", "quotations": 7},
    ]
    assert sum(o["quotations"] for o in data["outlets"]) == data["quotations"]
    assert data["months"] == [{"month": "2022-04", "quotations": 14}]
    assert data["undated"] == 20
    co = data["co_quoted"]
    assert len(co) == 10 and "Dmitry Rogozin" not in [c["name"] for c in co]
    assert co[:2] == [
        {"name": "Bill Nelson", "shared_articles": 2, "url": "/speakers/Bill%20Nelson"},
        {"name": "Josef Aschbacher", "shared_articles": 2, "url": "/speakers/Josef%20Aschbacher"},
    ]
    assert [c["shared_articles"] for c in co] == sorted(
        (c["shared_articles"] for c in co), reverse=True
    )


def test_quotations_come_newest_first_undated_last_and_page(client):
    everything = api(client, "Dmitry Rogozin", per_page=100)
    assert everything["pages"] == 1 and len(everything["quotes"]) == 34
    dates = [q["date"] for q in everything["quotes"]]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and len(dated) == 14
    assert dates == dated + [None] * 20  # undated last
    broomsticks = [q for q in everything["quotes"] if "broomsticks" in q["text"]]
    assert broomsticks[0]["direct"] is True
    assert broomsticks[0]["url"] == f"/articles/{BROOMSTICKS}?p=10#p-10"

    first = api(client, "Dmitry Rogozin", per_page=10)
    second = api(client, "Dmitry Rogozin", per_page=10, page=2)
    last = api(client, "Dmitry Rogozin", per_page=10, page=4)
    assert first["pages"] == 4 and len(last["quotes"]) == 4
    ids = [q["quote_id"] for page in (first, second) for q in page["quotes"]]
    assert ids == [q["quote_id"] for q in everything["quotes"][:20]]
    past = api(client, "Dmitry Rogozin", 404, per_page=10, page=5)
    assert past["error"]["param"] == "page" and "4 pages" in past["error"]["message"]
    assert api(client, "Dmitry Rogozin", 400, per_page=101)["error"]["param"] == "per_page"


@pytest.mark.parametrize("typed", ["rogozin", "ROGOZIN", "Rogozin", "dmitry rogozin", "Rogozín"])
def test_other_spellings_redirect_the_page_and_are_answered_by_the_api(client, typed):
    response = client.get(f"/speakers/{typed}", query_string={"page": 2})
    assert response.status_code == 302
    assert response.headers["Location"] == f"{ROGOZIN}?page=2"
    data = api(client, typed)
    assert data["name"] == "Dmitry Rogozin" and data["requested"] == typed


def test_an_unknown_name_is_404_with_the_nearest_names(client):
    page = html(client, "/speakers/Rogozn", 404)
    assert "not a speaker" in page
    assert '<a class="speaker" href="/speakers/Dmitry%20Rogozin">Dmitry Rogozin</a>' in page
    error = api(client, "Rogozn", 404)["error"]
    assert error["param"] == "name"
    assert error["nearest"] == [{"name": "Dmitry Rogozin", "url": ROGOZIN}]


@pytest.mark.parametrize(
    "path",
    [
        "/speakers/" + "x" * 100_000,
        "/speakers/..",
        "/speakers/%2E%2E",
        "/speakers/%00",
        "/speakers/Dmitry%00Rogozin",
        "/speakers/%FF%FE",
        "/speakers/a/../b",
        "/speaker?name=..",
        "/speaker",
    ],
)
def test_hostile_names_get_a_clear_404_never_a_500(client, path):
    for prefix in ("", "/api"):
        response = client.get(prefix + path)
        assert response.status_code == 404, (prefix + path)[:80]
        text = response.get_data(as_text=True)
        assert len(text) < 5_000  # a long name is not echoed whole
        if prefix:
            assert response.get_json()["error"]["param"] == "name"
        else:
            assert "<h1>404 Not Found</h1>" in text


def test_bad_paging_on_the_page_is_400_and_past_the_end_404_with_a_way_back(client):
    assert "Open the first page" in html(client, ROGOZIN, 400, page="x")
    past = html(client, ROGOZIN, 404, page=99)
    assert f'href="{ROGOZIN}?page=2"' in past  # the last page, at 20 a page


def test_the_page_shows_quotations_outlets_months_and_company(client):
    page = html(client, ROGOZIN)
    assert "<h1>Dmitry Rogozin</h1>" in page
    assert "34 quotations" in page and "5 articles" in page
    quotes = between(page, '<ol class="spoken"', "</ol>")
    assert quotes.count('<li class="spoken-quote') == 20
    assert f'href="/articles/{NEWSWEEK}?p=1#p-1"' in quotes
    assert "Page 1 of 2" in page and f'rel="next" href="{ROGOZIN}?page=2"' in page
    outlets = between(page, 'id="speaker-outlets"', "</section>")
    names = re.findall(r'<span class="name">([^<]+)</span></a> <span class="count">(\d+)', outlets)
    assert names[:2] == [("Unknown outlet", "12"), ("The Epoch Times", "8")]
    months = between(page, 'id="speaker-months"', "</section>")
    assert ">2022-04</a>" in months and "Unknown date" in months
    company = between(page, 'id="speaker-co-quoted"', "</section>")
    assert 'href="/speakers/Bill%20Nelson"' in company and company.count("<li>") == 10
    assert 'href="/quotes?speaker=Dmitry+Rogozin"' in page

    second = html(client, ROGOZIN, page=2)
    assert second.count('<li class="spoken-quote') == 14 and "Page 2 of 2" in second
    assert 'start="21"' in second and "Unknown date" in second


def test_every_speaker_in_an_article_links_to_their_page(client):
    page = html(client, f"/articles/{BROOMSTICKS}")
    links = re.findall(r'<a class="speaker" href="([^"]+)"', page)
    assert links and all(link.startswith("/speakers/") for link in links)
    assert ROGOZIN in links
    for link in set(links):
        assert client.get(link).status_code == 200


def test_the_speaker_list_links_each_entry_to_its_page(client):
    data = client.get("/api/speakers", query_string={"limit": 500}).get_json()
    assert data["speakers"][0]["url"] == ROGOZIN
    for entry in data["speakers"]:
        assert api(client, entry["url"].removeprefix("/speakers/"))["name"] == entry["name"]


ARTICLES = {
    "a.txt": "---\ntitle: One\noutlet: Example Wire\ndate: 2021-11-03\n---\n"
    'Dmitry Rogozin said: "The station will fall."\n\n'
    '"We will not give in," Rogozin said on Friday.\n',
    "b.txt": "---\ntitle: <b>Two</b>\noutlet: Example <i>Post</i>\ndate: 2022-02-10\n---\n"
    'Rogozin told reporters: "Sanctions will <script>alert(1)</script> not work."\n\n'
    'Bill Nelson said: "We keep working."\n',
    "c.txt": "---\ntitle: Three\noutlet: Example Wire\n---\n"
    'Joe Biden said: "We will win."\n\n'
    'Hunter Biden said: "I will testify."\n',
}


@pytest.fixture(scope="module")
def merged_client(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("speaker-pages")
    (folder / "corpus").mkdir()
    for name, text in ARTICLES.items():
        (folder / "corpus" / name).write_text(text)
    reindex(folder / "corpus", folder / "index")
    return create_app({"TESTING": True, "INDEX_DIR": str(folder / "index")}).test_client()


def test_merged_spellings_are_listed_and_lead_to_the_name(merged_client):
    data = api(merged_client, "Dmitry Rogozin")
    assert data["forms"] == ["Dmitry Rogozin", "Rogozin"]
    assert data["quotations"] == 3
    for typed in ("Rogozin", "ROGOZIN", "rogozin"):
        assert merged_client.get(f"/speakers/{typed}").headers["Location"] == ROGOZIN
    page = html(merged_client, ROGOZIN)
    assert "Written as:" in page and '<span class="form">Rogozin</span>' in page


def test_a_surname_two_speakers_share_offers_both(merged_client):
    error = api(merged_client, "biden", 404)["error"]
    assert "could be several speakers" in error["message"]
    assert {near["name"] for near in error["nearest"]} == {"Hunter Biden", "Joe Biden"}
    page = html(merged_client, "/speakers/BIDEN", 404)
    assert 'href="/speakers/Joe%20Biden"' in page and 'href="/speakers/Hunter%20Biden"' in page


def test_every_month_from_first_to_last_is_listed_empty_ones_too(merged_client):
    months = api(merged_client, "Dmitry Rogozin")["months"]
    assert [m["month"] for m in months] == ["2021-11", "2021-12", "2022-01", "2022-02"]
    assert [m["quotations"] for m in months] == [2, 0, 0, 1]
    assert api(merged_client, "Dmitry Rogozin")["undated"] == 0
    assert api(merged_client, "Dmitry Rogozin")["quotes"][0]["date"] == "2022-02-10"


def test_untrusted_text_is_escaped_on_the_page(merged_client):
    page = html(merged_client, ROGOZIN)
    assert "<script>" not in page and "<b>Two" not in page and "<i>Post" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Example &lt;i&gt;Post&lt;/i&gt;" in page


@pytest.mark.parametrize(
    "name", ["AT&T", "Ben/Jerry's", "Mr. A.B. Smith", "Рогозин 100%", "a?b#c", "."]
)
def test_any_name_round_trips_through_its_url(app, name):
    from searchapp.pages import speaker_url

    with app.test_request_context():
        url = speaker_url(name)
    adapter = app.url_map.bind("localhost")
    path, _, query = url.partition("?")
    endpoint, args = adapter.match(unquote(path), query_args=query)  # as a server decodes it
    assert endpoint == "pages.speaker"
    if name == ".":
        assert url == "/speaker?name=."
    else:
        assert args["name"] == name.replace(",", " ")


def test_the_index_without_a_speaker_answers_404_not_500(tmp_path: Path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "quiet.txt").write_text("---\ntitle: Quiet\n---\nNobody spoke.\n")
    reindex(tmp_path / "corpus", tmp_path / "index")
    client = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "index")}).test_client()
    assert client.get("/speakers/anyone").status_code == 404
    assert api(client, "anyone", 404)["error"]["nearest"] == []
