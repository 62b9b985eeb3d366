"""BM25F over arrays: Whoosh's scores for every match of a query at once.

Whoosh scores a query one posting at a time in Python, about 2.5 µs each, so a common
word at 200,000 paragraphs (45,000 matches) takes over 100 ms before anything else
happens, and with paragraphs this short, its block-skipping rarely skips. Here the
postings of each word are read a block at a time into arrays and scored with the same
formula, so matching, counting and ranking all start from one array pass.

Only the shapes the query parser makes for words are handled (terms, AND, OR, NOT);
phrases, prefixes and the rest return None and go through Whoosh. The scores equal
Whoosh's (`tests/test_search_reference.py` holds them to five decimals).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from math import log

import numpy as np
from whoosh import query
from whoosh.reading import IndexReader

from searchapp.engine.postings import postings_arrays

# Whoosh's BM25F defaults, as `scoring.BM25F()` uses them.
B = 0.75
K1 = 1.2


@dataclass(frozen=True)
class Scored:
    matches: np.ndarray  # bool per document
    scores: np.ndarray  # float64 per document, 0 where not matched


class ArrayScorer:
    """Scores queries against one opened generation. Not shared between threads."""

    def __init__(self, reader: IndexReader, lengths: Mapping[str, np.ndarray]) -> None:
        self._reader = reader
        self._lengths = lengths
        self._size = reader.doc_count_all()

    def score(self, q: query.Query) -> Scored | None:
        """Matches and scores of `q`, or None when `q` has a shape this does not handle."""
        try:
            return self._score(q)
        except _Unsupported:
            return None

    def _score(self, q: query.Query) -> Scored:
        if isinstance(q, query.Term):
            scored = self._term(q.fieldname, q.text)
        elif isinstance(q, query.And):
            scored = self._and(q.subqueries)
        elif type(q) is query.Or and not q.scale and not q.minmatch:
            parts = [self._score(sub) for sub in q.subqueries]
            matches = np.logical_or.reduce([p.matches for p in parts])
            scored = Scored(matches, np.sum([p.scores for p in parts], axis=0))
        else:
            raise _Unsupported
        boost = getattr(q, "boost", 1.0)
        return scored if boost == 1.0 else Scored(scored.matches, scored.scores * boost)

    def _and(self, subqueries: list[query.Query]) -> Scored:
        matches = np.ones(self._size, dtype=bool)
        scores = np.zeros(self._size)
        for sub in subqueries:
            if isinstance(sub, query.Not):
                if sub.boost != 1.0:
                    raise _Unsupported
                # Whoosh scores a NOT clause as a match of weight 1 in every other document.
                excluded = self._score(sub.query).matches
                matches &= ~excluded
                scores += 1.0
            else:
                part = self._score(sub)
                matches &= part.matches
                scores += part.scores
        return Scored(matches, np.where(matches, scores, 0.0))

    def _term(self, fieldname: str, text: str | bytes) -> Scored:
        reader = self._reader
        docs, weights = postings_arrays(reader, fieldname, text)
        matches = np.zeros(self._size, dtype=bool)
        scores = np.zeros(self._size)
        if not len(docs):
            return Scored(matches, scores)
        matches[docs] = True
        if not reader.schema[fieldname].scorable:  # an exact value such as kind: its weight
            scores[docs] = weights
            return Scored(matches, scores)
        lengths = self._lengths[fieldname]
        idf = log(self._size / (reader.doc_frequency(fieldname, text) + 1)) + 1
        average = reader.field_length(fieldname) / (self._size or 1) or 1
        norm = K1 * ((1 - B) + B * lengths[docs] / average)
        scores[docs] = idf * (weights * (K1 + 1)) / (weights + norm)
        return Scored(matches, scores)


class _Unsupported(Exception):
    pass
