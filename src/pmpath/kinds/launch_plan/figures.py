"""The launch plan's figures: the schedule against GA, each task's dates and float, and
each resource's load week by week. ``pmpath check`` and ``pmpath schedule`` both build
them here, from the same schedule, so their numbers always agree."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pmpath.analysis.resource_load import monday_of, weekly_peaks
from pmpath.kinds.base import Context, Figures
from pmpath.kinds.launch_plan.model import LaunchPlan
from pmpath.kinds.launch_plan.schedule import LaunchSchedule, PhaseOpening


@dataclass(frozen=True)
class TaskDates:
    start: dt.date
    finish: dt.date
    """Inclusive: the task's last working day (a milestone's own day)."""
    total_float: int
    """Working days the task can slip without moving the plan's finish."""


@dataclass(frozen=True)
class ResourceLoad:
    capacity: int
    weeks: dict[dt.date, int]
    """Monday of each week of the schedule → the most tasks running on any one day."""


@dataclass(frozen=True)
class LaunchFigures(Figures):
    finish: dt.date
    duration_working_days: int
    critical_path: list[str]
    """Every task with total float 0, by start date, then by id (T2 before T10)."""
    slack_to_ga_days: int
    """Working days between the finish and GA; negative when the finish is after GA."""
    tasks: dict[str, TaskDates]
    milestones: list[str]
    resource_load: dict[str, ResourceLoad]
    ga_date: dt.date
    go_no_go_date: dt.date | None
    """For the picture: the go/no-go as a milestone on the Gantt chart."""
    critical_path_is_chain: bool
    """For the picture: draw the critical path with arrows only when it is one chain."""
    second_phase_opens: PhaseOpening | None
    """For the picture: when the second phase starts (no rollout step before it)."""
    rollout: list[tuple[dt.date, float]]
    """For the picture: (date, percent) of each rollout step, as written."""

    _internal = ("go_no_go_date", "critical_path_is_chain", "second_phase_opens", "rollout")


def launch_figures(plan: LaunchPlan, schedule: LaunchSchedule) -> LaunchFigures:
    dated = schedule.dated
    calendar, origin = schedule.calendar, schedule.plan_start
    first_week = monday_of(origin)
    last_week = monday_of(max(dated.finish, first_week))
    resource_load = {}
    for resource in plan.resources:
        stretches = ((calendar.date_at(segment.first, origin),
                      calendar.date_at(segment.last, origin), segment.running)
                     for segment in schedule.loads.get(resource.id, []))
        resource_load[resource.id] = ResourceLoad(
            capacity=resource.capacity, weeks=weekly_peaks(stretches, first_week, last_week))
    return LaunchFigures(
        finish=dated.finish,
        duration_working_days=dated.duration_working_days,
        critical_path=list(schedule.critical_path),
        slack_to_ga_days=schedule.slack_to_ga_days,
        tasks={task_id: TaskDates(task.start, task.finish, task.total_float)
               for task_id, task in dated.activities.items()},
        milestones=[task.id for task in plan.tasks if task.duration == 0],
        resource_load=resource_load,
        ga_date=plan.ga_date,
        go_no_go_date=plan.go_no_go.date if plan.go_no_go is not None else None,
        critical_path_is_chain=schedule.critical_path_is_chain,
        second_phase_opens=schedule.second_phase_opens,
        rollout=[(step.date, step.percent) for step in plan.rollout],
    )


def figures(plan: LaunchPlan, ctx: Context) -> LaunchFigures:
    """The figures of ``pmpath check``: Blocked (so none) when the plan cannot be scheduled."""
    return launch_figures(plan, ctx.fact("schedule"))
