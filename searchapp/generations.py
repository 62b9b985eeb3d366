"""An index folder's generations: build beside the live index, swap in atomically.

An index folder holds generations (`gen-*`) and a `CURRENT` file naming the live one. A
reindex builds a new generation beside the live one and replaces `CURRENT` atomically only
once the build is complete. Readers never see a half-built index, and an interrupted build
changes nothing. The previous generation is kept one more round, so a reader that has just
read `CURRENT` can still open what it named.

What is kept is decided from what `CURRENT` names, never from which generation is newest:
a reindex killed after naming its generation but before swapping `CURRENT` leaves a
generation that was never live, and keeping that one as "previous" would delete the live
one. Readers hold a shared flock on their generation's `readers.lock` for as long as they
read (an export, a server's pooled searchers); a generation is removed only once its lock
can be taken exclusively, else a later reindex removes it. Nothing here knows which engine
writes the files.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

CURRENT_FILE = "CURRENT"
LOCK_FILE = ".reindex.lock"
READERS_FILE = "readers.lock"  # readers hold a shared flock on it: see the module docstring
_GENERATION_PREFIX = "gen-"
_BUILDING_PREFIX = ".building-"
_REMOVING_PREFIX = ".removing-"


class IndexMissing(RuntimeError):
    """There is no complete index at the location; the message says how to build one."""


class IndexBusy(RuntimeError):
    """Another reindex holds the lock on this index folder."""


class GenerationGone(IndexMissing):
    """The generation was removed before a reader could hold it; read `CURRENT` again."""


@contextmanager
def reindex_lock(index_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock so two reindexes cannot race to swap the same folder.

    An flock is released by the kernel if the process dies, so no stale lock survives;
    what a killed reindex left behind is removed once the lock is held (`tidy`).
    """
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / LOCK_FILE, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IndexBusy(f"another reindex is running on {index_dir}") from None
        _tidy(index_dir)
        yield


def tidy(index_dir: Path) -> bool:
    """Remove what killed reindexes left behind, unless a reindex is running (whose build
    must not be touched) or the folder cannot be written; False when it was skipped.

    For `serve`, which should start clean but never wait for, or fail on, housekeeping.
    """
    try:
        with reindex_lock(index_dir):
            return True
    except (IndexBusy, OSError):
        return False


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
        (building / READERS_FILE).touch()
        live = _live_name(index_dir)
        # A sequence number first, so names sort in build order even within one second.
        sequence = 1 + max((_sequence(name) for name in _generations(index_dir)), default=0)
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
        generation = f"{_GENERATION_PREFIX}{sequence:06d}-{stamp}"
        os.rename(building, index_dir / generation)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    try:
        _point_current_at(index_dir, generation)
    except BaseException:
        if _live_name(index_dir) != generation:  # never live: nobody can be reading it
            shutil.rmtree(index_dir / generation, ignore_errors=True)
        raise
    _remove_generations(index_dir, keep={generation, live})


def hold_for_reading(generation: Path) -> BinaryIO | None:
    """A shared lock on `generation`, held until the returned file is closed, so that no
    reindex removes the files under a reader; GenerationGone if it was removed already.
    None for a generation written before these locks: read it unprotected, as before."""
    readers = generation / READERS_FILE
    try:
        handle = open(readers, "rb")  # noqa: SIM115 (the caller closes it to let go)
    except FileNotFoundError:
        if generation.is_dir():
            return None
        raise GenerationGone(f"generation {generation} was removed") from None
    fcntl.flock(handle, fcntl.LOCK_SH)  # needs no write access: read-only folders work
    try:
        still_there = os.stat(readers).st_ino == os.fstat(handle.fileno()).st_ino
    except FileNotFoundError:
        still_there = False
    if not still_there:  # removed while this waited for the lock
        handle.close()
        raise GenerationGone(f"generation {generation} was removed")
    return handle


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


def _live_name(index_dir: Path) -> str | None:
    try:
        return (index_dir / CURRENT_FILE).read_text().strip() or None
    except FileNotFoundError:
        return None


def _point_current_at(index_dir: Path, generation: str) -> None:
    tmp = index_dir / f"{CURRENT_FILE}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        tmp.write_text(generation + "\n")
        os.replace(tmp, index_dir / CURRENT_FILE)  # atomic: readers see old or new, never half
    finally:
        tmp.unlink(missing_ok=True)


def _sequence(name: str) -> int:
    number = name.removeprefix(_GENERATION_PREFIX).split("-")[0]
    return int(number) if len(number) == 6 and number.isdigit() else 0  # older names: 0


def _generations(index_dir: Path) -> list[str]:
    """Generation names, oldest first."""
    names = (p.name for p in index_dir.glob(f"{_GENERATION_PREFIX}*") if p.is_dir())
    return sorted(names, key=lambda name: (_sequence(name), name))


def _remove_generations(index_dir: Path, keep: set[str | None]) -> None:
    for name in _generations(index_dir):
        if name not in keep:
            _remove_unread(index_dir, name)


def _remove_unread(index_dir: Path, name: str) -> None:
    """Remove a generation unless a reader holds it; a later reindex tries again. Errors
    are ignored: this is housekeeping, and the next reindex retries it."""
    generation = index_dir / name
    # Renamed away first, so a reader finds the whole generation or none of it.
    doomed = index_dir / f"{_REMOVING_PREFIX}{uuid.uuid4().hex[:12]}"
    try:
        with open(generation / READERS_FILE, "rb") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return
            os.rename(generation, doomed)
    except FileNotFoundError:  # written before reader locks: nobody can be holding it
        with suppress(OSError):
            os.rename(generation, doomed)
    except OSError:
        return
    shutil.rmtree(doomed, ignore_errors=True)


def _tidy(index_dir: Path) -> None:
    """Remove what killed reindexes left: builds, temporary `CURRENT` files, generations
    that were never live (newer than `CURRENT`'s) and those older than the one before it.
    Safe only under the reindex lock, which keeps any build in progress ours."""
    for pattern in (f"{_BUILDING_PREFIX}*", f"{_REMOVING_PREFIX}*"):
        for path in index_dir.glob(pattern):
            shutil.rmtree(path, ignore_errors=True)
    for path in index_dir.glob(f"{CURRENT_FILE}.*.tmp"):
        path.unlink(missing_ok=True)
    live = _live_name(index_dir)
    if live is None:
        _remove_generations(index_dir, keep=set())  # nothing was ever live
        return
    key = (_sequence(live), live)
    older = [name for name in _generations(index_dir) if (_sequence(name), name) < key]
    _remove_generations(index_dir, keep={live, *older[-1:]})
