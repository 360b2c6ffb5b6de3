"""The launch plan's schedule, computed once and shared by the rules, the figures and
``pmpath schedule``.

Tasks are placed by the calendar rules of DESIGN.md ("Calendars") with
:func:`pmpath.analysis.schedule.dated_schedule`: as soon as possible, on working days
(Monday to Friday minus the file's ``holidays`` and its ``country``'s public holidays),
no resource levelling. Durations are whole working days; a task of duration 0 is a
milestone and sits on the finish day of its last predecessor.

Definitions:

* ``critical_path``: every task with total float 0, ordered by start date, then by id
  in natural order (T2 before T10). Total float is measured against the plan's own
  scheduled finish, not against ``ga_date``, so tied chains are all listed.
* ``slack_to_ga_days``: how many working days the finish could slip and still be on or
  before ``ga_date``. When the finish is on or before GA it is the number of working
  days after the finish up to and including GA (finish on GA: 0; finish the working day
  before GA: 1). When the finish is after GA it is minus the number of working days
  after GA up to and including the finish (one working day late: -1). So
  ``launch.fits`` holds exactly when the slack is zero or more.
* a task occupies its resource on every working day from its start to its finish
  (milestones occupy nothing); the load per day comes from
  :mod:`pmpath.analysis.resource_load`.
"""

from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pmpath.analysis.calendar import WorkCalendar
from pmpath.analysis.resource_load import LoadSegment, load_profile
from pmpath.analysis.schedule import Activity, DatedSchedule, ScheduleError, dated_schedule
from pmpath.kinds.base import Blocked, Context, number_text
from pmpath.kinds.calendar import YEARS_OF_SLACK, work_calendar
from pmpath.kinds.launch_plan.model import LaunchPlan, Task
from pmpath.kinds.network import dependency_problems, first_problem, loop_text

if TYPE_CHECKING:
    from pmpath.kinds.launch_plan.figures import LaunchFigures

ONE_DAY = dt.timedelta(days=1)
LAST_PLANNABLE_DAY = dt.date(dt.MAXYEAR - YEARS_OF_SLACK - 1, 12, 31)
"""A schedule that runs past this is refused: the weeks after it could not be drawn."""
_DIGITS = re.compile(r"(\d+)")


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole calendar months, the day clamped to the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, monthrange(year, month)[1]))


def slack_to_ga(finish: dt.date, ga_date: dt.date, calendar: WorkCalendar) -> int:
    """Working days the finish can slip and stay on or before GA; negative when late."""
    if finish <= ga_date:
        return calendar.working_days_between(finish + ONE_DAY, ga_date)
    return -calendar.working_days_between(ga_date + ONE_DAY, finish)


def natural_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key that reads the numbers in an id as numbers: T2 before T10, T10 before T10a.

    A run of digits compares by its length without leading zeros, then digit by digit,
    which orders numbers of any length without converting them. Each part is tagged
    (0 for a number, 1 for text) so numbers and words never meet in one comparison; the
    id itself breaks the last ties (T01 and T1).
    """
    parts: list[tuple[int, int, str]] = []
    for part in _DIGITS.split(text):
        if not part:
            continue
        if part[0].isdecimal():
            number = part.lstrip("0") or "0"
            parts.append((0, len(number), number))
        else:
            parts.append((1, 0, part.lower()))
    parts.append((1, 0, text))
    return tuple(parts)


def duration_problem(task: Task) -> str | None:
    """Why ``task``'s duration cannot be scheduled, in a sentence; None when it can."""
    if task.duration < 0:
        return (f"task {task.id} has a duration of {number_text(task.duration)} working days, "
                "and a task cannot take less than 0")
    if task.duration != int(task.duration):
        return (f"task {task.id} has a duration of {number_text(task.duration)} working days, "
                "which is not a whole number of days")
    return None


def plan_calendar(plan: LaunchPlan) -> WorkCalendar:
    """Weekdays minus the plan's holidays and its country's, over every date it names."""
    days = [plan.start, plan.ga_date, *(step.date for step in plan.rollout)]
    if plan.go_no_go is not None and plan.go_no_go.date is not None:
        days.append(plan.go_no_go.date)
    # Public holidays are looked up some years past the last date; stop short of the
    # last year a date can hold.
    end = min(max(days), LAST_PLANNABLE_DAY)
    return work_calendar(plan.holidays, plan.country, min(min(days), end), end)


@dataclass(frozen=True)
class PhaseOpening:
    phase: str
    """The phase's id."""
    day: dt.date
    """The earliest scheduled start of one of its tasks."""
    task: str
    """That task's id (the first in the file when several start that day)."""


def second_phase_opening(plan: LaunchPlan, dated: DatedSchedule) -> PhaseOpening | None:
    """When ``phases[1]`` starts; None for a plan with one phase or a second phase without
    tasks (nothing then bounds the rollout)."""
    if len(plan.phases) < 2:
        return None
    second = plan.phases[1].id
    starts = [(dated.activities[task.id].start, index, task.id)
              for index, task in enumerate(plan.tasks) if task.phase == second]
    if not starts:
        return None
    day, _, task_id = min(starts)
    return PhaseOpening(second, day, task_id)


@dataclass(frozen=True)
class LaunchSchedule:
    dated: DatedSchedule
    calendar: WorkCalendar
    plan_start: dt.date
    """``start`` rolled forward to a working day: working-day index 0."""
    critical_path: list[str]
    critical_path_is_chain: bool
    """Whether each critical task depends on the one before it (no tied, parallel paths)."""
    slack_to_ga_days: int
    second_phase_opens: PhaseOpening | None
    """When the second phase in list order starts: no rollout step may come earlier."""
    intervals: dict[str, list[tuple[int, int, str]]]
    """Per resource id: (first index, last index, task id) of each task with a duration."""
    loads: dict[str, list[LoadSegment]]
    """Per resource id (tasks naming an unknown resource are left out)."""


TOO_LATE = f"the tasks run past {LAST_PLANNABLE_DAY}, the last day pmpath can plan"


def launch_schedule(plan: LaunchPlan, calendar: WorkCalendar) -> LaunchSchedule:
    """Schedule the plan, or raise Blocked saying in one sentence why it cannot be.

    A broken dependency is named before a bad duration: it is the deeper problem.
    """
    bad_duration = next((problem for task in plan.tasks
                         if (problem := duration_problem(task)) is not None), None)
    if bad_duration is None:
        activities = [Activity(task.id, int(task.duration), tuple(task.depends_on))
                      for task in plan.tasks]
        try:
            dated = dated_schedule(activities, plan.start, calendar)
        except ScheduleError:
            pass
        except (OverflowError, ValueError):
            raise Blocked(TOO_LATE) from None
        else:
            if dated.finish > LAST_PLANNABLE_DAY:
                raise Blocked(TOO_LATE)
            return _placed(plan, dated, calendar)
    # Only a plan that cannot be scheduled pays for the search that names the problem.
    ids = [task.id for task in plan.tasks]
    problems = dependency_problems(ids, [task.depends_on for task in plan.tasks])
    # The reason names the rule whose finding says how to fix it; a long loop is only
    # sketched here, since that finding spells it out.
    if problems.cycle and len(problems.cycle) > 2:
        raise Blocked(f"the dependencies have a cycle: {loop_text(problems.cycle)}; see "
                      "launch.dependencies")
    if problems:
        raise Blocked(f"{first_problem(problems, ids, 'task')}; see launch.dependencies")
    raise Blocked(f"{bad_duration}; see launch.durations" if bad_duration else
                  "the tasks cannot be scheduled")


def _placed(plan: LaunchPlan, dated: DatedSchedule, calendar: WorkCalendar) -> LaunchSchedule:
    plan_start = calendar.roll_forward(plan.start)
    critical = [task_id for task_id, task in dated.activities.items() if task.total_float == 0]
    critical.sort(key=lambda task_id: (dated.activities[task_id].start, natural_key(task_id)))
    depends_on = {task.id: task.depends_on for task in plan.tasks}
    is_chain = all(before in depends_on[after]
                   for before, after in zip(critical, critical[1:], strict=False))
    known = {resource.id for resource in plan.resources}
    intervals: dict[str, list[tuple[int, int, str]]] = {resource: [] for resource in known}
    # dated_schedule runs CPM in working-day indices from plan_start, so a task with a
    # duration occupies indices ES .. ES + duration - 1; reading them from the network is
    # cheaper than turning every date back into an index.
    network = dated.network.activities
    for task in plan.tasks:
        if task.duration <= 0 or task.resource not in known:
            continue
        first = round(network[task.id].earliest_start)
        intervals[task.resource].append(  # type: ignore[index] - a known resource
            (first, first + int(task.duration) - 1, task.id))
    loads = {resource: load_profile((first, last) for first, last, _ in spans)
             for resource, spans in intervals.items()}
    return LaunchSchedule(dated=dated, calendar=calendar, plan_start=plan_start,
                          critical_path=critical, critical_path_is_chain=is_chain,
                          second_phase_opens=second_phase_opening(plan, dated),
                          slack_to_ga_days=slack_to_ga(dated.finish, plan.ga_date, calendar),
                          intervals=intervals, loads=loads)


def calendar_fact(plan: LaunchPlan, ctx: Context) -> WorkCalendar:
    return plan_calendar(plan)


def schedule_fact(plan: LaunchPlan, ctx: Context) -> LaunchSchedule:
    return launch_schedule(plan, ctx.fact("calendar"))


def schedule(plan: LaunchPlan) -> LaunchFigures:
    """``pmpath schedule``: the same figures ``pmpath check`` reports; Blocked when the
    plan cannot be scheduled."""
    from pmpath.kinds.launch_plan.figures import launch_figures

    return launch_figures(plan, launch_schedule(plan, plan_calendar(plan)))


MAX_PATH_SHOWN = 12


def path_text(task_ids: list[str], is_chain: bool) -> str:
    """``T1 → T3 → T4`` for one chain, ``T1, T2, T3`` when tied paths run side by side;
    a long path keeps its first and last tasks and says how many there are."""
    separator = " → " if is_chain else ", "
    if len(task_ids) <= MAX_PATH_SHOWN:
        return separator.join(task_ids)
    return (separator.join(task_ids[:5]) + separator + "…" + separator
            + separator.join(task_ids[-2:]) + f" ({len(task_ids):,} tasks)")
