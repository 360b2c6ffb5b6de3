"""The capacity plan's figures: the team's days, each member's share, each role's load."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pmpath.analysis.capacity import CapacityNumbers, RoleNumbers
from pmpath.kinds.base import Context, Figures
from pmpath.kinds.capacity_plan.model import CapacityPlan
from pmpath.kinds.capacity_plan.rules import QuarterCalendar


@dataclass(frozen=True)
class MemberFigures:
    role: str
    fte: float | str
    """As written (a number, or text such as '20%' that capacity.fte asks to change)."""
    days_off: float
    available_days: float
    """(workdays - days_off) × fte."""
    planned_days: float
    """available × focus_factor × (1 - buffer): the days that can be planned."""


@dataclass(frozen=True)
class RoleFigures:
    usable_days: float
    demand_days: float
    utilization: float | None
    """demand / usable; None when the role gives no usable days."""


@dataclass(frozen=True)
class CapacityFigures(Figures):
    workdays: int
    capacity_days: float
    usable_days: float
    demand_days: float
    utilization: float | None
    per_sprint_days: float | None
    members: dict[str, MemberFigures]
    """Name -> the member's figures, in the order given; a repeated name gets ' (2)'."""
    roles: dict[str, RoleFigures]
    """Role (as first written) -> its usable and demanded days."""
    public_holidays: tuple[date, ...]
    """The country's public holidays on weekdays inside the quarter."""
    weekdays: int
    quarter_start: date
    quarter_end: date
    country: str | None
    days_off: tuple[date, ...]
    """Every weekday inside the quarter that is not worked (listed or public holidays)."""

    _internal = ("weekdays", "quarter_start", "quarter_end", "country", "days_off")


def figures(doc: CapacityPlan, ctx: Context) -> CapacityFigures:
    calendar: QuarterCalendar = ctx.fact("calendar")
    numbers: CapacityNumbers = ctx.fact("numbers")
    roles: dict[str, RoleNumbers] = ctx.fact("roles")
    members: dict[str, MemberFigures] = {}
    for member, available, planned in zip(doc.members, numbers.available_days,
                                          numbers.planned_days, strict=True):
        name, repeat = member.name, 2
        while name in members:
            name = f"{member.name} ({repeat})"
            repeat += 1
        members[name] = MemberFigures(role=member.role, fte=member.fte,
                                      days_off=member.days_off, available_days=available,
                                      planned_days=planned)
    return CapacityFigures(
        workdays=numbers.workdays, capacity_days=numbers.capacity_days,
        usable_days=numbers.usable_days, demand_days=numbers.demand_days,
        utilization=numbers.utilization, per_sprint_days=numbers.per_sprint_days,
        members=members,
        roles={role.role: RoleFigures(role.usable_days, role.demand_days, role.utilization)
               for role in roles.values()},
        public_holidays=calendar.public_holidays, weekdays=calendar.weekdays,
        quarter_start=doc.quarter.start, quarter_end=doc.quarter.end, country=doc.country,
        days_off=calendar.days_off)
