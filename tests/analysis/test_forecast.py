"""Monte Carlo throughput forecasts: exact cases, determinism and known distributions.

Method as described by D. Vacanti, "When Will It Be Done?" (2020) and T. Magennis,
"Forecasting and Simulating Software Development Projects" (2011): resample past
per-period throughput with replacement until the backlog is covered. The percentile is
the nearest-rank percentile (Wikipedia, "Percentile", section "The nearest-rank method").
"""

from __future__ import annotations

import random

import pytest

from pmpath.analysis.forecast import Forecast, monte_carlo_periods, percentile_periods

# --------------------------------------------------------------------------- percentiles


def test_nearest_rank_worked_example() -> None:
    """Wikipedia's nearest-rank example: the list 15, 20, 35, 40, 50."""
    outcomes = [15, 20, 35, 40, 50]
    assert percentile_periods(outcomes, 5) == 15
    assert percentile_periods(outcomes, 30) == 20
    assert percentile_periods(outcomes, 40) == 20
    assert percentile_periods(outcomes, 50) == 35
    assert percentile_periods(outcomes, 100) == 50


def test_nearest_rank_is_exact_at_round_percentages() -> None:
    """0.85 * 100 is 85.00000000000001 in floating point; the 85th of 1..100 is still 85."""
    outcomes = list(range(100, 0, -1))
    assert percentile_periods(outcomes, 85) == 85
    assert percentile_periods(outcomes, 95) == 95
    assert percentile_periods(outcomes, 0) == 1


def test_percentile_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        percentile_periods([], 50)
    with pytest.raises(ValueError):
        percentile_periods([1, 2], 101)


# --------------------------------------------------------------------------- exact forecasts


def test_constant_throughput_is_exact() -> None:
    forecast = monte_carlo_periods([5], 500, trials=2_000, seed=7)
    assert (forecast.p50, forecast.p85, forecast.p95) == (100, 100, 100)
    assert forecast.histogram == {100: 2_000}
    assert forecast.trials == 2_000


def test_constant_throughput_rounds_up_to_whole_periods() -> None:
    forecast = monte_carlo_periods([3, 3, 3], 10, trials=500, seed=1)
    assert forecast == Forecast(p50=4, p85=4, p95=4, trials=500, histogram={4: 500})


def test_no_items_need_no_periods() -> None:
    forecast = monte_carlo_periods([0, 4], 0, trials=100, seed=1)
    assert forecast == Forecast(p50=0, p85=0, p95=0, trials=100, histogram={0: 100})


def test_large_backlog_with_small_throughput_needs_several_batches() -> None:
    """Mean 1 but occasional 0s: the first batch of draws often falls short."""
    forecast = monte_carlo_periods([1, 1, 1, 0, 2], 200, trials=300, seed=3)
    assert sum(forecast.histogram.values()) == 300
    assert 180 <= forecast.p50 <= 220


# --------------------------------------------------------------------------- randomness


def test_same_seed_same_answer() -> None:
    history = [5, 3, 8, 6, 4, 7]
    assert monte_carlo_periods(history, 120, trials=3_000, seed=42) == monte_carlo_periods(
        history, 120, trials=3_000, seed=42
    )


def test_different_seeds_usually_differ() -> None:
    history = [0, 1, 9, 2, 14, 3]
    histograms = {
        tuple(monte_carlo_periods(history, 60, trials=500, seed=seed).histogram.items())
        for seed in range(5)
    }
    assert len(histograms) > 1


def test_zero_periods_are_kept() -> None:
    """With history [0, 10] each period finishes 10 items with probability 1/2, so the
    periods needed for 10 items are geometric: P(n) = 1/2^n. Dropping the zero would make
    every trial take exactly 1 period. Exact percentiles: p50 = 1, p85 = 3, p95 = 5."""
    forecast = monte_carlo_periods([0, 10], 10, trials=10_000, seed=2024)
    assert forecast.p95 > 1
    assert forecast.p50 == 1
    assert 2 <= forecast.p85 <= 4
    assert 4 <= forecast.p95 <= 6
    assert forecast.histogram[1] == pytest.approx(5_000, abs=300)
    assert forecast.histogram[2] == pytest.approx(2_500, abs=250)


def test_percentiles_are_ordered_and_centered() -> None:
    """[5, 3, 8, 6, 4, 7] averages 5.5 items per period, so 500 items take about
    500 / 5.5 = 91 periods; the spread is narrow (sd of one period is 1.7 items)."""
    forecast = monte_carlo_periods([5, 3, 8, 6, 4, 7], 500, trials=10_000, seed=11)
    assert 90 <= forecast.p50 <= 92
    assert forecast.p50 <= forecast.p85 <= forecast.p95 <= forecast.p50 + 5
    assert sum(forecast.histogram.values()) == 10_000
    assert list(forecast.histogram) == sorted(forecast.histogram)


def naive_forecast(history: list[int], items: int, trials: int, seed: int) -> list[int]:
    """One period per loop step: the obviously-right, slow version."""
    rng = random.Random(seed)
    outcomes = []
    for _ in range(trials):
        done = periods = 0
        while done < items:
            done += rng.choice(history)
            periods += 1
        outcomes.append(periods)
    return outcomes


def test_agrees_with_a_one_period_at_a_time_simulation() -> None:
    history = [0, 2, 3, 3, 5, 9, 1]
    fast = monte_carlo_periods(history, 75, trials=8_000, seed=5)
    slow = naive_forecast(history, 75, trials=8_000, seed=6)
    assert abs(fast.p50 - percentile_periods(slow, 50)) <= 1
    assert abs(fast.p85 - percentile_periods(slow, 85)) <= 1
    assert abs(fast.p95 - percentile_periods(slow, 95)) <= 1


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("throughput", "items", "message"),
    [
        ([], 10, "empty"),
        ([3, -1, 4], 10, "negative"),
        ([0, 0, 0], 10, "all zeros"),
        ([2.5, 3], 10, "whole numbers"),
        ([3], -1, "items"),
    ],
)
def test_bad_input_is_explained(throughput: list[int], items: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        monte_carlo_periods(throughput, items, trials=10, seed=1)


def test_all_zero_history_is_fine_when_nothing_is_left() -> None:
    assert monte_carlo_periods([0, 0], 0, trials=10).p95 == 0


def test_hopeless_forecasts_are_refused_quickly() -> None:
    """One item per 1,000 periods: 500 items would mean 5 billion simulated periods."""
    with pytest.raises(ValueError, match="too many to simulate"):
        monte_carlo_periods([0] * 999 + [1], 500)


def test_trials_must_be_positive() -> None:
    with pytest.raises(ValueError, match="trials"):
        monte_carlo_periods([1], 5, trials=0)
