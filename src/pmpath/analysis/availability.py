"""Availability targets as the downtime and the failed requests they allow.

An availability target such as 99.9% is easier to judge once it is turned into
what it permits. The formulas are those of Google's *Site Reliability
Engineering* (O'Reilly, 2016), chapter 3, "Embracing Risk":

- time-based availability = uptime / (uptime + downtime), so a target of a% over
  a period P allows (1 − a/100) × P of downtime;
- aggregate (request-based) availability = successful requests / total requests,
  so a target of a% over N requests allows (1 − a/100) × N failed requests.

A technical requirements document uses them to show what a non-functional
requirement like "99.95% of each month" means for the people on call. Both
functions take plain numbers and raise ``ValueError`` for a target outside
0–100%, so callers decide what to say instead.
"""

from __future__ import annotations

from datetime import timedelta

DAY = timedelta(days=1)
WEEK = timedelta(days=7)
MONTH = timedelta(days=30)
"""The SRE book's availability table (appendix A) counts a month as 30 days."""
QUARTER = timedelta(days=90)
YEAR = timedelta(days=365)


def _checked(availability_percent: float) -> float:
    if not 0 <= availability_percent <= 100:
        raise ValueError(f"an availability of {availability_percent}% is not between 0% and "
                         "100%")
    return availability_percent


def allowed_downtime(availability_percent: float, period: timedelta = MONTH) -> timedelta:
    """The downtime a target allows over ``period``: (1 − a/100) × period."""
    unavailable = (100 - _checked(availability_percent)) / 100
    return timedelta(seconds=unavailable * period.total_seconds())


def allowed_failures(availability_percent: float, requests: float) -> float:
    """The failed requests a target allows out of ``requests``: (1 − a/100) × requests."""
    return (100 - _checked(availability_percent)) / 100 * requests
