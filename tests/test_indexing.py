"""Reindexing swaps a complete index in; anything less leaves the old one serving."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from conftest import SEEDS, start_cli

from searchapp import create_app
from searchapp.engine import ParagraphIndex
from searchapp.generations import IndexBusy, current_generation, reindex_lock
from searchapp.indexing import EmptyCorpus, reindex


def total(client, q: str = "") -> int:
    return client.get("/api/search", query_string={"q": q}).get_json()["total"]


@pytest.fixture
def live(tmp_path: Path):
    index_dir = tmp_path / "index"
    reindex(SEEDS, index_dir)
    return index_dir, create_app({"INDEX_DIR": str(index_dir)}).test_client()


def test_a_reindex_is_picked_up_by_the_running_app(live, corpus: Path):
    index_dir, client = live
    assert total(client, "zeppelin") == 0
    (corpus / "new.txt").write_text(
        "A zeppelin landed on the station, Newsweek has asked NASA for comment."
    )
    before = current_generation(index_dir)
    report = reindex(corpus, index_dir)
    assert report.articles == 6 and current_generation(index_dir) != before
    assert total(client, "zeppelin") == 1


def test_a_failed_reindex_leaves_the_previous_index_serving(live, corpus: Path, monkeypatch):
    index_dir, client = live
    before, paragraphs = current_generation(index_dir), total(client)
    from searchapp import parallel

    calls = []

    def failing(article):
        calls.append(article.id)
        if len(calls) == 3:
            raise RuntimeError("disk on fire")
        return original(article)

    original = parallel.paragraph_docs
    monkeypatch.setattr(parallel, "paragraph_docs", failing)
    with pytest.raises(RuntimeError, match="disk on fire"):
        reindex(corpus, index_dir, full=True)
    assert current_generation(index_dir) == before
    assert total(client) == paragraphs
    assert not list(index_dir.glob(".building-*"))


def write_articles(folder: Path, count: int, filler: str = "") -> Path:
    folder.mkdir()
    for number in range(count):
        (folder / f"a{number:04}.txt").write_text(
            f"Paragraph one of article {number} about sanctions.{filler}\n\n"
            f'"We will continue," Jane Doe said of plan {number}.\n\nA third paragraph here.'
        )
    return folder


def start_reindex(source: Path, index_dir: Path, **popen: object) -> subprocess.Popen:
    return start_cli("reindex", "--source", str(source), "--index", str(index_dir), **popen)


def test_a_killed_reindex_leaves_the_previous_index_serving(live, tmp_path: Path):
    index_dir, client = live
    before, paragraphs = current_generation(index_dir), total(client)
    big = write_articles(tmp_path / "big", 3000)
    process = start_reindex(big, index_dir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not any(index_dir.glob(".building-*/*")) and time.monotonic() < deadline:
        time.sleep(0.05)  # wait until the new generation is being written
    assert process.poll() is None, "reindex finished before it could be interrupted"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert current_generation(index_dir) == before
    assert total(client) == paragraphs
    # The next reindex is not blocked by the dead one and clears its leftovers.
    reindex(SEEDS, index_dir)
    assert not list(index_dir.glob(".building-*"))


def children(pid: int) -> list[int]:
    """Child processes of `pid`, read from Linux's /proc."""
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def workers_of(pid: int) -> list[int]:
    """The reindex's worker processes: its children that multiprocessing spawned (the
    other child is multiprocessing's resource tracker)."""
    found = []
    for child in children(pid):
        try:
            if b"--multiprocessing-fork" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.append(child)
        except OSError:
            pass
    return found


def descendants(pid: int) -> set[int]:
    return {d for child in children(pid) for d in {child, *descendants(child)}}


def running(pid: int) -> bool:
    """Still running: a dead child nobody reaped yet (a zombie) holds no memory or files."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


needs_workers = pytest.mark.skipif(
    (os.cpu_count() or 1) < 2 or not Path("/proc/self/task").is_dir(),
    reason="needs reindex worker processes (two cores) and Linux's /proc",
)


def start_reindex_with_workers(tmp_path: Path, index_dir: Path, **popen: object):
    """A CLI reindex of over a megabyte of articles (enough for worker processes), once
    its workers are writing the new generation; with every process it started."""
    big = write_articles(tmp_path / "big", 3000, filler=" More words." * 30)
    process = start_reindex(big, index_dir, **popen)
    started: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        started |= descendants(process.pid)
        every_worker = len(workers_of(process.pid)) == os.cpu_count()
        if every_worker and any(index_dir.glob(".building-*/*")):
            break
        time.sleep(0.01)
    assert process.poll() is None, "reindex finished before it could be interrupted"
    assert workers_of(process.pid)
    return process, started


def wait_gone(pids: set[int], seconds: float = 10) -> set[int]:
    deadline = time.monotonic() + seconds
    while (left := {pid for pid in pids if running(pid)}) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


@needs_workers
def test_killing_a_reindex_kills_every_process_it_started(live, tmp_path: Path):
    index_dir, client = live
    before, paragraphs = current_generation(index_dir), total(client)
    process, started = start_reindex_with_workers(
        tmp_path, index_dir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    left = wait_gone(started)
    for pid in left:  # do not leave them to the next test
        os.kill(pid, signal.SIGKILL)
    assert not left, f"{len(left)} of {len(started)} processes outlived the killed reindex"
    assert current_generation(index_dir) == before and total(client) == paragraphs


@needs_workers
def test_sigterm_stops_a_reindex_cleanly(live, tmp_path: Path):
    index_dir, client = live
    before, paragraphs = current_generation(index_dir), total(client)
    process, started = start_reindex_with_workers(
        tmp_path, index_dir, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    process.terminate()
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM
    assert err.strip().splitlines()[-1] == (
        "Stopped by SIGTERM: the previous index is still serving."
    )
    assert "Traceback" not in err
    assert not wait_gone(started)
    assert not list(index_dir.glob(".building-*"))  # cleaned up on the way out
    assert current_generation(index_dir) == before and total(client) == paragraphs


@needs_workers
def test_a_dead_worker_fails_the_reindex_clearly_and_the_old_index_serves(live, tmp_path: Path):
    index_dir, client = live
    before, paragraphs = current_generation(index_dir), total(client)
    # Over a megabyte of articles: enough for the reindex to start worker processes.
    big = write_articles(tmp_path / "big", 3000, filler=" More words." * 30)
    process = start_reindex(
        big, index_dir, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while not workers and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
        workers = workers_of(process.pid)
    assert process.poll() is None, "reindex finished before a worker could be killed"
    os.kill(workers[0], signal.SIGKILL)
    _out, err = process.communicate(timeout=120)
    assert process.returncode == 1
    assert "Error: a reindex worker died (exit code -9)" in err
    assert "The previous index is still serving." in err
    assert "Traceback" not in err
    assert current_generation(index_dir) == before
    assert total(client) == paragraphs


def test_two_reindexes_cannot_run_at_once(tmp_path: Path):
    with reindex_lock(tmp_path), pytest.raises(IndexBusy):
        reindex(SEEDS, tmp_path)


def test_an_empty_corpus_does_not_replace_a_working_index(live, tmp_path: Path):
    index_dir, client = live
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "blank.txt").write_text("")
    with pytest.raises(EmptyCorpus) as raised:
        reindex(empty, index_dir)
    assert raised.value.report.skipped[0].reason == "empty file"
    assert total(client) == 70


def test_one_person_is_one_speaker_across_articles(tmp_path: Path):
    """An article that only says "Rogozin", or spells "Dmitriy", joins the full name."""
    source = tmp_path / "articles"
    source.mkdir()
    (source / "a.txt").write_text(
        "Roscosmos chief Dmitry Rogozin said the station could fall.\n", encoding="utf-8"
    )
    (source / "b.txt").write_text(
        "“Let them fly on broomsticks,” Rogozin wrote on Saturday.\n", encoding="utf-8"
    )
    (source / "c.txt").write_text(
        "Dmitriy Rogozin said that the sanctions must be lifted first.\n", encoding="utf-8"
    )
    reindex(source, tmp_path / "index")
    searcher = ParagraphIndex.open(tmp_path / "index").searcher()
    try:
        tagged = {doc.article_id: doc for doc in searcher.iter_all()}
    finally:
        searcher.close()
    assert {doc.speakers for doc in tagged.values()} == {("Dmitry Rogozin",)}
    assert tagged["b"].quotes[0].speaker == "Dmitry Rogozin"
