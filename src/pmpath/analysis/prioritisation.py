"""Prioritisation arithmetic: RICE and WSJF scores, and a ranking by score.

RICE (Intercom, "RICE: Simple prioritization for product managers"):

    score = reach × impact × confidence ÷ effort

with reach in people (or events) per period, impact on the scale 3 massive, 2 high,
1 medium, 0.5 low, 0.25 minimal, confidence 1.0, 0.8 or 0.5 (100%, 80%, 50%) and
effort in person-months.

WSJF (Scaled Agile Framework, "Weighted Shortest Job First"):

    cost of delay = user-business value + time criticality + risk reduction
                    (and/or opportunity enablement)
    WSJF = cost of delay ÷ job size
"""

from __future__ import annotations

from collections.abc import Mapping

IMPACT_SCALE = (3.0, 2.0, 1.0, 0.5, 0.25)
CONFIDENCE_SCALE = (1.0, 0.8, 0.5)
MIN_EFFORT = 0.5
"""Intercom: estimate effort in whole person-months, or half a month at the least."""


def rice(reach: float, impact: float, confidence: float, effort: float) -> float:
    """Reach × impact × confidence ÷ effort; confidence as a share (0.8 for 80%)."""
    if effort <= 0:
        raise ValueError(f"effort must be above 0 person-months, not {effort}")
    return reach * impact * confidence / effort


def cost_of_delay(value: float, time_criticality: float, risk_reduction: float) -> float:
    """SAFe's cost of delay: value + time criticality + risk reduction/opportunity enablement."""
    return value + time_criticality + risk_reduction


def wsjf(value: float, time_criticality: float, risk_reduction: float,
         job_size: float) -> float:
    """Cost of delay ÷ job size."""
    if job_size <= 0:
        raise ValueError(f"job size must be above 0, not {job_size}")
    return cost_of_delay(value, time_criticality, risk_reduction) / job_size


def rank(scores: Mapping[str, float]) -> list[str]:
    """Names by score, highest first; equal scores in name order.

    Scores are compared to 9 decimal places so that floating-point noise
    (2000 × 2 × 0.8 ÷ 4 against 800) does not break a real tie.
    """
    return sorted(scores, key=lambda name: (-round(scores[name], 9), name))
