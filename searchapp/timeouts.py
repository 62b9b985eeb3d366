"""A time limit that stops the work itself, not only the wait for it.

A request thread cannot be killed, and a client that hangs up does not stop it: the hostile
run saw one thread burn 758 s of CPU on a search nobody was waiting for. Checking a clock in
our own loops is not enough either, because most of a costly search runs inside Whoosh's
matchers. So one watchdog thread per process keeps the deadlines of the requests under way
and, when one passes, raises `TimeLimitExceeded` inside that request's thread (CPython's
`PyThreadState_SetAsyncExc`, the mechanism behind KeyboardInterrupt). The exception lands
at the thread's next Python bytecode, so pure-Python work such as Whoosh's stops at once;
a single C call (a numpy pass, a regex over the lexicon) finishes first, and those are
bounded by the query limits.

Only the code inside `time_limit()` can be interrupted, and leaving the block withdraws an
exception that was raised but not yet delivered, so nothing outside it ever sees one.
"""

from __future__ import annotations

import ctypes
import heapq
import itertools
import queue
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field


class TimeLimitExceeded(BaseException):
    """The block ran past its time limit and was stopped. A BaseException, like
    KeyboardInterrupt, so that no `except Exception` on the way swallows it and goes on."""


@dataclass(order=True)
class _Deadline:
    at: float
    order: int
    thread_id: int = field(compare=False)
    active: bool = field(default=True, compare=False)
    fired: bool = field(default=False, compare=False)


class _Watchdog:
    """Deadlines in a heap, guarded by a plain lock, and a queue that wakes the watchdog.

    Both are implemented in C, so an exception delivered to a request thread while it
    arms or disarms cannot leave them half-changed. A `threading.Event` would not do: its
    lock is taken in Python code, and an exception landing between taking it and the
    `with` that releases it left it held, hanging every later request of the process.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._wakeups: queue.SimpleQueue[None] = queue.SimpleQueue()
        self._pending: list[_Deadline] = []
        self._counter = itertools.count()
        self._thread: threading.Thread | None = None

    def deadline(self, seconds: float) -> _Deadline:
        return _Deadline(time.monotonic() + seconds, next(self._counter), threading.get_ident())

    def arm(self, deadline: _Deadline) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                # Started lazily, so that a process forked after import (a server worker)
                # gets its own watchdog.
                self._thread = threading.Thread(target=self._run, name="time-limit", daemon=True)
                self._thread.start()
            heapq.heappush(self._pending, deadline)
        self._wakeups.put(None)

    def disarm(self, deadline: _Deadline) -> None:
        with self._lock:
            deadline.active = False
            if deadline.fired:
                _raise_in(deadline.thread_id, None)  # withdraw it if not yet delivered

    def _run(self) -> None:
        while True:
            wait: float | None = None
            with self._lock:
                while self._pending and not self._pending[0].active:
                    heapq.heappop(self._pending)
                if self._pending:
                    wait = self._pending[0].at - time.monotonic()
                    if wait <= 0:
                        deadline = heapq.heappop(self._pending)
                        deadline.fired = True
                        _raise_in(deadline.thread_id, TimeLimitExceeded)
                        continue
            with suppress(queue.Empty):
                self._wakeups.get(timeout=wait)


def _raise_in(thread_id: int, exception: type[BaseException] | None) -> None:
    """Schedule `exception` in the thread (None: withdraw a scheduled one)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exception) if exception else None
    )


_watchdog = _Watchdog()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Run the block for at most `seconds` (None or 0: no limit); past that, the block is
    interrupted with TimeLimitExceeded. An inner block may only be shorter than the outer."""
    if not seconds:
        yield
        return
    deadline = _watchdog.deadline(seconds)
    try:
        _watchdog.arm(deadline)  # inside the try: it may fire before arm() returns
        yield
    finally:
        _watchdog.disarm(deadline)
