"""An incremental reindex touches only what changed, and ends where a full one would."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SEEDS

from searchapp import manifest
from searchapp.cli import main
from searchapp.engine import ParagraphIndex
from searchapp.generations import current_generation
from searchapp.indexing import reindex
from searchapp.search import SearchRequest, search

BROOMSTICKS_FILE = "003_e10bdec7e090b6c9.txt"


def export(index_dir: Path) -> list[dict]:
    searcher = ParagraphIndex.open(index_dir).searcher()
    try:
        return sorted((doc.to_json() for doc in searcher.iter_all()), key=lambda d: d["id"])
    finally:
        searcher.close()


def hits(index_dir: Path, q: str) -> list[str]:
    searcher = ParagraphIndex.open(index_dir).searcher()
    try:
        result = search(searcher, SearchRequest(q=q, per_page=100))
        return [hit.doc.id for hit in result.hits]
    finally:
        searcher.close()


def assert_same_as_full(source: Path, index_dir: Path, tmp_path: Path) -> None:
    full = tmp_path / f"full-{len(list(tmp_path.iterdir()))}"
    reindex(source, full, full=True)
    assert export(index_dir) == export(full)


def test_only_the_changed_article_is_extracted(corpus: Path, tmp_path: Path, runner):
    index_dir = tmp_path / "index"
    first = reindex(corpus, index_dir)
    assert not first.incremental and first.extracted == 5
    changed = corpus / BROOMSTICKS_FILE
    changed.write_text(changed.read_text() + "\n\nA zeppelin was seen over Baikonur.\n")

    result = runner.invoke(main, ["reindex", "--source", str(corpus), "--index", str(index_dir)])
    assert result.exit_code == 0, result.output
    assert (
        "Only changes were read: 1 added or changed and 0 removed files, 1 articles extracted"
        in result.output
    )
    assert f"Indexed 5 articles, {first.paragraphs + 1} paragraphs" in result.output
    [zeppelin] = hits(index_dir, "zeppelin")
    assert zeppelin.startswith("003_e10bdec7e090b6c9:")
    assert len(hits(index_dir, "broomsticks")) == 1  # the article's old paragraphs are gone
    assert_same_as_full(corpus, index_dir, tmp_path)


def test_nothing_changed_extracts_nothing(corpus: Path, tmp_path: Path):
    index_dir = tmp_path / "index"
    reindex(corpus, index_dir)
    again = reindex(corpus, index_dir)
    assert again.incremental and again.extracted == 0 and again.articles == 5


def test_a_deleted_file_takes_its_paragraphs_along(corpus: Path, tmp_path: Path):
    index_dir = tmp_path / "index"
    reindex(corpus, index_dir)
    (corpus / BROOMSTICKS_FILE).unlink()
    report = reindex(corpus, index_dir)
    assert report.removed_files == 1 and report.extracted == 0 and report.articles == 4
    assert hits(index_dir, "broomsticks") == []
    assert_same_as_full(corpus, index_dir, tmp_path)


def test_the_previous_generation_keeps_serving_unchanged(corpus: Path, tmp_path: Path):
    """The new generation shares the old one's files on disk; it must not write into them."""
    index_dir = tmp_path / "index"
    reindex(corpus, index_dir)
    old = ParagraphIndex.open(index_dir)
    before = export(index_dir)
    (corpus / BROOMSTICKS_FILE).unlink()
    (corpus / "new.txt").write_text("A zeppelin landed, Rogozin said.\n")
    reindex(corpus, index_dir)
    assert current_generation(index_dir) != old.generation
    searcher = old.searcher()
    try:
        assert sorted((d.to_json() for d in searcher.iter_all()), key=lambda d: d["id"]) == before
    finally:
        searcher.close()


def test_names_follow_the_corpus_as_it_changes(tmp_path: Path):
    """Adding the article that names Rogozin in full renames him in an unchanged article;
    deleting it again gives the bare name back."""
    source = tmp_path / "articles"
    source.mkdir()
    (source / "b.txt").write_text("“Let them fly on broomsticks,” Rogozin wrote on Saturday.\n")
    index_dir = tmp_path / "index"
    reindex(source, index_dir)
    assert [d["speakers"] for d in export(index_dir)] == [["Rogozin"]]

    (source / "a.txt").write_text("Roscosmos chief Dmitry Rogozin said the station could fall.\n")
    report = reindex(source, index_dir)
    assert report.extracted == 1 and report.renamed == 1
    assert [d["speakers"] for d in export(index_dir)] == [["Dmitry Rogozin"]] * 2
    assert sorted(hits(index_dir, 'speaker:"dmitry rogozin"')) == ["a:0", "b:0"]
    assert_same_as_full(source, index_dir, tmp_path)

    (source / "a.txt").unlink()
    reindex(source, index_dir)
    assert [d["speakers"] for d in export(index_dir)] == [["Rogozin"]]
    assert hits(index_dir, "speaker:dmitry") == []
    assert_same_as_full(source, index_dir, tmp_path)


def test_a_duplicate_id_is_settled_as_a_full_reindex_would(tmp_path: Path):
    source = tmp_path / "articles"
    (source / "a").mkdir(parents=True)
    (source / "b").mkdir()
    (source / "a" / "x.txt").write_text("The first copy mentions zeppelins.\n")
    (source / "b" / "x.txt").write_text("The second copy mentions balloons.\n")
    index_dir = tmp_path / "index"
    first = reindex(source, index_dir)
    assert [s.reason for s in first.skipped] == [
        "duplicate article id 'x' (already read from a/x.txt)"
    ]
    assert hits(index_dir, "balloons") == []

    (source / "a" / "x.txt").unlink()
    second = reindex(source, index_dir)
    assert second.skipped == [] and hits(index_dir, "balloons") == ["x:0"]
    assert_same_as_full(source, index_dir, tmp_path)


def test_a_skipped_file_is_still_reported_when_unchanged(corpus: Path, tmp_path: Path):
    (corpus / "broken.txt").write_bytes(b"\xff\xfe not text")
    index_dir = tmp_path / "index"
    reindex(corpus, index_dir)
    again = reindex(corpus, index_dir)
    assert again.incremental and [s.source for s in again.skipped] == ["broken.txt"]


def test_other_extraction_code_means_a_full_reindex(corpus: Path, tmp_path: Path, monkeypatch):
    index_dir = tmp_path / "index"
    reindex(corpus, index_dir)
    monkeypatch.setattr(manifest, "pipeline_fingerprint", lambda: "other code")
    report = reindex(corpus, index_dir)
    assert not report.incremental and report.extracted == 5


def test_worker_processes_write_what_one_process_writes(tmp_path: Path):
    reindex(SEEDS, tmp_path / "one", procs=1)
    reindex(SEEDS, tmp_path / "two", procs=2)
    assert export(tmp_path / "two") == export(tmp_path / "one")
    manifest_file = current_generation(tmp_path / "two") / manifest.MANIFEST_FILE
    assert len(json.loads(manifest_file.read_text())["files"]) == 5
