"""Histograms: group counts into at most a given number of bars."""

from __future__ import annotations

import math

HISTOGRAM_ROWS = 25


def histogram_rows(histogram: dict[int, int], max_rows: int = HISTOGRAM_ROWS) -> \
        list[tuple[int, int, int]]:
    """(first periods, last periods, trials) per bar; values grouped so at most max_rows."""
    if not histogram:
        return []
    low, high = min(histogram), max(histogram)
    width = max(1, math.ceil((high - low + 1) / max_rows))
    rows: list[tuple[int, int, int]] = []
    for first in range(low, high + 1, width):
        last = min(first + width - 1, high)
        rows.append((first, last, sum(histogram.get(value, 0)
                                      for value in range(first, last + 1))))
    return rows
