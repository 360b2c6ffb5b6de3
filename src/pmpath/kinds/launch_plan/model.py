"""The launch plan's fields (spec/artifacts.md, "launch-plan")."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pmpath.kinds.base import ArtifactModel
from pmpath.kinds.calendar import Country
from pmpath.kinds.fields import ConfigDict, Field

# Strict numbers: 5 and 4.5 reach the rules, while "five" or a quoted "5" are
# common.schema findings. A fractional or negative duration is launch.durations'
# to explain, so the schema lets any finite number through.
Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
Capacity = Annotated[int, Field(strict=True, ge=1)]


class LaunchPhase(ArtifactModel):
    # Ids written as numbers (a phase called 1) are read as text, as they are compared.
    model_config = ConfigDict(coerce_numbers_to_str=True)
    id: str = Field(description="A short id the tasks name, e.g. private-beta.")
    name: str | None = Field(None, description="What the phase is, for readers.")
    exit_criteria: list[str] = Field([], description="Measurable conditions to leave the "
                                                     "phase, each with a number and a "
                                                     "comparator: crash-free sessions >= 99.5%.")


class Resource(ArtifactModel):
    model_config = ConfigDict(coerce_numbers_to_str=True)
    id: str = Field(description="A short id the tasks name, e.g. eng.")
    name: str | None = Field(None, description="The team or person.")
    capacity: Capacity = Field(description="How many tasks it can run at once (1 or more).")
    """How many tasks it can run at once."""


class Task(ArtifactModel):
    model_config = ConfigDict(coerce_numbers_to_str=True)
    id: str = Field(description="A unique id, e.g. T1.")
    name: str = Field(description="The work, in a few words.")
    phase: str | None = Field(None, description="The id of its phase.")
    duration: Number = Field(description="Whole working days; 0 makes a milestone.",
                             json_schema_extra={"minimum": 0, "multipleOf": 1})
    """Whole working days; 0 makes a milestone."""
    depends_on: list[str] = Field([], description="Ids of the tasks that must finish first.")
    resource: str | None = Field(None, description="The id of the resource that does it.")


class RolloutStep(ArtifactModel):
    date: dt.date = Field(description="A working day, YYYY-MM-DD.")
    percent: Number = Field(description="The share of customers who have it from that day, "
                                        "0–100.",
                            json_schema_extra={"minimum": 0, "maximum": 100})


class GoNoGo(ArtifactModel):
    date: dt.date | None = Field(None, description="The decision day: before GA and before "
                                                   "most customers have the product.")
    approver: str | None = Field(None, description="The one person who decides.")
    criteria: list[str] = Field([], description="What must be true to go.")


class LaunchPlan(ArtifactModel):
    kind: Literal["launch-plan"]
    version: Literal[1]
    product: str = Field(description="What is launched.")
    start: dt.date = Field(description="The day the beta starts, YYYY-MM-DD.")
    """The day the beta starts."""
    ga_date: dt.date = Field(description="General availability, a working day within the "
                                         "launch window (3 months).")
    country: Country = Field(None, description="Optional ISO 3166 code (US, GB, DE-BY): its "
                                               "public holidays are not working days.")
    """Optional ISO 3166 code: its public holidays are not working days."""
    holidays: list[dt.date] = Field([], description="The team's own days off, YYYY-MM-DD.")
    phases: list[LaunchPhase] = Field(description="In order, e.g. private beta, public beta, "
                                                  "GA.")
    resources: list[Resource] = Field([], description="The teams that do the tasks.")
    # A launch without a single task has nothing to schedule: a schema problem.
    tasks: list[Task] = Field(min_length=1, description="The work, scheduled as early as its "
                                                        "dependencies allow.")
    # Left out or empty, these reach launch.rollout and launch.go-no-go rather than
    # common.schema, so the learner reads why they matter.
    rollout: list[RolloutStep] = Field([], description="The staged rollout, reaching 100% by "
                                                       "GA.")
    go_no_go: GoNoGo | None = Field(None, description="The launch decision.")
