"""Every quotation of a generation as rows of arrays, so the quotes view filters, counts
and pages quotations the way the paragraph view does paragraphs: one array pass each.

A quotation is stored inside its paragraph (the `quotes` stored field); a row here says
which paragraph and which of its quotations, who said it (as a speaker facet value), and
which cluster of copies it belongs to: the same words from the same speaker printed by
several outlets (`searchapp/quote_clusters.py`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

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

    def rows_of(self, docnum: int) -> range:
        """The rows of one paragraph's quotations."""
        start = int(np.searchsorted(self.docs, docnum, "left"))
        return range(start, int(np.searchsorted(self.docs, docnum, "right")))

    def cluster_sizes(self) -> np.ndarray:
        """Per row, how many quotations its cluster has."""
        return np.bincount(self.clusters, minlength=self.size)[self.clusters]

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
