"""Shared by the calendar kinds (project plan, capacity plan, sprint, launch plan).

A calendar kind may name a ``country``; its public holidays are then non-working days
as well as the file's own ``holidays`` (DESIGN.md, "Calendars").
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pmpath.analysis.calendar import WorkCalendar
from pmpath.kinds.fields import AfterValidator

# How far past the plan's own end date a schedule may run (a late plan) and still see
# its country's holidays.
YEARS_OF_SLACK = 5


def _valid_country(code: str | None) -> str | None:
    if code is None or not str(code).strip():
        return None
    from pmpath.analysis.holidays import check_country

    return check_country(code)


Country = Annotated[str | None, AfterValidator(_valid_country)]
"""An ISO 3166 code (``US``, ``GB``, ``DE-BY``); an unknown one is a ``common.schema``
finding that lists a few valid codes."""


def non_working_days(holidays: list[date] | tuple[date, ...], country: str | None,
                     start: date, end: date) -> list[date]:
    """The file's holidays plus, with a country, its public holidays from ``start`` to
    ``end`` (and YEARS_OF_SLACK years beyond, for plans that run late)."""
    days = list(holidays)
    if country:
        from pmpath.analysis.holidays import public_holidays

        days.extend(public_holidays(country, start, date(end.year + YEARS_OF_SLACK, 12, 31)))
    return days


def work_calendar(holidays: list[date] | tuple[date, ...], country: str | None, start: date,
                  end: date) -> WorkCalendar:
    """The working-day calendar of a file: weekdays minus its holidays and its country's."""
    return WorkCalendar(non_working_days(holidays, country, start, end))


def shifted_dates(originals: dict[str, date], anchor: date, new_anchor: date) -> dict[str, date]:
    """Move a template's example dates so that ``anchor`` falls on ``new_anchor``."""
    offset = new_anchor - anchor
    return {name: day + offset for name, day in originals.items()}


def dates_on_working_days(originals: dict[str, date], anchor: date, first_choice: date,
                          must_work: tuple[str, ...], country: str | None,
                          tries: int = 8) -> dict[str, date]:
    """The template's dates moved to ``first_choice`` (a Monday, like ``anchor``), or
    to a later Monday when one of ``must_work`` would fall on a public holiday of
    ``country``; weekdays stay weekdays because the move is whole weeks."""
    from datetime import timedelta

    for week in range(tries):
        dates = shifted_dates(originals, anchor, first_choice + timedelta(weeks=week))
        if not country:
            return dates
        span = [dates[name] for name in must_work]
        calendar = work_calendar([], country, min(span), max(span))
        if all(calendar.is_working_day(day) for day in span):
            return dates
    return shifted_dates(originals, anchor, first_choice)
