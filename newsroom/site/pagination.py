"""Which page numbers a pager shows: the first, the last, and the pages around the current one (GOV.UK)."""

from __future__ import annotations


def pager_window(current: int, last: int, around: int = 1) -> list[int | None]:
    """Page numbers in order, None where an ellipsis stands for skipped pages.

    A gap of a single page shows that page instead of an ellipsis.
    """
    shown = {1, last, *range(max(1, current - around), min(last, current + around) + 1)}
    numbers: list[int | None] = []
    for number in sorted(shown):
        if numbers and number - numbers[-1] == 2:
            numbers.append(number - 1)
        elif numbers and number - numbers[-1] > 2:
            numbers.append(None)
        numbers.append(number)
    return numbers
