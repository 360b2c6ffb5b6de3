"""The sprint's fields (spec/artifacts.md, "sprint")."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pmpath.kinds.base import ArtifactModel
from pmpath.kinds.calendar import Country
from pmpath.kinds.fields import Field


class BacklogItem(ArtifactModel):
    id: str = Field(description="A unique id, e.g. PAY-101.")
    title: str = Field(description="What the item delivers, in a few words.")
    type: str = Field("story", description="story, bug, task or spike.")
    # float and optional: 4 or 2.5 must reach sprint.points, and an item nobody has
    # pulled into the sprint may still be unestimated.
    points: float | None = Field(None, description="The estimate in story points, on the "
                                                   "scale 1, 2, 3, 5, 8, 13, 20.",
                                 json_schema_extra={"minimum": 0})
    committed: bool = Field(False, description="true when the item is in the sprint: planned "
                                               "at sprint planning or pulled in later.")
    """In the sprint: planned at sprint planning, or pulled in later (``added_on``)."""
    status: str = Field("to do", description="to do, in progress or done.")
    acceptance_criteria: list[str] = Field([], description="How the product owner will know "
                                                           "it is done, one line each.")
    added_on: dt.date | None = Field(None, description="The day it was pulled into the sprint "
                                                       "after planning (an urgent bug).")
    """The day it was pulled into the sprint after planning (an urgent bug)."""
    removed_on: dt.date | None = Field(None, description="The day the product owner took it "
                                                         "out of the sprint.")
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
    date: dt.date = Field(description="The working day, YYYY-MM-DD.")
    remaining_points: float = Field(description="Points of the sprint's items not yet done "
                                                "at the end of the day.",
                                    json_schema_extra={"minimum": 0})
    scope_change: float = Field(0, description="Points added (+) or removed (−) that day.")
    notes: str | None = Field(None, description="What happened; say why when the scope "
                                                "changed.")
    blockers: list[str] = Field([], description="What stopped work that day.")


class Review(ArtifactModel):
    date: dt.date | None = Field(None, description="The day of the sprint review.")
    demoed: list[str] = Field([], description="The ids of the items shown, each one done.")
    feedback: list[str] = Field([], description="What the stakeholders said.")


class RetroAction(ArtifactModel):
    action: str = Field(description="What the team will change.")
    owner: str | None = Field(None, description="The one person who makes it happen.")
    due: dt.date | None = Field(None, description="When, YYYY-MM-DD.")


class Retro(ArtifactModel):
    went_well: list[str] = Field([], description="What to keep doing.")
    to_improve: list[str] = Field([], description="What to do differently.")
    actions: list[RetroAction] = Field([], description="At least one action with an owner "
                                                       "and a due date.")


class Sprint(ArtifactModel):
    kind: Literal["sprint"]
    version: Literal[1]
    # Empty goal and definition of done are allowed here so sprint.goal and sprint.dod,
    # not common.schema, explain what is missing.
    sprint_goal: str | None = Field(None, description="The one objective the sprint "
                                                      "delivers, in a sentence.")
    product_goal: str | None = Field(None, description="The longer-term goal the sprint "
                                                       "moves towards.")
    start: dt.date = Field(description="The sprint's first day, YYYY-MM-DD.")
    length_days: int = Field(description="The sprint's length in working days (10 for two "
                                         "weeks).",
                             json_schema_extra={"minimum": 1, "maximum": 20})
    holidays: list[dt.date] = Field([], description="Days off inside the sprint, "
                                                    "YYYY-MM-DD.")
    country: Country = Field(None, description="Optional ISO 3166 code (US, GB, DE-BY): its "
                                               "public holidays are not working days.")
    team: list[str] = Field([], description="The developers, product owner and Scrum "
                                            "master, by name.")
    velocity_history: list[float] = Field([], description="Points completed in recent "
                                                          "sprints, oldest first.")
    definition_of_done: list[str] | str | None = Field(
        None, description="What every item meets before it counts as done.")
    backlog: list[BacklogItem] = Field(description="The items considered at sprint planning.")
    daily: list[DailyEntry] = Field([], description="One entry per working day of the "
                                                    "sprint.")
    review: Review = Field(description="The sprint review: its date, what was demoed and "
                                       "the feedback.")
    retro: Retro = Field(default_factory=Retro, description="The retrospective.")
