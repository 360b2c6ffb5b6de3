"""The capacity plan's fields (spec/artifacts.md, "capacity-plan")."""

from __future__ import annotations

import math
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import Field, PlainValidator, WithJsonSchema

from pmpath.kinds.base import ArtifactModel
from pmpath.kinds.calendar import Country

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
    start: date
    end: date


class Member(ArtifactModel):
    name: str
    role: str
    fte: Fte
    days_off: Number = 0


class Commitment(ArtifactModel):
    name: str
    estimate_days: Number
    role: str | None = None
    """The role that does the work, when one role does all of it (capacity.role-demand)."""


class CapacityPlan(ArtifactModel):
    kind: Literal["capacity-plan"]
    version: Literal[1]
    team: str
    quarter: Quarter
    sprint_length_days: int = Field(gt=0)
    focus_factor: Number
    buffer: Number
    country: Country = None
    holidays: list[date] = []
    members: list[Member]
    commitments: list[Commitment]
