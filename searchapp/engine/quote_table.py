"""Every quotation of a generation as rows of arrays, so the quotes view filters, counts
and pages quotations the way the paragraph view does paragraphs: one array pass each.

A quotation is stored inside its paragraph (the `quotes` stored field); a row here says
which paragraph and which of its quotations, who said it (as a speaker facet value), and
which cluster of copies it belongs to: the same words from the same speaker printed by
several outlets (`searchapp/quote_clusters.py`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from whoosh.reading import IndexReader

from searchapp.engine.schema import from_stored
from searchapp.quote_clusters import cluster_quotes

ARRAYS = ("docs", "slots", "speakers", "direct", "clusters")


@dataclass(frozen=True)
class QuoteTable:
    docs: np.ndarray  # int32: the paragraph's document number, ascending
    slots: np.ndarray  # int32: which of the paragraph's quotations, in text order
    speakers: np.ndarray  # int32: the speaker's value number in the speaker facet column
    direct: np.ndarray  # bool: the speaker's own words, not a paraphrase
    clusters: np.ndarray  # int32: the row of the cluster's first quotation (itself if alone)

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

    def arrays(self) -> dict[str, np.ndarray]:
        return {name: getattr(self, name) for name in ARRAYS}

    @classmethod
    def empty(cls) -> QuoteTable:
        return cls(*(np.zeros(0, dtype=bool if n == "direct" else np.int32) for n in ARRAYS))

    @classmethod
    def from_reader(
        cls,
        reader: IndexReader,
        live: np.ndarray,
        speaker_values: list[str],
        names: Mapping[str, str],
    ) -> QuoteTable:
        """Read the live paragraphs' quotations, speakers under their corpus-wide names,
        and cluster them. Only paragraphs with a speaker are read: about a third."""
        number = {value: i for i, value in enumerate(speaker_values)}
        docs, slots, speakers, direct, texts = [], [], [], [], []
        for docnum in np.flatnonzero(live).tolist():
            stored = reader.stored_fields(docnum)
            if not stored.get("quotes"):
                continue
            doc = from_stored(stored).renamed(names)
            for slot, quote in enumerate(doc.quotes):
                value = number.get(quote.speaker.replace(",", " "))
                if value is None:  # a name the facet leaves out (not an entity)
                    continue
                docs.append(docnum)
                slots.append(slot)
                speakers.append(value)
                direct.append(quote.direct)
                texts.append((speaker_values[value], quote.text))
        if not docs:
            return cls.empty()
        return cls(
            np.asarray(docs, dtype=np.int32),
            np.asarray(slots, dtype=np.int32),
            np.asarray(speakers, dtype=np.int32),
            np.asarray(direct, dtype=bool),
            np.asarray(cluster_quotes(texts), dtype=np.int32),
        )
