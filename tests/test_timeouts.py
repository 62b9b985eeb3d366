"""The time limit stops the work itself, and never reaches code outside its block."""

from __future__ import annotations

import threading

import pytest

from searchapp.timeouts import TimeLimitExceeded, time_limit


def spin() -> None:
    """Work that would never end on its own, in pure Python as Whoosh's matchers are."""
    count = 0
    while True:
        count += 1


def test_a_block_past_its_limit_is_stopped():
    with pytest.raises(TimeLimitExceeded), time_limit(0.05):
        spin()


def test_no_limit_means_none():
    with time_limit(None):
        assert sum(range(1000)) == 499500
    with time_limit(0):
        pass


def test_is_not_an_exception_that_code_on_the_way_can_swallow():
    swallowed = False
    with pytest.raises(TimeLimitExceeded), time_limit(0.05):
        try:
            spin()
        except Exception:  # what a library's broad handler would do
            swallowed = True
    assert not swallowed


def test_nothing_is_raised_after_a_block_that_ended_in_time():
    """Thousands of blocks ending around their deadline: an exception already scheduled
    when the block ends must be withdrawn, or it would land in unrelated code."""
    stopped = 0
    for attempt in range(3000):
        try:
            with time_limit(0.00002 * (attempt % 10 + 1)):
                sum(range(500))
        except TimeLimitExceeded:
            stopped += 1
    total = 0
    for number in range(300_000):  # long enough for a stray exception to be delivered
        total += number
    assert total == sum(range(300_000))
    assert stopped < 3000


def test_each_thread_gets_its_own_limit():
    stopped: list[int] = []
    finished: list[int] = []

    def request(number: int) -> None:
        try:
            with time_limit(0.05 * (number + 1)):
                if number % 2:
                    spin()
                finished.append(number)
        except TimeLimitExceeded:
            stopped.append(number)

    threads = [threading.Thread(target=request, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(stopped) == [1, 3, 5]
    assert sorted(finished) == [0, 2, 4]
