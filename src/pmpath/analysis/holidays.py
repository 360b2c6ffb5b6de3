"""Public holidays of a country (ISO 3166, optionally with a subdivision such as DE-BY).

Taken from the ``holidays`` library, pinned in pyproject.toml so that a plan's working
days do not change from one install to the next. The library is imported only when a
file names a country.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

EXAMPLE_CODES = ("US", "GB", "DE", "DE-BY", "FR", "IN", "CA-ON", "AU-NSW")


def split_code(code: str) -> tuple[str, str | None]:
    """'de-by' -> ('DE', 'BY'); 'US' -> ('US', None)."""
    country, _, subdivision = code.strip().upper().partition("-")
    return country, subdivision or None


def check_country(code: str) -> str:
    """The code in upper case; ValueError naming a few valid codes when the library does
    not know it. Only the named country is loaded, not the library's whole list."""
    import holidays

    country, subdivision = split_code(code)
    try:
        calendar = holidays.country_holidays(country)
    except NotImplementedError:
        raise ValueError(f"'{code}' is not a country code pmpath knows; use an ISO 3166 code "
                         f"such as {', '.join(EXAMPLE_CODES)}") from None
    known = tuple(getattr(calendar, "subdivisions", ()) or ())
    if subdivision is not None and subdivision not in known:
        some = ", ".join(f"{country}-{sub}" for sub in known[:6])
        raise ValueError(f"'{code}': {country} has no subdivision '{subdivision}'; "
                         f"for example {some}" if some else
                         f"'{code}': {country} has no subdivisions; use '{country}'")
    return f"{country}-{subdivision}" if subdivision else country


@lru_cache(maxsize=64)
def _holidays_of(code: str, first_year: int, last_year: int) -> tuple[date, ...]:
    import holidays

    country, subdivision = split_code(code)
    calendar = holidays.country_holidays(country, subdiv=subdivision,
                                         years=range(first_year, last_year + 1))
    return tuple(sorted(calendar))


def public_holidays(code: str, start: date, end: date) -> list[date]:
    """Every public holiday of ``code`` from ``start`` to ``end`` inclusive (observed days
    included, as the library gives them)."""
    return [day for day in _holidays_of(code, start.year, end.year) if start <= day <= end]


def holiday_names(code: str, start: date, end: date) -> dict[date, str]:
    """Each public holiday from ``start`` to ``end`` with its name."""
    import holidays

    country, subdivision = split_code(code)
    calendar = holidays.country_holidays(country, subdiv=subdivision,
                                         years=range(start.year, end.year + 1))
    return {day: name for day, name in sorted(calendar.items()) if start <= day <= end}
