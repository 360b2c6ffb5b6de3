"""Working-day arithmetic for plans whose durations are counted in working days.

A working day is Monday to Friday and not listed as a holiday (DESIGN.md, "Calendars").
Schedules of 5,000 tasks convert thousands of indices to dates, so nothing here walks
the calendar a day at a time: every date is mapped to its position in the endless
sequence of working days with weekly arithmetic plus a binary search over the sorted
holidays, which makes each conversion O(log H) for H holidays.

Two numberings are used internally:

* the *weekday number* of a Monday-to-Friday date counts the weekdays before it since
  Monday 0001-01-01 (the first day of the proleptic Gregorian calendar is a Monday);
* the *working number* of a date counts the working days strictly before it, so a
  working day's working number is its position in the sequence of all working days,
  and a weekend day or holiday shares the working number of the next working day.

The public methods express everything relative to an ``origin`` date instead, because
plans think in "working day 0 is the plan start".
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date

__all__ = ["WorkCalendar"]

_DAYS_PER_WEEK = 7
_WEEKDAYS_PER_WEEK = 5
_SATURDAY = 5


def _weekdays_before(day: date) -> int:
    """Count the Monday-to-Friday dates from 0001-01-01 up to, but excluding, ``day``."""
    weeks, day_in_week = divmod(day.toordinal() - 1, _DAYS_PER_WEEK)
    return weeks * _WEEKDAYS_PER_WEEK + min(day_in_week, _WEEKDAYS_PER_WEEK)


def _date_of_weekday_number(weekday_number: int) -> date:
    """Return the Monday-to-Friday date whose weekday number is ``weekday_number``."""
    weeks, day_in_week = divmod(weekday_number, _WEEKDAYS_PER_WEEK)
    return date.fromordinal(weeks * _DAYS_PER_WEEK + day_in_week + 1)


class WorkCalendar:
    """Monday-to-Friday working days minus a list of holidays.

    Holidays that fall on a Saturday or Sunday change nothing (the day is already
    non-working) and are dropped on construction; duplicates are ignored.
    """

    __slots__ = ("_holiday_weekday_numbers", "_working_before_holiday", "holidays")

    holidays: tuple[date, ...]
    """The effective holidays: weekday holidays only, sorted, without duplicates."""

    def __init__(self, holidays: Iterable[date] = ()) -> None:
        weekday_holidays = sorted({day for day in holidays if day.weekday() < _SATURDAY})
        self.holidays = tuple(weekday_holidays)
        self._holiday_weekday_numbers = [_weekdays_before(day) for day in weekday_holidays]
        # For the j-th holiday (0-based), the number of working days before it: its weekday
        # number minus the j holidays before it. Non-decreasing, so it can be bisected to
        # find how many holidays precede a given working day.
        self._working_before_holiday = [
            weekday_number - position
            for position, weekday_number in enumerate(self._holiday_weekday_numbers)
        ]

    def __repr__(self) -> str:
        return f"WorkCalendar(holidays={list(self.holidays)!r})"

    # -- the two internal numberings ---------------------------------------------------

    def _working_number(self, day: date) -> int:
        """Count the working days strictly before ``day`` (since 0001-01-01)."""
        weekdays_before = _weekdays_before(day)
        return weekdays_before - bisect_left(self._holiday_weekday_numbers, weekdays_before)

    def _date_of_working_number(self, working_number: int) -> date:
        """Return the working day that has ``working_number`` working days before it.

        The answer's weekday number is ``working_number`` plus the number of holidays
        before it, and holiday j precedes it exactly when fewer than or as many as
        ``working_number`` working days precede holiday j.
        """
        holidays_before = bisect_right(self._working_before_holiday, working_number)
        return _date_of_weekday_number(working_number + holidays_before)

    # -- public API -------------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        """Return True when ``day`` is a Monday-to-Friday date that is not a holiday."""
        if day.weekday() >= _SATURDAY:
            return False
        weekday_number = _weekdays_before(day)
        position = bisect_left(self._holiday_weekday_numbers, weekday_number)
        return not (
            position < len(self._holiday_weekday_numbers)
            and self._holiday_weekday_numbers[position] == weekday_number
        )

    def roll_forward(self, day: date) -> date:
        """Return ``day`` if it is a working day, otherwise the next working day.

        Plans may start on a weekend or a holiday; work then begins on the next working
        day, which is what every other method treats as working-day index 0.
        """
        return self._date_of_working_number(self._working_number(day))

    def index_of(self, day: date, origin: date) -> int:
        """Return the working-day index of ``day`` counted from ``origin``.

        ``origin`` rolled forward to a working day is index 0, the next working day is 1,
        and so on. A non-working ``day`` gets the index of the working day that follows
        it, and a day before the origin gets a negative index, so that ``date_at``
        inverts this for every working day.
        """
        return self._working_number(day) - self._working_number(origin)

    def date_at(self, index: int, origin: date) -> date:
        """Return the working day with working-day index ``index`` counted from ``origin``.

        The inverse of ``index_of``: index 0 is ``origin`` rolled forward. Negative
        indices count working days backwards from there.
        """
        return self._date_of_working_number(self._working_number(origin) + index)

    def finish_of(self, start: date, duration: int) -> date:
        """Return the inclusive finish date of a task of ``duration`` working days.

        A task of duration d >= 1 that starts on working day S runs on S and the next
        d - 1 working days (DESIGN.md); a ``start`` that is not a working day is rolled
        forward first. A zero-duration task (a milestone) finishes where it starts.
        """
        if duration < 0:
            raise ValueError(f"duration must be zero or more working days, got {duration}")
        first_day = self._working_number(start)
        return self._date_of_working_number(first_day + max(duration - 1, 0))

    def working_days_between(self, first: date, last: date) -> int:
        """Count the working days from ``first`` to ``last``, both included.

        Returns 0 when ``last`` is before ``first``.
        """
        if last < first:
            return 0
        working_through_last = self._working_number(last) + int(self.is_working_day(last))
        return working_through_last - self._working_number(first)

    def add_working_days(self, day: date, count: int) -> date:
        """Return the date ``count`` working days after ``day``.

        ``day`` is first rolled forward to a working day (``count`` 0 returns exactly
        that), so the successor rule "starts on the first working day after its
        predecessor finishes" is ``add_working_days(finish, 1)``.
        """
        if count < 0:
            raise ValueError(f"count must be zero or more working days, got {count}")
        return self._date_of_working_number(self._working_number(day) + count)
