"""Availability targets as allowed downtime and failures, against published worked examples.

Source: Betsy Beyer, Chris Jones, Jennifer Petoff and Niall Richard Murphy (eds.),
*Site Reliability Engineering: How Google Runs Production Systems* (O'Reilly, 2016):

* chapter 3, "Embracing Risk", time-based availability: "a system with an
  availability target of 99.99% can be down for up to 52.56 minutes in a year and
  stay within its availability target";
* chapter 3, aggregate availability: "a system that serves 2.5M requests in a day
  with a daily availability target of 99.99% can serve up to 250 errors and still
  hit its target for that given day";
* appendix A, "Availability Table" (allowed unavailability window): 99.9% allows
  8.76 hours a year, 2.16 hours a quarter, 43.2 minutes a month, 10.1 minutes a
  week and 1.44 minutes a day; 99.95% allows 4.38 hours a year and 21.6 minutes a
  month; 99% allows 3.65 days a year and 7.2 hours a month.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from pmpath.analysis.availability import (
    DAY,
    MONTH,
    QUARTER,
    WEEK,
    YEAR,
    allowed_downtime,
    allowed_failures,
)


def minutes(span: timedelta) -> float:
    return span.total_seconds() / 60


def hours(span: timedelta) -> float:
    return span.total_seconds() / 3600


def test_four_nines_allow_52_56_minutes_a_year() -> None:
    assert minutes(allowed_downtime(99.99, YEAR)) == pytest.approx(52.56)


def test_four_nines_over_2_5_million_requests_allow_250_errors() -> None:
    assert allowed_failures(99.99, 2_500_000) == pytest.approx(250)


@pytest.mark.parametrize(("target", "period", "published_hours"), [
    (99.9, YEAR, 8.76), (99.9, QUARTER, 2.16), (99.9, MONTH, 43.2 / 60),
    (99.9, WEEK, 10.1 / 60), (99.9, DAY, 1.44 / 60),
    (99.95, YEAR, 4.38), (99.95, MONTH, 21.6 / 60),
    (99.0, YEAR, 3.65 * 24), (99.0, MONTH, 7.2),
])
def test_the_appendix_availability_table(target: float, period: timedelta,
                                         published_hours: float) -> None:
    # The table prints three significant figures (10.08 minutes a week is "10.1").
    assert hours(allowed_downtime(target, period)) == pytest.approx(published_hours, rel=5e-3)


def test_a_month_is_the_default_window_and_the_edges_are_allowed() -> None:
    assert allowed_downtime(99.9) == allowed_downtime(99.9, MONTH)
    assert allowed_downtime(100, YEAR) == timedelta(0)
    assert allowed_downtime(0, DAY) == DAY


@pytest.mark.parametrize("target", [-1, 100.5, 999])
def test_a_target_outside_0_to_100_percent_is_refused(target: float) -> None:
    with pytest.raises(ValueError, match="not between 0% and 100%"):
        allowed_downtime(target)
    with pytest.raises(ValueError):
        allowed_failures(target, 1_000)
