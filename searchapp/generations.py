"""An index folder's generations: build beside the live index, swap in atomically.

An index folder holds generations (`gen-*`) and a `CURRENT` file naming the live one. A
reindex builds a new generation beside the live one and replaces `CURRENT` atomically only
once the build is complete. Readers never see a half-built index, and an interrupted build
changes nothing. The previous generation is kept one more round, so a reader that has just
read `CURRENT` can still open what it named. Nothing here knows which engine writes the
files.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CURRENT_FILE = "CURRENT"
LOCK_FILE = ".reindex.lock"
_GENERATION_PREFIX = "gen-"
_BUILDING_PREFIX = ".building-"


class IndexMissing(RuntimeError):
    """There is no complete index at the location; the message says how to build one."""


class IndexBusy(RuntimeError):
    """Another reindex holds the lock on this index folder."""


@contextmanager
def reindex_lock(index_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock so two reindexes cannot race to swap the same folder.

    An flock is released by the kernel if the process dies, so no stale lock survives;
    builds a killed reindex left behind are removed once the lock is held.
    """
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / LOCK_FILE, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IndexBusy(f"another reindex is running on {index_dir}") from None
        _remove_abandoned_builds(index_dir)
        yield


@contextmanager
def new_generation(index_dir: Path) -> Iterator[Path]:
    """Yield an empty folder to build in; make it live when the block completes.

    If the block raises, the folder is removed and the live index is untouched. If the
    process is killed, the folder is left behind and removed by the next build. Callers
    hold `reindex_lock`.
    """
    building = index_dir / f"{_BUILDING_PREFIX}{uuid.uuid4().hex[:12]}"
    building.mkdir(parents=True)
    try:
        yield building
        # A sequence number first, so names sort in build order even within one second.
        sequence = 1 + max((_sequence(name) for name in _generations(index_dir)), default=0)
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
        generation = f"{_GENERATION_PREFIX}{sequence:06d}-{stamp}"
        os.rename(building, index_dir / generation)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    _point_current_at(index_dir, generation)
    _remove_old_generations(index_dir, keep={generation, *_previous(index_dir, generation)})


def current_generation(index_dir: Path) -> Path:
    """The live generation's folder, or IndexMissing with the command that builds one."""
    try:
        name = (index_dir / CURRENT_FILE).read_text().strip()
    except FileNotFoundError:
        raise IndexMissing(
            f"no index at {index_dir}: build one with `searchapp reindex --index {index_dir}`"
        ) from None
    if not name or not (index_dir / name).is_dir():
        raise IndexMissing(f"index at {index_dir} names a missing generation {name!r}")
    return index_dir / name


def _point_current_at(index_dir: Path, generation: str) -> None:
    tmp = index_dir / f"{CURRENT_FILE}.{uuid.uuid4().hex[:8]}.tmp"
    tmp.write_text(generation + "\n")
    os.replace(tmp, index_dir / CURRENT_FILE)  # atomic: readers see old or new, never half


def _sequence(name: str) -> int:
    number = name.removeprefix(_GENERATION_PREFIX).split("-")[0]
    return int(number) if len(number) == 6 and number.isdigit() else 0  # older names: 0


def _generations(index_dir: Path) -> list[str]:
    """Generation names, oldest first."""
    names = (p.name for p in index_dir.glob(f"{_GENERATION_PREFIX}*") if p.is_dir())
    return sorted(names, key=lambda name: (_sequence(name), name))


def _previous(index_dir: Path, generation: str) -> list[str]:
    names = _generations(index_dir)
    return names[max(0, names.index(generation) - 1) : names.index(generation)]


def _remove_old_generations(index_dir: Path, keep: set[str]) -> None:
    for name in _generations(index_dir):
        if name not in keep:
            shutil.rmtree(index_dir / name, ignore_errors=True)


def _remove_abandoned_builds(index_dir: Path) -> None:
    """Builds left by a killed reindex; safe to delete because the caller holds the lock."""
    for path in index_dir.glob(f"{_BUILDING_PREFIX}*"):
        shutil.rmtree(path, ignore_errors=True)
