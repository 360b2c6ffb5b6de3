"""The project plan for other tools: its phases, milestones and deadline for the team
calendar, its work breakdown for Jira, and its schedule as a Gantt chart for the wiki.

The dates are the schedule ``pmpath check`` computed (the figures): each work item's
start and finish, inclusive, over unrounded PERT expected times.
"""

from __future__ import annotations

from datetime import timedelta

from pmpath.export.shapes import CalendarEvent, EventCalendar, Gantt, GanttTask, WorkItem
from pmpath.kinds.base import Blocked, number_text
from pmpath.kinds.project_plan.figures import ProjectFigures, plan_calendar
from pmpath.kinds.project_plan.model import ProjectPlan

PHASES = "Lifecycle phases"
MILESTONES = "Milestones"
UNASSIGNED = "Work without a deliverable"


def events(plan: ProjectPlan, figures: ProjectFigures | None) -> EventCalendar:
    """All-day events: each lifecycle phase over its dates, each milestone and the deadline."""
    # The plan's name names it: a re-import of the same plan updates its events.
    identity = f"project/{plan.name}"
    calendar = []
    for phase in plan.phases:
        if phase.end < phase.start:
            continue
        calendar.append(CalendarEvent(
            f"{identity}/phase/{phase.name.casefold()}", f"Phase: {phase.name}", phase.start,
            phase.end + timedelta(days=1),
            "Exit criteria:\n" + "\n".join(f"- {item}" for item in phase.exit_criteria)
            if phase.exit_criteria else ""))
    deliverables = {item.id: item.name for item in plan.deliverables}
    for milestone in plan.milestones:
        named = [f"- {ref} {deliverables.get(ref, '')}".rstrip()
                 for ref in milestone.deliverables]
        calendar.append(CalendarEvent(
            f"{identity}/milestone/{milestone.name}", f"Milestone: {milestone.name}",
            milestone.date, description="Deliverables:\n" + "\n".join(named) if named else ""))
    finish = figures.finish if figures is not None else None
    calendar.append(CalendarEvent(
        f"{identity}/deadline", f"Deadline: {plan.name}", plan.deadline,
        description=f"Expected finish {finish.isoformat()}." if finish else ""))
    return EventCalendar(f"Project: {plan.name}", tuple(calendar), plan.start)


def work_items(plan: ProjectPlan, figures: ProjectFigures | None) -> tuple[WorkItem, ...]:
    """Deliverables as epics, each work item a task under its deliverable."""
    scheduled = (figures.tasks or {}) if figures is not None else {}
    items = []
    for deliverable in plan.deliverables:
        lines = []
        if deliverable.acceptance:
            lines.append(f"Acceptance: {deliverable.acceptance}")
        if deliverable.owner:
            lines.append(f"Owner: {deliverable.owner}")
        items.append(WorkItem(deliverable.id, deliverable.name, "Epic", "\n".join(lines)))
    known = {deliverable.id for deliverable in plan.deliverables}
    for work in plan.work:
        estimate = work.estimate
        expected = (estimate.optimistic + 4 * estimate.likely + estimate.pessimistic) / 6
        lines = [f"Estimate (working days): optimistic {number_text(estimate.optimistic)}, "
                 f"most likely {number_text(estimate.likely)}, pessimistic "
                 f"{number_text(estimate.pessimistic)}; expected {expected:.1f}"]
        if work.owner:
            lines.append(f"Owner: {work.owner}")
        if work.depends_on:
            lines.append(f"Depends on: {', '.join(work.depends_on)}")
        dates = scheduled.get(work.id)
        if dates:
            lines.append(f"Scheduled: {dates['start'].isoformat()} to "
                         f"{dates['finish'].isoformat()}")
        items.append(WorkItem(work.id, work.name, "Task", "\n".join(lines),
                              parent=work.deliverable if work.deliverable in known else None))
    return tuple(items)


def gantt(plan: ProjectPlan, figures: ProjectFigures | None) -> Gantt:
    """The lifecycle phases, then the work by deliverable (critical items marked), then the
    milestones and the deadline."""
    if figures is None or not figures.tasks:
        because = figures.unscheduled_because if figures is not None else None
        raise Blocked(because or "the plan cannot be scheduled yet (`pmpath check` says why)")
    critical = set(figures.critical_path or ())
    chart = [GanttTask(f"phase_{index}", phase.name.capitalize(), phase.start, phase.end,
                       section=PHASES)
             for index, phase in enumerate(plan.phases, start=1) if phase.start <= phase.end]
    sections = {item.id: f"{item.id} {item.name}" for item in plan.deliverables}
    order = {item.id: index for index, item in enumerate(plan.deliverables)}
    for work in sorted(plan.work, key=lambda item: order.get(item.deliverable or "",
                                                             len(order))):
        dates = figures.tasks.get(work.id)
        if dates is None:
            continue
        chart.append(GanttTask(work.id, work.name, dates["start"], dates["finish"],
                               section=sections.get(work.deliverable or "", UNASSIGNED),
                               critical=work.id in critical))
    for index, milestone in enumerate(plan.milestones, start=1):
        chart.append(GanttTask(f"milestone_{index}", milestone.name, milestone.date,
                               milestone.date, section=MILESTONES, milestone=True))
    chart.append(GanttTask("deadline", "Deadline", plan.deadline, plan.deadline,
                           section=MILESTONES, milestone=True))
    first = min(task.start for task in chart)
    last = max(task.finish for task in chart)
    holidays = tuple(day for day in plan_calendar(plan).holidays if first <= day <= last)
    return Gantt(f"Project plan: {plan.name}", tuple(chart), holidays=holidays)
