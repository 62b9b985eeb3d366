"""Every quotation of a generation as rows of arrays, so the quotes view filters, counts
and pages quotations the way the paragraph view does paragraphs: one array pass each.

A quotation is stored inside its paragraph (the `quotes` stored field); a row here says
which paragraph and which of its quotations, who said it (as a speaker facet value), and
which cluster of copies it belongs to: the same words from the same speaker printed by
several outlets (`searchapp/quote_clusters.py`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

import numpy as np

ARRAYS = ("docs", "slots", "speakers", "direct", "clusters", "term_starts", "term_rows")


@dataclass(frozen=True)
class QuoteTable:
    docs: np.ndarray  # int32: the paragraph's document number, ascending
    slots: np.ndarray  # int32: which of the paragraph's quotations, in text order
    speakers: np.ndarray  # int32: the speaker's value number in the speaker facet column
    direct: np.ndarray  # bool: the speaker's own words, not a paraphrase
    clusters: np.ndarray  # int32: the row of the cluster's first quotation (itself if alone)
    # Which quotations hold each stemmed word, as the `quote` field indexes it: the rows
    # of `terms[i]` are term_rows[term_starts[i]:term_starts[i + 1]].
    term_starts: np.ndarray  # int64, len(terms) + 1
    term_rows: np.ndarray  # int32
    terms: list[str]  # sorted

    @property
    def size(self) -> int:
        return len(self.docs)

    @cached_property
    def _starts(self) -> np.ndarray:
        """Per document number, its first row (rows are by document): one pass, once per
        generation, so the quotes view walks paragraphs without a search each (a search
        of the memory-mapped rows per paragraph made page 50 of a query take 230 ms)."""
        last = int(self.docs[-1]) + 2 if self.size else 1
        return np.searchsorted(self.docs, np.arange(last))

    def rows_of(self, docnum: int) -> range:
        """The rows of one paragraph's quotations."""
        starts = self._starts
        if docnum + 1 >= len(starts):
            return range(0)
        return range(int(starts[docnum]), int(starts[docnum + 1]))

    @cached_property
    def _orders(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """Rows sorted by cluster, then by a per-row value, per kind of value: built on
        first use, once per generation (a race only builds one twice)."""
        return {}

    def _grouped(self, key: str, values: Callable[[], np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        found = self._orders.get(key)
        if found is None:
            per_row = values().astype(np.int64)
            found = self._orders[key] = (np.lexsort((per_row, self.clusters)), per_row)
        return found

    def clusters_per_value(
        self, key: str, values: Callable[[], np.ndarray], rows: np.ndarray, size: int
    ) -> np.ndarray:
        """Per value (-1 first, then 0 to size - 1), the clusters having a row in `rows`
        (a mask) with that value: `values()` gives each row's value, and `key` names it
        for the cache. One gather over rows kept sorted by cluster and value, where
        np.unique of the pairs took 8 ms a facet at 143,000 rows."""
        order, per_row = self._grouped(key, values)
        pooled = order[rows[order]]
        clusters, value = self.clusters[pooled], per_row[pooled]
        first = np.ones(len(pooled), dtype=bool)
        first[1:] = (clusters[1:] != clusters[:-1]) | (value[1:] != value[:-1])
        return np.bincount(value[first] + 1, minlength=size + 1)

    def cluster_count(self, rows: np.ndarray) -> int:
        """How many clusters have a row in `rows` (a mask)."""
        return int(self.clusters_per_value("", lambda: np.zeros(self.size), rows, 0).sum())

    def rows_with(self, terms: Iterable[str]) -> np.ndarray:
        """Bool per row: the quotation holds one of the stemmed `terms`."""
        found = np.zeros(self.size, dtype=bool)
        for term in terms:
            i = bisect_left(self.terms, term)
            if i < len(self.terms) and self.terms[i] == term:
                found[self.term_rows[self.term_starts[i] : self.term_starts[i + 1]]] = True
        return found

    def arrays(self) -> dict[str, np.ndarray]:
        return {name: getattr(self, name) for name in ARRAYS}

    @classmethod
    def empty(cls) -> QuoteTable:
        arrays = [np.zeros(0, dtype=bool if n == "direct" else np.int32) for n in ARRAYS]
        arrays[ARRAYS.index("term_starts")] = np.zeros(1, dtype=np.int64)
        return cls(*arrays, terms=[])
