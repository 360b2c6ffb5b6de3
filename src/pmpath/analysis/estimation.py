"""Story-point arithmetic shared by the kinds that hold estimates (a sprint, a product
backlog). Plain numbers in, plain numbers out.

Teams estimate on a scale whose gaps grow, such as the "modified Fibonacci" 1, 2, 3,
5, 8, 13, 20 (40, 100): arguing over 4 versus 5 is false precision. An estimate off
the scale is moved to the nearest step; when it sits exactly between two steps it goes
to the larger one, because the safer mistake is to plan for more work, not less.

A backlog in priority order is planned from the top, so the running total of its
points says how far down a sprint of a given size reaches.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import accumulate


def nearest_on_scale(points: float, scale: Sequence[float]) -> float:
    """The scale value closest to ``points``; a tie goes to the larger (safer) estimate."""
    return min(scale, key=lambda step: (abs(step - points), -step))


def running_totals(points: Iterable[float | None]) -> list[float]:
    """Points accumulated from the top of an ordered list; an unestimated item adds 0."""
    return list(accumulate(float(value or 0.0) for value in points))
