"""What `pmpath forecast SPRINT_FILE` reads from a sprint file.

The file is read as parsed, before validation, so a forecast works on a sprint that
still has findings: the velocity history is the throughput, the points of the backlog
items neither done nor removed from the sprint are what is left, and the forecast's
periods are sprints of the same length starting on the first working day after this
one.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from typing import Any

from pmpath.analysis.forecast import whole_numbers
from pmpath.analysis.periods import next_period_start
from pmpath.kinds.calendar import non_working_days


def forecast_inputs(data: Mapping[str, Any]) -> dict[str, Any]:
    """``{throughput, items[, start, period_days, holidays]}``; ValueError, in a plain
    sentence, when the file cannot give them."""
    history = data.get("velocity_history")
    if not isinstance(history, list) or not history:
        raise ValueError("velocity_history is empty; list the points finished in each past "
                         "sprint, e.g. velocity_history: [21, 24, 23]")
    throughput = whole_numbers(history, "velocity_history")
    backlog = data.get("backlog") or []
    if not isinstance(backlog, list):
        raise ValueError("backlog must be a list of items, one '- ' line each")
    inputs: dict[str, Any] = {"throughput": throughput, "items": math.ceil(points_left(backlog))}
    inputs.update(next_sprint(data))
    return inputs


def points_left(backlog: list[Any]) -> float:
    """Points of the items not done and not removed from the sprint (unestimated: 0)."""
    left = 0.0
    for index, item in enumerate(backlog):
        if not isinstance(item, dict) or item.get("removed_on") is not None:
            continue
        if str(item.get("status", "")).strip().casefold() == "done":
            continue
        points = item.get("points")
        if points is None:
            continue
        if isinstance(points, bool) or not isinstance(points, int | float) \
                or not math.isfinite(points) or points < 0:
            raise ValueError(f"backlog[{index}].points is {points!r}, not a number of points")
        left += points
    return left


def next_sprint(data: Mapping[str, Any]) -> dict[str, Any]:
    """The next sprint's first day, length and non-working days, when the file says when
    this one starts and how long it is; otherwise nothing (the forecast has no dates)."""
    start, length = data.get("start"), data.get("length_days")
    if not isinstance(start, date) or isinstance(length, bool) or not isinstance(length, int) \
            or length < 1:
        return {}
    holidays = [day for day in data.get("holidays") or [] if isinstance(day, date)]
    country = data.get("country")
    if country is not None and not isinstance(country, str):
        raise ValueError(f"country is {country!r}; give an ISO 3166 code such as US or DE-BY")
    if country:
        from pmpath.analysis.holidays import check_country

        country = check_country(country)
    days_off = non_working_days(holidays, country or None, start, start)
    from pmpath.analysis.calendar import WorkCalendar

    first_day = next_period_start(WorkCalendar(days_off), start, length)
    return {"start": first_day, "period_days": length, "holidays": days_off}
