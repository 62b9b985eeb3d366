"""Memory for the pure tests extraction asks of the same few names again and again.

One article asks whether "Trump" looks like a person, or "Iowa" never speaks, at every
mention, and the next article asks the same of the same names, so the answers are kept.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

T = TypeVar("T")

# Names longer than this are worked out each time: a hostile paragraph's span of 20,000
# capitals must not be kept thousands of times over.
LONGEST_KEPT = 100


def remember_names(function: Callable[[str], T]) -> Callable[[str], T]:
    """`function`, with its answers for names of ordinary length kept, 16,384 at most."""
    cached = lru_cache(maxsize=1 << 14)(function)

    @wraps(function)
    def answer(name: str) -> T:
        return cached(name) if len(name) <= LONGEST_KEPT else function(name)

    return answer
