"""The project plan's fields (spec/artifacts.md, "project-plan")."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from pmpath.kinds.base import ArtifactModel
from pmpath.kinds.calendar import Country

# Strict, finite numbers: 4 and 4.5 reach the rules, while "four" or a quoted "4" is a
# schema problem. Strict validation is also the cheapest.
Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]


class Phase(ArtifactModel):
    name: str
    start: date
    end: date
    exit_criteria: list[str] = []


class Scope(ArtifactModel):
    in_: list[str] = Field(default=[], alias="in")
    out: list[str] = []


class Deliverable(ArtifactModel):
    model_config = ConfigDict(coerce_numbers_to_str=True)
    id: str
    name: str
    owner: str | None = None
    acceptance: str | None = None


class Estimate(ArtifactModel):
    """Working days: what it takes if all goes well, usually, and if much goes wrong."""

    optimistic: Number
    likely: Number
    pessimistic: Number


class WorkItem(ArtifactModel):
    # `id: 1` and `depends_on: [1]` are read as the text "1", the same id either way.
    model_config = ConfigDict(coerce_numbers_to_str=True)
    id: str
    name: str
    deliverable: str | None = None
    owner: str | None = None
    depends_on: list[str] = []
    estimate: Estimate


class Milestone(ArtifactModel):
    model_config = ConfigDict(coerce_numbers_to_str=True)
    name: str
    date: date
    deliverables: list[str] = []


class Stakeholder(ArtifactModel):
    name: str
    role: str | None = None


class Communication(ArtifactModel):
    audience: str | list[str] | None = None
    channel: str | None = None
    frequency: str | None = None


class ProjectPlan(ArtifactModel):
    kind: Literal["project-plan"]
    version: Literal[1]
    name: str
    objective: str | None = None
    sponsor: str | None = None
    manager: str | None = None
    start: date
    deadline: date
    country: Country = None
    """ISO 3166 code; its public holidays are not working days (DESIGN.md, "Calendars")."""
    holidays: list[date] = []
    # Empty phases and scope are allowed here so plan.phases and plan.scope, not
    # common.schema, explain what is missing.
    phases: list[Phase] = []
    scope: Scope = Field(default_factory=Scope)
    deliverables: list[Deliverable]
    # A plan without a single work item has nothing to schedule: a schema problem.
    work: list[WorkItem] = Field(min_length=1)
    milestones: list[Milestone] = []
    stakeholders: list[Stakeholder] = []
    assumptions: list[str] = []
    constraints: list[str] = []
    communication: list[Communication] = []
