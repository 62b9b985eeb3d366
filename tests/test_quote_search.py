"""The quotes view (`/quotes`, `GET /api/quotes`) and grouping paragraphs by article
(`collapse=article`), through the Flask client: on the seeds, and on a small invented
corpus where two outlets print the same quotation on different days."""

from __future__ import annotations

from pathlib import Path

import pytest

from searchapp import create_app
from searchapp.indexing import reindex

BRENNAN = (
    '"Closing a library is the last thing any of us wanted to do," {said}. '
    '"But the budget leaves us no other choice this year."'
)
ARTICLES = {
    "herald.md": "\n\n".join(
        [
            "---\ntitle: Council votes to close the Elm Street library\noutlet: The Herald\n"
            "date: 2024-03-05\n---\nThe city council voted on Monday to close the Elm Street "
            "library at the end of the year.",
            BRENNAN.format(said="said Mayor Alice Brennan"),
            'Councillor Tom Vickers disagreed. "We found money for a new car park," he said. '
            "Brennan said that the decision was final.",
        ]
    ),
    "gazette.md": "\n\n".join(
        [
            "---\ntitle: Library closure approved\noutlet: Riverside Gazette\n"
            "date: 2024-03-06\n---\nRiverside's council approved the closure of the Elm "
            "Street library.",
            BRENNAN.format(said="Mayor Alice Brennan said on Monday"),
            'Parents who use the library said they would protest. "Our children read there '
            'every week," said Joan Ruiz, a mother of two.',
        ]
    ),
    "courier.md": "---\ntitle: Library to shut\noutlet: The Courier\ndate: 2024-03-04\n---\n"
    "The council is expected to close the Elm Street library, according to a draft budget.\n\n"
    '"We will fight this," said Joan Ruiz, who organised a petition.\n',
}


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory):
    corpus = tmp_path_factory.mktemp("town")
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("town-index")
    reindex(corpus, index_dir)
    return create_app({"TESTING": True, "INDEX_DIR": str(index_dir)}).test_client()


def test_a_quote_hit_is_one_quotation_with_its_speaker_outlet_date_and_paragraph(client):
    found = client.get("/api/quotes?q=sanctions").get_json()
    assert found["total"] > 0
    for hit in found["hits"]:
        assert hit["speaker"] and hit["text"]
        assert isinstance(hit["direct"], bool)
        assert hit["paragraph_id"] == f"{hit['article_id']}:{hit['position']}"
        assert hit["quote_id"].startswith(hit["paragraph_id"] + "#")
        assert {"outlet", "date", "title", "cluster_id", "cluster_size", "copies"} <= set(hit)
    marked = [hit for hit in found["hits"] if "<mark>sanctions</mark>" in hit["snippet"]]
    assert marked, "the searched word is marked inside the quotation"


def test_copies_of_one_quotation_are_one_hit_earliest_outlet_first(town):
    found = town.get('/api/quotes?q="last thing any of us wanted"').get_json()
    assert found["total"] == 1
    (hit,) = found["hits"]
    assert (hit["speaker"], hit["outlet"], hit["date"]) == (
        "Alice Brennan",
        "The Herald",
        "2024-03-05",
    )
    assert hit["cluster_size"] == 2
    assert [(c["outlet"], c["date"]) for c in hit["copies"]] == [
        ("Riverside Gazette", "2024-03-06")
    ]
    assert "<mark>" in hit["snippet"]
    every = town.get('/api/quotes?q="last thing any of us wanted"&collapse=none').get_json()
    assert every["total"] == 2
    assert {h["outlet"] for h in every["hits"]} == {"The Herald", "Riverside Gazette"}
    assert {h["cluster_id"] for h in every["hits"]} == {hit["cluster_id"]}


def test_of_a_paragraphs_quotations_those_with_the_words_are_hits(town):
    """ "budget" is in Brennan's second sentence only; "Vickers" is nobody's words, so
    his paragraph's quotations all stand."""
    budget = town.get("/api/quotes?q=budget&collapse=none").get_json()
    assert {h["text"] for h in budget["hits"]} == {
        "But the budget leaves us no other choice this year."
    }
    assert budget["total"] == 2
    vickers = town.get("/api/quotes?q=Vickers").get_json()
    assert {h["speaker"] for h in vickers["hits"]} == {"Tom Vickers", "Alice Brennan"}
    narrated = town.get("/api/quotes?q=Councillor+money").get_json()
    assert [h["text"] for h in narrated["hits"]] == ["We found money for a new car park"]


def test_the_speaker_filter_and_facet_count_quotations_not_paragraphs(town):
    """Brennan and Vickers are quoted in one paragraph: ticking Vickers shows his words only."""
    found = town.get("/api/quotes?speaker=Tom+Vickers").get_json()
    assert [(h["speaker"], h["text"]) for h in found["hits"]] == [
        ("Tom Vickers", "We found money for a new car park")
    ]
    everyone = town.get("/api/quotes?collapse=none&per_page=100").get_json()
    speakers = {v["value"]: v["count"] for v in everyone["facets"]["speaker"]}
    assert speakers["Alice Brennan"] == sum(
        h["speaker"] == "Alice Brennan" for h in everyone["hits"]
    )
    outlets = {v["value"]: v["count"] for v in everyone["facets"]["outlet"]}
    assert sum(outlets.values()) == everyone["total"] == len(everyone["hits"])
    # Disjunctive: ticking one speaker leaves the others countable.
    ticked = town.get("/api/quotes?speaker=Tom+Vickers").get_json()
    assert {v["value"] for v in ticked["facets"]["speaker"]} >= {"Tom Vickers", "Alice Brennan"}


def test_quotes_sort_by_date_and_page(town):
    newest = town.get("/api/quotes?sort=date_desc&collapse=none&per_page=2").get_json()
    dates = [h["date"] for h in newest["hits"]]
    assert dates == sorted(dates, reverse=True)
    second = town.get("/api/quotes?sort=date_desc&collapse=none&per_page=2&page=2").get_json()
    assert not {h["quote_id"] for h in second["hits"]} & {h["quote_id"] for h in newest["hits"]}
    assert newest["pages"] == second["pages"] >= 2


def test_collapse_is_checked_per_view(client):
    bad = client.get("/api/quotes?collapse=article")
    assert bad.status_code == 400
    assert bad.get_json()["error"]["param"] == "collapse"
    assert client.get("/api/search?collapse=quote").status_code == 400
    assert client.get("/quotes?collapse=article").status_code == 400


def test_paragraphs_grouped_by_article_say_how_many_more_each_has(client):
    flat = client.get("/api/search?q=sanctions&per_page=100").get_json()
    grouped = client.get("/api/search?q=sanctions&collapse=article").get_json()
    articles = {hit["article_id"] for hit in flat["hits"]}
    assert grouped["total"] == len(articles)
    assert len({hit["article_id"] for hit in grouped["hits"]}) == len(grouped["hits"])
    assert sum(1 + hit["more_in_article"] for hit in grouped["hits"]) == flat["total"]
    first = grouped["hits"][0]
    scoped = client.get(f"/api/search?q=sanctions&article={first['article_id']}").get_json()
    assert scoped["total"] == 1 + first["more_in_article"]
    assert {hit["article_id"] for hit in scoped["hits"]} == {first["article_id"]}
    assert client.get("/api/search?q=sanctions&article=no-such-article").get_json()["total"] == 0


def test_the_quotes_page_switches_views_in_the_url_and_lists_copies(town):
    page = town.get('/quotes?q="last thing any of us wanted"').get_data(as_text=True)
    assert "1 quotation for" in page
    assert "Also in:" in page and "Riverside Gazette (2024-03-06)" in page
    assert 'href="/?q=%22last+thing+any+of+us+wanted%22"' in page  # the paragraphs view
    assert 'aria-current="page">Quotes' in page
    paragraphs = town.get('/?q="last thing any of us wanted"').get_data(as_text=True)
    assert 'href="/quotes?q=%22last+thing+any+of+us+wanted%22"' in paragraphs


def test_a_quote_links_to_its_paragraph_and_the_article_leads_back_to_quotes(town):
    found = town.get("/api/quotes?speaker=Tom+Vickers").get_json()
    page = town.get("/quotes?speaker=Tom+Vickers").get_data(as_text=True)
    hit = found["hits"][0]
    link = f"/articles/{hit['article_id']}?p={hit['position']}"
    assert link in page
    start = page.index(link)
    href = page[start : page.index('"', start)].replace("&amp;", "&")
    article = town.get(href).get_data(as_text=True)
    assert 'href="/quotes?speaker=Tom+Vickers"' in article


def test_quote_text_is_escaped_on_the_page(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text(
        "---\ntitle: T\noutlet: O\ndate: 2024-01-01\n---\n"
        '"<script>alert(1)</script> is what we saw," said Mayor Alice Brennan.\n',
        encoding="utf-8",
    )
    reindex(corpus, tmp_path / "index")
    app = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "index")})
    page = app.test_client().get("/quotes?q=saw").get_data(as_text=True)
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize("collapse", ["quote", "none"])
@pytest.mark.parametrize("facet", ["speaker", "outlet", "date"])
def test_a_facet_count_is_the_total_that_ticking_it_gives(client, facet, collapse):
    query = {"q": "sanctions", "collapse": collapse}
    found = client.get("/api/quotes", query_string=query).get_json()
    assert found["facets"][facet]
    for value in found["facets"][facet]:
        ticked = {**query, facet: value["value"] or "_unknown"}
        ticked = client.get("/api/quotes", query_string=ticked).get_json()
        assert ticked["total"] == value["count"], value["label"]


def test_a_quotation_printed_by_hundreds_of_outlets_lists_twenty_and_counts_all(tmp_path: Path):
    corpus = tmp_path / "syndicated"
    corpus.mkdir()
    for n in range(300):
        (corpus / f"copy{n:03}.md").write_text(
            f"---\ntitle: Wire story {n}\noutlet: Paper {n}\ndate: 2024-05-{n % 28 + 1:02}\n---\n"
            '"We will rebuild the bridge before winter," said Mayor Alice Brennan.\n',
            encoding="utf-8",
        )
    reindex(corpus, tmp_path / "index")
    app = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "index")})
    found = app.test_client().get("/api/quotes?q=bridge").get_json()
    assert found["total"] == 1
    (hit,) = found["hits"]
    assert (hit["cluster_size"], hit["copies_total"], len(hit["copies"])) == (300, 299, 20)
    assert hit["date"] == "2024-05-01"  # the earliest copy is the one shown
    every = app.test_client().get("/api/quotes?q=bridge&collapse=none&page=30").get_json()
    assert every["total"] == 300 and len(every["hits"]) == 10
