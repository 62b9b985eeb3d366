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
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.reading import IndexReader

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
        docs, weights = _postings(reader, fieldname, text)
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


def _postings(reader: IndexReader, fieldname: str, text: str | bytes):
    """Document numbers and weights (term frequencies) of a term, deleted documents
    included, as Whoosh's statistics include them."""
    if fieldname not in reader.schema or (fieldname, text) not in reader:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    format_ = reader.schema[fieldname].format
    btext = reader.schema[fieldname].to_bytes(text) if isinstance(text, str) else text
    docs, weights = [], []
    for segment, offset in reader.leaf_readers():
        if (fieldname, btext) not in segment:
            continue
        matcher = segment._terms.matcher(fieldname, btext, format_)
        for ids, ws in _blocks(matcher):
            docs.append(np.asarray(ids, dtype=np.int64) + offset)
            weights.append(np.asarray(ws, dtype=np.float64))
    return np.concatenate(docs), np.concatenate(weights)


def _blocks(matcher):
    """(ids, weights) per postings block: whoosh3's block reader is the one place here
    that reaches into Whoosh's internals (pinned `whoosh3<4`); other matchers (short
    postings lists are stored inline) are read one posting at a time."""
    if isinstance(matcher, W3LeafMatcher):
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            yield matcher._ids, matcher._weights
            if matcher._lastblock:
                return
            matcher._next_block()
        return
    ids, weights = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    yield ids, weights
