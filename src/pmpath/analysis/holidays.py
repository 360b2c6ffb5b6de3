"""Public holidays of a country (ISO 3166, optionally with a subdivision such as DE-BY).

Taken from the ``holidays`` library, pinned in pyproject.toml so that a plan's working
days do not change from one install to the next. The library is imported only when a
file names a country, and what it answers is kept in the user's cache (one small file
per country and library version), so a plan that names a country is checked without
loading the library again.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pmpath import cache

HOLIDAYS_VERSION = "0.109"
"""The pinned version of the holidays library (pyproject.toml); a test keeps them equal."""
EXAMPLE_CODES = ("US", "GB", "DE", "DE-BY", "FR", "IN", "CA-ON", "AU-NSW")

_tables: dict[str, dict[str, Any]] = {}


def split_code(code: str) -> tuple[str, str | None]:
    """'de-by' -> ('DE', 'BY'); 'US' -> ('US', None)."""
    country, _, subdivision = code.strip().upper().partition("-")
    return country, subdivision or None


def _cache_name(country: str) -> str:
    return f"holidays-{HOLIDAYS_VERSION}-{country}.json"


def _table(country: str) -> dict[str, Any]:
    """What the library says of ``country``: whether it knows it, its subdivisions, and
    the holidays of the years asked for so far (per subdivision)."""
    if country in _tables:
        return _tables[country]
    table = cache.read_json(_cache_name(country))
    if not isinstance(table, dict) or "known" not in table:
        import holidays

        try:
            calendar = holidays.country_holidays(country)
        except NotImplementedError:
            table = {"known": False, "subdivisions": [], "years": {}}
        else:
            table = {"known": True,
                     "subdivisions": list(getattr(calendar, "subdivisions", ()) or ()),
                     "years": {}}
        cache.write_json(_cache_name(country), table)
    _tables[country] = table
    return table


def check_country(code: str) -> str:
    """The code in upper case; ValueError naming a few valid codes when the library does
    not know it."""
    country, subdivision = split_code(code)
    # Only letters (and a subdivision's letters or digits) can be a code; anything else
    # is refused before it names a cache file.
    well_formed = (2 <= len(country) <= 3 and country.isascii() and country.isalpha()
                   and (subdivision is None or (subdivision.isascii()
                                                and subdivision.isalnum())))
    table = _table(country) if well_formed else {"known": False}
    if not table["known"]:
        raise ValueError(f"'{code}' is not a country code pmpath knows; use an ISO 3166 code "
                         f"such as {', '.join(EXAMPLE_CODES)}")
    known = table["subdivisions"]
    if subdivision is not None and subdivision not in known:
        some = ", ".join(f"{country}-{sub}" for sub in known[:6])
        raise ValueError(f"'{code}': {country} has no subdivision '{subdivision}'; "
                         f"for example {some}" if some else
                         f"'{code}': {country} has no subdivisions; use '{country}'")
    return f"{country}-{subdivision}" if subdivision else country


def _holidays(code: str, first_year: int, last_year: int) -> dict[date, str]:
    """Every holiday (observed days included) of the years asked, with its name."""
    country, subdivision = split_code(code)
    table = _table(country)
    key = subdivision or ""
    years: dict[str, dict[str, list[list[str]]]] = table["years"]
    wanted = [year for year in range(first_year, last_year + 1)
              if str(year) not in years.get(key, {})]
    if wanted:
        import holidays

        calendar = holidays.country_holidays(country, subdiv=subdivision, years=wanted)
        by_year: dict[str, list[list[str]]] = {str(year): [] for year in wanted}
        for day, name in sorted(calendar.items()):
            by_year.setdefault(str(day.year), []).append([day.isoformat(), name])
        years.setdefault(key, {}).update(by_year)
        cache.write_json(_cache_name(country), table)
    found: dict[date, str] = {}
    for year in range(first_year, last_year + 1):
        for day, name in years[key].get(str(year), []):
            found[date.fromisoformat(day)] = name
    return found


def public_holidays(code: str, start: date, end: date) -> list[date]:
    """Every public holiday of ``code`` from ``start`` to ``end`` inclusive (observed days
    included, as the library gives them)."""
    return sorted(day for day in _holidays(code, start.year, end.year) if start <= day <= end)


def holiday_names(code: str, start: date, end: date) -> dict[date, str]:
    """Each public holiday from ``start`` to ``end`` with its name."""
    return {day: name for day, name in sorted(_holidays(code, start.year, end.year).items())
            if start <= day <= end}
