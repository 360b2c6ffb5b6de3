"""The sprint for other tools: its ceremonies for the team calendar, its backlog for Jira.

The calendar uses the sprint's own working days (the figures' burndown days: weekends,
the file's holidays and its country's public holidays already left out): sprint
planning on the first morning, a 15-minute stand-up on every working day, and the
review and the retrospective on the last afternoon. Times are floating local times.
"""

from __future__ import annotations

from datetime import date, datetime, time

from pmpath.export.shapes import CalendarEvent, EventCalendar, WorkItem
from pmpath.kinds.base import Blocked, number_text
from pmpath.kinds.sprint.figures import SprintFigures
from pmpath.kinds.sprint.model import Sprint

STANDUP = (time(9, 15), time(9, 30))
PLANNING = (time(9, 30), time(11, 30))
REVIEW = (time(14, 0), time(15, 0))
RETRO = (time(15, 30), time(16, 30))


def events(doc: Sprint, figures: SprintFigures | None) -> EventCalendar:
    days = [day.date for day in figures.burndown] if figures is not None else []
    if not days:
        raise Blocked("the sprint has no working days to put in a calendar; fix length_days "
                      "first (see sprint.length)")
    first, last = days[0], days[-1]
    # The start date names the sprint: a re-import of the same sprint updates its events.
    identity = f"sprint/{doc.start.isoformat()}"
    goal = doc.sprint_goal or ""
    planned = [item for item in doc.backlog if item.planned]
    planning_notes = "\n".join(
        ([f"Sprint goal: {goal}"] if goal else [])
        + ["Forecast from the product backlog:"]
        + [f"- {item.id} {item.title}" + (f" ({number_text(item.points)} points)"
                                           if item.points is not None else "")
           for item in planned])
    calendar = [
        CalendarEvent(f"{identity}/planning", "Sprint planning", *_at(first, PLANNING),
                      planning_notes),
    ]
    for number, day in enumerate(days, start=1):
        calendar.append(CalendarEvent(
            f"{identity}/standup-{day.isoformat()}", f"Daily stand-up (day {number} of "
            f"{len(days)})", *_at(day, STANDUP),
            "15 minutes: progress toward the sprint goal, the plan for the next day, and "
            "anything blocking it." + (f"\nSprint goal: {goal}" if goal else "")))
    calendar.append(CalendarEvent(
        f"{identity}/review", "Sprint review", *_at(last, REVIEW),
        "Demonstrate what is done to the stakeholders and adapt the product backlog."
        + (f"\nSprint goal: {goal}" if goal else "")))
    calendar.append(CalendarEvent(
        f"{identity}/retro", "Sprint retrospective", *_at(last, RETRO),
        "What went well, what to improve, and the actions the team commits to, each with "
        "an owner and a due date."))
    return EventCalendar(f"Sprint {first.isoformat()} to {last.isoformat()}", tuple(calendar),
                         doc.start)


def backlog(doc: Sprint, figures: SprintFigures | None) -> tuple[WorkItem, ...]:
    """The sprint backlog as it stands at the end: committed items not taken out."""
    return tuple(
        WorkItem(id=item.id, summary=item.title, issue_type=item.type,
                 description=_criteria(item.acceptance_criteria), story_points=item.points)
        for item in doc.backlog if item.in_final_scope)


def _criteria(criteria: list[str]) -> str:
    if not criteria:
        return ""
    return "Acceptance criteria:\n" + "\n".join(f"* {line}" for line in criteria)


def _at(day: date, span: tuple[time, time]) -> tuple[datetime, datetime]:
    return datetime.combine(day, span[0]), datetime.combine(day, span[1])
