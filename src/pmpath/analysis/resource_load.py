"""How many tasks a resource runs at once over time, and where that exceeds its capacity.

Tasks occupy working days given as indices (0 = the plan's first working day), both
ends included. The load is found with one sweep over the tasks' start and end events,
sorted once, so a plan of 5,000 tasks costs O(n log n) however long each task runs;
nothing walks the days of a task.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["LoadSegment", "load_profile", "overloads", "weekly_peaks"]

ONE_WEEK = timedelta(days=7)


@dataclass(frozen=True)
class LoadSegment:
    """``running`` tasks on every working day from index ``first`` to ``last``."""

    first: int
    last: int
    running: int


def load_profile(intervals: Iterable[tuple[int, int]]) -> list[LoadSegment]:
    """Tasks running at once over time, from (first, last) working-day indices (inclusive).

    Returns the maximal stretches of constant, non-zero load in time order; days with
    nothing running are left out.
    """
    change: dict[int, int] = {}
    for first, last in intervals:
        change[first] = change.get(first, 0) + 1
        change[last + 1] = change.get(last + 1, 0) - 1
    segments: list[LoadSegment] = []
    running = 0
    boundaries = sorted(change)
    for position, boundary in enumerate(boundaries):
        running += change[boundary]
        if running > 0 and position + 1 < len(boundaries):
            segments.append(LoadSegment(boundary, boundaries[position + 1] - 1, running))
    return segments


def overloads(segments: Sequence[LoadSegment], capacity: int) -> list[LoadSegment]:
    """Stretches where the load exceeds ``capacity``; adjacent ones merged, keeping the peak."""
    merged: list[LoadSegment] = []
    for segment in segments:
        if segment.running <= capacity:
            continue
        if merged and merged[-1].last + 1 == segment.first:
            previous = merged[-1]
            merged[-1] = LoadSegment(previous.first, segment.last,
                                     max(previous.running, segment.running))
        else:
            merged.append(segment)
    return merged


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_peaks(stretches: Iterable[tuple[date, date, int]], first_week: date,
                 last_week: date) -> dict[date, int]:
    """The most tasks running on any one day of each week, keyed by the week's Monday.

    ``stretches`` are (first day, last day, tasks running) with disjoint day ranges, as
    a load profile gives them once its indices are turned into dates. Every week from
    the Monday ``first_week`` to the Monday ``last_week`` is present (0 when idle).
    Linear in stretches plus weeks: disjoint stretches touch each week at most once
    more than there are stretches.
    """
    peaks: dict[date, int] = {}
    monday = first_week
    while monday <= last_week:
        peaks[monday] = 0
        monday += ONE_WEEK
    for first, last, running in stretches:
        monday = monday_of(first)
        while monday <= last:
            if peaks.get(monday, 0) < running:
                peaks[monday] = running
            monday += ONE_WEEK
    return peaks
