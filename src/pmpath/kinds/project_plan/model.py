"""The project plan's fields (spec/artifacts.md, "project-plan")."""

from __future__ import annotations

import datetime as dt
from datetime import date
from typing import Annotated, Literal

from pmpath.kinds.base import ArtifactModel
from pmpath.kinds.calendar import Country
from pmpath.kinds.fields import ConfigDict, Field

# Strict, finite numbers: 4 and 4.5 reach the rules, while "four" or a quoted "4" is a
# schema problem. Strict validation is also the cheapest.
Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]


class Phase(ArtifactModel):
    name: str = Field(description="initiating, planning, executing, monitoring or closing.")
    start: date = Field(description="The phase's first day, YYYY-MM-DD.")
    end: date = Field(description="The phase's last day, YYYY-MM-DD.")
    exit_criteria: list[str] = Field([], description="What must be true to leave the phase.")


class Scope(ArtifactModel):
    in_: list[str] = Field(default=[], alias="in", description="What the project delivers.")
    out: list[str] = Field([], description="What it deliberately does not.")


class Deliverable(ArtifactModel):
    model_config = ConfigDict(coerce_numbers_to_str=True)
    id: str = Field(description="A unique id, e.g. D1.")
    name: str = Field(description="What is delivered.")
    owner: str | None = Field(None, description="The one person accountable for it.")
    acceptance: str | None = Field(None, description="How the sponsor will accept it.")


class Estimate(ArtifactModel):
    """Working days: what it takes if all goes well, usually, and if much goes wrong."""

    optimistic: Number = Field(description="Working days if all goes well (≥ 0).",
                               json_schema_extra={"minimum": 0})
    likely: Number = Field(description="Working days it usually takes (≥ optimistic).",
                           json_schema_extra={"minimum": 0})
    pessimistic: Number = Field(description="Working days if much goes wrong (≥ likely).",
                                json_schema_extra={"minimum": 0})


class WorkItem(ArtifactModel):
    # `id: 1` and `depends_on: [1]` are read as the text "1", the same id either way.
    model_config = ConfigDict(coerce_numbers_to_str=True)
    id: str = Field(description="A unique id, e.g. W1.")
    name: str = Field(description="The work, in a few words.")
    deliverable: str | None = Field(None, description="The id of the deliverable it "
                                                      "produces.")
    owner: str | None = Field(None, description="The one person who does it.")
    depends_on: list[str] = Field([], description="Ids of the work items that must finish "
                                                  "first.")
    estimate: Estimate = Field(description="Three-point estimate in working days (PERT).")


class Milestone(ArtifactModel):
    model_config = ConfigDict(coerce_numbers_to_str=True)
    name: str = Field(description="What has been reached.")
    # A field called ``date`` shadows the type inside the class body, hence ``dt.date``.
    date: dt.date = Field(description="When, YYYY-MM-DD, between the start and the deadline.")
    deliverables: list[str] = Field([], description="Ids of the deliverables it marks.")


class Stakeholder(ArtifactModel):
    name: str = Field(description="A person or a group.")
    role: str | None = Field(None, description="Their part in the project.")


class Communication(ArtifactModel):
    audience: str | list[str] | None = Field(None, description="Who hears from the project.")
    channel: str | None = Field(None, description="How: a meeting, a report, a channel.")
    frequency: str | None = Field(None, description="How often: daily, weekly, monthly …")


class ProjectPlan(ArtifactModel):
    kind: Literal["project-plan"]
    version: Literal[1]
    name: str = Field(description="The project's name.")
    objective: str | None = Field(None, description="What the project achieves and how "
                                                    "success is measured.")
    sponsor: str | None = Field(None, description="The one person who funds it and decides.")
    manager: str | None = Field(None, description="The project manager.")
    start: date = Field(description="The first day, YYYY-MM-DD.")
    deadline: date = Field(description="The last day the work may finish, YYYY-MM-DD.")
    country: Country = Field(None, description="Optional ISO 3166 code (US, GB, DE-BY): its "
                                               "public holidays are not working days.")
    """ISO 3166 code; its public holidays are not working days (DESIGN.md, "Calendars")."""
    holidays: list[date] = Field([], description="The team's own days off, YYYY-MM-DD.")
    # Empty phases and scope are allowed here so plan.phases and plan.scope, not
    # common.schema, explain what is missing.
    phases: list[Phase] = Field([], description="The five lifecycle phases with their dates.")
    scope: Scope = Field(default_factory=Scope, description="What is in and what is out.")
    deliverables: list[Deliverable] = Field(description="What the project hands over.")
    # A plan without a single work item has nothing to schedule: a schema problem.
    work: list[WorkItem] = Field(min_length=1, description="The work breakdown's leaves, "
                                                           "each estimated in working days.")
    milestones: list[Milestone] = Field([], description="Dated checkpoints.")
    stakeholders: list[Stakeholder] = Field([], description="Who has a stake in it.")
    assumptions: list[str] = Field([], description="What the plan takes as true.")
    constraints: list[str] = Field([], description="What the plan cannot change.")
    communication: list[Communication] = Field([], description="Who hears what, how and how "
                                                               "often.")
