"""Extraction and segment writing, spread over worker processes.

Extraction and Whoosh's analysis are both pure Python, so threads would share one core.
Each worker process takes batches of articles off a queue, extracts their paragraphs and
writes them into segments of its own; the parent only reads files and commits. A small
change is done in-process, where starting workers would cost more than it saves.

Workers are spawned (a fresh interpreter each, which imports the parent's main module
again: a script that calls `reindex()` needs the usual `if __name__ == "__main__":` guard;
the `searchapp` command has it). Not "fork", which is unsafe when the parent holds threads
(a progress bar, a web server), and not "forkserver", whose server and workers outlive a
killed parent: spawned workers are the parent's own children, so on Linux each asks the
kernel to kill it when the parent dies, SIGKILL included, and the resource tracker exits
once they are gone.
"""

from __future__ import annotations

import ctypes
import errno
import multiprocessing
import os
import queue
import signal
import sys
import threading
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from searchapp.corpus import Article
from searchapp.engine import SegmentBuilder
from searchapp.paragraphs import paragraph_docs

BATCH_PARAGRAPHS = 400  # per job: enough to amortise the queue, small for smooth progress
_POLL_SECONDS = 0.2
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


@dataclass(frozen=True)
class ArticleResult:
    paragraphs: int
    names: Counter[str]  # paragraphs per speaker name, as the article wrote it


@dataclass
class WriteResult:
    segments: list = field(default_factory=list)
    articles: dict[str, ArticleResult] = field(default_factory=dict)


class WorkerFailed(RuntimeError):
    """A worker process raised; the message carries its traceback."""


def extract_and_write(
    folder: Path,
    articles: Iterable[Article],
    names: Mapping[str, str],
    procs: int,
    on_articles: Callable[[int], None] | None = None,
) -> WriteResult:
    """Extract `articles` and write them into new segments of the generation in `folder`.

    Speakers are indexed under `names` (the previous corpus-wide names); the caller fixes
    up those that the new corpus renames. Segments are returned, not committed.
    """
    batches = _batches(articles)
    if procs <= 1:
        return _write(folder, names, batches, on_articles or (lambda _n: None))
    return _write_in_workers(folder, names, batches, procs, on_articles or (lambda _n: None))


def _write(
    folder: Path,
    names: Mapping[str, str],
    batches: Iterable[list[Article]],
    on_batch: Callable[[int], None],
) -> WriteResult:
    builder = SegmentBuilder(folder, names)
    result = WriteResult()
    try:
        for batch in batches:
            result.articles.update(_write_batch(builder, batch))
            on_batch(len(batch))
    except BaseException:
        builder.cancel()
        raise
    result.segments = builder.finish()
    return result


def _write_batch(builder: SegmentBuilder, batch: list[Article]) -> dict[str, ArticleResult]:
    done = {}
    for article in batch:
        docs = paragraph_docs(article)
        for doc in docs:
            builder.add(doc)
        names = Counter(name for doc in docs for name in doc.speakers)
        done[article.id] = ArticleResult(len(docs), names)
    return done


def _write_in_workers(
    folder: Path,
    names: Mapping[str, str],
    batches: Iterator[list[Article]],
    procs: int,
    on_articles: Callable[[int], None],
) -> WriteResult:
    context = multiprocessing.get_context("spawn")  # see the module docstring
    jobs = context.Queue(maxsize=procs * 2)
    results = context.Queue()
    args = (folder, dict(names), jobs, results, os.getpid())
    workers = [context.Process(target=_worker, args=args, daemon=True) for _ in range(procs)]
    result = WriteResult()
    finished = 0

    def receive(timeout: float) -> None:
        """Handle every message waiting, after waiting up to `timeout` for the first."""
        nonlocal finished
        try:
            message = results.get(timeout=timeout)
        except queue.Empty:
            _check_alive(workers)
            return
        while True:
            kind, payload = message
            if kind == "error":
                raise WorkerFailed(f"a reindex worker raised an error:\n{payload.rstrip()}")
            if kind == "oserror":  # a full disk, say: the parent reports it as its own
                raise OSError(*payload)
            if kind == "batch":
                result.articles.update(payload)
                on_articles(len(payload))
            else:
                result.segments.extend(payload)
                finished += 1
            try:
                message = results.get_nowait()
            except queue.Empty:
                return

    def send(job: list[Article] | None) -> None:
        """Queue a job, handling results while the queue is full."""
        while True:
            try:
                _put(jobs, job)
                return
            except queue.Full:
                receive(_POLL_SECONDS)

    try:
        with _sigterm_deferred():
            # A SIGTERM in the middle of start() cut the pickled worker short, and the
            # half-started worker printed "EOFError: Ran out of input" after our own
            # "Stopped by SIGTERM" line: it is taken once every worker has its arguments.
            for worker in workers:
                worker.start()
        for batch in batches:
            send(batch)
            receive(0)
        for _ in workers:
            send(None)
        while finished < procs:
            receive(_POLL_SECONDS)
    finally:
        started = [worker for worker in workers if worker.pid is not None]
        if finished < procs:  # failed: stop the others, and drop the jobs nobody will take
            jobs.cancel_join_thread()  # else exiting waits forever to flush them
            for worker in started:
                worker.terminate()
        for worker in started:
            worker.join()
    return result


def _put(jobs, item: object) -> None:
    """`jobs.put` with SIGTERM taken after it returns. The CLI turns SIGTERM into an
    exception; raised between `put` taking the queue's lock and entering its block, it
    left the lock held, and the exit, which takes that lock to close the queue, hung for
    good behind a feeder thread writing to workers that were gone."""
    with _sigterm_deferred():
        jobs.put(item, timeout=_POLL_SECONDS)


@contextmanager
def _sigterm_deferred() -> Iterator[None]:
    """A SIGTERM that arrives inside the block is taken when it ends. Masking the signal
    would not do: the kernel hands it to any thread that does not mask it (a progress
    bar's, a queue's feeder), and Python runs the handler in the main thread regardless.
    Only the main thread may set handlers; elsewhere the block changes nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    arrived: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda signum, _frame: arrived.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
        if arrived:
            signal.raise_signal(signal.SIGTERM)


def _check_alive(workers: list) -> None:
    """A worker killed from outside (out of memory, say) sends nothing: notice it."""
    crashed = [w for w in workers if w.exitcode not in (0, None)]
    if crashed:
        raise WorkerFailed(f"a reindex worker died (exit code {crashed[0].exitcode})")


def _worker(folder: Path, names: dict[str, str], jobs, results, parent: int) -> None:
    _die_with(parent)
    try:
        builder = SegmentBuilder(folder, names)
        while (batch := jobs.get()) is not None:
            results.put(("batch", _write_batch(builder, batch)))
        results.put(("segments", builder.finish()))
    except OSError as error:
        results.put(("oserror", (error.errno or errno.EIO, error.strerror, error.filename)))
    except BaseException:
        results.put(("error", traceback.format_exc()))


def _die_with(parent: int) -> None:
    """Be killed by the kernel when the parent dies, however it dies: a worker left behind
    blocks on its queue forever, holding memory and deleted files open. Linux only; the
    kernel watches the thread that started us, which joins us before it returns."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _batches(articles: Iterable[Article]) -> Iterator[list[Article]]:
    batch: list[Article] = []
    size = 0
    for article in articles:
        batch.append(article)
        size += len(article.paragraphs)
        if size >= BATCH_PARAGRAPHS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch
