"""BM25F over arrays: Whoosh's scores for every match of a query at once.

Whoosh scores a query one posting at a time in Python, about 2.5 µs each, so a common
word at 200,000 paragraphs (45,000 matches) takes over 100 ms before anything else
happens, and with paragraphs this short, its block-skipping rarely skips. Here the
postings of each word are read a block at a time into arrays and scored with the same
formula, so matching, counting and ranking all start from one array pass.

Only the shapes the query parser makes for words are handled (terms, phrases, AND, OR,
NOT, ANDNOT, ANDMAYBE, REQUIRE, and expanded patterns). The scores equal Whoosh's
(`tests/test_search_reference.py` holds them to five decimals), except that a phrase
scores as the sum of its words where it matches (Whoosh scores its postings one by one,
20 times slower), and REQUIRE, which Whoosh's own matcher fails on, scores as its
documentation says. Which documents a phrase matches is read from the positions of the
documents that have all its words (`phrase_docs`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from math import log

import numpy as np
from whoosh import query
from whoosh.reading import IndexReader

from searchapp.engine.expansion import ExpandedTerms
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

    def __init__(
        self,
        reader: IndexReader,
        lengths: Mapping[str, np.ndarray],
        phrase_docs: Callable[[query.Phrase, np.ndarray], np.ndarray],
    ) -> None:
        self._reader = reader
        self._lengths = lengths
        self._phrase_docs = phrase_docs
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
            scored = self._or(q.subqueries)
        elif isinstance(q, query.Phrase):
            scored = self._phrase(q)
        elif isinstance(q, ExpandedTerms):
            scored = self._any_term(q.fieldname, q.btexts)
        elif isinstance(q, query.Not):
            # Whoosh gives every document outside the excluded ones a score of 1.
            matches = ~self._score(q.query).matches
            scored = Scored(matches, matches.astype(np.float64))
        elif isinstance(q, query.AndNot | query.Require | query.AndMaybe):
            scored = self._binary(q)
        elif q is query.NullQuery:
            scored = Scored(np.zeros(self._size, dtype=bool), np.zeros(self._size))
        else:
            raise _Unsupported
        boost = getattr(q, "boost", 1.0)
        return scored if boost == 1.0 else Scored(scored.matches, scored.scores * boost)

    def _or(self, subqueries: list[query.Query]) -> Scored:
        """The sum of the parts where any matches. Words are summed from their postings
        in one pass (a word's spellings in several fields are an OR of a few terms, and
        two dense arrays per term cost more than the postings of a rare word)."""
        terms = [sub for sub in subqueries if type(sub) is query.Term]
        docs, scores = [], []
        for term in terms:
            found, term_scores = self._term_postings(term.fieldname, term.text)
            docs.append(found)
            scores.append(term_scores * term.boost if term.boost != 1.0 else term_scores)
        matches = np.zeros(self._size, dtype=bool)
        summed = np.zeros(self._size)
        all_docs = np.concatenate(docs) if docs else np.zeros(0, dtype=np.int64)
        if len(all_docs):
            matches[all_docs] = True
            summed = np.bincount(all_docs, weights=np.concatenate(scores), minlength=self._size)
        for sub in subqueries:
            if type(sub) is not query.Term:
                part = self._score(sub)
                matches |= part.matches
                summed += part.scores
        return Scored(matches, summed)

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

    def _binary(self, q: query.AndNot | query.Require | query.AndMaybe) -> Scored:
        """a ANDNOT b: a without b; a REQUIRE b: a where b also matches, scored by a
        alone; a ANDMAYBE b: every match of a, plus b's score where b matches too."""
        a, b = self._score(q.a), self._score(q.b)
        if isinstance(q, query.AndNot):
            matches = a.matches & ~b.matches
        elif isinstance(q, query.Require):
            matches = a.matches & b.matches
        else:
            return Scored(a.matches, np.where(a.matches, a.scores + b.scores, 0.0))
        return Scored(matches, np.where(matches, a.scores, 0.0))

    def _phrase(self, q: query.Phrase) -> Scored:
        words = [self._term(q.fieldname, word) for word in dict.fromkeys(q.words)]
        candidates = np.logical_and.reduce([w.matches for w in words])
        matches = np.zeros(self._size, dtype=bool)
        if candidates.any():  # positions are read only where every word occurs
            matches[self._phrase_docs(q, np.flatnonzero(candidates))] = True
        scores = np.sum([w.scores for w in words], axis=0)
        return Scored(matches, np.where(matches, scores, 0.0))

    def _any_term(self, fieldname: str, btexts: list[bytes]) -> Scored:
        """The OR of many words (an expanded pattern), in one pass over their postings."""
        matches = np.zeros(self._size, dtype=bool)
        if not btexts:
            return Scored(matches, np.zeros(self._size))
        docs, scores = zip(*(self._term_postings(fieldname, text) for text in btexts), strict=True)
        all_docs = np.concatenate(docs)
        if not len(all_docs):
            return Scored(matches, np.zeros(self._size))
        matches[all_docs] = True
        summed = np.bincount(all_docs, weights=np.concatenate(scores), minlength=self._size)
        return Scored(matches, summed)

    def _term(self, fieldname: str, text: str | bytes) -> Scored:
        docs, term_scores = self._term_postings(fieldname, text)
        matches = np.zeros(self._size, dtype=bool)
        scores = np.zeros(self._size)
        matches[docs] = True
        scores[docs] = term_scores
        return Scored(matches, scores)

    def _term_postings(self, fieldname: str, text: str | bytes) -> tuple[np.ndarray, np.ndarray]:
        """A word's documents and their BM25F scores for it."""
        reader = self._reader
        docs, weights = postings_arrays(reader, fieldname, text)
        if not len(docs) or not reader.schema[fieldname].scorable:
            return docs, weights  # an exact value such as kind scores its weight
        lengths = self._lengths[fieldname]
        # Whoosh's document frequency counts postings, deleted documents included: these.
        idf = log(self._size / (len(docs) + 1)) + 1
        average = reader.field_length(fieldname) / (self._size or 1) or 1
        norm = K1 * ((1 - B) + B * lengths[docs] / average)
        return docs, idf * (weights * (K1 + 1)) / (weights + norm)


class _Unsupported(Exception):
    pass
