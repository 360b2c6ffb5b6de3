"""capacity-plan: the arithmetic against hand-worked figures, every rule both ways, the picture."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from support import render_text, rules_named_in_fixtures, rules_of, where_of

from pmpath.artifacts.capacity_plan import (
    RULES,
    SPEC,
    capacity_figures,
    quarter_weeks,
    quarter_workdays,
)

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "capacity-plan"
EXAMPLE = REPO / "curriculum" / "examples" / "capacity-plan.yaml"
TEMPLATE = REPO / "templates" / "capacity-plan" / "capacity-plan.yaml"
AS_OF = date(2027, 1, 20)
HOLIDAYS = [date(2027, 1, 18), date(2027, 2, 15)]  # Martin Luther King Jr. Day, Presidents' Day

SPEC_RULES = {"capacity.team-size", "capacity.quarter", "capacity.fte", "capacity.days-off",
              "capacity.focus", "capacity.buffer", "capacity.overcommitted", "capacity.roles"}


def _weekdays_by_walking(first: date, last: date, holidays: list[date]) -> int:
    """Count day by day, independently of WorkCalendar's weekly arithmetic."""
    count, day = 0, first
    while day <= last:
        if day.weekday() < 5 and day not in holidays:
            count += 1
        day += timedelta(days=1)
    return count


# -- the arithmetic -------------------------------------------------------------------


def test_q1_2027_workdays():
    # Q1 2027: Monday 2027-01-04 to Friday 2027-04-02 = 89 days = 12 weeks + 5 days,
    # i.e. 13 Monday-to-Friday weeks = 65 weekdays; minus 2 weekday holidays = 63.
    assert date(2027, 1, 4).weekday() == 0 and date(2027, 4, 2).weekday() == 4
    assert quarter_workdays(date(2027, 1, 4), date(2027, 4, 2)) == 65
    assert quarter_workdays(date(2027, 1, 4), date(2027, 4, 2), HOLIDAYS) == 63
    assert _weekdays_by_walking(date(2027, 1, 4), date(2027, 4, 2), HOLIDAYS) == 63
    # A holiday on a Saturday (2027-02-13) takes nothing away.
    assert quarter_workdays(date(2027, 1, 4), date(2027, 4, 2),
                            [*HOLIDAYS, date(2027, 2, 13)]) == 63


def test_quarter_weeks_counts_both_ends():
    # Weeks touched, ceil((end - start + 1 day) / 7): 89 days -> 13; Monday-to-Sunday 13
    # weeks -> 13; twelve Monday-to-Friday weeks (82 days) -> 12; 99 days -> 15.
    assert quarter_weeks(date(2027, 1, 4), date(2027, 4, 2)) == 13
    assert quarter_weeks(date(2027, 1, 4), date(2027, 4, 4)) == 13
    assert quarter_weeks(date(2027, 1, 4), date(2027, 3, 26)) == 12
    assert quarter_weeks(date(2027, 1, 4), date(2027, 4, 12)) == 15


def test_capacity_figures_curriculum_worked_example():
    # The curriculum's hint: 63 workdays, eight people at fte 1.0 with 5 days off:
    # (63 - 5) x 1.0 = 58 each, x 8 = 464; x 0.7 focus = 324.8; x (1 - 0.15) = 276.08 usable.
    # Demand 200 -> utilization 200 / 276.08 = 0.72443; per sprint 276.08 / (63 / 10) = 43.822.
    figures = capacity_figures(63, [(1.0, 5)] * 8, focus_factor=0.7, buffer=0.15,
                               estimates=[90, 60, 50], sprint_length_days=10)
    assert figures.workdays == 63
    assert figures.available_days == (58.0,) * 8
    assert figures.capacity_days == pytest.approx(324.8)
    assert figures.usable_days == pytest.approx(276.08)
    assert figures.demand_days == 200
    assert figures.utilization == pytest.approx(0.724427, abs=1e-6)
    assert figures.per_sprint_days == pytest.approx(43.822, abs=1e-3)
    assert figures.planned_days == pytest.approx((58 * 0.7 * 0.85,) * 8)  # 34.51 each


def test_capacity_figures_mixed_team():
    # The model answer's team, 63 workdays: available = (63 - off) x fte
    #   58, 55, 60, 58 (fte 1, off 5/8/3/5), (63-2) x 0.8 = 48.8, (63-10) = 53,
    #   63 x 0.5 = 31.5, (63-4) x 0.5 = 29.5  -> sum 393.8
    # capacity 393.8 x 0.7 = 275.66; usable x 0.85 = 234.311; demand 195 -> 0.83223.
    members = [(1.0, 5), (1.0, 8), (1.0, 3), (1.0, 5), (0.8, 2), (1.0, 10), (0.5, 0), (0.5, 4)]
    figures = capacity_figures(63, members, focus_factor=0.7, buffer=0.15,
                               estimates=[64, 45, 32, 24, 18, 12], sprint_length_days=10)
    assert figures.available_days == pytest.approx((58, 55, 60, 58, 48.8, 53, 31.5, 29.5))
    assert sum(figures.available_days) == pytest.approx(393.8)
    assert figures.capacity_days == pytest.approx(275.66)
    assert figures.usable_days == pytest.approx(234.311)
    assert figures.utilization == pytest.approx(195 / 234.311)
    assert figures.per_sprint_days == pytest.approx(234.311 * 10 / 63)


def test_capacity_figures_edges():
    # Days off beyond the quarter give zero days, not negative ones.
    figures = capacity_figures(63, [(1.0, 70), (1.0, 3)], focus_factor=0.5, buffer=0.2,
                               estimates=[], sprint_length_days=10)
    assert figures.available_days == (0.0, 60.0)
    assert figures.usable_days == pytest.approx(60 * 0.5 * 0.8)  # 24
    assert figures.demand_days == 0 and figures.utilization == 0
    # Nothing usable: utilisation is undefined rather than infinite.
    none = capacity_figures(0, [(1.0, 0)], focus_factor=0.7, buffer=0.15, estimates=[10],
                            sprint_length_days=10)
    assert none.utilization is None and none.per_sprint_days is None


# -- the whole file -------------------------------------------------------------------


def test_rules_match_the_spec():
    assert {rule.id for rule in RULES} == SPEC_RULES
    for rule in RULES:
        assert rule.rationale and rule.hint and rule.passes and rule.fails
        assert rule.weight in (1, 2, 3)
        assert (rule.weight == 1) == (rule.severity == "warning")
    assert SPEC.defaults == {"team_size": 8}


def test_clean_fixture_passes_with_metrics(grade):
    result = grade(FIXTURES / "clean.yaml", as_of=AS_OF)
    assert result.findings == []
    assert result.exercise == "quarter-capacity-plan"
    metrics = result.metrics
    # Same numbers as test_capacity_figures_curriculum_worked_example.
    assert metrics["workdays"] == 63
    assert metrics["capacity_days"] == pytest.approx(324.8)
    assert metrics["usable_days"] == pytest.approx(276.08)
    assert metrics["demand_days"] == 200
    assert metrics["utilization"] == pytest.approx(200 / 276.08)
    assert metrics["per_sprint_days"] == pytest.approx(276.08 * 10 / 63)
    assert list(metrics["members"]) == ["Ana", "Ben", "Chen", "Dara", "Elif", "Farid",
                                        "Grace", "Hugo"]
    assert metrics["members"]["Farid"] == {
        "role": "QA engineer", "fte": 1.0, "days_off": 5.0,
        "available_days": 58.0, "planned_days": pytest.approx(34.51)}


@pytest.mark.parametrize(("fixture", "rule", "wheres"), [
    ("seven-members.yaml", "capacity.team-size", ["members"]),
    ("overcommitted.yaml", "capacity.overcommitted", ["commitments"]),
    ("fte-over-one.yaml", "capacity.fte", ["members[2].fte"]),
    ("focus-too-high.yaml", "capacity.focus", ["focus_factor"]),
    ("ten-week-quarter.yaml", "capacity.quarter", ["quarter"]),
    ("one-role.yaml", "capacity.roles", ["members"]),
    ("days-off-too-many.yaml", "capacity.days-off", ["members[3].days_off"]),
    ("buffer-none.yaml", "capacity.buffer", ["buffer"]),
])
def test_each_seeded_flaw_reports_its_rule_only(grade, fixture, rule, wheres):
    result = grade(FIXTURES / fixture, as_of=AS_OF)
    assert rules_of(result) == {rule}
    assert where_of(result, rule) == wheres
    severity = next(r.severity for r in RULES if r.id == rule)
    assert result.passed == (severity == "warning")
    assert result.score < 100


def test_every_rule_has_a_flawed_fixture():
    assert rules_named_in_fixtures(FIXTURES, "capacity") == SPEC_RULES


def test_messages_carry_the_numbers(grade):
    # 90 + 60 + 130 = 280 demanded; usable 276.08 -> over by 3.92.
    over = grade(FIXTURES / "overcommitted.yaml", as_of=AS_OF).findings[0]
    assert over.message == "demand 280.0 days exceeds usable 276.1 days by 3.9"
    assert "3.9" in over.hint
    quarter = grade(FIXTURES / "ten-week-quarter.yaml", as_of=AS_OF).findings[0]
    # 2027-01-04..2027-03-12 = 68 days, touching 10 weeks.
    assert "spans 10 weeks" in quarter.message and "12 to 14" in quarter.message
    days_off = grade(FIXTURES / "days-off-too-many.yaml", as_of=AS_OF).findings[0]
    assert days_off.message == "Dara has 70 days off but the quarter has only 63 workdays"
    team = grade(FIXTURES / "seven-members.yaml", as_of=AS_OF).findings[0]
    assert team.message == "the plan lists 7 members, but this exercise is for a team of 8"
    assert "1 missing member " in team.hint
    fte = grade(FIXTURES / "fte-over-one.yaml", as_of=AS_OF).findings[0]
    assert fte.message.startswith("Chen has fte 1.2")
    focus = grade(FIXTURES / "focus-too-high.yaml", as_of=AS_OF).findings[0]
    assert "0.95" in focus.message and "95%" in focus.message


def test_seven_members_metrics_follow_the_file(grade):
    # One person fewer: 7 x 58 = 406 x 0.7 x 0.85 = 241.57 usable.
    result = grade(FIXTURES / "seven-members.yaml", as_of=AS_OF)
    assert result.metrics["usable_days"] == pytest.approx(241.57)
    assert len(result.metrics["members"]) == 7


def _clean_with(old: str, new: str) -> str:
    text = (FIXTURES / "clean.yaml").read_text(encoding="utf-8")
    assert text.count(old) == 1
    return text.replace(old, new)


@pytest.mark.parametrize(("old", "new", "rule", "where"), [
    ("{name: Ana, role: engineer, fte: 1.0", "{name: Ana, role: engineer, fte: 0",
     "capacity.fte", "members[0].fte"),
    ("{name: Ben, role: engineer, fte: 1.0, days_off: 5}",
     "{name: Ben, role: engineer, fte: 1.0, days_off: -2}", "capacity.days-off",
     "members[1].days_off"),
    ("focus_factor: 0.7", "focus_factor: 0.45", "capacity.focus", "focus_factor"),
    ("buffer: 0.15", "buffer: 0.3", "capacity.buffer", "buffer"),
    ("end: 2027-04-02", "end: 2027-04-16", "capacity.quarter", "quarter"),  # 103 days = 14.7
])
def test_other_side_of_each_range(grade, old, new, rule, where):
    result = grade(_clean_with(old, new), as_of=AS_OF)
    assert rule in rules_of(result)
    assert where_of(result, rule) == [where]


@pytest.mark.parametrize(("old", "new"), [
    ("fte: 1.0, days_off: 5}\n  - {name: Ben", "fte: 0.5, days_off: 5}\n  - {name: Ben"),
    ("focus_factor: 0.7", "focus_factor: 0.85"),
    ("focus_factor: 0.7", "focus_factor: 0.5"),
    ("buffer: 0.15", "buffer: 0.25"),
    ("buffer: 0.15", "buffer: 0.1"),
    ("end: 2027-04-02", "end: 2027-03-28"),   # 84 days = exactly 12 weeks
    ("end: 2027-04-02", "end: 2027-04-11"),   # 98 days = exactly 14 weeks
    ("{name: Ben, role: engineer, fte: 1.0, days_off: 5}",
     "{name: Ben, role: engineer, fte: 1.0, days_off: 63}"),  # the whole quarter off
])
def test_boundaries_are_inside(grade, old, new):
    result = grade(_clean_with(old, new), as_of=AS_OF)
    assert rules_of(result) - {"capacity.overcommitted"} == set()


def test_demand_equal_to_usable_is_not_overcommitted(grade):
    # Usable is 276.08; demand 90 + 60 + 126.08 = 276.08 exactly fits.
    result = grade(_clean_with("estimate_days: 50}", "estimate_days: 126.08}"), as_of=AS_OF)
    assert result.findings == []
    over = grade(_clean_with("estimate_days: 50}", "estimate_days: 126.2}"), as_of=AS_OF)
    assert rules_of(over) == {"capacity.overcommitted"}


def test_exercise_team_size_comes_from_the_parameters():
    import yaml

    from pmpath.artifacts.base import GradeContext

    data = yaml.safe_load((FIXTURES / "seven-members.yaml").read_text(encoding="utf-8"))
    model = SPEC.model.model_validate(data)
    assert SPEC.grade(model, GradeContext(as_of=AS_OF, params={"team_size": 7})).findings == []
    eight = SPEC.grade(model, GradeContext(as_of=AS_OF, params={"team_size": 8})).findings
    assert [finding.rule for finding in eight] == ["capacity.team-size"]


def test_wrong_types_are_schema_findings(grade):
    result = grade(_clean_with("sprint_length_days: 10", "sprint_length_days: two weeks"),
                   as_of=AS_OF)
    assert where_of(result, "common.schema") == ["sprint_length_days"]
    missing = grade(_clean_with("  - {name: Ana, role: engineer, fte: 1.0, days_off: 5}",
                                "  - {name: Ana, fte: 1.0, days_off: 5}"), as_of=AS_OF)
    assert where_of(missing, "common.schema") == ["members[0].role"]


def test_template_fails_with_placeholders(grade):
    result = grade(TEMPLATE, as_of=AS_OF)
    assert "common.placeholder" in rules_of(result)
    assert "common.schema" not in rules_of(result)
    assert not result.passed
    assert "team" in where_of(result, "common.placeholder")


def test_model_answer_passes_cleanly(grade):
    result = grade(EXAMPLE, as_of=AS_OF)
    assert result.findings == []
    assert result.score == 100
    assert result.metrics["workdays"] == 63
    assert result.metrics["usable_days"] == pytest.approx(234.311)
    assert len(result.metrics["members"]) == 8


# -- the picture ----------------------------------------------------------------------


def _render(result, width: int = 80) -> str:
    return render_text("capacity-plan", result, width)


def test_render_shows_members_and_totals_without_colour(grade):
    text = _render(grade(EXAMPLE, as_of=AS_OF))
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "Ana Costa" in text and "Hugo Martins" in text
    assert "58.0" in text                          # Ana's available days
    assert "234.3 days" in text and "195.0 days" in text and "275.7 days" in text
    assert "83% within plan" in text               # 195 / 234.311
    assert "█" in text and "░" in text and "\x1b[" not in text


@pytest.mark.parametrize(("utilization", "label"), [
    (0.85, "within plan"), (0.86, "tight"), (1.0, "tight"), (1.01, "over capacity"),
    (None, "no usable capacity")])
def test_utilisation_bands(utilization, label):
    from pmpath.render.capacity_plan import utilisation_band

    assert utilisation_band(utilization)[0] == label


def test_bars():
    from pmpath.render.capacity_plan import member_bar, utilisation_bar

    # 63 workdays in 16 cells: 34.51 planned -> 9 cells, 58 available -> 15 cells, 1 away.
    assert member_bar(58, 34.51, 63) == "█" * 9 + "▒" * 6 + "░"
    assert utilisation_bar(0.5, width=10) == "█████·····"
    assert utilisation_bar(1.4, width=10) == "█████████▶"


def test_render_overcommitted_says_so(grade):
    text = _render(grade(FIXTURES / "overcommitted.yaml", as_of=AS_OF))
    assert "101% OVER CAPACITY" in text            # 280 / 276.08 = 1.014
