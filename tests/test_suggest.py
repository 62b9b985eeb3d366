"""GET /api/suggest: speakers and outlets by prefix, for the search box's suggestions."""

from __future__ import annotations

import pytest


def test_shape_and_a_speaker_by_a_word_prefix(client):
    response = client.get("/api/suggest?prefix=rog&limit=8")
    assert response.status_code == 200
    body = response.get_json()
    assert body["prefix"] == "rog"
    assert body["suggestions"]
    for entry in body["suggestions"]:
        assert set(entry) == {"kind", "value", "count", "url"}
        assert entry["kind"] in {"speaker", "outlet"}
        assert entry["count"] >= 1
    rogozin = [s for s in body["suggestions"] if s["value"] == "Dmitry Rogozin"]
    assert rogozin and rogozin[0]["kind"] == "speaker"
    assert client.get(rogozin[0]["url"]).status_code == 200


def test_prefix_is_case_insensitive(client):
    lower = client.get("/api/suggest?prefix=rog").get_json()["suggestions"]
    upper = client.get("/api/suggest?prefix=ROG").get_json()["suggestions"]
    assert lower == upper


def test_outlets_are_suggested_with_a_filtered_search_url(client):
    body = client.get("/api/suggest?prefix=news").get_json()
    newsweek = [s for s in body["suggestions"] if s["value"] == "Newsweek"]
    assert newsweek and newsweek[0]["kind"] == "outlet"
    assert "outlet=Newsweek" in newsweek[0]["url"]


def test_limit_caps_the_list(client):
    body = client.get("/api/suggest?prefix=a&limit=2").get_json()
    assert len(body["suggestions"]) <= 2
    counts = [s["count"] for s in body["suggestions"]]
    assert counts == sorted(counts, reverse=True)


@pytest.mark.parametrize("query", ["", "prefix=", "prefix=%20%20", "prefix=zzqqxx"])
def test_empty_or_unknown_prefix_suggests_nothing(client, query):
    response = client.get("/api/suggest?" + query)
    assert response.status_code == 200
    assert response.get_json()["suggestions"] == []


@pytest.mark.parametrize(
    "query,param",
    [
        ("prefix=" + "a" * 1_000, "prefix"),
        ("prefix=rog&limit=0", "limit"),
        ("prefix=rog&limit=21", "limit"),
        ("prefix=rog&limit=eight", "limit"),
    ],
)
def test_bad_parameters_are_json_400(client, query, param):
    response = client.get("/api/suggest?" + query)
    assert response.status_code == 400
    assert response.get_json()["error"]["param"] == param


def test_hostile_characters_are_just_text(client):
    for prefix in ["<script>", "%00", "*", "\\", "'\""]:
        response = client.get("/api/suggest", query_string={"prefix": prefix})
        assert response.status_code == 200


def test_a_10k_character_prefix_is_refused_before_the_app(client):
    response = client.get("/api/suggest?prefix=" + "a" * 10_000)
    assert response.status_code == 414  # security.py's 8,000-byte query string limit
