"""KPI arithmetic for dashboards: red/amber/green status, trend and sparklines.

A KPI has a direction: ``up`` when higher is better (deployment frequency,
conversion), ``down`` when lower is better (change lead time, change failure
rate). Its two thresholds split the values into three bands:

- ``up``: value ≥ green is green, value ≥ amber is amber, anything lower is red;
- ``down``: value ≤ green is green, value ≤ amber is amber, anything higher is red.

The trend compares the latest value with the one before it. It is ``flat`` when
the two are equal or the change is within 1% of the previous value (so noise of
a fraction of a percent does not paint an arrow), otherwise ``up`` or ``down``
— the direction the number moved, not whether that is good.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

Direction = Literal["up", "down"]
Status = Literal["green", "amber", "red"]
Trend = Literal["up", "down", "flat"]

FLAT_WITHIN = 0.01
"""A change within this share of the previous value counts as flat."""

SPARK_BLOCKS = "▁▂▃▄▅▆▇█"


def rag(value: float, direction: Direction, green: float, amber: float) -> Status:
    """The red/amber/green status of ``value`` against the green and amber thresholds."""
    if direction == "up":
        if value >= green:
            return "green"
        return "amber" if value >= amber else "red"
    if direction == "down":
        if value <= green:
            return "green"
        return "amber" if value <= amber else "red"
    raise ValueError(f"direction must be 'up' or 'down', not {direction!r}")


def trend(values: Sequence[float], flat_within: float = FLAT_WITHIN) -> Trend | None:
    """Which way the latest value moved from the one before; None with fewer than two.

    ``flat`` when they are equal or differ by at most ``flat_within`` (1%) of the
    previous value; a previous value of 0 is flat only when the latest is 0 too.
    """
    if len(values) < 2:
        return None
    previous, latest = values[-2], values[-1]
    change = latest - previous
    if change == 0 or abs(change) <= flat_within * abs(previous):
        return "flat"
    return "up" if change > 0 else "down"


def sparkline(values: Sequence[float]) -> str:
    """One block character per value, from ▁ (the lowest) to █ (the highest).

    Each value sits at ``floor(7 × (value − lowest) / (highest − lowest))`` of the
    eight blocks, so 1, 2, 3, 4, 5 draws ▁▂▄▆█. A series with no spread is drawn at
    mid height (▄), since there is no low or high to show.
    """
    if not values:
        return ""
    lowest, highest = min(values), max(values)
    if highest == lowest:
        return SPARK_BLOCKS[3] * len(values)
    top = len(SPARK_BLOCKS) - 1
    return "".join(SPARK_BLOCKS[int(top * (value - lowest) / (highest - lowest))]
                   for value in values)
