"""A Whoosh segment writer that keeps a segment's postings in memory.

Whoosh's SegmentWriter sends every posting through an external-sort pool (a tuple, a
size estimate and, when the pool spills, a pickle per posting, then a merge sort), and
when it writes the postings it looks each one's field length back up in the length
column it has just written. A worker's segment is bounded (`SEGMENT_DOCS`), so here
postings are grouped by term as documents come in and field lengths stay in a dict.
Terms and postings reach Whoosh's own codec writers in the same order, so the segment
files are byte for byte the ones Whoosh writes (tests/engine/test_segment_writer.py).

Whoosh's W3PostingsWriter then takes each posting through several Python calls (with
type assertions), and the terms table hashes and writes each term with four more; that
was a third of a worker's Whoosh time. Here a term's blocks are built from slices of its
postings list and a field's term rows go to the table in one write, to the same bytes.

Per document, Whoosh's per-document writer takes each field's length and the stored
fields through a chain of column writers (about sixty Python calls a paragraph); here
they are kept and each column is written once, at the end (`_write_columns`).
"""

from __future__ import annotations

import zlib
from array import array
from collections import defaultdict
from collections.abc import Mapping
from itertools import accumulate
from operator import sub
from pickle import dumps
from typing import Any, NamedTuple

from whoosh.analysis import IDTokenizer
from whoosh.codec.whoosh3 import (
    COMPRESSION_MIN_SIZE,
    LENGTHS_COLUMN,
    STORED_COLUMN,
    WHOOSH3_HEADER_MAGIC,
    W3TermInfo,
    _lenfield,
)
from whoosh.columns import CompressedBytesColumn, NumericColumn, PickleColumn
from whoosh.fields import ID, Schema, UnknownFieldError
from whoosh.filedb.filetables import OrderedHashWriter
from whoosh.filedb.filetables import _lengths as _KEY_VALUE_LENGTHS
from whoosh.formats import Existence
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import length_to_byte
from whoosh.writing import SegmentWriter

_TERM_INFO = W3TermInfo._struct

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

    def __init__(self, ix: Any, schema: Schema | None = None, **kwargs: Any) -> None:
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
        the postings already grouped, a term's blocks built from slices (`_term_postings`)."""
        _write_columns(self.perdocwriter, self._stored, self._lengths)
        self.perdocwriter.close()
        writer = self.fieldwriter
        codec = writer._codec
        postfile = writer._postfile
        for name in sorted(self._postings):
            terms = self._postings[name]
            lengths = self._lengths.get(name, {})
            field = self.schema[name]
            writer.start_field(name, field)
            prefix = pack_ushort(writer._fieldid)
            fixed = field.format.fixed_value_size()
            offset = postfile.tell()
            rows = []
            for term in sorted(terms):
                data, info = _term_postings(
                    terms[term], lengths, fixed, codec._blocklimit, codec._compression
                )
                postfile.write(data)
                rows.append((prefix + term, info + pack_long(offset) + pack_int(len(data))))
                offset += len(data)
            _add_terms(writer._tindex, rows)
            writer.finish_field()
        writer.close()
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


def _term_postings(
    flat: list, lengths: dict[int, int], fixed: int | None, blocklimit: int, compression: int
) -> tuple[bytes, bytes]:
    """One term's postings file bytes and term info, as W3PostingsWriter writes them
    posting by posting (a header, then blocks of `blocklimit` postings, the last one's
    length negated), but each block built from slices of `flat` in a few C-level calls.
    `lengths` are length bytes: Whoosh reads lengths back from the length column and
    turns the block's least and greatest into bytes again, to the same bytes.
    The term info is W3TermInfo.to_bytes() without its extent (offset and length)."""
    if len(flat) == 3:  # a third of all terms: a name, a typo, a paragraph's own id
        return _single_posting(flat, lengths, fixed, compression)
    ids, weights, values = flat[0::3], flat[1::3], flat[2::3]
    chunks = [WHOOSH3_HEADER_MAGIC]
    count = len(ids)
    total_weight, max_weight, min_length, max_length = 0, 0, 0, 0  # 0: no length yet
    for start in range(0, count, blocklimit):
        block_ids = ids[start : start + blocklimit]
        block_weights = array("f", weights[start : start + blocklimit])
        block_values = filter(None, values[start : start + blocklimit])
        block_lengths = list(filter(None, map(lengths.get, block_ids)))
        top = max(weights[start : start + blocklimit])
        top = top if top > 0 else 0  # the writer's running maximum starts at 0
        low = min(block_lengths) if block_lengths else 0
        high = max(block_lengths) if block_lengths else 0
        first = block_weights[0]
        if block_weights.count(first) == len(block_weights):
            mini_weights = None if first == 1.0 else first
        else:
            mini_weights = tuple(block_weights)
        if fixed is None or fixed < 0:
            mini_values = tuple(block_values)
        elif fixed == 0:
            mini_values = None
        else:
            mini_values = b"".join(block_values)
        deltas = [block_ids[0], *map(sub, block_ids[1:], block_ids)]
        data = dumps((tuple(deltas), mini_weights, mini_values), 2)
        level = compression if len(data) >= COMPRESSION_MIN_SIZE else 0
        if level:
            data = zlib.compress(data, level)
        head = dumps(
            (
                len(block_ids),
                block_ids[-1],
                top,
                level,
                low,
                high,
            ),
            2,
        )
        size = len(head) + len(data)
        chunks += (pack_int(-size if start + blocklimit >= count else size), head, data)
        total_weight += sum(block_weights)
        max_weight = max(max_weight, top)
        if low:
            min_length = min(min_length, low) if min_length else low
        max_length = max(max_length, high)
    head = _TERM_INFO.pack(
        0,  # not inlined
        total_weight,
        count,
        min_length,
        max_length,
        max_weight,
        ids[0],
        ids[-1],
    )
    return b"".join(chunks), head


def _single_posting(
    flat: list, lengths: dict[int, int], fixed: int | None, compression: int
) -> tuple[bytes, bytes]:
    """`_term_postings` for a term in one document, without its slices and loops."""
    docnum, weight, value = flat
    stored = _float32(weight)  # as the block's array("f") gives it back
    mini_weights = None if stored == 1.0 else stored
    if fixed is None or fixed < 0:
        mini_values: tuple | bytes | None = (value,) if value else ()
    elif fixed == 0:
        mini_values = None
    else:
        mini_values = value or b""
    data = dumps(((docnum,), mini_weights, mini_values), 2)
    level = compression if len(data) >= COMPRESSION_MIN_SIZE else 0
    if level:
        data = zlib.compress(data, level)
    low = high = lengths.get(docnum, 0)
    top = weight if weight > 0 else 0
    head = dumps((1, docnum, top, level, low, high), 2)
    size = len(head) + len(data)
    info = _TERM_INFO.pack(0, stored, 1, low, high, max(0, top), docnum, docnum)
    return b"".join((WHOOSH3_HEADER_MAGIC, pack_int(-size), head, data)), info


def _float32(value: float) -> float:
    rounded = _FLOAT32.get(value)
    if rounded is None:
        rounded = _FLOAT32[value] = array("f", (value,))[0]
    return rounded


_FLOAT32: dict[float, float] = {}


def _add_terms(table: OrderedHashWriter, rows: list[tuple[bytes, bytes]]) -> None:
    """OrderedHashWriter.add for each (key, value) row, in key order, with one write:
    each row is its two lengths, key and value, its position kept in the ordered index
    and, under the key's hash, in the hash table's buckets."""
    if not rows:
        return
    if rows[0][0] <= table.lastkey:
        raise ValueError(f"Keys must increase: {table.lastkey!r}..{rows[0][0]!r}")
    position = table.dbfile.tell()
    buckets, hashed, index = table.buckets, table.hashfn, table.index
    parts = []
    for key, value in rows:
        index.append(position)
        digest = hashed(key)
        buckets[digest & 255].append((digest, position))
        parts += (_KEY_VALUE_LENGTHS.pack(len(key), len(value)), key, value)
        position += _KEY_VALUE_LENGTHS.size + len(key) + len(value)
    table.dbfile.write(b"".join(parts))
    table.lastkey = rows[-1][0]
