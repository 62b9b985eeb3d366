"""Temporary: exact-text clusters, until the measured near-duplicate clustering lands."""

from __future__ import annotations

from collections.abc import Sequence


def cluster_quotes(quotes: Sequence[tuple[str, str]]) -> list[int]:
    first: dict[tuple[str, str], int] = {}
    return [
        first.setdefault((speaker, " ".join(text.casefold().split())), i)
        for i, (speaker, text) in enumerate(quotes)
    ]
