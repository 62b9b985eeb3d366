"""What a request matched, before a view counts and pages it: the query's documents,
each filter's, and the ticked values as the index spells them. The paragraph view
(search.py) and the quotes view (quote_search.py) count different units of one match.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace

import numpy as np

from searchapp.engine import IndexSearcher, Matching, QueryPlan
from searchapp.search_request import FACETS, UNKNOWN, SearchLimits, SearchRequest


@dataclass(frozen=True)
class FilterNotice:
    """A ticked value no paragraph has, and the values that look like it."""

    facet: str
    value: str
    nearest: tuple[str, ...]
    request: SearchRequest

    @property
    def message(self) -> str:
        if not self.nearest:
            return f"no {self.facet} is called {self.value!r}"
        return f"no {self.facet} is called {self.value!r}; did you mean " + ", ".join(
            repr(v) for v in self.nearest
        )

    def instead(self, value: str) -> str:
        """The URL query with `value` ticked in place of the unknown one."""
        chosen = tuple(value if v == self.value else v for v in self.request.selected(self.facet))
        return self.request.query_string(**{self.facet: tuple(dict.fromkeys(chosen)), "page": 1})

    def to_json(self) -> dict[str, object]:
        return {
            "param": self.facet,
            "value": self.value,
            "message": self.message,
            "nearest": [{"value": v, "url": "?" + self.instead(v)} for v in self.nearest],
        }


@dataclass
class Matched:
    """What a request matched, before counting and paging: shared by the paragraph and
    the quotes views, which count and page different units of the same matches."""

    request: SearchRequest  # with ticked values spelled as the index spells them
    notices: list[FilterNotice]
    plan: QueryPlan
    matching: Matching
    allowed: dict[str, np.ndarray]  # per ticked filter, the documents it lets through
    base: np.ndarray  # documents with the words (all, or most in partial mode)
    matches: np.ndarray  # `base` through every filter
    mode: str | None  # SearchResult.matching
    all_words_total: int

    @property
    def narrowed(self) -> bool:
        request = self.request
        return bool(self.allowed or request.date_from or request.date_to)

    def pool(self, facet: str) -> np.ndarray:
        """What `facet` is counted over: every filter but its own (disjunctive facets)."""
        return _narrowed(self.base, {f: docs for f, docs in self.allowed.items() if f != facet})

    def ranked(
        self, searcher: IndexSearcher, matches: np.ndarray
    ) -> Iterator[tuple[int, float | None]]:
        """`matches` in the request's order, read in growing pages, for views that fold
        several documents into one hit and cannot know beforehand how many they need."""
        if self.request.effective_sort != "relevance":
            newest = self.request.effective_sort == "date_desc"
            for docnum in searcher.columns.by_date(matches, newest_first=newest):
                yield int(docnum), None
            return
        counts = self.matching.counts if self.mode == "partial" else None
        start, size = 0, 50
        while True:
            page = searcher.ranked(
                self.plan.explicit,
                matches,
                self.matching.scores,
                self.narrowed,
                start,
                size,
                counts,
            )
            yield from page
            if len(page) < size:
                return
            start, size = start + size, size * 4


def match_request(
    searcher: IndexSearcher,
    request: SearchRequest,
    limits: SearchLimits,
    doc_filters: tuple[str, ...] = FACETS,
) -> Matched:
    """Match the query and apply the filters in `doc_filters` to documents (the quotes
    view filters speakers per quotation instead)."""
    request, notices = _forgiving_filters(searcher, request)
    plan = searcher.plan(request.q, limits, request.correct)
    columns = searcher.columns
    if request.include_undated:  # the range as a filter that lets undated paragraphs by
        matching = searcher.matching(plan, None, None)
    else:
        matching = searcher.matching(plan, request.date_from, request.date_to)
    allowed = {
        facet: columns.facets[facet].docs_with_any(
            [None if value == UNKNOWN else value for value in request.selected(facet)],
            columns.size,
        )
        for facet in doc_filters
        if request.selected(facet)
    }
    if request.include_undated:
        allowed["dates"] = columns.in_dates(request.date_from, request.date_to) | (
            columns.days == 0
        )
    if request.article:
        allowed["article"] = columns.article_docs(request.article)
    every = _narrowed(matching.every, allowed)
    all_words_total = int(every.sum())
    base, matches, mode = matching.every, every, "all"
    if matching.some is not None and all_words_total < request.per_page:
        base, mode = matching.some, "partial"
        matches = _narrowed(base, allowed)
    if plan.is_everything:
        mode = None
    return Matched(request, notices, plan, matching, allowed, base, matches, mode, all_words_total)


def missing_words(matched: Matched, docnum: int) -> tuple[str, ...]:
    """The query words document `docnum` lacks, in partial matching."""
    if matched.mode != "partial":
        return ()
    words = zip(matched.plan.words, matched.matching.words, strict=True)
    return tuple(word.typed for word, mask in words if not mask[docnum])


def _forgiving_filters(
    searcher: IndexSearcher, request: SearchRequest
) -> tuple[SearchRequest, list[FilterNotice]]:
    """Ticked outlets and speakers as the index spells them ("newsweek" is "Newsweek");
    a value that stands for none is kept (it matches nothing) and reported with the
    values nearest to it."""
    changes: dict[str, tuple[str, ...]] = {}
    unknown: list[tuple[str, str]] = []
    for facet in ("outlet", "speaker"):
        values = searcher.owner.facet_values(facet)
        chosen: list[str] = []
        for value in request.selected(facet):
            found = () if value == UNKNOWN else values.resolve(value)
            chosen += found or [value]
            if value != UNKNOWN and not found:
                unknown.append((facet, value))
        if tuple(chosen) != request.selected(facet):
            changes[facet] = tuple(dict.fromkeys(chosen))
    request = replace(request, **changes) if changes else request
    notices = [
        FilterNotice(
            facet, value, tuple(searcher.owner.facet_values(facet).nearest(value)), request
        )
        for facet, value in unknown
    ]
    return request, notices


def _narrowed(mask: np.ndarray, filters: Mapping[str, np.ndarray]) -> np.ndarray:
    for docs in filters.values():
        mask = mask & docs
    return mask
