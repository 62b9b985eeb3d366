"""A term's postings and a field's lengths as arrays, read a block at a time.

Whoosh hands these out one value per Python call; building facet columns or scoring a
common word touches hundreds of thousands of them. This module is the one place that
reads whoosh3's storage directly (pinned `whoosh3<4`), each time with a fallback to the
public one-at-a-time calls for anything laid out otherwise.
"""

from __future__ import annotations

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.reading import IndexReader, TermNotFound
from whoosh.util.numeric import byte_to_length

# Whoosh stores each field length as one byte; this decodes all 256 at once.
_BYTE_LENGTHS = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)


def postings_arrays(
    reader: IndexReader, fieldname: str, text: str | bytes
) -> tuple[np.ndarray, np.ndarray]:
    """Document numbers and weights (term frequencies) of a term, deleted documents
    included, as Whoosh's statistics include them."""
    if fieldname not in reader.schema:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    format_ = reader.schema[fieldname].format
    btext = reader.schema[fieldname].to_bytes(text) if isinstance(text, str) else text
    docs, weights = [], []
    for segment, offset in reader.leaf_readers():
        # One hash look-up per segment: asking `in` first doubled the cost of a word,
        # and an expanded prefix reads a thousand of them.
        try:
            matcher = segment._terms.matcher(fieldname, btext, format_)
        except TermNotFound:
            continue
        for ids, ws in _blocks(matcher):
            docs.append(np.asarray(ids, dtype=np.int64) + offset)
            weights.append(np.asarray(ws, dtype=np.float64))
    if not docs:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    return np.concatenate(docs), np.concatenate(weights)


def field_lengths(reader: IndexReader, fieldname: str) -> np.ndarray:
    """Per document, the field's length as stored (one byte, so approximate for long
    texts): the length Whoosh's BM25F uses, so that array scores equal its scores."""
    parts = []
    for segment, _ in reader.leaf_readers():
        count = segment.doc_count_all()
        column = segment._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if column is None:
            parts.append(np.zeros(count))
        elif getattr(column, "_fixedlen", None) == 1 and hasattr(column, "_dbfile"):
            raw = column._dbfile.get(column._basepos, column._count)
            codes = np.zeros(count, dtype=np.uint8)
            codes[: len(raw)] = np.frombuffer(raw, dtype=np.uint8)
            parts.append(_BYTE_LENGTHS[codes] * (codes > 0))
        else:
            lengths = (segment.doc_field_length(d, fieldname) or 0 for d in range(count))
            parts.append(np.fromiter(lengths, dtype=np.float64, count=count))
    return np.concatenate(parts) if parts else np.zeros(0)


def _blocks(matcher):
    """(ids, weights) per postings block of whoosh3's matcher; other matchers (short
    postings lists are stored inline) are read one posting at a time."""
    if isinstance(matcher, W3LeafMatcher) and not matcher._byteids:
        while matcher.is_active():
            yield _block_arrays(matcher)
            if matcher._lastblock:
                return
            matcher._next_block()
        return
    ids, weights = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    yield ids, weights


def _block_arrays(matcher: W3LeafMatcher) -> tuple[np.ndarray, np.ndarray]:
    """One block's ids and weights, decoded with numpy: Whoosh undoes the ids' delta
    encoding one Python generator step per posting (a fifth of a common word's cost)."""
    if matcher._data is None:
        matcher._read_data()
    ids, weights = matcher._data[0], matcher._data[1]
    count = matcher._blocklength
    ids = np.cumsum(np.asarray(ids, dtype=np.int64))
    if weights is None:
        weights = np.ones(count)
    elif isinstance(weights, float):
        weights = np.full(count, weights)
    else:
        weights = np.asarray(weights, dtype=np.float64)
    return ids, weights


def phrase_docs(
    reader: IndexReader, fieldname: str, words: list[str], candidates: np.ndarray
) -> np.ndarray:
    """The `candidates` (document numbers that have every word) where the words stand
    side by side in order. Positions are read only for the candidates, one term matcher
    per word and segment: a third of the time Whoosh's phrase matcher takes for "white
    house" at 200,000 paragraphs, half for "of the"."""
    found: list[int] = []
    for segment, offset in reader.leaf_readers():
        end = offset + segment.doc_count_all()
        local = candidates[(candidates >= offset) & (candidates < end)] - offset
        if not len(local):
            continue
        try:
            matchers = [segment.postings(fieldname, word) for word in words]
        except TermNotFound:
            continue
        for doc in local.tolist():
            starts: set[int] | None = None
            for index, matcher in enumerate(matchers):
                if matcher.is_active() and matcher.id() < doc:
                    matcher.skip_to(doc)
                if not matcher.is_active() or matcher.id() != doc:
                    starts = None
                    break
                here = {pos - index for pos in matcher.value_as("positions")}
                starts = here if starts is None else starts & here
                if not starts:
                    break
            if starts:
                found.append(doc + offset)
    return np.asarray(found, dtype=np.int64)
