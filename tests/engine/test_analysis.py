"""FastText.index() must give exactly what Whoosh's own analysis gives: queries and
highlighting run the analyzer itself, so any difference would lose matches."""

from __future__ import annotations

import pickle

import pytest
from whoosh import fields

from searchapp.engine.analysis import FastKeywords, FastText
from searchapp.engine.schema import paragraph_schema, to_fields
from searchapp.engine.words import (
    _fold,
    _opens_sentence,
    _spans,
    capitalized_words,
    indexed_words,
    words,
)

SCHEMA = paragraph_schema()
FAST_FIELDS = [name for name, field in SCHEMA.items() if isinstance(field, FastText | FastKeywords)]

EDGE_CASES = [
    "",
    "The",  # only a stop word
    "The the a an of president",  # leading stop words: the first kept word keeps its place
    "a I x president a of said a",  # one-letter words are dropped, positions close up
    "Trump TRUMP trump Trump's trumped",  # one term from several spellings
    "U.S. officials said 3.5 percent, e.g. in D.C.",
    "Café São Paulo naïve Ōsaka Straße",  # folded accents
    "snake_case and wild*card tokens",
    "said said said SAID said",  # one term, five positions
    "Рогозин заявил: «Роскосмос»",  # not Latin script
    "line one\nline two\n\nline three",
]


def stock_index(field: FastText | FastKeywords, value: str) -> list:
    stock = fields.TEXT if isinstance(field, FastText) else fields.KEYWORD
    return sorted(stock.index(field, value))


def test_the_schema_indexes_all_text_through_the_fast_path():
    assert set(FAST_FIELDS) == {
        *("text", "exact", "title", "outlet", "speaker", "quote", "author"),
        *("capital", "sounds", "defines", "speaker_value"),
    }


@pytest.mark.parametrize("value", EDGE_CASES)
# Stemmed; as written; names; space- and comma-separated keywords.
@pytest.mark.parametrize("name", ["text", "exact", "speaker", "sounds", "speaker_value"])
def test_edge_cases_match_whoosh(name: str, value: str):
    field = SCHEMA[name]
    assert sorted(field.index(value)) == stock_index(field, value)


def test_every_dev_paragraph_matches_whoosh(dev_paragraphs):
    schema = paragraph_schema()
    checked = set()
    for doc in dev_paragraphs:
        for name, value in to_fields(doc, {}).items():
            if name in FAST_FIELDS and value:
                assert sorted(schema[name].index(value)) == stock_index(schema[name], value), (
                    doc.id,
                    name,
                )
                checked.add(name)
    assert checked == set(FAST_FIELDS) - {"sounds"}  # dev has no other scripts: edge cases


def test_a_repeated_value_is_indexed_once_and_a_new_one_afresh():
    field = paragraph_schema()["title"]
    first = field.index("Russia ends cooperation")
    assert field.index("Russia ends cooperation") is first
    assert field.index("NASA replies") == stock_index(field, "NASA replies")


def test_the_pickled_schema_carries_no_caches_and_still_indexes():
    schema = paragraph_schema()
    schema["text"].index("Rogozin said the sanctions")
    field = pickle.loads(pickle.dumps(schema))["text"]
    assert "_chain" not in field.__dict__ and "_last" not in field.__dict__
    assert sorted(field.index("Rogozin said it")) == stock_index(field, "Rogozin said it")


def test_a_chain_it_cannot_reproduce_is_refused():
    from whoosh.analysis import NgramAnalyzer

    with pytest.raises(ValueError):
        FastText(NgramAnalyzer(3))


def test_indexing_cuts_text_as_the_tokenizer_does(dev_paragraphs):
    """`indexed_words` (the plain paragraphs' fast path) gives what `words()` gives, and
    `capitalized_words` finds what the word-by-word cut finds."""
    texts = [*EDGE_CASES, "Anglo-Saxon U.S. e-mail", "Mr. Smith met McDonald's CEO"]
    texts += [doc.text for doc in dev_paragraphs]
    for text in texts:
        cut = indexed_words(text)
        assert list(zip(cut.positions, cut.spellings, strict=True)) == [
            (pos, spelling) for pos, _start, _end, spelling in words(text)
        ], text
        expected = dict.fromkeys(
            _fold(spelling)
            for _pos, start, _end, spelling, extra in _spans(text)
            if spelling[0].isupper() and not extra and not _opens_sentence(text, start)
        )
        assert capitalized_words(text) == list(expected), text
