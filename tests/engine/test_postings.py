"""Phrase positions read for candidate documents give Whoosh's own phrase matches."""

from __future__ import annotations

import numpy as np
import pytest
from whoosh import query

from searchapp.engine import ParagraphIndex
from searchapp.engine.postings import phrase_docs, postings_arrays

PHRASES = [
    ["space", "station"],
    ["the", "iss", "will", "die", "by", "its", "own", "death"],
    ["of", "the"],
    ["it", "is"],
    ["the", "the"],
    ["rogozin", "said"],
    ["station", "space"],
    ["нельсон"],
]


@pytest.mark.parametrize("words", PHRASES, ids=" ".join)
def test_phrase_docs_match_whoosh(seed_index, words: list[str]):
    index = ParagraphIndex.open(seed_index)
    searcher = index.searcher()
    try:
        reader = searcher.whoosh.reader()
        every = [set(postings_arrays(reader, "exact", w)[0].tolist()) for w in words]
        candidates = np.array(sorted(set.intersection(*every)), dtype=np.int64)
        expected = set(searcher.whoosh.docs_for_query(query.Phrase("exact", words)))
        assert set(phrase_docs(reader, "exact", words, candidates).tolist()) == expected
    finally:
        searcher.close()
