"""The one search function behind the web page, the JSON API and the CLI.

Facets are disjunctive, as in Algolia or Meilisearch: values ticked within one facet are
OR'ed, facets are AND'ed, and each facet is counted with every other facet's filter but not
its own, so ticking "Newsweek" leaves the other outlets visible with their counts.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

import numpy as np
from markupsafe import escape

from searchapp.engine import FACET_FIELDS, IndexSearcher, QueryLimits, QueryTooCostly
from searchapp.paragraphs import UNKNOWN_DATE, UNKNOWN_OUTLET, ParagraphDoc
from searchapp.timeouts import TimeLimitExceeded, time_limit

SORTS = ("relevance", "date_desc", "date_asc")
FACETS = tuple(FACET_FIELDS)  # ("outlet", "speaker", "date")
# In URLs, this value selects the documents a facet has no value for.
UNKNOWN = "_unknown"
UNKNOWN_LABELS = {"outlet": UNKNOWN_OUTLET, "speaker": "No speaker", "date": UNKNOWN_DATE}
MAX_PER_PAGE = 100
DEFAULT_FACET_SIZE = 10
# Each facet value carries a toggle URL as long as the request's, so this bounds the
# answer's size: 2,000 values ticked once made a 50 MB answer.
MAX_FACET_SIZE = 100
_PLAIN_SNIPPET_CHARS = 240


class BadParameter(ValueError):
    """A request parameter is invalid; `param` names it for the API's error body, and
    `limit` the limit it broke, if any."""

    def __init__(self, param: str, message: str, limit: str | None = None) -> None:
        super().__init__(message)
        self.param = param
        self.message = message
        self.limit = limit


@dataclass(frozen=True)
class SearchLimits(QueryLimits):
    """What one request may cost, on top of what its query may (README, "Limits")."""

    filter_values: int = 50  # values ticked in one facet
    seconds: float = 2.0  # after this the search is stopped, not only abandoned


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
class SearchRequest:
    """Everything that defines a result page; it round-trips through the URL."""

    q: str = ""
    outlet: tuple[str, ...] = ()
    speaker: tuple[str, ...] = ()
    date: tuple[str, ...] = ()  # months, "YYYY-MM", or UNKNOWN
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 10
    facet_size: int = DEFAULT_FACET_SIZE
    correct: bool = True  # False: search the words as typed ("search instead for")

    @classmethod
    def from_params(
        cls, params: Mapping[str, Sequence[str]], limits: SearchLimits | None = None
    ) -> SearchRequest:
        """Validate query-string parameters (name → list of values) into a request."""
        limits = limits or SearchLimits()

        def one(name: str) -> str:
            values = params.get(name) or [""]
            return values[-1].strip()

        def many(name: str) -> tuple[str, ...]:
            values = (value.strip() for value in params.get(name) or ())
            chosen = tuple(dict.fromkeys(value for value in values if value))
            if len(chosen) > limits.filter_values:
                raise BadParameter(
                    name,
                    f"at most {limits.filter_values} {name} values can be ticked at once, "
                    f"got {len(chosen):,}",
                    "filter_values",
                )
            return chosen

        months = many("date")
        for month in months:
            if month != UNKNOWN and not _is_month(month):
                raise BadParameter("date", f"date facet values are YYYY-MM months, got {month!r}")
        sort = one("sort") or "relevance"
        if sort not in SORTS:
            raise BadParameter("sort", f"sort must be one of {', '.join(SORTS)}, got {sort!r}")
        request = cls(
            q=one("q"),
            outlet=many("outlet"),
            speaker=many("speaker"),
            date=months,
            date_from=_parse_day(one("from"), "from"),
            date_to=_parse_day(one("to"), "to"),
            sort=sort,
            page=parse_whole_number(one("page"), "page", 1, 1, 10_000),
            per_page=parse_whole_number(one("per_page"), "per_page", 10, 1, MAX_PER_PAGE),
            facet_size=parse_whole_number(
                one("facet_size"), "facet_size", DEFAULT_FACET_SIZE, 1, MAX_FACET_SIZE
            ),
            correct=_parse_switch(one("correct"), "correct"),
        )
        if request.date_from and request.date_to and request.date_from > request.date_to:
            raise BadParameter("to", "'to' is before 'from'")
        return request

    @property
    def effective_sort(self) -> str:
        """An empty query has nothing to rank by, so it browses newest first."""
        return "date_desc" if not self.q and self.sort == "relevance" else self.sort

    def selected(self, facet: str) -> tuple[str, ...]:
        return getattr(self, facet)

    def to_params(self) -> list[tuple[str, str]]:
        """Query-string pairs, leaving defaults out so URLs stay short and shareable."""
        pairs = [("q", self.q)] if self.q else []
        for facet in FACETS:
            pairs += [(facet, value) for value in self.selected(facet)]
        if self.date_from:
            pairs.append(("from", self.date_from.isoformat()))
        if self.date_to:
            pairs.append(("to", self.date_to.isoformat()))
        if self.sort != "relevance":
            pairs.append(("sort", self.sort))
        if self.per_page != 10:
            pairs.append(("per_page", str(self.per_page)))
        if self.facet_size != DEFAULT_FACET_SIZE:
            pairs.append(("facet_size", str(self.facet_size)))
        if not self.correct:
            pairs.append(("correct", "0"))
        if self.page != 1:
            pairs.append(("page", str(self.page)))
        return pairs

    def query_string(self, **changes: object) -> str:
        """The URL query for this request with `changes` applied."""
        return urlencode(replace(self, **changes).to_params())

    def toggled(self, facet: str, value: str) -> str:
        """The URL query with `value` ticked or unticked, back on page 1."""
        current = self.selected(facet)
        values = tuple(v for v in current if v != value) if value in current else (*current, value)
        return self.query_string(**{facet: values, "page": 1})


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


@dataclass(frozen=True)
class Hit:
    doc: ParagraphDoc
    snippet: str  # HTML: escaped text, only <mark> is markup
    score: float | None  # BM25F; None when sorted by date
    missing: tuple[str, ...] = ()  # query words this paragraph lacks (partial matching)

    def to_json(self) -> dict[str, object]:
        score = None if self.score is None else round(self.score, 4)
        return {
            **self.doc.to_json(),
            "snippet": self.snippet,
            "score": score,
            "missing_words": list(self.missing),
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

    @property
    def dropped_words(self) -> list[str]:
        """Query words missing from at least one hit of the page, in query order."""
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
    limits = limits or SearchLimits()
    searcher.owner.prepare()
    try:
        with time_limit(limits.seconds):
            return _search(searcher, request, limits)
    except TimeLimitExceeded:
        searcher.discard()
        raise SearchTimedOut(limits.seconds) from None


def _search(searcher: IndexSearcher, request: SearchRequest, limits: SearchLimits) -> SearchResult:
    started = time.perf_counter()
    request, notices = _forgiving_filters(searcher, request)
    plan = searcher.plan(request.q, limits, request.correct)
    columns = searcher.columns
    matching = searcher.matching(plan, request.date_from, request.date_to)
    allowed = {
        facet: columns.facets[facet].docs_with_any(
            [None if value == UNKNOWN else value for value in request.selected(facet)],
            columns.size,
        )
        for facet in FACETS
        if request.selected(facet)
    }
    every = _narrowed(matching.every, allowed)
    all_words_total = int(every.sum())
    base, matches, mode = matching.every, every, "all"
    if matching.some is not None and all_words_total < request.per_page:
        base, mode = matching.some, "partial"
        matches = _narrowed(base, allowed)
    if plan.is_everything:
        mode = None

    facets, truncated = {}, {}
    for facet in FACETS:
        pool = _narrowed(base, {other: docs for other, docs in allowed.items() if other != facet})
        column = columns.facets[facet]
        counts = Counter(column.counts(pool))
        counts[UNKNOWN] = int((pool & column.missing).sum())
        facets[facet], truncated[facet] = _facet_values(facet, +counts, request)

    offset = (request.page - 1) * request.per_page
    if request.effective_sort == "relevance":
        narrowed = bool(allowed or request.date_from or request.date_to)
        counts = matching.counts if mode == "partial" else None
        page = searcher.ranked(
            plan.explicit, matches, matching.scores, narrowed, offset, request.per_page, counts
        )
    else:
        ordered = columns.by_date(matches, newest_first=request.effective_sort == "date_desc")
        page = [(int(docnum), None) for docnum in ordered[offset : offset + request.per_page]]
    docs = [searcher.paragraph(docnum) for docnum, _ in page]
    snippets = searcher.snippets(plan, docs)
    hits = []
    for doc, (docnum, score) in zip(docs, page, strict=True):
        missing = ()
        if mode == "partial":
            missing = tuple(
                word.typed
                for word, mask in zip(plan.words, matching.words, strict=True)
                if not mask[docnum]
            )
        hits.append(_hit(doc, score, snippets.get(doc.id), missing))
    took_ms = (time.perf_counter() - started) * 1000
    return SearchResult(
        request,
        int(matches.sum()),
        took_ms,
        hits,
        facets,
        truncated,
        matching=mode,
        all_words_total=all_words_total,
        corrected_query=plan.rewritten(applied=True),
        did_you_mean=plan.rewritten(applied=False),
        filter_notices=notices,
    )


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


def _facet_values(
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
    shown = ranked[: request.facet_size]
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


def _hit(
    doc: ParagraphDoc, score: float | None, snippet: str | None, missing: tuple[str, ...]
) -> Hit:
    return Hit(doc, snippet or str(escape(_shorten(doc.text))), score, missing)


def _shorten(text: str) -> str:
    if len(text) <= _PLAIN_SNIPPET_CHARS:
        return text
    return text[:_PLAIN_SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"


def _is_month(value: str) -> bool:
    try:
        dt.datetime.strptime(value, "%Y-%m")
    except ValueError:
        return False
    return len(value) == 7


def _parse_switch(value: str, param: str) -> bool:
    if value.lower() in ("", "1", "on", "true", "yes"):
        return True
    if value.lower() in ("0", "off", "false", "no"):
        return False
    raise BadParameter(param, f"{param!r} must be 1 or 0, got {value!r}")


def _parse_day(value: str, param: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadParameter(
            param, f"{param!r} must be a date as YYYY-MM-DD, got {value!r}"
        ) from None


def parse_whole_number(
    value: str, param: str, default: int | None, low: int, high: int | None = None
) -> int | None:
    """`value` as a whole number from `low` to `high` (None: no upper bound), `default`
    when empty; BadParameter naming `param` otherwise."""
    value = value.strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:  # also a number of more than 4,300 digits
        raise BadParameter(param, f"{param!r} must be a whole number, got {value!r}") from None
    if number < low or (high is not None and number > high):
        bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise BadParameter(param, f"{param!r} must be {bounds}, got {number}")
    return number
