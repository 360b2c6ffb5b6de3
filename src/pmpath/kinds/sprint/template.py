"""The dates of a fresh sprint: it starts on the next Monday and has one daily entry per
working day of the exercise's length, so the template fails only on what the learner
must write."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from pmpath.analysis.calendar import WorkCalendar
from pmpath.analysis.periods import next_monday

# The template's two items: 5 points done mid-sprint, 3 still in progress at the end.
PLANNED_POINTS, LEFT_AT_END = 8, 3


def template_values(today: date, params: Mapping[str, Any]) -> dict[str, Any]:
    start = next_monday(today)
    length = int(params.get("length_days", 10))
    calendar = WorkCalendar()
    days = [calendar.date_at(index, start) for index in range(length)]
    done_from = length // 2
    daily = [{"date": day, "remaining": PLANNED_POINTS if index < done_from else LEFT_AT_END}
             for index, day in enumerate(days)]
    return {
        "start": start,
        "daily": daily,
        "last_day": days[-1],
        "retro_due": days[-1] + timedelta(days=14),
        "example_added": days[min(3, length - 1)],
        "example_removed": days[min(5, length - 1)],
        "example_holiday": days[min(7, length - 1)],
    }
