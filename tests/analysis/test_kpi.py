"""KPI arithmetic: red/amber/green status, trend and sparklines.

RAG: the worked example of skill 9's "Dashboards and RAG thresholds" concept —
deployment frequency (higher is better) is green at 10 or more a week and amber at 5
or more; change failure rate (lower is better) is green at 15% or less and amber at 25%
or less. A week with 7 deploys and a 12% change failure rate is amber and green.

Sparklines: the published examples of Zach Holman's `spark` (github.com/holman/spark,
its README and test suite), the eight blocks ▁▂▃▄▅▆▇█ with each value at
floor(7 × (value − min) / (max − min)): `spark 0,30,55,80,33,150` draws ▁▂▃▄▂█ and
`spark 1,2,3,4,5` draws ▁▂▄▆█.
"""

from __future__ import annotations

import pytest

from pmpath.analysis.kpi import rag, sparkline, trend


def test_rag_worked_example_from_the_dashboards_concept() -> None:
    assert rag(7, "up", green=10, amber=5) == "amber"
    assert rag(12, "down", green=15, amber=25) == "green"


@pytest.mark.parametrize(("value", "expected"), [
    (12, "green"), (10, "green"), (9.99, "amber"), (5, "amber"), (4, "red"), (0, "red")])
def test_rag_higher_is_better_bands_include_their_threshold(value, expected) -> None:
    assert rag(value, "up", green=10, amber=5) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (3, "green"), (15, "green"), (15.1, "amber"), (25, "amber"), (25.5, "red"), (100, "red")])
def test_rag_lower_is_better_bands_include_their_threshold(value, expected) -> None:
    assert rag(value, "down", green=15, amber=25) == expected


def test_rag_with_no_amber_band() -> None:
    assert rag(10, "up", green=10, amber=10) == "green"
    assert rag(9, "up", green=10, amber=10) == "red"


def test_rag_rejects_an_unknown_direction() -> None:
    with pytest.raises(ValueError):
        rag(1, "sideways", green=1, amber=1)  # type: ignore[arg-type]


@pytest.mark.parametrize(("values", "expected"), [
    ([6, 8, 9, 12], "up"),
    ([3.2, 2.9, 2.1], "down"),
    ([40, 40], "flat"),
    ([100, 100.9], "flat"),     # +0.9%: within 1% of the previous value
    ([100, 101], "flat"),       # exactly 1%
    ([100, 101.5], "up"),
    ([100, 98.5], "down"),
    ([0, 0], "flat"),
    ([0, 0.1], "up"),           # from 0 any change is a move
    ([-10, -10.05], "flat"),    # 1% of |previous|
])
def test_trend_compares_the_latest_with_the_previous_value(values, expected) -> None:
    assert trend(values) == expected


def test_trend_needs_two_values() -> None:
    assert trend([]) is None
    assert trend([5]) is None


@pytest.mark.parametrize(("values", "expected"), [
    ([0, 30, 55, 80, 33, 150], "▁▂▃▄▂█"),
    ([1, 2, 3, 4, 5], "▁▂▄▆█"),
    ([1, 5, 22, 13, 5], "▁▂█▅▂"),
    ([2, 4, 8], "▁▃█"),
    ([1, 50, 100], "▁▄█"),
    ([5.5, 20], "▁█"),
    ([1, 2, 3, 4, 100, 5, 10, 20, 50, 300], "▁▁▁▁▃▁▁▁▂█"),
    ([1, 2, 3, 4, 5, 6, 7, 8], "▁▂▃▄▅▆▇█"),
])
def test_sparkline_matches_holmans_spark(values, expected) -> None:
    assert sparkline(values) == expected


def test_sparkline_edge_cases() -> None:
    assert sparkline([]) == ""
    assert sparkline([42]) == "▄"          # no spread: drawn at mid height
    assert sparkline([7, 7, 7]) == "▄▄▄"
    assert sparkline([-3, 0, 3]) == "▁▄█"
