"""Export of a whole result set as CSV or JSON Lines, not one page of it.

A journalist wants every paragraph or quotation a search finds in a spreadsheet. The rows
are the search's own, in its order: the export runs the same `search` (or `search_quotes`)
page after page, in batches of `ExportLimits.batch`, and streams each batch as it comes, so
a server never holds the whole set. Each batch obeys the search's limits and time limit,
and the whole export has a row cap and a time budget, so a hostile `q=*` costs at most
`rows / batch` bounded searches.
"""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from searchapp.engine import IndexSearcher, QueryTooCostly
from searchapp.quote_search import QuoteHit, search_quotes
from searchapp.search import Hit, SearchLimits, SearchRequest, SearchResult, search

FORMATS = ("csv", "jsonl")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/jsonl; charset=utf-8"}
PARAGRAPH_COLUMNS = (
    "id",
    "article_id",
    "outlet",
    "date",
    "speakers",
    "title",
    "author",
    "text",
    "url",
)
QUOTE_COLUMNS = (
    "speaker",
    "text",
    "direct",
    "outlet",
    "date",
    "title",
    "quote_id",
    "paragraph_id",
    "url",
    "cluster_id",
    "cluster_size",
)
# A spreadsheet runs a cell starting with one of these as a formula (OWASP, "CSV Injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ExportLimits:
    """What one export may cost (README, "Export")."""

    rows: int = 10_000  # rows past this are cut, and the headers say so
    batch: int = 500  # rows per search run
    seconds: float = 30.0  # no further batch starts after this


@dataclass(frozen=True)
class Export:
    """A started export: the first batch is run before the response, so bad parameters and
    costly queries are answered as /api/search answers them."""

    total: int  # rows the search finds
    rows: int  # rows the export will give (at most `ExportLimits.rows`)
    batches: Iterator[list]

    @property
    def truncated(self) -> bool:
        return self.rows < self.total


def start_export(
    searcher: IndexSearcher,
    request: SearchRequest,
    limits: SearchLimits,
    export_limits: ExportLimits,
) -> Export:
    """Run the first batch of `request` (its page and per_page ignored) and return the
    export of its whole result set; raises what `search` raises."""
    run: Callable[..., SearchResult] = search if request.view == "paragraphs" else search_quotes
    size = max(1, min(export_limits.batch, export_limits.rows))
    base = replace(request, per_page=size, facet_size=1)
    first = run(searcher, replace(base, page=1), limits)
    rows = min(first.total, export_limits.rows)
    deadline = time.monotonic() + export_limits.seconds

    def batches() -> Iterator[list]:
        result, page, given = first, 1, 0
        while True:
            hits = result.hits[: rows - given]
            if hits:
                yield hits
            given += len(hits)
            if given >= rows or len(result.hits) < size or time.monotonic() > deadline:
                return
            page += 1
            try:
                result = run(searcher, replace(base, page=page), limits)
            except QueryTooCostly:  # a later batch ran out of time: end the file there
                return

    return Export(first.total, rows, batches())


def paragraph_row(hit: Hit, url: str) -> dict[str, object]:
    doc = hit.doc
    return {
        "id": doc.id,
        "article_id": doc.article_id,
        "outlet": doc.outlet,
        "date": doc.date.isoformat() if doc.date else None,
        "speakers": list(doc.speakers),
        "title": doc.title,
        "author": doc.author,
        "text": doc.text,
        "url": url,
    }


def quote_row(hit: QuoteHit, url: str) -> dict[str, object]:
    doc = hit.doc
    return {
        "speaker": hit.quote.speaker,
        "text": hit.quote.text,
        "direct": hit.quote.direct,
        "outlet": doc.outlet,
        "date": doc.date.isoformat() if doc.date else None,
        "title": doc.title,
        "quote_id": hit.copy.id,
        "paragraph_id": doc.id,
        "url": url,
        "cluster_id": hit.cluster_id,
        "cluster_size": hit.cluster_size,
    }


def safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text: lists joined with "; ", booleans as
    true/false, and a leading apostrophe before what would start a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(item) for item in value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_lines(columns: tuple[str, ...], rows: Iterator[dict[str, object]]) -> Iterator[str]:
    """The header line, then one CSV record per row, each as soon as it is written."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    yield _drain(buffer)
    for row in rows:
        writer.writerow([safe_cell(row[column]) for column in columns])
        yield _drain(buffer)


def jsonl_lines(rows: Iterator[dict[str, object]]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text
