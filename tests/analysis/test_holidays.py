"""Public holidays by country, through the pinned holidays library and the user cache."""

from __future__ import annotations

from datetime import date
from importlib.metadata import version

import pytest

import pmpath.analysis.holidays as public


@pytest.fixture(autouse=True)
def _fresh_memory() -> None:
    public._tables.clear()


def test_the_pinned_version_is_the_installed_one() -> None:
    assert version("holidays") == public.HOLIDAYS_VERSION


def test_us_holidays_of_a_quarter() -> None:
    # US federal holidays, Q1 2027 (New Year's Day, Martin Luther King Jr. Day,
    # Washington's Birthday), as the US Office of Personnel Management lists them.
    assert public.public_holidays("US", date(2027, 1, 1), date(2027, 3, 31)) == [
        date(2027, 1, 1), date(2027, 1, 18), date(2027, 2, 15)]


def test_a_subdivision_adds_its_own_holidays() -> None:
    bavaria = public.public_holidays("de-by", date(2027, 1, 1), date(2027, 1, 31))
    germany = public.public_holidays("DE", date(2027, 1, 1), date(2027, 1, 31))
    assert date(2027, 1, 6) in bavaria and date(2027, 1, 6) not in germany  # Epiphany


def test_the_second_lookup_comes_from_the_cache_without_the_library(monkeypatch) -> None:
    first = public.holiday_names("GB", date(2027, 1, 1), date(2027, 12, 31))
    public._tables.clear()
    import holidays

    def no_library(*args: object, **kwargs: object) -> None:
        raise AssertionError("the library was asked again")

    monkeypatch.setattr(holidays, "country_holidays", no_library)
    assert public.holiday_names("GB", date(2027, 1, 1), date(2027, 12, 31)) == first
    assert public.check_country("gb") == "GB"


@pytest.mark.parametrize(("code", "words"), [
    ("XX", "such as US, GB"), ("DE-ZZ", "DE-BY"), ("us-nowhere", "no subdivision")])
def test_unknown_codes_name_valid_ones(code: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        public.check_country(code)


@pytest.mark.parametrize("code", ["A/R", "../US", "U S", "ÜS", "USA-N/E", "1"])
def test_a_code_that_cannot_be_one_is_refused_without_touching_the_cache(
        code: str, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PMPATH_CACHE_DIR", str(tmp_path))
    with pytest.raises(ValueError, match="not a country code"):
        public.check_country(code)
    assert list(tmp_path.iterdir()) == []


def test_a_cache_that_cannot_be_written_leaves_no_temporary_file(tmp_path, monkeypatch) -> None:
    from pmpath import cache

    monkeypatch.setenv("PMPATH_CACHE_DIR", str(tmp_path))
    with monkeypatch.context() as patched:
        def refuse(*args: object) -> None:
            raise OSError("the rename fails")

        patched.setattr("os.replace", refuse)
        cache.write_json("table.json", {"known": True})
    assert list(tmp_path.iterdir()) == []
    cache.write_json("table.json", {"known": True})
    assert cache.read_json("table.json") == {"known": True}
