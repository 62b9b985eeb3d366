"""Which paragraphs a query plan matches, and one page of them in rank order, as array
passes: the plain words' partial matching and the ranking tiers live here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from whoosh import query

from searchapp.engine.columns import Columns
from searchapp.engine.interpret import QueryPlan
from searchapp.engine.scoring import ArrayScorer, Scored


@dataclass
class Matching:
    """What a query matched: `every` document with all its words and clauses, and when
    it has several words, `some`: those with at least one. `counts` says how many of
    the words each document has, `words` which (one mask per word of the plan)."""

    every: np.ndarray
    scores: np.ndarray | None
    counts: np.ndarray | None
    some: np.ndarray | None = None
    words: list[np.ndarray] = field(default_factory=list)


def match_plan(
    plan: QueryPlan,
    columns: Columns,
    scorer: ArrayScorer,
    docs_for: Callable[[query.Query], np.ndarray],
    date_from: dt.date | None,
    date_to: dt.date | None,
) -> Matching:
    """The documents matching `plan` within the dates, with their scores when the array
    scorer can compute them (None: Whoosh ranks; `docs_for` is Whoosh's match mask)."""
    live = columns.live
    if date_from or date_to:
        live = live & columns.in_dates(date_from, date_to)
    if plan.is_everything or isinstance(plan.explicit, query.Every):
        return Matching(live.copy(), None, None)
    if plan.explicit is not None:
        if (scored := scorer.score(plan.explicit)) is not None:
            return Matching(scored.matches & live, scored.scores, None)
        return Matching(docs_for(plan.explicit) & live, None, None)

    def scored(q: query.Query) -> Scored:
        found = scorer.score(q)
        if found is None:  # a field clause of a shape the arrays do not score
            mask = docs_for(q)
            return Scored(mask, mask.astype(np.float64))
        return found

    required = live.copy()
    scores = np.zeros(columns.size)
    for clause in plan.required:
        part = scored(clause)
        required &= part.matches
        scores += part.scores
    for clause in plan.excluded:
        required &= ~scored(clause).matches
    for clause in plan.optional:
        scores += scored(clause).scores
    if len(plan.words) == 1:  # most queries: no counting
        part = scored(plan.words[0].query)
        return Matching(required & part.matches, scores + part.scores, None, None, [part.matches])
    words = []
    counts = np.zeros(columns.size, dtype=np.int16)
    for word in plan.words:
        part = scored(word.query)
        words.append(part.matches)
        counts += part.matches
        scores += part.scores
    every = required & (counts == len(words))
    some = required & (counts > 0) if len(words) > 1 else None
    return Matching(every, scores, counts, some, words)


def rank(
    matches: np.ndarray,
    scores: np.ndarray,
    body: np.ndarray,
    prior: np.ndarray,
    offset: int,
    limit: int,
    counts: np.ndarray | None = None,
) -> list[tuple[int, float]]:
    """A page of (docnum, score) within `matches`: body text first, then captions and
    the like; among them, more of the query's words first (`counts`), then the BM25F
    score weighed by the paragraph's length (`prior`); index order on equal scores."""
    docs = np.flatnonzero(matches)
    doc_scores = scores[docs] * prior[docs]
    # Furniture ranks after all body text, and a paragraph with fewer of the words after
    # one with more: each pushes below any score, by a finite step so that paragraphs
    # still rank by score within their tier.
    step = 2 * float(np.abs(doc_scores).max(initial=0.0)) + 1
    tier = np.where(body[docs], 0, 1 << 12)
    if counts is not None:
        tier = tier + (int(counts.max(initial=0)) - counts[docs])
    keys = tier * step - doc_scores
    end = min(offset + limit, len(docs))
    if end <= offset:
        return []
    if end < len(docs):  # sort only what can reach the page, ties at its edge included
        within = keys <= np.partition(keys, end - 1)[end - 1]
        docs, keys, doc_scores = docs[within], keys[within], doc_scores[within]
    order = np.lexsort((docs, keys))[offset:end]
    return [(int(docs[i]), float(doc_scores[i])) for i in order]
