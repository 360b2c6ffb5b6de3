"""The launch plan's rules, each bound to its check.

Definitions the checks use:

* ``launch.window``: GA is at most ``months`` calendar months after ``start``. Adding
  months keeps the day of the month, clamped to the month's last day (2026-11-30 plus
  3 months is 2027-02-28).
* ``launch.exit-criteria``: a criterion counts when it holds a number (digits) and a
  comparator: one of the symbols >= <= ≥ ≤ > < = ==, or the words "at least",
  "at most", "no more than", "no less than", "no fewer than", "more than",
  "less than", "fewer than", "greater than", "under", "below", "above", "over",
  "within", "exceeds", "up to", "equals".
* ``launch.rollout``: every percent is within 0-100, no step is lower than the one
  before it (in file order), each step is dated after the one before, and the first
  step at 100% is dated on or before GA.
* ``launch.refs``: every task names an existing phase; every task with a duration
  names an existing resource (a milestone needs no resource, but one it names must
  exist).
* ``launch.calendar``: the second phase in list order (``phases[1]``) is the first one
  customers see, so no rollout step may come before the earliest scheduled start of
  one of its tasks.

The schedule is a fact (``ctx.fact("schedule")``): computed once, and when the plan
cannot be scheduled the rules that need it are skipped with the reason.
"""

from __future__ import annotations

import datetime as dt
import re

from pmpath.analysis.calendar import WorkCalendar
from pmpath.analysis.resource_load import LoadSegment, overloads
from pmpath.kinds.base import Blocked, Context, Found, Rule, RuleBook, number_text, path_of
from pmpath.kinds.common import PLACEHOLDER
from pmpath.kinds.launch_plan.model import LaunchPlan, RolloutStep
from pmpath.kinds.launch_plan.schedule import (
    LaunchSchedule,
    add_months,
    duration_problem,
    path_text,
)
from pmpath.kinds.network import listed, report_dependencies

RULES: tuple[Rule, ...] = (
    Rule(
        id="launch.dependencies",
        severity="error",
        title="Dependencies name real tasks and never loop",
        rationale=(
            "The launch date is computed from depends_on. A dependency on a task that does "
            "not exist, or two tasks waiting for each other, make the plan impossible to "
            "schedule; in real life that work would never start and GA would never come."
        ),
        hint="Make every depends_on entry the id of another task, and break any loop by "
             "deciding which task really has to come first.",
        passes="- {id: T3, depends_on: [T1, T2], ...}",
        fails="- {id: T3, depends_on: [T5], ...}\n- {id: T5, depends_on: [T3], ...}",
        weight=3,
    ),
    Rule(
        id="launch.durations",
        severity="error",
        title="Durations are whole working days, 0 or more",
        rationale=(
            "A launch plan is scheduled in whole working days: a team starts a task on a "
            "day and hands it over at the end of a day. Half a day is an estimate that has "
            "not been decided yet, and pmpath will not round it for you, because rounding "
            "up or down moves every date after it. A duration of 0 is a milestone."
        ),
        hint="Write each duration as a whole number of working days (0 for a milestone).",
        passes="- {id: T2, duration: 5, ...}\n- {id: T3, duration: 0, ...}   # a milestone",
        fails="- {id: T2, duration: 4.5, ...}",
        weight=2,
    ),
    Rule(
        id="launch.refs",
        severity="error",
        title="Every task names an existing phase and resource",
        rationale=(
            "Tasks are how a phase's exit criteria get met and how a team's capacity is "
            "spent. A task in a phase or on a resource that is not defined cannot be "
            "tracked against either, and usually means a typo or a plan half-renamed."
        ),
        hint="Use a phase id from phases and a resource id from resources.",
        passes="phases: [{id: private-beta, ...}]\nresources: [{id: eng, ...}]\n"
               "tasks: [{id: T1, phase: private-beta, resource: eng, ...}]",
        fails="tasks: [{id: T1, phase: beta, resource: design, ...}]   # neither is defined",
        weight=2,
    ),
    Rule(
        id="launch.window",
        severity="error",
        title="GA is within the launch window (3 calendar months of the start)",
        rationale=(
            "A launch plan is a commitment over a fixed window. A GA date far beyond it is "
            "a different, slower launch; a GA date before the start is a typo. Keeping the "
            "window honest forces the trade-offs to be made in the plan."
        ),
        hint="Set ga_date no later than the start plus the exercise's months.",
        passes="start: 2027-01-04\nga_date: 2027-03-31",
        fails="start: 2027-01-04\nga_date: 2027-05-14   # over 4 months",
        weight=2,
    ),
    Rule(
        id="launch.fits",
        severity="error",
        title="The schedule finishes on or before GA",
        rationale=(
            "If the tasks, scheduled as early as their dependencies allow, still end after "
            "GA, the date is already missed on paper. A senior PM finds that out on day one "
            "and changes the plan or the date, instead of discovering it in the last week."
        ),
        hint="Shorten the critical path (split tasks, run them in parallel, cut scope) or "
             "agree a later GA.",
        passes="# finish 2027-03-02, GA 2027-03-31: 21 working days of slack",
        fails="# finish 2027-04-06, GA 2027-03-31: 4 working days late",
        weight=3,
        needs=("schedule",),
    ),
    Rule(
        id="launch.exit-criteria",
        severity="error",
        title="Every phase has measurable exit criteria",
        rationale=(
            "Moving from private beta to public beta to GA is a decision, and it should be "
            "made on evidence, not mood. A criterion with a number and a comparator "
            "(crash-free sessions >= 99.5%) can be checked by anyone; 'customers are happy' "
            "cannot."
        ),
        hint="Give each phase criteria with a number and a comparator, e.g. "
             "\"crash-free sessions >= 99.5%\" or \"p95 latency under 300 ms\".",
        passes="exit_criteria: [\"crash-free sessions >= 99.5%\", \"NPS at least 30\"]",
        fails="exit_criteria: [\"customers are happy\"]",
        weight=2,
    ),
    Rule(
        id="launch.resources",
        severity="warning",
        title="No resource runs more tasks at once than its capacity",
        rationale=(
            "The schedule assumes every task starts as soon as it can. If three tasks land "
            "on a team that can run two at once, one of them will slip, and the dates on "
            "the plan are not real. Spot the overload now and chain or move the work."
        ),
        hint="Chain the overlapping tasks with depends_on, move one to another resource, or "
             "raise the capacity if the team really can run that many at once.",
        passes="resources: [{id: eng, capacity: 2}]   # at most 2 eng tasks on any day",
        fails="resources: [{id: eng, capacity: 2}]   # 3 eng tasks run on 2027-02-02",
        weight=1,
        needs=("schedule",),
    ),
    Rule(
        id="launch.rollout",
        severity="error",
        title="The rollout only goes up, step by step, and reaches 100% by GA",
        rationale=(
            "A staged rollout (5%, 25%, 50%, 100%) limits how many customers a bad release "
            "can hurt. Percentages that go down are a rollback, not a plan; two steps on "
            "the same day are one step; and a rollout that is not at 100% on GA day means "
            "GA is not really general."
        ),
        hint="List rollout steps in date order, each on a later day than the one before, "
             "with percents that never drop, ending with percent: 100 on or before ga_date.",
        passes="rollout:\n  - {date: 2027-03-03, percent: 25}\n"
               "  - {date: 2027-03-31, percent: 100}",
        fails="rollout:\n  - {date: 2027-03-03, percent: 50}\n"
              "  - {date: 2027-03-17, percent: 25}   # goes backwards",
        weight=2,
    ),
    Rule(
        id="launch.go-no-go",
        severity="error",
        title="A go/no-go decision before GA and before most users have it",
        rationale=(
            "Someone must own the call to launch, on criteria agreed in advance, early "
            "enough to act on a 'no'. A go/no-go on or after GA day, or after more than half "
            "of the customers already have the product, decides nothing: by then rolling "
            "back hurts more people than the decision can protect. Without an approver or "
            "criteria it is no decision at all."
        ),
        hint="Set go_no_go with a date before ga_date and on or before the first rollout "
             "step above 50%, a named approver and the criteria the decision is made on.",
        passes="rollout: [{date: 2027-03-17, percent: 50}, {date: 2027-03-31, percent: 100}]\n"
               "go_no_go: {date: 2027-03-24, approver: Dana Whitfield, criteria: [...]}",
        fails="rollout: [{date: 2027-03-17, percent: 80}, {date: 2027-03-31, percent: 100}]\n"
              "go_no_go: {date: 2027-03-24, ...}   # 80% already live",
        weight=2,
    ),
    Rule(
        id="launch.calendar",
        severity="error",
        title="Launch dates are working days, and no customer sees the product before the "
              "second phase starts",
        rationale=(
            "GA, the go/no-go and every rollout step need people at work: to make the call, "
            "to watch the dashboards and to roll back. A Saturday GA or a step on a public "
            "holiday is a launch nobody is watching. And the first phase (a private beta) "
            "is for the team and a few invited customers: switching a share of all "
            "customers on before the second phase has even started skips the beta the "
            "plan promises."
        ),
        hint="Move GA, the go/no-go and each rollout step to a working day, and start the "
             "rollout no earlier than the first task of the second phase.",
        passes="ga_date: 2027-03-31   # a Wednesday\n"
               "rollout: [{date: 2027-02-22, percent: 5}, ...]   # public beta starts 02-22",
        fails="ga_date: 2027-03-27   # a Saturday\n"
              "rollout: [{date: 2027-01-11, percent: 5}, ...]   # private beta still running",
        weight=2,
        needs=("schedule",),
    ),
)


BOOK = RuleBook(RULES)

COMPARATOR = re.compile(
    r"(>=|<=|≥|≤|==|>|<|=)|\b(at least|at most|no more than|no less than|no fewer than|"
    r"more than|less than|fewer than|greater than|under|below|above|over|within|exceeds?|"
    r"up to|equals?)\b",
    re.IGNORECASE,
)
NUMBER = re.compile(r"\d")
MAX_RANGES = 3
MAJORITY = 50
"""Above this share of customers, the go/no-go must already have been made."""

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""Spelled out here: strftime's %A follows the machine's locale."""

_num = number_text


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def is_measurable(criterion: str) -> bool:
    """True when the criterion has a number and a comparator (see the module docstring)."""
    return bool(NUMBER.search(criterion)) and bool(COMPARATOR.search(criterion))


def _span(first: dt.date, last: dt.date) -> str:
    return str(first) if first == last else f"{first} to {last}"


# -- launch.dependencies, launch.durations, launch.refs ----------------------------------


@BOOK.check("launch.dependencies")
def dependencies_resolve(plan: LaunchPlan, ctx: Context, found: Found) -> None:
    # The schedule checks the dependencies as it runs; only a plan it rejects pays for
    # the detailed search that names every broken dependency.
    try:
        ctx.fact("schedule")
        return
    except Blocked:
        pass
    report_dependencies(found, "tasks", "task", [task.id for task in plan.tasks],
                        [task.depends_on for task in plan.tasks])


@BOOK.check("launch.durations")
def whole_working_days(plan: LaunchPlan, ctx: Context, found: Found) -> None:
    for index, task in enumerate(plan.tasks):
        problem = duration_problem(task)
        if problem is None:
            continue
        magnitude = abs(task.duration)
        lower, upper = int(magnitude), int(magnitude) + 1
        if task.duration < 0:
            meant = (f"duration: {lower}" if magnitude == lower else
                     f"duration: {lower} or duration: {upper}")
            hint = (f"Write the working days the task takes, 0 or more (0 makes it a "
                    f"milestone): did you mean {meant}?")
        else:
            hint = (f"Decide between {lower} and {upper} working days "
                    f"(duration: {lower} or duration: {upper}); if the task really is "
                    "shorter than a day, fold it into the task next to it.")
        found(path_of("tasks", index, "duration"), problem, hint=hint)


@BOOK.check("launch.refs")
def phases_and_resources_exist(plan: LaunchPlan, ctx: Context, found: Found) -> None:
    phase_ids = [phase.id for phase in plan.phases]
    resource_ids = [resource.id for resource in plan.resources]
    phases, resources = set(phase_ids), set(resource_ids)
    for index, task in enumerate(plan.tasks):
        if _blank(task.phase):
            found(path_of("tasks", index, "phase"),
                  f"task {task.id} ({task.name}) does not say which phase it belongs to",
                  hint=f"Set phase to one of {listed(phase_ids)}." if phase_ids else
                  "Define the launch phases under phases and name one here.")
        elif task.phase not in phases:
            found(path_of("tasks", index, "phase"),
                  f"task {task.id} is in phase '{task.phase}', which is not in phases",
                  hint=f"Use a phase id from phases ({listed(phase_ids)}) or add "
                       f"'{task.phase}' to phases." if phase_ids else
                       f"Add '{task.phase}' to phases.")
        if _blank(task.resource):
            if task.duration > 0:
                found(path_of("tasks", index, "resource"),
                      f"task {task.id} ({task.name}) takes {_num(task.duration)} working days "
                      "but names no resource to do it",
                      hint=f"Set resource to one of {listed(resource_ids)}."
                      if resource_ids else "Define who does the work under resources and "
                      "name it here.")
        elif task.resource not in resources:
            found(path_of("tasks", index, "resource"),
                  f"task {task.id} uses resource '{task.resource}', which is not in resources",
                  hint=f"Use a resource id from resources ({listed(resource_ids)}) or add "
                       f"'{task.resource}' with its capacity." if resource_ids else
                       f"Add '{task.resource}' to resources with its capacity.")


# -- launch.window, launch.fits ----------------------------------------------------------


def window_end(start: dt.date, months: int) -> dt.date:
    """The last day GA may fall on: ``start`` plus the exercise's calendar months."""
    try:
        return add_months(start, months)
    except ValueError:  # past the year 9999: no GA can be late
        return dt.date.max


@BOOK.check("launch.window")
def ga_inside_the_window(plan: LaunchPlan, ctx: Context, found: Found) -> None:
    months = int(ctx.param("months"))
    latest = window_end(plan.start, months)
    if plan.ga_date < plan.start:
        found("ga_date", f"GA ({plan.ga_date}) is before the start ({plan.start})",
              hint="Check the two dates: GA comes after the beta starts.")
    elif plan.ga_date > latest:
        late = (plan.ga_date - latest).days
        found("ga_date",
              f"GA on {plan.ga_date} is {_plural(late, 'day')} past the {months}-month launch "
              f"window ({plan.start} + {months} months = {latest})",
              hint=f"Plan GA on or before {latest}: cut or defer scope rather than "
                   "stretching the launch.")


@BOOK.check("launch.fits")
def finishes_by_ga(plan: LaunchPlan, ctx: Context, found: Found) -> None:
    schedule: LaunchSchedule = ctx.fact("schedule")
    if schedule.slack_to_ga_days >= 0:
        return
    late = -schedule.slack_to_ga_days
    path = path_text(schedule.critical_path, schedule.critical_path_is_chain)
    found("ga_date",
          f"the schedule finishes on {schedule.dated.finish}, {_plural(late, 'working day')} "
          f"after GA ({plan.ga_date}); critical path: {path}",
          hint=f"Take {_plural(late, 'working day')} off the critical path ({path}) by "
               "splitting tasks, running them in parallel or cutting scope, or agree a later "
               "GA with the sponsor.")


# -- launch.exit-criteria, launch.resources ----------------------------------------------


@BOOK.check("launch.exit-criteria")
def measurable_exit_criteria(plan: LaunchPlan, ctx: Context, found: Found) -> None:
    for index, phase in enumerate(plan.phases):
        if not phase.exit_criteria:
            found(path_of("phases", index, "exit_criteria"),
                  f"phase {phase.id} has no exit criteria, so nobody can tell when it is done",
                  hint="Add criteria with a number and a comparator, e.g. "
                       "\"crash-free sessions >= 99.5%\".")
            continue
        for position, criterion in enumerate(phase.exit_criteria):
            # A template placeholder is common.placeholder's to report, once.
            if is_measurable(criterion) or PLACEHOLDER.search(criterion):
                continue
            lacking = [part for part, present in (
                ("number", NUMBER.search(criterion)),
                ("comparator (>=, <=, at least, under...)", COMPARATOR.search(criterion)))
                if not present]
            found(path_of("phases", index, "exit_criteria", position),
                  f"'{criterion}' has no {' and no '.join(lacking)}, so nobody can check "
                  "whether it is met",
                  hint="Say what is measured, the threshold and the direction, e.g. "
                       "\"support tickets per 100 users at most 2\".")


@BOOK.check("launch.resources")
def within_capacity(plan: LaunchPlan, ctx: Context, found: Found) -> None:
    schedule: LaunchSchedule = ctx.fact("schedule")
    date_at, origin = schedule.calendar.date_at, schedule.plan_start
    for index, resource in enumerate(plan.resources):
        over = overloads_of(schedule, resource.id, resource.capacity)
        if not over:
            continue
        first = over[0]
        running = sorted(task_id for start, finish, task_id in schedule.intervals[resource.id]
                         if start <= first.first <= finish)
        spans = [f"{_span(date_at(segment.first, origin), date_at(segment.last, origin))} "
                 f"({segment.running} running)" for segment in over[:MAX_RANGES]]
        more = len(over) - MAX_RANGES
        days = sum(segment.last - segment.first + 1 for segment in over)
        name = resource.name or resource.id
        message = (f"{name} can run {_plural(resource.capacity, 'task')} at once but has more "
                   f"on {_plural(days, 'working day')}: {'; '.join(spans)}"
                   + (f"; and {_plural(more, 'more period')}" if more > 0 else "")
                   + f". On {date_at(first.first, origin)}: {listed(running)}")
        found(path_of("resources", index), message,
              hint=f"Chain {' and '.join(running[:2])} with depends_on so they run one after "
                   f"the other, move one to another resource, or raise {resource.id}'s "
                   f"capacity to {first.running} if the team really can run that many.")


def overloads_of(schedule: LaunchSchedule, resource: str, capacity: int) -> list[LoadSegment]:
    return overloads(schedule.loads.get(resource, []), capacity)


# -- launch.rollout, launch.go-no-go -----------------------------------------------------


@BOOK.check("launch.rollout")
def rollout_climbs_to_100(plan: LaunchPlan, ctx: Context, found: Found) -> None:
    if not plan.rollout:
        found("rollout", "there is no rollout plan: GA would switch every customer on at once",
              hint="Add staged steps, e.g. 5% → 25% → 50% → 100%, the last on or before "
                   f"{plan.ga_date}.")
        return
    previous: RolloutStep | None = None
    reached: tuple[int, RolloutStep] | None = None
    for index, step in enumerate(plan.rollout):
        if not 0 <= step.percent <= 100:
            found(path_of("rollout", index, "percent"),
                  f"{_num(step.percent)}% is not a share of customers (0 to 100)",
                  hint="Use a percent between 0 and 100.")
        elif previous is not None and step.percent < previous.percent:
            found(path_of("rollout", index, "percent"),
                  f"the rollout goes backwards: {_num(previous.percent)}% on {previous.date}, "
                  f"then {_num(step.percent)}% on {step.date}",
                  hint=f"Keep each step at or above the one before ({_num(previous.percent)}% "
                       "or more); a planned reduction is a rollback, which belongs in the "
                       "contingency plan.")
        if previous is not None and step.date < previous.date:
            found(path_of("rollout", index, "date"),
                  f"step {index + 1} ({step.date}) is dated before the step above it "
                  f"({previous.date})",
                  hint="List the rollout steps in date order.")
        elif previous is not None and step.date == previous.date:
            found(path_of("rollout", index, "date"),
                  f"step {index + 1} is on {step.date}, the same day as the step above it; "
                  "two steps on one day are one step",
                  hint=f"Keep the larger step on {step.date} and delete the other, or give "
                       "each step its own day so you can watch the numbers in between.")
        if reached is None and step.percent >= 100:
            reached = (index, step)
        previous = step
    if reached is None:
        highest = max(step.percent for step in plan.rollout)
        found("rollout",
              f"the rollout never reaches 100% (the highest step is {_num(highest)}%), so GA "
              "is not general",
              hint=f"End the rollout with {{date: {plan.ga_date}, percent: 100}} or earlier.")
    elif reached[1].date > plan.ga_date:
        index, step = reached
        found(path_of("rollout", index, "date"),
              f"the rollout reaches 100% on {step.date}, after GA ({plan.ga_date})",
              hint=f"Reach 100% on or before {plan.ga_date}, or move GA to match.")


def first_majority_step(rollout: list[RolloutStep]) -> tuple[int, RolloutStep] | None:
    """The earliest rollout step that gives the product to more than half the customers."""
    majority = [(index, step) for index, step in enumerate(rollout) if step.percent > MAJORITY]
    return min(majority, key=lambda item: (item[1].date, item[0])) if majority else None


@BOOK.check("launch.go-no-go")
def decided_before_launch(plan: LaunchPlan, ctx: Context, found: Found) -> None:
    decision = plan.go_no_go
    if decision is None:
        found("go_no_go", "there is no go/no-go decision before GA",
              hint=f"Add go_no_go: {{date: <a few working days before {plan.ga_date}>, "
                   "approver: <who decides>, criteria: [...]}.")
        return
    if _blank(decision.approver):
        found("go_no_go.approver",
              "the go/no-go has no approver: nobody owns the decision to launch",
              hint="Name the one person who makes the call, e.g. approver: Dana Whitfield "
                   "(VP Product).")
    if not decision.criteria:
        found("go_no_go.criteria",
              "the go/no-go has no criteria, so the decision will be made on mood",
              hint="List what must be true to launch, e.g. \"no open severity-1 bugs\", "
                   "\"public beta exit criteria met\".")
    if decision.date is None:
        found("go_no_go.date", "the go/no-go has no date",
              hint=f"Hold it a few working days before GA ({plan.ga_date}), early enough to "
                   "act on a no.")
        return
    majority = first_majority_step(plan.rollout)
    if decision.date >= plan.ga_date:
        when = "on GA day" if decision.date == plan.ga_date else "after GA"
        found("go_no_go.date",
              f"the go/no-go on {decision.date} is {when} ({plan.ga_date}); a decision to "
              "launch has to come before the launch",
              hint=f"Hold it before {plan.ga_date}, early enough to act on a no (a week "
                   "before is common)"
                   + (f", and on or before {majority[1].date}, when the rollout passes "
                      f"{MAJORITY}%." if majority and majority[1].date < plan.ga_date else "."))
    elif majority is not None and decision.date > majority[1].date:
        index, step = majority
        found("go_no_go.date",
              f"the go/no-go on {decision.date} comes after {_num(step.percent)}% of customers "
              f"already have the product (rollout step {index + 1}, {step.date}); the decision "
              "has to come before most users are exposed",
              hint=f"Hold the go/no-go on or before {step.date}, or move the "
                   f"{_num(step.percent)}% step to {decision.date} or later and stay at "
                   f"{MAJORITY}% or less until then.")


# -- launch.calendar ---------------------------------------------------------------------


def non_working_reason(day: dt.date, plan: LaunchPlan, calendar: WorkCalendar) -> str:
    """Why ``day`` is not a working day: 'a Saturday', 'a public holiday in US (…)'."""
    if day.weekday() >= 5:
        return f"a {WEEKDAYS[day.weekday()]}"
    if day in plan.holidays:
        return "a holiday (it is listed under holidays)"
    if plan.country:
        from pmpath.analysis.holidays import holiday_names

        name = holiday_names(plan.country, day, day).get(day)
        return f"a public holiday in {plan.country}" + (f" ({name})" if name else "")
    return "not a working day"


def working_neighbours(day: dt.date, calendar: WorkCalendar) -> tuple[dt.date, dt.date]:
    """The working days just before and just after a day that is not one."""
    # index_of gives a non-working day the index of the next working day (0 from itself).
    return calendar.date_at(-1, day), calendar.date_at(0, day)


@BOOK.check("launch.calendar")
def launch_days_are_working_days(plan: LaunchPlan, ctx: Context, found: Found) -> None:
    schedule: LaunchSchedule = ctx.fact("schedule")
    calendar = schedule.calendar
    ga_date = plan.ga_date
    if not calendar.is_working_day(ga_date):
        before, after = working_neighbours(ga_date, calendar)
        window_ends = window_end(plan.start, int(ctx.param("months")))
        if after <= window_ends:
            hint = (f"Set ga_date: {after}, or {before} (the working day before) if GA cannot "
                    "move later; launch on a day the team is at work to watch it.")
        else:
            hint = (f"Set ga_date: {before}, the working day before ({after} would be past "
                    f"the launch window, which ends on {window_ends}).")
        found("ga_date",
              f"GA {ga_date} is {non_working_reason(ga_date, plan, calendar)}; the next "
              f"working day is {after}",
              hint=hint)
    decision = plan.go_no_go.date if plan.go_no_go is not None else None
    if decision is not None and not calendar.is_working_day(decision):
        before, _ = working_neighbours(decision, calendar)
        found("go_no_go.date",
              f"the go/no-go on {decision} is {non_working_reason(decision, plan, calendar)}; "
              f"the working day before is {before}",
              hint=f"Set the go/no-go date to {before}: the approver and the people with the "
                   "evidence need to be at work to make the call.")
    for index, step in enumerate(plan.rollout):
        if not calendar.is_working_day(step.date):
            before, after = working_neighbours(step.date, calendar)
            found(path_of("rollout", index, "date"),
                  f"rollout step {index + 1} ({_num(step.percent)}%) on {step.date} is "
                  f"{non_working_reason(step.date, plan, calendar)}; the next working day "
                  f"is {after}",
                  hint=f"Move the step to {after} (or {before}, the working day before), when "
                       "the team is at work to watch the numbers and roll back if needed.")
    _rollout_after_the_first_phase(plan, schedule, found)


def _rollout_after_the_first_phase(plan: LaunchPlan, schedule: LaunchSchedule,
                                   found: Found) -> None:
    opening = schedule.second_phase_opens
    if opening is None:
        return
    first_phase = plan.phases[0].id
    for index, step in enumerate(plan.rollout):
        if step.date < opening.day:
            found(path_of("rollout", index, "date"),
                  f"rollout step {index + 1} ({_num(step.percent)}%) on {step.date} comes "
                  f"before the second phase, {opening.phase}, starts on {opening.day} (task "
                  f"{opening.task}); customers would get the product while {first_phase} "
                  "is still running",
                  hint=f"Date this step {opening.day} or later (keeping the steps after it in "
                       f"order), or schedule {opening.phase} to start by {step.date}.")
