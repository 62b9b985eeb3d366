"""A field's postings and terms-table rows, written the way Whoosh's W3FieldWriter
writes them, from postings already grouped by term (segment_writer.py).

Whoosh's W3PostingsWriter takes each posting through several Python calls (with type
assertions), and the terms table hashes and writes each term with four more; that was a
third of a worker's Whoosh time. Here a term's blocks are built from slices of its
postings list, and a field's postings and term rows each go to their file in one write.
A segment has about six terms a paragraph, most in one block, so the per-term steps are
kept few: one-posting and one-block terms have their own paths.
"""

from __future__ import annotations

import zlib
from array import array
from hashlib import md5
from itertools import starmap
from operator import sub
from pickle import dumps
from struct import Struct
from typing import Any

from whoosh.codec.whoosh3 import COMPRESSION_MIN_SIZE, WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.filedb.filetables import OrderedHashWriter, md5_hash
from whoosh.filedb.filetables import _lengths as _KEY_VALUE_LENGTHS
from whoosh.filedb.filetables import _pointer as _HASH_SLOT
from whoosh.system import pack_int, pack_ushort

_TERM_INFO = W3TermInfo._struct
_EXTENT = Struct("!qi")  # the term info's offset and length, after the rest of it


def write_field(
    writer: Any,
    terms: dict[bytes, list],
    lengths: dict[int, int],
    fixed: int | None,
) -> None:
    """Write the postings of one field's `terms` (term -> flat [docnum, weight, value,
    ...]) to a W3FieldWriter's postings file, and their rows to its terms table, between
    its start_field and finish_field. `lengths` maps docnums to length bytes."""
    codec = writer._codec
    blocklimit, compression = codec._blocklimit, codec._compression
    postfile = writer._postfile
    prefix = pack_ushort(writer._fieldid)
    if type(writer._tindex) is OrderedHashWriter:
        writer._tindex.__class__ = _TermsTable  # the same table, written faster
    offset = postfile.tell()
    datas, rows = [], []
    for term, flat in sorted(terms.items()):
        if len(flat) == 3:  # half of all terms: a name, a typo, a paragraph's own id
            data, info = _single_posting(flat, lengths, fixed, compression)
        elif len(flat) <= 3 * blocklimit:
            data, info = _one_block(flat, lengths, fixed, compression)
        else:
            data, info = _term_postings(flat, lengths, fixed, blocklimit, compression)
        datas.append(data)
        rows.append((prefix + term, info + _EXTENT.pack(offset, len(data))))
        offset += len(data)
    postfile.write(b"".join(datas))
    _add_terms(writer._tindex, rows)


def _values(values: list, fixed: int | None) -> tuple | bytes | None:
    """A block's posting values as W3PostingsWriter keeps them for its format."""
    if fixed is None or fixed < 0:
        return tuple(filter(None, values))
    if fixed == 0:
        return None
    return b"".join(filter(None, values))


def _weights(weights: array) -> tuple | float | None:
    """A block's weights (as float32) as W3PostingsWriter keeps them: None if all are
    1.0, one number if all are equal."""
    first = weights[0]
    if weights.count(first) == len(weights):
        return None if first == 1.0 else first
    return tuple(weights)


def _block(
    ids: list[int], top: float, data: bytes, compression: int, low: int, high: int, last: bool
) -> list[bytes]:
    """A block's length, header and (maybe compressed) postings; the last block's length
    is negated."""
    level = compression if len(data) >= COMPRESSION_MIN_SIZE else 0
    if level:
        data = zlib.compress(data, level)
    head = dumps((len(ids), ids[-1], top, level, low, high), 2)
    size = len(head) + len(data)
    return [pack_int(-size if last else size), head, data]


def _one_block(
    flat: list, lengths: dict[int, int], fixed: int | None, compression: int
) -> tuple[bytes, bytes]:
    """`_term_postings` for a term whose postings fit one block, without its loop."""
    ids, weights = flat[0::3], flat[1::3]
    stored = array("f", weights)
    found = list(filter(None, map(lengths.get, ids)))
    low, high = (min(found), max(found)) if found else (0, 0)
    top = max(weights)
    top = top if top > 0 else 0  # the writer's running maximum starts at 0
    deltas = (ids[0], *map(sub, ids[1:], ids))
    data = dumps((deltas, _weights(stored), _values(flat[2::3], fixed)), 2)
    chunks = _block(ids, top, data, compression, low, high, True)
    info = _TERM_INFO.pack(0, sum(stored), len(ids), low, high, top, ids[0], ids[-1])
    return WHOOSH3_HEADER_MAGIC + b"".join(chunks), info


def _term_postings(
    flat: list, lengths: dict[int, int], fixed: int | None, blocklimit: int, compression: int
) -> tuple[bytes, bytes]:
    """One term's postings file bytes and term info, as W3PostingsWriter writes them
    posting by posting (a header, then blocks of `blocklimit` postings, the last one's
    length negated), but each block built from slices of `flat` in a few C-level calls.
    `lengths` are length bytes: Whoosh reads lengths back from the length column and
    turns the block's least and greatest into bytes again, to the same bytes.
    The term info is W3TermInfo.to_bytes() without its extent (offset and length)."""
    ids, weights, values = flat[0::3], flat[1::3], flat[2::3]
    chunks = [WHOOSH3_HEADER_MAGIC]
    count = len(ids)
    total_weight, max_weight, min_length, max_length = 0, 0, 0, 0  # 0: no length yet
    for start in range(0, count, blocklimit):
        end = start + blocklimit
        block_ids = ids[start:end]
        block_weights = array("f", weights[start:end])
        found = list(filter(None, map(lengths.get, block_ids)))
        low, high = (min(found), max(found)) if found else (0, 0)
        top = max(weights[start:end])
        top = top if top > 0 else 0  # the writer's running maximum starts at 0
        deltas = (block_ids[0], *map(sub, block_ids[1:], block_ids))
        data = dumps((deltas, _weights(block_weights), _values(values[start:end], fixed)), 2)
        chunks += _block(block_ids, top, data, compression, low, high, end >= count)
        total_weight += sum(block_weights)
        max_weight = max(max_weight, top)
        if low:
            min_length = min(min_length, low) if min_length else low
        max_length = max(max_length, high)
    info = _TERM_INFO.pack(
        0,  # not inlined
        total_weight,
        count,
        min_length,
        max_length,
        max_weight,
        ids[0],
        ids[-1],
    )
    return b"".join(chunks), info


def _single_posting(
    flat: list, lengths: dict[int, int], fixed: int | None, compression: int
) -> tuple[bytes, bytes]:
    """`_term_postings` for a term in one document, without its slices and loops."""
    docnum, weight, value = flat
    stored = _FLOAT32[weight]
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
    low = lengths.get(docnum, 0)
    top = weight if weight > 0 else 0
    head = dumps((1, docnum, top, level, low, low), 2)
    info = _TERM_INFO.pack(0, stored, 1, low, low, top, docnum, docnum)
    return b"".join((WHOOSH3_HEADER_MAGIC, pack_int(-len(head) - len(data)), head, data)), info


class _Float32(dict):
    """A weight → its float32 value, as a block's array("f") gives it back; weights are
    frequencies, a few dozen values."""

    def __missing__(self, value: float) -> float:
        if len(self) > 10_000:
            self.clear()
        rounded = self[value] = array("f", (value,))[0]
        return rounded


_FLOAT32 = _Float32()


def _add_terms(table: OrderedHashWriter, rows: list[tuple[bytes, bytes]]) -> None:
    """OrderedHashWriter.add for each (key, value) row, in key order, with one write:
    each row is its two lengths, key and value, its position kept in the ordered index
    and, under the key's hash, in the hash table's buckets."""
    if not rows:
        return
    if rows[0][0] <= table.lastkey:
        raise ValueError(f"Keys must increase: {table.lastkey!r}..{rows[0][0]!r}")
    position = table.dbfile.tell()
    buckets, hashed = table.buckets, table.hashfn
    positions, parts = [], []
    for key, value in rows:
        positions.append(position)
        if hashed is md5_hash:  # its value, without a call and a hex string
            digest = int.from_bytes(md5(key, usedforsecurity=False).digest()[-4:], "big")
        else:
            digest = hashed(key)
        buckets[digest & 255].append((digest, position))
        parts += (_KEY_VALUE_LENGTHS.pack(len(key), len(value)), key, value)
        position += _KEY_VALUE_LENGTHS.size + len(key) + len(value)
    table.dbfile.write(b"".join(parts))
    table.index.extend(positions)
    table.lastkey = rows[-1][0]


class _TermsTable(OrderedHashWriter):
    """Whoosh's terms table, its hash tables written with one write rather than one a
    slot (two slots a term)."""

    def _write_hashes(self) -> None:
        dbfile = self.dbfile
        null = (0, 0)  # an empty slot
        position = dbfile.tell()
        tables = []
        for entries in self.buckets:
            slots = 2 * len(entries)
            self.directory.append((position, slots))
            table = [null] * slots
            for digest, key_position in entries:
                slot = (digest >> 8) % slots
                while table[slot] != null:
                    slot = (slot + 1) % slots
                table[slot] = (digest, key_position)
            tables.append(b"".join(starmap(_HASH_SLOT.pack, table)))
            position += slots * _HASH_SLOT.size
        dbfile.write(b"".join(tables))
