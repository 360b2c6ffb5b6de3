"""A fresh capacity plan for this learner: the quarter starts on the next Monday and runs
13 weeks, the team has as many members as the exercise asks for, and the listed holidays
are the quarter's real (US) public holidays, to be replaced with the learner's own."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from pmpath.analysis.periods import next_monday

QUARTER_WEEKS = 13
# (example role, fte, days off) of a typical eight-person product team, in order.
ROTA = (
    ("tech lead", "1.0", 5), ("backend engineer", "1.0", 5), ("backend engineer", "1.0", 5),
    ("frontend engineer", "1.0", 5), ("frontend engineer", "1.0", 5),
    ("QA engineer", "1.0", 5), ("site reliability engineer", "0.5", 0),
    ("product designer", "0.5", 0),
)


def template_values(today: date, params: Mapping[str, Any]) -> dict[str, Any]:
    start = next_monday(today)
    end = start + timedelta(weeks=QUARTER_WEEKS) - timedelta(days=3)  # the Friday
    size = int(params.get("team_size", 8))
    members = [dict(zip(("role", "fte", "days_off"), ROTA[index] if index < len(ROTA)
                        else ("engineer", "1.0", 5), strict=True))
               for index in range(size)]
    from pmpath.analysis.holidays import public_holidays

    weekday_holidays = [day for day in public_holidays("US", start, end) if day.weekday() < 5]
    return {
        "quarter_start": start,
        "quarter_end": end,
        "members": members,
        "team_size": size,
        "holidays": ", ".join(day.isoformat() for day in weekday_holidays),
    }
