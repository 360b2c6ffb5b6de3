"""Story-point arithmetic: rounding an estimate onto the scale, and running totals.

The scales are published ones: the "modified Fibonacci" 1, 2, 3, 5, 8, 13, 20, 40, 100
of the Scaled Agile Framework's "Story" article (pmpath's default stops at 20, the
largest a two-week sprint holds), and the Planning Poker deck of Mike Cohn's "Agile
Estimating and Planning" (2005), 0, ½, 1, 2, 3, 5, 8, 13, 20, 40, 100. The rounding
cases are worked by hand beside each assertion: the nearest step wins, and a value
exactly between two steps goes to the larger one (plan for more work, not less).

The running totals are checked against the sprint model answer's own working
(curriculum/examples/sprint.yaml): the six items planned there, PAY-101 5, PAY-102 8,
PAY-103 3, PAY-104 2, PAY-105 3 and PAY-106 3, make 24 points, the top six items of
the sample product backlog it is planned from.
"""

from __future__ import annotations

import pytest

from pmpath.analysis.estimation import nearest_on_scale, running_totals

SAFE = (1, 2, 3, 5, 8, 13, 20, 40, 100)
PMPATH = (1, 2, 3, 5, 8, 13, 20)
POKER = (0, 0.5, 1, 2, 3, 5, 8, 13, 20, 40, 100)


@pytest.mark.parametrize("step", SAFE)
def test_a_value_on_the_scale_stays(step: int) -> None:
    assert nearest_on_scale(step, SAFE) == step


@pytest.mark.parametrize(("points", "nearest"), [
    (4, 5),      # 1 from 3 and 1 from 5: a tie, so the larger
    (6, 5),      # 1 from 5, 2 from 8
    (7, 8),      # 2 from 5, 1 from 8
    (10, 8),     # 2 from 8, 3 from 13
    (10.5, 13),  # 2.5 from 8 and from 13: a tie, so the larger
    (11, 13),    # 3 from 8, 2 from 13
    (30, 40),    # 10 from 20 and from 40: a tie, so the larger
    (60, 40),    # 20 from 40, 40 from 100
    (70, 100),   # 30 from 40 and from 100: a tie, so the larger
])
def test_off_the_scale_rounds_to_the_nearest_step(points: float, nearest: int) -> None:
    assert nearest_on_scale(points, SAFE) == nearest


def test_pmpaths_scale_rounds_anything_above_20_down_to_20() -> None:
    # 21 is 1 from 20, the top of the scale: the rule's hint adds "or split the item".
    assert nearest_on_scale(21, PMPATH) == 20
    assert nearest_on_scale(0.4, PMPATH) == 1


def test_the_planning_poker_deck_has_a_half() -> None:
    assert nearest_on_scale(0.75, POKER) == 1   # 0.25 from ½ and from 1: the larger
    assert nearest_on_scale(0.6, POKER) == 0.5  # 0.1 from ½, 0.4 from 1
    assert nearest_on_scale(0.2, POKER) == 0    # 0.2 from 0, 0.3 from ½


def test_running_totals_of_the_sample_backlog_reach_24_after_six_items() -> None:
    top = [5, 8, 3, 2, 3, 3, 2, 5]  # PAY-101 … PAY-106, then PAY-97 (2) and PAY-107 (5)
    assert running_totals(top) == [5, 13, 16, 18, 21, 24, 26, 31]


def test_an_unestimated_item_adds_nothing() -> None:
    assert running_totals([3, None, 5]) == [3, 3, 8]
    assert running_totals([]) == []
