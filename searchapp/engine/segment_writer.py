"""A Whoosh segment writer that keeps a segment's postings in memory.

Whoosh's SegmentWriter sends every posting through an external-sort pool (a tuple, a
size estimate and, when the pool spills, a pickle per posting, then a merge sort), and
when it writes the postings it looks each one's field length back up in the length
column it has just written. A worker's segment is bounded (`SEGMENT_DOCS`), so here
postings are grouped by term as documents come in and field lengths stay in a dict.
Terms and postings reach Whoosh's own codec writers in the same order, so the segment
files are byte for byte the ones Whoosh writes (tests/engine/test_segment_writer.py).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter


def _stored_length(length: int) -> int:
    """The length as the length column gives it back: Whoosh keeps one byte per length."""
    return byte_to_length(length_to_byte(length))


class InMemorySegmentWriter(SegmentWriter):
    """Writes one segment; only `add_document` and `_finalize_segment` are used.

    Supports the fields this app's schema has: no spelling, vectors or sortable columns,
    and no per-document or per-field boosts.
    """

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        for name, field in ix.schema.items():
            if field.separate_spelling() or field.vector or field.column_type:
                raise ValueError(f"field {name!r} needs Whoosh's own writer")
        super().__init__(ix, **kwargs)
        # field name -> term -> flat [docnum, weight, value, docnum, weight, value, ...]
        self._postings: dict[str, defaultdict[bytes, list]] = defaultdict(lambda: defaultdict(list))
        self._lengths: dict[str, dict[int, int]] = defaultdict(dict)

    def add_document(self, **fields: Any) -> None:
        self._check_state()
        self._check_fields(self.schema, fields)
        perdoc = self.perdocwriter
        docnum = self.docnum
        perdoc.start_doc(docnum)
        for name in sorted(fields):
            value = fields[name]
            if value is None:
                continue
            field = self.schema[name]
            length = 0
            if field.indexed:
                terms = self._postings[name]
                for term, freq, weight, encoded in field.index(value):
                    terms[term] += (docnum, weight, encoded)
                    length += freq
                if not field.scorable:
                    length = 0
                elif length:
                    self._lengths[name][docnum] = _stored_length(length)
            perdoc.add_field(name, field, value if field.stored else None, length)
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self) -> None:
        """What SegmentWriter._flush_segment and FieldWriter.add_postings do, with
        the postings already grouped."""
        self.perdocwriter.close()
        writer = self.fieldwriter
        for name in sorted(self._postings):
            terms = self._postings[name]
            lengths = self._lengths.get(name, {})
            writer.start_field(name, self.schema[name])
            for term in sorted(terms):
                writer.start_term(term)
                flat = terms[term]
                for i in range(0, len(flat), 3):
                    docnum = flat[i]
                    writer.add(docnum, flat[i + 1], flat[i + 2] or b"", lengths.get(docnum, 0))
                writer.finish_term()
            writer.finish_field()
        writer.close()
        self._postings.clear()
        self._lengths.clear()
