"""The metrics dashboard's fields (spec/artifacts.md, "metrics-dashboard").

Numbers a rule judges (a target, the thresholds, each period's value) also accept
text, so that a template placeholder such as ``<number>`` is reported once, as a
placeholder, and a word such as ``n/a`` gets the rule's own message instead of a
bare "should be a number".
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pmpath.kinds.base import ArtifactModel
from pmpath.kinds.fields import Field

Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
NumberOrText = Number | str | None
"""A number; text is left to the rules (a placeholder, or a word where a number belongs)."""
Text = str | None
"""A text the learner may leave empty; the rules, not the schema, say when it is needed."""

Category = Literal["delivery", "business"]
CATEGORIES: tuple[str, ...] = ("delivery", "business")
DIRECTIONS: tuple[str, ...] = ("up", "down")
DORA_KEYS: tuple[str, ...] = ("deployment-frequency", "lead-time", "change-failure-rate",
                              "recovery-time")
"""DORA's four key software delivery metrics, each to be tagged on one KPI."""
DORA_OPTIONAL: tuple[str, ...] = ("rework-rate",)
"""Added by DORA in 2024; welcome but not required."""


class Thresholds(ArtifactModel):
    green: NumberOrText = Field(
        None, description="The value at which the KPI turns green: direction up, value ≥ "
                          "green; direction down, value ≤ green.")
    amber: NumberOrText = Field(
        None, description="The value at which it is still amber (below it, or above it for "
                          "direction down, it is red). Up: green ≥ amber; down: green ≤ amber.")


class Reading(ArtifactModel):
    period: str | int | dt.date = Field(
        description="The period the value covers, e.g. 2027-W03, 2027-01 or 2027-Q1; in order, "
                    "oldest first.")
    value: NumberOrText = Field(None, description="The KPI's value for that period, a number.")


class Kpi(ArtifactModel):
    id: str | int = Field(description="A short unique id, e.g. deployment-frequency.")
    name: str = Field(description="The name readers see on the tile.")
    category: Category = Field(description="delivery (how the team ships) or business (what "
                                           "it achieves for customers and the company).")
    dora: Text = Field(None, description="For DORA metrics: deployment-frequency, lead-time, "
                                         "change-failure-rate, recovery-time or rework-rate.")
    definition: Text = Field(None, description="What the KPI measures, in one sentence anyone "
                                               "can read.")
    formula: Text = Field(None, description="How it is calculated, precisely enough that two "
                                            "people get the same number.")
    unit: Text = Field(None, description="What the number counts, e.g. deploys/week, hours, "
                                         "%, USD.")
    direction: Text = Field(None, description="up: higher is better; down: lower is better.")
    target: NumberOrText = Field(None, description="The value the team aims for.")
    thresholds: Thresholds | None = Field(None, description="green and amber: where the "
                                                            "status changes.")
    source: Text = Field(None, description="Where the data comes from (a system, a report).")
    owner: Text = Field(None, description="The one person accountable for the KPI.")
    cadence: Text = Field(None, description="How often it is updated, e.g. weekly.")
    values: list[Reading] = Field([], description="One value per period, oldest first; at "
                                                  "least three show a trend.")


class MetricsDashboard(ArtifactModel):
    kind: Literal["metrics-dashboard"]
    version: Literal[1]
    name: str = Field(description="What the dashboard is for, e.g. Payments team: delivery "
                                  "and business health.")
    kpis: list[Kpi] = Field(description="One entry per KPI, delivery and business.")
