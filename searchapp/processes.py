"""Work in a child process that dies with its parent, for the CPU-bound steps of a
reindex that can run beside another (Python runs one thread at a time).

Children are spawned, not forked (the parent may hold threads); each asks the kernel to
kill it when the parent dies, SIGKILL included, so a killed reindex leaves no process
behind (see parallel.py, whose workers do the same).
"""

from __future__ import annotations

import ctypes
import errno
import multiprocessing
import os
import queue
import signal
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
_POLL_SECONDS = 0.2


class ChildFailed(RuntimeError):
    """A child process raised or died; the message carries its traceback."""


def die_with(parent: int) -> None:
    """Be killed by the kernel when the parent dies, however it dies: a child left behind
    holds memory and deleted files open. Linux only; the kernel watches the thread that
    started us, which joins us before it returns."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


@contextmanager
def beside(function: Callable[..., Any], *args: Any) -> Iterator[Callable[[], Any]]:
    """Run `function(*args)` in a child while the block runs; the block gets a callable
    that waits for its return value, raising what the child raised (an OSError as itself,
    so a full disk reads the same from either process). Leaving the block stops a child
    still running."""
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    child = context.Process(target=_child, args=(function, args, results, os.getpid()), daemon=True)
    child.start()

    def result() -> Any:
        while True:
            try:
                kind, payload = results.get(timeout=_POLL_SECONDS)
            except queue.Empty:
                if child.exitcode is not None and results.empty():
                    raise ChildFailed(
                        f"a reindex child died (exit code {child.exitcode})"
                    ) from None
                continue
            if kind == "oserror":
                raise OSError(*payload)
            if kind == "error":
                raise ChildFailed(f"a reindex child raised an error:\n{payload.rstrip()}")
            return payload

    try:
        yield result
    finally:
        if child.is_alive():
            child.terminate()
        child.join()


def _child(function: Callable[..., Any], args: tuple, results, parent: int) -> None:
    die_with(parent)
    try:
        results.put(("ok", function(*args)))
    except OSError as error:
        results.put(("oserror", (error.errno or errno.EIO, error.strerror, error.filename)))
    except BaseException:
        results.put(("error", traceback.format_exc()))
