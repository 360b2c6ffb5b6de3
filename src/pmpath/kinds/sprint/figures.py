"""The sprint's figures: what was planned, added, removed and done, and the burndown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pmpath.analysis.burndown import ideal_line, say_do_ratio
from pmpath.kinds.base import Blocked, Context, Figures, to_jsonable
from pmpath.kinds.sprint.model import Sprint
from pmpath.kinds.sprint.rules import scope_of


@dataclass(frozen=True)
class BurndownDay:
    date: date
    ideal: float
    """Points the ideal line says remain: planned on day 1, falling evenly to 0."""
    actual: float | None
    """The day's remaining_points; None when the day has no daily entry."""
    scope_change: float | None
    """The day's scope_change, for the picture (not part of the metrics)."""

    def to_json(self) -> dict[str, Any]:
        return {"date": to_jsonable(self.date), "ideal": to_jsonable(self.ideal),
                "actual": to_jsonable(self.actual)}


@dataclass(frozen=True)
class SprintFigures(Figures):
    committed_points: float
    """Planned at sprint planning: committed items without added_on."""
    added_points: float
    """Pulled in during the sprint (added_on)."""
    removed_points: float
    """Taken out during the sprint (removed_on)."""
    completed_points: float
    """Done items of the final scope (committed, not removed)."""
    say_do_ratio: float | None
    """Done planned points ÷ planned points; None when nothing was planned."""
    burndown: tuple[BurndownDay, ...]


def figures(doc: Sprint, ctx: Context) -> SprintFigures:
    """The figures as the file records them, even while a rule finds fault with it (the
    picture helps to see what is wrong); no burndown when the sprint has no valid days."""
    recorded = scope_of(doc)
    try:
        days = ctx.fact("working_days").days
    except Blocked:
        days = ()
    first_entry: dict[date, int] = {}
    for index, entry in enumerate(doc.daily):
        first_entry.setdefault(entry.date, index)
    ideal = ideal_line(recorded.planned_points, len(days))
    burndown = []
    for day, ideal_points in zip(days, ideal, strict=True):
        index = first_entry.get(day)
        entry = doc.daily[index] if index is not None else None
        burndown.append(BurndownDay(day, ideal_points,
                                    entry.remaining_points if entry else None,
                                    entry.scope_change if entry else None))
    return SprintFigures(
        committed_points=recorded.planned_points, added_points=recorded.added_points,
        removed_points=recorded.removed_points, completed_points=recorded.completed_points,
        say_do_ratio=say_do_ratio(recorded.done_planned_points, recorded.planned_points),
        burndown=tuple(burndown))
