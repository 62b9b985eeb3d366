"""Writing a generation: documents go into segments, from any number of processes.

Whoosh's own multi-process writer (`procs=N`) analyses documents in its workers, but it is
fed from one parent process, and here the expensive step before Whoosh is extraction. So
each worker process extracts its articles and writes them straight into segments of its
own (`SegmentBuilder`), and the parent commits all segments at once (`commit_segments`),
as `whoosh.multiproc.MpWriter` does with its workers' segments.

An incremental reindex starts a generation as hard links to the previous one's files
(`link_generation`). That is safe because Whoosh never rewrites a file: it writes new
segments and a new table of contents, and records deletions in the table of contents.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from whoosh import index
from whoosh.codec.base import Segment
from whoosh.codec.whoosh3 import W3Codec
from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter

from searchapp.engine.columns import Columns
from searchapp.engine.expansion import write_vocabularies
from searchapp.engine.queries import QUERY_FIELDS
from searchapp.engine.reading import SPELLING_FILE, write_info
from searchapp.engine.schema import from_stored, paragraph_schema, speaker_value, to_fields
from searchapp.engine.segment_rows import SegmentRows, discard_rows
from searchapp.engine.segment_writer import InMemorySegmentWriter
from searchapp.engine.spelling import segment_words_path, vocabulary_counts, write_vocabulary
from searchapp.paragraphs import ParagraphDoc

# Documents per segment: small enough for a worker's postings to stay in memory (the
# InMemorySegmentWriter holds them all: about 200 MB), large enough that a search at a
# million paragraphs visits tens of segments, not hundreds.
SEGMENT_DOCS = 25_000
SPELLING_FIELD = "exact"  # every word as written: what spelling corrections are drawn from
# Smaller segments, as incremental reindexes and renames leave them, are merged together.
SMALL_SEGMENT_DOCS = 2_500
_LOCK_SUFFIX = "WRITELOCK"


def _codec() -> W3Codec:
    """Whoosh's codec with postings left uncompressed: decoding a common word's postings
    is most of a search at 200,000 paragraphs, and zlib adds a fifth to it."""
    return W3Codec(compression=0)


# Segments stay as separate files: Whoosh copies every part of a compound segment file
# into memory each time a reader opens it (its BufferFile wraps the mmap in a BytesIO),
# so each pooled searcher would hold a private copy of all postings.
_WRITER_OPTIONS = {"limitmb": 192, "compound": False}


def _merge_small(writer: SegmentWriter, segments: list[Segment]) -> list[Segment]:
    """Merge policy: fold the small segments into the one being written, leave the large.

    Whoosh's own MERGE_SMALL, given dozens of equal segments (a million paragraphs),
    merges most of them into one, rewriting gigabytes in one process.
    """
    small = [segment for segment in segments if segment.doc_count_all() < SMALL_SEGMENT_DOCS]
    if len(small) < 2:
        return segments
    for segment in small:
        reader = SegmentReader(writer.storage, writer.schema, segment, generation=writer.generation)
        writer.add_reader(reader)
        reader.close()
    return [segment for segment in segments if segment not in small]


def create_generation(folder: Path) -> None:
    index.create_in(str(folder), paragraph_schema())


def link_generation(previous: Path, folder: Path) -> None:
    """Start `folder` as the previous generation's index, sharing its files on disk."""
    for path in previous.iterdir():
        if path.is_file() and "MAIN" in path.name and not path.name.endswith(_LOCK_SUFFIX):
            os.link(path, folder / path.name)


class SegmentBuilder:
    """Writes paragraphs into new segments of the generation in `folder`.

    Runs in a worker process, and takes no lock: the parent holds the reindex lock and
    commits the returned segments with `commit_segments`.
    """

    def __init__(self, folder: Path, names: Mapping[str, str]) -> None:
        self._folder = folder
        self._ix = index.open_dir(str(folder))
        # One schema for all of this builder's segments: its fields remember the terms of
        # the words they have seen, and a schema read from the index starts with none.
        self._schema = self._ix.schema
        self._names = names
        self._writer: SegmentWriter | None = None
        self._count = 0
        self._rows = SegmentRows()
        self.segments: list[Segment] = []

    def add(self, doc: ParagraphDoc) -> None:
        if self._writer is None:
            self._writer = InMemorySegmentWriter(
                self._ix,
                self._schema,
                counted=(SPELLING_FIELD,),
                _lk=False,
                codec=_codec(),
                **_WRITER_OPTIONS,
            )
        self._writer.add_document(**to_fields(doc, self._names))
        self._rows.add(doc)
        self._count += 1
        if self._count >= SEGMENT_DOCS:
            self._close()

    def finish(self) -> list[Segment]:
        self._close()
        return self.segments

    def cancel(self) -> None:
        if self._writer is not None:
            self._writer.cancel()
            self._writer, self._count, self._rows = None, 0, SegmentRows()

    def _close(self) -> None:
        if self._writer is not None:
            segment = self._writer._finalize_segment()
            self._rows.save(self._folder, segment.segment_id())
            words = segment_words_path(self._folder, segment.segment_id(), SPELLING_FIELD)
            write_vocabulary(words, self._writer.term_counts[SPELLING_FIELD])
            self.segments.append(segment)
            self._writer, self._count, self._rows = None, 0, SegmentRows()


def commit_segments(folder: Path, segments: list[Segment], deleted: Iterable[str]) -> None:
    """Make `segments` part of the index in `folder`, and delete the paragraphs of the
    `deleted` article ids from the segments it already had."""

    def delete(writer: SegmentWriter) -> list[Segment]:
        for article_id in deleted:
            writer.delete_by_term("article_id", article_id)
        return segments

    _commit(folder, delete)


def rename_speakers(folder: Path, old: Mapping[str, str], new: Mapping[str, str]) -> int:
    """Reindex the paragraphs whose speakers' corpus-wide names changed from `old` to `new`;
    return how many. Paragraphs store their names as written, so nothing is re-extracted.

    On a first build every variant that the corpus folds into another name is a change (3%
    of the paragraphs at 200,000), so they are written as the workers write theirs, into an
    in-memory segment, rather than through Whoosh's writer, which took 5 ms a paragraph."""
    changed = {name for name in {*old, *new} if old.get(name, name) != new.get(name, name)}
    if not changed:
        return 0
    rewritten: list[int] = []

    def replace(writer: SegmentWriter) -> list[Segment]:
        with writer.reader() as reader:
            indexed = {speaker_value(old.get(name, name)) for name in changed}
            docnums = set()
            for value in indexed:
                if ("speaker_value", value) in reader:
                    docnums.update(reader.postings("speaker_value", value).all_ids())
            for docnum in sorted(docnums):
                if reader.is_deleted(docnum):
                    continue
                doc = from_stored(reader.stored_fields(docnum))
                if changed.intersection(doc.speakers):
                    writer.delete_document(docnum)
                    builder.add(doc)
                    rewritten.append(docnum)
        return builder.finish()

    builder = SegmentBuilder(folder, new)
    try:
        _commit(folder, replace)
    except BaseException:
        builder.cancel()
        raise
    return len(rewritten)


def _commit(folder: Path, change: Callable[[SegmentWriter], list[Segment]]) -> None:
    """Commit the segments `change` returns with the deletions it makes through the
    writer, folding small segments together (`_merge_small`)."""
    writer = index.open_dir(str(folder)).writer(codec=_codec(), **_WRITER_OPTIONS)
    try:
        segments = change(writer)
        kept = writer._merge_segments(_merge_small, False, False)
        if writer._added:  # small segments were merged into the writer's own
            kept.append(writer._finalize_segment())
        else:
            writer._close_segment()
        writer._commit_toc(kept + segments)
    except BaseException:
        writer.cancel()
        raise
    writer._finish()


def finish_generation(folder: Path, names: Mapping[str, str], previous: Path | None = None) -> int:
    """Write what readers load once per generation (facet columns, quotations, the name
    mapping), reusing what the `previous` generation (linked into this one) computed for
    the segments they share; return the number of paragraphs."""
    ix = index.open_dir(str(folder))
    before = Columns.load(previous) if previous is not None else None
    with ix.reader() as reader:
        columns = Columns.from_reader(reader, names, before, folder)
        write_vocabularies(folder, reader, QUERY_FIELDS)
        write_vocabulary(folder / SPELLING_FILE, vocabulary_counts(reader, SPELLING_FIELD, folder))
    columns.save(folder)
    discard_rows(folder)  # in the columns now; the next generation carries them from there
    write_info(folder, names)
    return int(columns.live.sum())
