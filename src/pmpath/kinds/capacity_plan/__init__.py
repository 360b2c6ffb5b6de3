"""Capacity plan (skill 1): how many days of planned work a team can take on in a quarter.

The quarter's workdays (weekdays minus the listed holidays and the public holidays
of the team's ``country``) are a fact shared by the rules and the figures; the
arithmetic on them lives in :mod:`pmpath.analysis.capacity`. The rules check the
team (each person once, the exercise's size), the quarter, every fte and days off,
that the focus factor and buffer are realistic, that holidays are counted, and
that the commitments fit both the team's usable days and each named role's.
"""

from pmpath.kinds.base import KindSpec, Param
from pmpath.kinds.capacity_plan.figures import figures
from pmpath.kinds.capacity_plan.model import CapacityPlan
from pmpath.kinds.capacity_plan.rules import (
    BOOK,
    THRESHOLDS,
    capacity_fact,
    quarter_calendar,
    roles_fact,
)

SPEC = KindSpec(
    kind="capacity-plan",
    model=CapacityPlan,
    rules=BOOK,
    thresholds=THRESHOLDS,
    figures=figures,
    facts={"calendar": quarter_calendar, "numbers": capacity_fact, "roles": roles_fact},
    params={"team_size": Param(int, 8, "how many people the team has")},
    renderer="pmpath.kinds.capacity_plan.render:render",
    svg="pmpath.export.pictures:capacity_bars",
    portfolio="pmpath.kinds.capacity_plan.portfolio:showcase",
    template_values="pmpath.kinds.capacity_plan.template:template_values",
)
