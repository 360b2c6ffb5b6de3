"""The risk register's fields (spec/artifacts.md, "risk-register")."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, get_args

from pydantic import Field

from pmpath.kinds.base import ArtifactModel

# Strict numbers: 4 and 4.5 reach the rules (risk.scale), while "high", yes/no
# or a quoted "4" are reported as common.schema. Strict validation is also cheaper.
Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
Text = str | None
"""A text the learner may leave empty; the rules, not the schema, say when it is needed."""

Category = Literal["technical", "schedule", "cost", "resource", "scope", "external",
                   "compliance", "security", "vendor"]
CATEGORIES: tuple[str, ...] = get_args(Category)
Status = Literal["open", "monitoring", "closed", "occurred"]
RiskType = Literal["threat", "opportunity"]

RESPONSES = {
    "threat": ("avoid", "mitigate", "transfer", "accept", "escalate"),
    "opportunity": ("exploit", "enhance", "share", "accept", "escalate"),
}
# The mirror-image strategy on the other side, for a hint that names the right word.
COUNTERPART = {"avoid": "exploit", "mitigate": "enhance", "transfer": "share",
               "exploit": "avoid", "enhance": "mitigate", "share": "transfer"}
PLURAL = {"threat": "threats", "opportunity": "opportunities"}
LIVE_STATUSES = ("open", "monitoring")


class Action(ArtifactModel):
    action: Text = None
    owner: Text = None
    due: dt.date | None = None


class HistoryEntry(ArtifactModel):
    date: dt.date
    probability: Number | None = None
    impact: Number | None = None
    note: Text = None


class Risk(ArtifactModel):
    id: str | int
    title: str
    type: RiskType
    cause: Text = None
    event: Text = None
    effect: Text = None
    category: Category
    probability: Number
    impact: Number
    score: Number
    owner: Text = None
    response: Text = None
    actions: list[Action] = []
    trigger: Text = None
    contingency: Text = None
    status: Status
    identified: dt.date
    last_reviewed: dt.date
    closed_reason: Text = None
    history: list[HistoryEntry] = []


class RiskRegister(ArtifactModel):
    kind: Literal["risk-register"]
    version: Literal[1]
    program: str
    review_cadence_days: Annotated[int, Field(ge=1, le=366)]
    high_threshold: Annotated[int, Field(ge=1, le=25)]
    risks: list[Risk]
