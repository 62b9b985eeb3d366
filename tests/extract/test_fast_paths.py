"""Shortcuts taken for speed give what the plain rule they stand for gives, on any text.

Extraction runs per paragraph of every reindex, so some rules skip work the plain form
did (searching fewer positions, testing a cheap necessary condition first). Each is
compared here with the plain form, on text drawn from the characters the rules care about.
"""

from __future__ import annotations

import re

import pytest
from gender_guesser.detector import Detector
from hypothesis import example, given
from hypothesis import strategies as st

from searchapp.extract import kinds, mentions, name_spans, name_words, names
from searchapp.extract.lexicon import ORG_NOUNS

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


# The plain forms of patterns rewritten to start with a letter, which the engine can skip to.
_PLAIN_THE = r"\b[Tt]he\s+"
PLAIN = {
    "DESCRIPTION_RE": (
        mentions.DESCRIPTION_RE,
        _PLAIN_THE + r"(?:(?:[A-Z][\w.\-]*|former|presidential|real\s+estate)\s+){0,3}"
        r"(?:senator|governor|candidate|nominee|billionaire|businessman|congressman|"
        r"congresswoman|mayor|director|chief|chairman|front-?runner|mogul|businesswoman|"
        r"lawmaker)\b|" + _PLAIN_THE + r"(?:[a-z\-]+\s+){0,2}"
        r"(?:\d{1,3}-year-old|[A-Z]?[a-z]{2,}(?:wo)?man)\b(?!-)",
    ),
    "ORG_DESCRIPTION_RE": (
        mentions.ORG_DESCRIPTION_RE,
        _PLAIN_THE + r"(?:[a-z\-]+\s+){0,2}?(?:" + "|".join(sorted(ORG_NOUNS)) + r")\b(?!-)",
    ),
    "_HONORIFIC_RE": (names._HONORIFIC_RE, r"\b(Mr|Mrs|Ms)\.?\s+([A-Z][\w\-]+)"),
    "_THE_WORDS_RE": (mentions._THE_WORDS_RE, r"\b[Tt]he((?:\s+[a-z][a-z\-]*){1,3})\b"),
    "PRONOUN_RE": (mentions.PRONOUN_RE, r"\b(he|she|they|it|He|She|They|It)\b"),
    "SENTENCE_END_RE": (mentions.SENTENCE_END_RE, r"[.!?][”\"’]?\s+(?=[“\"A-Z])|(?<!\s)\s*\n\s*"),
    "NAME_SPAN_RE": (
        name_spans.NAME_SPAN_RE,
        rf"(?<![\w@#'’]){name_spans._TOKEN}"
        rf"(?:(?: +&)? +(?:{name_spans._PARTICLE} ){{0,2}}{name_spans._TOKEN})*",
    ),
}
_PHRASE = st.sampled_from(
    ["the", "The", "xthe", "_The", "éthe", "senator", "former", "Vermont", "real  estate",
     "22-year-old", "spokeswoman", "company", "county's", "department-", "Mr", "Mrs.", "Ms",
     "MMr", "Smith", ".", "\n", "-", "he", "She", "xhe", "_It", "they", "Sens.", "Dr.", "J.",
     "U.S.", "de", "of", "O'Malley", "@Jo", "#Jo", "'Jo", "St.", "?”", "!", " \n ", "“A", "&"]
)  # fmt: skip
PHRASES = st.lists(st.tuples(_PHRASE, _SPACE).map("".join), max_size=10).map("".join)


@pytest.mark.parametrize("pattern", PLAIN)
@given(text=st.one_of(PHRASES, TEXT))
@example(text="Asked, the former Vermont senator, xthe company and the 22-year-old, MMr Smith")
@example(text="Sen. J. de Gaulle of U.S. said: “No.” \n\n He and _It xhe. Dr. O'Malley’s")
def test_a_letter_first_pattern_finds_what_its_plain_form_finds(pattern: str, text: str) -> None:
    fast, plain = PLAIN[pattern]
    found = [(m.span(), m.groups()) for m in fast.finditer(text)]
    assert found == [(m.span(), m.groups()) for m in re.finditer(plain, text)]


def test_the_gender_lists_are_read_as_gender_guesser_reads_them() -> None:
    assert name_words._gender_detector().names == Detector(case_sensitive=False).names
