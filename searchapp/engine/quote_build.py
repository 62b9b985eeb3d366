"""Building a generation's quotation table, reusing what the previous generation built.

A first build reads every quoting paragraph, stems every quotation and clusters them
all. An incremental reindex changes a few articles, and Whoosh never rewrites a segment:
the rows of the segments both generations share keep their speakers, words and clusters
(only their document numbers move), so only the quotations of new segments are read and
clustered, together with the carried ones sharing most of the words of the shorter of the
two, as every copy and every quoted fragment does. A new segment's quotations come from
the rows its builder left (segment_rows.py) when it has them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
from whoosh.reading import IndexReader

from searchapp.engine.carry import Carry
from searchapp.engine.quote_table import QuoteTable
from searchapp.engine.schema import speaker_value
from searchapp.engine.segment_rows import SegmentRows
from searchapp.quote_clusters import cluster_quotes, find, union

# Carried quotations sharing a word held by more quotations than this are not candidates
# for that word alone: it says nothing about being a copy.
MAX_WORD_ROWS = 20_000
# Beyond this many fresh quotations, all carried ones are clustered with them again.
MAX_FRESH = 5_000
# Members of one previous cluster compared with the fresh quotations that resemble them.
MEMBERS_COMPARED = 3


@dataclass(frozen=True)
class PreviousTable:
    """The previous generation's table, with the speaker values its numbers index."""

    table: QuoteTable
    speaker_values: list[str]


@dataclass
class _Fresh:
    """Rows of new segments, with their texts and stemmed words."""

    docs: list[int] = field(default_factory=list)
    slots: list[int] = field(default_factory=list)
    speakers: list[int] = field(default_factory=list)
    direct: list[bool] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    terms: list[list[str]] = field(default_factory=list)


@dataclass
class _Carried:
    """Rows kept from the previous table: which, and their new document and speaker."""

    rows: np.ndarray  # the previous table's row numbers
    docs: np.ndarray
    speakers: np.ndarray
    covered: np.ndarray  # bool per new document: its rows, if any, are carried


def build_quote_table(
    reader: IndexReader,
    quoting: np.ndarray,
    speaker_values: list[str],
    names: Mapping[str, str],
    previous: PreviousTable | None = None,
    carry: Carry | None = None,
    written: Mapping[int, SegmentRows] | None = None,
) -> QuoteTable:
    """The quotations of the `quoting` paragraphs (a mask: live, with a speaker), speakers
    under their corpus-wide names (`names`), stemmed and clustered; the `previous`
    table's rows of the documents `carry` moves are carried, not read, and `written`
    (first document number of a segment → the rows its builder left) saves reading the
    stored quotations of new segments."""
    carried = _carry(previous, carry, quoting, speaker_values)
    old = previous.table if previous else QuoteTable.empty()
    fresh = _read(
        reader, np.flatnonzero(quoting & ~carried.covered), speaker_values, names, written or {}
    )
    docs = np.concatenate([carried.docs, np.asarray(fresh.docs, dtype=np.int64)])
    if not len(docs):
        return QuoteTable.empty()
    slots = np.concatenate([old.slots[carried.rows], np.asarray(fresh.slots, dtype=np.int64)])
    order = np.lexsort((slots, docs))  # row order: by document, then text order
    final = np.empty(len(order), dtype=np.int64)  # combined position → row
    final[order] = np.arange(len(order))
    speakers = np.concatenate([carried.speakers, np.asarray(fresh.speakers, dtype=np.int64)])
    direct = np.concatenate([old.direct[carried.rows], np.asarray(fresh.direct, dtype=bool)])
    starts, term_rows, terms = _term_index(old, carried.rows, fresh, final)
    clusters = _clusters(reader, old, carried, fresh, final, speakers, speaker_values)
    return QuoteTable(
        docs[order].astype(np.int32),
        slots[order].astype(np.int32),
        speakers[order].astype(np.int32),
        direct[order],
        clusters.astype(np.int32),
        starts,
        term_rows,
        terms,
    )


def _carry(
    previous: PreviousTable | None,
    carry: Carry | None,
    quoting: np.ndarray,
    speaker_values: list[str],
) -> _Carried:
    """The previous rows of the documents `carry` moves, still live and with a speaker
    that is still a facet value."""
    covered = carry.covered if carry is not None else np.zeros(len(quoting), dtype=bool)
    none = np.zeros(0, dtype=np.int64)
    if previous is None or carry is None or not previous.table.size:
        return _Carried(none, none, none, np.zeros(len(quoting), dtype=bool))
    table = previous.table
    number = {value: i for i, value in enumerate(speaker_values)}
    renumbered = np.array([number.get(v, -1) for v in previous.speaker_values] or [-1])
    docs = carry.docs(table.docs)
    speakers = renumbered[table.speakers]
    keep = (docs >= 0) & (speakers >= 0)
    keep[keep] = quoting[docs[keep]]
    rows = np.flatnonzero(keep)
    return _Carried(rows, docs[rows], speakers[rows], covered)


def _read(
    reader: IndexReader,
    docnums: np.ndarray,
    speaker_values: list[str],
    names: Mapping[str, str],
    written: Mapping[int, SegmentRows],
) -> _Fresh:
    """The rows of `docnums`: from the rows a segment's builder left, else from their
    stored quotations (speakers renamed as `ParagraphDoc.renamed` does). A quotation
    printed word for word by several outlets is stemmed once."""
    number = {value: i for i, value in enumerate(speaker_values)}
    stem = reader.schema["quote"]
    stemmed: dict[str, list[str]] = {}
    fresh = _Fresh()

    def add(docnum: int, slot: int, speaker: str, text: str, direct: bool) -> None:
        value = number.get(speaker_value(names.get(speaker, speaker)))
        if value is None:  # a name the facet leaves out (not an entity)
            return
        fresh.docs.append(docnum)
        fresh.slots.append(slot)
        fresh.speakers.append(value)
        fresh.direct.append(direct)
        fresh.texts.append(text)
        terms = stemmed.get(text)
        if terms is None:
            terms = stemmed[text] = [term.decode("utf-8") for term, *_ in stem.index(text)]
        fresh.terms.append(terms)

    wanted = set(docnums.tolist())
    for start, rows in written.items():
        for local, slot, speaker, direct, text in rows.quotes:
            if start + local in wanted:
                add(start + local, slot, speaker, text, direct)
        wanted.difference_update(range(start, start + len(rows.articles)))
    for docnum in sorted(wanted):
        for slot, (speaker, text, direct) in enumerate(reader.stored_fields(docnum)["quotes"]):
            add(docnum, slot, speaker, text, direct)
    return fresh


def _term_index(
    old: QuoteTable, carried: np.ndarray, fresh: _Fresh, final: np.ndarray
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The word → rows index: the carried rows' entries renumbered, the fresh ones added."""
    combined = np.full(old.size, -1, dtype=np.int64)  # previous row → combined position
    combined[carried] = np.arange(len(carried))
    old_terms = np.repeat(np.arange(len(old.terms)), np.diff(old.term_starts))
    old_rows = combined[old.term_rows] if old.size else np.zeros(0, dtype=np.int64)
    kept = old_rows >= 0
    vocabulary = sorted({*old.terms, *(t for terms in fresh.terms for t in terms)})
    number = {term: i for i, term in enumerate(vocabulary)}
    renumbered = np.array([number[t] for t in old.terms] or [0], dtype=np.int64)
    fresh_terms = [number[t] for terms in fresh.terms for t in terms]
    fresh_rows = np.repeat(
        np.arange(len(fresh.terms)) + len(carried), [len(terms) for terms in fresh.terms]
    )
    term_ids = np.concatenate([renumbered[old_terms[kept]], np.asarray(fresh_terms, np.int64)])
    rows = final[np.concatenate([old_rows[kept], fresh_rows.astype(np.int64)])]
    order = np.lexsort((rows, term_ids))
    counts = np.bincount(term_ids, minlength=len(vocabulary))
    starts = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return starts, rows[order].astype(np.int32), vocabulary


def _clusters(
    reader: IndexReader,
    old: QuoteTable,
    carried: _Carried,
    fresh: _Fresh,
    final: np.ndarray,
    speakers: np.ndarray,
    speaker_values: list[str],
) -> np.ndarray:
    """Per row, the row of its cluster's first quotation. Carried rows stay joined as they
    were; fresh rows are clustered together with the carried rows that share their words
    (on a first build every row is fresh)."""
    kept = len(carried.rows)
    parent = np.arange(len(final))
    if kept:  # each previous cluster joined under its lowest new row
        labels, rows = old.clusters[carried.rows], final[:kept]
        order = np.lexsort((rows, labels))
        starts = np.r_[True, labels[order][1:] != labels[order][:-1]]
        lowest = np.maximum.accumulate(np.where(starts, np.arange(kept), 0))
        parent[rows[order]] = rows[order][lowest]
    parent = parent.tolist()
    related = _similar(old, carried, fresh)
    members = related + list(range(kept, len(final)))
    texts = [
        _quote_text(reader, int(carried.docs[i]), int(old.slots[carried.rows[i]])) for i in related
    ]
    named = [
        (speaker_values[int(speakers[member])], text)
        for member, text in zip(members, texts + fresh.texts, strict=True)
    ]
    for i, label in enumerate(cluster_quotes(named)):
        if label != i:
            union(parent, int(final[members[i]]), int(final[members[label]]))
    return np.array([find(parent, row) for row in range(len(final))], dtype=np.int64)


def _similar(old: QuoteTable, carried: _Carried, fresh: _Fresh) -> list[int]:
    """The carried positions that may be a copy of a fresh quotation: sharing 60% of the
    stemmed words of the shorter of the two (at least three, or all it has), as a copy or a
    quoted fragment does. Words in more than MAX_WORD_ROWS quotations are too common to
    tell; past MAX_FRESH fresh quotations, every carried one is a candidate (a reindex
    that large reads them all anyway)."""
    kept = len(carried.rows)
    if not kept or not fresh.terms:
        return []
    if len(fresh.terms) > MAX_FRESH:
        return list(range(kept))
    position = np.full(old.size, -1, dtype=np.int64)
    position[carried.rows] = np.arange(kept)
    sizes = np.bincount(old.term_rows, minlength=old.size)  # stemmed words per row
    found: set[int] = set()
    for terms in fresh.terms:
        words = sorted(set(terms))
        lists = []
        for word in words:
            i = bisect_left(old.terms, word)
            if i < len(old.terms) and old.terms[i] == word:
                start, stop = old.term_starts[i], old.term_starts[i + 1]
                if stop - start <= MAX_WORD_ROWS:
                    lists.append(old.term_rows[start:stop])
        if not lists:
            continue
        rows, shared = np.unique(np.concatenate(lists), return_counts=True)
        smaller = np.minimum(sizes[rows], len(words))
        need = np.minimum(np.maximum(3, np.ceil(0.6 * smaller)), smaller)
        near = position[rows[shared >= need]]
        found.update(near[near >= 0].tolist())
    # A fresh quotation joins a cluster through any member it resembles: of the members
    # of one previous cluster (an outlet's replicas, a syndicated story), a few will do.
    chosen = sorted(found)
    labels = old.clusters[carried.rows[chosen]].tolist()
    per_cluster: dict[int, int] = {}
    kept_positions = []
    for candidate, label in zip(chosen, labels, strict=True):
        if per_cluster.get(label, 0) < MEMBERS_COMPARED:
            per_cluster[label] = per_cluster.get(label, 0) + 1
            kept_positions.append(candidate)
    return kept_positions


def _quote_text(reader: IndexReader, docnum: int, slot: int) -> str:
    return reader.stored_fields(docnum)["quotes"][slot][1]
