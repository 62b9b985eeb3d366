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
"""

from __future__ import annotations

import zlib
from array import array
from collections import defaultdict
from operator import sub
from pickle import dumps
from typing import Any

from whoosh.analysis import IDTokenizer
from whoosh.codec.whoosh3 import COMPRESSION_MIN_SIZE, WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.fields import ID
from whoosh.filedb.filetables import OrderedHashWriter
from whoosh.filedb.filetables import _lengths as _KEY_VALUE_LENGTHS
from whoosh.formats import Existence
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

_TERM_INFO = W3TermInfo._struct


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
        # ID fields index their value whole: one term, weight the field's boost.
        self._id_boosts = {
            name: field.format.field_boost
            for name, field in ix.schema.items()
            if type(field) is ID
            and type(field.analyzer) is IDTokenizer
            and type(field.format) is Existence
        }

    def add_document(self, **fields: Any) -> None:
        """SegmentWriter.add_document, writing into the per-document writer's stored
        fields directly, and an ID field's one term without Whoosh's tokenizer chain."""
        self._check_state()
        self._check_fields(self.schema, fields)
        perdoc = self.perdocwriter
        docnum = self.docnum
        perdoc.start_doc(docnum)
        stored = perdoc._storedfields
        schema, ids = self.schema, self._id_boosts
        for name in sorted(fields):
            value = fields[name]
            if value is None:
                continue
            field = schema[name]
            if field.stored:
                stored[name] = value
            if not field.indexed:
                continue
            terms = self._postings[name]
            if name in ids and type(value) is str:
                terms[value.encode("utf-8")] += (docnum, ids[name], b"")
                continue
            length = 0
            for term, freq, weight, encoded in field.index(value):
                terms[term] += (docnum, weight, encoded)
                length += freq
            if length and field.scorable:
                self._lengths[name][docnum] = _stored_length(length)
                perdoc.add_field(name, field, None, length)  # the length column
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self) -> None:
        """What SegmentWriter._flush_segment and FieldWriter.add_postings do, with
        the postings already grouped, a term's blocks built from slices (`_term_postings`)."""
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


def _term_postings(
    flat: list, lengths: dict[int, int], fixed: int | None, blocklimit: int, compression: int
) -> tuple[bytes, bytes]:
    """One term's postings file bytes and term info, as W3PostingsWriter writes them
    posting by posting (a header, then blocks of `blocklimit` postings, the last one's
    length negated), but each block built from slices of `flat` in a few C-level calls.
    The term info is W3TermInfo.to_bytes() without its extent (offset and length)."""
    if len(flat) == 3:  # a third of all terms: a name, a typo, a paragraph's own id
        return _single_posting(flat, lengths, fixed, compression)
    ids, weights, values = flat[0::3], flat[1::3], flat[2::3]
    chunks = [WHOOSH3_HEADER_MAGIC]
    count = len(ids)
    total_weight, max_weight, min_length, max_length = 0, 0, None, 0
    for start in range(0, count, blocklimit):
        block_ids = ids[start : start + blocklimit]
        block_weights = array("f", weights[start : start + blocklimit])
        block_values = filter(None, values[start : start + blocklimit])
        block_lengths = list(filter(None, map(lengths.get, block_ids)))
        top = max(weights[start : start + blocklimit])
        top = top if top > 0 else 0  # the writer's running maximum starts at 0
        low = min(block_lengths) if block_lengths else None
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
                length_to_byte(low),
                length_to_byte(high),
            ),
            2,
        )
        size = len(head) + len(data)
        chunks += (pack_int(-size if start + blocklimit >= count else size), head, data)
        total_weight += sum(block_weights)
        max_weight = max(max_weight, top)
        if low is not None:
            min_length = low if min_length is None else min(min_length, low)
        max_length = max(max_length, high)
    head = _TERM_INFO.pack(
        0,  # not inlined
        total_weight,
        count,
        length_to_byte(min_length),
        length_to_byte(max_length),
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
    length = lengths.get(docnum) or None
    low, high = length_to_byte(length), length_to_byte(length or 0)
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
