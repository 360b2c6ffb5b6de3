"""launch-plan (skill 3): a three-month product launch from beta to general availability.

Tasks are scheduled by the calendar rules of DESIGN.md ("Calendars") with
:func:`pmpath.analysis.schedule.dated_schedule`: as soon as possible, working days only,
no resource levelling. A fractional duration is rounded up to whole working days; a task
of duration 0 is a milestone and sits on the finish day of its last predecessor.

Definitions used by the rules and metrics:

* ``slack_to_ga_days``: how many working days the finish could slip and still be on or
  before ``ga_date``. When the finish is on or before GA it is the number of working
  days after the finish up to and including GA (finish on GA: 0; finish the working day
  before GA: 1). When the finish is after GA it is minus the number of working days
  after GA up to and including the finish (one working day late: -1). So
  ``launch.fits`` holds exactly when the slack is zero or more.
* ``launch.window``: GA is at most ``months`` calendar months after ``start``. Adding
  months keeps the day of the month, clamped to the month's last day (2026-11-30 plus
  3 months is 2027-02-28).
* ``launch.resources``: a task occupies its resource on every working day from its
  start to its finish (milestones occupy nothing). The load per working day is found
  with one sweep over the tasks' start and end events (sorted, so O(n log n) for n
  tasks), never by walking the days of every task.
* ``launch.exit-criteria``: a criterion counts when it holds a number (digits) and a
  comparator: one of the symbols >= <= ≥ ≤ > < = ==, or the words "at least",
  "at most", "no more than", "no less than", "no fewer than", "more than",
  "less than", "fewer than", "greater than", "under", "below", "above", "over",
  "within", "exceeds", "up to", "equals".
* ``launch.rollout``: every percent is within 0-100, no step is lower than the one
  before it (in file order), steps are in date order, and the first step at 100% is
  dated on or before GA.
* ``launch.refs``: every task names an existing phase; every task with a duration
  names an existing resource (a milestone needs no resource, but one it names must
  exist).
"""

from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field

from pmpath.analysis.calendar import WorkCalendar
from pmpath.analysis.schedule import Activity, DatedSchedule, ScheduleError, dated_schedule
from pmpath.artifacts.base import ArtifactModel, GradeContext, KindSpec, Outcome, Rule, path_of
from pmpath.artifacts.network import (
    cycle_message,
    dependency_problems,
    listed,
    loop_text,
    report_dependencies,
)

Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
Duration = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=0)]
Capacity = Annotated[int, Field(strict=True, ge=1)]

MAX_RANGES = 3

COMPARATOR = re.compile(
    r"(>=|<=|≥|≤|==|>|<|=)|\b(at least|at most|no more than|no less than|no fewer than|"
    r"more than|less than|fewer than|greater than|under|below|above|over|within|exceeds?|"
    r"up to|equals?)\b",
    re.IGNORECASE,
)
NUMBER = re.compile(r"\d")


class LaunchPhase(ArtifactModel):
    model_config = ConfigDict(coerce_numbers_to_str=True)
    id: str
    name: str | None = None
    exit_criteria: list[str] = []


class Resource(ArtifactModel):
    model_config = ConfigDict(coerce_numbers_to_str=True)
    id: str
    name: str | None = None
    capacity: Capacity


class Task(ArtifactModel):
    model_config = ConfigDict(coerce_numbers_to_str=True)
    id: str
    name: str
    phase: str | None = None
    duration: Duration
    depends_on: list[str] = []
    resource: str | None = None


class RolloutStep(ArtifactModel):
    date: dt.date
    percent: Number


class GoNoGo(ArtifactModel):
    date: dt.date | None = None
    approver: str | None = None
    criteria: list[str] = []


class LaunchPlan(ArtifactModel):
    kind: Literal["launch-plan"]
    version: Literal[1]
    product: str
    start: dt.date
    ga_date: dt.date
    holidays: list[dt.date] = []
    phases: list[LaunchPhase]
    resources: list[Resource] = []
    # A launch without a single task has nothing to schedule: a schema problem.
    tasks: list[Task] = Field(min_length=1)
    # Left out or empty, these reach launch.rollout and launch.go-no-go rather than
    # common.schema, so the learner reads why they matter.
    rollout: list[RolloutStep] = []
    go_no_go: GoNoGo | None = None


# -- the arithmetic -------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole calendar months, the day clamped to the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, monthrange(year, month)[1]))


def slack_to_ga(finish: dt.date, ga_date: dt.date, calendar: WorkCalendar) -> int:
    """Working days the finish can slip and stay on or before GA; negative when late."""
    one_day = dt.timedelta(days=1)
    if finish <= ga_date:
        return calendar.working_days_between(finish + one_day, ga_date)
    return -calendar.working_days_between(ga_date + one_day, finish)


@dataclass(frozen=True)
class LoadSegment:
    """``running`` tasks on every working day from index ``first`` to ``last``."""

    first: int
    last: int
    running: int


def load_profile(intervals: Iterable[tuple[int, int]]) -> list[LoadSegment]:
    """Tasks running at once over time, from (first, last) working-day indices (inclusive).

    One sweep over the sorted start and end events: O(n log n) for n intervals,
    independent of how long the tasks are. Returns the maximal stretches of constant,
    non-zero load in time order.
    """
    change: dict[int, int] = {}
    for first, last in intervals:
        change[first] = change.get(first, 0) + 1
        change[last + 1] = change.get(last + 1, 0) - 1
    segments: list[LoadSegment] = []
    running = 0
    boundaries = sorted(change)
    for position, boundary in enumerate(boundaries):
        running += change[boundary]
        if running > 0 and position + 1 < len(boundaries):
            segments.append(LoadSegment(boundary, boundaries[position + 1] - 1, running))
    return segments


def overloads(segments: Sequence[LoadSegment], capacity: int) -> list[LoadSegment]:
    """Stretches where the load exceeds ``capacity``; adjacent ones merged, keeping the peak."""
    merged: list[LoadSegment] = []
    for segment in segments:
        if segment.running <= capacity:
            continue
        if merged and merged[-1].last + 1 == segment.first:
            previous = merged[-1]
            merged[-1] = LoadSegment(previous.first, segment.last,
                                     max(previous.running, segment.running))
        else:
            merged.append(segment)
    return merged


@dataclass(frozen=True)
class LaunchSchedule:
    dated: DatedSchedule
    calendar: WorkCalendar
    plan_start: dt.date
    """``start`` rolled forward to a working day: working-day index 0."""
    slack_to_ga_days: int
    intervals: dict[str, list[tuple[int, int, str]]]
    """Per resource id: (first index, last index, task id) of each task with a duration."""
    loads: dict[str, list[LoadSegment]]
    """Per resource id (tasks naming an unknown resource are left out)."""


def _compute(doc: LaunchPlan) -> LaunchSchedule:
    """Schedule a plan whose dependencies are known to be sound."""
    calendar = WorkCalendar(doc.holidays)
    activities = [Activity(task.id, task.duration, tuple(task.depends_on)) for task in doc.tasks]
    dated = dated_schedule(activities, doc.start, calendar)
    plan_start = calendar.roll_forward(doc.start)
    known = {resource.id for resource in doc.resources}
    intervals: dict[str, list[tuple[int, int, str]]] = {resource: [] for resource in known}
    # dated_schedule runs CPM in working-day indices from plan_start and rounds durations
    # up, so a task with a duration occupies indices ES .. ES + ceil(duration) - 1; reading
    # them from the network is cheaper than converting every date back to an index.
    network = dated.network.activities
    for task in doc.tasks:
        if task.duration <= 0 or task.resource not in known:
            continue
        scheduled = network[task.id]
        first = round(scheduled.earliest_start)
        intervals[task.resource].append(  # type: ignore[index] - known resource
            (first, first + round(scheduled.duration) - 1, task.id))
    loads = {resource: load_profile((first, last) for first, last, _ in spans)
             for resource, spans in intervals.items()}
    return LaunchSchedule(dated=dated, calendar=calendar, plan_start=plan_start,
                          slack_to_ga_days=slack_to_ga(dated.finish, doc.ga_date, calendar),
                          intervals=intervals, loads=loads)


def launch_schedule(doc: LaunchPlan) -> LaunchSchedule:
    """Schedule a plan; raise ScheduleError with a learner's sentence when it cannot be.

    This is what ``pmpath schedule`` calls; ``grade`` reports the same problems as
    ``launch.dependencies`` findings instead.
    """
    problems = dependency_problems([task.id for task in doc.tasks],
                                   [task.depends_on for task in doc.tasks])
    if problems.cycle:
        raise ScheduleError(cycle_message(problems.cycle, "task"))
    if problems.unknown:
        position, _, missing = problems.unknown[0]
        raise ScheduleError(f"task {doc.tasks[position].id} depends on '{missing}', which is "
                            "not a task in this plan")
    if problems.repeated:
        position, task_id = problems.repeated[0]
        raise ScheduleError(f"the task id {task_id} is used more than once (again at "
                            f"tasks[{position}])")
    return _compute(doc)


def weekly_peaks(schedule: LaunchSchedule, resource: str, first_week: dt.date,
                 last_week: dt.date) -> dict[dt.date, int]:
    """Most tasks of ``resource`` running on any one day, per week (keyed by Monday).

    Linear in load segments plus weeks: the segments are disjoint, so together they
    touch each week at most once more than there are segments.
    """
    week = dt.timedelta(days=7)
    peaks: dict[dt.date, int] = {}
    monday = first_week
    while monday <= last_week:
        peaks[monday] = 0
        monday += week
    date_at, origin = schedule.calendar.date_at, schedule.plan_start
    for segment in schedule.loads.get(resource, []):
        first, last = date_at(segment.first, origin), date_at(segment.last, origin)
        monday = first - dt.timedelta(days=first.weekday())
        while monday <= last:
            if peaks.get(monday, 0) < segment.running:
                peaks[monday] = segment.running
            monday += week
    return peaks


def schedule_metrics(doc: LaunchPlan, schedule: LaunchSchedule) -> dict[str, Any]:
    """The schedule metrics shared by `pmpath check` and `pmpath schedule --json`."""
    dated = schedule.dated
    first_week = schedule.plan_start - dt.timedelta(days=schedule.plan_start.weekday())
    last_day = max(dated.finish, first_week)
    last_week = last_day - dt.timedelta(days=last_day.weekday())
    return {
        "finish": dated.finish,
        "duration_working_days": dated.duration_working_days,
        "critical_path": list(dated.critical_path),
        "slack_to_ga_days": schedule.slack_to_ga_days,
        "tasks": {task_id: {"start": task.start, "finish": task.finish,
                            "total_float": task.total_float}
                  for task_id, task in dated.activities.items()},
        "milestones": [task.id for task in doc.tasks if task.duration <= 0],
        "resource_load": {
            resource.id: {"capacity": resource.capacity,
                          "weeks": weekly_peaks(schedule, resource.id, first_week, last_week)}
            for resource in doc.resources},
    }


# -- rules ----------------------------------------------------------------------------

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
    ),
    Rule(
        id="launch.rollout",
        severity="error",
        title="The rollout only goes up, and reaches 100% by GA",
        rationale=(
            "A staged rollout (5%, 25%, 50%, 100%) limits how many customers a bad release "
            "can hurt. Percentages that go down are a rollback, not a plan, and a rollout "
            "that is not at 100% on GA day means GA is not really general."
        ),
        hint="List rollout steps in date order with percents that never drop, ending with "
             "percent: 100 on or before ga_date.",
        passes="rollout:\n  - {date: 2027-03-03, percent: 25}\n"
               "  - {date: 2027-03-31, percent: 100}",
        fails="rollout:\n  - {date: 2027-03-03, percent: 50}\n"
              "  - {date: 2027-03-17, percent: 25}   # goes backwards",
        weight=2,
    ),
    Rule(
        id="launch.go-no-go",
        severity="error",
        title="A go/no-go decision before GA, with an approver and criteria",
        rationale=(
            "Someone must own the call to launch, on criteria agreed in advance, early "
            "enough to act on a 'no'. A go/no-go on or after GA day, or with nobody named "
            "to decide, is no decision at all."
        ),
        hint="Set go_no_go with a date before ga_date, a named approver and the criteria "
             "the decision is made on.",
        passes="go_no_go: {date: 2027-03-24, approver: VP Product, criteria: [...]}",
        fails="go_no_go: {date: 2027-04-02, approver: '', criteria: []}",
        weight=2,
    ),
)


# -- helpers --------------------------------------------------------------------------


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


def is_measurable(criterion: str) -> bool:
    """True when the criterion has a number and a comparator (see the module docstring)."""
    return bool(NUMBER.search(criterion)) and bool(COMPARATOR.search(criterion))


def _span(first: dt.date, last: dt.date) -> str:
    return str(first) if first == last else f"{first} to {last}"


# -- the rules, one function each -------------------------------------------------------


def _check_dependencies(doc: LaunchPlan, out: Outcome) -> bool:
    return report_dependencies(out, "launch.dependencies", "tasks", "task",
                               [task.id for task in doc.tasks],
                               [task.depends_on for task in doc.tasks])


def _check_refs(doc: LaunchPlan, out: Outcome) -> None:
    phase_ids = [phase.id for phase in doc.phases]
    resource_ids = [resource.id for resource in doc.resources]
    phases, resources = set(phase_ids), set(resource_ids)
    for index, task in enumerate(doc.tasks):
        if _blank(task.phase):
            out.add("launch.refs", path_of("tasks", index, "phase"),
                    f"task {task.id} ({task.name}) does not say which phase it belongs to",
                    hint=f"Set phase to one of {listed(phase_ids)}." if phase_ids else
                    "Define the launch phases under phases and name one here.")
        elif task.phase not in phases:
            out.add("launch.refs", path_of("tasks", index, "phase"),
                    f"task {task.id} is in phase '{task.phase}', which is not in phases",
                    hint=f"Use a phase id from phases ({listed(phase_ids)}) or add "
                         f"'{task.phase}' to phases." if phase_ids else
                         f"Add '{task.phase}' to phases.")
        if _blank(task.resource):
            if task.duration > 0:
                out.add("launch.refs", path_of("tasks", index, "resource"),
                        f"task {task.id} ({task.name}) takes {task.duration:g} working days "
                        "but names no resource to do it",
                        hint=f"Set resource to one of {listed(resource_ids)}."
                        if resource_ids else "Define who does the work under resources and "
                        "name it here.")
        elif task.resource not in resources:
            out.add("launch.refs", path_of("tasks", index, "resource"),
                    f"task {task.id} uses resource '{task.resource}', which is not in "
                    "resources",
                    hint=f"Use a resource id from resources ({listed(resource_ids)}) or add "
                         f"'{task.resource}' with its capacity." if resource_ids else
                         f"Add '{task.resource}' to resources with its capacity.")


def _check_window(doc: LaunchPlan, months: int, out: Outcome) -> None:
    latest = add_months(doc.start, months)
    if doc.ga_date < doc.start:
        out.add("launch.window", "ga_date",
                f"GA ({doc.ga_date}) is before the start ({doc.start})",
                hint="Check the two dates: GA comes after the beta starts.")
    elif doc.ga_date > latest:
        late = (doc.ga_date - latest).days
        out.add("launch.window", "ga_date",
                f"GA on {doc.ga_date} is {late} day{'s' if late != 1 else ''} past the "
                f"{months}-month launch window ({doc.start} + {months} months = {latest})",
                hint=f"Plan GA on or before {latest}: cut or defer scope rather than "
                     "stretching the launch.")


def _check_exit_criteria(doc: LaunchPlan, out: Outcome) -> None:
    for index, phase in enumerate(doc.phases):
        if not phase.exit_criteria:
            out.add("launch.exit-criteria", path_of("phases", index, "exit_criteria"),
                    f"phase {phase.id} has no exit criteria, so nobody can tell when it is "
                    "done",
                    hint="Add criteria with a number and a comparator, e.g. "
                         "\"crash-free sessions >= 99.5%\".")
            continue
        for position, criterion in enumerate(phase.exit_criteria):
            if is_measurable(criterion):
                continue
            lacking = [part for part, found in (
                ("number", NUMBER.search(criterion)),
                ("comparator (>=, <=, at least, under...)", COMPARATOR.search(criterion)))
                if not found]
            out.add("launch.exit-criteria",
                    path_of("phases", index, "exit_criteria", position),
                    f"'{criterion}' has no {' and no '.join(lacking)}, so nobody can check "
                    "whether it is met",
                    hint="Say what is measured, the threshold and the direction, e.g. "
                         "\"support tickets per 100 users at most 2\".")


def _check_resources(doc: LaunchPlan, schedule: LaunchSchedule, out: Outcome) -> None:
    date_at, origin = schedule.calendar.date_at, schedule.plan_start
    for index, resource in enumerate(doc.resources):
        over = overloads(schedule.loads.get(resource.id, []), resource.capacity)
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
        message = (f"{name} can run {resource.capacity} task"
                   f"{'s' if resource.capacity != 1 else ''} at once but has more on "
                   f"{days} working day{'s' if days != 1 else ''}: {'; '.join(spans)}"
                   + (f"; and {more} more period{'s' if more != 1 else ''}" if more > 0 else "")
                   + f". On {date_at(first.first, origin)}: {listed(running)}")
        out.add("launch.resources", path_of("resources", index), message,
                hint=f"Chain {' and '.join(running[:2])} with depends_on so they run one after "
                     f"the other, move one to another resource, or raise {resource.id}'s "
                     f"capacity to {first.running} if the team really can run that many.")


def _check_rollout(doc: LaunchPlan, out: Outcome) -> None:
    if not doc.rollout:
        out.add("launch.rollout", "rollout",
                "there is no rollout plan: GA would switch every customer on at once",
                hint="Add staged steps, e.g. 5% → 25% → 50% → 100%, the last on or before "
                     f"{doc.ga_date}.")
        return
    previous: RolloutStep | None = None
    reached: tuple[int, RolloutStep] | None = None
    for index, step in enumerate(doc.rollout):
        if not 0 <= step.percent <= 100:
            out.add("launch.rollout", path_of("rollout", index, "percent"),
                    f"{step.percent:g}% is not a share of customers (0 to 100)",
                    hint="Use a percent between 0 and 100.")
        elif previous is not None and step.percent < previous.percent:
            out.add("launch.rollout", path_of("rollout", index, "percent"),
                    f"the rollout goes backwards: {previous.percent:g}% on {previous.date}, "
                    f"then {step.percent:g}% on {step.date}",
                    hint=f"Keep each step at or above the one before ({previous.percent:g}% or "
                         "more); a planned reduction is a rollback, which belongs in the "
                         "contingency plan.")
        if previous is not None and step.date < previous.date:
            out.add("launch.rollout", path_of("rollout", index, "date"),
                    f"step {index + 1} ({step.date}) is dated before the step above it "
                    f"({previous.date})",
                    hint="List the rollout steps in date order.")
        if reached is None and step.percent >= 100:
            reached = (index, step)
        previous = step
    if reached is None:
        highest = max(step.percent for step in doc.rollout)
        out.add("launch.rollout", "rollout",
                f"the rollout never reaches 100% (the highest step is {highest:g}%), so GA "
                "is not general",
                hint=f"End the rollout with {{date: {doc.ga_date}, percent: 100}} or earlier.")
    elif reached[1].date > doc.ga_date:
        index, step = reached
        out.add("launch.rollout", path_of("rollout", index, "date"),
                f"the rollout reaches 100% on {step.date}, after GA ({doc.ga_date})",
                hint=f"Reach 100% on or before {doc.ga_date}, or move GA to match.")


def _check_go_no_go(doc: LaunchPlan, out: Outcome) -> None:
    decision = doc.go_no_go
    if decision is None:
        out.add("launch.go-no-go", "go_no_go",
                "there is no go/no-go decision before GA",
                hint=f"Add go_no_go: {{date: <a few working days before {doc.ga_date}>, "
                     "approver: <who decides>, criteria: [...]}.")
        return
    if _blank(decision.approver):
        out.add("launch.go-no-go", "go_no_go.approver",
                "the go/no-go has no approver: nobody owns the decision to launch",
                hint="Name the one person who makes the call, e.g. approver: VP Product.")
    if not decision.criteria:
        out.add("launch.go-no-go", "go_no_go.criteria",
                "the go/no-go has no criteria, so the decision will be made on mood",
                hint="List what must be true to launch, e.g. \"no open severity-1 bugs\", "
                     "\"public beta exit criteria met\".")
    if decision.date is None:
        out.add("launch.go-no-go", "go_no_go.date",
                "the go/no-go has no date",
                hint=f"Hold it a few working days before GA ({doc.ga_date}), early enough to "
                     "act on a no.")
    elif decision.date >= doc.ga_date:
        when = "on GA day" if decision.date == doc.ga_date else "after GA"
        out.add("launch.go-no-go", "go_no_go.date",
                f"the go/no-go on {decision.date} is {when} ({doc.ga_date}); a decision to "
                "launch has to come before the launch",
                hint=f"Hold it before {doc.ga_date}, early enough to act on a no (a week "
                     "before is common).")


def _check_fits(doc: LaunchPlan, schedule: LaunchSchedule, out: Outcome) -> None:
    if schedule.slack_to_ga_days >= 0:
        return
    late = -schedule.slack_to_ga_days
    path = loop_text(schedule.dated.critical_path)
    out.add("launch.fits", "ga_date",
            f"the schedule finishes on {schedule.dated.finish}, {late} working day"
            f"{'s' if late != 1 else ''} after GA ({doc.ga_date}); critical path: {path}",
            hint=f"Take {late} working day{'s' if late != 1 else ''} off the critical path "
                 f"({path}) by splitting tasks, running them in parallel or cutting scope, or "
                 "agree a later GA with the sponsor.")


# -- grade ----------------------------------------------------------------------------


def grade(doc: LaunchPlan, ctx: GradeContext) -> Outcome:
    out = SPEC.outcome()
    months = int(ctx.params.get("months", SPEC.defaults["months"]))
    # Scheduling checks the dependencies itself; only a plan it rejects pays for the
    # detailed search that names every broken dependency.
    schedule: LaunchSchedule | None
    try:
        schedule = _compute(doc)
    except ScheduleError as error:
        schedule = None
        if _check_dependencies(doc, out):
            out.add("launch.dependencies", "tasks", f"the tasks cannot be scheduled: {error}")
    _check_refs(doc, out)
    _check_window(doc, months, out)
    metrics: dict[str, Any] = {}
    if schedule is not None:
        _check_fits(doc, schedule, out)
    _check_exit_criteria(doc, out)
    if schedule is not None:
        _check_resources(doc, schedule, out)
        metrics.update(schedule_metrics(doc, schedule))
    _check_rollout(doc, out)
    _check_go_no_go(doc, out)
    # Not a schedule metric: what the picture needs to draw the GA line.
    metrics["ga_date"] = doc.ga_date
    out.metrics = metrics
    return out


SPEC = KindSpec(kind="launch-plan", model=LaunchPlan, rules=RULES, grade=grade,
                defaults={"months": 3})
