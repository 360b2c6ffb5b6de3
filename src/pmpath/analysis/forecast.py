"""Monte Carlo "how many periods until the backlog is done" forecasts from throughput.

The method is the one flow-based teams use instead of story-point velocity: replay the
team's own history. Each trial draws past per-period throughput values at random (with
replacement, keeping empty periods as zero) until the drawn items cover the backlog, and
the spread of the trial results gives percentile answers ("85% of trials finished within
N periods").

Ten thousand trials of a 500-item backlog mean about a million draws, so a trial does not
step through periods one Python statement at a time: it draws a batch of periods with
``Random.choices``, turns it into running totals with ``itertools.accumulate`` and finds
the finishing period with ``bisect``, drawing another batch only in the rare case the first
one fell short.
"""

from __future__ import annotations

import math
import random
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import accumulate

__all__ = ["Forecast", "monte_carlo_periods", "percentile_periods"]

# Batches are sized to the expected number of periods plus this margin, so that nearly
# every trial finishes within its first batch without drawing many unused periods.
_BATCH_MARGIN = 1.25
_BATCH_EXTRA = 8

# A history of mostly empty periods against a big backlog would have the simulation run
# for minutes; DESIGN.md wants hostile input answered in seconds. Twenty million simulated
# periods take about three seconds; the default 10,000 trials may then each run about
# 2,000 periods, which is already decades of weekly periods.
_MAX_SIMULATED_PERIODS = 20_000_000


@dataclass(frozen=True)
class Forecast:
    """Percentiles of the number of periods needed, and how the trials were spread.

    ``histogram`` maps a number of periods to how many trials needed exactly that many,
    sorted by number of periods.
    """

    p50: int
    p85: int
    p95: int
    trials: int
    histogram: dict[int, int]


def percentile_periods(outcomes: Sequence[int], percent: float) -> int:
    """Return the smallest n such that at least ``percent``% of outcomes are <= n.

    This is the nearest-rank percentile: it is always one of the outcomes, so a
    forecast never promises a fraction of a period. ``percent`` must be in 0..100; 0
    returns the smallest outcome.
    """
    if not outcomes:
        raise ValueError("cannot take a percentile of no outcomes")
    if not 0 <= percent <= 100:
        raise ValueError(f"percent must be between 0 and 100, got {percent!r}")
    ordered = sorted(outcomes)
    # Exact arithmetic: 0.85 * 100 is 85.00000000000001 in floating point, which would
    # push the rank of the 85th percentile of 100 outcomes from 85 to 86.
    rank = math.ceil(Fraction(percent) * len(ordered) / 100)
    return ordered[max(rank, 1) - 1]


def _validate(throughput: Sequence[int], items: int, trials: int) -> None:
    """Reject inputs that cannot produce a forecast, with a message a learner can act on."""
    if not throughput:
        raise ValueError("throughput history is empty: record at least one period's count")
    for value in throughput:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"throughput values must be whole numbers of items, got {value!r}")
        if value < 0:
            raise ValueError(f"throughput cannot be negative, got {value}")
    if isinstance(items, bool) or not isinstance(items, int) or items < 0:
        raise ValueError(f"items must be a whole number, zero or more, got {items!r}")
    if isinstance(trials, bool) or not isinstance(trials, int) or trials < 1:
        raise ValueError(f"trials must be a whole number, at least 1, got {trials!r}")
    if items > 0 and not any(throughput):
        raise ValueError(
            "throughput history is all zeros: no number of periods would finish the work"
        )


def _periods_for_one_trial(
    rng: random.Random, throughput: Sequence[int], items: int, batch_size: int
) -> int:
    """Draw periods until their items reach ``items``; return how many periods it took."""
    periods_drawn = 0
    items_done = 0
    while True:
        running_totals = list(accumulate(rng.choices(throughput, k=batch_size), initial=items_done))
        # running_totals[i] is the items done after i more periods; it never decreases
        # because throughput is never negative, so bisect finds the first i that covers
        # the backlog (i >= 1: running_totals[0] is what earlier batches already did).
        finishing = bisect_left(running_totals, items, lo=1)
        if finishing < len(running_totals):
            return periods_drawn + finishing
        periods_drawn += batch_size
        items_done = running_totals[-1]


def monte_carlo_periods(
    throughput: Sequence[int],
    items: int,
    trials: int = 10_000,
    seed: int | None = None,
) -> Forecast:
    """Forecast how many periods it takes to finish ``items`` at the past ``throughput``.

    Every trial samples past throughput values with replacement (zero periods stay in
    the history: they happen) and counts the periods until the cumulative total reaches
    ``items``. The same ``seed`` always gives the same forecast. A constant history
    gives an exact answer (throughput [5] and 500 items: 100 periods in every trial).

    Raises ValueError if the history is empty, has negative or non-whole values, or is
    all zeros while there are items left (``items == 0`` needs no periods at all), or if
    the trials would together simulate more than 20 million periods (a history of mostly
    empty periods against a large backlog), which would take minutes instead of seconds.
    """
    _validate(throughput, items, trials)
    if items == 0:
        return Forecast(p50=0, p85=0, p95=0, trials=trials, histogram={0: trials})

    history = list(throughput)
    mean_throughput = sum(history) / len(history)
    expected_periods = items / mean_throughput
    if expected_periods * trials > _MAX_SIMULATED_PERIODS:
        raise ValueError(
            f"at the recorded throughput (about {mean_throughput:.3g} items per period) "
            f"{items} items take about {expected_periods:,.0f} periods, too many to simulate "
            f"{trials:,} times; forecast fewer items or fewer trials"
        )
    rng = random.Random(seed)
    batch_size = math.ceil(expected_periods * _BATCH_MARGIN) + _BATCH_EXTRA

    outcomes = [_periods_for_one_trial(rng, history, items, batch_size) for _ in range(trials)]
    histogram = dict(sorted(Counter(outcomes).items()))
    return Forecast(
        p50=percentile_periods(outcomes, 50),
        p85=percentile_periods(outcomes, 85),
        p95=percentile_periods(outcomes, 95),
        trials=trials,
        histogram=histogram,
    )


def whole_numbers(values: Sequence[object], what: str) -> list[int]:
    """Whole, non-negative numbers (5 or 5.0, or text such as "5" for ``--throughput``).

    Raises ValueError with a sentence naming the value that is not one.
    """
    numbers = []
    for index, raw in enumerate(values):
        value: object = raw
        if isinstance(raw, str) and what == "--throughput":
            label = f"{what} value '{raw}'"
            try:
                value = float(raw)
            except ValueError:
                value = None
        else:  # a value from a file, named by its place
            label = f"{what}[{index}] ({raw!r})"
        if isinstance(value, bool) or not isinstance(value, int | float) \
                or not math.isfinite(value):
            raise ValueError(f"{label} is not a number; give whole numbers of items finished "
                             "per period, e.g. 5,3,8")
        if value < 0:
            raise ValueError(f"{label} is negative; a period cannot finish fewer than 0 items")
        if value != int(value):
            raise ValueError(f"{label} is not a whole number; count whole items finished per "
                             "period")
        numbers.append(int(value))
    return numbers
