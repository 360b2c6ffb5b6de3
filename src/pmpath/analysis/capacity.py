"""Team capacity for a quarter: plain numbers in, plain numbers out.

The arithmetic of the capacity plan in spec/artifacts.md:

    workdays     = weekdays from start to end (both included) that are not holidays
    available_i  = (workdays - days_off_i) * fte_i
    capacity     = sum(available_i) * focus_factor
    usable       = capacity * (1 - buffer)
    demand       = sum(estimate_days)
    utilization  = demand / usable
    per_sprint   = usable / (workdays / sprint_length_days)

and per role r (roles compared without case):

    usable_r     = sum(available_i * focus_factor * (1 - buffer)) over members with role r
    demand_r     = sum(estimate_days) over commitments naming role r

A quarter's length in weeks is the number of weeks it touches, ceil((end - start + 1
day) / 7): 2027-01-04..2027-04-02 (89 calendar days) is 13 weeks, and twelve full
Monday-to-Friday weeks (82 days) are 12 weeks, as a planner would count them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from pmpath.analysis.calendar import WorkCalendar

__all__ = ["CapacityNumbers", "RoleNumbers", "available_days", "capacity_numbers",
           "quarter_weeks", "quarter_workdays", "role_key", "role_numbers"]


@dataclass(frozen=True)
class CapacityNumbers:
    workdays: int
    available_days: tuple[float, ...]
    """Per member, in the order given: (workdays - days_off) * fte, never below zero."""
    planned_days: tuple[float, ...]
    """Per member: available * focus_factor * (1 - buffer), the days they can be planned."""
    capacity_days: float
    usable_days: float
    demand_days: float
    utilization: float | None
    """demand / usable; None when nothing is usable (the ratio would be meaningless)."""
    per_sprint_days: float | None
    """usable / (workdays / sprint_length_days); None when the quarter has no workdays."""


@dataclass(frozen=True)
class RoleNumbers:
    role: str
    """The role as the first member with it wrote it (or the commitment, if no member has it)."""
    members: int
    usable_days: float
    demand_days: float
    utilization: float | None
    """demand / usable; None when no member of the role gives usable days."""


def quarter_workdays(start: date, end: date, holidays: Iterable[date] = ()) -> int:
    """Weekdays from ``start`` to ``end``, both included, that are not holidays.

    Holidays on a Saturday or Sunday, or outside the quarter, change nothing.
    """
    return WorkCalendar(holidays).working_days_between(start, end)


def quarter_weeks(start: date, end: date) -> int:
    """The weeks a quarter touches, counting both the first and the last day.

    Rounding up means twelve Monday-to-Friday weeks count as 12, not 11.7.
    """
    return -(-((end - start).days + 1) // 7)


def available_days(workdays: int, fte: float, days_off: float) -> float:
    """(workdays - days_off) * fte; a person cannot give negative days, so it stops at
    zero when days off exceed the workdays or the fte is negative."""
    return max(0.0, (workdays - days_off) * fte)


def capacity_numbers(workdays: int, members: Sequence[tuple[float, float]], *,
                     focus_factor: float, buffer: float, estimates: Iterable[float],
                     sprint_length_days: int) -> CapacityNumbers:
    """The team's capacity; ``members`` holds one ``(fte, days_off)`` pair per person."""
    keep = focus_factor * (1 - buffer)
    available = tuple(available_days(workdays, fte, days_off) for fte, days_off in members)
    planned = tuple(days * keep for days in available)
    capacity = sum(available) * focus_factor
    usable = capacity * (1 - buffer)
    demand = float(sum(estimates))
    utilization = demand / usable if usable > 0 else None
    per_sprint = usable * sprint_length_days / workdays if workdays > 0 else None
    return CapacityNumbers(workdays=workdays, available_days=available, planned_days=planned,
                           capacity_days=capacity, usable_days=usable, demand_days=demand,
                           utilization=utilization, per_sprint_days=per_sprint)


def role_key(role: str) -> str:
    """'QA  Engineer ' and 'qa engineer' are the same role."""
    return " ".join(role.split()).casefold()


def role_numbers(members: Iterable[tuple[str, float]], demands: Iterable[tuple[str, float]],
                 *, focus_factor: float, buffer: float) -> dict[str, RoleNumbers]:
    """Usable and demanded days per role, keyed by :func:`role_key`.

    ``members`` holds one ``(role, available_days)`` pair per person, ``demands`` one
    ``(role, estimate_days)`` pair per commitment that names a role. Members' roles come
    first, in the order they appear; a role only commitments name follows, with 0 usable
    days.
    """
    keep = focus_factor * (1 - buffer)
    names: dict[str, str] = {}
    counts: dict[str, int] = {}
    usable: dict[str, float] = {}
    demand: dict[str, float] = {}
    for role, available in members:
        key = role_key(role)
        names.setdefault(key, role)
        counts[key] = counts.get(key, 0) + 1
        usable[key] = usable.get(key, 0.0) + available * keep
    for role, estimate in demands:
        key = role_key(role)
        names.setdefault(key, role)
        demand[key] = demand.get(key, 0.0) + estimate
    table = {}
    for key, name in names.items():
        role_usable, role_demand = usable.get(key, 0.0), demand.get(key, 0.0)
        table[key] = RoleNumbers(role=name, members=counts.get(key, 0), usable_days=role_usable,
                                 demand_days=role_demand,
                                 utilization=role_demand / role_usable if role_usable > 0
                                 else None)
    return table
