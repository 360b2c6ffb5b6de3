"""Critical path method, PERT and dated schedules, checked against published answers.

Sources:

* J. E. Beasley, OR-Notes, "Network analysis" pages,
  http://people.brunel.ac.uk/~mastjjb/jeb/or/netanal.html and the linked worked
  examples (netaoaex.html, netaonex.html) and tutorial (nettut2q.html).
* J. Heizer and B. Render, Operations Management, chapter "Managing Projects",
  Milwaukee Paper Manufacturing example (PERT, probability of finishing in 16 weeks).
* Wikipedia, "Program evaluation and review technique", section "Implementation",
  the example of activities a to g (https://en.wikipedia.org/wiki/
  Program_evaluation_and_review_technique): fractional expected times, critical path
  a-c-e-g, "critical time" 19.51 work days.
* TaskJuggler 3 (tj3) scheduling the projects in fixtures/tj3/, recorded in
  fixtures/tj3/*.expected.json and re-run live when tj3 is installed.
"""

from __future__ import annotations

import csv
import json
import math
import re
import shutil
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from fractions import Fraction
from pathlib import Path

import pytest

from pmpath.analysis.calendar import WorkCalendar
from pmpath.analysis.schedule import (
    Activity,
    CycleError,
    DuplicateActivityError,
    InvalidDurationError,
    ScheduleError,
    UnknownDependencyError,
    critical_path_method,
    dated_schedule,
    exact_number,
    exact_pert_analysis,
    find_cycle,
    find_unknown_dependencies,
    fractional_dated_schedule,
    pert_analysis,
    pert_estimate,
    probability_of_finishing,
    working_day_span,
)

# --------------------------------------------------------------------------- Beasley CPM

# OR-Notes, "Network analysis - activity on arc examples", 1990 UG exam. The exam gives
# each activity as an arc (start node, end node, weeks) plus "activity 7 cannot start until
# activity 5 has been completed":
#
#   activity  1    2    3    4    5    6    7    8    9
#   arc      1-2  1-3  1-4  2-5  3-6  4-6  5-7  6-7  7-8
#   weeks     2    3    2    3    7    5    4    9    3
#
# On a node network, activity j precedes activity k when j's end node is k's start node;
# the extra rule adds 5 -> 7 (the page draws it with node 9 and two dummies).
BEASLEY_1990 = [
    Activity("1", 2),
    Activity("2", 3),
    Activity("3", 2),
    Activity("4", 3, ("1",)),
    Activity("5", 7, ("2",)),
    Activity("6", 5, ("3",)),
    Activity("7", 4, ("4", "5")),
    Activity("8", 9, ("5", "6")),
    Activity("9", 3, ("7", "8")),
]


def test_beasley_1990_exam_completion_time_critical_path_and_floats() -> None:
    """The page publishes E[8] = 22 weeks, the critical activities 2, 5, 8 and 9, and the
    event times from which it computes each float as F(i,j) = L[j] - E[i] - T(i,j):
    E = 0, 2, 3, 2, 10, 10, 19, 22 and L[5] = 15, L[6] = 10, L[7] = 19, L[8] = 22."""
    schedule = critical_path_method(BEASLEY_1990)
    assert schedule.duration == 22
    assert schedule.critical_path == ["2", "5", "8", "9"]
    floats = {activity_id: item.total_float for activity_id, item in schedule.activities.items()}
    assert floats == {
        "1": 10,  # L[2] - E[1] - 2 = 12 - 0 - 2
        "2": 0,
        "3": 3,  # L[4] - E[1] - 2 = 5 - 0 - 2
        "4": 10,  # L[5] - E[2] - 3 = 15 - 2 - 3
        "5": 0,
        "6": 3,  # L[6] - E[4] - 5 = 10 - 2 - 5
        "7": 5,  # L[7] - E[5] - 4 = 19 - 10 - 4
        "8": 0,
        "9": 0,
    }
    # The published early event times are the earliest starts of the arcs leaving them.
    earliest = {
        activity_id: item.earliest_start for activity_id, item in schedule.activities.items()
    }
    assert earliest == {"1": 0, "2": 0, "3": 0, "4": 2, "5": 3, "6": 2, "7": 10, "8": 10, "9": 19}
    # ...and the late event times are the latest finishes of the arcs entering them.
    assert schedule.activities["7"].latest_start == 15  # L[5]
    assert schedule.activities["8"].latest_start == 10  # L[6]
    assert schedule.activities["9"].latest_start == 19  # L[7]
    assert schedule.activities["9"].latest_finish == 22  # L[8]


# J. E. Beasley, OR-Notes, "Network analysis - activity on node tutorial question"
# (people.brunel.ac.uk/~mastjjb/jeb/or/nettut1q.html) and its answer (nettut1a.html):
# activity times 1, 4, 2, 6, 2, 5, 3, 6, 1 weeks; 1 before 3; 2 before 4, 5, 6; 3 before
# 5, 6; 4 before 7; 5 before 8; 6 and 7 before 9. Completion 14 weeks, critical
# activities 2, 4, 7 and 9.
BEASLEY_AON_TUTORIAL = [
    Activity("1", 1),
    Activity("2", 4),
    Activity("3", 2, ("1",)),
    Activity("4", 6, ("2",)),
    Activity("5", 2, ("2", "3")),
    Activity("6", 5, ("2", "3")),
    Activity("7", 3, ("4",)),
    Activity("8", 6, ("5",)),
    Activity("9", 1, ("6", "7")),
]


def test_beasley_activity_on_node_tutorial() -> None:
    """Completion 14, critical path 2-4-7-9, and the total floats of the answer page
    (latest start minus earliest start): 1: 3, 3: 3, 5: 2, 6: 4, 8: 2."""
    schedule = critical_path_method(BEASLEY_AON_TUTORIAL)
    assert schedule.duration == 14
    assert schedule.critical_path == ["2", "4", "7", "9"]
    floats = {activity_id: item.total_float for activity_id, item in schedule.activities.items()}
    assert floats == {"1": 3, "2": 0, "3": 3, "4": 0, "5": 2, "6": 4, "7": 0, "8": 2, "9": 0}
    earliest = {activity_id: item.earliest_start
                for activity_id, item in schedule.activities.items()}
    assert earliest == {"1": 0, "2": 0, "3": 1, "4": 4, "5": 4, "6": 4, "7": 10, "8": 6,
                        "9": 13}


def test_every_critical_activity_has_zero_float_and_others_do_not() -> None:
    schedule = critical_path_method(BEASLEY_1990)
    critical = {item.id for item in schedule.activities.values() if item.is_critical}
    assert critical == {"2", "5", "8", "9"}
    for item in schedule.activities.values():
        assert item.earliest_finish == item.earliest_start + item.duration
        assert item.latest_finish == item.latest_start + item.duration
        assert item.total_float == item.latest_start - item.earliest_start


# OR-Notes, "Network analysis - activity on node examples", 1997 UG exam (the question's
# network; the answer here is worked by hand): two chains tie for critical.
#   A 2 -, B 3 -, C 4 A, D 3 A+B, E 8 C+D, F 3 C, G 2 E, H 3 F+G
BEASLEY_1997 = [
    Activity("A", 2),
    Activity("B", 3),
    Activity("C", 4, ("A",)),
    Activity("D", 3, ("B", "A")),
    Activity("E", 8, ("D", "C")),
    Activity("F", 3, ("C",)),
    Activity("G", 2, ("E",)),
    Activity("H", 3, ("F", "G")),
]


def test_beasley_1997_exam_tied_critical_paths() -> None:
    """A-C-E-G-H and B-D-E-G-H both take 19 weeks; F alone has float (16 - 9 = 7)."""
    schedule = critical_path_method(BEASLEY_1997)
    assert schedule.duration == 19
    assert {item.id for item in schedule.activities.values() if item.is_critical} == set("ABCDEGH")
    assert schedule.activities["F"].total_float == 7
    # A tie goes to the chain through the activity listed first (C before D).
    assert schedule.critical_path == ["A", "C", "E", "G", "H"]
    # A path weight (PERT passes variances) picks the heavier chain instead.
    weighted = critical_path_method(BEASLEY_1997, {"B": 2.0})
    assert weighted.critical_path == list("BDEGH")
    weighted = critical_path_method(BEASLEY_1997, {"A": 1.0, "D": 0.5})
    assert weighted.critical_path == list("ACEGH")


def test_critical_path_is_one_gap_free_chain() -> None:
    """Two critical activities side by side are two chains; only one is reported."""
    parallel = [Activity("left", 5), Activity("right", 5)]
    assert critical_path_method(parallel).critical_path == ["left"]
    assert critical_path_method(parallel, {"right": 1}).critical_path == ["right"]
    # X is critical but joins its critical successor through a milestone, not directly.
    network = [
        Activity("X", 4),
        Activity("Y", 2),
        Activity("gate", 0, ("X", "Y")),
        Activity("Z", 3, ("gate",)),
    ]
    schedule = critical_path_method(network)
    assert schedule.critical_path == ["X", "gate", "Z"]
    assert schedule.activities["Y"].total_float == 2


def test_topological_order_and_input_order() -> None:
    network = [Activity("C", 1, ("B",)), Activity("A", 1), Activity("B", 1, ("A",))]
    schedule = critical_path_method(network)
    assert schedule.order == ["A", "B", "C"]
    assert list(schedule.activities) == ["C", "A", "B"]


def test_milestones_take_no_time() -> None:
    network = [
        Activity("start", 0),
        Activity("work", 3, ("start",)),
        Activity("done", 0, ("work",)),
    ]
    schedule = critical_path_method(network)
    assert schedule.duration == 3
    assert schedule.activities["done"].earliest_start == 3
    assert schedule.critical_path == ["start", "work", "done"]


def test_empty_network() -> None:
    schedule = critical_path_method([])
    assert (schedule.duration, schedule.critical_path, schedule.order) == (0, [], [])


def test_repeated_dependencies_count_once() -> None:
    schedule = critical_path_method([Activity("A", 2), Activity("B", 1, ("A", "A"))])
    assert schedule.duration == 3


# --------------------------------------------------------------------------- PERT

# OR-Notes, "Network analysis - uncertain completion times tutorial question" (nettut2q):
# nine activities in months (optimistic, most likely, pessimistic, predecessors).
# Expected project duration 16 months along B-E-H; P(complete within 18 months) = 87.3%.
BEASLEY_PERT = [
    ("A", 4, 6, 8, []),
    ("B", 1, 2, 3, []),
    ("C", 4, 4, 4, ["A"]),
    ("D", 4, 5, 6, ["A"]),
    ("E", 7, 10, 16, ["B"]),
    ("F", 8, 9, 10, ["B"]),
    ("G", 2, 2, 2, ["C"]),
    ("H", 2, 3, 7, ["D", "E", "F"]),
    ("I", 1, 3, 11, ["F"]),
]


def test_beasley_pert_tutorial() -> None:
    result = pert_analysis(BEASLEY_PERT)
    assert result.expected_duration == pytest.approx(16)
    assert result.critical_path == ["B", "E", "H"]
    # Variances: B (2/6)^2 + E (9/6)^2 + H (5/6)^2 = 1/9 + 9/4 + 25/36 = 110/36.
    assert result.variance == pytest.approx(110 / 36)
    assert result.std_dev == pytest.approx(math.sqrt(110 / 36))
    # The published 87.3% reads the normal table at z = (18 - 16) / 1.748 = 1.14 (0.8729);
    # the unrounded z = 1.144 gives 0.8737.
    assert round((18 - result.expected_duration) / result.std_dev, 2) == 1.14
    probability = probability_of_finishing(result.expected_duration, result.variance, 18)
    assert probability == pytest.approx(0.873, abs=0.001)
    assert result.schedule.activities["I"].total_float == pytest.approx(1)  # 15 vs 16


# Heizer & Render, Milwaukee Paper Manufacturing: weeks (a, m, b); critical path
# A-C-E-G-H, expected 15 weeks, project variance 3.11, sigma 1.76; the chance of finishing
# within 16 weeks is z = (16 - 15) / 1.76 = .57, which the normal table gives as .7157.
MILWAUKEE_PAPER = [
    ("A", 1, 2, 3, []),
    ("B", 2, 3, 4, []),
    ("C", 1, 2, 3, ["A"]),
    ("D", 2, 4, 6, ["B"]),
    ("E", 1, 4, 7, ["C"]),
    ("F", 1, 2, 9, ["C"]),
    ("G", 3, 4, 11, ["D", "E"]),
    ("H", 1, 2, 3, ["F", "G"]),
]


def test_heizer_render_milwaukee_paper_z_score() -> None:
    result = pert_analysis(MILWAUKEE_PAPER)
    assert result.expected_duration == pytest.approx(15)
    assert result.critical_path == ["A", "C", "E", "G", "H"]
    assert result.variance == pytest.approx(112 / 36)
    assert round(result.variance, 2) == 3.11
    assert round(result.std_dev, 2) == 1.76
    z_score = (16 - result.expected_duration) / result.std_dev
    assert round(z_score, 2) == 0.57
    # The book rounds z to .57 before the table lookup; the exact value is 0.7146.
    assert probability_of_finishing(result.expected_duration, result.variance, 16) == (
        pytest.approx(0.7157, abs=0.002)
    )


# Wikipedia, "Program evaluation and review technique", the example of activities a to g:
# (optimistic, normal, pessimistic) work days and predecessors. The article lists the
# expected times to two places (4.00, 5.33, 5.17, 6.33, 5.17, 4.50, 5.17) and adds those
# rounded figures, so its critical time along a-c-e-g is 4 + 3 x 5.17 = 19.51; exactly,
# it is 4 + 3 x 31/6 = 19.5.
WIKIPEDIA_PERT = [
    ("a", 2, 4, 6, []),
    ("b", 3, 5, 9, []),
    ("c", 4, 5, 7, ["a"]),
    ("d", 4, 6, 10, ["a"]),
    ("e", 4, 5, 7, ["b", "c"]),
    ("f", 3, 4, 8, ["d"]),
    ("g", 3, 5, 8, ["e"]),
]
WIKIPEDIA_EXPECTED_TIMES = {"a": 4.00, "b": 5.33, "c": 5.17, "d": 6.33, "e": 5.17,
                            "f": 4.50, "g": 5.17}


def test_wikipedia_pert_example_exactly() -> None:
    """The published example, with Fractions: the same path, and the critical time
    without the rounding dust of adding two-place figures (or binary floats)."""
    result = exact_pert_analysis(WIKIPEDIA_PERT)
    times = {key: item.duration for key, item in result.schedule.activities.items()}
    assert {key: round(float(value), 2) for key, value in times.items()} == \
        WIKIPEDIA_EXPECTED_TIMES
    assert times["b"] == Fraction(32, 6) and times["f"] == Fraction(9, 2)
    assert result.critical_path == ["a", "c", "e", "g"]
    assert result.expected_duration == Fraction(39, 2)
    assert round(4 + 3 * WIKIPEDIA_EXPECTED_TIMES["c"], 2) == 19.51   # the article's sum
    # The float version carries binary dust (19.500000000000004); the exact one does not.
    assert pert_analysis(WIKIPEDIA_PERT).expected_duration == pytest.approx(19.5)
    activities = result.schedule.activities
    assert (activities["e"].earliest_start, activities["e"].earliest_finish) == \
        (Fraction(55, 6), Fraction(43, 3))
    # Floats are exact: b waits for e's start at 55/6, so LS = 55/6 - 32/6 = 23/6;
    # d and f share 19.5 - (4 + 38/6 + 27/6) = 14/3. Critical means exactly 0.
    assert activities["b"].total_float == Fraction(23, 6)
    assert activities["d"].total_float == activities["f"].total_float == Fraction(14, 3)
    assert [key for key, item in activities.items() if item.total_float == 0] == \
        ["a", "c", "e", "g"]
    # Variance along a-c-e-g: (4/6)^2 + (3/6)^2 + (3/6)^2 + (5/6)^2 = 59/36.
    assert result.variance == Fraction(59, 36)
    assert result.std_dev == pytest.approx(math.sqrt(59 / 36))


def test_exact_pert_reads_numbers_as_written() -> None:
    assert exact_number(2.5) == Fraction(5, 2)
    assert exact_number(0.1) == Fraction(1, 10)      # not 3602879701896397/36028797018963968
    assert exact_number(7) == Fraction(7)
    with pytest.raises(ValueError):
        exact_number(float("nan"))
    # Three items of (0.1, 0.2, 0.3) in a chain: te = (0.1 + 0.8 + 0.3) / 6 = 1/5 each.
    result = exact_pert_analysis([("A", 0.1, 0.2, 0.3, []), ("B", 0.1, 0.2, 0.3, ["A"]),
                                  ("C", 0.1, 0.2, 0.3, ["B"])])
    assert result.expected_duration == Fraction(3, 5)
    with pytest.raises(ValueError, match="'W2'"):
        exact_pert_analysis([("W1", 1, 2, 3, []), ("W2", 4, 2, 1, ["W1"])])


def test_exact_pert_matches_the_float_version_on_published_examples() -> None:
    for network in (BEASLEY_PERT, MILWAUKEE_PAPER):
        exact, rounded = exact_pert_analysis(network), pert_analysis(network)
        assert exact.critical_path == rounded.critical_path
        assert float(exact.expected_duration) == pytest.approx(rounded.expected_duration)
        assert float(exact.variance) == pytest.approx(rounded.variance)


def test_pert_estimate() -> None:
    assert pert_estimate(2, 4, 8) == pytest.approx((26 / 6, 1.0))
    assert pert_estimate(3, 3, 3) == (3.0, 0.0)
    with pytest.raises(ValueError, match="optimistic <= likely <= pessimistic"):
        pert_estimate(5, 4, 8)
    with pytest.raises(ValueError, match="'W2'"):
        pert_analysis([("W1", 1, 2, 3, []), ("W2", 4, 2, 1, ["W1"])])


def test_pert_ties_use_the_largest_variance() -> None:
    """Two paths of expected length 10; the riskier one sets the variance."""
    result = pert_analysis([("calm", 9, 10, 11, []), ("wild", 4, 9, 20, [])])
    assert result.expected_duration == pytest.approx(10)
    assert result.critical_path == ["wild"]
    assert result.variance == pytest.approx((16 / 6) ** 2)


def test_probability_of_finishing() -> None:
    assert probability_of_finishing(10, 4, 10) == pytest.approx(0.5)
    assert probability_of_finishing(10, 4, 12) == pytest.approx(0.841344746)  # z = 1
    assert probability_of_finishing(10, 4, 8) == pytest.approx(1 - 0.841344746)
    assert probability_of_finishing(10, 0, 10) == 1.0
    assert probability_of_finishing(10, 0, 9.99) == 0.0
    with pytest.raises(ValueError):
        probability_of_finishing(10, -1, 12)


# --------------------------------------------------------------------------- bad networks


def test_cycle_is_reported_with_its_members() -> None:
    network = [
        Activity("setup", 1),
        Activity("A", 1, ("setup", "C")),
        Activity("B", 1, ("A",)),
        Activity("C", 1, ("B",)),
        Activity("after", 1, ("C",)),
    ]
    # A depends on C, C on B, B on A.
    assert find_cycle(network) == ["A", "C", "B", "A"]
    with pytest.raises(CycleError) as raised:
        critical_path_method(network)
    assert raised.value.cycle == ["A", "C", "B", "A"]
    assert "A -> C -> B -> A" in str(raised.value)
    assert isinstance(raised.value, ScheduleError)


def test_cycle_starts_at_its_first_listed_member() -> None:
    network = [Activity("Z", 1, ("Y",)), Activity("X", 1, ("Z",)), Activity("Y", 1, ("X",))]
    assert find_cycle(network) == ["Z", "Y", "X", "Z"]


def test_self_dependency_is_a_cycle() -> None:
    assert find_cycle([Activity("A", 1), Activity("B", 1, ("B",))]) == ["B", "B"]


def test_no_cycle() -> None:
    assert find_cycle(BEASLEY_1990) is None


def test_unknown_dependencies_are_all_reported() -> None:
    network = [
        Activity("A", 1, ("ghost",)),
        Activity("B", 1, ("A", "phantom", "phantom")),
        Activity("C", 1, ("ghost",)),
    ]
    expected = [("A", "ghost"), ("B", "phantom"), ("C", "ghost")]
    assert find_unknown_dependencies(network) == expected
    with pytest.raises(UnknownDependencyError) as raised:
        critical_path_method(network)
    assert (raised.value.activity, raised.value.missing) == ("A", "ghost")
    assert raised.value.problems == expected
    assert "'phantom'" in str(raised.value)


def test_unknown_dependencies_are_reported_before_cycles() -> None:
    network = [Activity("A", 1, ("B",)), Activity("B", 1, ("A", "nope"))]
    with pytest.raises(UnknownDependencyError):
        critical_path_method(network)
    assert find_cycle(network) == ["A", "B", "A"]


def test_duplicate_ids_and_bad_durations_are_rejected() -> None:
    with pytest.raises(DuplicateActivityError):
        critical_path_method([Activity("A", 1), Activity("A", 2)])
    with pytest.raises(InvalidDurationError):
        critical_path_method([Activity("A", -1)])
    with pytest.raises(InvalidDurationError):
        critical_path_method([Activity("A", math.nan)])


# --------------------------------------------------------------------------- scale


def test_long_chain_without_recursion() -> None:
    """5,000 activities in one chain: far deeper than Python's recursion limit."""
    chain = [Activity("T0", 1)] + [Activity(f"T{n}", 1, (f"T{n - 1}",)) for n in range(1, 5000)]
    schedule = critical_path_method(chain)
    assert schedule.duration == 5000
    assert len(schedule.critical_path) == 5000
    dated = dated_schedule(chain, date(2027, 1, 4), WorkCalendar([date(2027, 12, 24)]))
    assert dated.duration_working_days == 5000
    assert dated.activities["T4999"].finish == dated.finish


def test_wide_fan_out_and_fan_in() -> None:
    """One root, 5,000 parallel activities, one activity waiting for all of them."""
    fan = [Activity("root", 1)]
    fan += [Activity(f"P{n}", 1 + n % 7, ("root",)) for n in range(5000)]
    fan.append(Activity("sink", 1, tuple(f"P{n}" for n in range(5000))))
    schedule = critical_path_method(fan)
    assert schedule.duration == 1 + 7 + 1
    assert schedule.critical_path == ["root", "P6", "sink"]
    dated = dated_schedule(fan, date(2027, 1, 4), WorkCalendar())
    assert dated.finish == date(2027, 1, 14)  # 9 working days from Monday 4 January


# --------------------------------------------------------------------------- dated schedule

PLAN_HOLIDAYS = WorkCalendar([date(2027, 1, 1), date(2027, 1, 16), date(2027, 1, 18)])


def test_dated_chain_follows_the_calendar_rules() -> None:
    plan = [
        Activity("design", 5),
        Activity("build", 6, ("design",)),
        Activity("ship", 0, ("build",)),
        Activity("announce", 1, ("ship",)),
    ]
    # The plan starts on the New Year holiday (a Friday), so work starts Monday the 4th.
    schedule = dated_schedule(plan, date(2027, 1, 1), PLAN_HOLIDAYS)
    spans = {item.id: (item.start, item.finish) for item in schedule.activities.values()}
    assert spans == {
        "design": (date(2027, 1, 4), date(2027, 1, 8)),
        # Next working day after Friday; six days skip Monday the 18th (holiday).
        "build": (date(2027, 1, 11), date(2027, 1, 19)),
        # A milestone sits on the finish date of its last predecessor...
        "ship": (date(2027, 1, 19), date(2027, 1, 19)),
        # ...and its successor starts on the next working day.
        "announce": (date(2027, 1, 20), date(2027, 1, 20)),
    }
    assert schedule.finish == date(2027, 1, 20)
    assert schedule.duration_working_days == 12
    assert schedule.critical_path == ["design", "build", "ship", "announce"]


def test_milestone_placement() -> None:
    plan = [
        Activity("kickoff", 0),
        Activity("short", 2, ("kickoff",)),
        Activity("long", 4, ("kickoff",)),
        Activity("gate", 0, ("short", "long")),
        Activity("gate2", 0, ("gate",)),
        Activity("next", 1, ("gate2",)),
    ]
    schedule = dated_schedule(plan, date(2027, 1, 9), PLAN_HOLIDAYS)  # a Saturday
    placed = {item.id: (item.start, item.finish) for item in schedule.activities.values()}
    # With no predecessor, on the plan start rolled forward to a working day.
    assert placed["kickoff"] == (date(2027, 1, 11), date(2027, 1, 11))
    # A task after that milestone also starts on the plan start: the milestone takes no day.
    assert placed["short"] == (date(2027, 1, 11), date(2027, 1, 12))
    # On the finish date of the LAST predecessor; a milestone after a milestone stays put.
    assert placed["gate"] == (date(2027, 1, 14), date(2027, 1, 14))
    assert placed["gate2"] == placed["gate"]
    assert placed["next"] == (date(2027, 1, 15), date(2027, 1, 15))


def test_dated_float_is_in_working_days() -> None:
    plan = [Activity("long", 5), Activity("short", 2), Activity("end", 1, ("long", "short"))]
    schedule = dated_schedule(plan, date(2027, 1, 4), WorkCalendar())
    assert schedule.activities["short"].total_float == 3
    assert not schedule.activities["short"].critical
    assert schedule.activities["long"].critical
    assert schedule.activities["long"].total_float == 0


def test_fractional_durations_round_up_to_whole_days() -> None:
    """PERT te values such as 4.33 occupy part of a fifth day, so they take five."""
    plan = [Activity("A", 26 / 6), Activity("B", 2.0000000000000004, ("A",))]
    schedule = dated_schedule(plan, date(2027, 1, 4), WorkCalendar())
    assert schedule.activities["A"].finish == date(2027, 1, 8)
    assert schedule.activities["B"].finish == date(2027, 1, 12)  # 2, not 3, days
    assert schedule.duration_working_days == 7


def test_working_day_span_follows_design() -> None:
    """DESIGN.md, "Calendars": an item from ES to EF runs from day floor(ES) + 1 to day
    ceil(EF); an item of zero length sits on day max(1, ceil(EF))."""
    assert working_day_span(0, 4) == (1, 4)
    assert working_day_span(Fraction(5, 2), 4) == (3, 4)
    assert working_day_span(4, Fraction(13, 2)) == (5, 7)
    assert working_day_span(Fraction(55, 6), Fraction(43, 3)) == (10, 15)
    assert working_day_span(Fraction(43, 3), Fraction(43, 3)) == (15, 15)
    assert working_day_span(0, 0) == (1, 1)
    assert working_day_span(4.000000000000001, 6.999999999999999) == (5, 7)   # float dust


def test_fractional_dates_of_the_wikipedia_example() -> None:
    """The a-g example from Monday 2027-01-04, no holidays (day 5 is Friday the 8th):
    a 0-4 days 1-4; b 0-5.33 days 1-6; c 4-9.17 days 5-10; d 4-10.33 days 5-11;
    e 9.17-14.33 days 10-15 (it shares day 10 with c); f 10.33-14.83 days 11-15;
    g 14.33-19.5 days 15-20. The plan finishes on day ceil(19.5) = 20, Friday the 29th;
    rounding each te up first would take 4 + 6 + 6 + 6 = 22 days."""
    network = exact_pert_analysis(WIKIPEDIA_PERT).schedule
    dated = fractional_dated_schedule(network, date(2027, 1, 4), WorkCalendar())
    spans = {key: (item.start, item.finish) for key, item in dated.activities.items()}
    assert spans == {
        "a": (date(2027, 1, 4), date(2027, 1, 7)),
        "b": (date(2027, 1, 4), date(2027, 1, 11)),
        "c": (date(2027, 1, 8), date(2027, 1, 15)),
        "d": (date(2027, 1, 8), date(2027, 1, 18)),
        "e": (date(2027, 1, 15), date(2027, 1, 22)),
        "f": (date(2027, 1, 18), date(2027, 1, 22)),
        "g": (date(2027, 1, 22), date(2027, 1, 29)),
    }
    assert dated.finish == date(2027, 1, 29)
    assert dated.duration_working_days == 20
    assert dated.activities["d"].total_float == Fraction(14, 3)
    assert dated.activities["g"].critical and not dated.activities["f"].critical
    rounded = dated_schedule([Activity(key, float(item.duration), tuple(depends_on))
                              for (key, *_, depends_on), item in
                              zip(WIKIPEDIA_PERT, network.activities.values(), strict=True)],
                             date(2027, 1, 4), WorkCalendar())
    assert rounded.duration_working_days == 22


def test_fractional_dates_skip_holidays_and_place_milestones() -> None:
    # Starts on the New Year holiday (Friday), so day 1 is Monday the 4th; the 18th is off.
    network = critical_path_method([
        Activity("A", Fraction(53, 6)),                # 0 - 8.83: days 1-9
        Activity("gate", Fraction(0), ("A",)),         # on A's last day, day 9
        Activity("B", Fraction(7, 3), ("gate",)),      # 8.83 - 11.17: days 9-12
    ])
    dated = fractional_dated_schedule(network, date(2027, 1, 1), PLAN_HOLIDAYS)
    spans = {key: (item.start, item.finish) for key, item in dated.activities.items()}
    assert spans == {
        "A": (date(2027, 1, 4), date(2027, 1, 14)),
        "gate": (date(2027, 1, 14), date(2027, 1, 14)),
        "B": (date(2027, 1, 14), date(2027, 1, 20)),   # day 11 is the 19th, 12 the 20th
    }
    assert dated.finish == date(2027, 1, 20)
    assert dated.duration_working_days == 12


def test_dated_schedule_of_nothing() -> None:
    schedule = dated_schedule([], date(2027, 1, 2), WorkCalendar())
    assert schedule.finish == date(2027, 1, 4)
    assert schedule.duration_working_days == 0
    assert schedule.activities == {}


def test_dated_schedule_rejects_bad_networks() -> None:
    with pytest.raises(CycleError):
        dated_schedule(
            [Activity("A", 1, ("B",)), Activity("B", 1, ("A",))], date(2027, 1, 4), WorkCalendar()
        )
    with pytest.raises(InvalidDurationError):
        dated_schedule([Activity("A", -2)], date(2027, 1, 4), WorkCalendar())


# --------------------------------------------------------------------------- TaskJuggler
#
# Each fixtures/tj3/<name>.tjp is a small project of `length` tasks (working days) with
# holidays on a weekday and on a weekend. <name>.expected.json records what tj3 printed
# (its CSV "start" and "end" timestamps, key "tj3") and the same dates converted to
# pmpath's inclusive working days (key "schedule"). Re-record with
#     PYTHONPATH=src python tests/analysis/test_schedule.py
#
# Converting tj3's timestamps: tj3 schedules in time, pmpath in whole days. With working
# hours 9:00-17:00 and dailyworkinghours 8, one `1d` of length is one working day.
#
# * A task's "end" is exclusive: the instant work stops (17:00 of its last working day).
#   Its inclusive finish is the working day holding the last working instant before it.
# * A task's "start" is when tj3 allowed it to begin, not when work began: the project
#   start (midnight, possibly on a weekend or holiday) or the end of its last predecessor
#   (17:00). Work begins on the first working day that still has working time after that
#   instant, which is pmpath's "first working day after the predecessor finishes".
# * A milestone is an instant (start == end). It belongs to the first working day whose
#   working time ends at or after it: 17:00 stays on that day, which is pmpath's "on the
#   finish date of its last predecessor", and the project-start midnight moves to the first
#   working day, which is pmpath's "on the plan start rolled forward".

TJ3_FIXTURES = Path(__file__).parent / "fixtures" / "tj3"
TJ3_PROJECTS = ["chain", "join", "launch"]
WORKDAY_OPENS = time(9, 0)
WORKDAY_CLOSES = time(17, 0)
TJ3_TIME_FORMAT = "%Y-%m-%d %H:%M"

_PROJECT_LINE = re.compile(r'^project \w+ "[^"]*" (\d{4}-\d{2}-\d{2}) ')
_HOLIDAY_LINE = re.compile(r'^leaves holiday "[^"]*" (\d{4}-\d{2}-\d{2})$')
_TASK_LINE = re.compile(
    r'^task (?P<id>\w+) "[^"]*" \{ (?:depends (?P<depends>[\w, ]+?) )?'
    r"(?:length (?P<days>\d+)d|(?P<milestone>milestone)) \}$"
)


def read_tj3_project(path: Path) -> tuple[date, list[date], list[Activity]]:
    """Read the plan start, holidays and tasks back from a fixture (one task per line)."""
    start: date | None = None
    holidays: list[date] = []
    activities: list[Activity] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if match := _PROJECT_LINE.match(line):
            start = date.fromisoformat(match.group(1))
        elif match := _HOLIDAY_LINE.match(line):
            holidays.append(date.fromisoformat(match.group(1)))
        elif match := _TASK_LINE.match(line):
            depends = match.group("depends")
            activities.append(
                Activity(
                    match.group("id"),
                    0 if match.group("milestone") else int(match.group("days")),
                    tuple(dep.strip() for dep in depends.split(",")) if depends else (),
                )
            )
        elif line.startswith("task "):
            raise AssertionError(f"{path.name}: cannot read task line {line!r}")
    assert start is not None, f"{path.name}: no project line"
    return start, holidays, activities


def _is_working(day: date, holidays: set[date]) -> bool:
    return day.weekday() < 5 and day not in holidays


def convert_tj3_dates(
    raw_start: str, raw_end: str, milestone: bool, holidays: set[date]
) -> tuple[date, date]:
    """Turn tj3's start/end timestamps into pmpath's inclusive start and finish dates.

    Deliberately a day-by-day walk that does not use WorkCalendar, so it checks it.
    """
    start_instant = datetime.strptime(raw_start, TJ3_TIME_FORMAT)
    end_instant = datetime.strptime(raw_end, TJ3_TIME_FORMAT)

    def first_working_day(instant: datetime, *, closing_at_instant_counts: bool) -> date:
        day = instant.date()
        while True:
            closes = datetime.combine(day, WORKDAY_CLOSES)
            after = closes >= instant if closing_at_instant_counts else closes > instant
            if _is_working(day, holidays) and after:
                return day
            day += timedelta(days=1)

    if milestone:
        day = first_working_day(start_instant, closing_at_instant_counts=True)
        return day, day
    start = first_working_day(start_instant, closing_at_instant_counts=False)
    finish = end_instant.date()
    while not (
        _is_working(finish, holidays) and datetime.combine(finish, WORKDAY_OPENS) < end_instant
    ):
        finish -= timedelta(days=1)
    return start, finish


def run_tj3(project: Path, output_dir: Path) -> dict[str, list[str]]:
    """Schedule a fixture with tj3 and return {task id: [start, end]} from its CSV report."""
    subprocess.run(
        ["tj3", "--silent", "--no-color", "-o", str(output_dir), str(project)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    report = output_dir / f"{project.stem}.csv"
    with report.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    return {row["Id"]: [row["Start"], row["End"]] for row in rows}


def converted_schedule(
    raw: dict[str, list[str]], activities: list[Activity], holidays: list[date]
) -> dict[str, list[str]]:
    milestones = {activity.id for activity in activities if activity.duration == 0}
    holiday_set = set(holidays)
    converted = {}
    for activity in activities:
        raw_start, raw_end = raw[activity.id]
        start, finish = convert_tj3_dates(
            raw_start, raw_end, activity.id in milestones, holiday_set
        )
        converted[activity.id] = [start.isoformat(), finish.isoformat()]
    return converted


def pmpath_schedule(path: Path) -> dict[str, list[str]]:
    start, holidays, activities = read_tj3_project(path)
    schedule = dated_schedule(activities, start, WorkCalendar(holidays))
    return {
        item.id: [item.start.isoformat(), item.finish.isoformat()]
        for item in schedule.activities.values()
    }


def load_expected(name: str) -> dict:
    return json.loads((TJ3_FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", TJ3_PROJECTS)
def test_recorded_tj3_output_converts_to_the_recorded_schedule(name: str) -> None:
    _, holidays, activities = read_tj3_project(TJ3_FIXTURES / f"{name}.tjp")
    expected = load_expected(name)
    assert sorted(expected["tj3"]) == sorted(activity.id for activity in activities)
    assert converted_schedule(expected["tj3"], activities, holidays) == expected["schedule"]


@pytest.mark.parametrize("name", TJ3_PROJECTS)
def test_dated_schedule_matches_recorded_tj3_schedule(name: str) -> None:
    assert pmpath_schedule(TJ3_FIXTURES / f"{name}.tjp") == load_expected(name)["schedule"]


@pytest.mark.skipif(shutil.which("tj3") is None, reason="TaskJuggler (tj3) is not installed")
@pytest.mark.parametrize("name", TJ3_PROJECTS)
def test_dated_schedule_matches_live_tj3(name: str, tmp_path: Path) -> None:
    project = TJ3_FIXTURES / f"{name}.tjp"
    _, holidays, activities = read_tj3_project(project)
    raw = run_tj3(project, tmp_path)
    assert converted_schedule(raw, activities, holidays) == pmpath_schedule(project)
    assert raw == load_expected(name)["tj3"]


def _record_tj3_fixtures() -> None:
    """Re-run tj3 on every fixture and rewrite the <name>.expected.json files."""
    import tempfile

    version = subprocess.run(
        ["tj3", "--version"], check=True, capture_output=True, text=True
    ).stdout.strip()
    for name in TJ3_PROJECTS:
        project = TJ3_FIXTURES / f"{name}.tjp"
        _, holidays, activities = read_tj3_project(project)
        with tempfile.TemporaryDirectory() as output_dir:
            raw = run_tj3(project, Path(output_dir))
        recorded = {
            "tj3_version": version,
            "command": f"tj3 --silent --no-color -o OUTPUT_DIR {project.name}",
            "note": "tj3 holds tj3's CSV start/end; schedule holds pmpath's inclusive "
            "[start, finish] converted from them (see test_schedule.py)",
            "tj3": {activity.id: raw[activity.id] for activity in activities},
            "schedule": converted_schedule(raw, activities, holidays),
        }
        target = TJ3_FIXTURES / f"{name}.expected.json"
        text = json.dumps(recorded, indent=2)
        # One task per line: collapse each two-item [start, end] list.
        text = re.sub(r'\[\s+("[^"]*"),\s+("[^"]*")\s+\]', r"[\1, \2]", text)
        target.write_text(text + "\n", encoding="utf-8")
        print(f"recorded {target}", file=sys.stderr)


if __name__ == "__main__":
    _record_tj3_fixtures()
