"""The one search function behind the web page, the JSON API and the CLI.

Facets are disjunctive, as in Algolia or Meilisearch: values ticked within one facet are
OR'ed, facets are AND'ed, and each facet is counted with every other facet's filter but not
its own, so ticking "Newsweek" leaves the other outlets visible with their counts.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TypeVar

import numpy as np
from markupsafe import escape

from searchapp.engine import IndexSearcher, QueryTooCostly
from searchapp.filters import fold
from searchapp.matches import FilterNotice, Matched, match_request, missing_words
from searchapp.paragraphs import ParagraphDoc
from searchapp.search_request import (  # noqa: F401 - the request's names, as callers know them
    DEFAULT_FACET_SIZE,
    FACETS,
    MAX_FACET_SIZE,
    MAX_PER_PAGE,
    SORTS,
    UNKNOWN,
    UNKNOWN_LABELS,
    BadParameter,
    SearchLimits,
    SearchRequest,
    parse_whole_number,
)
from searchapp.timeouts import TimeLimitExceeded, time_limit

_PLAIN_SNIPPET_CHARS = 240


class SearchTimedOut(QueryTooCostly):
    """The search ran past `SearchLimits.seconds` and was stopped."""

    def __init__(self, seconds: float) -> None:
        super().__init__(
            f"the search took longer than {seconds:g} s and was stopped: the server may be "
            "busy, or the query too broad (more letters before a *, fewer OR'ed words, "
            "or a filter would make it cheaper)",
            "seconds",
            seconds,
        )


@dataclass(frozen=True)
class FacetValue:
    value: str | None  # None: the documents with no value for this facet
    label: str
    count: int
    selected: bool
    toggle: str  # query string that ticks or unticks this value

    @property
    def param(self) -> str:
        """The value as sent in the URL."""
        return UNKNOWN if self.value is None else self.value

    def to_json(self) -> dict[str, object]:
        return {
            "value": self.value,
            "label": self.label,
            "count": self.count,
            "selected": self.selected,
            "toggle_url": "?" + self.toggle,
        }


@dataclass(frozen=True)
class Hit:
    doc: ParagraphDoc
    snippet: str  # HTML: escaped text, only <mark> is markup
    score: float | None  # BM25F; None when sorted by date
    missing: tuple[str, ...] = ()  # query words this paragraph lacks (partial matching)
    more_in_article: int = 0  # collapse=article: the article's other matching paragraphs

    def to_json(self) -> dict[str, object]:
        score = None if self.score is None else round(self.score, 4)
        return {
            **self.doc.to_json(),
            "snippet": self.snippet,
            "score": score,
            "missing_words": list(self.missing),
            "more_in_article": self.more_in_article,
        }


@dataclass(frozen=True)
class SearchResult:
    request: SearchRequest
    total: int
    took_ms: float
    hits: list[Hit]
    facets: dict[str, list[FacetValue]]
    facets_truncated: dict[str, bool] = field(default_factory=dict)
    # "all": every hit has all the query's words; "partial": fewer than a page had them
    # all, so paragraphs with most of them follow; None: nothing to match (browsing).
    matching: str | None = None
    all_words_total: int = 0  # paragraphs with all the words
    corrected_query: str | None = None  # the query whose results these are, if corrected
    did_you_mean: str | None = None  # a spelling offered, not applied
    filter_notices: list[FilterNotice] = field(default_factory=list)
    # Every month's count (UNKNOWN: undated) before the facet list is cut to its size:
    # the page's histogram, when no date range asks for a count of its own.
    month_counts: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(
        cls,
        matched: Matched,
        total: int,
        started: float,
        hits: list,
        facets: dict[str, list[FacetValue]],
        truncated: dict[str, bool],
        month_counts: Counter[str],
    ) -> SearchResult:
        """A view's page of `hits` out of `total`, for a search begun at `started`
        (`time.perf_counter()`), with what the match says about the query."""
        plan = matched.plan
        return cls(
            matched.request,
            total,
            (time.perf_counter() - started) * 1000,
            hits,
            facets,
            truncated,
            matching=matched.mode,
            all_words_total=matched.all_words_total,
            corrected_query=plan.rewritten(applied=True),
            did_you_mean=plan.rewritten(applied=False),
            filter_notices=matched.notices,
            month_counts=month_counts,
        )

    @property
    def dropped_words(self) -> list[str]:
        """Query words missing from at least one hit of the page."""
        return list(dict.fromkeys(word for hit in self.hits for word in hit.missing))

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.request.per_page))

    def to_json(self) -> dict[str, object]:
        request = self.request
        return {
            "query": request.q,
            "sort": request.effective_sort,
            "total": self.total,
            "page": request.page,
            "per_page": request.per_page,
            "pages": self.pages,
            "took_ms": round(self.took_ms, 2),
            "matching": self.matching,
            "all_words_total": self.all_words_total,
            "dropped_words": self.dropped_words,
            "corrected_query": self.corrected_query,
            "did_you_mean": self.did_you_mean,
            "filter_warnings": [notice.to_json() for notice in self.filter_notices],
            "hits": [hit.to_json() for hit in self.hits],
            "facets": {name: [v.to_json() for v in values] for name, values in self.facets.items()},
            "facets_truncated": self.facets_truncated,
        }


def search(
    searcher: IndexSearcher, request: SearchRequest, limits: SearchLimits | None = None
) -> SearchResult:
    """Run `request`: matching, facet filters and counts, sorting, one page of hits.

    Raises QuerySyntaxError for a query that cannot be parsed, QueryTooCostly for one over
    `limits`, and SearchTimedOut (a QueryTooCostly) when it runs out of time.
    """
    return within_limits(_search, searcher, request, limits)


Answer = TypeVar("Answer")


def within_limits(
    run: Callable[[IndexSearcher, SearchRequest, SearchLimits], Answer],
    searcher: IndexSearcher,
    request: SearchRequest,
    limits: SearchLimits | None,
) -> Answer:
    """`run` the request, stopped with SearchTimedOut past `limits.seconds`."""
    limits = limits or SearchLimits()
    searcher.owner.prepare()
    try:
        with time_limit(limits.seconds):
            return run(searcher, request, limits)
    except TimeLimitExceeded:
        searcher.discard()
        raise SearchTimedOut(limits.seconds) from None


def _search(searcher: IndexSearcher, request: SearchRequest, limits: SearchLimits) -> SearchResult:
    started = time.perf_counter()
    matched = match_request(searcher, request, limits)
    request, plan, matching = matched.request, matched.plan, matched.matching
    columns = searcher.columns
    facets, truncated, counted = {}, {}, {}
    for facet in FACETS:
        counted[facet] = _facet_counts(searcher, matched, facet)
        facets[facet], truncated[facet] = facet_values(facet, counted[facet], request)

    offset = (request.page - 1) * request.per_page
    matches, more = matched.matches, {}
    if request.effective_collapse == "article":
        page, more, total = _article_page(searcher, matched, offset)
    elif request.effective_sort == "relevance":
        counts = matching.counts if matched.mode == "partial" else None
        page = searcher.ranked(
            plan.explicit,
            matches,
            matching.scores,
            matched.narrowed,
            offset,
            request.per_page,
            counts,
        )
        total = int(matches.sum())
    else:
        ordered = columns.by_date(matches, newest_first=request.effective_sort == "date_desc")
        page = [(int(docnum), None) for docnum in ordered[offset : offset + request.per_page]]
        total = int(matches.sum())
    docs = [searcher.paragraph(docnum) for docnum, _ in page]
    snippets = searcher.snippets(plan, {doc.id: doc.text for doc in docs})
    hits = []
    for doc, (docnum, score) in zip(docs, page, strict=True):
        hit = _hit(doc, score, snippets.get(doc.id), missing_words(matched, docnum))
        hits.append(replace(hit, more_in_article=more.get(docnum, 0)))
    return SearchResult.of(matched, total, started, hits, facets, truncated, counted["date"])


def count_by_month(
    searcher: IndexSearcher, request: SearchRequest, limits: SearchLimits | None = None
) -> Counter[str]:
    """Matching paragraphs per month (UNKNOWN: undated), as the month facet counts them:
    the histogram's figures without ranking, snippets or the other facets, which would
    double the page's cost (bench/search_page.py)."""

    def count(searcher: IndexSearcher, request: SearchRequest, limits: SearchLimits):
        return _facet_counts(searcher, match_request(searcher, request, limits), "date")

    return within_limits(count, searcher, request, limits)


def _facet_counts(searcher: IndexSearcher, matched: Matched, facet: str) -> Counter[str]:
    """Paragraphs per value of `facet` under every filter but its own."""
    pool = matched.pool(facet)
    column = searcher.columns.facets[facet]
    counts = Counter(column.counts(pool))
    counts[UNKNOWN] = int((pool & column.missing).sum())
    return +counts


def _article_page(
    searcher: IndexSearcher, matched: Matched, offset: int
) -> tuple[list[tuple[int, float | None]], dict[int, int], int]:
    """One page of articles, each as its best paragraph: (docnum, score) pairs, how many
    more of each one's paragraphs match, and how many articles match."""
    articles = searcher.columns.articles
    matches = matched.matches
    per_article = np.bincount(articles[matches], minlength=len(searcher.columns.article_ids))
    total = int(np.count_nonzero(per_article))
    wanted = offset + matched.request.per_page
    page: list[tuple[int, float | None]] = []
    seen: set[int] = set()
    for docnum, score in matched.ranked(searcher, matches):
        if len(page) >= wanted:
            break
        article = int(articles[docnum])
        if article not in seen:
            seen.add(article)
            page.append((docnum, score))
    page = page[offset:]
    more = {docnum: int(per_article[articles[docnum]]) - 1 for docnum, _ in page}
    return page, more, total


def facet_values(
    facet: str, counts: Counter[str], request: SearchRequest
) -> tuple[list[FacetValue], bool]:
    """The values to show: the most frequent (dates: the newest), plus every ticked one."""
    selected = request.selected(facet)
    for value in selected:
        counts.setdefault(value, 0)  # a ticked value stays visible even at zero
    if facet == "date":  # chronological, newest first; unknown last
        ranked = sorted(counts, key=lambda v: (v != UNKNOWN, v), reverse=True)
    else:
        ranked = sorted(counts, key=lambda v: (-counts[v], v.casefold()))
    prefix = request.prefix_of(facet)
    if prefix:
        ranked = [v for v in ranked if v in selected or starts_word(v, prefix)]
    shown = ranked[: request.size_of(facet)]
    shown += [value for value in selected if value not in shown]
    values = [
        FacetValue(
            value=None if value == UNKNOWN else value,
            label=UNKNOWN_LABELS[facet] if value == UNKNOWN else value,
            count=counts[value],
            selected=value in selected,
            toggle=request.toggled(facet, value),
        )
        for value in shown
    ]
    return values, len(ranked) > len(shown)


def starts_word(value: str, prefix: str) -> bool:
    """Whether a word of `value` starts with `prefix`, case-, accent- and script-blind:
    `rog` finds "Dmitry Rogozin"."""
    wanted = fold(prefix).strip()
    if not wanted:
        return True
    words = fold(value).replace("-", " ").split()
    whole = fold(value)
    return whole.startswith(wanted) or any(word.startswith(wanted) for word in words)


def _hit(
    doc: ParagraphDoc, score: float | None, snippet: str | None, missing: tuple[str, ...]
) -> Hit:
    return Hit(doc, snippet or str(escape(_shorten(doc.text))), score, missing)


def _shorten(text: str) -> str:
    if len(text) <= _PLAIN_SNIPPET_CHARS:
        return text
    return text[:_PLAIN_SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
