"""Generations after any kill, readers that keep theirs, and clear errors: a reindex killed
at any step of the swap leaves the live index live, the next one cleans up after it, and a
reader finishes what it started however many reindexes run meanwhile."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import REPO, SEEDS

from searchapp.cli import main
from searchapp.engine import ParagraphIndex
from searchapp.generations import (
    GenerationGone,
    current_generation,
    reindex_lock,
    tidy,
)
from searchapp.indexing import reindex

# Where a kill can land in a reindex's swap: (the call to intercept, before or after it).
KILL_POINTS = {
    "before the build is named": ("rename", "before"),
    "after the build is named, before CURRENT": ("rename", "after"),
    "with CURRENT's new copy written, not swapped": ("replace", "before"),
    "after CURRENT is swapped, before old generations go": ("replace", "after"),
    "half way through removing an old generation": ("rmtree", "before"),
}

# Run in a child process that dies with os._exit at the chosen point: no `except` or
# `finally` runs, as with SIGKILL or a power cut.
KILLED_REINDEX = """
import os, shutil, sys
from pathlib import Path
from searchapp.indexing import reindex

call, when, source, index_dir = sys.argv[1:]
real = {"rename": os.rename, "replace": os.replace, "rmtree": shutil.rmtree}[call]

def ours(*args, **kwargs):
    name = Path(args[0]).name if call != "replace" else Path(args[1]).name
    return name.startswith((".building-", ".removing-")) or name == "CURRENT"

def dying(*args, **kwargs):
    if not ours(*args):
        return real(*args, **kwargs)
    if when == "before":
        os._exit(9)
    real(*args, **kwargs)
    os._exit(9)

setattr(shutil if call == "rmtree" else os, call, dying)
reindex(Path(source), Path(index_dir), procs=1)
"""


def generations(index_dir: Path) -> list[str]:
    return sorted(path.name for path in index_dir.glob("gen-*"))


def leftovers(index_dir: Path) -> list[str]:
    patterns = (".building-*", ".removing-*", "CURRENT.*.tmp")
    return [path.name for pattern in patterns for path in index_dir.glob(pattern)]


def paragraphs(index_dir: Path) -> list[dict]:
    searcher = ParagraphIndex.open(index_dir).searcher()
    try:
        return [doc.to_json() for doc in searcher.iter_all()]
    finally:
        searcher.close()


def add_article(corpus: Path, name: str) -> None:
    (corpus / f"{name}.txt").write_text(f"A {name} landed on the station, NASA said.\n")


@pytest.mark.parametrize("point", KILL_POINTS)
def test_a_kill_at_any_step_of_the_swap_keeps_the_live_generation(
    point: str, corpus: Path, tmp_path: Path
):
    index_dir = tmp_path / "index"
    reindex(corpus, index_dir)
    add_article(corpus, "zeppelin")
    reindex(corpus, index_dir)  # two generations: the live one and its predecessor
    live = current_generation(index_dir).name
    served = paragraphs(index_dir)

    add_article(corpus, "balloon")
    call, when = KILL_POINTS[point]
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_REINDEX, call, when, str(corpus), str(index_dir)],
        cwd=REPO,
        timeout=120,
    )
    assert killed.returncode == 9, f"the reindex was not killed {point}"
    after_kill = current_generation(index_dir).name
    assert live in generations(index_dir), "the live generation was deleted"
    if after_kill == live:
        assert paragraphs(index_dir) == served
    else:  # killed once the swap was done: the new generation is complete
        assert "balloon" in {doc["article_id"] for doc in paragraphs(index_dir)}

    add_article(corpus, "kite")
    reindex(corpus, index_dir)
    now = current_generation(index_dir).name
    assert generations(index_dir) == sorted({now, after_kill})  # live and the one before
    assert leftovers(index_dir) == []
    assert {doc["article_id"] for doc in paragraphs(index_dir)} >= {"zeppelin", "kite"}


def test_a_reader_keeps_its_generation_through_three_reindexes(corpus: Path, tmp_path: Path):
    index_dir = tmp_path / "index"
    reindex(corpus, index_dir)
    expected = paragraphs(index_dir)
    opened = current_generation(index_dir)

    searcher = ParagraphIndex.open(index_dir).searcher()  # as `searchapp export` does
    try:
        docs = searcher.iter_all()
        read = [next(docs).to_json() for _ in range(10)]
        for name in ("zeppelin", "balloon", "kite"):
            add_article(corpus, name)
            reindex(corpus, index_dir)
        assert current_generation(index_dir) != opened and opened.is_dir()
        read += [doc.to_json() for doc in docs]
    finally:
        searcher.close()
    assert read == expected

    del searcher, docs  # the last reference to the reader's generation
    add_article(corpus, "glider")
    reindex(corpus, index_dir)
    assert not opened.exists()  # removed by the first reindex after the reader let go
    assert len(generations(index_dir)) == 2


def test_a_reader_of_a_removed_generation_is_told_so(tmp_path: Path):
    index_dir = tmp_path / "index"
    reindex(SEEDS, index_dir)
    with pytest.raises(GenerationGone):
        ParagraphIndex(index_dir, index_dir / "gen-000099-20260101T000000")


def test_serve_start_tidies_only_when_no_reindex_is_running(tmp_path: Path):
    index_dir = tmp_path / "index"
    reindex(SEEDS, index_dir)
    (index_dir / ".building-abc").mkdir()
    (index_dir / "CURRENT.1234.tmp").write_text("gen-000005-x\n")
    with reindex_lock(index_dir):
        (index_dir / ".building-def").mkdir()  # the running reindex's own build
        assert tidy(index_dir) is False
        assert (index_dir / ".building-def").is_dir()
    assert tidy(index_dir) is True
    assert leftovers(index_dir) == []
    assert paragraphs(index_dir)


def one_line_error(result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    return lines[0]


def test_a_read_only_index_folder_is_a_one_line_error(runner, tmp_path: Path, monkeypatch):
    index_dir = tmp_path / "index"
    reindex(SEEDS, index_dir)
    served = paragraphs(index_dir)
    from searchapp import generations

    def read_only(path, mode="r", *args, **kwargs):
        if "w" in mode:  # as on a read-only mount (root ignores chmod)
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return open(path, mode, *args, **kwargs)

    monkeypatch.setattr(generations, "open", read_only, raising=False)
    result = runner.invoke(main, ["reindex", "--source", str(SEEDS), "--index", str(index_dir)])
    assert one_line_error(result) == (
        f"Error: could not reindex: Permission denied: {index_dir / '.reindex.lock'}; "
        "the previous index is still serving."
    )
    assert paragraphs(index_dir) == served


def test_a_full_disk_is_a_one_line_error(runner, corpus: Path, tmp_path: Path, monkeypatch):
    index_dir = tmp_path / "index"
    reindex(corpus, index_dir)
    live, served = current_generation(index_dir), paragraphs(index_dir)
    from searchapp import engine

    def full(folder: Path, names: dict, previous: Path | None = None) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(folder / "searchapp.json"))

    monkeypatch.setattr(engine, "finish_generation", full)
    add_article(corpus, "zeppelin")
    result = runner.invoke(main, ["reindex", "--source", str(corpus), "--index", str(index_dir)])
    line = one_line_error(result)
    assert line.startswith("Error: could not reindex: No space left on device: ")
    assert line.endswith("; the previous index is still serving.")
    assert current_generation(index_dir) == live and paragraphs(index_dir) == served
    assert leftovers(index_dir) == []


# A worker that finds the disk full: patched at module level, so that the spawned workers,
# which import this script again, run the patch too.
FULL_DISK_IN_WORKERS = """
import errno, os, sys
from pathlib import Path
from searchapp.engine import writing

def full(self, *args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "segment")

writing.SegmentBuilder.add = full

if __name__ == "__main__":
    from searchapp.cli import main
    main()
"""


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs reindex worker processes")
def test_a_full_disk_in_a_worker_is_a_one_line_error(tmp_path: Path):
    index_dir = tmp_path / "index"
    reindex(SEEDS, index_dir)
    live = current_generation(index_dir)
    big = tmp_path / "big"
    big.mkdir()
    for number in range(600):  # over a megabyte: enough to start workers
        (big / f"a{number}.txt").write_text(f"Article {number}. " + "More words here. " * 120)
    script = tmp_path / "full_disk.py"
    script.write_text(textwrap.dedent(FULL_DISK_IN_WORKERS))
    done = subprocess.run(
        [sys.executable, str(script), "reindex", "--source", str(big), "--index", str(index_dir)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "Error: could not reindex: No space left on device: segment; "
        "the previous index is still serving."
    ]
    assert current_generation(index_dir) == live and leftovers(index_dir) == []


def test_an_unreadable_index_is_a_one_line_error(runner, seed_index: Path, monkeypatch):
    from searchapp.engine import reading

    def denied(generation: Path):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(generation))

    monkeypatch.setattr(reading, "hold_for_reading", denied)
    result = runner.invoke(main, ["export", "--index", str(seed_index)])
    assert one_line_error(result).startswith(
        f"Error: could not read the index in {seed_index}: [Errno 13] Permission denied"
    )
