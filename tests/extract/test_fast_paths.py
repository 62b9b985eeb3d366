"""Shortcuts taken for speed give what the plain rule they stand for gives, on any text.

Extraction runs per paragraph of every reindex, so some rules skip work the plain form
did (searching fewer positions, testing a cheap necessary condition first). Each is
compared here with the plain form, on text drawn from the characters the rules care about.
"""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from searchapp.extract import kinds, names

# Capitals, lowercase, the marks the name rules read, and several kinds of space.
_CHARS = st.sampled_from(list("ABSab.-'’ é,(") + [" ", "  ", "\n", "\t", "\u00a0", "\x1c"])
TEXT = st.lists(_CHARS, max_size=70).map("".join)
# Words and the spaces between, as a name's context is written.
_WORD = st.sampled_from(["Sen.", "U.S.", "chief", "co-host", "(AP)", "x", "Ab-c", "é", "1"])
_SPACE = st.sampled_from([" ", " ", "  ", "\n", "\u00a0", ", "])
WORDS = st.lists(st.tuples(_WORD, _SPACE).map("".join), max_size=12).map("".join)


@given(st.one_of(TEXT, WORDS))
@example("Roscosmos U.S. Sen. chief co-host Ab-c ")  # a match that starts mid-run
@example("the Vermont ex-chief of staff and co-host ")  # six runs, five taken
def test_affiliation_before_finds_what_a_search_from_every_position_finds(text: str) -> None:
    plain = names._AFFILIATION_BEFORE_RE.search(text[max(0, len(text) - 60) :])
    assert names._affiliation_before(text, len(text)) == (plain.group(0) if plain else "")


NAMES = st.sampled_from(["", "Jo Ab", "jo ab", "J. Ab", "Émile", "K"])
# Bios and near misses: a name or its case variants, then a verb or not.
BIO = st.tuples(
    st.sampled_from(["", "Jo Ab", "JO AB", "jo ab", "J. Ab", "ÉMILE", "émile", "\u212a"]),
    st.sampled_from(["", " ", " is", " has", "  writes x", "\treports", " isn't", "is"]),
    TEXT,
).map("".join)


@given(BIO, st.lists(NAMES, max_size=3))
def test_a_bio_is_told_as_by_a_pattern_per_name(text: str, bylines: list[str]) -> None:
    plain = any(
        name and re.match(re.escape(name) + kinds._BIO_VERB, text, re.IGNORECASE)
        for name in bylines
    )
    assert kinds._is_bio(text, bylines) == plain
