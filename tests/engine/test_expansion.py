"""Prefixes, wildcards, fuzzy words and ranges: looked up before the search, bounded."""

from __future__ import annotations

import fnmatch
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from searchapp.engine import ParagraphIndex, QueryLimits, QueryTooCostly
from searchapp.engine.expansion import _glob_regex, vocabulary_path
from searchapp.generations import current_generation

WORDS = st.lists(st.text(alphabet="abc", max_size=8), max_size=30)


@given(words=WORDS, pattern=st.text(alphabet="abc*?", min_size=1, max_size=10))
def test_wildcards_match_as_globs_do(words: list[str], pattern: str):
    vocabulary = "\n".join(words)
    found = [m.group() for m in _glob_regex(pattern).finditer(vocabulary) if m.group()]
    assert found == [w for w in words if w and fnmatch.fnmatchcase(w, pattern)]


def test_many_stars_cost_one_pass_not_backtracking():
    """`*a*a*…*c*` against a long run of a's backtracks exponentially in a plain regex."""
    words = "\n".join(["a" * 60] * 200)
    assert not list(_glob_regex("*a*a*a*a*a*a*a*a*a*a*c*").finditer(words))


@pytest.fixture(scope="module")
def seeds(seed_index: Path) -> ParagraphIndex:
    return ParagraphIndex.open(seed_index)


def scores(index: ParagraphIndex, text: str, limits: QueryLimits | None = None):
    searcher = index.searcher()
    try:
        scored = searcher._scorer().score(searcher.expand(index.parse(text), limits))
    finally:
        searcher.close()
    docs = np.flatnonzero(scored.matches & index.columns.live)
    return {int(doc): round(float(scored.scores[doc]), 6) for doc in docs}


@pytest.mark.parametrize(
    "pattern",
    ["text:sanction*", "text:ro?ozin", "text:*osmos", "text:rogozn~", "text:[sai TO saj]"],
)
def test_a_pattern_scores_as_the_or_of_the_words_it_covers(seeds: ParagraphIndex, pattern):
    searcher = seeds.searcher()
    try:
        expanded = searcher.expand(seeds.parse(pattern))
    finally:
        searcher.close()
    words = [word.decode() for word in expanded.btexts]
    assert words
    assert scores(seeds, pattern) == scores(seeds, " OR ".join(f"text:{w}" for w in words))


def test_a_pattern_over_the_budget_is_refused_with_what_to_do(seeds: ParagraphIndex):
    limits = QueryLimits(expansion=5)
    with pytest.raises(QueryTooCostly, match=r"more than 5 words start with 's': type more"):
        scores(seeds, "s*", limits)
    with pytest.raises(QueryTooCostly, match=r"match '\*a\*'") as refused:
        scores(seeds, "*a*", limits)
    assert (refused.value.limit, refused.value.maximum) == ("expansion", 5)
    with pytest.raises(QueryTooCostly, match="narrow the range"):
        scores(seeds, "[a TO z]", limits)


def test_the_budget_is_shared_by_the_query_s_patterns(seeds: ParagraphIndex):
    searcher = seeds.searcher()
    try:
        one = len(searcher.expand(seeds.parse("sta*")).btexts)
    finally:
        searcher.close()
    limits = QueryLimits(expansion=one)
    assert scores(seeds, "sta*", limits)
    with pytest.raises(QueryTooCostly, match="the query's other patterns"):
        scores(seeds, "sta* OR sta*ion", limits)


def test_fuzzy_words_are_bounded(seeds: ParagraphIndex):
    with pytest.raises(QueryTooCostly, match="at most 2 edits"):
        scores(seeds, "rogozin~3")
    # The first letter is kept even when `/0` asks otherwise: `~2/0` reads every word.
    assert scores(seeds, "rogozn~2/0") == scores(seeds, "rogozn~2/1")
    assert scores(seeds, "rogozn~") == scores(seeds, "text:rogozin")


def test_reindex_writes_each_field_s_vocabulary(seed_index: Path):
    words = vocabulary_path(current_generation(seed_index), "text").read_text().split("\n")
    assert "rogozin" in words and words == sorted(words)
