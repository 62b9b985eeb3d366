"""Every request has a bounded cost: each limit answers 400 naming it, the time limit 503,
and every operator the query syntax accepts either works or says why not."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEEDS

from searchapp import create_app
from searchapp.cli import main
from searchapp.engine import IndexSearcher
from searchapp.search import SearchLimits


def refused(client, status: int = 400, **params) -> dict:
    response = client.get("/api/search", query_string=params)
    assert response.status_code == status, response.get_json()
    return response.get_json()["error"]


def found(client, **params) -> dict:
    response = client.get("/api/search", query_string=params)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


@pytest.fixture
def strict(seed_index: Path):
    """The seed index with limits small enough for the seeds to reach."""
    limits = SearchLimits(expansion=5, filter_values=3)
    return create_app({"TESTING": True, "INDEX_DIR": str(seed_index), "SEARCH_LIMITS": limits})


def test_a_long_query_is_refused_before_it_is_parsed(client):
    found(client, q="station " + "x" * 992)  # 1,000 characters
    error = refused(client, q="station " + "x" * 993)
    assert (error["param"], error["limit"]) == ("q", "query_chars")
    assert "1,001 characters long; the limit is 1,000" in error["message"]


def test_clauses_phrase_words_and_patterns_are_limited(client):
    words = ["station", *(f"word{n}" for n in range(64))]
    assert found(client, q=" OR ".join(words[:64]))["total"] > 0
    assert refused(client, q=" OR ".join(words))["limit"] == "clauses"
    phrase = '"' + " ".join(["station"] * 51) + '"'
    error = refused(client, q=phrase)
    assert error["limit"] == "phrase_words" and "this one has 51" in error["message"]
    assert found(client, q=" OR ".join(f"{w}*" for w in "abcdefgh"))["total"] > 0
    error = refused(client, q=" OR ".join(f"{w}*" for w in "abcdefghi"))
    assert error["limit"] == "patterns" and "9 prefixes, wildcards" in error["message"]


def test_a_pattern_covering_too_many_words_says_how_to_narrow_it(strict):
    client = strict.test_client()
    error = refused(client, q="s*")
    assert (error["param"], error["limit"]) == ("q", "expansion")
    assert error["message"] == "more than 5 words start with 's': type more letters"
    assert refused(client, q="*a*")["limit"] == "expansion"
    assert refused(client, q="text:[a TO z]")["limit"] == "expansion"
    assert found(client, q="rogoz*")["total"] > 0


def test_filter_values_per_facet_are_limited(strict):
    client = strict.test_client()
    assert found(client, outlet=["a", "b", "c"])["total"] == 0
    error = refused(client, outlet=["a", "b", "c", "d"])
    assert (error["param"], error["limit"]) == ("outlet", "filter_values")
    assert "at most 3 outlet values" in error["message"]
    # Repeats of one value count once.
    assert found(client, speaker=["Dmitry Rogozin"] * 100)["total"] > 0


def test_facet_size_is_limited(client):
    assert len(found(client, facet_size=100)["facets"]["speaker"]) > 10
    assert refused(client, facet_size=101)["param"] == "facet_size"


def test_a_search_past_its_time_limit_is_stopped_and_the_next_one_answers(
    seed_index: Path, monkeypatch
):
    app = create_app({"INDEX_DIR": str(seed_index), "SEARCH_LIMITS": SearchLimits(seconds=0.2)})
    client = app.test_client()
    original = IndexSearcher.matching

    def endless(self, *args):  # a search that would never end on its own
        while True:
            pass

    monkeypatch.setattr(IndexSearcher, "matching", endless)
    error = refused(client, 503, q="station")
    assert (error["param"], error["limit"]) == ("q", "seconds")
    assert "longer than 0.2 s and was stopped" in error["message"]
    page = client.get("/", query_string={"q": "station"})
    assert page.status_code == 503 and "was stopped" in page.get_data(as_text=True)
    monkeypatch.setattr(IndexSearcher, "matching", original)
    assert found(client, q="station")["total"] > 0


@pytest.mark.parametrize(
    "q",
    [
        "station REQUIRE nasa",
        '"space station" REQUIRE nasa',
        "station ANDMAYBE nasa",
        "station ANDNOT nasa",
        "NOT station",
        "station^2 nasa^0.5",
        '"space station"~3',
        '"station space"~2^2',
        "rogozn~",
        "rogozn~2",
        "rogozn~1/3",
        "ro?ozin",
        "*osmos",
        "text:[sai TO saj]",
        "title:[a TO c]",
        "speaker:[d TO e]",
        "quote:[sa TO sb]",
        "outlet:[a TO z]",
        "author:[a TO z] OR station",  # the seeds name no authors
        "kind:[body TO caption]",
        "text:{sai TO saj]",
        "text:[sai TO]",
        "text:*",
        "*",
    ],
)
def test_every_operator_works_on_the_api_and_the_page(client, q):
    data = found(client, q=q, per_page=100)
    assert data["total"] > 0
    assert client.get("/", query_string={"q": q}).status_code == 200


def test_require_keeps_both_words_but_ranks_by_the_first(client):
    required = found(client, q="station REQUIRE nasa", per_page=100)
    both = found(client, q="station AND nasa", per_page=100)
    assert {h["id"] for h in required["hits"]} == {h["id"] for h in both["hits"]}
    # In parentheses, the word is read by the same parser as the operators.
    alone = {h["id"]: h["score"] for h in found(client, q="(station)", per_page=100)["hits"]}
    assert all(alone[h["id"]] == h["score"] for h in required["hits"])


def test_fuzzy_words_find_misspellings(client):
    assert found(client, q="rogozn~")["total"] == found(client, q="text:rogozin")["total"]
    assert refused(client, q="rogozin~3")["limit"] == "fuzzy_edits"


def test_a_range_on_an_unknown_field_is_refused_with_a_hint(client):
    error = refused(client, q="date:[2022-04-01 TO 2022-04-30]")
    assert "unknown field 'date'" in error["message"] and "from/to" in error["message"]


def test_paragraphs_with_no_speaker_can_be_selected_on_every_front_end(client, runner, seed_index):
    everything = found(client, q="station", per_page=100)
    unknown = next(v for v in everything["facets"]["speaker"] if v["value"] is None)
    assert unknown["label"] == "No speaker"
    data = found(client, q="station", speaker="_unknown", per_page=100)
    assert data["total"] == unknown["count"] > 0
    assert all(hit["speakers"] == [] for hit in data["hits"])
    assert sum(1 for hit in everything["hits"] if not hit["speakers"]) == data["total"]
    page = client.get("/", query_string={"q": "station", "speaker": "_unknown"})
    assert page.status_code == 200 and "No speaker" in page.get_data(as_text=True)
    result = runner.invoke(
        main, ["search", "station", "--speaker", "_unknown", "--index", str(seed_index)]
    )
    assert result.exit_code == 0, result.output
    assert f"{data['total']} paragraphs" in result.output


def test_the_cli_runs_every_operator_and_explains_limits(runner, seed_index):
    result = runner.invoke(main, ["search", "station REQUIRE nasa", "--index", str(seed_index)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["search", "rogozin~3", "--index", str(seed_index)])
    assert result.exit_code == 2 and "at most 2 edits" in result.output


def test_seeds_are_where_the_fixture_says(seed_index: Path):
    assert SEEDS.is_dir() and seed_index.is_dir()


def test_a_plain_query_counts_distinct_words_against_the_clause_limit(client):
    words = [f"word{n}" for n in range(64)]
    assert found(client, q=" ".join(words + words + ["the", "of"] * 10))["matching"]
    error = refused(client, q=" ".join([*words, "station"]))
    assert error["limit"] == "clauses" and "65 words and phrases" in error["message"]
