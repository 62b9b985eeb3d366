"""Reindex: corpus folder → paragraph documents → a new live index, with a report.

A reindex compares the source files with the manifest of the live generation (content
hashes) and re-extracts only the articles of files that were added or changed; paragraphs
of changed and deleted files are deleted. Either way the result is a new generation,
swapped in atomically, so readers never see a half-updated index. Kept apart from the
CLI so tests and the `serve` bootstrap build indexes the same way.
"""

from __future__ import annotations

import errno
import os
import stat
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

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
# Reads of a file that keeps changing before it is reported and left for the next reindex.
READ_ATTEMPTS = 3
CHANGED_WHILE_READ = "changed while being read; the next reindex reads it again"
# Hashes no content has, so the next reindex always reads such a file again.
UNREADABLE = "unreadable"
UNSTABLE = "changed while read"


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
    hash: str | None  # of the bytes the scan read; UNREADABLE; None when not hashed
    stamp: tuple[int, ...] | None  # `_stamp` of the file when the scan saw it


@dataclass
class _Loaded:
    """One file as parsed, with the hash of exactly the bytes that were parsed."""

    articles: list[Article]
    skipped: list[SkippedSource]
    hash: str


class _Unstable(Exception):
    """The file changed while it was being read."""


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
        sources = _scan(source, report, hash_files=manifest is not None)
        refused = list(report.corpus.skipped)  # links, unreadable folders: not in any record
        plan = _Plan(sources, manifest)
        report.incremental = manifest is not None
        report.changed_files, report.removed_files = len(plan.changed), len(plan.removed)
        if manifest and not plan.reprocess and not plan.removed:
            return _unchanged(report, manifest, refused)  # the live generation is this corpus
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
            report.corpus.skipped = _in_file_order(refused, plan.skipped())
            if not any(record.indexed for record in new_manifest.files.values()):
                raise EmptyCorpus(source, report)
            articles = [record.names for record in new_manifest.files.values()]
            names = unify_names(new_manifest.name_counts(), articles)
            report.renamed = engine.rename_speakers(folder, old_names, names)
            linked = previous if previous and manifest else None
            report.paragraphs = engine.finish_generation(folder, names, linked)
            new_manifest.save(folder)
        report.articles = sum(len(r.indexed) for r in new_manifest.files.values())
        report.extracted = len(written.articles)
    return report


def _unchanged(
    report: ReindexReport, manifest: Manifest, refused: list[SkippedSource]
) -> ReindexReport:
    records = {label: manifest.files[label] for label in sorted(manifest.files)}
    report.articles = sum(len(record.indexed) for record in records.values())
    report.paragraphs = sum(record.paragraphs for record in records.values())
    skipped = [(label, SkippedSource(*pair)) for label, r in records.items() for pair in r.skipped]
    report.corpus.skipped = _in_file_order(refused, skipped)
    return report


def _in_file_order(
    refused: list[SkippedSource], skipped: list[tuple[str, SkippedSource]]
) -> list[SkippedSource]:
    """Files refused by the scan merged into the per-file list, by path, as a reader expects."""
    keyed = [*((s.source, s) for s in refused), *skipped]
    return [s for _, s in sorted(keyed, key=lambda pair: pair[0])]


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
        self._read: dict[str, _Loaded] = {}
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
            loaded = self._load(label)
            record = self.records[label] = FileRecord(
                hash=loaded.hash,  # what was parsed, whatever the scan saw
                ids=[article.id for article in loaded.articles],
                skipped=[(s.source, s.reason) for s in loaded.skipped],
            )
            articles = loaded.articles
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

    def skipped(self) -> list[tuple[str, SkippedSource]]:
        """Everything not indexed, by file, in file order; call once `articles()` is consumed."""
        return [
            (label, SkippedSource(*pair))
            for label in sorted(self.records)
            for pair in self.records[label].skipped
        ]

    def _articles_of(self, label: str) -> list[Article]:
        return self._load(label).articles

    def _load(self, label: str) -> _Loaded:
        if label not in self._read:
            self._read[label] = _load_file(self.sources[label])
        return self._read[label]


def _load_file(src: _Source) -> _Loaded:
    """Read and parse one file, once, and hash the very bytes that were parsed.

    The scan hashed the file earlier; if it has changed since, what is indexed is what is
    read now, and the manifest must say so, or a rewrite between scan and read would be
    recorded as already indexed and never read again. A read is trusted when the file's
    size, mtime and inode did not move during it, and its bytes are those the scan saw, or
    (the file having changed since) those of the previous attempt. A file that keeps
    changing is reported and recorded under a hash no content has: the next reindex reads
    it again.
    """
    previous = src.hash
    for _attempt in range(READ_ATTEMPTS):
        try:
            raw, stamp = read_snapshot(src.path)
        except _Unstable:
            previous = None
            continue
        except OSError as error:
            reason = f"cannot be read: {error.strerror or error}"
            return _Loaded([], [SkippedSource(src.label, reason)], UNREADABLE)
        digest = content_hash(raw)
        if digest == previous or (previous is None and stamp == src.stamp and src.hash is None):
            articles, skipped = read_file(src.path, src.label, raw)
            return _Loaded(articles, skipped, digest)
        previous = digest
        del raw  # one file's bytes at a time
    return _Loaded([], [SkippedSource(src.label, CHANGED_WHILE_READ)], UNSTABLE)


def read_snapshot(path: Path) -> tuple[bytes, tuple[int, ...]]:
    """The bytes of `path` and the `_stamp` they belong to; `_Unstable` if the file was
    written to or replaced while it was read. A link or a FIFO put in the file's place after
    the scan is refused, not followed or waited on."""
    with open(path, "rb", opener=_open_no_follow) as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        before = _stamp(info)
        raw = _read_all(handle)
        after = _stamp(os.fstat(handle.fileno()))
    now = _stamp(os.stat(path))  # a rename over the path leaves the open handle behind
    if before != after or after != now or len(raw) != after[0]:
        raise _Unstable
    return raw, after


def _open_no_follow(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))


def _read_all(handle: BinaryIO) -> bytes:
    return handle.read()


def _stamp(info: os.stat_result) -> tuple[int, ...]:
    return (info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev)


def _scan(source: Path, report: ReindexReport, hash_files: bool) -> dict[str, _Source]:
    """Every corpus file with its size and stamp, and its hash when a previous build is
    there to compare with (a full build hashes what it parses, and reads each file once)."""
    sources = {}
    for path in corpus_files(source, report.corpus):
        report.corpus.files += 1
        label = str(path.relative_to(source))
        digest: str | None = None
        try:
            if hash_files:
                raw, stamp = read_snapshot(path)  # hashed, not kept: a corpus can be 300 MB
                digest, size = content_hash(raw), len(raw)
                del raw
            else:
                stamp = _stamp(path.stat())
                size = stamp[0]
        except (OSError, _Unstable):
            digest, size, stamp = UNREADABLE, 0, None  # `_load_file` reads it again, or says why
        sources[label] = _Source(label, path, size, digest, stamp)
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
        return sum(1 for line in read_snapshot(src.path)[0].split(b"\n") if line.strip())
    except (OSError, _Unstable):
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
