"""The in-memory segment writer must write the very files Whoosh's own writer writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEEDS
from whoosh import index
from whoosh.writing import SegmentWriter

from searchapp.corpus import read_corpus
from searchapp.engine.schema import to_fields
from searchapp.engine.segment_writer import InMemorySegmentWriter
from searchapp.engine.writing import _WRITER_OPTIONS, _codec, create_generation
from searchapp.paragraphs import paragraph_docs

NAMES = {"Rogozin": "Dmitry Rogozin"}  # a rename, as the corpus-wide mapping makes them


def write_segment(folder: Path, writer_class: type, docs: list) -> dict[str, bytes]:
    """Write `docs` as one segment; return its files by name, the segment id taken out."""
    folder.mkdir()
    create_generation(folder)
    writer = writer_class(index.open_dir(str(folder)), _lk=False, codec=_codec(), **_WRITER_OPTIONS)
    for doc in docs:
        writer.add_document(**to_fields(doc, NAMES))
    segment = writer._finalize_segment()
    files = {
        path.name.replace(segment.segid, "SEGMENT"): path.read_bytes()
        for path in folder.iterdir()
        if segment.segid in path.name
    }
    files["doc count, field lengths"] = repr(
        (segment.doc_count_all(), sorted(segment._fieldlengths.items()))
    ).encode()
    return files


def assert_same_files(tmp_path: Path, docs: list) -> None:
    whoosh_files = write_segment(tmp_path / "whoosh", SegmentWriter, docs)
    our_files = write_segment(tmp_path / "ours", InMemorySegmentWriter, docs)
    assert sorted(our_files) == sorted(whoosh_files)
    assert len(whoosh_files) > 5  # terms, postings, stored fields, length columns
    for name, content in whoosh_files.items():
        assert our_files[name] == content, name


def test_seed_segment_is_byte_for_byte_whooshs(tmp_path: Path):
    docs = [doc for article in read_corpus(SEEDS) for doc in paragraph_docs(article)]
    assert_same_files(tmp_path, docs)


def test_dev_segment_is_byte_for_byte_whooshs(tmp_path: Path, dev_paragraphs):
    # Common words run to several postings blocks; some fields are missing on some docs.
    assert_same_files(tmp_path, dev_paragraphs)


def test_fields_it_cannot_write_are_refused(tmp_path: Path):
    from whoosh import fields

    index.create_in(str(tmp_path), fields.Schema(title=fields.TEXT(vector=True)))
    with pytest.raises(ValueError, match="title"):
        InMemorySegmentWriter(index.open_dir(str(tmp_path)), _lk=False)


def test_a_builder_leaves_each_segments_word_counts_as_whoosh_would_read_them(tmp_path: Path):
    """Finishing a generation reads the spelling vocabulary from the files the segment
    builders leave; each must hold what reading the segment's terms back would give."""
    from searchapp.engine.spelling import segment_words_path, vocabulary_counts
    from searchapp.engine.writing import SPELLING_FIELD, SegmentBuilder, commit_segments

    folder = tmp_path / "generation"
    folder.mkdir()
    create_generation(folder)
    builder = SegmentBuilder(folder, NAMES)
    for article in read_corpus(SEEDS):
        for doc in paragraph_docs(article):
            builder.add(doc)
    commit_segments(folder, builder.finish(), [])
    with index.open_dir(str(folder)).reader() as reader:
        leaves = [reader] if reader.is_atomic() else [leaf for leaf, _ in reader.leaf_readers()]
        for leaf in leaves:
            path = segment_words_path(folder, leaf.segment().segment_id(), SPELLING_FIELD)
            written = path.read_text("utf-8").split("\n")
            from_whoosh = [f"{word}\t{count}" for word, count in vocabulary_counts(leaf, SPELLING_FIELD)]
            assert written[:-1] == from_whoosh and len(from_whoosh) > 500
