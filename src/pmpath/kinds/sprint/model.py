"""The sprint's fields (spec/artifacts.md, "sprint")."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from pmpath.kinds.base import ArtifactModel
from pmpath.kinds.calendar import Country


class BacklogItem(ArtifactModel):
    id: str
    title: str
    type: str = "story"
    # float and optional: 4 or 2.5 must reach sprint.points, and an item nobody has
    # pulled into the sprint may still be unestimated.
    points: float | None = None
    committed: bool = False
    """In the sprint: planned at sprint planning, or pulled in later (``added_on``)."""
    status: str = "to do"
    acceptance_criteria: list[str] = []
    added_on: dt.date | None = None
    """The day it was pulled into the sprint after planning (an urgent bug)."""
    removed_on: dt.date | None = None
    """The day the product owner took it out of the sprint (back to the product backlog)."""

    @property
    def done(self) -> bool:
        return self.status.strip().casefold() == "done"

    @property
    def planned(self) -> bool:
        """Committed at sprint planning, not added later (it may have been removed since)."""
        return self.committed and self.added_on is None

    @property
    def in_final_scope(self) -> bool:
        """In the sprint at its end: committed and not removed."""
        return self.committed and self.removed_on is None

    @property
    def size(self) -> float:
        """Its points, 0 while unestimated (sprint.points warns about that)."""
        return self.points or 0.0


class DailyEntry(ArtifactModel):
    # A field called ``date`` shadows the type inside the class body, hence ``dt.date``.
    date: dt.date
    remaining_points: float
    scope_change: float = 0
    notes: str | None = None
    blockers: list[str] = []


class Review(ArtifactModel):
    date: dt.date | None = None
    demoed: list[str] = []
    feedback: list[str] = []


class RetroAction(ArtifactModel):
    action: str
    owner: str | None = None
    due: dt.date | None = None


class Retro(ArtifactModel):
    went_well: list[str] = []
    to_improve: list[str] = []
    actions: list[RetroAction] = []


class Sprint(ArtifactModel):
    kind: Literal["sprint"]
    version: Literal[1]
    # Empty goal and definition of done are allowed here so sprint.goal and sprint.dod,
    # not common.schema, explain what is missing.
    sprint_goal: str | None = None
    product_goal: str | None = None
    start: dt.date
    length_days: int
    holidays: list[dt.date] = []
    country: Country = None
    team: list[str] = []
    velocity_history: list[float] = []
    definition_of_done: list[str] | str | None = None
    backlog: list[BacklogItem]
    daily: list[DailyEntry] = []
    review: Review
    retro: Retro = Field(default_factory=Retro)
