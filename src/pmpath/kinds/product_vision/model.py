"""The product vision's fields (spec/artifacts.md, "product-vision").

Numbers a rule judges (market sizes, RICE inputs, key-result baselines and targets)
also accept text, and due dates accept text, so that a template placeholder such
as ``<number>`` or ``<YYYY-MM-DD>`` is reported once, as a placeholder, and a word
such as ``high`` gets the rule's own message instead of a bare "should be a number".
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
Texts = list[str] | str | None
"""A list of short texts; one text on its own counts as a list of one."""


class MarketSize(ArtifactModel):
    value: NumberOrText = Field(None, description="The size of the market per year, in unit "
                                                  "(e.g. 12000000000 for 12 billion).")
    unit: Text = Field(None, description="The currency, e.g. USD or EUR.")
    source: Text = Field(None, description="Where the figure comes from: a report, a dataset, "
                                           "your own calculation.")
    method: Text = Field(None, description="How it was sized: top-down from a report, or "
                                           "bottom-up from customer counts × price.")


class Market(ArtifactModel):
    tam: MarketSize | None = Field(None, description="Total addressable market: the whole "
                                                     "demand for this kind of product.")
    sam: MarketSize | None = Field(None, description="Serviceable addressable market: the part "
                                                     "your product and channels can serve.")
    som: MarketSize | None = Field(None, description="Serviceable obtainable market: the part "
                                                     "you can realistically win in the horizon.")


class Competitor(ArtifactModel):
    name: str = Field(description="The competitor, or the alternative customers use today.")
    strengths: Texts = Field(None, description="What it does well, honestly.")
    weaknesses: Texts = Field(None, description="Where it falls short for your target "
                                                "customers.")


class RoadmapYear(ArtifactModel):
    year: Annotated[int, Field(strict=True, description="1 for the first year, up to "
                                                        "horizon_years.")]
    themes: Texts = Field(None, description="The problems or outcomes that year is about, "
                                            "not a feature list.")


class KeyResult(ArtifactModel):
    metric: Text = Field(None, description="What is measured, e.g. weekly active teams.")
    baseline: NumberOrText = Field(None, description="Where the metric is today, a number.")
    target: NumberOrText = Field(None, description="Where it should be by the due date, a "
                                                   "number different from the baseline.")
    unit: Text = Field(None, description="The unit of baseline and target, e.g. %, teams, "
                                         "days.")
    due: dt.date | str | None = Field(None, description="The date the target is due, "
                                                        "YYYY-MM-DD.")


class Okr(ArtifactModel):
    objective: str = Field(description="A qualitative, inspiring goal.")
    period: Text = Field(None, description="The period it covers, e.g. 2027-Q1 or 2027-H1.")
    key_results: list[KeyResult] = Field([], description="2 to 5 measurable results that "
                                                         "show the objective is met.")


class Initiative(ArtifactModel):
    name: str = Field(description="The initiative, in a few words.")
    reach: NumberOrText = Field(None, description="People (or events) it affects per quarter, "
                                                  "0 or more.")
    impact: NumberOrText = Field(None, description="Per person: 3 massive, 2 high, 1 medium, "
                                                   "0.5 low, 0.25 minimal.")
    confidence: NumberOrText = Field(None, description="How sure the estimates are: 1.0 high, "
                                                       "0.8 medium, 0.5 low.")
    effort: NumberOrText = Field(None, description="Person-months of work across product, "
                                                   "design and engineering, 0.5 or more.")
    rice: NumberOrText = Field(None, description="Optional: reach × impact × confidence ÷ "
                                                 "effort, as you worked it out.")
    value: Number | None = Field(None, description="WSJF, optional: user-business value "
                                                   "(1, 2, 3, 5, 8, 13, 20).")
    time_criticality: Number | None = Field(None, description="WSJF, optional: how fast the "
                                                              "value decays if it waits.")
    risk_reduction: Number | None = Field(None, description="WSJF, optional: risk reduction "
                                                            "and/or opportunity enablement.")
    job_size: Number | None = Field(None, description="WSJF, optional: the relative size of the "
                                                      "job, above 0.")


class Gtm(ArtifactModel):
    segments: Texts = Field(None, description="The customer segments you go after first.")
    positioning: Text = Field(None, description="For whom, what, and why you rather than the "
                                                "alternatives.")
    pricing: Text = Field(None, description="How you charge, e.g. per seat per month, free "
                                            "trial first.")
    channels: Texts = Field(None, description="How customers find and buy it, e.g. product-led "
                                              "sign-up, partners, sales.")


class ProductVision(ArtifactModel):
    kind: Literal["product-vision"]
    version: Literal[1]
    product: str = Field(description="The product's name.")
    vision: str = Field(description="Where the product will be at the end of the horizon, and "
                                    "for whom, in a sentence or two.")
    horizon_years: Annotated[int, Field(strict=True, description="How many years the vision "
                                                                 "looks ahead, 2 or more.")]
    target_customers: list[str] = Field(min_length=1, description="Who the product is for.")
    problem: str = Field(description="The problem those customers have today.")
    market: Market | None = Field(None, description="TAM ≥ SAM ≥ SOM, each with a value, unit "
                                                    "and source.")
    competitors: list[Competitor] = Field([], description="At least three, each with strengths "
                                                          "and weaknesses.")
    differentiation: Text = Field(None, description="Why customers will choose you over them.")
    roadmap: list[RoadmapYear] = Field([], description="Themes for every year from 1 to "
                                                       "horizon_years.")
    okrs: list[Okr] = Field([], description="1 to 5 objectives, each with 2 to 5 key results.")
    initiatives: list[Initiative] = Field(min_length=1, description="Candidate initiatives, "
                                                                    "scored with RICE.")
    gtm: Gtm | None = Field(None, description="Go-to-market: segments, positioning, pricing, "
                                              "channels.")
