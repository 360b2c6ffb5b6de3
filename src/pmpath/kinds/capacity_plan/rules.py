"""The capacity plan's rules, each bound to its check, and the facts they share.

The quarter's calendar (its workdays, after the listed holidays and the country's
public holidays) and the capacity arithmetic built on it are facts: computed once,
read by several rules and by the figures. The arithmetic itself lives in
:mod:`pmpath.analysis.capacity`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from pmpath.analysis.capacity import (
    CapacityNumbers,
    RoleNumbers,
    capacity_numbers,
    quarter_weeks,
    quarter_workdays,
    role_key,
    role_numbers,
)
from pmpath.kinds.base import Blocked, Context, Found, Rule, RuleBook, number_text, path_of
from pmpath.kinds.calendar import non_working_days
from pmpath.kinds.capacity_plan.model import CapacityPlan, Member
from pmpath.kinds.common import is_placeholder

THRESHOLDS: dict[str, dict[str, Any]] = {
    "capacity.quarter": {"min_weeks": 12, "max_weeks": 14},
    "capacity.focus": {"error_below": 0.4, "error_above": 0.9,
                       "warn_below": 0.5, "warn_above": 0.85},
    "capacity.buffer": {"error_below": 0.05, "error_above": 0.4,
                        "warn_below": 0.1, "warn_above": 0.25},
}
"""pmpath's defaults for the numbers the rules judge by; ``thresholds`` in
curriculum/rubric.yaml may change any of them."""

SOUND_FOCUS = 0.7
SOUND_BUFFER = 0.15
TOLERANCE = 1e-9
"""Days are sums of floats; differences smaller than this are no difference."""
LONGEST_QUARTER_DAYS = 371
"""Past about a year the dates are a mistake, not a quarter: the calendar is not built."""

RULES: tuple[Rule, ...] = (
    Rule(
        id="capacity.team-size",
        severity="error",
        title="The plan covers the whole team, each person once",
        rationale=(
            "Capacity is the sum of what each person can give, so a plan that leaves someone "
            "out, or counts someone twice, is wrong before any arithmetic starts. The exercise "
            "is for a team of a fixed size; list every member once. Names are compared "
            "without case, spaces and text in brackets, so 'Ana Costa' and 'ana costa (lead)' "
            "are the same person."
        ),
        hint="List every member of the team once under 'members'.",
        passes="members:            # 8 different people for an eight-person team\n"
               "  - {name: Ana Costa, ...}\n  - {name: Ben Okafor, ...}",
        fails="members:            # 8 entries, but Ana is there twice\n"
              "  - {name: Ana Costa, ...}\n  - {name: ana costa (lead), ...}",
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
        title="Each fte is a number more than 0 and at most 1",
        rationale=(
            "fte (full-time equivalent) is the share of a working week a person gives this "
            "team: 1.0 is full time, 0.5 half time. Above 1 means planning on overtime from "
            "day one, which burns people out and hides a staffing gap."
        ),
        hint="Set fte between 0 and 1: 1.0 for full time, 0.5 for half time.",
        passes="- {name: Ana, role: engineer, fte: 0.5, days_off: 5}",
        fails="- {name: Ana, role: engineer, fte: 50, days_off: 5}    # 50% is fte: 0.5",
        weight=2,
    ),
    Rule(
        id="capacity.days-off",
        severity="error",
        title="Days off fit inside the quarter",
        rationale=(
            "Holidays, leave, training and on-call recovery come out of each person's "
            "workdays. A negative number, or more days off than the quarter has workdays, "
            "is a typo that silently distorts the team's capacity. Someone away the whole "
            "quarter stays on the list with days_off equal to the quarter's workdays."
        ),
        hint="Set days_off to the person's planned leave in working days "
             "(0 up to the quarter's workdays).",
        passes="- {name: Ben, role: engineer, fte: 1.0, days_off: 8}",
        fails="- {name: Ben, role: engineer, fte: 1.0, days_off: 70}   # quarter has 63",
        weight=2,
        needs=("calendar",),
    ),
    Rule(
        id="capacity.focus",
        severity="error",
        title="The focus factor is realistic (0.5 to 0.85)",
        rationale=(
            "Nobody spends a whole day on planned work: meetings, reviews, support and "
            "interruptions take their share. Teams usually land between 0.5 and 0.85, and a "
            "figure outside that range is a warning. Above 0.9 or below 0.4 it is an error: "
            "such a plan promises work the team will not have time for, or leaves most of "
            "the team's time unexplained."
        ),
        hint="Use focus_factor: 0.7 unless you have measured your team's real figure.",
        passes="focus_factor: 0.7",
        fails="focus_factor: 1.0     # an error; 0.88 would be a warning",
        weight=1,
    ),
    Rule(
        id="capacity.buffer",
        severity="error",
        title="A buffer of 10 to 25 percent is held back",
        rationale=(
            "Something always comes up during a quarter: incidents, urgent requests, work "
            "that was underestimated. Holding back 10 to 25 percent keeps those from "
            "breaking every commitment; a buffer outside that range is a warning. Below 5 "
            "percent (no real reserve) or above 40 (most of the team left idle) it is an "
            "error."
        ),
        hint="Set buffer between 0.1 and 0.25, e.g. buffer: 0.15.",
        passes="buffer: 0.15",
        fails="buffer: 0       # an error; 0.3 would be a warning",
        weight=1,
    ),
    Rule(
        id="capacity.role-demand",
        severity="error",
        title="Work for a role fits in that role's capacity",
        rationale=(
            "A team can have days to spare overall and still be overbooked where it counts: "
            "forty days of design for one half-time designer will not happen, however many "
            "engineers are free. When a commitment names the role that does it, that role "
            "must exist on the team (roles are compared without case) and the work naming it "
            "must fit inside the role's usable days."
        ),
        hint="Give each commitment's role exactly as a member has it, and keep each role's "
             "work within its usable days: defer work, or plan more time for that role.",
        passes="members: [{name: Hugo, role: designer, fte: 1.0, days_off: 4}]\n"
               "commitments: [{name: Checkout visual design, estimate_days: 15, "
               "role: Designer}]",
        fails="members: [{name: Hugo, role: designer, fte: 0.5, days_off: 4}]   # ~18 usable\n"
              "commitments: [{name: Checkout visual design, estimate_days: 40, "
              "role: designer}]",
        weight=2,
        needs=("roles",),
    ),
    Rule(
        id="capacity.holidays",
        severity="warning",
        title="Holidays are counted, on weekdays inside the quarter",
        rationale=(
            "Public holidays take whole days from everyone, often two or three a quarter. A "
            "plan that lists none and names no country counts them as workdays. A listed "
            "holiday on a weekend or outside the quarter changes nothing and usually means a "
            "wrong date: a holiday observed on the Friday is listed as the Friday."
        ),
        hint="List the weekday holidays inside the quarter under holidays, or name the team's "
             "country (country: US) so its public holidays are counted.",
        passes="country: US          # or holidays: [2027-01-18, 2027-02-15]",
        fails="holidays: [2027-01-16]   # a Saturday",
        weight=1,
        needs=("calendar",),
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
        needs=("numbers",),
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

BOOK = RuleBook(RULES)

_num = number_text


def _days(value: float) -> str:
    """Capacity figures to one decimal place: 276.08 -> '276.1'."""
    return f"{value:.1f}"


def _fte_text(value: float) -> str:
    """1 -> '1.0', 0.5 -> '0.5': an fte always reads as a share of a week."""
    return f"{value:.1f}" if value == int(value) else f"{value:g}"


def _share(value: float) -> str:
    """0.95 -> '0.95', 1 -> '1.0': a focus factor or buffer reads as a share."""
    return _fte_text(value) if 0 <= value <= 1 else _num(value)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


# -- thresholds ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Range:
    """Where a share (focus factor, buffer) is usual, unusual (a warning) or absurd (an error)."""

    error_below: float
    error_above: float
    warn_below: float
    warn_above: float

    def severity(self, value: float) -> str | None:
        if value < self.error_below or value > self.error_above:
            return "error"
        if value < self.warn_below or value > self.warn_above:
            return "warning"
        return None


def share_range(ctx: Context, rule_id: str) -> Range:
    return Range(*(float(ctx.threshold(rule_id, name))
                   for name in ("error_below", "error_above", "warn_below", "warn_above")))


# -- facts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuarterCalendar:
    workdays: int
    """Weekdays in the quarter that are neither listed holidays nor the country's."""
    weekdays: int
    days_off: tuple[date, ...]
    """The weekdays inside the quarter that are not worked: listed or public holidays."""
    public_holidays: tuple[date, ...]
    """The country's public holidays on weekdays inside the quarter."""


def quarter_calendar(doc: CapacityPlan, ctx: Context) -> QuarterCalendar:
    """The quarter's workdays; blocked when the dates cannot be a quarter at all."""
    start, end = doc.quarter.start, doc.quarter.end
    if end < start:
        raise Blocked(f"the quarter ends ({end.isoformat()}) before it starts "
                      f"({start.isoformat()}), so it has no workdays to count yet "
                      "(see capacity.quarter)")
    if (end - start).days > LONGEST_QUARTER_DAYS:
        raise Blocked(f"the quarter from {start.isoformat()} to {end.isoformat()} spans "
                      f"{quarter_weeks(start, end)} weeks, so its workdays are counted once "
                      "it is a quarter (see capacity.quarter)")
    try:
        public = non_working_days([], doc.country, start, end)
    except (ValueError, OverflowError) as error:  # a year the holiday tables cannot reach
        raise Blocked(f"the public holidays of {doc.country} around {end.year} cannot be "
                      f"looked up ({error})") from error

    def inside(days: list[date]) -> tuple[date, ...]:
        return tuple(sorted({day for day in days if start <= day <= end and day.weekday() < 5}))

    days_off = inside([*doc.holidays, *public])
    return QuarterCalendar(workdays=quarter_workdays(start, end, days_off),
                           weekdays=quarter_workdays(start, end), days_off=days_off,
                           public_holidays=inside(public))


FTE_WORDS = {"full time": 1.0, "full-time": 1.0, "fulltime": 1.0, "full": 1.0,
             "half time": 0.5, "half-time": 0.5, "half": 0.5}


def fte_value(fte: float | str) -> float:
    """The number an fte stands for in the arithmetic: '20%' is 0.2, 'half time' 0.5, other
    text 0 (capacity.fte asks for a number either way)."""
    if isinstance(fte, str):
        share = percentage(fte)
        if share is None:
            share = FTE_WORDS.get(" ".join(fte.lower().split()))
        return share if share is not None else 0.0
    return fte


def percentage(text: str) -> float | None:
    """'20%' -> 0.2, '12.5 %' -> 0.125; None when the text is not a percentage."""
    match = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*%\s*", text)
    return float(match.group(1).replace(",", ".")) / 100 if match else None


def capacity_fact(doc: CapacityPlan, ctx: Context) -> CapacityNumbers:
    calendar: QuarterCalendar = ctx.fact("calendar")
    return capacity_numbers(
        calendar.workdays, [(fte_value(member.fte), member.days_off) for member in doc.members],
        focus_factor=doc.focus_factor, buffer=doc.buffer,
        estimates=(commitment.estimate_days for commitment in doc.commitments),
        sprint_length_days=doc.sprint_length_days)


def roles_fact(doc: CapacityPlan, ctx: Context) -> dict[str, RoleNumbers]:
    """Role key -> usable and demanded days (commitments with a written role only)."""
    numbers: CapacityNumbers = ctx.fact("numbers")
    return role_numbers(
        [(member.role, available) for member, available in
         zip(doc.members, numbers.available_days, strict=True)],
        [(commitment.role, commitment.estimate_days) for commitment in doc.commitments
         if named_role(commitment.role)],
        focus_factor=doc.focus_factor, buffer=doc.buffer)


def named_role(role: str | None) -> bool:
    """A role really written (not empty, not a template placeholder)."""
    return bool(role and role.strip()) and not is_placeholder(role)


def workdays_or_none(ctx: Context) -> int | None:
    try:
        return int(ctx.fact("calendar").workdays)
    except Blocked:
        return None


# -- capacity.team-size -------------------------------------------------------------------


def person_key(name: str) -> str:
    """'Ana Costa (tech lead)', 'ana costa' and 'AnaCosta' are the same person."""
    without_brackets = re.sub(r"\([^)]*\)|\[[^\]]*\]|\{[^}]*\}", "", name)
    return "".join(without_brackets.split()).casefold()


def repeated_people(members: list[Member]) -> list[tuple[int, int]]:
    """(index, index of the first entry for the same person) for every repeat."""
    first: dict[str, int] = {}
    repeats = []
    for index, member in enumerate(members):
        if is_placeholder(member.name):
            continue  # common.placeholder asks for a real name first
        key = person_key(member.name)
        if not key:
            continue
        if key in first:
            repeats.append((index, first[key]))
        else:
            first[key] = index
    return repeats


@BOOK.check("capacity.team-size")
def whole_team_once(doc: CapacityPlan, ctx: Context, found: Found) -> None:
    team_size = int(ctx.param("team_size"))
    count = len(doc.members)
    repeats = repeated_people(doc.members)
    if count != team_size:
        difference = team_size - count
        if difference > 0:
            fix = f"add the {_plural(difference, 'missing member')}"
        elif repeats:
            index, first = repeats[0]
            fix = (f"remove {_plural(-difference, 'member')}, starting with members[{index}], "
                   f"the second entry for {doc.members[first].name}")
        else:
            fix = (f"remove {_plural(-difference, 'member')} (or check for someone listed "
                   "twice)")
        found("members",
              f"the plan lists {_plural(count, 'member')}, but this exercise is for a team of "
              f"{team_size}",
              hint=f"{fix[0].upper()}{fix[1:]} so 'members' has exactly {team_size} entries.")
    for index, first in repeats:
        name, earlier = doc.members[index].name, doc.members[first].name
        if name == earlier:
            message = f"{name} is listed twice, as members[{first}] and members[{index}]"
        else:
            message = (f"'{name}' (members[{index}]) is the same person as '{earlier}' "
                       f"(members[{first}]): names are compared without case, spaces and "
                       "text in brackets")
        if count > team_size:
            hint = (f"Delete members[{index}] and keep {earlier}'s real fte and days_off in "
                    f"members[{first}].")
        else:
            hint = (f"Keep one entry for {earlier}, with their real fte and days_off, and use "
                    f"members[{index}] for the team member who is missing, so the plan lists "
                    f"{team_size} different people.")
        found(path_of("members", index, "name"), message, hint=hint)


# -- capacity.quarter ---------------------------------------------------------------------


@BOOK.check("capacity.quarter")
def about_thirteen_weeks(doc: CapacityPlan, ctx: Context, found: Found) -> None:
    start, end = doc.quarter.start, doc.quarter.end
    low = int(ctx.threshold("capacity.quarter", "min_weeks"))
    high = int(ctx.threshold("capacity.quarter", "max_weeks"))
    suggested_end = (start + timedelta(days=88)).isoformat()  # 13 weeks, Monday to Friday
    if end < start:
        found("quarter",
              f"the quarter ends on {end.isoformat()}, before it starts on {start.isoformat()}",
              hint=f"Check the two dates; a quarter starting {start.isoformat()} ends about "
                   f"13 weeks later, e.g. end: {suggested_end}.")
        return
    weeks = quarter_weeks(start, end)
    if not low <= weeks <= high:
        found("quarter",
              f"the quarter {start.isoformat()} to {end.isoformat()} spans {weeks} weeks; "
              f"a quarter plan covers {low} to {high} weeks",
              hint=f"Move quarter.end so the quarter is about 13 weeks long, e.g. "
                   f"end: {suggested_end}.")


# -- capacity.fte -------------------------------------------------------------------------

def fte_problem(name: str, fte: float | str, workdays: int | None) -> tuple[str, str] | None:
    """(message, hint) for an fte that is not a number in (0, 1]; None when it is.

    The hint reads what was typed: 50 and '50%' are percentages (fte 0.5), 1.5 is
    overtime, -0.5 a stray minus sign.
    """
    away = (f"days_off: {workdays} (the quarter's workdays)" if workdays is not None else
            "days_off equal to the quarter's workdays")
    if isinstance(fte, str):
        text = fte.strip()
        if not text:
            return (f"{name} has no fte; fte is the share of a full-time week they give this "
                    "team", "Write it as a number: fte: 1.0 for full time, 0.5 for half time.")
        share = percentage(text)
        if share is None:
            share = FTE_WORDS.get(" ".join(text.lower().split()))
            if share is None:
                return (f"{name} has fte '{text}'; fte is written as a number, the share of "
                        "a full-time week",
                        "Write it as a number: fte: 1.0 for full time, 0.5 for half time, "
                        "0.2 for one day a week.")
            return (f"{name} has fte '{text}'; fte is written as a number, the share of a "
                    "full-time week", f"'{text}' is fte: {_fte_text(share)}; write that.")
        if 0 < share <= 1:
            return (f"{name} has fte '{text}', a percentage; fte is written as a share of a "
                    "full-time week, from 0 to 1",
                    f"{text} of a week is fte: {_fte_text(share)}; write that.")
        fte = share  # 0% or 150%: judged below as the share it states
    if 0 < fte <= 1:
        return None
    message = (f"{name} has fte {_num(fte)}; fte is the share of a full-time week and must be "
               "more than 0 and at most 1")
    if fte == 0:
        return (message,
                f"Give the share of the week {name} gives this team, e.g. fte: 0.5 for half "
                f"time; if {name} is away all quarter, keep a real fte and set {away}.")
    if fte < 0:
        if -fte <= 1:
            return message, (f"An fte cannot be negative; if you meant {_fte_text(-fte)}, set "
                             f"fte: {_fte_text(-fte)}.")
        return message, "An fte cannot be negative; set 1.0 for full time, 0.5 for half time."
    if 10 <= fte <= 100:
        share = fte / 100
        return message, (f"fte {_num(fte)} looks like a percentage: {_num(fte)}% of a week is "
                         f"fte: {_fte_text(share)}; set fte: {_fte_text(share)}.")
    return message, ("An fte above 1 means more than full-time; set 1.0 or split the work "
                     "with another person, and treat overtime as a risk, not as capacity.")


@BOOK.check("capacity.fte")
def share_of_a_week(doc: CapacityPlan, ctx: Context, found: Found) -> None:
    workdays = None
    for index, member in enumerate(doc.members):
        if isinstance(member.fte, float) and 0 < member.fte <= 1:
            continue
        if workdays is None:
            workdays = workdays_or_none(ctx)
        problem = fte_problem(member.name, member.fte, workdays)
        if problem is not None:
            message, hint = problem
            found(path_of("members", index, "fte"), message, hint=hint)


# -- capacity.days-off --------------------------------------------------------------------


@BOOK.check("capacity.days-off")
def days_off_fit(doc: CapacityPlan, ctx: Context, found: Found) -> None:
    workdays = ctx.fact("calendar").workdays
    team_size = int(ctx.param("team_size"))
    for index, member in enumerate(doc.members):
        name, days_off = member.name, member.days_off
        where = path_of("members", index, "days_off")
        if days_off < 0:
            found(where, f"{name} has {_num(days_off)} days off; days off cannot be negative",
                  hint=f"If you meant {_num(-days_off)} days away, set days_off: "
                       f"{_num(-days_off)}; if {name} has no leave this quarter, set "
                       "days_off: 0.")
        elif days_off > workdays:
            found(where,
                  f"{name} has {_num(days_off)} days off but the quarter has only {workdays} "
                  "workdays",
                  hint=f"Count working days only, from 0 to {workdays}. If {name} is away the "
                       f"whole quarter, set days_off: {workdays} (the quarter's workdays) and "
                       f"keep {name} listed: removing them breaks the team size of "
                       f"{team_size}.")


# -- capacity.focus and capacity.buffer ---------------------------------------------------


def _looks_like_percent(value: float) -> bool:
    return 1 < value <= 100


@BOOK.check("capacity.focus")
def realistic_focus(doc: CapacityPlan, ctx: Context, found: Found) -> None:
    value = doc.focus_factor
    limits = share_range(ctx, "capacity.focus")
    severity = limits.severity(value)
    if severity is None:
        return
    usual = f"teams usually manage {_num(limits.warn_below)} to {_num(limits.warn_above)}"
    sound = f"Set focus_factor: {_num(SOUND_FOCUS)} unless you have measured your team's own " \
            "figure."
    if _looks_like_percent(value):
        share = value / 100
        fits = limits.severity(share) is None
        found("focus_factor",
              f"focus_factor {_num(value)} is more than a whole day; it is the share of a day "
              f"spent on planned work, from 0 to 1, and {usual}",
              hint=(f"{_num(value)}% is focus_factor: {_num(share)}; set that." if fits else
                    f"{_num(value)}% would be focus_factor: {_num(share)}, still outside what "
                    f"teams manage. {sound}"),
              severity=severity)
        return
    if value <= 0:
        found("focus_factor",
              f"focus_factor {_share(value)} leaves no time at all for planned work; {usual}",
              hint=(f"If you meant {_num(-value)}, set focus_factor: {_num(-value)}."
                    if limits.severity(-value) is None else sound),
              severity=severity)
        return
    if value > limits.warn_above:
        side = ("more than any team has once meetings, reviews, support and interruptions "
                "take their share" if severity == "error" else "which is optimistic")
    else:
        side = ("which leaves most of the team's time unexplained" if severity == "error"
                else "which is pessimistic")
    hint = sound if severity == "error" else (
        f"{sound} If you have, keep it and note in a comment how you measured it.")
    found("focus_factor",
          f"focus_factor {_share(value)} assumes {value:.0%} of each day goes to planned work, "
          f"{side}; {usual}",
          hint=hint, severity=severity)


@BOOK.check("capacity.buffer")
def sensible_buffer(doc: CapacityPlan, ctx: Context, found: Found) -> None:
    value = doc.buffer
    limits = share_range(ctx, "capacity.buffer")
    severity = limits.severity(value)
    if severity is None:
        return
    keep = f"keep {_num(limits.warn_below)} to {_num(limits.warn_above)}"
    sound = f"Set buffer: {_num(SOUND_BUFFER)} (15 percent held back for the unexpected)."
    if _looks_like_percent(value):
        share = value / 100
        fits = limits.severity(share) is None
        found("buffer",
              f"buffer {_num(value)} holds back more than the whole capacity; it is the share "
              f"held back, from 0 to 1; {keep}",
              hint=(f"{_num(value)}% is buffer: {_num(share)}; set that." if fits else
                    f"{_num(value)}% would be buffer: {_num(share)}, still outside the usual "
                    f"range. {sound}"),
              severity=severity)
        return
    if value < 0:
        found("buffer", f"buffer {_num(value)} is negative; a buffer holds capacity back, {keep}",
              hint=(f"If you meant {_num(-value)}, set buffer: {_num(-value)}."
                    if limits.severity(-value) is None else sound),
              severity=severity)
        return
    side = ("too little to absorb surprises" if value < limits.warn_below else
            "more than a team needs, so capacity sits idle")
    found("buffer", f"buffer {_share(value)} holds back {value:.0%} of capacity, {side}; {keep}",
          hint=sound, severity=severity)


# -- capacity.role-demand -----------------------------------------------------------------


@BOOK.check("capacity.role-demand")
def roles_can_do_their_work(doc: CapacityPlan, ctx: Context, found: Found) -> None:
    roles: dict[str, RoleNumbers] = ctx.fact("roles")
    team_roles = {role_key(member.role): member.role for member in doc.members
                  if named_role(member.role)}
    naming: dict[str, list[int]] = {}
    for index, commitment in enumerate(doc.commitments):
        if not named_role(commitment.role):
            continue
        key = role_key(str(commitment.role))
        naming.setdefault(key, []).append(index)
        if key not in team_roles:
            found(path_of("commitments", index, "role"),
                  f"'{commitment.name}' is for the role '{commitment.role}', but no member "
                  "has that role",
                  hint=missing_role_hint(str(commitment.role), list(team_roles.values())))
    for key, indexes in naming.items():
        if key not in team_roles:
            continue
        numbers = roles[key]
        short = numbers.demand_days - numbers.usable_days
        if short <= TOLERANCE:
            continue
        role = numbers.role
        work = ", ".join(f"{doc.commitments[index].name} "
                         f"{_num(doc.commitments[index].estimate_days)}" for index in indexes)
        people = [member for member in doc.members if role_key(member.role) == key]
        who = ", ".join(f"{member.name} at fte {_fte_text(fte_value(member.fte))}"
                        for member in people[:4])
        if len(people) > 4:
            who += f" and {len(people) - 4} more"
        found(path_of("commitments", indexes[0], "role"),
              f"{role} work needs {_days(numbers.demand_days)} days ({work}) but the "
              f"{role} time on the team ({who}) gives {_days(numbers.usable_days)} usable "
              f"days: {_days(short)} days short",
              hint=f"Move {_days(short)} days of {role} work to next quarter, or plan more "
                   f"{role} time (a larger fte, or another {role}); do not shrink estimates "
                   "to make it fit.")


def missing_role_hint(role: str, team_roles: list[str]) -> str:
    listed = ", ".join(team_roles) if team_roles else "none yet"
    close = difflib.get_close_matches(role_key(role), [role_key(r) for r in team_roles], n=1,
                                      cutoff=0.6)
    contains = [r for r in team_roles
                if role_key(role) in role_key(r) or role_key(r) in role_key(role)]
    match = next((r for r in team_roles if close and role_key(r) == close[0]), None) or \
        (contains[0] if len(contains) == 1 else None)
    if match is not None:
        return (f"Did you mean role: {match}? Write the role as a member has it (the team's "
                f"roles: {listed}).")
    return (f"Use one of the team's roles ({listed}), or add the {role} who will do this "
            "work to members.")


# -- capacity.holidays --------------------------------------------------------------------


@BOOK.check("capacity.holidays")
def holidays_counted(doc: CapacityPlan, ctx: Context, found: Found) -> None:
    start, end = doc.quarter.start, doc.quarter.end
    calendar: QuarterCalendar = ctx.fact("calendar")
    if not doc.holidays and not doc.country:
        found("holidays",
              "the plan lists no holidays and names no country, so every weekday of the "
              "quarter counts as a workday",
              hint="List the public holidays that fall on weekdays in the quarter, e.g. "
                   "holidays: [2027-01-18, 2027-02-15], or name the team's country (country: "
                   "US, GB, DE-BY …) and its public holidays are counted for you.")
        return
    counted = set(calendar.days_off)
    span = f"{start.isoformat()} to {end.isoformat()}"
    for index, day in enumerate(doc.holidays):
        where = path_of("holidays", index)
        if not start <= day <= end:
            found(where,
                  f"holiday {day.isoformat()} is outside the quarter ({span}), so it changes "
                  "nothing",
                  hint=outside_hint(day, start, end))
        elif day.weekday() >= 5:
            found(where,
                  f"holiday {day.isoformat()} is a {day.strftime('%A')}, already a day off, so "
                  "listing it changes nothing",
                  hint=weekend_hint(day, start, end, counted))


def outside_hint(day: date, start: date, end: date) -> str:
    for year in sorted({start.year, end.year}):
        try:
            candidate = day.replace(year=year)
        except ValueError:  # 29 February
            continue
        if start <= candidate <= end and candidate.weekday() < 5:
            return (f"Did you mean {candidate.isoformat()}? Fix the year; otherwise remove "
                    "the date, as only holidays inside the quarter count.")
    return "Check the date for a typo, or remove it: only holidays inside the quarter count."


def weekend_hint(day: date, start: date, end: date, counted: set[date]) -> str:
    # Saturday holidays are usually observed on the Friday before, Sunday ones on the Monday.
    observed = day - timedelta(days=1) if day.weekday() == 5 else day + timedelta(days=1)
    name = observed.strftime("%A")
    if observed in counted:
        return (f"Remove it: {name} {observed.isoformat()}, when it is observed, is already "
                "counted.")
    if start <= observed <= end:
        return (f"If it is observed on {name} {observed.isoformat()}, list that date instead; "
                "otherwise remove it.")
    return "Remove it: a weekend day is never a workday."


# -- capacity.overcommitted ---------------------------------------------------------------


@BOOK.check("capacity.overcommitted")
def demand_fits(doc: CapacityPlan, ctx: Context, found: Found) -> None:
    numbers: CapacityNumbers = ctx.fact("numbers")
    usable, demand = numbers.usable_days, numbers.demand_days
    if demand > usable + TOLERANCE:
        excess = demand - usable
        found("commitments",
              f"demand {_days(demand)} days exceeds usable {_days(usable)} days by "
              f"{_days(excess)}",
              hint=f"Defer or cut commitments worth at least {_days(excess)} days (move them "
                   "to next quarter), or add people; do not raise focus_factor or shrink "
                   "estimates to make it fit.")


# -- capacity.roles -----------------------------------------------------------------------


@BOOK.check("capacity.roles")
def several_roles(doc: CapacityPlan, ctx: Context, found: Found) -> None:
    if not doc.members or any(is_placeholder(member.role) for member in doc.members):
        return  # judge the mix once every role is written
    written = [member.role for member in doc.members if member.role.strip()]
    if len({role_key(role) for role in written}) >= 2:
        return
    found("members",
          (f"every member has the role '{written[0]}'" if written else
           "no member has a role written") +
          "; a quarter plan needs the mix of skills the work needs (at least two roles)",
          hint="Write each member's real role: engineer, QA engineer, designer, "
               "product manager, SRE...")
