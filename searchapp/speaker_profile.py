"""One speaker's page: everything a person or organisation said, newest first, with where
(outlets), when (months), under which spellings, and next to whom.

A journalist checking a name wants the whole record, not a search's top hits. The record
of a much-quoted speaker is large (100,000 quotations at a 200k-paragraph archive), so
every aggregate is an array pass over the quotation table (`columns.quotes`) and the
per-paragraph columns; stored paragraphs are read only for the page of quotations shown.

Names are forgiving, as the facet filters are: "ROGOZIN", "rogozin" or a spelling the
corpus-wide names merged ("Rogozin") all lead to "Dmitry Rogozin"; a name that leads to
none gets the nearest ones instead.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import threading
import weakref
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from searchapp.engine import IndexSearcher, ParagraphIndex
from searchapp.extract.quotes import Quote
from searchapp.filters import MAX_QUERY, fold
from searchapp.paragraphs import ParagraphDoc
from searchapp.search_request import BadParameter, parse_whole_number

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
CO_QUOTED = 10  # people quoted in the same articles, most shared articles first
SUGGESTIONS = 5
# No speaker's name is this long; a longer one is not looked up, nor echoed whole.
MAX_NAME = 1_000
# Months from the first to the last are listed, empty ones too, unless they span more
# than this (a stray date in year 1): then only months with quotations are.
MAX_MONTH_SPAN = 1_200
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_EPOCH = dt.date(1970, 1, 1).toordinal()


class SpeakerNotFound(LookupError):
    """No speaker goes by `name`; `nearest` are the names to offer instead (several
    equally good ones when the name is ambiguous, as a surname two people share is)."""

    def __init__(self, name: str, nearest: tuple[str, ...], ambiguous: bool = False) -> None:
        shown = name if len(name) <= 100 else name[:100] + "…"
        reason = "could be several speakers" if ambiguous else "is not a speaker's name"
        super().__init__(f"{shown!r} {reason} in this archive")
        self.nearest = nearest


class PageNotFound(LookupError):
    def __init__(self, page: int, pages: int) -> None:
        super().__init__(f"page {page} is past the end: there are {pages} page{'s' * (pages != 1)}")
        self.pages = pages


@dataclass(frozen=True)
class SpokenQuote:
    """One quotation of the speaker, in its paragraph."""

    doc: ParagraphDoc
    slot: int

    @property
    def quote(self) -> Quote:
        return self.doc.quotes[self.slot]

    def to_json(self) -> dict[str, object]:
        doc = self.doc
        return {
            "quote_id": f"{doc.id}#{self.slot}",
            "text": self.quote.text,
            "direct": self.quote.direct,
            "outlet": doc.outlet,
            "date": doc.date.isoformat() if doc.date else None,
            "title": doc.title,
            "article_id": doc.article_id,
            "paragraph_id": doc.id,
            "position": doc.position,
        }


@dataclass(frozen=True)
class SpeakerProfile:
    name: str
    forms: tuple[str, ...]  # as `list_speakers` gives them: the name and merged spellings
    quotations: int
    paragraphs: int
    articles: int
    outlets: list[tuple[str | None, int]]  # most quotations first; None: unknown outlet
    months: list[tuple[str, int]]  # "YYYY-MM", chronological
    undated: int  # quotations in paragraphs without a date
    co_quoted: list[tuple[str, int]]  # (speaker, articles shared), most shared first
    quotes: list[SpokenQuote]  # this page's, newest first
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.quotations / self.per_page))

    @property
    def busiest_month(self) -> int:
        return max((count for _, count in self.months), default=0)

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "forms": list(self.forms),
            "quotations": self.quotations,
            "paragraphs": self.paragraphs,
            "articles": self.articles,
            "outlets": [{"outlet": o, "quotations": n} for o, n in self.outlets],
            "months": [{"month": m, "quotations": n} for m, n in self.months],
            "undated": self.undated,
            "co_quoted": [{"name": s, "shared_articles": n} for s, n in self.co_quoted],
            "page": self.page,
            "per_page": self.per_page,
            "pages": self.pages,
            "quotes": [quote.to_json() for quote in self.quotes],
        }


class _SpeakerIndex:
    """What every speaker page of one generation reads, built on its first request."""

    def __init__(self, searcher: IndexSearcher) -> None:
        columns = searcher.columns
        table = columns.quotes
        values = columns.facets["speaker"].values
        self.live_rows = columns.live[table.docs] if table.size else np.zeros(0, dtype=bool)
        self.row_articles = columns.articles[table.docs].astype(np.int64)
        # The facet keeps values whose paragraphs were all deleted or renamed (their
        # postings stay until segments merge): only a speaker with quotations has a page.
        quoted = np.bincount(table.speakers[self.live_rows], minlength=len(values))
        self.number = {values[i]: int(i) for i in np.flatnonzero(quoted)}
        forms: dict[str, set[str]] = defaultdict(set)
        for written, name in searcher.owner.names.items():
            if name in self.number:
                forms[name].add(written)
        self.forms = {
            name: tuple(sorted({name, *spellings}, key=str.casefold))
            for name, spellings in forms.items()
        }
        self.written = {written: name for name, spellings in forms.items() for written in spellings}
        folded: dict[str, set[str]] = defaultdict(set)
        for value in self.number:
            folded[fold(value)].add(value)
        for written, name in self.written.items():
            folded[fold(written)].add(name)
        folded.pop("", None)
        self.folded = {key: tuple(sorted(names)) for key, names in folded.items()}

    def forms_of(self, name: str) -> tuple[str, ...]:
        return self.forms.get(name, (name,))


_indexes: weakref.WeakKeyDictionary[ParagraphIndex, _SpeakerIndex] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _speaker_index(searcher: IndexSearcher) -> _SpeakerIndex:
    with _lock:
        found = _indexes.get(searcher.owner)
        if found is None:
            found = _indexes[searcher.owner] = _SpeakerIndex(searcher)
        return found


def canonical_speaker(searcher: IndexSearcher, name: str) -> str:
    """The speaker value `name` stands for: itself, the name a merged spelling was merged
    into, the one value with its fold (case-, accent- and script-blind), or the one value
    holding it as whole words ("rogozin"). SpeakerNotFound otherwise."""
    index = _speaker_index(searcher)
    if name in index.number:
        return name
    if len(name) > MAX_NAME or _CONTROL.search(name):  # typed by no one: a probe
        raise SpeakerNotFound(name, ())
    if name in index.written:
        return index.written[name]
    key = fold(name[:MAX_QUERY]) if len(name) <= MAX_QUERY else ""
    if key:
        found = index.folded.get(key, ())
        if len(found) == 1:
            return found[0]
        if found:
            raise SpeakerNotFound(name, found[:SUGGESTIONS], ambiguous=True)
    near = searcher.owner.facet_values("speaker").nearest(name, 2 * SUGGESTIONS)
    nearest = tuple(value for value in near if value in index.number)[:SUGGESTIONS]
    if key:
        holding = [value for value in nearest if f" {key} " in f" {fold(value)} "]
        if len(holding) == 1:
            return holding[0]
        if holding:
            raise SpeakerNotFound(name, tuple(holding), ambiguous=True)
    raise SpeakerNotFound(name, nearest)


def speaker_profile(
    searcher: IndexSearcher, name: str, page: int = 1, per_page: int = DEFAULT_PER_PAGE
) -> SpeakerProfile:
    """The record of `name`, a speaker value as stored (see `canonical_speaker`), with page
    `page` of their quotations; PageNotFound past the last page."""
    index = _speaker_index(searcher)
    columns = searcher.columns
    table = columns.quotes
    speaker = index.number[name]
    rows = np.flatnonzero((table.speakers == speaker) & index.live_rows)
    docs = table.docs[rows]
    days = columns.days[docs].astype(np.int64)
    # Newest first, undated last; rows are in index order, so a day keeps text order.
    order = rows[np.argsort(np.where(days == 0, np.iinfo(np.int64).max, -days), kind="stable")]
    pages = max(1, math.ceil(len(rows) / per_page))
    if page > pages:
        raise PageNotFound(page, pages)
    shown = order[(page - 1) * per_page : page * per_page]
    paragraphs: dict[int, ParagraphDoc] = {}
    quotes = []
    for row in shown.tolist():
        docnum = int(table.docs[row])
        if docnum not in paragraphs:
            paragraphs[docnum] = searcher.paragraph(docnum)
        quotes.append(SpokenQuote(paragraphs[docnum], int(table.slots[row])))
    articles = np.zeros(len(columns.article_ids), dtype=bool)  # theirs, as a mask
    articles[index.row_articles[rows]] = True
    return SpeakerProfile(
        name=name,
        forms=index.forms_of(name),
        quotations=len(rows),
        paragraphs=int(docs.size and 1 + np.count_nonzero(np.diff(docs))),  # docs ascend
        articles=int(np.count_nonzero(articles)),
        outlets=_outlets(searcher, docs),
        months=_months(days[days > 0]),
        undated=int((days == 0).sum()),
        co_quoted=_co_quoted(searcher, index, speaker, articles),
        quotes=quotes,
        page=page,
        per_page=per_page,
    )


def _outlets(searcher: IndexSearcher, docs: np.ndarray) -> list[tuple[str | None, int]]:
    """Quotations per outlet of their paragraphs, each quotation counted once."""
    columns = searcher.columns
    column = columns.facets["outlet"]
    per_doc = np.bincount(docs, minlength=columns.size)
    counted = np.bincount(
        column.pair_values, weights=per_doc[column.pair_docs], minlength=len(column.values)
    )
    outlets: list[tuple[str | None, int]] = [
        (column.values[i], int(counted[i])) for i in np.flatnonzero(counted)
    ]
    unknown = int(per_doc[column.missing].sum())
    if unknown:
        outlets.append((None, unknown))
    outlets.sort(key=lambda pair: (-pair[1], pair[0] is None, (pair[0] or "").casefold()))
    return outlets


def _months(days: np.ndarray) -> list[tuple[str, int]]:
    """Quotations per month of their dates, chronological, empty months between included."""
    if not days.size:
        return []
    months = (days - _EPOCH).astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    first, last = int(months.min()), int(months.max())
    if last - first < MAX_MONTH_SPAN:
        counted = np.bincount(months - first, minlength=last - first + 1)
        numbers = np.arange(first, last + 1)
    else:
        numbers, counted = np.unique(months, return_counts=True)
    return [
        (f"{1970 + month // 12:04d}-{month % 12 + 1:02d}", int(count))
        for month, count in zip(numbers.tolist(), counted.tolist(), strict=True)
    ]


def _co_quoted(
    searcher: IndexSearcher, index: _SpeakerIndex, speaker: int, articles: np.ndarray
) -> list[tuple[str, int]]:
    """The speakers quoted in most of the same articles (`articles`, a mask), with how
    many they share: (article, speaker) pairs deduplicated by a sort, counted per speaker."""
    table = searcher.columns.quotes
    values = searcher.columns.facets["speaker"].values
    rows = np.flatnonzero(
        articles[index.row_articles] & index.live_rows & (table.speakers != speaker)
    )
    if not rows.size:
        return []
    pairs = index.row_articles[rows] * len(values) + table.speakers[rows]
    pairs.sort()
    first = pairs[np.r_[True, pairs[1:] != pairs[:-1]]]
    shared = np.bincount(first % len(values), minlength=len(values))
    # Only those that can be in the top CO_QUOTED are sorted by name.
    cutoff = np.partition(shared, -CO_QUOTED)[-CO_QUOTED] if len(values) > CO_QUOTED else 1
    found = [(values[i], int(shared[i])) for i in np.flatnonzero(shared >= max(cutoff, 1))]
    found.sort(key=lambda pair: (-pair[1], pair[0].casefold(), pair[0]))
    return found[:CO_QUOTED]


def profile_params(params: Mapping[str, str]) -> tuple[int, int]:
    """(page, per_page) from a query string; BadParameter names the one out of range."""
    page = parse_whole_number(params.get("page") or "", "page", 1, 1, 100_000)
    per_page = parse_whole_number(
        params.get("per_page") or "", "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE
    )
    return page, per_page


__all__ = [
    "BadParameter",
    "PageNotFound",
    "SpeakerNotFound",
    "SpeakerProfile",
    "canonical_speaker",
    "profile_params",
    "speaker_profile",
]
