"""The launch plan's fields (spec/artifacts.md, "launch-plan")."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from pmpath.kinds.base import ArtifactModel
from pmpath.kinds.calendar import Country

# Strict numbers: 5 and 4.5 reach the rules, while "five" or a quoted "5" are
# common.schema findings. A fractional or negative duration is launch.durations'
# to explain, so the schema lets any finite number through.
Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
Capacity = Annotated[int, Field(strict=True, ge=1)]


class LaunchPhase(ArtifactModel):
    # Ids written as numbers (a phase called 1) are read as text, as they are compared.
    model_config = ConfigDict(coerce_numbers_to_str=True)
    id: str
    name: str | None = None
    exit_criteria: list[str] = []


class Resource(ArtifactModel):
    model_config = ConfigDict(coerce_numbers_to_str=True)
    id: str
    name: str | None = None
    capacity: Capacity
    """How many tasks it can run at once."""


class Task(ArtifactModel):
    model_config = ConfigDict(coerce_numbers_to_str=True)
    id: str
    name: str
    phase: str | None = None
    duration: Number
    """Whole working days; 0 makes a milestone."""
    depends_on: list[str] = []
    resource: str | None = None


class RolloutStep(ArtifactModel):
    date: dt.date
    percent: Number


class GoNoGo(ArtifactModel):
    date: dt.date | None = None
    approver: str | None = None
    criteria: list[str] = []


class LaunchPlan(ArtifactModel):
    kind: Literal["launch-plan"]
    version: Literal[1]
    product: str
    start: dt.date
    """The day the beta starts."""
    ga_date: dt.date
    country: Country = None
    """Optional ISO 3166 code: its public holidays are not working days."""
    holidays: list[dt.date] = []
    phases: list[LaunchPhase]
    resources: list[Resource] = []
    # A launch without a single task has nothing to schedule: a schema problem.
    tasks: list[Task] = Field(min_length=1)
    # Left out or empty, these reach launch.rollout and launch.go-no-go rather than
    # common.schema, so the learner reads why they matter.
    rollout: list[RolloutStep] = []
    go_no_go: GoNoGo | None = None
