"""Reindex: corpus folder → paragraph documents → a new live index, with a report.

A reindex compares the source files with the manifest of the live generation (content
hashes) and re-extracts only the articles of files that were added or changed; paragraphs
of changed and deleted files are deleted. Either way the result is a new generation,
swapped in atomically, so readers never see a half-updated index. Kept apart from the
CLI so tests and the `serve` bootstrap build indexes the same way.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from searchapp import engine
from searchapp.corpus import (
    JSONL_SUFFIX,
    Article,
    CorpusReport,
    SkippedSource,
    corpus_files,
    duplicate,
    read_file,
)
from searchapp.extract.corpus_names import unify_names
from searchapp.generations import IndexMissing, current_generation, new_generation, reindex_lock
from searchapp.manifest import FileRecord, Manifest, content_hash, pipeline_fingerprint
from searchapp.parallel import extract_and_write

# Below this much text to extract, worker processes cost more to start than they save.
PARALLEL_BYTES = 1_000_000


@dataclass
class ReindexReport:
    articles: int = 0
    paragraphs: int = 0
    corpus: CorpusReport = field(default_factory=CorpusReport)
    incremental: bool = False
    extracted: int = 0  # articles extracted in this run (all of them unless incremental)
    removed_files: int = 0
    changed_files: int = 0  # added or changed
    renamed: int = 0  # paragraphs rewritten because a corpus-wide speaker name changed

    @property
    def files(self) -> int:
        return self.corpus.files

    @property
    def skipped(self) -> list[SkippedSource]:
        return self.corpus.skipped


@dataclass
class _Source:
    label: str
    path: Path
    size: int
    hash: str  # "unreadable" when it could not be read (read_file will say why)


def reindex(
    source: Path,
    index_dir: Path,
    on_progress: Callable[[int, int], None] | None = None,
    full: bool = False,
    procs: int | None = None,
) -> ReindexReport:
    """Bring the index in line with `source` and swap the result in as the live index.

    Only added and changed files are extracted, unless `full` or the live index was built
    by other code. Broken files are skipped and listed in the report. If this raises (or
    the process is killed), the previous index stays live. An empty corpus is refused
    rather than replacing a working index with nothing. `on_progress(done, total)` counts
    articles extracted.
    """
    report = ReindexReport()
    with reindex_lock(index_dir):
        previous, manifest, old_names = _previous_build(index_dir, full)
        sources = _scan(source, report)
        plan = _Plan(sources, manifest)
        report.incremental = manifest is not None
        report.changed_files, report.removed_files = len(plan.changed), len(plan.removed)
        if manifest and not plan.reprocess and not plan.removed:
            return _unchanged(report, manifest)  # the live generation is already this corpus
        progress = _Progress(on_progress, plan.articles_to_extract())
        with new_generation(index_dir) as folder:
            if previous and manifest:
                engine.link_generation(previous, folder)
            else:
                engine.create_generation(folder)
            procs = procs or _worth_workers(plan)
            written = extract_and_write(folder, plan.articles(), old_names, procs, progress.advance)
            engine.commit_segments(folder, written.segments, plan.deleted_articles())
            new_manifest = plan.manifest(written.articles)
            report.corpus.skipped = plan.skipped()
            if not any(record.indexed for record in new_manifest.files.values()):
                raise EmptyCorpus(source, report)
            names = unify_names(new_manifest.name_counts())
            report.renamed = engine.rename_speakers(folder, old_names, names)
            report.paragraphs = engine.finish_generation(folder, names)
            new_manifest.save(folder)
        report.articles = sum(len(r.indexed) for r in new_manifest.files.values())
        report.extracted = len(written.articles)
    return report


def _unchanged(report: ReindexReport, manifest: Manifest) -> ReindexReport:
    records = [manifest.files[label] for label in sorted(manifest.files)]
    report.articles = sum(len(record.indexed) for record in records)
    report.paragraphs = sum(record.paragraphs for record in records)
    report.corpus.skipped = [SkippedSource(*pair) for r in records for pair in r.skipped]
    return report


class EmptyCorpus(RuntimeError):
    """No article could be read; the live index is kept."""

    def __init__(self, source: Path, report: ReindexReport) -> None:
        super().__init__(f"no readable articles in {source}; the existing index was kept")
        self.report = report


class _Plan:
    """Which files to read again, which articles to extract and which to delete."""

    def __init__(self, sources: dict[str, _Source], previous: Manifest | None) -> None:
        self.sources = sources
        self.previous = previous.files if previous else {}
        self.removed = sorted(set(self.previous) - set(sources))
        self.changed = [
            label
            for label, src in sources.items()
            if label not in self.previous or self.previous[label].hash != src.hash
        ]
        self._read: dict[str, tuple[list[Article], list[SkippedSource]]] = {}
        self.records: dict[str, FileRecord] = {}
        self.reprocess = set(self.changed)
        if previous:
            # An unchanged file sharing an article id with a changed or removed one is read
            # again: which of the two is the duplicate may have changed.
            touched = {i for label in self.removed for i in self.previous[label].ids}
            for label in self.changed:
                touched.update(self.previous[label].ids if label in self.previous else ())
                touched.update(article.id for article in self._articles_of(label))
            self.reprocess |= {
                label
                for label in sources
                if label in self.previous and touched.intersection(self.previous[label].ids)
            }

    def articles_to_extract(self) -> int:
        if not self.previous:
            return sum(_count_articles(src) for src in self.sources.values())
        return sum(len(self._articles_of(label)) for label in self.reprocess)

    def articles(self) -> Iterator[Article]:
        """The articles to extract, in file order, duplicates of earlier ids skipped."""
        seen: dict[str, str] = {}
        for label in sorted(self.sources):
            if label not in self.reprocess:
                record = self.records[label] = self.previous[label]
                seen.update((article_id, label) for article_id in record.indexed)
                continue
            articles, skipped = self._articles_of(label), self._skipped_of(label)
            record = self.records[label] = FileRecord(
                hash=self.sources[label].hash,
                ids=[article.id for article in articles],
                skipped=[(s.source, s.reason) for s in skipped],
            )
            for article in articles:
                if article.id in seen:
                    dup = duplicate(article.id, label, seen[article.id])
                    record.skipped.append((dup.source, dup.reason))
                    continue
                seen[article.id] = label
                record.indexed.append(article.id)
                yield article
            self._read.pop(label, None)  # extracted: the text is no longer needed

    def deleted_articles(self) -> list[str]:
        gone = [*self.removed, *(label for label in self.reprocess if label in self.previous)]
        return [article_id for label in gone for article_id in self.previous[label].indexed]

    def manifest(self, extracted: dict) -> Manifest:
        for label in self.reprocess:
            record = self.records[label]
            names: Counter[str] = Counter()
            for article_id in record.indexed:
                names.update(extracted[article_id].names)
                record.paragraphs += extracted[article_id].paragraphs
            record.names = dict(names)
        return Manifest(pipeline_fingerprint(), dict(sorted(self.records.items())))

    def skipped(self) -> list[SkippedSource]:
        """Everything not indexed, in file order; call once `articles()` is consumed."""
        return [
            SkippedSource(*pair)
            for label in sorted(self.records)
            for pair in self.records[label].skipped
        ]

    def _articles_of(self, label: str) -> list[Article]:
        return self._load(label)[0]

    def _skipped_of(self, label: str) -> list[SkippedSource]:
        return self._load(label)[1]

    def _load(self, label: str) -> tuple[list[Article], list[SkippedSource]]:
        if label not in self._read:
            self._read[label] = read_file(self.sources[label].path, label)
        return self._read[label]


def _scan(source: Path, report: ReindexReport) -> dict[str, _Source]:
    sources = {}
    for path in corpus_files(source):
        report.corpus.files += 1
        label = str(path.relative_to(source))
        try:
            raw = path.read_bytes()  # hashed, not kept: a million paragraphs are 300 MB
        except OSError:
            raw = b""
        sources[label] = _Source(label, path, len(raw), content_hash(raw) if raw else "unreadable")
    return sources


def _previous_build(
    index_dir: Path, full: bool
) -> tuple[Path | None, Manifest | None, dict[str, str]]:
    """The live generation, its manifest and speaker names, when a reindex can build on
    them: not asked for `full`, and written by this code in this format."""
    try:
        previous = None if full else current_generation(index_dir)
    except IndexMissing:
        previous = None
    names = engine.generation_names(previous) if previous else None
    manifest = Manifest.load(previous) if previous and names is not None else None
    return previous, manifest, names if manifest and names is not None else {}


def _worth_workers(plan: _Plan) -> int:
    """All cores when there is enough to extract to repay starting worker processes."""
    work = sum(plan.sources[label].size for label in plan.reprocess)
    return (os.cpu_count() or 1) if work > PARALLEL_BYTES else 1


def _count_articles(src: _Source) -> int:
    """Articles to expect, for the progress bar: one per text file, one per JSON line."""
    if src.path.suffix.lower() != JSONL_SUFFIX:
        return 1
    try:
        return sum(1 for line in src.path.read_bytes().splitlines() if line.strip())
    except OSError:
        return 0


class _Progress:
    def __init__(self, callback: Callable[[int, int], None] | None, total: int) -> None:
        self.callback, self.total, self.done = callback, total, 0
        if callback:
            callback(0, total)

    def advance(self, articles: int) -> None:
        self.done += articles
        if self.callback:
            self.callback(self.done, max(self.total, self.done))
