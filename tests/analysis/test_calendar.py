"""Working-day calendar: hand-checked dates plus property tests against a naive reference.

The rules are DESIGN.md's "Calendars" section: a working day is Monday to Friday and not
a holiday; a task of duration d that starts on working day S runs on S and the next d - 1
working days, start and finish inclusive. Dates below were checked on a 2027 wall
calendar: 2027-01-01 is a Friday, 2027-01-04 a Monday.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pmpath.analysis.calendar import WorkCalendar

NEW_YEAR = date(2027, 1, 1)  # Friday
MONDAY = date(2027, 1, 4)
SATURDAY = date(2027, 1, 9)
SUNDAY = date(2027, 1, 10)
MLK_DAY = date(2027, 1, 18)  # Monday holiday
SATURDAY_HOLIDAY = date(2027, 1, 16)

HOLIDAYS = WorkCalendar([NEW_YEAR, MLK_DAY, SATURDAY_HOLIDAY])


# --------------------------------------------------------------------------- naive reference


def naive_is_working(day: date, holidays: frozenset[date]) -> bool:
    return day.weekday() < 5 and day not in holidays


def naive_roll_forward(day: date, holidays: frozenset[date]) -> date:
    while not naive_is_working(day, holidays):
        day += timedelta(days=1)
    return day


def naive_finish(start: date, duration: int, holidays: frozenset[date]) -> date:
    """Walk the calendar a day at a time: the slow, obviously-right version."""
    day = naive_roll_forward(start, holidays)
    remaining = duration - 1
    while remaining > 0:
        day += timedelta(days=1)
        if naive_is_working(day, holidays):
            remaining -= 1
    return day


def naive_count(first: date, last: date, holidays: frozenset[date]) -> int:
    count = 0
    day = first
    while day <= last:
        count += naive_is_working(day, holidays)
        day += timedelta(days=1)
    return count


# --------------------------------------------------------------------------- known answers


def test_weekends_are_not_working_days() -> None:
    calendar = WorkCalendar()
    week = [calendar.is_working_day(MONDAY + timedelta(days=n)) for n in range(7)]
    assert week == [True] * 5 + [False] * 2  # Monday to Friday, then Saturday and Sunday


def test_weekday_holidays_are_not_working_days() -> None:
    assert not HOLIDAYS.is_working_day(NEW_YEAR)
    assert not HOLIDAYS.is_working_day(MLK_DAY)
    assert HOLIDAYS.is_working_day(MLK_DAY + timedelta(days=1))


def test_holidays_on_weekends_change_nothing() -> None:
    with_weekend_holiday = WorkCalendar([SATURDAY_HOLIDAY, SUNDAY])
    plain = WorkCalendar()
    assert with_weekend_holiday.holidays == ()
    for offset in range(-10, 30):
        day = MONDAY + timedelta(days=offset)
        assert with_weekend_holiday.is_working_day(day) == plain.is_working_day(day)
        assert with_weekend_holiday.index_of(day, MONDAY) == plain.index_of(day, MONDAY)


def test_holidays_are_sorted_and_deduplicated() -> None:
    calendar = WorkCalendar([MLK_DAY, NEW_YEAR, MLK_DAY, SATURDAY_HOLIDAY])
    assert calendar.holidays == (NEW_YEAR, MLK_DAY)


def test_roll_forward() -> None:
    assert HOLIDAYS.roll_forward(MONDAY) == MONDAY  # a working day stays put
    assert HOLIDAYS.roll_forward(SATURDAY) == date(2027, 1, 11)
    assert HOLIDAYS.roll_forward(SUNDAY) == date(2027, 1, 11)
    assert HOLIDAYS.roll_forward(NEW_YEAR) == MONDAY  # holiday Friday -> Monday
    # Saturday before a Monday holiday: skip the weekend and the holiday.
    assert HOLIDAYS.roll_forward(SATURDAY_HOLIDAY) == date(2027, 1, 19)


def test_roll_forward_over_a_run_of_holidays() -> None:
    # Christmas to New Year 2027: Mon 27 Dec to Fri 31 Dec all off.
    shutdown = WorkCalendar(date(2027, 12, 27) + timedelta(days=n) for n in range(5))
    assert shutdown.roll_forward(date(2027, 12, 25)) == date(2028, 1, 3)
    # Thu 23 and Fri 24 December, then straight to Monday 3 January.
    assert shutdown.finish_of(date(2027, 12, 23), 3) == date(2028, 1, 3)


def test_finish_is_inclusive() -> None:
    calendar = WorkCalendar()
    assert calendar.finish_of(MONDAY, 1) == MONDAY  # one day: starts and ends the same day
    assert calendar.finish_of(MONDAY, 5) == date(2027, 1, 8)  # Mon..Fri
    assert calendar.finish_of(MONDAY, 6) == date(2027, 1, 11)  # over the weekend
    assert calendar.finish_of(date(2027, 1, 8), 2) == date(2027, 1, 11)  # Fri + Mon


def test_finish_skips_holidays_and_rolls_a_non_working_start() -> None:
    # Starts Monday 11th, 6 working days: 11-15, then Tue 19th (18th is a holiday).
    assert HOLIDAYS.finish_of(date(2027, 1, 11), 6) == date(2027, 1, 19)
    # A start on the New Year holiday behaves like a start on Monday the 4th.
    assert HOLIDAYS.finish_of(NEW_YEAR, 5) == date(2027, 1, 8)


def test_zero_duration_finishes_on_its_rolled_start() -> None:
    assert HOLIDAYS.finish_of(MONDAY, 0) == MONDAY
    assert HOLIDAYS.finish_of(SATURDAY, 0) == date(2027, 1, 11)


def test_negative_durations_are_rejected() -> None:
    with pytest.raises(ValueError):
        HOLIDAYS.finish_of(MONDAY, -1)
    with pytest.raises(ValueError):
        HOLIDAYS.add_working_days(MONDAY, -1)


def test_index_and_date_relative_to_an_origin() -> None:
    # Origin is the New Year holiday, so index 0 is Monday the 4th.
    assert HOLIDAYS.index_of(MONDAY, NEW_YEAR) == 0
    assert HOLIDAYS.index_of(date(2027, 1, 11), NEW_YEAR) == 5
    assert HOLIDAYS.index_of(date(2027, 1, 19), NEW_YEAR) == 10  # 18th skipped
    assert HOLIDAYS.date_at(0, NEW_YEAR) == MONDAY
    assert HOLIDAYS.date_at(9, NEW_YEAR) == date(2027, 1, 15)
    assert HOLIDAYS.date_at(10, NEW_YEAR) == date(2027, 1, 19)
    # A non-working day shares the index of the working day after it.
    assert HOLIDAYS.index_of(MLK_DAY, NEW_YEAR) == HOLIDAYS.index_of(date(2027, 1, 19), NEW_YEAR)
    # Before the origin the index is negative and date_at still inverts it.
    assert HOLIDAYS.index_of(date(2026, 12, 31), NEW_YEAR) == -1
    assert HOLIDAYS.date_at(-1, NEW_YEAR) == date(2026, 12, 31)


def test_working_days_between_is_inclusive() -> None:
    assert HOLIDAYS.working_days_between(MONDAY, MONDAY) == 1
    assert HOLIDAYS.working_days_between(MONDAY, date(2027, 1, 8)) == 5
    # January 2027 has 21 weekdays; New Year's Day and MLK Day are holidays.
    assert HOLIDAYS.working_days_between(NEW_YEAR, date(2027, 1, 31)) == 19
    assert HOLIDAYS.working_days_between(SATURDAY, SUNDAY) == 0
    assert HOLIDAYS.working_days_between(date(2027, 1, 8), MONDAY) == 0  # last < first


def test_add_working_days() -> None:
    assert HOLIDAYS.add_working_days(date(2027, 1, 15), 0) == date(2027, 1, 15)
    assert HOLIDAYS.add_working_days(date(2027, 1, 15), 1) == date(2027, 1, 19)
    assert HOLIDAYS.add_working_days(SATURDAY, 0) == date(2027, 1, 11)
    # A non-working day is rolled forward first, then counted from.
    assert HOLIDAYS.add_working_days(SATURDAY, 1) == date(2027, 1, 12)


# --------------------------------------------------------------------------- properties

WINDOW_START = date(2026, 11, 1)
days_in_window = st.integers(min_value=0, max_value=400).map(
    lambda offset: WINDOW_START + timedelta(days=offset)
)
holiday_sets = st.frozensets(days_in_window, max_size=40)


@settings(max_examples=300, deadline=None)
@given(holidays=holiday_sets, origin=days_in_window, day=days_in_window)
def test_index_round_trip(holidays: frozenset[date], origin: date, day: date) -> None:
    calendar = WorkCalendar(holidays)
    index = calendar.index_of(day, origin)
    if naive_is_working(day, holidays):
        assert calendar.date_at(index, origin) == day
    else:
        assert calendar.date_at(index, origin) == naive_roll_forward(day, holidays)
    rolled_origin = naive_roll_forward(origin, holidays)
    if day >= rolled_origin:
        # The index is the number of working days from the rolled origin to the day.
        assert index == naive_count(rolled_origin, day, holidays) - naive_is_working(day, holidays)


@settings(max_examples=300, deadline=None)
@given(
    holidays=holiday_sets,
    start=days_in_window,
    duration=st.integers(min_value=0, max_value=120),
)
def test_finish_matches_day_by_day_walk(
    holidays: frozenset[date], start: date, duration: int
) -> None:
    calendar = WorkCalendar(holidays)
    expected = naive_finish(start, max(duration, 1), holidays)
    assert calendar.finish_of(start, duration) == expected
    assert calendar.is_working_day(expected)
    first = naive_roll_forward(start, holidays)
    if duration >= 1:
        assert calendar.working_days_between(first, expected) == duration
        assert calendar.add_working_days(first, duration - 1) == expected


@settings(max_examples=200, deadline=None)
@given(holidays=holiday_sets, first=days_in_window, last=days_in_window)
def test_count_matches_day_by_day_walk(holidays: frozenset[date], first: date, last: date) -> None:
    calendar = WorkCalendar(holidays)
    assert calendar.working_days_between(first, last) == naive_count(first, last, holidays)
    assert calendar.roll_forward(first) == naive_roll_forward(first, holidays)
    assert calendar.is_working_day(first) == naive_is_working(first, holidays)
