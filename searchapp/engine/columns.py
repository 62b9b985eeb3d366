"""Facet values, dates and kinds per document, as arrays built once per index generation.

Whoosh recounts multi-valued facets from postings on every search (about 160 ms at 200k
paragraphs even for a rare term). Here a request turns its matches into a boolean mask
and every facet count, filter and date sort is one vectorised pass over these arrays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from whoosh.reading import IndexReader

from searchapp.engine.postings import field_lengths, postings_arrays
from searchapp.engine.queries import QUERY_FIELDS
from searchapp.engine.schema import FACET_FIELDS

COLUMNS_FILE = "columns.npz"


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

    @property
    def size(self) -> int:
        return len(self.live)

    def mask(self, docnums: Sequence[int] | np.ndarray) -> np.ndarray:
        mask = np.zeros(self.size, dtype=bool)
        mask[np.asarray(docnums, dtype=np.int64)] = True
        return mask

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
        arrays = {"live": self.live, "body": self.body, "days": self.days}
        for name, lengths in self.lengths.items():
            arrays[f"{name}.lengths"] = lengths
        for name, column in self.facets.items():
            arrays[f"{name}.values"] = np.array(column.values, dtype=object)
            arrays[f"{name}.pair_docs"] = column.pair_docs
            arrays[f"{name}.pair_values"] = column.pair_values
            arrays[f"{name}.missing"] = column.missing
        tmp = folder / f"{COLUMNS_FILE}.tmp"
        with open(tmp, "wb") as handle:
            np.savez(handle, **arrays)
        tmp.replace(folder / COLUMNS_FILE)  # never write into a file another generation links

    @classmethod
    def load(cls, folder: Path) -> Columns | None:
        try:
            arrays = np.load(folder / COLUMNS_FILE, allow_pickle=True)
        except FileNotFoundError:
            return None
        facets = {
            name: FacetColumn(
                list(arrays[f"{name}.values"]),
                arrays[f"{name}.pair_docs"],
                arrays[f"{name}.pair_values"],
                arrays[f"{name}.missing"],
            )
            for name in FACET_FIELDS
        }
        lengths = {
            key.removesuffix(".lengths"): arrays[key]
            for key in arrays.files
            if key.endswith(".lengths")
        }
        return cls(arrays["live"], arrays["body"], arrays["days"], facets, lengths)

    @classmethod
    def from_reader(cls, reader: IndexReader) -> Columns:
        """Read the columns off the postings of the facet fields, once per generation."""
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
            for name in QUERY_FIELDS
            if reader.schema[name].scorable
        }
        return cls(live, body & live, days, facets, lengths)


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
