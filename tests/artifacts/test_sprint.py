"""sprint: the sprint calendar, the burndown arithmetic, every rule both ways, the picture."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from support import render_text, rules_named_in_fixtures, rules_of, where_of

from pmpath.artifacts.sprint import (
    RULES,
    SPEC,
    commitment_limit,
    ideal_line,
    nearest_on_scale,
    sprint_days,
)

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "sprint"
EXAMPLE = REPO / "curriculum" / "examples" / "sprint.yaml"
TEMPLATE = REPO / "templates" / "sprint" / "sprint.yaml"
AS_OF = date(2027, 1, 20)

SPEC_RULES = {"sprint.length", "sprint.goal", "sprint.ids", "sprint.points",
              "sprint.commitment", "sprint.acceptance", "sprint.daily", "sprint.burndown",
              "sprint.review", "sprint.retro", "sprint.dod"}

# Monday 2027-01-04 .. Friday 2027-01-15: two Monday-to-Friday weeks.
TWO_WEEKS = [date(2027, 1, day) for day in (4, 5, 6, 7, 8, 11, 12, 13, 14, 15)]


# -- the arithmetic -------------------------------------------------------------------


def test_sprint_days_skip_weekends_and_holidays():
    assert sprint_days(date(2027, 1, 4), 10) == TWO_WEEKS
    # Starting on Saturday 2027-01-02 moves the first day to Monday 2027-01-04.
    assert sprint_days(date(2027, 1, 2), 10) == TWO_WEEKS
    # Sprint from Monday 2027-01-11 over Martin Luther King Jr. Day (Monday 2027-01-18):
    # 11..15 (5 days), skip 16, 17 (weekend) and 18 (holiday), 19..22 (4 days), 25 = day 10.
    days = sprint_days(date(2027, 1, 11), 10, [date(2027, 1, 18)])
    assert days[4] == date(2027, 1, 15) and days[5] == date(2027, 1, 19)
    assert days[-1] == date(2027, 1, 25) and date(2027, 1, 18) not in days
    assert sprint_days(date(2027, 1, 4), 0) == []


def test_ideal_line_falls_linearly_to_zero():
    # committed x (N - k) / (N - 1): 18 points over 10 days steps down by 2 each day.
    assert ideal_line(18, 10) == [18, 16, 14, 12, 10, 8, 6, 4, 2, 0]
    # 23 points: day 2 = 23 x 8/9 = 20.444..., day 9 = 23 x 1/9 = 2.555...
    line = ideal_line(23, 10)
    assert line[0] == 23 and line[-1] == 0
    assert line[1] == pytest.approx(20.4444, abs=1e-4) and line[8] == pytest.approx(2.5556,
                                                                                    abs=1e-4)
    assert ideal_line(10, 2) == [10, 0]
    assert ideal_line(10, 1) == [0]          # a one-day sprint's only day is its last
    assert ideal_line(10, 0) == []


def test_commitment_limit_uses_the_last_three_velocities():
    # mean(24, 23, 22) = 23 -> x 1.1 = 25.3; the oldest value, 40, is ignored.
    used, limit = commitment_limit([40, 24, 23, 22])
    assert used == [24, 23, 22] and limit == pytest.approx(25.3)
    # Fewer than three: the mean of those given. mean(20, 22) = 21 -> 23.1.
    assert commitment_limit([20, 22])[1] == pytest.approx(23.1)
    assert commitment_limit([]) == ([], None)


@pytest.mark.parametrize(("points", "nearest"), [(4, 5), (2.5, 3), (6, 5), (7, 8),
                                                 (10, 8), (11, 13), (40, 20), (0, 1)])
def test_nearest_on_scale(points, nearest):
    assert nearest_on_scale(points) == nearest


# -- the whole file -------------------------------------------------------------------


def test_rules_match_the_spec():
    assert {rule.id for rule in RULES} == SPEC_RULES
    for rule in RULES:
        assert rule.rationale and rule.hint and rule.passes and rule.fails
        assert rule.weight in (1, 2, 3)
        assert (rule.weight == 1) == (rule.severity == "warning")
    assert SPEC.defaults == {"length_days": 10}


def test_clean_fixture_passes_with_metrics(grade):
    result = grade(FIXTURES / "clean.yaml", as_of=AS_OF)
    assert result.findings == []
    assert result.exercise == "two-week-sprint"
    metrics = result.metrics
    # Committed: A-1 5 + A-2 8 + A-3 3 + A-4 5 + A-5 2 = 23 (A-6 is not committed).
    # Completed: all but A-4 = 18. Say/do 18 / 23 = 0.7826.
    assert metrics["committed_points"] == 23
    assert metrics["completed_points"] == 18
    assert metrics["say_do_ratio"] == pytest.approx(18 / 23)
    burndown = metrics["burndown"]
    assert [day["date"] for day in burndown] == TWO_WEEKS
    assert [day["actual"] for day in burndown] == [21, 21, 18, 20, 18, 18, 13, 13, 13, 5]
    assert [day["ideal"] for day in burndown] == pytest.approx(
        [23 * (10 - k) / 9 for k in range(1, 11)])


SEEDED = [
    ("burndown-last-day.yaml", "sprint.burndown", ["daily[9].remaining_points"]),
    ("burndown-rise.yaml", "sprint.burndown", ["daily[3].remaining_points"]),
    ("missing-day.yaml", "sprint.daily", ["daily"]),
    ("overcommitted.yaml", "sprint.commitment", ["backlog"]),
    ("demo-not-done.yaml", "sprint.review", ["review.demoed[4]"]),
    ("retro-no-owner.yaml", "sprint.retro", ["retro.actions[0].owner"]),
    ("points-off-scale.yaml", "sprint.points", ["backlog[5].points"]),
    ("length-15.yaml", "sprint.length", ["length_days"]),
    ("no-goal.yaml", "sprint.goal", ["sprint_goal"]),
    ("duplicate-id.yaml", "sprint.ids", ["backlog[5].id"]),
    ("no-acceptance.yaml", "sprint.acceptance", ["backlog[1].acceptance_criteria"]),
    ("no-dod.yaml", "sprint.dod", ["definition_of_done"]),
]


@pytest.mark.parametrize(("fixture", "rule", "wheres"), SEEDED)
def test_each_seeded_flaw_reports_its_rule_only(grade, fixture, rule, wheres):
    result = grade(FIXTURES / fixture, as_of=AS_OF)
    assert rules_of(result) == {rule}
    assert where_of(result, rule) == wheres
    severity = next(r.severity for r in RULES if r.id == rule)
    assert result.passed == (severity == "warning")
    assert result.score < 100


def test_every_rule_has_a_flawed_fixture():
    assert rules_named_in_fixtures(FIXTURES, "sprint") == SPEC_RULES
    assert {rule for _, rule, _ in SEEDED} == SPEC_RULES


def _message(grade, fixture: str) -> str:
    findings = grade(FIXTURES / fixture, as_of=AS_OF).findings
    assert len(findings) == 1
    return findings[0].message


def test_messages_carry_the_numbers(grade):
    assert _message(grade, "burndown-last-day.yaml") == (
        "the last day (2027-01-15) shows 0 points remaining, but the committed items not "
        "done add up to 5 (A-4 5)")
    assert _message(grade, "burndown-rise.yaml") == (
        "remaining points rose from 18 to 20 on 2027-01-07, but scope_change that day is 0")
    assert _message(grade, "missing-day.yaml") == (
        "no daily entry for 2027-01-06 (Wednesday, day 3 of 10)")
    # Velocities 18, 19, 17: mean 18, x 1.1 = 19.8; committed 23.
    assert _message(grade, "overcommitted.yaml") == (
        "committed 23 points, but 1.1 × the mean of the last 3 velocities "
        "(18, 19, 17 → 18.00) allows at most 19.8")
    assert _message(grade, "demo-not-done.yaml") == (
        "A-4 was demoed but its status is 'in progress', not done")
    assert "no owner and no due date" in _message(grade, "retro-no-owner.yaml")
    assert _message(grade, "points-off-scale.yaml").startswith("A-6 has 4 points")
    assert _message(grade, "length-15.yaml") == (
        "length_days is 15, but this exercise is a sprint of 10 working days")


def test_hints_give_the_fix(grade):
    hints = {fixture: grade(FIXTURES / fixture, as_of=AS_OF).findings[0].hint
             for fixture in ("burndown-last-day.yaml", "burndown-rise.yaml",
                             "overcommitted.yaml", "points-off-scale.yaml")}
    assert "remaining_points: 5" in hints["burndown-last-day.yaml"]
    assert "scope_change: 2" in hints["burndown-rise.yaml"]
    assert "Take 4 or more points" in hints["overcommitted.yaml"]     # 23 - 19
    assert "points: 5" in hints["points-off-scale.yaml"]


def _clean_with(*changes: tuple[str, str]) -> str:
    text = (FIXTURES / "clean.yaml").read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


DAY3 = "  - {date: 2027-01-06, remaining_points: 18, scope_change: 0}\n"


def test_daily_duplicate_weekend_holiday_and_outside(grade):
    # A second entry for 01-06, a Saturday inside the sprint span, and one after it ends.
    text = _clean_with((DAY3, DAY3 + DAY3.replace("2027-01-06", "2027-01-06")
                        + "  - {date: 2027-01-09, remaining_points: 18, scope_change: 0}\n"
                        + "  - {date: 2027-01-19, remaining_points: 18, scope_change: 0}\n"))
    result = grade(text, as_of=AS_OF)
    assert rules_of(result) == {"sprint.daily"}
    assert where_of(result, "sprint.daily") == ["daily[3].date", "daily[4].date",
                                                "daily[5].date"]
    messages = [finding.message for finding in result.findings]
    assert messages[0] == "a second daily entry for 2027-01-06 (the first is daily[2])"
    assert messages[1] == "2027-01-09 is a Saturday, not a working day of the sprint"
    assert messages[2] == "2027-01-19 is outside the sprint (2027-01-04 to 2027-01-15)"


def test_daily_on_a_holiday(grade):
    # Declaring Wednesday 2027-01-06 a holiday makes its entry misplaced and moves the
    # sprint's tenth working day to Monday 2027-01-18, which has no entry.
    result = grade(_clean_with(("holidays: []", "holidays: [2027-01-06]")), as_of=AS_OF)
    assert where_of(result, "sprint.daily") == ["daily[2].date", "daily"]
    assert result.findings[0].message == (
        "2027-01-06 is a holiday, not a working day of the sprint")
    assert result.findings[1].message == "no daily entry for 2027-01-18 (Monday, day 10 of 10)"


def test_burndown_day_one_above_commitment(grade):
    result = grade(_clean_with(("{date: 2027-01-04, remaining_points: 21,",
                                "{date: 2027-01-04, remaining_points: 30,")), as_of=AS_OF)
    assert where_of(result, "sprint.burndown") == ["daily[0].remaining_points"]
    assert result.findings[0].message == (
        "day 1 (2027-01-04) shows 30 points remaining, more than the 23 points committed")


def test_burndown_day_one_counts_that_days_scope_change(grade):
    # 25 on day 1 is fine with +2 scope that day (23 + 2), 26 is not.
    ok = grade(_clean_with(("{date: 2027-01-04, remaining_points: 21, scope_change: 0}",
                            "{date: 2027-01-04, remaining_points: 25, scope_change: 2}")),
               as_of=AS_OF)
    assert "sprint.burndown" not in rules_of(ok)
    high = grade(_clean_with(("{date: 2027-01-04, remaining_points: 21, scope_change: 0}",
                              "{date: 2027-01-04, remaining_points: 26, scope_change: 2}")),
                 as_of=AS_OF)
    assert high.findings[0].message.endswith("the 23 committed + scope change 2 = 25")


def test_burndown_rise_compares_with_the_previous_recorded_day(grade):
    # With 01-06 missing, 01-07 (20, scope +2) follows 01-05 (21): no rise, only the gap.
    result = grade(_clean_with((DAY3, "")), as_of=AS_OF)
    assert rules_of(result) == {"sprint.daily"}


def test_commitment_without_velocity_is_a_finding(grade):
    result = grade(_clean_with(("velocity_history: [20, 22, 21]", "velocity_history: []")),
                   as_of=AS_OF)
    assert where_of(result, "sprint.commitment") == ["velocity_history"]
    assert "velocity_history is empty" in result.findings[0].message


def test_commitment_with_fewer_than_three_velocities(grade):
    # mean(20, 22) = 21 -> 23.1 allowed: 23 fits. mean(19, 20) = 19.5 -> 21.45: 23 does not.
    fits = grade(_clean_with(("velocity_history: [20, 22, 21]", "velocity_history: [20, 22]")),
                 as_of=AS_OF)
    assert fits.findings == []
    over = grade(_clean_with(("velocity_history: [20, 22, 21]", "velocity_history: [19, 20]")),
                 as_of=AS_OF)
    assert "the only 2 velocities given (19, 20 → 19.50) allows at most 21.45" \
        in over.findings[0].message


def test_review_of_unknown_item(grade):
    result = grade(_clean_with(("demoed: [A-1, A-2, A-3, A-5]", "demoed: [A-1, A-9]")),
                   as_of=AS_OF)
    assert where_of(result, "sprint.review") == ["review.demoed[1]"]
    assert "A-9 was demoed but there is no backlog item" in result.findings[0].message


def test_retro_with_no_actions_and_with_one_good_action(grade):
    none = grade(_clean_with(("  actions:\n    - {action: Escalate sandbox outages within 4 "
                              "hours, owner: Ana, due: 2027-01-22}", "  actions: []")),
                 as_of=AS_OF)
    assert where_of(none, "sprint.retro") == ["retro.actions"]
    # One owned, dated action is enough even if another lacks a due date.
    extra = grade(_clean_with(("due: 2027-01-22}", "due: 2027-01-22}\n"
                               "    - {action: Book reviews earlier, owner: Ben}")),
                  as_of=AS_OF)
    assert extra.findings == []


def test_committed_item_without_points(grade):
    result = grade(_clean_with(("{id: A-3, title: List saved cards, type: story, points: 3,",
                                "{id: A-3, title: List saved cards, type: story,")),
                   as_of=AS_OF)
    assert where_of(result, "sprint.points") == ["backlog[2].points"]
    assert result.findings[0].message == (
        "A-3 is committed but has no points, so the burndown cannot count it")


def test_length_over_twenty_and_exercise_parameter():
    import yaml

    from pmpath.artifacts.base import GradeContext

    data = yaml.safe_load((FIXTURES / "length-15.yaml").read_text(encoding="utf-8"))
    model = SPEC.model.model_validate(data)
    assert SPEC.grade(model, GradeContext(as_of=AS_OF, params={"length_days": 15})).findings \
        == []
    data["length_days"] = 25
    too_long = SPEC.grade(SPEC.model.model_validate(data),
                          GradeContext(as_of=AS_OF, params={"length_days": 25})).findings
    length = [finding for finding in too_long if finding.rule == "sprint.length"]
    assert [finding.message for finding in length] == [
        "length_days is 25, but a sprint lasts at most 20 working days (four weeks)"]


def test_absurd_length_stays_bounded(grade):
    result = grade(_clean_with(("length_days: 10", "length_days: 1000000")), as_of=AS_OF)
    assert "sprint.length" in rules_of(result)
    assert len(result.findings) < 300


def test_wrong_types_are_schema_findings(grade):
    result = grade(_clean_with(("{date: 2027-01-05, remaining_points: 21,",
                                "{date: 2027-01-05, remaining_points: lots,")), as_of=AS_OF)
    assert where_of(result, "common.schema") == ["daily[1].remaining_points"]


def test_template_fails_with_placeholders(grade):
    result = grade(TEMPLATE, as_of=AS_OF)
    assert "common.placeholder" in rules_of(result)
    assert "common.schema" not in rules_of(result)
    assert "sprint_goal" in where_of(result, "common.placeholder")
    assert not result.passed


def test_model_answer_passes_cleanly(grade):
    result = grade(EXAMPLE, as_of=AS_OF)
    assert result.findings == []
    assert result.score == 100
    # 21 committed at planning + PAY-108 (2) added = 23; PAY-105 (3) not done -> 20 done.
    assert result.metrics["committed_points"] == 23
    assert result.metrics["completed_points"] == 20
    assert result.metrics["burndown"][-1]["actual"] == 3


# -- the picture ----------------------------------------------------------------------


def _render(result, width: int = 80) -> str:
    return render_text("sprint", result, width)


def test_render_draws_every_day(grade):
    text = _render(grade(EXAMPLE, as_of=AS_OF))
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "committed 23 points · completed 20 · say/do 87%" in text
    for day in ("2027-01-04", "2027-01-11", "2027-01-15"):
        assert day in text
    assert "2027-01-09" not in text                # Saturday
    assert "█" in text and ("│" in text or "┃" in text) and "\x1b[" not in text


def test_render_marks_missing_days(grade):
    text = _render(grade(FIXTURES / "missing-day.yaml", as_of=AS_OF))
    row = next(line for line in text.splitlines() if "2027-01-06" in line)
    assert "no entry" in row and "—" in row


def test_burndown_bar():
    from pmpath.render.sprint import burndown_bar

    # Scale 20 points over 10 cells: actual 10 fills 5 cells; ideal 16 marks cell 8 (index 7).
    assert burndown_bar(10, 16, 20, width=10) == "█████  │  "
    # Ideal 6 falls on the actual bar (cell 3): drawn as a heavier mark.
    assert burndown_bar(10, 6, 20, width=10) == "██┃██     "
    assert burndown_bar(None, 20, 20, width=10) == "         │"
