"""A Whoosh segment writer that keeps a segment's postings in memory.

Whoosh's SegmentWriter sends every posting through an external-sort pool (a tuple, a
size estimate and, when the pool spills, a pickle per posting, then a merge sort), and
when it writes the postings it looks each one's field length back up in the length
column it has just written. A worker's segment is bounded (`SEGMENT_DOCS`), so here
postings are grouped by term as documents come in and field lengths stay in a dict.
Terms and postings reach Whoosh's own codec writers in the same order, so the segment
files are byte for byte the ones Whoosh writes (tests/engine/test_segment_writer.py).

Whoosh's W3PostingsWriter and terms table then take each posting and term through
several Python calls; term_writer.py writes a field's terms from the grouped postings.

Per document, Whoosh's per-document writer takes each field's length and the stored
fields through a chain of column writers (about sixty Python calls a paragraph); here
they are kept and each column is written once, at the end (`_write_columns`).
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from itertools import accumulate
from pickle import dumps
from typing import Any, NamedTuple

from whoosh.analysis import IDTokenizer
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, STORED_COLUMN, _lenfield
from whoosh.columns import CompressedBytesColumn, NumericColumn, PickleColumn
from whoosh.fields import ID, Schema, UnknownFieldError
from whoosh.formats import Existence
from whoosh.util.numeric import length_to_byte
from whoosh.writing import SegmentWriter

from searchapp.engine.term_writer import write_field

# `_write_columns` writes these two columns itself, so they must be what it knows.
if not (
    type(STORED_COLUMN) is PickleColumn
    and type(STORED_COLUMN._child) is CompressedBytesColumn
    and STORED_COLUMN._child._module == "zlib"
    and type(LENGTHS_COLUMN) is NumericColumn
    and (LENGTHS_COLUMN._typecode, LENGTHS_COLUMN._default) == ("B", 0)
):
    raise ImportError("Whoosh's stored-fields or length column is not the one expected")
_STORED_LEVEL = STORED_COLUMN._child._level
_compress = zlib.compress


class InMemorySegmentWriter(SegmentWriter):
    """Writes one segment; only `add_document` and `_finalize_segment` are used.

    Supports the fields this app's schema has: no spelling, vectors or sortable columns,
    and no per-document or per-field boosts. `schema` may be a schema already used by an
    earlier segment, so its fields' word caches stay warm (ix.schema unpickles a new one).
    """

    def __init__(
        self,
        ix: Any,
        schema: Schema | None = None,
        counted: Iterable[str] = (),
        **kwargs: Any,
    ) -> None:
        schema = ix.schema if schema is None else schema
        for name, field in schema.items():
            if field.separate_spelling() or field.vector or field.column_type:
                raise ValueError(f"field {name!r} needs Whoosh's own writer")
        super().__init__(ix, **kwargs)
        self.schema = schema
        self._fields = {name: _FieldPlan.of(field) for name, field in schema.items()}
        # field name -> term -> flat [docnum, weight, value, docnum, weight, value, ...]
        self._postings: defaultdict[str, dict[bytes, list]] = defaultdict(dict)
        # field name -> docnum -> length byte, as the length column keeps it
        self._lengths: defaultdict[str, dict[int, int]] = defaultdict(dict)
        self._stored: list[bytes] = []  # each document's stored-fields column value
        # Of the `counted` fields, each term's document frequency once the segment is
        # written: what a generation's vocabulary would otherwise read back term by term.
        self._counted = tuple(counted)
        self.term_counts: dict[str, list[tuple[str, int]]] = {}

    def add_document(self, **fields: Any) -> None:
        """SegmentWriter.add_document, keeping stored fields and lengths for
        `_write_columns` and an ID field's one term without Whoosh's tokenizer chain."""
        self._check_state()
        docnum = self.docnum
        plans, postings, stored = self._fields, self._postings, {}
        totals = self.perdocwriter._fieldlengths
        for name in sorted(fields):
            plan = plans.get(name)
            if plan is None:
                raise UnknownFieldError(f"No field named {name!r} in {self.schema}")
            value = fields[name]
            if value is None:
                continue
            if plan.stored:
                stored[name] = value
            if not plan.indexed:
                continue
            terms = postings[name]
            if plan.id_boost is not None and type(value) is str:
                _post(terms, value.encode("utf-8"), docnum, plan.id_boost, b"")
                continue
            get, length = terms.get, 0
            for term, freq, weight, encoded in plan.field.index(value):
                flat = get(term)
                if flat is None:
                    terms[term] = [docnum, weight, encoded]
                else:
                    flat += (docnum, weight, encoded)
                length += freq
            if length and plan.scorable:
                self._lengths[name][docnum] = length_to_byte(length)
                totals[name] += length
        self._stored.append(_compress(dumps(stored, 2), _STORED_LEVEL) if stored else b"")
        self._added = True
        self.docnum += 1

    def _flush_segment(self) -> None:
        """What SegmentWriter._flush_segment and FieldWriter.add_postings do, with
        the postings already grouped (term_writer.py)."""
        _write_columns(self.perdocwriter, self._stored, self._lengths)
        self.perdocwriter.close()
        writer = self.fieldwriter
        for name in sorted(self._postings):
            field = self.schema[name]
            writer.start_field(name, field)
            lengths = self._lengths.get(name, {})
            write_field(writer, self._postings[name], lengths, field.format.fixed_value_size())
            writer.finish_field()
        writer.close()
        self.term_counts = {
            # A posting is three items (docnum, weight, value), one per document.
            name: [(term.decode("utf-8"), len(flat) // 3) for term, flat in self._postings[name].items()]
            for name in self._counted
        }
        self._postings.clear()
        self._lengths.clear()
        self._stored.clear()


class _FieldPlan(NamedTuple):
    """What add_document needs of a field, read once rather than off the schema per doc."""

    field: Any
    stored: bool
    indexed: bool
    scorable: bool
    id_boost: float | None  # an ID field indexes its value whole: one term, this weight

    @classmethod
    def of(cls, field: Any) -> _FieldPlan:
        whole = (
            type(field) is ID
            and type(field.analyzer) is IDTokenizer
            and type(field.format) is Existence
        )
        boost = field.format.field_boost if whole else None
        return cls(field, bool(field.stored), bool(field.indexed), bool(field.scorable), boost)


def _post(terms: dict[bytes, list], term: bytes, docnum: int, weight: float, value: bytes) -> None:
    flat = terms.get(term)
    if flat is None:
        terms[term] = [docnum, weight, value]
    else:
        flat += (docnum, weight, value)


def _write_columns(perdoc: Any, stored: list[bytes], lengths: Mapping[str, dict[int, int]]) -> None:
    """Fill W3PerDocWriter's columns in one write each, as its start_doc, add_field and
    finish_doc would have a document at a time: the stored fields (a VarBytesColumn under
    Whoosh's PickleColumn and CompressedBytesColumn, written here already pickled and
    compressed) and one length byte per document up to the last with a length."""
    perdoc._doccount = len(stored)
    column = perdoc._colwriters["_stored"]._child
    sizes = list(map(len, stored))
    column._dbfile.write(b"".join(stored))
    column._lengths.extend(sizes)
    column._offsets.extend(accumulate(sizes[:-1], initial=0))
    column._offset_base, column._count = sum(sizes), len(stored)
    for name in sorted(lengths):
        column_lengths = lengths[name]
        if not column_lengths:
            continue
        values = bytearray(max(column_lengths) + 1)  # LENGTHS_COLUMN's default is 0
        for docnum, byte in column_lengths.items():
            values[docnum] = byte
        perdoc._create_column(_lenfield(name), LENGTHS_COLUMN)
        writer = perdoc._colwriters[_lenfield(name)]
        writer._dbfile.write(bytes(values))
        writer._count = len(values)
