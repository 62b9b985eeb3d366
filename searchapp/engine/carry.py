"""What a generation can carry over from the one before it, by document number.

Whoosh never rewrites a segment: an incremental reindex links the previous generation's
segment files, adds segments and merges the small ones. A segment both generations have,
under the same id with the same number of documents, holds the same documents in the
same order, only at another first document number; what was computed per document of it
(an article number, a quotation's words and cluster) is still true and needs moving, not
recomputing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from whoosh.reading import IndexReader

Segments = list[tuple[str, int, int]]  # (segment id, first document number, documents)


def segment_list(reader: IndexReader) -> Segments:
    return [
        (sub.segment().segment_id(), offset, sub.doc_count_all())
        for sub, offset in reader.leaf_readers()
    ]


@dataclass(frozen=True)
class Carry:
    moved: np.ndarray  # int64 per previous document number: its new number, or -1
    covered: np.ndarray  # bool per new document: it was in a segment both generations have

    @classmethod
    def between(cls, before: Segments | None, after: Segments, size: int) -> Carry:
        """From the `before` generation's segments (None: nothing to carry) to `after`'s."""
        covered = np.zeros(size, dtype=bool)
        if not before:
            return cls(np.zeros(0, dtype=np.int64), covered)
        moved = np.full(max(start + count for _, start, count in before), -1, dtype=np.int64)
        old = {segment: (start, count) for segment, start, count in before}
        for segment, start, count in after:
            old_start, old_count = old.get(segment, (0, -1))
            if old_count == count:
                moved[old_start : old_start + count] = np.arange(start, start + count)
                covered[start : start + count] = True
        return cls(moved, covered)

    def docs(self, old_docs: np.ndarray) -> np.ndarray:
        """The new numbers of previous documents, -1 for those not carried."""
        if not len(self.moved):
            return np.full(len(old_docs), -1, dtype=np.int64)
        return self.moved[old_docs]
