"""Earned value management, checked against published worked examples.

Formulas: PMBOK Guide, 6th edition, section 7.4.2.2, Table 7-1 ("Earned Value
Calculations Summary Table"): SV = EV − PV, CV = EV − AC, SPI = EV / PV,
CPI = EV / AC, EAC = BAC / CPI, ETC = EAC − AC, VAC = BAC − EAC,
TCPI = (BAC − EV) / (BAC − AC).

Sources of the worked examples:

* R. Mulcahy, PMP Exam Prep, p. 210, the "four-sided fence" exercise (as reproduced in
  "Earned Value Exercise", studylib.net doc 5898152): each side is budgeted at $1,000
  and planned for one day; at the end of day 3 sides 1 and 2 are done (spent $1,000
  and $1,200) and side 3 is half done (spent $600). Published answers: PV 3,000,
  EV 2,500, AC 2,800, BAC 4,000, CV −300, CPI .893, SV −500, SPI .833, EAC 4,479,
  ETC 1,679, VAC −479. The book rounds CPI to .893 before dividing, so its EAC,
  ETC and VAC are one dollar off the exact 4,480, 1,680 and −480.
* PM StudyCoach, "TCPI demystified" (discussed on the PM PrepCast forum, thread 1352),
  Frank's dog house on day 3: BAC $500, EV $300, AC $400; "we need to earn 2 USD
  value for every 1 USD we spend", i.e. TCPI = (500 − 300) / (500 − 400) = 2.
* iZenBridge PMP forum, "Mock Tech Numerical": BAC $80,000, AC $50,000 on work 70%
  complete (EV $56,000): CPI 1.12 and TCPI = (80,000 − 56,000) / (80,000 − 50,000)
  = 0.8.
"""

from __future__ import annotations

import pytest

from pmpath.analysis.evm import (
    cost_performance_index,
    cost_variance,
    earned_value_analysis,
    estimate_at_completion,
    estimate_to_complete,
    schedule_performance_index,
    schedule_variance,
    to_complete_performance_index,
    variance_at_completion,
)


def test_mulcahy_fence_variances_and_indices() -> None:
    planned, earned, actual = 1_000 + 1_000 + 1_000, 1_000 + 1_000 + 500, 1_000 + 1_200 + 600
    assert (planned, earned, actual) == (3_000, 2_500, 2_800)
    assert cost_variance(earned, actual) == -300
    assert schedule_variance(earned, planned) == -500
    assert round(cost_performance_index(earned, actual), 3) == 0.893
    assert round(schedule_performance_index(earned, planned), 3) == 0.833


def test_mulcahy_fence_forecasts() -> None:
    bac, actual = 4_000, 2_800
    cpi = cost_performance_index(2_500, actual)
    eac = estimate_at_completion(bac, cpi)
    assert eac == pytest.approx(4_480)
    # The book's 4,479 divides by the rounded CPI .893.
    assert round(estimate_at_completion(bac, 0.893)) == 4_479
    assert estimate_to_complete(eac, actual) == pytest.approx(1_680)
    assert variance_at_completion(bac, eac) == pytest.approx(-480)
    assert abs(estimate_to_complete(eac, actual) - 1_679) <= 1
    assert abs(variance_at_completion(bac, eac) - -479) <= 1


def test_tcpi_published_examples() -> None:
    assert to_complete_performance_index(500, 300, 400) == pytest.approx(2.0)
    assert to_complete_performance_index(80_000, 56_000, 50_000) == pytest.approx(0.8)
    assert cost_performance_index(56_000, 50_000) == pytest.approx(1.12)


def test_analysis_gathers_every_figure() -> None:
    figures = earned_value_analysis(3_000, 2_500, 2_800, budget_at_completion=4_000)
    assert figures.schedule_variance == -500 and figures.cost_variance == -300
    assert figures.spi == pytest.approx(2_500 / 3_000)
    assert figures.cpi == pytest.approx(2_500 / 2_800)
    assert figures.eac == pytest.approx(4_480)
    assert figures.etc == pytest.approx(1_680)
    assert figures.vac == pytest.approx(-480)
    assert figures.tcpi == pytest.approx(1_500 / 1_200)


def test_skill_four_example() -> None:
    """The earned-value concept of skill 4: PV 100,000, EV 90,000, AC 110,000."""
    figures = earned_value_analysis(100_000, 90_000, 110_000)
    assert figures.spi == pytest.approx(0.9)
    assert round(figures.cpi, 2) == 0.82
    assert figures.schedule_variance == -10_000 and figures.cost_variance == -20_000
    assert figures.eac is None and figures.tcpi is None  # no budget at completion given


def test_undefined_ratios() -> None:
    with pytest.raises(ValueError, match="planned value 0"):
        schedule_performance_index(10, 0)
    with pytest.raises(ValueError, match="actual cost 0"):
        cost_performance_index(10, 0)
    with pytest.raises(ValueError):
        to_complete_performance_index(100, 50, 100)
    figures = earned_value_analysis(0, 0, 0, budget_at_completion=100)
    assert figures.spi is None and figures.cpi is None and figures.eac is None
    assert figures.tcpi == pytest.approx(1.0)
