"""Burndown arithmetic for a time-boxed iteration: the ideal line, the commitment limit
and the say/do ratio. Plain numbers in, plain numbers out.

The ideal line falls in equal steps from the points planned on day 1 to 0 on the last
day, read as "points still to do at the end of the daily scrum of day k":

    ideal(day k of N) = planned × (N − k) / (N − 1)        k = 1..N, N ≥ 2

so day 1 shows the whole plan (nothing can be done before the first daily) and the
last day shows 0. A one-day iteration's single day is its last day, so its ideal is 0.

The commitment limit is "yesterday's weather" with an allowance: at most
``allowance`` × the mean velocity of the most recent ``recent`` iterations (all of
them when there are fewer).

The say/do ratio compares what was done with what was said at planning:

    say/do = points planned at planning that are done ÷ points planned at planning

Work added later is left out of both sides, and planned work taken out later counts
as planned and not done, so changing the plan never flatters the ratio.
"""

from __future__ import annotations

from collections.abc import Sequence


def ideal_line(planned_points: float, days: int) -> list[float]:
    """Ideal remaining points for each of ``days`` days: planned on day 1, 0 on the last."""
    if days <= 0:
        return []
    if days == 1:
        return [0.0]
    return [planned_points * (days - day) / (days - 1) for day in range(1, days + 1)]


def commitment_limit(velocities: Sequence[float], allowance: float,
                     recent: int) -> tuple[list[float], float | None]:
    """The velocities used (the last ``recent``, or all if fewer) and ``allowance`` × their
    mean; None when there is no velocity to go by."""
    used = list(velocities[-recent:]) if recent > 0 else []
    if not used:
        return used, None
    return used, allowance * sum(used) / len(used)


def say_do_ratio(done_planned_points: float, planned_points: float) -> float | None:
    """Done planned points ÷ planned points; None when nothing was planned."""
    if planned_points <= 0:
        return None
    return done_planned_points / planned_points
