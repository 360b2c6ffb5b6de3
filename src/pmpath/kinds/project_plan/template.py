"""A fresh project plan for this learner: kickoff on the next Monday and the phases,
milestone and deadline where the template's example puts them relative to it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from pmpath.analysis.periods import next_monday
from pmpath.kinds.calendar import dates_on_working_days

# The template as written: kickoff on Monday 2027-01-04, deadline 2027-06-30.
ANCHOR = date(2027, 1, 4)
EXAMPLE_DATES = {
    "start": ANCHOR, "deadline": date(2027, 6, 30), "example_holiday": date(2027, 4, 2),
    "initiating_start": date(2027, 1, 4), "initiating_end": date(2027, 1, 15),
    "planning_start": date(2027, 1, 18), "planning_end": date(2027, 2, 5),
    "executing_start": date(2027, 2, 8), "executing_end": date(2027, 6, 11),
    "monitoring_start": date(2027, 2, 8), "monitoring_end": date(2027, 6, 18),
    "closing_start": date(2027, 6, 14), "closing_end": date(2027, 6, 30),
    "milestone": date(2027, 2, 5),
}
TEMPLATE_COUNTRY = "US"


def template_values(today: date, params: Mapping[str, Any]) -> dict[str, Any]:
    return dates_on_working_days(EXAMPLE_DATES, ANCHOR, next_monday(today),
                                 must_work=("start", "milestone", "deadline"),
                                 country=TEMPLATE_COUNTRY)
