"""A fresh launch plan for this learner: the beta starts on the next Monday and GA is
about three months out, with the go/no-go and rollout steps kept where the template's
schedule puts them (and off the US public holidays the template's country names)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from pmpath.analysis.periods import next_monday
from pmpath.kinds.calendar import dates_on_working_days

# The template as written: a beta from Monday 2027-02-01 to GA on 2027-04-28.
ANCHOR = date(2027, 2, 1)
EXAMPLE_DATES = {
    "start": ANCHOR, "ga_date": date(2027, 4, 28), "go_no_go": date(2027, 4, 14),
    "rollout_1": date(2027, 4, 15), "rollout_2": date(2027, 4, 21),
    "rollout_3": date(2027, 4, 28),
}
TEMPLATE_COUNTRY = "US"


def template_values(today: date, params: Mapping[str, Any]) -> dict[str, Any]:
    return dates_on_working_days(EXAMPLE_DATES, ANCHOR, next_monday(today),
                                 must_work=tuple(EXAMPLE_DATES), country=TEMPLATE_COUNTRY)
