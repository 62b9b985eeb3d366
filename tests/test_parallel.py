"""Starting reindex workers is not interrupted halfway by SIGTERM: a worker whose pickled
arguments were cut short printed "EOFError: Ran out of input" after the reindex's own
"Stopped by SIGTERM" line (tests/test_indexing.py runs the whole CLI)."""

from __future__ import annotations

import os
import signal

from searchapp.parallel import _sigterm_deferred


def test_a_sigterm_inside_the_block_is_taken_when_it_ends() -> None:
    seen: list[str] = []
    previous = signal.signal(signal.SIGTERM, lambda *_: seen.append("handled"))
    try:
        with _sigterm_deferred():
            os.kill(os.getpid(), signal.SIGTERM)
            for _ in range(1000):  # give Python every chance to run a handler here
                pass
            seen.append("block ended")
        assert seen == ["block ended", "handled"]
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_without_a_sigterm_nothing_is_raised_and_the_handler_is_restored() -> None:
    def handler(*_: object) -> None:
        pass

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        with _sigterm_deferred():
            pass
        assert signal.getsignal(signal.SIGTERM) is handler
    finally:
        signal.signal(signal.SIGTERM, previous)
