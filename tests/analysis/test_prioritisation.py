"""RICE and WSJF scores and the ranking by score.

RICE: Intercom, "RICE: Simple prioritization for product managers" (Sean McBride). Its
three example projects:

    project 1: reach 500 a month × 30% × 3 months = 450 a quarter, impact 3 (massive),
               confidence 100%, effort 2 person-months             → 450 × 3 × 1.0 ÷ 2 = 675
    project 2: reach 2,000 a quarter, impact 1 (medium), confidence 80%, effort 4
                                                                    → 2000 × 1 × 0.8 ÷ 4 = 400
    project 3: reach 800 (one-time), impact 2 (high), confidence 50%, effort 1
                                                                    → 800 × 2 × 0.5 ÷ 1 = 800

so project 3 ranks first, then 1, then 2. The example of skill 10's RICE concept,
2,000 × 2 × 0.8 ÷ 4 = 800, is checked too.

WSJF: Scaled Agile Framework, "Weighted Shortest Job First": cost of delay = user-business
value + time criticality + risk reduction and/or opportunity enablement; WSJF = cost of
delay ÷ job size (job duration), each on the modified Fibonacci scale 1, 2, 3, 5, 8, 13, 20.
"""

from __future__ import annotations

import pytest

from pmpath.analysis.prioritisation import cost_of_delay, rank, rice, wsjf


def test_intercoms_three_projects() -> None:
    reach_project_1 = 500 * 0.30 * 3
    assert reach_project_1 == pytest.approx(450)
    scores = {
        "project 1": rice(reach_project_1, 3, 1.0, 2),
        "project 2": rice(2000, 1, 0.8, 4),
        "project 3": rice(800, 2, 0.5, 1),
    }
    assert scores["project 1"] == pytest.approx(675)
    assert scores["project 2"] == pytest.approx(400)
    assert scores["project 3"] == pytest.approx(800)
    assert rank(scores) == ["project 3", "project 1", "project 2"]


def test_the_rice_concepts_worked_example() -> None:
    assert rice(2000, 2, 0.8, 4) == pytest.approx(800)
    assert rice(1500, 1, 0.8, 2) == pytest.approx(600)


def test_rice_needs_effort_above_zero() -> None:
    with pytest.raises(ValueError):
        rice(100, 1, 1.0, 0)


def test_safe_wsjf_formula() -> None:
    # Cost of delay 8 + 5 + 3 = 16 over a job size of 2.
    assert cost_of_delay(8, 5, 3) == 16
    assert wsjf(8, 5, 3, 2) == pytest.approx(8)
    # The same cost of delay in a job four times the size waits: the shortest job goes first.
    scores = {"big": wsjf(8, 5, 3, 8), "small": wsjf(8, 5, 3, 2)}
    assert scores["big"] == pytest.approx(2)
    assert rank(scores) == ["small", "big"]


def test_wsjf_needs_a_job_size_above_zero() -> None:
    with pytest.raises(ValueError):
        wsjf(1, 1, 1, 0)


def test_rank_breaks_ties_by_name_and_ignores_float_noise() -> None:
    scores = {"Zeta": 800.0, "Alpha": rice(2000, 2, 0.8, 4), "Mid": 500.0, "Beta": 800}
    assert rank(scores) == ["Alpha", "Beta", "Zeta", "Mid"]
    assert rank({}) == []
