"""Forgiving facet filters: a value as people type it finds the value as the corpus wrote it."""

from __future__ import annotations

import pytest

from searchapp.filters import MAX_QUERY, FacetValues, fold

SPEAKERS = FacetValues(
    [
        "Dmitry Rogozin",
        "Bill Nelson",
        "Hillary Clinton",
        "Bill Clinton",
        "José Andrés",
        "Владимир Путин",
        "Beto O'Rourke",
    ]
)
OUTLETS = FacetValues(
    [
        "Newsweek",
        "The Washington Post",
        "The New York Post",
        "The New York Times",
        "The Epoch Times",
        "Fox News",
        "Politico",
        "HuffPost",
    ]
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Washington Post", "the  washington post"),
        ("The Washington Post", "THE WASHINGTON POST"),
        ("The Washington Post", " The\tWashington-Post "),
        ("Rogozín", "Rogozin"),
        ("РОГОЗИН", "rogozin"),
        ("Beto O'Rourke", "beto o’rourke"),
        ("U.S. News", "US news"),
    ],
)
def test_fold_ignores_case_accents_script_punctuation_and_spacing(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_fold_keeps_words_apart() -> None:
    assert fold("The Washington Post") == "the washington post"
    assert fold("New York") != fold("Newark")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("dmitry rogozin", "Dmitry Rogozin"),
        ("DMITRY ROGOZIN", "Dmitry Rogozin"),
        ("Dmitry  Rogozín", "Dmitry Rogozin"),
        ("jose andres", "José Andrés"),
        ("vladimir putin", "Владимир Путин"),
        ("Beto O’Rourke", "Beto O'Rourke"),
    ],
)
def test_resolve_finds_the_stored_spelling(typed: str, stored: str) -> None:
    assert SPEAKERS.resolve(typed) == (stored,)


def test_resolve_prefers_the_exact_value_over_other_spellings() -> None:
    facet = FacetValues(["Newsweek", "NEWSWEEK", "newsweek"])
    assert facet.resolve("NEWSWEEK") == ("NEWSWEEK",)
    assert facet.resolve("NewsWeek") == ("NEWSWEEK", "Newsweek", "newsweek")


def test_resolve_finds_nothing_for_an_unknown_value() -> None:
    assert SPEAKERS.resolve("Rogozin") == ()
    assert SPEAKERS.resolve("") == ()
    assert SPEAKERS.resolve("!!!") == ()


def test_a_surname_suggests_the_full_name() -> None:
    assert SPEAKERS.nearest("Rogozin") == ["Dmitry Rogozin"]
    assert SPEAKERS.nearest("clinton") == ["Bill Clinton", "Hillary Clinton"]


def test_a_word_suggests_every_value_holding_it_shortest_first() -> None:
    assert OUTLETS.nearest("post") == ["The New York Post", "The Washington Post", "HuffPost"]
    assert OUTLETS.nearest("post", limit=1) == ["The New York Post"]


def test_a_misspelled_value_suggests_the_value() -> None:
    assert OUTLETS.nearest("newsweak") == ["Newsweek"]
    assert OUTLETS.nearest("Washingon Post")[0] == "The Washington Post"
    assert SPEAKERS.nearest("rogozn")[0] == "Dmitry Rogozin"
    assert SPEAKERS.nearest("Rogozin Dmitry")[0] == "Dmitry Rogozin"


def test_nothing_similar_suggests_nothing() -> None:
    assert OUTLETS.nearest("qxzjvwq") == []
    assert OUTLETS.nearest("") == []
    assert OUTLETS.nearest("---") == []
    assert FacetValues([]).nearest("post") == []


def test_a_very_long_value_is_cut_before_it_is_compared() -> None:
    long = "Newsweek " * 1_200
    assert len(long) > 10_000 > MAX_QUERY
    assert OUTLETS.resolve(long) == ()
    assert OUTLETS.nearest(long) == ["Newsweek"]
    assert OUTLETS.nearest("x" * 10_000) == []


def test_answers_do_not_depend_on_the_order_values_came_in() -> None:
    values = ["The Post", "Post Daily", "A Post", "The Last Post", "Post", "Evening Post"]
    first, second = FacetValues(values), FacetValues(reversed(values))
    for query in ("post", "posts", "evening", "the pst"):
        assert first.nearest(query) == second.nearest(query)
    assert first.nearest("post", limit=3) == ["Post", "A Post", "The Post"]


def test_duplicates_are_one_value() -> None:
    facet = FacetValues(["Fox News", "Fox News", "CNN"])
    assert len(facet) == 2
    assert "Fox News" in facet
    assert facet.nearest("fox") == ["Fox News"]
