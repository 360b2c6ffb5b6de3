"""Burndown arithmetic: the ideal line, the commitment limit and the say/do ratio.

The definitions are those of spec/artifacts.md, "sprint" (the commitment limit is
1.1 × the mean of the last three velocities; say/do is done planned points ÷ planned
points, a planned item later removed counting as planned and not done) and of the
module's docstring (the ideal line falls in equal steps from the plan on day 1 to 0 on
the last day). Every expected value below is worked by hand in the comment beside it.
"""

from __future__ import annotations

import pytest

from pmpath.analysis.burndown import commitment_limit, ideal_line, say_do_ratio


def test_ideal_line_worked_example() -> None:
    # 18 points over 10 days: steps of 18 / (10 - 1) = 2 points a day, 18 on day 1 and
    # 0 on day 10.
    assert ideal_line(18, 10) == [18, 16, 14, 12, 10, 8, 6, 4, 2, 0]
    # 24 points over 10 days (the model answer): steps of 24 / 9 = 2.666…; day 2 is
    # 24 × 8/9 = 21.333…, day 6 is 24 × 4/9 = 10.666…, day 9 is 24 × 1/9 = 2.666….
    line = ideal_line(24, 10)
    assert line[0] == 24 and line[-1] == 0
    assert line[1] == pytest.approx(21.3333, abs=1e-4)
    assert line[5] == pytest.approx(10.6667, abs=1e-4)
    assert line[8] == pytest.approx(2.6667, abs=1e-4)


def test_ideal_line_edges() -> None:
    assert ideal_line(10, 2) == [10, 0]
    assert ideal_line(10, 1) == [0]          # a one-day sprint's only day is its last
    assert ideal_line(10, 0) == []
    assert ideal_line(0, 3) == [0, 0, 0]


def test_commitment_limit_worked_example() -> None:
    # Velocities 21, 24, 23: mean 68 / 3 = 22.666…, × 1.1 = 24.933…; 24 points fit, 25 do not.
    used, limit = commitment_limit([21, 24, 23], 1.1, 3)
    assert used == [21, 24, 23]
    assert limit == pytest.approx(24.9333, abs=1e-4)
    # Only the last three count: mean(24, 23, 22) = 23, × 1.1 = 25.3; the old 40 is ignored.
    used, limit = commitment_limit([40, 24, 23, 22], 1.1, 3)
    assert used == [24, 23, 22] and limit == pytest.approx(25.3)


def test_commitment_limit_with_fewer_velocities_or_other_allowances() -> None:
    # Two velocities: mean(20, 22) = 21, × 1.1 = 23.1.
    assert commitment_limit([20, 22], 1.1, 3)[1] == pytest.approx(23.1)
    # An allowance of 1.0 and the last two: mean(24, 22) = 23.
    assert commitment_limit([30, 24, 22], 1.0, 2) == ([24, 22], pytest.approx(23))
    assert commitment_limit([], 1.1, 3) == ([], None)
    assert commitment_limit([20], 1.1, 0) == ([], None)


def test_say_do_ratio_worked_examples() -> None:
    # The model answer: planned PAY-101 5, PAY-102 8, PAY-103 3, PAY-104 2, PAY-105 3 and
    # PAY-106 3 = 24; done and still in the sprint 5 + 8 + 3 + 2 = 18 (PAY-105 is not done,
    # PAY-106 was removed on day 6); the urgent bug PAY-108 was not planned, so it counts on
    # neither side. 18 / 24 = 0.75.
    assert say_do_ratio(18, 24) == 0.75
    # A sprint that finished its whole plan of 21 and a 2-point bug pulled in: 21 / 21 = 1,
    # not 23 / 21; added work never lifts the ratio above 1.
    assert say_do_ratio(21, 21) == 1
    # Planned 20, of which a 5-point story was removed and the rest done: 15 / 20 = 0.75.
    assert say_do_ratio(15, 20) == 0.75
    assert say_do_ratio(0, 0) is None
