"""The JSON API through Flask's test client: search, facets, highlighting, bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import BROOMSTICKS, EPOCH_TIMES, HAMDEN, NEWSWEEK, SEEDS

from searchapp import create_app
from searchapp.generations import current_generation
from searchapp.indexing import reindex


def get(client, **params):
    response = client.get("/api/search", query_string=params)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def facet(data, name):
    return {item["value"]: item["count"] for item in data["facets"][name]}


def test_author_finds_every_paragraph_of_the_article_its_byline_signs(client):
    data = get(client, q="author:ozimek", per_page=100)
    assert data["total"] == 19  # the Epoch Times seed: "Tom Ozimek" above his bio
    assert {(hit["article_id"], hit["author"]) for hit in data["hits"]} == {
        (EPOCH_TIMES, "Tom Ozimek")
    }


def test_a_derived_title_has_no_furniture_before_the_lead(client):
    hits = [hit for hit in get(client, q="Hamden")["hits"] if hit["article_id"] == HAMDEN]
    assert hits and all(hit["title_derived"] for hit in hits)
    # The source opens "date 2022-04-02 Russia says ...": the date is not the title's.
    assert {hit["title"] for hit in hits} == {
        "Russia says it will end cooperation with other nations on the International Space Station…"
    }


def test_broomsticks_finds_the_one_paragraph_with_the_word_highlighted(client):
    data = get(client, q="broomsticks")
    assert data["total"] == 1 and data["pages"] == 1
    [hit] = data["hits"]
    assert hit["id"] == f"{BROOMSTICKS}:10"
    assert (hit["article_id"], hit["position"], hit["kind"]) == (BROOMSTICKS, 10, "body")
    assert "<mark>broomsticks</mark>" in hit["snippet"]
    assert hit["outlet"] is None and hit["date"] is None
    assert hit["score"] > 0 and isinstance(data["took_ms"], float)
    assert set(hit) >= {
        "id",
        "article_id",
        "position",
        "title",
        "outlet",
        "date",
        "speakers",
        "kind",
        "text",
        "snippet",
        "score",
    }


def test_stemming_matches_other_forms_and_highlights_the_word_as_written(client):
    data = get(client, q="sanctioning", per_page=100)
    assert data["total"] > 20
    for hit in data["hits"]:
        marked = re.findall(r"<mark>(.*?)</mark>", hit["snippet"])
        assert marked and all(word.lower().startswith("sanction") for word in marked)
        assert all(word in hit["text"] for word in marked)  # as written, not the stem
    assert any("<mark>sanctions</mark>" in hit["snippet"] for hit in data["hits"])


def test_snippets_escape_article_text(client):
    data = get(client, q="Soviet space race")
    snippet = data["hits"][0]["snippet"]
    assert "<mark>" in snippet
    assert "<" not in snippet.replace("<mark>", "").replace("</mark>", "")


def test_query_syntax_phrases_boolean_and_fields(client):
    phrase = get(client, q='"space race"')["total"]
    assert phrase == 1
    both = get(client, q="sanctions AND broomsticks")["total"]
    either = get(client, q="sanctions OR broomsticks")["total"]
    without = get(client, q="sanctions NOT rogozin")["total"]
    sanctions = get(client, q="sanctions")["total"]
    assert both == 0 and either == sanctions + 1 and 0 < without < sanctions
    assert get(client, q="outlet:newsweek")["total"] == get(client, outlet="Newsweek")["total"]
    rogozin = get(client, q="speaker:rogozin", per_page=100)
    assert rogozin["total"] > 10
    assert all("Dmitry Rogozin" in hit["speakers"] for hit in rogozin["hits"])


def test_outlet_facet_counts_every_match_including_unknown(client):
    data = get(client, q="sanctions")
    outlets = facet(data, "outlet")
    assert sum(outlets.values()) == data["total"]
    assert outlets["Newsweek"] > 0 and outlets[None] > 0
    unknown = next(item for item in data["facets"]["outlet"] if item["value"] is None)
    assert unknown["label"] == "Unknown outlet"


def test_facets_are_disjunctive(client):
    before = get(client, q="sanctions")
    after = get(client, q="sanctions", outlet="Newsweek")
    assert after["total"] == facet(before, "outlet")["Newsweek"]
    # Ticking an outlet leaves the other outlets and their counts in place.
    assert facet(after, "outlet") == facet(before, "outlet")
    selected = {item["value"]: item["selected"] for item in after["facets"]["outlet"]}
    assert selected["Newsweek"] is True and selected["The Epoch Times"] is False
    # Other facets are narrowed to Newsweek's paragraphs.
    assert sum(facet(after, "date").values()) == after["total"]
    assert all(hit["outlet"] == "Newsweek" for hit in after["hits"])


def test_values_of_one_facet_are_ored_and_facets_anded(client):
    before = facet(get(client, q="sanctions"), "outlet")
    two = get(client, q="sanctions", outlet=["Newsweek", "The Epoch Times"])
    assert two["total"] == before["Newsweek"] + before["The Epoch Times"]
    narrowed = get(
        client,
        q="sanctions",
        outlet=["Newsweek", "The Epoch Times"],
        speaker="Dmitry Rogozin",
        per_page=100,
    )
    assert 0 < narrowed["total"] < two["total"]
    for hit in narrowed["hits"]:
        assert hit["outlet"] in ("Newsweek", "The Epoch Times")
        assert "Dmitry Rogozin" in hit["speakers"]
    speakers = facet(get(client, q="sanctions", outlet=["Newsweek", "The Epoch Times"]), "speaker")
    assert narrowed["total"] == speakers["Dmitry Rogozin"]


def test_unknown_outlet_can_be_selected(client):
    data = get(client, outlet="_unknown", per_page=100)
    assert data["total"] == facet(get(client), "outlet")[None]
    assert {hit["outlet"] for hit in data["hits"]} == {None}


def test_date_facet_by_month_and_date_range(client):
    everything = get(client)
    months = facet(everything, "date")
    assert set(months) == {"2022-04", None}
    april = get(client, date="2022-04")
    assert april["total"] == months["2022-04"]
    in_range = get(client, **{"from": "2022-04-02", "to": "2022-04-02"})
    assert in_range["total"] == months["2022-04"]
    assert get(client, **{"from": "2022-04-03"})["total"] == 0


def test_empty_query_browses_newest_first_with_undated_last(client):
    data = get(client, per_page=100)
    assert data["sort"] == "date_desc" and data["total"] == 70
    dates = [hit["date"] for hit in data["hits"]]
    first_undated = dates.index(None)
    assert all(dates[first_undated:]) is False and None not in dates[:first_undated]
    assert all(date is None for date in dates[first_undated:])
    assert data["hits"][0]["score"] is None


def test_relevance_ranks_captions_and_furniture_below_body_text(client):
    data = get(client, q="space station", per_page=100)
    kinds = [hit["kind"] for hit in data["hits"]]
    assert "caption" in kinds and "body" in kinds
    first_furniture = min(i for i, kind in enumerate(kinds) if kind != "body")
    assert all(kind != "body" for kind in kinds[first_furniture:])
    # Body text: more of the words first, then the better score.
    keys = [(len(hit["missing_words"]), -hit["score"]) for hit in data["hits"][:first_furniture]]
    assert keys == sorted(keys)


def test_pagination(client):
    first = get(client, q="sanctions", per_page=4)
    second = get(client, q="sanctions", per_page=4, page=2)
    assert first["pages"] == -(-first["total"] // 4) and second["page"] == 2
    assert not {h["id"] for h in first["hits"]} & {h["id"] for h in second["hits"]}
    everything = get(client, q="sanctions", per_page=100)
    assert [h["id"] for h in everything["hits"][:8]] == [
        h["id"] for h in first["hits"] + second["hits"]
    ]
    assert get(client, q="sanctions", page=999)["hits"] == []


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"sort": "best"}, "sort"),
        ({"page": "0"}, "page"),
        ({"page": "two"}, "page"),
        ({"per_page": "1000"}, "per_page"),
        ({"from": "2022-13-01"}, "from"),
        ({"from": "2022-04-05", "to": "2022-04-01"}, "to"),
        ({"date": "April"}, "date"),
        ({"q": '"unclosed'}, "q"),
        ({"q": "nosuchfield:x"}, "q"),
        ({"q": "(sanctions"}, "q"),
    ],
)
def test_bad_parameters_get_a_400_naming_the_parameter(client, params, param):
    response = client.get("/api/search", query_string=params)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["param"] == param and len(error["message"]) > 10


@pytest.mark.parametrize(
    "q",
    [
        "*",
        "?",
        "outlet:",
        "a^^^2",
        "sanction~",
        "sanct*",
        "<script>alert(1)</script>",
        "\x00",
        "{",
        "::::",
        "AND",
        "NOT",
        "x" * 5000,
        "https://example.org/a",
    ],
)
def test_odd_queries_never_500(client, q):
    response = client.get("/api/search", query_string={"q": q})
    assert response.status_code in (200, 400)
    assert "hits" in response.get_json() or "error" in response.get_json()


def test_article_endpoint_returns_metadata_and_paragraphs(client):
    data = client.get(f"/api/articles/{NEWSWEEK}").get_json()
    assert data["outlet"] == "Newsweek" and data["date"] == "2022-04-02"
    assert data["title_derived"] is True and data["title"].startswith("Russia will end")
    assert [p["position"] for p in data["paragraphs"]] == list(range(16))
    assert data["paragraphs"][15]["kind"] == "caption"
    hamden = client.get(f"/api/articles/{HAMDEN}").get_json()
    assert hamden["outlet"] == "The Hamden Journal"


def test_unknown_article_and_endpoint_are_json_404s(client):
    assert client.get("/api/articles/nope").status_code == 404
    assert client.get("/api/articles/nope").get_json()["error"]["message"]
    assert client.get("/api/nothing").get_json()["error"]["message"]


def test_quote_field_finds_what_was_said_and_highlights_it_in_the_text(client):
    data = get(client, q="quote:broomsticks")
    [hit] = data["hits"]
    assert hit["id"] == f"{BROOMSTICKS}:10"
    assert "<mark>broomsticks</mark>" in hit["snippet"]
    said = [q["text"] for q in hit["quotes"] if q["speaker"] == "Dmitry Rogozin"]
    assert any("broomsticks" in text for text in said)


def test_quote_field_ignores_words_in_the_narration(client):
    # "commander" is in one paragraph, which quotes Terry Virts but describes him in
    # narration: "..., Virt, a former commander of the ISS, ...".
    [hit] = get(client, q="commander")["hits"]
    assert hit["quotes"] and not any("commander" in q["text"] for q in hit["quotes"])
    assert get(client, q="quote:commander")["total"] == 0


def test_every_quote_hit_has_the_word_inside_a_quotation(client):
    data = get(client, q="quote:sanctions", per_page=100)
    assert 0 < data["total"] < get(client, q="sanctions")["total"]
    for hit in data["hits"]:
        assert any("sanction" in q["text"].lower() for q in hit["quotes"]), hit["id"]
        assert "<mark>" in hit["snippet"], hit["id"]
    rogozin = get(client, q="quote:sanctions AND speaker:rogozin")["total"]
    assert 0 < rogozin <= data["total"]


def test_unknown_field_message_offers_quote(client):
    response = client.get("/api/search", query_string={"q": "nosuchfield:x"})
    assert re.search(r"use one of: .*\bquote\b", response.get_json()["error"]["message"])


def test_article_paragraphs_carry_their_quotes(client):
    paragraphs = client.get(f"/api/articles/{BROOMSTICKS}").get_json()["paragraphs"]
    assert {
        "speaker": "Dmitry Rogozin",
        "text": "Let them fly on something else, on broomsticks.",
        "direct": True,
    } in paragraphs[10]["quotes"]
    for paragraph in paragraphs:
        speakers = list(dict.fromkeys(q["speaker"] for q in paragraph["quotes"]))
        assert paragraph["speakers"] == speakers


def test_an_index_from_another_version_asks_for_a_reindex_then_is_rebuilt(tmp_path: Path):
    index_dir = tmp_path / "old"
    reindex(SEEDS, index_dir)
    info = current_generation(index_dir) / "searchapp.json"
    info.write_text(json.dumps({**json.loads(info.read_text()), "format": 1}))
    client = create_app({"TESTING": True, "INDEX_DIR": str(index_dir)}).test_client()
    response = client.get("/api/search", query_string={"q": "quote:broomsticks"})
    assert response.status_code == 503
    assert "searchapp reindex" in response.get_json()["error"]["message"]

    report = reindex(SEEDS, index_dir)
    assert not report.incremental and report.extracted == 5
    [hit] = get(client, q="quote:broomsticks")["hits"]
