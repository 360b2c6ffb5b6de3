"""capacity-plan: how many days of planned work an eight-person team can take on in a quarter.

The arithmetic (spec/artifacts.md, "capacity-plan") lives in :func:`capacity_figures`,
which takes plain numbers so it can be checked against a hand-worked example:

    workdays     = weekdays from quarter.start to quarter.end (inclusive) not in holidays
    available_i  = (workdays - days_off_i) * fte_i
    capacity     = sum(available_i) * focus_factor
    usable       = capacity * (1 - buffer)
    demand       = sum(estimate_days)
    utilization  = demand / usable
    per_sprint   = usable / (workdays / sprint_length_days)

A quarter's length in weeks is the number of weeks it touches, ceil((end - start + 1
day) / 7): 2027-01-04..2027-04-02 (89 calendar days) is 13 weeks, and twelve full
Monday-to-Friday weeks (82 days) are 12 weeks, as a planner would count them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pydantic import Field

from pmpath.analysis.calendar import WorkCalendar
from pmpath.artifacts.base import ArtifactModel, GradeContext, KindSpec, Outcome, Rule, path_of

FOCUS_RANGE = (0.5, 0.85)
BUFFER_RANGE = (0.1, 0.25)
QUARTER_WEEKS = (12, 14)


class Quarter(ArtifactModel):
    start: date
    end: date


class Member(ArtifactModel):
    name: str
    role: str
    # float, not a constrained type: 1.2 or 0 must reach capacity.fte, not common.schema.
    fte: float
    days_off: float = 0


class Commitment(ArtifactModel):
    name: str
    estimate_days: float


class CapacityPlan(ArtifactModel):
    kind: Literal["capacity-plan"]
    version: Literal[1]
    team: str
    quarter: Quarter
    sprint_length_days: int = Field(gt=0)
    focus_factor: float
    buffer: float
    holidays: list[date] = []
    members: list[Member]
    commitments: list[Commitment]


# -- the arithmetic -------------------------------------------------------------------


@dataclass(frozen=True)
class CapacityFigures:
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


def quarter_workdays(start: date, end: date, holidays: Iterable[date] = ()) -> int:
    """Weekdays from ``start`` to ``end``, both included, that are not holidays."""
    return WorkCalendar(holidays).working_days_between(start, end)


def quarter_weeks(start: date, end: date) -> int:
    """The weeks a quarter touches, counting both the first and the last day.

    Rounding up means twelve Monday-to-Friday weeks count as 12, not 11.7.
    """
    return -(-((end - start).days + 1) // 7)


def capacity_figures(workdays: int, members: Sequence[tuple[float, float]], *,
                     focus_factor: float, buffer: float, estimates: Iterable[float],
                     sprint_length_days: int) -> CapacityFigures:
    """The capacity arithmetic; ``members`` holds one ``(fte, days_off)`` pair per person.

    A person cannot give negative days, so available days stop at zero when days off
    exceed the workdays (capacity.days-off reports that mistake separately).
    """
    keep = focus_factor * (1 - buffer)
    available = tuple(max(0.0, (workdays - days_off) * fte) for fte, days_off in members)
    planned = tuple(days * keep for days in available)
    capacity = sum(available) * focus_factor
    usable = capacity * (1 - buffer)
    demand = float(sum(estimates))
    utilization = demand / usable if usable > 0 else None
    per_sprint = usable * sprint_length_days / workdays if workdays > 0 else None
    return CapacityFigures(workdays=workdays, available_days=available, planned_days=planned,
                           capacity_days=capacity, usable_days=usable, demand_days=demand,
                           utilization=utilization, per_sprint_days=per_sprint)


# -- rules ----------------------------------------------------------------------------

RULES: tuple[Rule, ...] = (
    Rule(
        id="capacity.team-size",
        severity="error",
        title="The plan covers the whole team",
        rationale=(
            "Capacity is the sum of what each person can give, so a plan that leaves someone "
            "out (or counts someone twice) is wrong before any arithmetic starts. The exercise "
            "is for a team of a fixed size; list every member once."
        ),
        hint="List every member of the team once under 'members'.",
        passes="members:            # 8 entries for an eight-person team\n  - {name: Ana, ...}",
        fails="members:            # only 7 entries\n  - {name: Ana, ...}",
        weight=2,
    ),
    Rule(
        id="capacity.quarter",
        severity="error",
        title="The quarter spans 12 to 14 weeks",
        rationale=(
            "A quarter is about thirteen weeks. Planning a much shorter or longer window makes "
            "the numbers impossible to compare with the roadmap, the budget cycle and last "
            "quarter's actuals. Weeks are counted as (end - start + 1 day) / 7."
        ),
        hint="Set quarter.start and quarter.end about 13 weeks apart, "
             "e.g. {start: 2027-01-04, end: 2027-04-02}.",
        passes="quarter: {start: 2027-01-04, end: 2027-04-02}   # 13 weeks",
        fails="quarter: {start: 2027-01-04, end: 2027-03-12}   # 10 weeks",
        weight=2,
    ),
    Rule(
        id="capacity.fte",
        severity="error",
        title="Each fte is more than 0 and at most 1",
        rationale=(
            "fte (full-time equivalent) is the share of a working week a person gives this "
            "team: 1.0 is full time, 0.5 half time. Above 1 means planning on overtime from "
            "day one, which burns people out and hides a staffing gap."
        ),
        hint="Set fte between 0 and 1: 1.0 for full time, 0.5 for half time.",
        passes="- {name: Ana, role: engineer, fte: 1.0, days_off: 5}",
        fails="- {name: Ana, role: engineer, fte: 1.2, days_off: 5}",
        weight=2,
    ),
    Rule(
        id="capacity.days-off",
        severity="error",
        title="Days off fit inside the quarter",
        rationale=(
            "Holidays, leave, training and on-call recovery come out of each person's "
            "workdays. A negative number, or more days off than the quarter has workdays, "
            "is a typo that silently distorts the team's capacity."
        ),
        hint="Set days_off to the person's planned leave in working days "
             "(0 up to the quarter's workdays).",
        passes="- {name: Ben, role: engineer, fte: 1.0, days_off: 8}",
        fails="- {name: Ben, role: engineer, fte: 1.0, days_off: 70}   # quarter has 63",
        weight=2,
    ),
    Rule(
        id="capacity.focus",
        severity="warning",
        title="The focus factor is realistic (0.5 to 0.85)",
        rationale=(
            "Nobody spends a whole day on planned work: meetings, reviews, support and "
            "interruptions take their share. Teams usually land between 0.5 and 0.85; a "
            "higher figure promises work the team will not have time for."
        ),
        hint="Use focus_factor: 0.7 unless you have measured your team's real figure.",
        passes="focus_factor: 0.7",
        fails="focus_factor: 0.95",
        weight=1,
    ),
    Rule(
        id="capacity.buffer",
        severity="warning",
        title="A buffer of 10 to 25 percent is held back",
        rationale=(
            "Something always comes up during a quarter: incidents, urgent requests, work "
            "that was underestimated. Holding back 10 to 25 percent keeps those from "
            "breaking every commitment; much more than that leaves the team underused."
        ),
        hint="Set buffer between 0.1 and 0.25, e.g. buffer: 0.15.",
        passes="buffer: 0.15",
        fails="buffer: 0.0",
        weight=1,
    ),
    Rule(
        id="capacity.overcommitted",
        severity="error",
        title="Demand fits inside usable capacity",
        rationale=(
            "This is the point of a capacity plan: the days the commitments need must fit "
            "into the days the team can really plan. When they do not, a senior PM cuts or "
            "defers scope now, openly, instead of discovering the gap in week ten."
        ),
        hint="Defer or cut commitments until demand is at most usable capacity; "
             "do not raise focus_factor or shrink estimates to make it fit.",
        passes="# usable 276.1 days, commitments add up to 260",
        fails="# usable 276.1 days, commitments add up to 310",
        weight=3,
    ),
    Rule(
        id="capacity.roles",
        severity="warning",
        title="The team has at least two roles",
        rationale=(
            "Real delivery needs more than one skill: engineering, testing, design, product, "
            "operations. Listing one role usually means the roles were not thought about, and "
            "hides bottlenecks such as one tester for six engineers."
        ),
        hint="Give each member their actual role (engineer, QA, designer, product manager...).",
        passes="roles: engineer, QA engineer, designer",
        fails="roles: engineer (all eight)",
        weight=1,
    ),
)


def _days(value: float) -> str:
    """A day count as a learner writes it: 5, not 5.0; 2.5 stays 2.5."""
    return f"{value:g}"


def grade(doc: CapacityPlan, ctx: GradeContext) -> Outcome:
    out = SPEC.outcome()
    team_size = int(ctx.params.get("team_size", SPEC.defaults["team_size"]))
    start, end = doc.quarter.start, doc.quarter.end
    workdays = quarter_workdays(start, end, doc.holidays)

    count = len(doc.members)
    if count != team_size:
        difference = team_size - count
        fix = (f"add the {difference} missing member{'s' if difference != 1 else ''}"
               if difference > 0 else
               f"remove {-difference} member{'s' if difference != -1 else ''} (or check for "
               "someone listed twice)")
        out.add("capacity.team-size", "members",
                f"the plan lists {count} member{'s' if count != 1 else ''}, but this exercise "
                f"is for a team of {team_size}",
                hint=f"{fix[0].upper()}{fix[1:]} so 'members' has exactly {team_size} entries.")

    weeks = quarter_weeks(start, end)
    low, high = QUARTER_WEEKS
    if not low <= weeks <= high:
        out.add("capacity.quarter", "quarter",
                f"the quarter {start.isoformat()} to {end.isoformat()} spans {weeks} weeks; "
                f"a quarter plan covers {low} to {high} weeks",
                hint="Move quarter.end so the quarter is about 13 weeks long, e.g. "
                     f"end: {date.fromordinal(start.toordinal() + 88).isoformat()}.")

    for index, member in enumerate(doc.members):
        if not 0 < member.fte <= 1:
            out.add("capacity.fte", path_of("members", index, "fte"),
                    f"{member.name} has fte {member.fte:g}; fte is the share of a full-time week "
                    "and must be more than 0 and at most 1",
                    hint=("Set fte: 1.0 for full time; plan overtime as risk, not capacity."
                          if member.fte > 1 else
                          "Give a positive share such as fte: 0.5, or remove the member "
                          "if they give this team no time."))
        if member.days_off < 0:
            out.add("capacity.days-off", path_of("members", index, "days_off"),
                    f"{member.name} has {_days(member.days_off)} days off; days off cannot "
                    "be negative",
                    hint="Set days_off to the person's planned leave in working days "
                         "(0 if none).")
        elif member.days_off > workdays:
            out.add("capacity.days-off", path_of("members", index, "days_off"),
                    f"{member.name} has {_days(member.days_off)} days off but the quarter "
                    f"has only {workdays} workdays",
                    hint=f"Set days_off between 0 and {workdays}; if {member.name} is away "
                         "the whole quarter, leave them out of the plan.")

    low_focus, high_focus = FOCUS_RANGE
    if not low_focus <= doc.focus_factor <= high_focus:
        side = "optimistic" if doc.focus_factor > high_focus else "pessimistic"
        out.add("capacity.focus", "focus_factor",
                f"focus_factor {doc.focus_factor:g} assumes {doc.focus_factor:.0%} of each day "
                f"goes to planned work, which is {side}; teams usually manage "
                f"{low_focus:g} to {high_focus:g}",
                hint="Set focus_factor: 0.7 unless you have measured your team's own figure.")

    low_buffer, high_buffer = BUFFER_RANGE
    if not low_buffer <= doc.buffer <= high_buffer:
        side = "too little to absorb surprises" if doc.buffer < low_buffer else \
            "more than a team needs, so capacity sits idle"
        out.add("capacity.buffer", "buffer",
                f"buffer {doc.buffer:g} holds back {doc.buffer:.0%} of capacity, {side}; "
                f"keep {low_buffer:g} to {high_buffer:g}",
                hint="Set buffer: 0.15 (15 percent held back for the unexpected).")

    figures = capacity_figures(
        workdays, [(member.fte, member.days_off) for member in doc.members],
        focus_factor=doc.focus_factor, buffer=doc.buffer,
        estimates=(commitment.estimate_days for commitment in doc.commitments),
        sprint_length_days=doc.sprint_length_days)

    usable, demand = figures.usable_days, figures.demand_days
    if demand > usable + 1e-9:
        excess = demand - usable
        out.add("capacity.overcommitted", "commitments",
                f"demand {demand:.1f} days exceeds usable {usable:.1f} days by {excess:.1f}",
                hint=f"Defer or cut commitments worth at least {excess:.1f} days (move them to "
                     "next quarter), or add people; do not raise focus_factor or shrink "
                     "estimates to make it fit.")

    roles = {member.role.casefold() for member in doc.members if member.role}
    if len(roles) < 2 and doc.members:
        only = doc.members[0].role or "(none)"
        out.add("capacity.roles", "members",
                f"every member has the role '{only}'; a quarter plan needs the mix of skills "
                "the work needs (at least two roles)",
                hint="Write each member's real role: engineer, QA engineer, designer, "
                     "product manager, SRE...")

    out.metrics = {
        "workdays": figures.workdays,
        "capacity_days": figures.capacity_days,
        "usable_days": figures.usable_days,
        "demand_days": figures.demand_days,
        "utilization": figures.utilization,
        "per_sprint_days": figures.per_sprint_days,
        "members": _member_metrics(doc.members, figures),
    }
    return out


def _member_metrics(members: Sequence[Member],
                    figures: CapacityFigures) -> dict[str, dict[str, Any]]:
    """name -> the member's figures, for the per-person table; repeated names get ' (2)'."""
    table: dict[str, dict[str, Any]] = {}
    for member, available, planned in zip(members, figures.available_days,
                                          figures.planned_days, strict=True):
        name = member.name
        repeat = 2
        while name in table:
            name = f"{member.name} ({repeat})"
            repeat += 1
        table[name] = {"role": member.role, "fte": member.fte, "days_off": member.days_off,
                       "available_days": available, "planned_days": planned}
    return table


SPEC = KindSpec(kind="capacity-plan", model=CapacityPlan, rules=RULES, grade=grade,
                defaults={"team_size": 8})
