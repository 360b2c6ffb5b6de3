"""The launch plan for other tools: its key dates for the team calendar, its schedule as a
Gantt chart for the wiki.

Both read the schedule ``pmpath check`` computed (the figures), so the dates are the ones
the learner was graded on.
"""

from __future__ import annotations

from pmpath.export.shapes import CalendarEvent, EventCalendar, Gantt, GanttTask
from pmpath.kinds.base import Blocked, number_text
from pmpath.kinds.launch_plan.figures import LaunchFigures
from pmpath.kinds.launch_plan.model import LaunchPlan
from pmpath.kinds.launch_plan.schedule import plan_calendar

UNPHASED = "Other tasks"


def _scheduled(figures: LaunchFigures | None) -> LaunchFigures:
    if figures is None:
        raise Blocked("the plan cannot be scheduled yet (`pmpath check` says why)")
    return figures


def events(plan: LaunchPlan, figures: LaunchFigures | None) -> EventCalendar:
    """All-day events: each milestone on its scheduled day, the go/no-go, each rollout step
    and GA."""
    figures = _scheduled(figures)
    # The product names the launch: a re-import of the same plan updates its events.
    identity = f"launch/{plan.product}"
    tasks = {task.id: task for task in plan.tasks}
    calendar = []
    for task_id in figures.milestones:
        task = tasks[task_id]
        calendar.append(CalendarEvent(
            f"{identity}/milestone/{task_id}", f"Milestone: {task.name}",
            figures.tasks[task_id].start,
            description=f"{task_id} in the launch plan"
            + (f", phase {task.phase}" if task.phase else "") + "."))
    decision = plan.go_no_go
    if decision is not None and decision.date is not None:
        lines = []
        if decision.approver:
            lines.append(f"Approver: {decision.approver}")
        if decision.criteria:
            lines += ["Criteria:", *(f"- {criterion}" for criterion in decision.criteria)]
        calendar.append(CalendarEvent(f"{identity}/go-no-go",
                                      f"Go/no-go decision: {plan.product}", decision.date,
                                      description="\n".join(lines)))
    for step in plan.rollout:
        calendar.append(CalendarEvent(
            f"{identity}/rollout-{step.date.isoformat()}",
            f"Rollout to {number_text(step.percent)}%: {plan.product}", step.date))
    calendar.append(CalendarEvent(f"{identity}/ga", f"General availability: {plan.product}",
                                  plan.ga_date))
    return EventCalendar(f"Launch: {plan.product}", tuple(calendar), plan.start)


def gantt(plan: LaunchPlan, figures: LaunchFigures | None) -> Gantt:
    """Sections by phase, in the plan's order; critical tasks and milestones marked."""
    figures = _scheduled(figures)
    critical = set(figures.critical_path)
    milestones = set(figures.milestones)
    phase_names = {phase.id: phase.name or phase.id for phase in plan.phases}
    order = {phase.id: index for index, phase in enumerate(plan.phases)}
    tasks = sorted(plan.tasks, key=lambda task: order.get(task.phase or "", len(order)))
    chart = [
        GanttTask(task.id, task.name, figures.tasks[task.id].start,
                  figures.tasks[task.id].finish,
                  section=phase_names.get(task.phase or "", UNPHASED),
                  critical=task.id in critical, milestone=task.id in milestones)
        for task in tasks if task.id in figures.tasks]
    if plan.go_no_go is not None and plan.go_no_go.date is not None:
        chart.append(GanttTask("go_no_go", "Go/no-go", plan.go_no_go.date,
                               plan.go_no_go.date, section="Launch", milestone=True))
    chart.append(GanttTask("ga", "General availability", plan.ga_date, plan.ga_date,
                           section="Launch", milestone=True))
    last = max(task.finish for task in chart)
    holidays = tuple(day for day in plan_calendar(plan).holidays if plan.start <= day <= last)
    return Gantt(f"Launch plan: {plan.product}", tuple(chart), holidays=holidays)
