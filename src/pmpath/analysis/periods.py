"""Period arithmetic: where a run of fixed-length periods of working days ends."""

from __future__ import annotations

from datetime import date

from pmpath.analysis.calendar import WorkCalendar


def period_end(calendar: WorkCalendar, start: date, periods: int, period_days: int) -> date:
    """The last working day of period ``periods`` (1-based) starting on ``start``.

    Period k covers working days (k - 1) × period_days … k × period_days − 1 counted from
    ``start`` rolled forward (index 0), so work forecast to take k periods is done by
    the end of ``start`` + k × period_days − 1 working days. Zero periods: the start.
    """
    if periods <= 0:
        return calendar.roll_forward(start)
    return calendar.date_at(periods * period_days - 1, start)


def next_period_start(calendar: WorkCalendar, start: date, period_days: int) -> date:
    """The first working day after a period of ``period_days`` working days from ``start``."""
    return calendar.date_at(period_days, start)


def next_monday(day: date) -> date:
    """``day`` itself when it is a Monday, otherwise the Monday after it."""
    from datetime import timedelta

    return day + timedelta(days=(7 - day.weekday()) % 7)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` calendar months later (the month's last day if shorter)."""
    import calendar

    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
