"""The capacity plan's fields (spec/artifacts.md, "capacity-plan")."""

from __future__ import annotations

import math
from datetime import date
from typing import Annotated, Any, Literal

from pmpath.kinds.base import ArtifactModel
from pmpath.kinds.calendar import Country
from pmpath.kinds.fields import Field, PlainValidator, WithJsonSchema

# Plain floats, not ranges: fte 1.2 or focus_factor 1.0 must reach the rules that explain
# them (capacity.fte, capacity.focus), not common.schema. Infinity and NaN are not numbers
# a learner means, so the schema refuses them.
Number = Annotated[float, Field(allow_inf_nan=False)]


def _fte(value: Any) -> float | str:
    """A number stays a number and so does text that reads as one ('0.5'); other text
    ('20%', 'half') is kept so that capacity.fte can suggest the number it stands for."""
    if isinstance(value, str):
        text = value.strip()
        try:
            value = float(text)
        except ValueError:
            return text
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    raise ValueError("should be a number: 1.0 for full time, 0.5 for half time")


Fte = Annotated[float | str, PlainValidator(_fte),
                WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string"}]})]
"""A share of a full-time week, as a number; text such as '20%' reaches capacity.fte."""


class Quarter(ArtifactModel):
    start: date = Field(description="The quarter's first day, YYYY-MM-DD.")
    end: date = Field(description="Its last day, 12 to 14 weeks later.")


class Member(ArtifactModel):
    name: str = Field(description="The person, once each.")
    role: str = Field(description="Their role, e.g. engineer, designer, qa.")
    fte: Fte = Field(description="Share of a full-time week: 1.0 full time, 0.5 half time "
                                 "(more than 0, at most 1).",
                     json_schema_extra={"anyOf": [{"type": "number", "exclusiveMinimum": 0,
                                                   "maximum": 1}, {"type": "string"}]})
    days_off: Number = Field(0, description="Working days off in the quarter (vacation, "
                                            "training).",
                             json_schema_extra={"minimum": 0})


class Commitment(ArtifactModel):
    name: str = Field(description="The work the team has promised.")
    estimate_days: Number = Field(description="Its estimate in person-days.",
                                  json_schema_extra={"minimum": 0})
    role: str | None = Field(None, description="The role that does all of it, when one "
                                               "does.")
    """The role that does the work, when one role does all of it (capacity.role-demand)."""


class CapacityPlan(ArtifactModel):
    kind: Literal["capacity-plan"]
    version: Literal[1]
    team: str = Field(description="The team's name.")
    quarter: Quarter = Field(description="The quarter planned: start and end.")
    sprint_length_days: int = Field(gt=0, description="Working days per sprint (10 for two "
                                                      "weeks).")
    focus_factor: Number = Field(description="Share of a day spent on planned work, "
                                             "0.4–0.9 (usually 0.5–0.85).",
                                 json_schema_extra={"minimum": 0.4, "maximum": 0.9})
    buffer: Number = Field(description="Share of capacity kept unplanned, 0.05–0.4 (usually "
                                       "0.1–0.25).",
                           json_schema_extra={"minimum": 0.05, "maximum": 0.4})
    country: Country = Field(None, description="Optional ISO 3166 code (US, GB, DE-BY): its "
                                               "public holidays are not working days.")
    holidays: list[date] = Field([], description="Company holidays on weekdays in the "
                                                 "quarter, YYYY-MM-DD.")
    members: list[Member] = Field(description="Everyone on the team (8 for the exercise).")
    commitments: list[Commitment] = Field(description="The work promised this quarter.")
