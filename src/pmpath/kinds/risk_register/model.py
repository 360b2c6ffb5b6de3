"""The risk register's fields (spec/artifacts.md, "risk-register")."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, get_args

from pmpath.kinds.base import ArtifactModel
from pmpath.kinds.fields import Field

# Strict numbers: 4 and 4.5 reach the rules (risk.scale), while "high", yes/no
# or a quoted "4" are reported as common.schema. Strict validation is also cheaper.
Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
ONE_TO_FIVE = {"minimum": 1, "maximum": 5}
"""The 1–5 scale as the JSON Schema shows it to editors; risk.scale, not the schema, judges
a value off the scale, so the learner reads why it matters."""
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
    action: Text = Field(None, description="What will be done to act on the risk.")
    owner: Text = Field(None, description="The one person who does it.")
    due: dt.date | None = Field(None, description="When it is due, YYYY-MM-DD.")


class HistoryEntry(ArtifactModel):
    date: dt.date = Field(description="The day of the review, YYYY-MM-DD.")
    probability: Number | None = Field(None, description="The probability then, 1–5.",
                                       json_schema_extra=ONE_TO_FIVE)
    impact: Number | None = Field(None, description="The impact then, 1–5.",
                                  json_schema_extra=ONE_TO_FIVE)
    note: Text = Field(None, description="What changed and why.")


class Risk(ArtifactModel):
    id: str | int = Field(description="A unique id, e.g. R-001.")
    title: str = Field(description="The risk in a few words.")
    type: RiskType = Field(description="threat (could hurt the program) or opportunity "
                                       "(could help it).")
    cause: Text = Field(None, description="Because of … (the fact or condition behind it).")
    event: Text = Field(None, description="… this may happen (the uncertain event).")
    effect: Text = Field(None, description="… which would lead to (the effect on the "
                                           "program's objectives).")
    category: Category = Field(description="technical, schedule, cost, resource, scope, "
                                           "external, compliance, security or vendor.")
    probability: Number = Field(description="How likely it is, a whole number from 1 (rare) "
                                            "to 5 (almost certain).",
                                json_schema_extra=ONE_TO_FIVE)
    impact: Number = Field(description="How much it would hurt (or help), a whole number from "
                                       "1 (minor) to 5 (severe).",
                           json_schema_extra=ONE_TO_FIVE)
    score: Number = Field(description="probability × impact, 1–25.",
                          json_schema_extra={"minimum": 1, "maximum": 25})
    owner: Text = Field(None, description="The one person who watches the risk and acts on "
                                          "it.")
    response: Text = Field(None, description="Threats: avoid, mitigate, transfer, accept or "
                                             "escalate; opportunities: exploit, enhance, share, "
                                             "accept or escalate.")
    actions: list[Action] = Field([], description="The planned actions, each with an owner "
                                                  "and a due date.")
    trigger: Text = Field(None, description="The early sign that the risk is happening.")
    contingency: Text = Field(None, description="What will be done if it happens.")
    status: Status = Field(description="open, monitoring, closed or occurred.")
    identified: dt.date = Field(description="When the risk was first logged, YYYY-MM-DD.")
    last_reviewed: dt.date = Field(description="When it was last reviewed, YYYY-MM-DD.")
    closed_reason: Text = Field(None, description="Why it was closed (required once closed).")
    history: list[HistoryEntry] = Field([], description="Each review: its date and the "
                                                        "probability and impact then.")


class RiskRegister(ArtifactModel):
    kind: Literal["risk-register"]
    version: Literal[1]
    program: str = Field(description="The program or project the register covers.")
    review_cadence_days: Annotated[int, Field(ge=1, le=366)] = Field(
        description="How often every open risk is reviewed, in days (e.g. 14).")
    high_threshold: Annotated[int, Field(ge=1, le=25)] = Field(
        description="The score at or above which a risk is high, 1–25 (e.g. 15).")
    risks: list[Risk] = Field(description="One entry per risk.")
