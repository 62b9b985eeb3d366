"""Which page numbers a pager shows: the first, the last, and a few around the current one,
so a result set of 355 pages is a short row of links rather than 355 of them."""

from __future__ import annotations

AROUND = 2


def page_numbers(page: int, pages: int) -> list[int | None]:
    """Page numbers in order, with None where a run of pages is left out ("…")."""
    shown = sorted({1, pages, *range(max(1, page - AROUND), min(pages, page + AROUND) + 1)})
    numbers: list[int | None] = []
    previous = 0
    for number in shown:
        if number - previous == 2:
            numbers.append(previous + 1)  # one page left out is shown, not hidden behind "…"
        elif number - previous > 2:
            numbers.append(None)
        numbers.append(number)
        previous = number
    return numbers
