"""The quotes view: each hit is one quotation, with who said it, where and when.

It matches paragraphs exactly as the paragraph view does (same query language, filters
and order) and then counts and pages their quotations instead. Of a matching paragraph's
quotations, those holding a searched word are hits; when none holds one, the words were
in the narration around them (who spoke, to whom, about what) and all of them are. The speaker
filter and the speaker facet apply to each quotation, not to its paragraph: ticking
Rogozin leaves out what others said in his paragraphs.

Copies of one quotation printed by several outlets (one cluster, found at index time)
are one hit by default (`collapse=quote`): the earliest copy that matches, with the
others listed as "also in".
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass

import numpy as np
from markupsafe import escape

from searchapp.engine import IndexSearcher
from searchapp.extract.quotes import Quote
from searchapp.matches import Matched, match_request, missing_words
from searchapp.paragraphs import ParagraphDoc
from searchapp.search import (
    FACETS,
    UNKNOWN,
    SearchLimits,
    SearchRequest,
    SearchResult,
    facet_values,
    within_limits,
)

# "Also in" lists at most this many articles; `copies_total` still counts them all.
MAX_COPIES = 20


@dataclass(frozen=True)
class QuoteCopy:
    """One outlet's printing of a quotation."""

    doc: ParagraphDoc
    slot: int

    @property
    def quote(self) -> Quote:
        return self.doc.quotes[self.slot]

    @property
    def id(self) -> str:
        return quote_id(self.doc, self.slot)

    def to_json(self) -> dict[str, object]:
        doc = self.doc
        return {
            "quote_id": self.id,
            "paragraph_id": doc.id,
            "article_id": doc.article_id,
            "position": doc.position,
            "outlet": doc.outlet,
            "date": doc.date.isoformat() if doc.date else None,
            "title": doc.title,
            "text": self.quote.text,
        }


@dataclass(frozen=True)
class QuoteHit:
    """A quotation and the other copies of it (its cluster), earliest first."""

    copy: QuoteCopy
    snippet: str  # HTML: the quotation, escaped, with the searched words marked
    score: float | None
    cluster_id: str  # the id of the cluster's first quotation
    cluster_size: int  # quotations, this one included
    # One quotation from each other article printing it, earliest first (MAX_COPIES of
    # `copies_total`): an article quoting two stretches of one sentence is listed once.
    copies: tuple[QuoteCopy, ...]
    copies_total: int
    missing: tuple[str, ...] = ()

    @property
    def doc(self) -> ParagraphDoc:
        return self.copy.doc

    @property
    def quote(self) -> Quote:
        return self.copy.quote

    def to_json(self) -> dict[str, object]:
        doc = self.doc
        return {
            **self.copy.to_json(),
            "speaker": self.quote.speaker,
            "direct": self.quote.direct,
            "snippet": self.snippet,
            "score": None if self.score is None else round(self.score, 4),
            "missing_words": list(self.missing),
            "author": doc.author,
            "url": doc.url,
            "cluster_id": self.cluster_id,
            "cluster_size": self.cluster_size,
            "copies": [copy.to_json() for copy in self.copies],
            "copies_total": self.copies_total,
        }


def quote_id(doc: ParagraphDoc, slot: int) -> str:
    return f"{doc.id}#{slot}"


def search_quotes(
    searcher: IndexSearcher, request: SearchRequest, limits: SearchLimits | None = None
) -> SearchResult:
    """`search` for the quotes view: the same errors, the same limits."""
    return within_limits(_search_quotes, searcher, request, limits)


def _search_quotes(
    searcher: IndexSearcher, request: SearchRequest, limits: SearchLimits
) -> SearchResult:
    started = time.perf_counter()
    quotes = _match_quotes(searcher, request, limits)
    matched, request = quotes.matched, quotes.matched.request
    table = searcher.columns.quotes
    facets, truncated, counted = {}, {}, {}
    for facet in FACETS:
        counted[facet] = quotes.counts(facet)
        facets[facet], truncated[facet] = facet_values(facet, counted[facet], request)

    rows = quotes.rows(matched.matches)
    collapse = quotes.collapse
    total = table.cluster_count(rows) if collapse else int(rows.sum())
    offset = (request.page - 1) * request.per_page
    page = _page(searcher, matched, rows, collapse, offset + request.per_page)[offset:]
    hits = _hits(searcher, matched, rows, page)
    return SearchResult.of(matched, total, started, hits, facets, truncated, counted["date"])


def count_quotes_by_month(
    searcher: IndexSearcher, request: SearchRequest, limits: SearchLimits | None = None
) -> Counter[str]:
    """Quotations per month (UNKNOWN: undated), as the quotes view's month facet counts
    them: the histogram's figures without paging quotations or the other facets."""

    def count(searcher: IndexSearcher, request: SearchRequest, limits: SearchLimits):
        return _match_quotes(searcher, request, limits).counts("date")

    return within_limits(count, searcher, request, limits)


@dataclass
class _QuoteMatches:
    """A request's matching paragraphs, and which of their quotations are hits."""

    searcher: IndexSearcher
    matched: Matched
    saying: np.ndarray | None  # rows holding a searched word (None: the query has none)
    said_by: np.ndarray | None  # rows said by a ticked speaker (None: none is ticked)
    collapse: bool

    def rows(self, docs: np.ndarray, facet: str | None = None) -> np.ndarray:
        """Hit rows among the quotations of `docs`. Counted for the speaker `facet`, every
        speaker's rows, as a disjunctive facet counts."""
        rows = _rows_in(self.searcher.columns.quotes.docs, docs)
        if self.saying is not None:
            rows &= self.saying
        if facet != "speaker" and self.said_by is not None:
            rows &= self.said_by
        return rows

    def counts(self, facet: str) -> Counter[str]:
        rows = self.rows(self.matched.pool(facet), facet)
        return _quote_counts(self.searcher, facet, rows, self.collapse)


def _match_quotes(
    searcher: IndexSearcher, request: SearchRequest, limits: SearchLimits
) -> _QuoteMatches:
    doc_filters = tuple(facet for facet in FACETS if facet != "speaker")
    matched = match_request(searcher, request, limits, doc_filters)
    return _QuoteMatches(
        searcher,
        matched,
        _saying_rows(searcher, matched),
        _speaker_rows(searcher, matched.request),
        matched.request.effective_collapse == "quote",
    )


def _rows_in(row_docs: np.ndarray, docs: np.ndarray) -> np.ndarray:
    """Bool per quotation row: its paragraph is in the `docs` mask."""
    return docs[row_docs] if len(row_docs) else np.zeros(0, dtype=bool)


def _speaker_rows(searcher: IndexSearcher, request: SearchRequest) -> np.ndarray | None:
    """The rows said by a ticked speaker; None when none is ticked. Every quotation has
    a speaker, so "no speaker" ticked alone matches none."""
    if not request.speaker:
        return None
    values = searcher.columns.facets["speaker"].values
    number = {value: i for i, value in enumerate(values)}
    wanted = [number[v] for v in request.speaker if v != UNKNOWN and v in number]
    return np.isin(searcher.columns.quotes.speakers, wanted)


def _saying_rows(searcher: IndexSearcher, matched: Matched) -> np.ndarray | None:
    """The rows the query's words may find: a quotation holding one of them, or any
    quotation of a paragraph whose quotations hold none (the words are in the narration
    around them: who spoke, to whom, about what). None: the query names no words."""
    groups = searcher.quote_terms(matched.plan)
    if not groups:
        return None
    table = searcher.columns.quotes
    holds = np.zeros(table.size, dtype=bool)
    for terms in groups:
        holds |= table.rows_with(terms)
    in_quotes = np.zeros(searcher.columns.size, dtype=bool)
    in_quotes[table.docs[holds]] = True
    return holds | ~in_quotes[table.docs]


def _quote_counts(
    searcher: IndexSearcher, facet: str, rows: np.ndarray, collapse: bool
) -> Counter[str]:
    """Hits in `rows` per value of `facet` (the quotation's speaker, or its paragraph's
    outlet or month), so that each count is the total that ticking the value gives: with
    `collapse`, a quotation printed twice in one outlet counts once there."""
    columns = searcher.columns
    table = columns.quotes
    column = columns.facets[facet]

    def values() -> np.ndarray:
        if facet == "speaker":
            return table.speakers
        per_doc = np.full(columns.size, -1, dtype=np.int64)  # one value per paragraph
        per_doc[column.pair_docs] = column.pair_values
        return per_doc[table.docs]

    if collapse:
        counted = table.clusters_per_value(facet, values, rows, len(column.values))
    else:
        counted = np.bincount(values()[rows] + 1, minlength=len(column.values) + 1)
    present = np.flatnonzero(counted[1:]) + 1
    counts = Counter({column.values[i - 1]: int(counted[i]) for i in present})
    counts[UNKNOWN] = int(counted[0])
    return +counts


def _page(
    searcher: IndexSearcher, matched: Matched, rows: np.ndarray, collapse: bool, wanted: int
) -> list[tuple[int, float | None]]:
    """The first `wanted` hits as (row, score): the paragraphs in the request's order, the
    quotations of each in text order, and with `collapse`, each cluster once, where its
    first copy would stand."""
    table = searcher.columns.quotes
    has_rows = np.zeros(searcher.columns.size, dtype=bool)
    has_rows[table.docs[rows]] = True
    page: list[tuple[int, float | None]] = []
    seen: set[int] = set()
    if wanted <= 0:
        return page
    for docnum, score in matched.ranked(searcher, matched.matches & has_rows):
        for row in table.rows_of(docnum):
            if not rows[row]:
                continue
            cluster = int(table.clusters[row])
            if collapse:
                if cluster in seen:
                    continue
                seen.add(cluster)
            page.append((row, score))
            if len(page) >= wanted:
                return page
    return page


def _hits(
    searcher: IndexSearcher,
    matched: Matched,
    rows: np.ndarray,
    page: list[tuple[int, float | None]],
) -> list[QuoteHit]:
    table = searcher.columns.quotes
    docs: dict[int, ParagraphDoc] = {}

    def copy_at(row: int) -> QuoteCopy:
        docnum = int(table.docs[row])
        if docnum not in docs:
            docs[docnum] = searcher.paragraph(docnum)
        return QuoteCopy(docs[docnum], int(table.slots[row]))

    chosen = []
    for row, score in page:
        members = _members(searcher, int(table.clusters[row]))
        if matched.request.effective_collapse == "quote":
            row = int(members[rows[members]][0])  # the earliest copy that matches
        chosen.append((row, score, members))
    shown = {row: copy_at(row) for row, _, _ in chosen}
    snippets = searcher.snippets(
        matched.plan, {str(row): copy.quote.text for row, copy in shown.items()}
    )
    hits = []
    for row, score, members in chosen:
        copy = shown[row]
        others = _other_articles(searcher, members, row)
        hits.append(
            QuoteHit(
                copy,
                snippets.get(str(row)) or str(escape(copy.quote.text)),
                score,
                copy_at(int(members[0])).id,
                len(members),
                tuple(copy_at(int(other)) for other in others[:MAX_COPIES]),
                len(others),
                missing_words(matched, int(table.docs[row])),
            )
        )
    return hits


def _members(searcher: IndexSearcher, cluster: int) -> np.ndarray:
    """The cluster's live rows, earliest first (undated last), in index order on a day."""
    columns = searcher.columns
    table = columns.quotes
    rows = np.flatnonzero(table.clusters == cluster)
    rows = rows[columns.live[table.docs[rows]]]
    days = columns.days[table.docs[rows]].astype(np.int64)
    key = np.where(days == 0, np.iinfo(np.int64).max, days)
    return rows[np.argsort(key, kind="stable")]


def _other_articles(searcher: IndexSearcher, members: np.ndarray, shown: int) -> np.ndarray:
    """The first of `members` in each article but the shown row's, in `members`' order:
    an article quoting two stretches of a sentence is one copy. Array passes, so a
    cluster of 100,000 copies costs a page no more than a sort."""
    articles = searcher.columns.articles[searcher.columns.quotes.docs[members]]
    _, first = np.unique(articles, return_index=True)
    firsts = members[np.sort(first)]
    own = searcher.columns.articles[searcher.columns.quotes.docs[shown]]
    return firsts[articles[np.sort(first)] != own]
