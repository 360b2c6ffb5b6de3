"""The sprint's rules, each bound to its check, and the facts they share.

The sprint's days are its working days (Monday to Friday, not in ``holidays`` and,
with a ``country``, not one of its public holidays): the first is ``start`` moved
forward to a working day, and there are ``length_days`` of them.

The backlog says what happened to the plan. A committed item without ``added_on`` was
planned at sprint planning; one with ``added_on`` was pulled in on that day; one with
``removed_on`` was taken out by the product owner on that day (it still counts as
planned, and not done, for the say/do ratio). The items still in the sprint at its
end (committed, not removed) are its final scope.

Facts, computed once per file:

- ``working_days``: the sprint's days and calendar; blocked when ``length_days`` is
  out of range (sprint.length reports it);
- ``daily_entries``: the one daily entry of each working day; blocked until the daily
  entries are exactly one per working day (sprint.daily reports why);
- ``scope``: planned, added, removed and final points; blocked while an ``added_on``
  or ``removed_on`` date is wrong (sprint.scope reports it), because the plan and
  the final scope depend on those dates being right.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Any

from pmpath.analysis.burndown import commitment_limit
from pmpath.analysis.calendar import WorkCalendar
from pmpath.analysis.estimation import nearest_on_scale
from pmpath.kinds.base import Blocked, Context, Found, Rule, RuleBook, number_text, path_of
from pmpath.kinds.calendar import work_calendar
from pmpath.kinds.sprint.model import BacklogItem, DailyEntry, Sprint

THRESHOLDS: dict[str, dict[str, Any]] = {
    "sprint.length": {"max_days": 20},
    "sprint.points": {"scale": (1, 2, 3, 5, 8, 13, 20)},
    "sprint.commitment": {"allowance": 1.1, "recent_sprints": 3},
}
"""pmpath's defaults for the numbers the rules judge by; ``thresholds`` in
curriculum/rubric.yaml may change any of them."""

MAX_LISTED = 5
"""How many item ids a message lists before saying "and N more"."""
TOLERANCE = 1e-9
"""Points are sums of floats; differences smaller than this are no difference."""

RULES: tuple[Rule, ...] = (
    Rule(
        id="sprint.length",
        severity="error",
        title="The sprint has the exercise's length (and at most 20 working days)",
        rationale=(
            "A sprint is a fixed time-box, and every sprint of a team has the same length so "
            "velocities can be compared. Scrum caps a sprint at one month; anything longer "
            "stops giving the team fast feedback."
        ),
        hint="Set length_days to the exercise's sprint length in working days (10 for two "
             "weeks).",
        passes="length_days: 10",
        fails="length_days: 15",
        weight=2,
    ),
    Rule(
        id="sprint.goal",
        severity="error",
        title="A sprint goal is written",
        rationale=(
            "The sprint goal is the one outcome the team commits to; it lets the team make "
            "trade-offs mid-sprint without asking permission for every change. A sprint "
            "without a goal is just a list of tickets."
        ),
        hint="Write one sentence saying what the sprint achieves for users or the business.",
        passes="sprint_goal: Customers can save a card and pay with it in one click",
        fails="sprint_goal: ''",
        weight=2,
    ),
    Rule(
        id="sprint.ids",
        severity="error",
        title="Backlog ids are unique",
        rationale=(
            "Reviews, dailies and tools refer to items by id. Two items with the same id make "
            "it impossible to tell which one was demoed or finished."
        ),
        hint="Give each backlog item its own id, e.g. PAY-12, PAY-13.",
        passes="- {id: PAY-1, ...}\n- {id: PAY-2, ...}",
        fails="- {id: PAY-1, ...}\n- {id: PAY-1, ...}",
        weight=2,
    ),
    Rule(
        id="sprint.points",
        severity="warning",
        title="Story points are on the scale 1, 2, 3, 5, 8, 13, 20",
        rationale=(
            "Points are a rough, relative size, and the gaps in the scale grow on purpose: "
            "arguing over 4 versus 5 is false precision. A committed item without points "
            "counts as 0 in the commitment and the burndown, which hides work."
        ),
        hint="Round the estimate to the nearest value on the scale 1, 2, 3, 5, 8, 13, 20.",
        passes="points: 5",
        fails="points: 4",
        weight=1,
    ),
    Rule(
        id="sprint.commitment",
        severity="error",
        title="The plan fits the team's recent velocity",
        rationale=(
            "Velocity is the best evidence of what the team can finish. Planning more than "
            "about 10 percent above the average of the last three sprints sets the sprint up "
            "to fail and teaches stakeholders that commitments mean little. What counts is "
            "the plan made at sprint planning: items pulled in later (added_on) are scope "
            "changes, recorded as such, not part of the plan."
        ),
        hint="Take items out of the plan (committed: false) until the points planned at sprint "
             "planning are at most 1.1 × the mean of the last three velocities.",
        passes="velocity_history: [21, 24, 23]   # planned 24 <= 1.1 × 22.67 = 24.9",
        fails="velocity_history: [21, 24, 23]   # planned 34 > 24.9",
        weight=3,
        needs=("scope",),
    ),
    Rule(
        id="sprint.scope",
        severity="error",
        title="Scope changes during the sprint are recorded honestly",
        rationale=(
            "Sprints change: the product owner takes out a story that no longer matters, an "
            "urgent bug is pulled in. A senior PM records each change where it happened: the "
            "item's added_on or removed_on date (a working day of the sprint, on an item in "
            "the sprint) and that day's scope_change. Any part of a day's scope_change not "
            "explained by items added or removed is a re-estimate, and the day's notes must "
            "say what was re-estimated and why; otherwise the burndown can be bent to look "
            "good."
        ),
        hint="Give each item pulled in added_on and each item taken out removed_on (working "
             "days of the sprint, on committed items); make each day's scope_change the "
             "points added minus the points removed, and explain anything else in notes.",
        passes="- {id: PAY-9, points: 2, committed: true, added_on: 2027-01-07}\n"
               "daily: [..., {date: 2027-01-07, scope_change: 2, ...}]",
        fails="- {id: PAY-9, points: 2, committed: true, added_on: 2027-01-09}   # a Saturday\n"
              "daily: [..., {date: 2027-01-08, scope_change: 3, notes: ''}]",
        weight=2,
        needs=("daily_entries",),
    ),
    Rule(
        id="sprint.acceptance",
        severity="error",
        title="Every committed item has acceptance criteria",
        rationale=(
            "Acceptance criteria say when this particular item is finished and give the "
            "tester and the product owner the same target. Without them, 'done' is a matter "
            "of opinion at the review."
        ),
        hint="Add acceptance_criteria: two to five testable statements of what must be true.",
        passes="acceptance_criteria: [Saved card shown masked as **** 4242]",
        fails="acceptance_criteria: []",
        weight=2,
    ),
    Rule(
        id="sprint.daily",
        severity="error",
        title="Exactly one daily entry per working day of the sprint",
        rationale=(
            "The daily scrum is where the team inspects progress toward the sprint goal. One "
            "entry per working day, no more and none on weekends or holidays, is what makes "
            "the burndown a faithful record instead of a reconstruction."
        ),
        hint="Write one daily entry for each working day from the sprint's start, skipping "
             "weekends and holidays.",
        passes="daily:   # 10 entries, Monday 2027-01-04 to Friday 2027-01-15",
        fails="daily:   # 9 entries, 2027-01-07 missing",
        weight=2,
        needs=("working_days",),
    ),
    Rule(
        id="sprint.burndown",
        severity="error",
        title="The burndown adds up",
        rationale=(
            "Remaining points drop only when items are completely done and rise only when "
            "scope is added, openly. Day 1 starts at most at the points planned (plus that "
            "day's scope change); on the last day, what remains must equal the points of the "
            "items still in the sprint (committed, not removed) that are not done. If it does "
            "not, the chart was not kept honestly and nobody can trust it."
        ),
        hint="Make remaining_points follow the board: down when an item is done, up only by "
             "that day's positive scope_change, ending at the points of unfinished items still "
             "in the sprint.",
        passes="# last day remaining 5 = PAY-4 (5 points) not done",
        fails="# last day remaining 0 but PAY-4 (5 points) is not done",
        weight=3,
        needs=("daily_entries", "scope"),
    ),
    Rule(
        id="sprint.review",
        severity="error",
        title="Only existing, done items are demoed",
        rationale=(
            "The sprint review shows working product. Demoing work that is not done "
            "misleads stakeholders about progress and quietly moves unfinished work into "
            "the next sprint."
        ),
        hint="Demo only items whose status is done; list the rest as not finished.",
        passes="review: {demoed: [PAY-1]}   # PAY-1 status: done",
        fails="review: {demoed: [PAY-4]}   # PAY-4 status: in progress",
        weight=2,
    ),
    Rule(
        id="sprint.retro",
        severity="error",
        title="The retro ends with an owned, dated action",
        rationale=(
            "A retrospective that only lists what went well and badly changes nothing. At "
            "least one improvement with a named owner and a due date is what makes the next "
            "sprint better than this one."
        ),
        hint="Add an action with an owner (one person) and a due date, e.g. due within the "
             "next sprint.",
        passes="actions: [{action: Pair on reviews, owner: Ana, due: 2027-01-29}]",
        fails="actions: [{action: Review faster}]",
        weight=2,
    ),
    Rule(
        id="sprint.dod",
        severity="error",
        title="A definition of done is written",
        rationale=(
            "The definition of done is the quality bar every item meets before it counts: "
            "reviewed, tested, deployed, documented. Without it, 'done' means something "
            "different to each person and the velocity is meaningless."
        ),
        hint="List the checks every item passes before it is done (code reviewed, tests "
             "pass, deployed to staging...).",
        passes="definition_of_done: [Code reviewed, Automated tests pass, Deployed to staging]",
        fails="definition_of_done: []",
        weight=2,
    ),
)

BOOK = RuleBook(RULES)

_points = number_text


def _listed(items: Sequence[str]) -> str:
    shown = ", ".join(items[:MAX_LISTED])
    if len(items) > MAX_LISTED:
        shown += f" and {len(items) - MAX_LISTED} more"
    return shown


def _day_name(day: date) -> str:
    return day.strftime("%A")


def _signed(value: float) -> str:
    return f"+{_points(value)}" if value > 0 else _points(value)


# -- thresholds ---------------------------------------------------------------------------


def point_scale(ctx: Context) -> tuple[float, ...]:
    return tuple(sorted({float(step) for step in ctx.threshold("sprint.points", "scale")}))


def max_length_days(ctx: Context) -> int:
    return int(ctx.threshold("sprint.length", "max_days"))


# -- facts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkingDays:
    days: tuple[date, ...]
    calendar: WorkCalendar

    @property
    def span(self) -> str:
        return f"{self.days[0].isoformat()} to {self.days[-1].isoformat()}"


def working_days(doc: Sprint, ctx: Context) -> WorkingDays:
    """The sprint's working days; blocked when length_days is out of range."""
    longest = max_length_days(ctx)
    if doc.length_days < 1:
        raise Blocked(f"length_days is {doc.length_days}, so the sprint has no working days "
                      "to check (see sprint.length)")
    if doc.length_days > longest:
        raise Blocked(f"length_days is {doc.length_days}, longer than a sprint may last "
                      f"({longest} working days), so its days are checked once it is fixed "
                      "(see sprint.length)")
    calendar = work_calendar(doc.holidays, doc.country, doc.start, doc.start)
    days = tuple(calendar.date_at(index, doc.start) for index in range(doc.length_days))
    return WorkingDays(days, calendar)


def daily_problems(doc: Sprint, sprint: WorkingDays) -> tuple[dict[date, int],
                                                                list[tuple[str, str, str]]]:
    """Day -> index of its (first) daily entry, and (where, message, hint) for every entry
    that is missing, repeated or not on a working day of the sprint."""
    days = sprint.days
    position = {day: number for number, day in enumerate(days, start=1)}
    entry_of: dict[date, int] = {}
    problems: list[tuple[str, str, str]] = []
    for index, entry in enumerate(doc.daily):
        day = entry.date
        where = path_of("daily", index, "date")
        if day in position:
            if day in entry_of:
                problems.append((where, f"a second daily entry for {day.isoformat()} (the "
                                        f"first is daily[{entry_of[day]}])",
                                 "Keep one entry per day: merge the two and delete this one."))
            else:
                entry_of[day] = index
        elif days[0] <= day <= days[-1]:
            problems.append((where, f"{day.isoformat()} is {not_working_reason(doc, day)}, "
                                    "not a working day of the sprint",
                             "Delete this entry, or move it to the working day it belongs "
                             "to."))
        else:
            problems.append((where, f"{day.isoformat()} is outside the sprint ({sprint.span})",
                             "Delete this entry, or correct its date to a working day of the "
                             "sprint."))
    for number, day in enumerate(days, start=1):
        if day not in entry_of:
            problems.append(("daily", f"no daily entry for {day.isoformat()} "
                                      f"({_day_name(day)}, day {number} of {len(days)})",
                             f"Add an entry '- {{date: {day.isoformat()}, remaining_points: "
                             "..., scope_change: 0}' in date order."))
    return entry_of, problems


def not_working_reason(doc: Sprint, day: date) -> str:
    """Why a day between the sprint's first and last is not a working day."""
    if day.weekday() >= 5:
        return f"a {_day_name(day)}"
    if day in doc.holidays:
        return "a holiday"
    if doc.country:
        from pmpath.analysis.holidays import holiday_names

        name = holiday_names(doc.country, day, day).get(day)
        if name:
            return f"{name}, a public holiday in {doc.country}"
    return "a holiday"


@dataclass(frozen=True)
class DailyEntries:
    by_day: dict[date, DailyEntry]
    index_of: dict[date, int]


def daily_entries(doc: Sprint, ctx: Context) -> DailyEntries:
    """The one daily entry of each working day; blocked until there is exactly one."""
    sprint = ctx.fact("working_days")
    entry_of, problems = daily_problems(doc, sprint)
    if problems:
        count = len(problems)
        raise Blocked(f"the daily entries are not one per working day yet ({count} "
                      f"problem{'s' if count != 1 else ''}, see sprint.daily)")
    return DailyEntries({day: doc.daily[index] for day, index in entry_of.items()}, entry_of)


@dataclass(frozen=True)
class Scope:
    """What happened to the plan, in points (unestimated items count 0)."""

    planned_points: float
    """Committed at sprint planning (no added_on), including items removed later."""
    added_points: float
    removed_points: float
    completed_points: float
    """Done items of the final scope (committed, not removed)."""
    done_planned_points: float
    """Planned items done and still in the sprint: the 'do' of say/do."""
    open_items: tuple[BacklogItem, ...]
    """Items of the final scope that are not done."""
    removed_items: tuple[BacklogItem, ...]
    added_on: dict[date, list[BacklogItem]] = field(default_factory=dict)
    removed_on: dict[date, list[BacklogItem]] = field(default_factory=dict)

    @property
    def open_points(self) -> float:
        return sum(item.size for item in self.open_items)

    def net_change_on(self, day: date) -> float:
        """Points added minus points removed on ``day``, as the backlog records them."""
        return (sum(item.size for item in self.added_on.get(day, ()))
                - sum(item.size for item in self.removed_on.get(day, ())))


def scope_of(doc: Sprint) -> Scope:
    """The sprint's scope as the backlog records it, whether or not its dates are right."""
    planned = added = removed = completed = done_planned = 0.0
    open_items: list[BacklogItem] = []
    removed_items: list[BacklogItem] = []
    added_on: dict[date, list[BacklogItem]] = {}
    removed_on: dict[date, list[BacklogItem]] = {}
    for item in doc.backlog:
        if not item.committed:
            continue
        if item.planned:
            planned += item.size
            if item.done and item.removed_on is None:
                done_planned += item.size
        if item.added_on is not None:
            added += item.size
            added_on.setdefault(item.added_on, []).append(item)
        if item.removed_on is not None:
            removed += item.size
            removed_on.setdefault(item.removed_on, []).append(item)
            removed_items.append(item)
        elif item.done:
            completed += item.size
        else:
            open_items.append(item)
    return Scope(planned, added, removed, completed, done_planned, tuple(open_items),
                 tuple(removed_items), added_on, removed_on)


def scope_date_problems(doc: Sprint, ctx: Context) -> list[tuple[str, str, str]]:
    """(where, message, hint) for every added_on or removed_on that is not a working day of
    the sprint on a committed item, or a removal before the addition."""
    dated = [(index, item) for index, item in enumerate(doc.backlog)
             if item.added_on is not None or item.removed_on is not None]
    if not dated:
        return []  # nothing to check, so no need for the sprint's days
    sprint: WorkingDays = ctx.fact("working_days")
    problems: list[tuple[str, str, str]] = []
    for index, item in dated:
        for name, day in (("added_on", item.added_on), ("removed_on", item.removed_on)):
            if day is None:
                continue
            where = path_of("backlog", index, name)
            if not item.committed:
                problems.append((where, *_uncommitted_change(item, name, day)))
            elif not sprint.calendar.is_working_day(day) or not \
                    sprint.days[0] <= day <= sprint.days[-1]:
                problems.append((where, *_change_off_the_sprint(doc, sprint, item, name, day)))
        if item.added_on is not None and item.removed_on is not None \
                and item.removed_on < item.added_on:
            problems.append((path_of("backlog", index, "removed_on"),
                             f"{item.id} was removed on {item.removed_on.isoformat()}, before "
                             f"it was added on {item.added_on.isoformat()}",
                             "Correct the dates: an item is taken out of the sprint on or after "
                             "the day it was pulled in."))
    return problems


def _uncommitted_change(item: BacklogItem, name: str, day: date) -> tuple[str, str]:
    if name == "added_on":
        return (f"{item.id} has added_on {day.isoformat()} but committed is false, so it was "
                "never in the sprint",
                "If the team pulled it into the sprint, set committed: true; otherwise delete "
                "added_on.")
    return (f"{item.id} has removed_on {day.isoformat()} but committed is false; only an item "
            "in the sprint can be taken out of it",
            "If it was planned and later taken out, set committed: true; otherwise delete "
            "removed_on.")


def _change_off_the_sprint(doc: Sprint, sprint: WorkingDays, item: BacklogItem, name: str,
                           day: date) -> tuple[str, str]:
    verb = "added" if name == "added_on" else "removed"
    first, last = sprint.days[0], sprint.days[-1]
    if day < first:
        if name == "added_on":
            hint = ("An item taken into the sprint before it started was planned: delete "
                    "added_on.")
        else:
            hint = ("An item taken out before the sprint started was never in it: set "
                    "committed: false and delete removed_on.")
        return (f"{item.id} was {verb} on {day.isoformat()}, before the sprint started on "
                f"{first.isoformat()}", hint)
    if day > last:
        if name == "added_on":
            hint = ("Work taken on after the sprint belongs to the next one: set committed: "
                    "false and delete added_on.")
        else:
            hint = ("If it was still in the sprint at the end, it is simply not done: delete "
                    "removed_on; otherwise use the working day it was taken out.")
        return (f"{item.id} was {verb} on {day.isoformat()}, after the sprint ended on "
                f"{last.isoformat()}", hint)
    before = max(d for d in sprint.days if d < day)
    after = min(d for d in sprint.days if d > day)
    return (f"{item.id} was {verb} on {day.isoformat()}, {not_working_reason(doc, day)}, "
            "which is not a working day of the sprint",
            f"Use the working day the change was agreed: {name}: {before.isoformat()} or "
            f"{name}: {after.isoformat()}.")


def scope(doc: Sprint, ctx: Context) -> Scope:
    """The sprint's scope; blocked while an added_on or removed_on date is wrong."""
    problems = scope_date_problems(doc, ctx)
    if len(problems) == 1:
        raise Blocked("an added_on or removed_on date needs fixing first (see sprint.scope); "
                      "what was planned and what stayed in the sprint depend on it")
    if problems:
        raise Blocked(f"{len(problems)} added_on or removed_on dates need fixing first (see "
                      "sprint.scope); what was planned and what stayed in the sprint depend on "
                      "them")
    return scope_of(doc)


FACTS = {"working_days": working_days, "daily_entries": daily_entries, "scope": scope}


# -- checks -------------------------------------------------------------------------------


@BOOK.check("sprint.length")
def exercise_length(doc: Sprint, ctx: Context, found: Found) -> None:
    expected = int(ctx.param("length_days"))
    longest = max_length_days(ctx)
    length = doc.length_days
    problems = []
    if length != expected:
        problems.append(f"this exercise is a sprint of {expected} working days")
    if length > longest:
        problems.append(f"a sprint lasts at most {longest} working days")
    if length < 1:
        problems.append("a sprint lasts at least one working day")
    if problems:
        found("length_days", f"length_days is {length}, but " + " and ".join(problems),
              hint=f"Set length_days: {expected} and plan the work to fit it.")


@BOOK.check("sprint.goal")
def goal_written(doc: Sprint, ctx: Context, found: Found) -> None:
    if not (doc.sprint_goal or "").strip():
        found("sprint_goal", "the sprint has no sprint goal",
              hint="Write one sentence in sprint_goal saying what this sprint achieves, e.g. "
                   "'Customers can save a card and pay with it in one click'.")


@BOOK.check("sprint.dod")
def definition_of_done_written(doc: Sprint, ctx: Context, found: Found) -> None:
    value = doc.definition_of_done
    written = (bool(value.strip()) if isinstance(value, str)
               else bool(value) and any(line.strip() for line in value))
    if not written:
        found("definition_of_done", "the sprint has no definition of done",
              hint="List in definition_of_done the checks every item passes before it counts "
                   "as done: code reviewed, tests pass, deployed to staging...")


@BOOK.check("sprint.ids")
def unique_ids(doc: Sprint, ctx: Context, found: Found) -> None:
    first_at: dict[str, int] = {}
    for index, item in enumerate(doc.backlog):
        if item.id in first_at:
            found(path_of("backlog", index, "id"),
                  f"id {item.id} is used twice: here and at backlog[{first_at[item.id]}]",
                  hint=f"Give this item its own id (e.g. {item.id}-B) so reviews and dailies "
                       "can tell the two apart.")
        else:
            first_at[item.id] = index


@BOOK.check("sprint.points")
def points_on_the_scale(doc: Sprint, ctx: Context, found: Found) -> None:
    scale = point_scale(ctx)
    scale_text = ", ".join(_points(step) for step in scale)
    for index, item in enumerate(doc.backlog):
        where = path_of("backlog", index, "points")
        if item.points is not None and item.points not in scale:
            nearest = nearest_on_scale(item.points, scale)
            split = " (or split the item)" if item.points > scale[-1] else ""
            found(where, f"{item.id} has {_points(item.points)} points, which is not on the "
                         f"scale {scale_text}",
                  hint=f"Use the nearest value on the scale: points: {_points(nearest)}{split}.")
        elif item.points is None and item.committed:
            found(where, f"{item.id} is committed but has no points, so the commitment and "
                         "the burndown count it as 0",
                  hint=f"Estimate it with the team on the scale {scale_text}.")


@BOOK.check("sprint.commitment")
def plan_fits_velocity(doc: Sprint, ctx: Context, found: Found) -> None:
    planned = ctx.fact("scope").planned_points
    allowance = float(ctx.threshold("sprint.commitment", "allowance"))
    recent = int(ctx.threshold("sprint.commitment", "recent_sprints"))
    used, limit = commitment_limit(doc.velocity_history, allowance, recent)
    if limit is None:
        found("velocity_history",
              f"velocity_history is empty, so the {_points(planned)} points planned at sprint "
              "planning cannot be checked against what the team has delivered",
              hint="List the points completed in the last three sprints, e.g. "
                   "velocity_history: [21, 24, 23]; for a new team, use a first estimate and "
                   "say so.")
        return
    if planned <= limit + TOLERANCE:
        return
    mean = sum(used) / len(used)
    which = (f"the last {len(used)} velocities" if len(used) == recent
             else f"the only {len(used)} velocit{'y' if len(used) == 1 else 'ies'} given")
    most = math.floor(limit + TOLERANCE)
    found("backlog",
          f"{_points(planned)} points were planned at sprint planning, but "
          f"{_points(allowance)} × the mean of {which} "
          f"({', '.join(_points(v) for v in used)} → {mean:.2f}) allows at most "
          f"{round(limit, 2):g}",
          hint=f"Take {_points(planned - most)} or more points out of the plan (committed: "
               f"false) so at most {most} stay planned; items pulled in during the sprint "
               "(added_on) do not count here.")


@BOOK.check("sprint.scope")
def scope_changes_recorded(doc: Sprint, ctx: Context, found: Found) -> None:
    for where, message, hint in scope_date_problems(doc, ctx):
        found(where, message, hint=hint)
    recorded = scope_of(doc)
    entries: DailyEntries = ctx.fact("daily_entries")
    for day, entry in entries.by_day.items():
        from_items = recorded.net_change_on(day)
        re_estimate = entry.scope_change - from_items
        if abs(re_estimate) <= TOLERANCE or (entry.notes or "").strip():
            continue
        where = path_of("daily", entries.index_of[day], "scope_change")
        changes = _item_changes(recorded, day)
        if changes:
            message = (f"on {day.isoformat()} scope_change is {_signed(entry.scope_change)}, "
                       f"but the backlog records {_signed(from_items)} that day ({changes}); "
                       f"the other {_signed(re_estimate)} would be a re-estimate, and the "
                       "day's notes do not say what changed")
            hint = (f"If nothing was re-estimated, set scope_change: {_points(from_items)}; "
                    "if the team re-estimated an item, write in notes which one and why.")
        else:
            message = (f"on {day.isoformat()} scope_change is {_signed(entry.scope_change)}, "
                       "but no item was added or removed that day, so it is a re-estimate, "
                       "and the day's notes do not say what changed")
            hint = (f"If an item was pulled in or taken out, give it added_on: "
                    f"{day.isoformat()} or removed_on: {day.isoformat()}; if the team "
                    "re-estimated an item, write in notes which one and why.")
        found(where, message, hint=hint)


def _item_changes(recorded: Scope, day: date) -> str:
    parts = [f"{item.id} added, {_points(item.size)} points"
             for item in recorded.added_on.get(day, ())]
    parts += [f"{item.id} removed, {_points(item.size)} points"
              for item in recorded.removed_on.get(day, ())]
    return "; ".join(parts)


@BOOK.check("sprint.acceptance")
def acceptance_criteria(doc: Sprint, ctx: Context, found: Found) -> None:
    for index, item in enumerate(doc.backlog):
        if item.committed and not any(text.strip() for text in item.acceptance_criteria):
            found(path_of("backlog", index, "acceptance_criteria"),
                  f"{item.id} is committed but has no acceptance criteria",
                  hint="Add two to five testable statements, e.g. acceptance_criteria: "
                       "['Saved card is shown masked as **** 4242'].")


@BOOK.check("sprint.daily")
def one_daily_per_working_day(doc: Sprint, ctx: Context, found: Found) -> None:
    _, problems = daily_problems(doc, ctx.fact("working_days"))
    for where, message, hint in problems:
        found(where, message, hint=hint)


@BOOK.check("sprint.burndown")
def burndown_adds_up(doc: Sprint, ctx: Context, found: Found) -> None:
    days = ctx.fact("working_days").days
    entries: DailyEntries = ctx.fact("daily_entries")
    recorded: Scope = ctx.fact("scope")
    _first_day(days[0], entries, recorded.planned_points, found)
    for previous_day, day in pairwise(days):
        _no_unexplained_rise(previous_day, day, entries, found)
    _last_day(days[-1], entries, recorded, found)


def _first_day(day: date, entries: DailyEntries, planned: float, found: Found) -> None:
    entry = entries.by_day[day]
    allowed = planned + entry.scope_change
    if entry.remaining_points <= allowed + TOLERANCE:
        return
    limit = (f"the {_points(planned)} planned + scope change {_points(entry.scope_change)} = "
             f"{_points(allowed)}" if entry.scope_change
             else f"the {_points(planned)} points planned at sprint planning")
    found(path_of("daily", entries.index_of[day], "remaining_points"),
          f"day 1 ({day.isoformat()}) shows {_points(entry.remaining_points)} points "
          f"remaining, more than {limit}",
          hint=f"Start the burndown at most at {_points(allowed)}: remaining_points on "
               f"{day.isoformat()} counts only the work in the sprint.")


def _no_unexplained_rise(previous_day: date, day: date, entries: DailyEntries,
                         found: Found) -> None:
    before = entries.by_day[previous_day].remaining_points
    entry = entries.by_day[day]
    rise = entry.remaining_points - before
    allowed = max(entry.scope_change, 0.0)
    if rise <= allowed + TOLERANCE:
        return
    where = path_of("daily", entries.index_of[day], "remaining_points")
    if allowed <= 0:
        found(where, f"remaining points rose from {_points(before)} to "
                     f"{_points(entry.remaining_points)} on {day.isoformat()}, but "
                     f"scope_change that day is {_points(entry.scope_change)}",
              hint=f"If {_points(rise)} points of work were pulled in, set scope_change: "
                   f"{_points(rise)} and give the item that came in added_on: "
                   f"{day.isoformat()}; otherwise correct remaining_points.")
    else:
        found(where, f"remaining points rose by {_points(rise)} (from {_points(before)} to "
                     f"{_points(entry.remaining_points)}) on {day.isoformat()}, more than that "
                     f"day's scope_change of {_points(entry.scope_change)}",
              hint=f"remaining_points can rise by at most the scope added that day: set it to "
                   f"{_points(before + allowed)} or less, or correct scope_change.")


def _last_day(day: date, entries: DailyEntries, recorded: Scope, found: Found) -> None:
    remaining = entries.by_day[day].remaining_points
    target = recorded.open_points
    if abs(remaining - target) <= TOLERANCE:
        return
    if recorded.open_items:
        listed = _listed([f"{item.id} ({_points(item.size)} points)"
                          for item in recorded.open_items])
        still = (f"the items still in the sprint that are not done add up to "
                 f"{_points(target)}: {listed}")
    else:
        still = "every item still in the sprint is done, so it should be 0"
    if recorded.removed_items:
        removed = _listed([item.id for item in recorded.removed_items])
        still += f"; removed items ({removed}) no longer count"
    found(path_of("daily", entries.index_of[day], "remaining_points"),
          f"the last day ({day.isoformat()}) shows {_points(remaining)} points remaining, but "
          f"{still}",
          hint=f"Set remaining_points: {_points(target)} on the last day, or correct the "
               "status of the items that are (not) done.")


@BOOK.check("sprint.review")
def demoed_items_are_done(doc: Sprint, ctx: Context, found: Found) -> None:
    first_at: dict[str, int] = {}
    for index, item in enumerate(doc.backlog):
        first_at.setdefault(item.id, index)
    for index, item_id in enumerate(doc.review.demoed):
        where = path_of("review", "demoed", index)
        if item_id not in first_at:
            found(where, f"{item_id} was demoed but there is no backlog item with that id",
                  hint="Correct the id to one in the backlog, or remove it from demoed.")
            continue
        item = doc.backlog[first_at[item_id]]
        if not item.done:
            found(where, f"{item_id} was demoed but its status is '{item.status}', not done",
                  hint=f"Remove {item_id} from demoed and report it as unfinished; demo it "
                       "once it meets the definition of done.")


@BOOK.check("sprint.retro")
def retro_has_an_owned_dated_action(doc: Sprint, ctx: Context, found: Found) -> None:
    actions = doc.retro.actions
    if not actions:
        found("retro.actions", "the retro has no actions",
              hint="Add at least one improvement the team will try, with one owner and a due "
                   "date, e.g. {action: Pair on code reviews, owner: Ana, due: 2027-01-29}.")
        return
    if any((action.owner or "").strip() and action.due for action in actions):
        return
    for index, action in enumerate(actions):
        has_owner = bool((action.owner or "").strip())
        missing = [text for text, present in (("no owner", has_owner),
                                              ("no due date", action.due is not None))
                   if not present]
        found(path_of("retro", "actions", index, "due" if has_owner else "owner"),
              f"the action '{action.action}' has {' and '.join(missing)}, so nobody is "
              "accountable for doing it by a date",
              hint="Name one person as owner and set a due date in the next sprint, e.g. "
                   "owner: Ana, due: 2027-01-29.")
