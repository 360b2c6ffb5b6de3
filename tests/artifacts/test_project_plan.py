"""project-plan: PERT figures against hand-worked numbers, every rule both ways, the picture."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pytest
from support import render_text, rules_named_in_fixtures, rules_of, where_of

from pmpath.analysis.calendar import WorkCalendar
from pmpath.analysis.schedule import ScheduleError
from pmpath.artifacts.project_plan import (
    RULES,
    SPEC,
    deadline_working_days,
    dependency_problems,
    estimate_problems,
    lifecycle_phase,
    project_schedule,
    schedule_metrics,
)

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "project-plan"
EXAMPLE = REPO / "curriculum" / "examples" / "project-plan.yaml"
TEMPLATE = REPO / "templates" / "project-plan" / "project-plan.yaml"
AS_OF = date(2027, 1, 20)

SPEC_RULES = {"plan.phases", "plan.scope", "plan.estimates", "plan.dependencies",
              "plan.traceability", "plan.owners", "plan.deadline", "plan.confidence",
              "plan.milestones"}
SCHEDULE_METRICS = {"expected_duration_days", "std_dev_days", "critical_path",
                    "deadline_probability", "finish", "tasks"}


def _phi(z: float) -> float:
    """The standard normal CDF, written out independently of the code under test."""
    return 0.5 * (1 + math.erf(z / math.sqrt(2)))


# -- the clean plan, worked by hand ---------------------------------------------------
#
# te = (o + 4m + p) / 6, sigma = (p - o) / 6:
#   W1 (2, 4, 6)   te (2 + 16 + 6) / 6 = 4      sigma 4/6
#   W2 (3, 5, 13)  te (3 + 20 + 13) / 6 = 6     sigma 10/6   after W1
#   W3 (8, 10, 18) te (8 + 40 + 18) / 6 = 11    sigma 10/6   after W2
#   W4 (6, 8, 10)  te (6 + 32 + 10) / 6 = 8     sigma 4/6    after W2
#   W5 (3, 4, 11)  te (3 + 16 + 11) / 6 = 5     sigma 8/6    after W3 and W4
#   W6 (1, 2, 4)   te (1 + 8 + 4) / 6 = 2.1667  sigma 3/6    after W2
# Forward pass: W1 0-4, W2 4-10, W3 10-21, W4 10-18, W6 10-12.17, W5 max(21, 18) = 21-26.
# Expected duration 26; critical path W1 W2 W3 W5.
# Variance (16 + 100 + 100 + 64) / 36 = 280 / 36 = 7.7778; sigma = 2.78887.
# T: Monday 2027-01-04 to Friday 2027-02-12 is 30 weekdays, minus MLK Day (2027-01-18) = 29.
# Chance = Phi((29 - 26) / 2.78887) = Phi(1.0757) = 0.8590.
#
# Dates (working-day index 0 = Jan 4; Jan 18 is skipped, so index 10 = Jan 19), each te
# rounded up: W1 idx 0-3 = Jan 4-7; W2 idx 4-9 = Jan 8-15; W3 idx 10-20 = Jan 19-Feb 2;
# W4 idx 10-17 = Jan 19-28 (float 21 - 18 = 3); W6 rounds 2.17 up to 3 days, idx 10-12 =
# Jan 19-21 (float 26 - 13 = 13, where the fractional PERT float is 13.83);
# W5 idx 21-25 = Feb 3-9. Finish 2027-02-09.


def test_clean_plan_metrics(grade):
    result = grade(FIXTURES / "clean.yaml", as_of=AS_OF)
    assert result.findings == []
    assert result.exercise == "kickoff-to-delivery-plan"
    metrics = result.metrics
    assert metrics["expected_duration_days"] == pytest.approx(26)
    assert metrics["std_dev_days"] == pytest.approx(math.sqrt(280 / 36))
    assert metrics["std_dev_days"] == pytest.approx(2.78887, abs=1e-5)
    assert metrics["critical_path"] == ["W1", "W2", "W3", "W5"]
    assert metrics["deadline_working_days"] == 29
    assert metrics["deadline_probability"] == pytest.approx(_phi(3 / math.sqrt(280 / 36)))
    assert metrics["deadline_probability"] == pytest.approx(0.8590, abs=1e-4)
    assert metrics["finish"] == date(2027, 2, 9)
    assert metrics["deadline"] == date(2027, 2, 12)
    assert metrics["tasks"] == {
        "W1": {"start": date(2027, 1, 4), "finish": date(2027, 1, 7), "total_float": 0},
        "W2": {"start": date(2027, 1, 8), "finish": date(2027, 1, 15), "total_float": 0},
        "W3": {"start": date(2027, 1, 19), "finish": date(2027, 2, 2), "total_float": 0},
        "W4": {"start": date(2027, 1, 19), "finish": date(2027, 1, 28), "total_float": 3},
        "W5": {"start": date(2027, 2, 3), "finish": date(2027, 2, 9), "total_float": 0},
        "W6": {"start": date(2027, 1, 19), "finish": date(2027, 1, 21), "total_float": 13},
    }


def test_schedule_is_the_same_for_check_and_schedule(grade):
    # `pmpath schedule` calls project_schedule + schedule_metrics; check must agree.
    result = grade(FIXTURES / "clean.yaml", as_of=AS_OF)
    plan = SPEC.model.model_validate(_data(FIXTURES / "clean.yaml"))
    metrics = schedule_metrics(project_schedule(plan))
    assert set(metrics) == SCHEDULE_METRICS
    for name in SCHEDULE_METRICS:
        assert metrics[name] == result.metrics[name]


def test_pure_helpers():
    assert estimate_problems(2, 4, 6) == []
    assert estimate_problems(0, 0, 0) == []
    assert estimate_problems(6, 4, 10) == ["optimistic 6 is more than likely 4"]
    assert estimate_problems(-1, 5, 3) == ["optimistic -1 is below 0",
                                           "likely 5 is more than pessimistic 3"]
    assert lifecycle_phase("Initiating") == "initiating"
    assert lifecycle_phase("Monitoring & Controlling") == "monitoring"
    assert lifecycle_phase("execution") == "executing"
    assert lifecycle_phase("design") is None
    # Jan 4 to Feb 12 2027: 30 weekdays, 29 with MLK Day. A deadline before the start: 0.
    calendar = WorkCalendar([date(2027, 1, 18)])
    assert deadline_working_days(date(2027, 1, 4), date(2027, 2, 12), calendar) == 29
    assert deadline_working_days(date(2027, 1, 4), date(2027, 1, 1), calendar) == 0


def test_dependency_problems_finds_every_kind():
    problems = dependency_problems(["A", "B", "C", "B"],
                                   [[], ["A", "Z", "Z"], ["C"], []])
    assert problems.repeated == [(3, "B")]
    assert problems.unknown == [(1, 1, "Z")]          # repeated within depends_on: once
    assert problems.cycle == ["C", "C"]               # C depends on itself
    assert bool(problems)
    assert not dependency_problems(["A", "B"], [[], ["A"]])


# -- the whole file -------------------------------------------------------------------


def test_rules_match_the_spec():
    assert {rule.id for rule in RULES} == SPEC_RULES
    for rule in RULES:
        assert rule.rationale and rule.hint and rule.passes and rule.fails
        assert rule.weight in (1, 2, 3)
        assert (rule.weight == 1) == (rule.severity == "warning")
    assert next(rule for rule in RULES if rule.id == "plan.confidence").severity == "warning"
    assert SPEC.defaults == {}


@pytest.mark.parametrize(("fixture", "wheres"), [
    ("cycle.yaml", {"plan.dependencies": ["work[2].depends_on"]}),
    ("unknown-dependency.yaml", {"plan.dependencies": ["work[3].depends_on[1]"]}),
    ("estimates-out-of-order.yaml", {"plan.estimates": ["work[2].estimate"]}),
    ("phases-out-of-order.yaml", {"plan.phases": ["phases[1].name"]}),
    ("scope-overlap.yaml", {"plan.scope": ["scope.out[2]"]}),
    ("missing-deliverable.yaml", {"plan.traceability": ["work[4].deliverable"]}),
    ("deliverable-without-work.yaml", {"plan.traceability": ["deliverables[3]"]}),
    ("no-owner.yaml", {"plan.owners": ["deliverables[2].owner", "work[3].owner"]}),
    ("milestone-outside.yaml", {"plan.milestones": ["milestones[1].date"]}),
    ("deadline-missed.yaml", {"plan.deadline": ["deadline"], "plan.confidence": ["deadline"]}),
    ("low-confidence.yaml", {"plan.confidence": ["deadline"]}),
])
def test_each_seeded_flaw_reports_its_rule_only(grade, fixture, wheres):
    result = grade(FIXTURES / fixture, as_of=AS_OF)
    assert rules_of(result) == set(wheres)
    for rule, expected in wheres.items():
        assert where_of(result, rule) == expected
    errors = {rule for rule in wheres if rule != "plan.confidence"}
    assert result.passed == (not errors)
    assert result.score < 100


def test_every_rule_has_a_flawed_fixture():
    assert rules_named_in_fixtures(FIXTURES, "plan") == SPEC_RULES


def test_broken_dependencies_skip_the_schedule(grade):
    # A cycle: the message walks the loop; nothing schedule-based is reported or measured.
    cycle = grade(FIXTURES / "cycle.yaml", as_of=AS_OF)
    finding = cycle.findings[0]
    assert "W3 → W5 → W3" in finding.message
    assert not SCHEDULE_METRICS & set(cycle.metrics)
    assert cycle.metrics["deadline_working_days"] == 29
    unknown = grade(FIXTURES / "unknown-dependency.yaml", as_of=AS_OF)
    assert unknown.findings[0].message == \
        "W4 depends on 'W9', which is not a work item in this plan"
    assert "W1, W2, W3, W4, W5, W6" in unknown.findings[0].hint
    assert not SCHEDULE_METRICS & set(unknown.metrics)
    # Estimates out of order cannot be turned into PERT times either.
    estimates = grade(FIXTURES / "estimates-out-of-order.yaml", as_of=AS_OF)
    assert estimates.findings[0].message == "W3: optimistic 12 is more than likely 10"
    assert "optimistic: 10, likely: 12, pessimistic: 18" in estimates.findings[0].hint
    assert not SCHEDULE_METRICS & set(estimates.metrics)


def test_project_schedule_refuses_what_it_cannot_schedule():
    with pytest.raises(ScheduleError, match="W3 → W5 → W3"):
        project_schedule(SPEC.model.model_validate(_data(FIXTURES / "cycle.yaml")))
    with pytest.raises(ScheduleError, match="W4 depends on 'W9'"):
        project_schedule(SPEC.model.model_validate(_data(FIXTURES / "unknown-dependency.yaml")))
    with pytest.raises(ScheduleError, match="W3 has estimates out of order"):
        project_schedule(SPEC.model.model_validate(
            _data(FIXTURES / "estimates-out-of-order.yaml")))


def test_deadline_and_confidence_messages_carry_the_numbers(grade):
    # Deadline 2027-02-05: T = 24 working days (Jan 4 to Feb 5, minus Jan 18);
    # Phi((24 - 26) / 2.78887) = Phi(-0.7171) = 0.2367.
    missed = grade(FIXTURES / "deadline-missed.yaml", as_of=AS_OF)
    assert missed.metrics["deadline_working_days"] == 24
    assert missed.metrics["deadline_probability"] == pytest.approx(0.2367, abs=1e-4)
    deadline = next(f for f in missed.findings if f.rule == "plan.deadline")
    assert deadline.message.startswith("the expected finish is 2027-02-09, after the deadline "
                                       "2027-02-05")
    assert "26.0 working days" in deadline.message and "only 24 working days" in \
        deadline.message
    assert "at least 2 working days" in deadline.hint
    # Deadline 2027-02-10: T = 27; Phi(1 / 2.78887) = Phi(0.3586) = 0.6400.
    low = grade(FIXTURES / "low-confidence.yaml", as_of=AS_OF)
    assert low.metrics["deadline_probability"] == pytest.approx(0.6400, abs=1e-4)
    confidence = low.findings[0]
    assert confidence.message == ("the chance of finishing by 2027-02-10 is 64% "
                                  "(Φ((27 − 26.0) / 2.79)); commit to a date you have at "
                                  "least 80% chance of meeting")
    # 26 + 0.8416 x 2.78887 = 28.35 -> 29 working days give 80%.
    assert confidence.hint.startswith("About 29 working days give an 80% chance")


def test_deadline_message_mentions_rounding_when_it_matters(grade):
    # W3 (8, 10, 19): te 67/6 = 11.17 -> 12 days; W5 (3, 4, 12): te 31/6 = 5.17 -> 6 days.
    # Expected 4 + 6 + 11.17 + 5.17 = 26.33 (27 once rounded as a whole), but each item
    # rounded up gives 4 + 6 + 12 + 6 = 28: W5 runs indices 22-27, finishing Thu 2027-02-11.
    text = (FIXTURES / "deadline-missed.yaml").read_text(encoding="utf-8")
    text = text.replace("{optimistic: 8, likely: 10, pessimistic: 18}",
                        "{optimistic: 8, likely: 10, pessimistic: 19}")
    text = text.replace("{optimistic: 3, likely: 4, pessimistic: 11}",
                        "{optimistic: 3, likely: 4, pessimistic: 12}")
    result = grade(text, as_of=AS_OF)
    assert result.metrics["finish"] == date(2027, 2, 11)
    deadline = next(f for f in result.findings if f.rule == "plan.deadline")
    assert "26.3 working days on average (28 with each item rounded up to whole days)" in \
        deadline.message
    plain = grade(FIXTURES / "deadline-missed.yaml", as_of=AS_OF)
    assert "rounded" not in next(f for f in plain.findings if f.rule == "plan.deadline").message


def test_other_messages(grade):
    phases = grade(FIXTURES / "phases-out-of-order.yaml", as_of=AS_OF).findings[0]
    assert phases.message.startswith("'initiating' comes after 'planning'")
    scope = grade(FIXTURES / "scope-overlap.yaml", as_of=AS_OF).findings[0]
    assert scope.message == "'password reset' is both in scope (scope.in[0]) and out of scope"
    milestone = grade(FIXTURES / "milestone-outside.yaml", as_of=AS_OF).findings[0]
    assert "2027-02-19, after the deadline" in milestone.message
    missing = grade(FIXTURES / "missing-deliverable.yaml", as_of=AS_OF).findings[0]
    assert missing.message == "W5 names deliverable 'D5', which is not in deliverables"
    assert "D1, D2, D3" in missing.hint


def _data(path: Path) -> dict:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _clean_with(*changes: tuple[str, str]) -> str:
    text = (FIXTURES / "clean.yaml").read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


CLOSING = "  - {name: closing, start: 2027-02-10, end: 2027-02-12, exit_criteria: " \
          "[Retrospective held]}\n"


@pytest.mark.parametrize(("changes", "rule", "wheres"), [
    # A missing phase is named on 'phases'.
    ([(CLOSING, "")], "plan.phases", ["phases"]),
    ([("phases:\n" + "", "phases: []\nunused:\n")], "plan.phases", ["phases"]),
    # A phase that is not a lifecycle phase, and one listed twice.
    ([("{name: planning,", "{name: design,")], "plan.phases",
     ["phases[1].name", "phases"]),
    ([(CLOSING, CLOSING + CLOSING)], "plan.phases", ["phases[5].name"]),
    # Dates: end before start; outside start…deadline.
    ([("{name: closing, start: 2027-02-10, end: 2027-02-12",
       "{name: closing, start: 2027-02-12, end: 2027-02-10")], "plan.phases", ["phases[4]"]),
    ([("{name: initiating, start: 2027-01-04", "{name: initiating, start: 2026-12-28")],
     "plan.phases", ["phases[0].start"]),
    ([("{name: closing, start: 2027-02-10, end: 2027-02-12",
       "{name: closing, start: 2027-02-10, end: 2027-02-16")], "plan.phases", ["phases[4].end"]),
    # Scope: either list empty.
    ([("  in: [Password reset, Billing details update, User guide]\n", "  in: []\n")],
     "plan.scope", ["scope.in"]),
    ([("  out: [Mobile app, Live chat]\n", "")], "plan.scope", ["scope.out"]),
    # Estimates: negative optimistic; likely above pessimistic.
    ([("{optimistic: 2, likely: 4, pessimistic: 6}",
       "{optimistic: -1, likely: 4, pessimistic: 6}")],
     "plan.estimates", ["work[0].estimate"]),
    ([("{optimistic: 6, likely: 8, pessimistic: 10}",
       "{optimistic: 6, likely: 11, pessimistic: 10}")],
     "plan.estimates", ["work[3].estimate"]),
    # Dependencies: on itself; a repeated id.
    ([("depends_on: [W1],", "depends_on: [W1, W2],")], "plan.dependencies",
     ["work[1].depends_on"]),
    ([("{id: W6, name: Write", "{id: W5, name: Write")], "plan.dependencies", ["work[5].id"]),
    # Traceability: no deliverable named.
    ([("deliverable: D3, owner: Tom Reed,", "owner: Tom Reed,")], "plan.traceability",
     ["work[5].deliverable", "deliverables[2]"]),
    # Milestones: before the start; an unknown deliverable.
    ([("{name: Design signed off, date: 2027-01-15", "{name: Design signed off, date: 2027-01-01")],
     "plan.milestones", ["milestones[0].date"]),
    ([("deliverables: [D2, D3]}", "deliverables: [D2, D7]}")], "plan.milestones",
     ["milestones[1].deliverables[1]"]),
])
def test_other_ways_to_break_a_rule(grade, changes, rule, wheres):
    result = grade(_clean_with(*changes), as_of=AS_OF)
    assert where_of(result, rule) == wheres


def test_a_self_dependency_is_named_plainly(grade):
    result = grade(_clean_with(("depends_on: [W1],", "depends_on: [W1, W2],")), as_of=AS_OF)
    assert result.findings[0].message == "work item W2 depends on itself, so it can never start"


@pytest.mark.parametrize("changes", [
    # Lifecycle synonyms and case are accepted.
    [("{name: initiating,", "{name: Initiation,"), ("{name: monitoring,",
                                                   "{name: Monitoring and Controlling,")],
    # Boundaries: a milestone on the start day; o = m = p (a certain estimate).
    [("{name: Design signed off, date: 2027-01-15", "{name: Design signed off, date: 2027-01-04")],
    [("{optimistic: 6, likely: 8, pessimistic: 10}", "{optimistic: 8, likely: 8, pessimistic: 8}")],
    # A later deadline (T = 30): more buffer, the monitoring phase may run up to it.
    [("deadline: 2027-02-12", "deadline: 2027-02-15"),
     ("end: 2027-02-12, exit_criteria: [Weekly", "end: 2027-02-15, exit_criteria: [Weekly")],
])
def test_boundaries_pass(grade, changes):
    result = grade(_clean_with(*changes), as_of=AS_OF)
    assert result.findings == []


def test_finish_on_the_deadline_is_not_late(grade):
    # Deadline on the finish day, 2027-02-09: T = 26 = expected, so 50% (a warning only).
    result = grade(_clean_with(
        ("deadline: 2027-02-12", "deadline: 2027-02-09"),
        ("{name: monitoring, start: 2027-01-04, end: 2027-02-12",
         "{name: monitoring, start: 2027-01-04, end: 2027-02-09"),
        ("{name: closing, start: 2027-02-10, end: 2027-02-12",
         "{name: closing, start: 2027-02-09, end: 2027-02-09")), as_of=AS_OF)
    assert rules_of(result) == {"plan.confidence"}
    assert result.metrics["deadline_probability"] == pytest.approx(0.5)


def test_a_deadline_before_the_start_is_named_plainly(grade):
    result = grade(_clean_with(("\nstart: 2027-01-04", "\nstart: 2027-02-15")), as_of=AS_OF)
    deadline = [f for f in result.findings if f.rule == "plan.deadline"]
    assert [f.message for f in deadline] == ["the deadline 2027-02-12 is before the start "
                                             "2027-02-15"]
    assert "plan.confidence" not in rules_of(result)


def test_a_plan_needs_work(grade):
    text = _clean_with(("work:\n", "work: []\nold_work:\n"))
    assert where_of(grade(text, as_of=AS_OF), "common.schema") == ["work"]


def test_wrong_types_are_schema_findings(grade):
    result = grade(_clean_with(("{optimistic: 2, likely: 4, pessimistic: 6}",
                                "{optimistic: 2, likely: four, pessimistic: 6}")), as_of=AS_OF)
    assert where_of(result, "common.schema") == ["work[0].estimate.likely"]
    missing = grade(_clean_with(("deadline: 2027-02-12\n", "")), as_of=AS_OF)
    assert where_of(missing, "common.schema") == ["deadline"]


def test_numeric_ids_are_read_as_text(grade):
    # `id: 1` and `depends_on: [1]` are the same id, not a type error.
    text = _clean_with(("{id: W1, name: Requirements", "{id: 1, name: Requirements"),
                       ("depends_on: [W1],", "depends_on: [1],"))
    result = grade(text, as_of=AS_OF)
    assert result.findings == []
    assert result.metrics["critical_path"] == ["1", "W2", "W3", "W5"]


def test_template_fails_with_placeholders(grade):
    result = grade(TEMPLATE, as_of=AS_OF)
    assert "common.placeholder" in rules_of(result)
    assert "common.schema" not in rules_of(result)
    assert not result.passed
    assert "name" in where_of(result, "common.placeholder")
    assert "work[0].name" in where_of(result, "common.placeholder")


def test_model_answer_passes_cleanly(grade):
    result = grade(EXAMPLE, as_of=AS_OF)
    assert result.findings == []
    assert result.score == 100
    metrics = result.metrics
    # te along W1 W2 W4 W9 W10 W11 W13: 49/6 + 81/6 + 172/6 + 97/6 + 38/6 + 63/6 + 63/6
    # = 563/6 = 93.83; variance (49 + 289 + 400 + 169 + 36 + 49 + 49) / 36 = 1041/36.
    assert metrics["critical_path"] == ["W1", "W2", "W4", "W9", "W10", "W11", "W13"]
    assert metrics["expected_duration_days"] == pytest.approx(563 / 6)
    assert metrics["std_dev_days"] == pytest.approx(math.sqrt(1041 / 36))
    assert metrics["deadline_working_days"] == 103
    assert metrics["deadline_probability"] == pytest.approx(
        _phi((103 - 563 / 6) / math.sqrt(1041 / 36)))
    assert metrics["finish"] == date(2027, 5, 21)


# -- the picture ----------------------------------------------------------------------


def _render(result, width: int = 80) -> str:
    return render_text("project-plan", result, width)


def test_render_draws_figures_and_gantt_without_colour(grade):
    text = _render(grade(FIXTURES / "clean.yaml", as_of=AS_OF))
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "\x1b[" not in text
    assert "26.0 working days, standard deviation 2.79" in text
    assert "2027-02-09 · deadline 2027-02-12 (29 working days)" in text
    assert "86% on track" in text
    assert "W1 → W2 → W3 → W5" in text
    bars = {line.split()[0]: line for line in text.splitlines()
            if line[:2] in ("W1", "W2", "W3", "W4", "W5", "W6")}
    assert "█" in bars["W3"] and "▒" not in bars["W3"]     # critical
    assert "▒" in bars["W4"] and "█" not in bars["W4"]     # 3 days of float
    assert "│ deadline 2027-02-12" in text


def test_render_says_when_there_is_no_schedule(grade):
    text = _render(grade(FIXTURES / "cycle.yaml", as_of=AS_OF))
    assert "No schedule yet" in text and "█" not in text


@pytest.mark.parametrize(("probability", "label"), [
    (0.8, "on track"), (0.79, "at risk"), (0.5, "at risk"), (0.49, "unlikely")])
def test_odds_bands(probability, label):
    from pmpath.render.project_plan import odds_band, odds_bar

    assert odds_band(probability)[0] == label
    assert odds_bar(0.5, width=10) == "█████░░░░░"
