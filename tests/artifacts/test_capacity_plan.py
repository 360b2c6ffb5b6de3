"""capacity-plan: every rule both ways, hints that fit what was typed, the figures, the picture.

The arithmetic itself is tested in tests/analysis/test_capacity.py. Figures quoted here:
the clean fixture has 63 workdays (65 weekdays minus 2 holidays) and eight people at fte
1.0 with 5 days off: 8 x 58 = 464 available, x 0.7 = 324.8 capacity, x 0.85 = 276.08
usable, against a demand of 200.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from support import fresh_template, render_text, rules_named_in_fixtures, rules_of, where_of

from pmpath.kinds.base import Context
from pmpath.kinds.capacity_plan import SPEC
from pmpath.kinds.capacity_plan.render import member_bar, utilisation_band, utilisation_bar
from pmpath.kinds.capacity_plan.rules import RULES, THRESHOLDS, person_key

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "capacity-plan"
EXAMPLE = REPO / "curriculum" / "examples" / "capacity-plan.yaml"
TEMPLATE = REPO / "templates" / "capacity-plan" / "capacity-plan.yaml"
AS_OF = date(2027, 1, 20)

SPEC_RULES = {"capacity.team-size", "capacity.quarter", "capacity.fte", "capacity.days-off",
              "capacity.focus", "capacity.buffer", "capacity.role-demand", "capacity.holidays",
              "capacity.overcommitted", "capacity.roles"}
SPEC_METRICS = {"workdays", "capacity_days", "usable_days", "demand_days", "utilization",
                "per_sprint_days", "roles", "public_holidays", "members"}


def _clean_with(*edits: tuple[str, str]) -> str:
    text = (FIXTURES / "clean.yaml").read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def _only(result, rule: str):
    hits = [finding for finding in result.findings if finding.rule == rule]
    assert len(hits) == 1, [(f.rule, f.where, f.message) for f in result.findings]
    return hits[0]


# -- the contract ---------------------------------------------------------------------


def test_rules_match_the_spec() -> None:
    assert {rule.id for rule in RULES} == SPEC_RULES
    severities = {rule.id: rule.severity for rule in RULES}
    # focus and buffer are errors at absurd values and warnings at unusual ones; the rule's
    # own severity is the worse one, each finding carries its own.
    assert {rule for rule, severity in severities.items() if severity == "warning"} == {
        "capacity.holidays", "capacity.roles"}
    for rule in RULES:
        assert rule.rationale and rule.hint and rule.passes and rule.fails
        assert rule.weight in (1, 2, 3)
    assert SPEC.defaults == {"team_size": 8}


def test_the_rubric_holds_the_same_thresholds_as_the_defaults(curriculum) -> None:
    rubric = yaml.safe_load((REPO / "curriculum" / "rubric.yaml").read_text(encoding="utf-8"))
    written = {rule: values for rule, values in rubric["thresholds"].items()
               if rule.startswith("capacity.")}
    assert written == THRESHOLDS
    assert {rule: curriculum.thresholds[rule] for rule in THRESHOLDS} == THRESHOLDS
    assert {"capacity.role-demand", "capacity.holidays"} <= set(rubric["weights"])


def test_every_rule_has_a_flawed_fixture() -> None:
    assert rules_named_in_fixtures(FIXTURES, "capacity") == SPEC_RULES


# -- the clean plan and its figures ---------------------------------------------------


def test_clean_fixture_passes_with_metrics(grade) -> None:
    result = grade(FIXTURES / "clean.yaml", as_of=AS_OF)
    assert result.findings == []
    assert result.exercise == "quarter-capacity-plan"
    metrics = result.metrics
    assert set(metrics) == SPEC_METRICS
    assert metrics["workdays"] == 63
    assert metrics["capacity_days"] == pytest.approx(324.8)
    assert metrics["usable_days"] == pytest.approx(276.08)
    assert metrics["demand_days"] == 200
    assert metrics["utilization"] == pytest.approx(200 / 276.08, abs=1e-4)
    assert metrics["per_sprint_days"] == pytest.approx(276.08 * 10 / 63, abs=1e-4)
    assert list(metrics["members"]) == ["Ana", "Ben", "Chen", "Dara", "Elif", "Farid",
                                        "Grace", "Hugo"]
    assert metrics["members"]["Farid"] == {
        "role": "QA engineer", "fte": 1.0, "days_off": 5.0,
        "available_days": 58.0, "planned_days": pytest.approx(34.51)}
    # No commitment names a role: every role gives its usable days to nothing named.
    assert list(metrics["roles"]) == ["engineer", "QA engineer", "designer", "product manager"]
    assert metrics["roles"]["engineer"] == {"usable_days": pytest.approx(5 * 58 * 0.595),
                                            "demand_days": 0, "utilization": 0}
    assert metrics["public_holidays"] == []   # no country named


def test_model_answer_passes_cleanly_with_roles_and_a_country(grade) -> None:
    # Worked example B of tests/analysis/test_capacity.py.
    result = grade(EXAMPLE, as_of=AS_OF)
    assert result.findings == [] and not result.skipped and not result.internal_errors
    assert result.score == 100
    metrics = result.metrics
    assert metrics["workdays"] == 62
    assert metrics["public_holidays"] == ["2027-01-18", "2027-02-15"]
    assert metrics["usable_days"] == pytest.approx(230.265)
    assert metrics["utilization"] == pytest.approx(0.8469, abs=1e-4)
    assert metrics["roles"]["product designer"] == {
        "usable_days": pytest.approx(17.255), "demand_days": 10,
        "utilization": pytest.approx(0.5795, abs=1e-4)}
    assert metrics["roles"]["site reliability engineer"]["demand_days"] == 12
    assert len(metrics["members"]) == 8
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    assert any(commitment.get("role") for commitment in data["commitments"])


def test_seven_members_metrics_follow_the_file(grade) -> None:
    # One person fewer: 7 x 58 = 406 x 0.7 x 0.85 = 241.57 usable.
    result = grade(FIXTURES / "seven-members.yaml", as_of=AS_OF)
    assert result.metrics["usable_days"] == pytest.approx(241.57)
    assert len(result.metrics["members"]) == 7


# -- each flawed fixture ---------------------------------------------------------------


@pytest.mark.parametrize(("fixture", "rule", "severity", "wheres"), [
    ("seven-members.yaml", "capacity.team-size", "error", ["members"]),
    ("duplicate-person.yaml", "capacity.team-size", "error", ["members[7].name"]),
    ("overcommitted.yaml", "capacity.overcommitted", "error", ["commitments"]),
    ("fte-over-one.yaml", "capacity.fte", "error", ["members[2].fte"]),
    ("focus-too-high.yaml", "capacity.focus", "error", ["focus_factor"]),
    ("focus-one.yaml", "capacity.focus", "error", ["focus_factor"]),
    ("ten-week-quarter.yaml", "capacity.quarter", "error", ["quarter"]),
    ("one-role.yaml", "capacity.roles", "warning", ["members"]),
    ("days-off-too-many.yaml", "capacity.days-off", "error", ["members[3].days_off"]),
    ("buffer-none.yaml", "capacity.buffer", "error", ["buffer"]),
    ("role-overbooked.yaml", "capacity.role-demand", "error", ["commitments[1].role"]),
    ("role-unknown.yaml", "capacity.role-demand", "error", ["commitments[2].role"]),
    ("no-holidays.yaml", "capacity.holidays", "warning", ["holidays"]),
    ("weekend-holiday.yaml", "capacity.holidays", "warning", ["holidays[1]"]),
])
def test_each_seeded_flaw_reports_its_rule_only(grade, fixture, rule, severity, wheres) -> None:
    result = grade(FIXTURES / fixture, as_of=AS_OF)
    assert rules_of(result) == {rule}
    assert where_of(result, rule) == wheres
    assert {finding.severity for finding in result.findings} == {severity}
    assert result.passed == (severity == "warning")
    assert result.score < 100


def test_messages_carry_the_numbers(grade) -> None:
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
    role = grade(FIXTURES / "role-overbooked.yaml", as_of=AS_OF).findings[0]
    # Grace: (63 - 5) x 0.5 = 29 available, x 0.595 = 17.255 usable; 40 - 17.255 = 22.745.
    assert role.message == ("designer work needs 40.0 days (Checkout visual design 40) but the "
                            "designer time on the team (Grace at fte 0.5) gives 17.3 usable "
                            "days: 22.7 days short")
    assert "22.7 days of designer work" in role.hint


# -- capacity.team-size: each person once ------------------------------------------------


@pytest.mark.parametrize("again", ["Ana", "ANA", "ana (team lead)", " A na ", "Ana [contractor]"])
def test_a_person_listed_twice_is_found_however_written(grade, again: str) -> None:
    result = grade(_clean_with(("{name: Hugo,", f"{{name: '{again}',")), as_of=AS_OF)
    finding = _only(result, "capacity.team-size")
    assert finding.where == "members[7].name"
    assert "members[0]" in finding.message
    assert "team member who is missing" in finding.hint and "8 different people" in finding.hint


def test_names_that_differ_are_different_people() -> None:
    assert person_key("Ana Costa (tech lead)") == person_key("anacosta")
    assert person_key("Ana Costa") != person_key("Ana Cota")


def test_nine_entries_with_a_repeat_say_which_to_delete(grade) -> None:
    result = grade(_clean_with(("  - {name: Hugo,", "  - {name: ana, role: engineer, fte: 1.0, "
                                "days_off: 5}\n  - {name: Hugo,")), as_of=AS_OF)
    count, repeat = [f for f in result.findings if f.rule == "capacity.team-size"]
    assert count.where == "members" and "lists 9 members" in count.message
    assert "members[7], the second entry for Ana" in count.hint
    assert repeat.where == "members[7].name"
    assert repeat.hint.startswith("Delete members[7]")


def test_placeholder_names_are_left_to_common_placeholder(grade) -> None:
    result = grade(_clean_with(("{name: Ana,", "{name: <full name>,"),
                               ("{name: Ben,", "{name: <full name>,")), as_of=AS_OF)
    assert rules_of(result) == {"common.placeholder"}


def test_exercise_team_size_comes_from_the_parameters() -> None:
    data = yaml.safe_load((FIXTURES / "seven-members.yaml").read_text(encoding="utf-8"))
    model = SPEC.model.model_validate(data)
    assert SPEC.grade(model, Context(as_of=AS_OF, params={"team_size": 7})).findings == []
    eight = SPEC.grade(model, Context(as_of=AS_OF, params={"team_size": 8})).findings
    assert [finding.rule for finding in eight] == ["capacity.team-size"]


# -- capacity.fte: a hint that reads the value typed ------------------------------------------


@pytest.mark.parametrize(("typed", "message", "hint"), [
    ("50", "Ana has fte 50;", "50% of a week is fte: 0.5; set fte: 0.5"),
    ("100", "Ana has fte 100;", "set fte: 1.0"),
    ("'20%'", "Ana has fte '20%', a percentage", "20% of a week is fte: 0.2"),
    ("'50 %'", "Ana has fte '50 %', a percentage", "is fte: 0.5"),
    ("1.5", "Ana has fte 1.5;", "an fte above 1 means more than full-time; set 1.0 or split"),
    ("-0.5", "Ana has fte -0.5;", "if you meant 0.5, set fte: 0.5"),
    ("half time", "Ana has fte 'half time'", "'half time' is fte: 0.5"),
    ("lots", "Ana has fte 'lots'", "fte: 1.0 for full time, 0.5 for half time"),
    ("0", "Ana has fte 0;", "set days_off: 63 (the quarter's workdays)"),
])
def test_fte_hints_fit_the_value(grade, typed: str, message: str, hint: str) -> None:
    result = grade(_clean_with(("{name: Ana, role: engineer, fte: 1.0",
                                f"{{name: Ana, role: engineer, fte: {typed}")), as_of=AS_OF)
    finding = _only(result, "capacity.fte")
    assert finding.where == "members[0].fte"
    assert finding.message.startswith(message), finding.message
    assert hint.lower() in finding.hint.lower(), finding.hint
    if typed == "50":
        assert "fte: 1.0" not in finding.hint
    assert "common.schema" not in rules_of(result)


def test_an_fte_written_as_quoted_number_is_that_number(grade) -> None:
    result = grade(_clean_with(("{name: Ana, role: engineer, fte: 1.0",
                                "{name: Ana, role: engineer, fte: '0.5'")), as_of=AS_OF)
    assert result.findings == []
    assert result.metrics["members"]["Ana"]["available_days"] == 29


def test_a_percentage_fte_counts_as_its_share_in_the_figures(grade) -> None:
    result = grade(_clean_with(("{name: Ana, role: engineer, fte: 1.0",
                                "{name: Ana, role: engineer, fte: '50%'")), as_of=AS_OF)
    assert result.metrics["members"]["Ana"] == {
        "role": "engineer", "fte": "50%", "days_off": 5.0, "available_days": 29.0,
        "planned_days": pytest.approx(29 * 0.595)}


def test_an_fte_that_is_not_a_value_is_a_schema_finding(grade) -> None:
    result = grade(_clean_with(("{name: Ana, role: engineer, fte: 1.0",
                                "{name: Ana, role: engineer, fte: [1]")), as_of=AS_OF)
    finding = _only(result, "common.schema")
    assert finding.where == "members[0].fte"
    assert "1.0 for full time" in finding.message


# -- capacity.days-off ------------------------------------------------------------------------


def test_someone_away_all_quarter_keeps_their_place(grade) -> None:
    finding = grade(FIXTURES / "days-off-too-many.yaml", as_of=AS_OF).findings[0]
    assert "set days_off: 63 (the quarter's workdays)" in finding.hint
    assert "removing them breaks the team size of 8" in finding.hint
    negative = grade(_clean_with(("{name: Ben, role: engineer, fte: 1.0, days_off: 5}",
                                  "{name: Ben, role: engineer, fte: 1.0, days_off: -2}")),
                     as_of=AS_OF)
    finding = _only(negative, "capacity.days-off")
    assert finding.message == "Ben has -2 days off; days off cannot be negative"
    assert "set days_off: 2" in finding.hint


# -- capacity.focus and capacity.buffer: errors and warnings -------------------------------------


@pytest.mark.parametrize(("old", "new", "rule", "severity"), [
    ("focus_factor: 0.7", "focus_factor: 1.0", "capacity.focus", "error"),
    ("focus_factor: 0.7", "focus_factor: 0.91", "capacity.focus", "error"),
    ("focus_factor: 0.7", "focus_factor: 0.9", "capacity.focus", "warning"),
    ("focus_factor: 0.7", "focus_factor: 0.86", "capacity.focus", "warning"),
    ("focus_factor: 0.7", "focus_factor: 0.45", "capacity.focus", "warning"),
    ("focus_factor: 0.7", "focus_factor: 0.4", "capacity.focus", "warning"),
    ("focus_factor: 0.7", "focus_factor: 0.39", "capacity.focus", "error"),
    ("focus_factor: 0.7", "focus_factor: 0", "capacity.focus", "error"),
    ("buffer: 0.15", "buffer: 0", "capacity.buffer", "error"),
    ("buffer: 0.15", "buffer: 0.04", "capacity.buffer", "error"),
    ("buffer: 0.15", "buffer: 0.05", "capacity.buffer", "warning"),
    ("buffer: 0.15", "buffer: 0.3", "capacity.buffer", "warning"),
    ("buffer: 0.15", "buffer: 0.4", "capacity.buffer", "warning"),
    ("buffer: 0.15", "buffer: 0.45", "capacity.buffer", "error"),
])
def test_focus_and_buffer_severity_by_range(grade, old, new, rule, severity) -> None:
    result = grade(_clean_with((old, new)), as_of=AS_OF)
    finding = _only(result, rule)
    assert finding.severity == severity
    assert result.passed == (severity == "warning" and not result.errors)


@pytest.mark.parametrize(("old", "new", "rule", "hint"), [
    ("focus_factor: 0.7", "focus_factor: 70", "capacity.focus", "70% is focus_factor: 0.7"),
    ("focus_factor: 0.7", "focus_factor: 95", "capacity.focus",
     "95% would be focus_factor: 0.95, still outside"),
    ("buffer: 0.15", "buffer: 15", "capacity.buffer", "15% is buffer: 0.15"),
    ("buffer: 0.15", "buffer: -0.15", "capacity.buffer", "If you meant 0.15, set buffer: 0.15"),
])
def test_focus_and_buffer_hints_read_percentages(grade, old, new, rule, hint) -> None:
    finding = _only(grade(_clean_with((old, new)), as_of=AS_OF), rule)
    assert finding.severity == "error"
    assert hint in finding.hint, finding.hint


def test_focus_one_says_nobody_plans_a_whole_day(grade) -> None:
    finding = grade(FIXTURES / "focus-one.yaml", as_of=AS_OF).findings[0]
    assert finding.message.startswith("focus_factor 1.0 assumes 100% of each day")
    assert "focus_factor: 0.7" in finding.hint


def test_thresholds_come_from_the_curriculum(tmp_path: Path) -> None:
    from pmpath.core.curriculum import load_curriculum
    from pmpath.core.grading import grade_file

    folder = tmp_path / "curriculum"
    shutil.copytree(REPO / "curriculum", folder)
    rubric_file = folder / "rubric.yaml"
    text = rubric_file.read_text(encoding="utf-8")
    # An instructor whose teams measure 0.9: only the upper warning bound changes, the rest
    # keep pmpath's defaults.
    changed = text.replace("capacity.focus: {error_below: 0.4, error_above: 0.9, "
                           "warn_below: 0.5, warn_above: 0.85}",
                           "capacity.focus: {warn_above: 0.9}")
    assert changed != text
    rubric_file.write_text(changed, encoding="utf-8")
    curriculum = load_curriculum(folder)
    plan = tmp_path / "capacity-plan.yaml"
    plan.write_text(_clean_with(("focus_factor: 0.7", "focus_factor: 0.9")), encoding="utf-8")
    assert grade_file(plan, as_of=AS_OF, curriculum=curriculum).findings == []
    plan.write_text(_clean_with(("focus_factor: 0.7", "focus_factor: 0.95")), encoding="utf-8")
    finding = _only(grade_file(plan, as_of=AS_OF, curriculum=curriculum), "capacity.focus")
    assert finding.severity == "error" and "0.5 to 0.9" in finding.message


# -- capacity.role-demand -------------------------------------------------------------------


def test_roles_are_compared_without_case(grade) -> None:
    # Grace (designer, fte 1.0): 58 x 0.595 = 34.51 usable for 30 days of design.
    result = grade(_clean_with(("{name: Payout reports, estimate_days: 50}",
                                "{name: Payout reports, estimate_days: 20}\n"
                                "  - {name: Visual design, estimate_days: 30, role: DESIGNER}")),
                   as_of=AS_OF)
    assert result.findings == []
    assert result.metrics["roles"]["designer"]["demand_days"] == 30


def test_work_for_one_role_adds_up_across_commitments(grade) -> None:
    # 20 + 20 = 40 days for the designer's 34.51 usable: 5.49 short.
    result = grade(_clean_with(("{name: Payout reports, estimate_days: 50}",
                                "{name: Payout reports, estimate_days: 10}\n"
                                "  - {name: Visual design, estimate_days: 20, role: designer}\n"
                                "  - {name: Icons, estimate_days: 20, role: Designer}")),
                   as_of=AS_OF)
    finding = _only(result, "capacity.role-demand")
    assert finding.where == "commitments[3].role"
    assert "needs 40.0 days (Visual design 20, Icons 20)" in finding.message
    assert "5.5 days short" in finding.message


def test_an_unknown_role_suggests_the_team_role_it_resembles(grade) -> None:
    result = grade(_clean_with(("{name: Payout reports, estimate_days: 50}",
                                "{name: Payout reports, estimate_days: 50, role: QA}")),
                   as_of=AS_OF)
    finding = _only(result, "capacity.role-demand")
    assert finding.where == "commitments[2].role"
    assert finding.message == "'Payout reports' is for the role 'QA', but no member has that role"
    assert finding.hint.startswith("Did you mean role: QA engineer?")
    unknown = grade(FIXTURES / "role-unknown.yaml", as_of=AS_OF).findings[0]
    assert "add the data analyst who will do this work" in unknown.hint


# -- capacity.holidays and the country --------------------------------------------------------


def test_a_country_counts_its_public_holidays(grade) -> None:
    # US: Martin Luther King Jr. Day (2027-01-18) and Presidents' Day (2027-02-15) fall on
    # weekdays inside the quarter; New Year's Day 2027-01-01 falls before it.
    by_country = grade(_clean_with(("holidays: [2027-01-18, 2027-02-15]", "country: US")),
                       as_of=AS_OF)
    by_hand = grade(FIXTURES / "clean.yaml", as_of=AS_OF)
    assert by_country.findings == []
    assert by_country.metrics["workdays"] == by_hand.metrics["workdays"] == 63
    assert by_country.metrics["usable_days"] == pytest.approx(by_hand.metrics["usable_days"])
    assert by_country.metrics["public_holidays"] == ["2027-01-18", "2027-02-15"]
    # Listing them as well counts each day once.
    both = grade(_clean_with(("holidays: [2027-01-18, 2027-02-15]",
                              "country: us\nholidays: [2027-01-18, 2027-02-15]")), as_of=AS_OF)
    assert both.findings == [] and both.metrics["workdays"] == 63


def test_a_country_in_bavaria_adds_its_own_holidays(grade) -> None:
    # DE-BY in Q1 2027: Epiphany (Wed 2027-01-06), Good Friday (2027-03-26) and Easter Monday
    # (2027-03-29): 65 - 3 = 62 workdays, and the two listed US days are not public here.
    result = grade(_clean_with(("holidays: [2027-01-18, 2027-02-15]", "country: DE-BY")),
                   as_of=AS_OF)
    assert result.metrics["public_holidays"] == ["2027-01-06", "2027-03-26", "2027-03-29"]
    assert result.metrics["workdays"] == 62


def test_an_unknown_country_is_a_schema_finding(grade) -> None:
    result = grade(_clean_with(("holidays: [2027-01-18, 2027-02-15]", "country: Narnia")),
                   as_of=AS_OF)
    assert where_of(result, "common.schema") == ["country"]


@pytest.mark.parametrize(("listed", "message", "hint"), [
    ("2027-02-13", "holiday 2027-02-13 is a Saturday",
     "If it is observed on Friday 2027-02-12, list that date instead"),
    ("2027-02-14", "holiday 2027-02-14 is a Sunday", "Remove it: Monday 2027-02-15"),
    ("2026-03-05", "holiday 2026-03-05 is outside the quarter (2027-01-04 to 2027-04-02)",
     "Did you mean 2027-03-05?"),
    ("2027-05-31", "holiday 2027-05-31 is outside the quarter", "Check the date for a typo"),
])
def test_holidays_that_change_nothing(grade, listed: str, message: str, hint: str) -> None:
    result = grade(_clean_with(("holidays: [2027-01-18, 2027-02-15]",
                                f"holidays: [2027-01-18, 2027-02-15, {listed}]")), as_of=AS_OF)
    finding = _only(result, "capacity.holidays")
    assert (finding.where, finding.severity) == ("holidays[2]", "warning")
    assert finding.message.startswith(message), finding.message
    assert hint in finding.hint, finding.hint
    assert result.passed


def test_a_weekend_holiday_observed_on_a_counted_day_is_simply_removed(grade) -> None:
    finding = grade(FIXTURES / "weekend-holiday.yaml", as_of=AS_OF).findings[0]
    assert "If it is observed on Monday 2027-02-15" in finding.hint


# -- the other side of each range --------------------------------------------------------------


@pytest.mark.parametrize(("old", "new", "rule", "where"), [
    ("{name: Ana, role: engineer, fte: 1.0", "{name: Ana, role: engineer, fte: 0",
     "capacity.fte", "members[0].fte"),
    ("end: 2027-04-02", "end: 2027-04-16", "capacity.quarter", "quarter"),  # 103 days = 14.7
])
def test_other_side_of_each_range(grade, old, new, rule, where) -> None:
    result = grade(_clean_with((old, new)), as_of=AS_OF)
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
def test_boundaries_are_inside(grade, old, new) -> None:
    result = grade(_clean_with((old, new)), as_of=AS_OF)
    assert rules_of(result) - {"capacity.overcommitted"} == set()


def test_demand_equal_to_usable_is_not_overcommitted(grade) -> None:
    # Usable is 276.08; demand 90 + 60 + 126.08 = 276.08 exactly fits.
    result = grade(_clean_with(("estimate_days: 50}", "estimate_days: 126.08}")), as_of=AS_OF)
    assert result.findings == []
    over = grade(_clean_with(("estimate_days: 50}", "estimate_days: 126.2}")), as_of=AS_OF)
    assert rules_of(over) == {"capacity.overcommitted"}


def test_a_quarter_that_ends_before_it_starts_skips_the_calendar_rules(grade) -> None:
    result = grade(_clean_with(("end: 2027-04-02", "end: 2026-12-18")), as_of=AS_OF)
    finding = _only(result, "capacity.quarter")
    assert finding.message == "the quarter ends on 2026-12-18, before it starts on 2027-01-04"
    assert "end: 2027-04-02" in finding.hint
    skipped = {item.rule: item.because for item in result.skipped}
    assert set(skipped) == {"capacity.days-off", "capacity.role-demand", "capacity.holidays",
                            "capacity.overcommitted"}
    assert all("see capacity.quarter" in because for because in skipped.values())
    assert result.figures is None and not result.internal_errors


def test_wrong_types_are_schema_findings(grade) -> None:
    result = grade(_clean_with(("sprint_length_days: 10", "sprint_length_days: two weeks")),
                   as_of=AS_OF)
    assert where_of(result, "common.schema") == ["sprint_length_days"]
    missing = grade(_clean_with(("  - {name: Ana, role: engineer, fte: 1.0, days_off: 5}",
                                 "  - {name: Ana, fte: 1.0, days_off: 5}")), as_of=AS_OF)
    assert where_of(missing, "common.schema") == ["members[0].role"]


def test_template_fails_only_on_placeholders(grade) -> None:
    result = grade(fresh_template("capacity-plan"), as_of=AS_OF)
    assert rules_of(result) == {"common.placeholder"}
    assert not result.passed
    assert "team" in where_of(result, "common.placeholder")
    data = yaml.safe_load(fresh_template("capacity-plan"))
    assert len(data["members"]) == 8
    text = fresh_template("capacity-plan")
    for field in ("team", "quarter", "sprint_length_days", "focus_factor", "buffer", "country",
                  "holidays", "name", "role", "fte", "days_off", "estimate_days"):
        assert f"# {field}" in text or f"#   {field}:" in text or f"{field}:" in text


# -- the picture ----------------------------------------------------------------------------


def _render(result, width: int = 80) -> str:
    return render_text("capacity-plan", result, width)


def test_render_shows_calendar_members_roles_and_totals_without_colour(grade) -> None:
    text = _render(grade(EXAMPLE, as_of=AS_OF))
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "62 workdays" in text and "65 weekdays" in text
    assert "2027-01-18*" in text and "2027-03-05" in text and "public holiday of US" in text
    assert "Ana Costa" in text and "Hugo Martins" in text
    assert "57.0" in text                          # Ana's available days
    assert "Work named for a role" in text and "product designer" in text
    assert "58% within plan" in text               # 10 / 17.255
    assert "230.3 days" in text and "195.0 days" in text and "270.9 days" in text
    assert "85% within plan" in text               # 195 / 230.265
    assert "█" in text and "░" in text and "\x1b[" not in text


def test_render_overbooked_role_and_overcommitted_say_so(grade) -> None:
    assert "101% OVER CAPACITY" in _render(grade(FIXTURES / "overcommitted.yaml", as_of=AS_OF))
    role = _render(grade(FIXTURES / "role-overbooked.yaml", as_of=AS_OF))
    assert "232% OVER CAPACITY" in role            # 40 / 17.255
    assert all(len(line) <= 80 for line in role.splitlines())


def test_render_without_holidays_says_so(grade) -> None:
    text = _render(grade(FIXTURES / "no-holidays.yaml", as_of=AS_OF))
    assert "no holidays: 65 workdays" in text
    assert "Work named for a role" not in text


@pytest.mark.parametrize(("utilization", "label"), [
    (0.85, "within plan"), (0.86, "tight"), (1.0, "tight"), (1.01, "over capacity"),
    (None, "no usable capacity")])
def test_utilisation_bands(utilization, label) -> None:
    assert utilisation_band(utilization)[0] == label


def test_bars() -> None:
    # 63 workdays in 16 cells: 34.51 planned -> 9 cells, 58 available -> 15 cells, 1 away.
    assert member_bar(58, 34.51, 63) == "█" * 9 + "▒" * 6 + "░"
    assert utilisation_bar(0.5, width=10) == "█████·····"
    assert utilisation_bar(1.4, width=10) == "█████████▶"
