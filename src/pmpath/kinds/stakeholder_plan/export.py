"""The stakeholder plan for a wiki: the power/interest grid as a quadrant chart.

Interest runs along the x-axis and power up the y-axis, each 1–5 scaled to 0–1. The
scale bends at the key-player line (power or interest of 4 or more, a threshold an
instructor may change) so that the chart's middle lines fall exactly there and every
stakeholder lands in the quadrant the rules put them in: with the line at 4, 1–3 fill
the lower half and 4–5 the upper half.
"""

from __future__ import annotations

from pmpath.export.shapes import QuadrantChart, QuadrantPoint
from pmpath.kinds.base import Blocked
from pmpath.kinds.stakeholder_plan.figures import StakeholderFigures
from pmpath.kinds.stakeholder_plan.model import StakeholderPlan

LOWEST, HIGHEST = 1.0, 5.0
MARGIN = 0.1
"""Keeps the points at 1 and 5 off the chart's edges, where their labels would be cut."""


def scaled(value: float, high_from: float) -> float:
    """1–5 to 0–1 with the midline halfway between high_from − 1 and high_from."""
    line = min(max(high_from - 0.5, LOWEST + 0.5), HIGHEST - 0.5)
    value = min(max(value, LOWEST), HIGHEST)
    if value < line:
        position = 0.5 * (value - LOWEST) / (line - LOWEST)
    else:
        position = 0.5 + 0.5 * (value - line) / (HIGHEST - line)
    return round(MARGIN + (1 - 2 * MARGIN) * position, 2)


def grid(doc: StakeholderPlan, figures: StakeholderFigures | None) -> QuadrantChart:
    if figures is None:
        raise Blocked("the stakeholders cannot be placed yet (`pmpath check` says why)")
    high = figures.high_from
    return QuadrantChart(
        title="Stakeholders by power and interest",
        x_axis=("Low interest", "High interest"),
        y_axis=("Low power", "High power"),
        quadrants=("Manage closely", "Keep satisfied", "Monitor", "Keep informed"),
        points=tuple(QuadrantPoint(item.name, scaled(item.interest, high),
                                   scaled(item.power, high))
                     for item in figures.placements))
