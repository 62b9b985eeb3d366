"""Facet values, dates and kinds per document, as arrays built once per index generation.

Whoosh recounts multi-valued facets from postings on every search (about 160 ms at 200k
paragraphs even for a rare term). Here a request turns its matches into a boolean mask
and every facet count, filter and date sort is one vectorised pass over these arrays.

A generation keeps its columns as a folder of `.npy` files that readers map read-only
(`np.load(mmap_mode="r")`): every server worker process then reads the same pages of the
OS page cache instead of holding its own copy. Nothing may write into these arrays in
place; requests build new masks from them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import uuid
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from whoosh.reading import IndexReader

from searchapp.engine.carry import Carry, Segments, segment_list
from searchapp.engine.postings import field_lengths, postings_arrays
from searchapp.engine.queries import SEARCHED_FIELDS
from searchapp.engine.quote_build import PreviousTable, build_quote_table
from searchapp.engine.quote_table import ARRAYS as QUOTE_ARRAYS
from searchapp.engine.quote_table import QuoteTable
from searchapp.engine.schema import FACET_FIELDS
from searchapp.engine.segment_rows import SegmentRows

# Documents of no carried segment and no rows file above which the article column is
# read from postings rather than stored fields.
STORED_ARTICLES = 20_000
COLUMNS_DIR = "columns"  # one .npy file per array, and VALUES_FILE
# {"facets": {facet: [value, ...]}, "lengths": [field, ...], "articles": [article id, ...],
#  "quote_terms": [stemmed word, ...]}
VALUES_FILE = "values.json"


@dataclass(frozen=True)
class FacetColumn:
    """One facet: (document, value) pairs, so a document may carry several values."""

    values: list[str]  # value number → value
    pair_docs: np.ndarray  # int32, one entry per (document, value) pair
    pair_values: np.ndarray  # int32, value numbers, aligned with pair_docs
    missing: np.ndarray  # bool per document: no value at all

    def counts(self, pool: np.ndarray) -> dict[str, int]:
        """Documents in `pool` (a bool mask) per value, zero counts left out."""
        counted = np.bincount(self.pair_values[pool[self.pair_docs]], minlength=len(self.values))
        return {self.values[i]: int(counted[i]) for i in np.flatnonzero(counted)}

    def docs_with_any(self, values: Sequence[str | None], size: int) -> np.ndarray:
        """Bool mask of documents carrying one of `values`; None stands for no value."""
        chosen = set(values)
        wanted = [i for i, value in enumerate(self.values) if value in chosen]
        mask = np.zeros(size, dtype=bool)
        mask[self.pair_docs[np.isin(self.pair_values, wanted)]] = True
        if None in values:
            mask |= self.missing
        return mask


@dataclass(frozen=True)
class Columns:
    live: np.ndarray  # bool per document number: not deleted
    body: np.ndarray  # bool: kind is body (ranks before captions, bylines, boilerplate)
    days: np.ndarray  # int32 date ordinals, 0 where the date is unknown
    facets: Mapping[str, FacetColumn]
    lengths: Mapping[str, np.ndarray]  # per searchable field, its length as Whoosh scores it
    articles: np.ndarray  # int32 per document: its article's number in `article_ids`
    article_ids: list[str]
    quotes: QuoteTable
    # What the document numbers refer to, so the next generation can carry (carry.py).
    segments: Segments

    @property
    def size(self) -> int:
        return len(self.live)

    def mask(self, docnums: Sequence[int] | np.ndarray) -> np.ndarray:
        mask = np.zeros(self.size, dtype=bool)
        mask[np.asarray(docnums, dtype=np.int64)] = True
        return mask

    def article_docs(self, article_id: str) -> np.ndarray:
        """Bool mask of the article's documents (none for an id the index lacks)."""
        number = bisect_left(self.article_ids, article_id)
        if number == len(self.article_ids) or self.article_ids[number] != article_id:
            return np.zeros(self.size, dtype=bool)
        return (self.articles == number) & self.live

    def in_dates(self, start: dt.date | None, end: dt.date | None) -> np.ndarray:
        mask = self.days > 0
        if start:
            mask &= self.days >= start.toordinal()
        if end:
            mask &= self.days <= end.toordinal()
        return mask

    def by_date(self, pool: np.ndarray, newest_first: bool) -> np.ndarray:
        """Document numbers in `pool`, dated newest (or oldest) first, undated last, in
        index order within a day."""
        docs = np.flatnonzero(pool)
        days = self.days[docs].astype(np.int64)
        key = np.where(days == 0, np.iinfo(np.int64).max, -days if newest_first else days)
        return docs[np.argsort(key, kind="stable")]

    def save(self, folder: Path) -> None:
        """Write the columns into `folder` as a new `columns/` folder, swapped in whole.

        The arrays go to a temporary folder that is then renamed, so no file another
        generation hard-links (or a reader has mapped) is ever written into.
        """
        arrays = {"live": self.live, "body": self.body, "days": self.days}
        arrays["articles"] = self.articles
        for name, array in self.quotes.arrays().items():
            arrays[f"quotes.{name}"] = array
        for name, lengths in self.lengths.items():
            arrays[f"lengths.{name}"] = lengths
        for name, column in self.facets.items():
            arrays[f"facet.{name}.pair_docs"] = column.pair_docs
            arrays[f"facet.{name}.pair_values"] = column.pair_values
            arrays[f"facet.{name}.missing"] = column.missing
        values = {
            "facets": {name: column.values for name, column in self.facets.items()},
            "lengths": list(self.lengths),
            "articles": self.article_ids,
            "quote_terms": self.quotes.terms,
            "segments": self.segments,
        }
        tmp = folder / f".{COLUMNS_DIR}-{uuid.uuid4().hex[:12]}.tmp"
        tmp.mkdir()
        try:
            for name, array in arrays.items():
                np.save(tmp / f"{name}.npy", np.ascontiguousarray(array), allow_pickle=False)
            (tmp / VALUES_FILE).write_text(json.dumps(values, ensure_ascii=False))
            target = folder / COLUMNS_DIR
            if target.exists():  # saved twice: move the old folder aside, never into it
                old = folder / f".{COLUMNS_DIR}-{uuid.uuid4().hex[:12]}.old"
                os.rename(target, old)
                shutil.rmtree(old, ignore_errors=True)
            os.rename(tmp, target)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise

    @classmethod
    def load(cls, folder: Path) -> Columns | None:
        """The saved columns, mapped read-only; None when `folder` has none in this layout
        (an older generation, which has `columns.npz`): the caller rebuilds them."""
        directory = folder / COLUMNS_DIR
        try:
            values = json.loads((directory / VALUES_FILE).read_text(encoding="utf-8"))

            def mapped(name: str) -> np.ndarray:
                return np.load(directory / f"{name}.npy", mmap_mode="r").view(np.ndarray)

            facets = {
                name: FacetColumn(
                    list(values["facets"][name]),
                    mapped(f"facet.{name}.pair_docs"),
                    mapped(f"facet.{name}.pair_values"),
                    mapped(f"facet.{name}.missing"),
                )
                for name in FACET_FIELDS
            }
            lengths = {name: mapped(f"lengths.{name}") for name in values["lengths"]}
            quotes = QuoteTable(
                *(mapped(f"quotes.{name}") for name in QUOTE_ARRAYS),
                terms=list(values["quote_terms"]),
            )
            return cls(
                mapped("live"),
                mapped("body"),
                mapped("days"),
                facets,
                lengths,
                mapped("articles"),
                list(values["articles"]),
                quotes,
                [tuple(segment) for segment in values["segments"]],
            )
        except (FileNotFoundError, NotADirectoryError, KeyError, ValueError):
            return None

    @classmethod
    def from_reader(
        cls,
        reader: IndexReader,
        names: Mapping[str, str],
        previous: Columns | None = None,
        folder: Path | None = None,
    ) -> Columns:
        """Read the columns off the postings of the facet fields, and the quotations with
        speakers renamed by `names`, once per generation. What the `previous` generation
        computed for the segments both share is carried (carry.py); new segments' articles
        and quotations come from the rows their builders left in `folder`
        (segment_rows.py), else from stored fields."""
        size = reader.doc_count_all()
        live = np.zeros(size, dtype=bool)
        live[np.fromiter(reader.all_doc_ids(), dtype=np.int64)] = True
        facets = {
            facet: _facet_column(reader, fieldname, size, live)
            for facet, fieldname in FACET_FIELDS.items()
        }
        body = np.zeros(size, dtype=bool)
        if b"body" in set(reader.lexicon("kind")):
            body[_docs(reader, "kind", "body")] = True
        days = np.zeros(size, dtype=np.int32)
        for term in reader.lexicon("day"):
            day = term.decode("utf-8")
            days[_docs(reader, "day", day)] = dt.date.fromisoformat(day).toordinal()
        lengths = {
            name: field_lengths(reader, name)
            for name in SEARCHED_FIELDS
            if reader.schema[name].scorable
        }
        segments = segment_list(reader)
        carry = Carry.between(previous.segments if previous else None, segments, size)
        rows = {
            segment: SegmentRows.load(folder, segment)
            for segment, start, count in segments
            if folder is not None and count and not carry.covered[start]
        }
        article_ids, articles = _article_column(reader, live, carry, previous, segments, rows)
        speakers = facets["speaker"]
        before = None
        if previous is not None:
            before = PreviousTable(previous.quotes, previous.facets["speaker"].values)
        quoting = live & ~speakers.missing
        quotes = build_quote_table(
            reader, quoting, speakers.values, names, before, carry, _starts(segments, rows)
        )
        return cls(
            live, body & live, days, facets, lengths, articles, article_ids, quotes, segments
        )


def _starts(segments: Segments, rows: Mapping[str, SegmentRows | None]) -> dict[int, SegmentRows]:
    """First document number → the rows its builder left, for the segments that have them
    (whole: one article per document)."""
    return {
        start: found
        for segment, start, count in segments
        if (found := rows.get(segment)) is not None and len(found.articles) == count
    }


def _article_column(
    reader: IndexReader,
    live: np.ndarray,
    carry: Carry,
    previous: Columns | None,
    segments: Segments,
    rows: Mapping[str, SegmentRows | None],
) -> tuple[list[str], np.ndarray]:
    """The article ids and each document's number among them: moved from the previous
    generation, read from the rows of new segments, and for the documents of neither
    (segments Whoosh merged), read from stored fields, or from each article's postings
    when they are many (10,000 postings lists take 1.4 s at 200,000 paragraphs)."""
    article_ids = [term.decode("utf-8") for term in reader.lexicon("article_id")]
    number = {article_id: i for i, article_id in enumerate(article_ids)}
    articles = np.full(len(live), -1, dtype=np.int32)
    known = carry.covered.copy()
    if previous is not None:
        renumbered = np.array([number.get(a, -1) for a in previous.article_ids] or [-1])
        moved = carry.docs(np.arange(len(previous.articles)))
        carried = (moved >= 0) & (previous.articles >= 0)
        articles[moved[carried]] = renumbered[previous.articles[carried]]
    for segment, start, count in segments:
        found = rows.get(segment)
        if found is not None and len(found.articles) == count:
            articles[start : start + count] = [number.get(a, -1) for a in found.articles]
            known[start : start + count] = True
    rest = np.flatnonzero(live & ~known)
    if len(rest) > STORED_ARTICLES:
        for i, article_id in enumerate(article_ids):
            articles[_docs(reader, "article_id", article_id)] = i
    else:
        for docnum in rest.tolist():
            articles[docnum] = number[reader.stored_fields(docnum)["article_id"]]
    return article_ids, articles


def _facet_column(reader: IndexReader, fieldname: str, size: int, live: np.ndarray) -> FacetColumn:
    values: list[str] = []
    docs: list[np.ndarray] = []
    for term in reader.lexicon(fieldname):
        values.append(term.decode("utf-8"))
        docs.append(_docs(reader, fieldname, values[-1]))
    pair_docs = np.concatenate(docs) if docs else np.zeros(0, dtype=np.int64)
    pair_values = np.repeat(np.arange(len(values)), [len(d) for d in docs])
    keep = live[pair_docs]  # postings of deleted documents stay until segments merge
    missing = live.copy()
    missing[pair_docs[keep]] = False
    return FacetColumn(
        values, pair_docs[keep].astype(np.int32), pair_values[keep].astype(np.int32), missing
    )


def _docs(reader: IndexReader, fieldname: str, value: str) -> np.ndarray:
    return postings_arrays(reader, fieldname, value)[0]
