"""What the search page shows around its facets: active filter chips, the month
histogram, and the undated count beside a date range. Kept out of pages.py so the
page's route stays about routing."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from searchapp.engine import IndexSearcher
from searchapp.search import SearchResult
from searchapp.search_request import MAX_FACET_SIZE, UNKNOWN, SearchLimits, SearchRequest

FACET_NAMES = {"outlet": "Outlet", "speaker": "Speaker", "date": "Month"}


@dataclass(frozen=True)
class Chip:
    name: str
    label: str
    remove: str  # the URL query without this filter


def active_chips(request: SearchRequest) -> list[Chip]:
    """One chip per active filter, each with the URL that drops only it."""
    chips = []
    for facet in ("outlet", "speaker", "date"):
        for value in request.selected(facet):
            label = "Unknown" if value == UNKNOWN else value
            chips.append(Chip(FACET_NAMES[facet], label, request.toggled(facet, value)))
    if request.date_from or request.date_to:
        span = f"{request.date_from or '…'} – {request.date_to or '…'}"
        if request.include_undated:
            span += " and undated"
        chips.append(
            Chip("Dates", span, request.query_string(date_from=None, date_to=None, page=1))
        )
    if request.article:
        chips.append(Chip("Article", "one article", request.query_string(article="", page=1)))
    return chips


@dataclass(frozen=True)
class Bar:
    month: str  # YYYY-MM
    label: str  # "April 2022"
    count: int
    height: float  # 0..1 of the tallest bar
    first: str  # the month's first and last day
    last: str
    href: str


@dataclass(frozen=True)
class Histogram:
    bars: list[Bar]
    undated: int  # matches with no date (whether or not the range lets them through)
    unit: str


MonthCounter = Callable[[IndexSearcher, SearchRequest, SearchLimits], Counter[str]]


def histogram(
    searcher: IndexSearcher,
    result: SearchResult,
    limits: SearchLimits,
    count: MonthCounter,
    unit: str,
) -> Histogram:
    """Matches per month under the query and the other filters (the month facet's own
    ticks aside, as the facet counts them), the newest MAX_FACET_SIZE months. With a date
    range, counted once more with undated paragraphs let through it, so the page can say
    how many the range hides; without one, the search has counted them already."""
    request = result.request
    if request.date_from or request.date_to:
        counts = count(searcher, replace(request, undated="include"), limits)
    else:
        counts = Counter(result.month_counts)
    undated = counts.pop(UNKNOWN, 0)
    newest = sorted(counts, reverse=True)[:MAX_FACET_SIZE]
    tallest = max((counts[month] for month in newest), default=1)
    bars = []
    for value in sorted(newest):
        year, month = (int(part) for part in value.split("-"))
        first = dt.date(year, month, 1)
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        href = request.query_string(date=(), date_from=first, date_to=last, page=1)
        label = f"{calendar.month_name[month]} {year}"
        bars.append(
            Bar(
                value,
                label,
                counts[value],
                round(counts[value] / tallest, 3),
                first.isoformat(),
                last.isoformat(),
                href,
            )
        )
    return Histogram(bars, undated, unit)
