"""What the search page shows around its facets: active filter chips, the month
histogram, and the undated count beside a date range. Kept out of pages.py so the
page's route stays about routing."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace

from searchapp.engine import IndexSearcher
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


def histogram(
    searcher: IndexSearcher, request: SearchRequest, limits: SearchLimits, run, unit: str
) -> Histogram:
    """Matches per month under the query and the other filters (the month facet's own
    ticks aside, as the facet counts them). Run once more with undated paragraphs let
    through the range, so the page can say how many a range would hide."""
    wide = replace(
        request, undated="include", facet_size=MAX_FACET_SIZE, page=1, per_page=1, more=()
    )
    counted = run(searcher, wide, limits).facets["date"]
    months = [v for v in counted if v.value is not None and v.count]
    undated = sum(v.count for v in counted if v.value is None)
    tallest = max((v.count for v in months), default=1)
    bars = []
    for item in sorted(months, key=lambda v: v.value):
        year, month = (int(part) for part in item.value.split("-"))
        first = dt.date(year, month, 1)
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        href = request.query_string(date=(), date_from=first, date_to=last, page=1)
        label = f"{calendar.month_name[month]} {year}"
        bars.append(
            Bar(
                item.value,
                label,
                item.count,
                round(item.count / tallest, 3),
                first.isoformat(),
                last.isoformat(),
                href,
            )
        )
    return Histogram(bars, undated, unit)
