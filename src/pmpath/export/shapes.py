"""The neutral shapes kinds hand to exporters: no kind and no file format in sight.

A kind's export function (declared in ``KindSpec.exports``) returns one of these; the
format's module (``export/ics.py``, ``export/jira_csv.py``, ``export/mermaid.py``)
turns it into text another tool reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class CalendarEvent:
    """One event. ``uid_key`` is stable across exports of the same artifact (e.g.
    "sprint-2027-01-04/standup-2027-01-05") so that re-importing updates the event
    instead of duplicating it."""

    uid_key: str
    title: str
    start: date | datetime
    end: date | datetime | None = None
    """Exclusive end; None for a one-day (all-day) event or an instant."""
    description: str = ""


@dataclass(frozen=True)
class EventCalendar:
    """The events of one artifact, as one calendar to import."""

    name: str
    """What a calendar app shows for it (X-WR-CALNAME), e.g. "Launch: Instant payouts"."""
    events: tuple[CalendarEvent, ...]
    stamp: date
    """The day every event is stamped with (DTSTAMP): a date from the artifact, such as its
    start, never the day of the export, so two exports of the same file are identical."""


@dataclass(frozen=True)
class WorkItem:
    """A row for a tracker: an epic, story, bug or task."""

    id: str
    summary: str
    issue_type: str
    description: str = ""
    story_points: float | None = None
    parent: str | None = None
    """The id of the item this one belongs to (an epic, a deliverable)."""
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class GanttTask:
    id: str
    name: str
    start: date
    finish: date
    """Inclusive, like pmpath's schedules."""
    section: str = ""
    critical: bool = False
    milestone: bool = False


@dataclass(frozen=True)
class Gantt:
    title: str
    tasks: tuple[GanttTask, ...]
    excludes_weekends: bool = True
    holidays: tuple[date, ...] = ()


@dataclass(frozen=True)
class StateDiagram:
    title: str
    initial: str
    states: tuple[str, ...]
    transitions: tuple[tuple[str, str, str], ...]
    """(from, to, label)."""
    final: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuadrantPoint:
    name: str
    x: float
    """0–1."""
    y: float
    """0–1."""


@dataclass(frozen=True)
class QuadrantChart:
    title: str
    x_axis: tuple[str, str]
    y_axis: tuple[str, str]
    quadrants: tuple[str, str, str, str]
    """Top right, top left, bottom left, bottom right (Mermaid's order 1–4)."""
    points: tuple[QuadrantPoint, ...] = field(default_factory=tuple)
