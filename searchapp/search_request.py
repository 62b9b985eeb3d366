"""A search request: validated from query-string parameters, and back to a URL.

Every page, API call and CLI search is one `SearchRequest`; its whole state round-trips
through the URL, so a result page can be shared and bookmarked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlencode

from searchapp.engine import FACET_FIELDS, QueryLimits
from searchapp.paragraphs import UNKNOWN_DATE, UNKNOWN_OUTLET

SORTS = ("relevance", "date_desc", "date_asc")
# What one hit is: a paragraph, or a quotation (the path says which: / or /quotes).
VIEWS = ("paragraphs", "quotes")
# `collapse`: per view, what may fold several hits into one, the default first: copies of
# one quotation printed by several outlets; paragraphs of one article.
COLLAPSES = {"paragraphs": ("none", "article"), "quotes": ("quote", "none")}
FACETS = tuple(FACET_FIELDS)  # ("outlet", "speaker", "date")
# In URLs, this value selects the documents a facet has no value for.
UNKNOWN = "_unknown"
UNKNOWN_LABELS = {"outlet": UNKNOWN_OUTLET, "speaker": "No speaker", "date": UNKNOWN_DATE}
MAX_PER_PAGE = 100
DEFAULT_FACET_SIZE = 10
# Each facet value carries a toggle URL as long as the request's, so this bounds the
# answer's size: 2,000 values ticked once made a 50 MB answer.
MAX_FACET_SIZE = 100
UNDATED = ("exclude", "include")
PREFIX_FACETS = ("outlet", "speaker")
MAX_PREFIX_CHARS = 50


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
    view: str = "paragraphs"  # from the path, not the query string
    collapse: str = ""  # "": the view's default (COLLAPSES)
    article: str = ""  # only this article's paragraphs ("3 more from this article")
    # Facets whose "Show more" was followed: each lists MAX_FACET_SIZE values, the others
    # keep `facet_size`, so expanding one facet never multiplies another's size.
    more: tuple[str, ...] = ()
    # With a date range: "include" also keeps paragraphs with no date (default "exclude",
    # as before, so a range means "dated in this range" unless asked otherwise).
    undated: str = "exclude"
    # Narrow a long facet's listed values to those with a word starting so (outlet and
    # speaker; `speaker_prefix=rog`), the no-JavaScript form of the facet's search box.
    prefixes: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_params(
        cls,
        params: Mapping[str, Sequence[str]],
        limits: SearchLimits | None = None,
        view: str = "paragraphs",
    ) -> SearchRequest:
        """Validate query-string parameters (name → list of values) into a request for
        `view`'s hits."""
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
        collapse = one("collapse")
        if collapse and collapse not in COLLAPSES[view]:
            raise BadParameter(
                "collapse",
                f"collapse must be one of {', '.join(COLLAPSES[view])} for {view}, "
                f"got {collapse!r}",
            )
        more = many("more")
        for name in more:
            if name not in FACETS:
                facets = ", ".join(FACETS)
                raise BadParameter("more", f"more must name facets ({facets}), got {name!r}")
        undated = one("undated") or "exclude"
        if undated not in UNDATED:
            raise BadParameter("undated", f"undated must be include or exclude, got {undated!r}")
        prefixes = tuple(
            (facet, one(f"{facet}_prefix")[:MAX_PREFIX_CHARS])
            for facet in PREFIX_FACETS
            if one(f"{facet}_prefix")
        )
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
            view=view,
            collapse="" if collapse == COLLAPSES[view][0] else collapse,
            article=one("article")[:1_000],
            more=more,
            undated=undated,
            prefixes=prefixes,
        )
        if request.date_from and request.date_to and request.date_from > request.date_to:
            raise BadParameter("to", "'to' is before 'from'")
        return request

    @property
    def effective_sort(self) -> str:
        """An empty query has nothing to rank by, so it browses newest first."""
        return "date_desc" if not self.q and self.sort == "relevance" else self.sort

    @property
    def effective_collapse(self) -> str:
        return self.collapse or COLLAPSES[self.view][0]

    @property
    def include_undated(self) -> bool:
        """Undated paragraphs pass a date range only when asked for."""
        return self.undated == "include" and bool(self.date_from or self.date_to)

    def prefix_of(self, facet: str) -> str:
        return dict(self.prefixes).get(facet, "")

    def size_of(self, facet: str) -> int:
        """How many of `facet`'s values to list: more for a facet the user expanded."""
        return MAX_FACET_SIZE if facet in self.more else self.facet_size

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
        if self.undated != "exclude":
            pairs.append(("undated", self.undated))
        pairs += [("more", facet) for facet in self.more]
        pairs += [(f"{facet}_prefix", prefix) for facet, prefix in self.prefixes]
        if self.sort != "relevance":
            pairs.append(("sort", self.sort))
        if self.per_page != 10:
            pairs.append(("per_page", str(self.per_page)))
        if self.facet_size != DEFAULT_FACET_SIZE:
            pairs.append(("facet_size", str(self.facet_size)))
        if not self.correct:
            pairs.append(("correct", "0"))
        if self.collapse:
            pairs.append(("collapse", self.collapse))
        if self.article:
            pairs.append(("article", self.article))
        if self.page != 1:
            pairs.append(("page", str(self.page)))
        return pairs

    def query_string(self, **changes: object) -> str:
        """The URL query for this request with `changes` applied."""
        return urlencode(replace(self, **changes).to_params())

    def switched(self, view: str) -> str:
        """The URL query for the same search in another view, which has its own
        collapse choices and no article scope."""
        return self.query_string(view=view, collapse="", article="", page=1)

    def toggled(self, facet: str, value: str) -> str:
        """The URL query with `value` ticked or unticked, back on page 1."""
        current = self.selected(facet)
        values = tuple(v for v in current if v != value) if value in current else (*current, value)
        return self.query_string(**{facet: values, "page": 1})


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
