"""project-plan: PERT figures against hand-worked numbers, every rule both ways, the picture."""

from __future__ import annotations

import math
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from support import fresh_template, render_text, rules_named_in_fixtures, rules_of, where_of

from pmpath.kinds.base import Blocked, Context
from pmpath.kinds.network import dependency_problems
from pmpath.kinds.project_plan import SPEC
from pmpath.kinds.project_plan.figures import (
    ProjectFigures,
    available_days,
    chance_text,
    days_text,
    plan_calendar,
)
from pmpath.kinds.project_plan.rules import RULES, lifecycle_phase
from pmpath.kinds.project_plan.schedule import estimate_problems, schedule

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "project-plan"
EXAMPLE = REPO / "curriculum" / "examples" / "project-plan.yaml"
TEMPLATE = REPO / "templates" / "project-plan" / "project-plan.yaml"
AS_OF = date(2027, 1, 20)

SPEC_RULES = {"plan.phases", "plan.scope", "plan.estimates", "plan.dependencies",
              "plan.traceability", "plan.owners", "plan.deadline", "plan.confidence",
              "plan.milestones"}
SCHEDULE_RULES = {"plan.deadline", "plan.confidence"}
SCHEDULE_METRICS = {"expected_duration_days", "std_dev_days", "critical_path",
                    "deadline_probability", "finish", "tasks"}
PLAN_METRICS = {"working_days_available", "deadline_working_days", "deadline"}


def _phi(z: float) -> float:
    """The standard normal CDF, written out independently of the code under test."""
    return 0.5 * (1 + math.erf(z / math.sqrt(2)))


def _data(path: Path) -> dict:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _plan(path: Path):
    return SPEC.model.model_validate(_data(path))


def _clean_with(*changes: tuple[str, str]) -> str:
    text = (FIXTURES / "clean.yaml").read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


CLOSING = "  - {name: closing, start: 2027-02-10, end: 2027-02-12, exit_criteria: " \
          "[Retrospective held]}\n"
MONITORING = "{name: monitoring, start: 2027-01-04, end: 2027-02-12"
# Earlier deadlines, with monitoring and closing moved inside them.
TO_FEB_10 = (("deadline: 2027-02-12", "deadline: 2027-02-10"),
             (MONITORING, "{name: monitoring, start: 2027-01-04, end: 2027-02-10"),
             ("{name: closing, start: 2027-02-10, end: 2027-02-12",
              "{name: closing, start: 2027-02-10, end: 2027-02-10"))
TO_FEB_9 = (("deadline: 2027-02-12", "deadline: 2027-02-09"),
            (MONITORING, "{name: monitoring, start: 2027-01-04, end: 2027-02-09"),
            ("{name: closing, start: 2027-02-10, end: 2027-02-12",
             "{name: closing, start: 2027-02-09, end: 2027-02-09"))


# -- the clean plan, worked by hand ---------------------------------------------------
#
# te = (o + 4m + p) / 6, sigma = (p - o) / 6:
#   W1 (2, 4, 6)   te (2 + 16 + 6) / 6 = 4      sigma 4/6
#   W2 (3, 5, 13)  te (3 + 20 + 13) / 6 = 6     sigma 10/6   after W1
#   W3 (8, 10, 18) te (8 + 40 + 18) / 6 = 11    sigma 10/6   after W2
#   W4 (6, 8, 10)  te (6 + 32 + 10) / 6 = 8     sigma 4/6    after W2
#   W5 (3, 4, 11)  te (3 + 16 + 11) / 6 = 5     sigma 8/6    after W3 and W4
#   W6 (1, 2, 4)   te (1 + 8 + 4) / 6 = 13/6    sigma 3/6    after W2
# Forward pass: W1 0-4, W2 4-10, W3 10-21, W4 10-18, W6 10-12.17, W5 max(21, 18) = 21-26.
# Expected duration 26; critical path W1 W2 W3 W5.
# Variance (16 + 100 + 100 + 64) / 36 = 280 / 36 = 7.7778; sigma = 2.78887.
# T: Monday 2027-01-04 to Friday 2027-02-12 is 30 weekdays, minus MLK Day (2027-01-18) = 29.
# Chance = Phi((29 - 26) / 2.78887) = Phi(1.0757) = 0.8590.
#
# Dates (DESIGN.md, "Calendars"): working day 1 = Jan 4, and Jan 18 is skipped, so day 11 =
# Jan 19. An item from ES to EF runs from day floor(ES) + 1 to day ceil(EF):
# W1 0-4 days 1-4 = Jan 4-7; W2 4-10 days 5-10 = Jan 8-15; W3 10-21 days 11-21 = Jan 19-Feb 2;
# W4 10-18 days 11-18 = Jan 19-28 (float 21 - 18 = 3); W6 10-12.17 days 11-13 = Jan 19-21
# (float 26 - 73/6 = 83/6 = 13.83, exactly); W5 21-26 days 22-26 = Feb 3-9.
# Finish: working day ceil(26) = 26 = 2027-02-09.


def test_clean_plan_metrics(grade):
    result = grade(FIXTURES / "clean.yaml", as_of=AS_OF)
    assert result.findings == []
    assert result.exercise == "kickoff-to-delivery-plan"
    figures = result.figures
    assert isinstance(figures, ProjectFigures)
    assert figures.expected_exact == 26
    assert figures.variance_exact == Fraction(280, 36)
    assert figures.finish == date(2027, 2, 9)
    assert figures.deadline == date(2027, 2, 12)
    metrics = result.metrics
    assert set(metrics) == SCHEDULE_METRICS | PLAN_METRICS
    assert metrics["expected_duration_days"] == pytest.approx(26)
    assert metrics["std_dev_days"] == pytest.approx(math.sqrt(280 / 36), abs=1e-4)
    assert metrics["std_dev_days"] == pytest.approx(2.7889, abs=1e-4)
    assert metrics["critical_path"] == ["W1", "W2", "W3", "W5"]
    assert metrics["working_days_available"] == metrics["deadline_working_days"] == 29
    assert metrics["deadline_probability"] == pytest.approx(_phi(3 / math.sqrt(280 / 36)),
                                                            abs=1e-4)
    assert metrics["deadline_probability"] == pytest.approx(0.8590, abs=1e-4)
    assert metrics["finish"] == "2027-02-09"
    assert metrics["deadline"] == "2027-02-12"
    assert metrics["tasks"] == {
        "W1": {"start": "2027-01-04", "finish": "2027-01-07", "total_float": 0},
        "W2": {"start": "2027-01-08", "finish": "2027-01-15", "total_float": 0},
        "W3": {"start": "2027-01-19", "finish": "2027-02-02", "total_float": 0},
        "W4": {"start": "2027-01-19", "finish": "2027-01-28", "total_float": 3},
        "W5": {"start": "2027-02-03", "finish": "2027-02-09", "total_float": 0},
        "W6": {"start": "2027-01-19", "finish": "2027-01-21", "total_float": 13.8333},
    }


def test_schedule_is_the_same_for_check_and_schedule(grade):
    # `pmpath schedule` calls schedule(plan); check reads the same figures as a fact.
    result = grade(FIXTURES / "clean.yaml", as_of=AS_OF)
    scheduled = schedule(_plan(FIXTURES / "clean.yaml"))
    assert scheduled.to_json() == result.metrics
    assert set(scheduled.to_json()) == SCHEDULE_METRICS | PLAN_METRICS


def test_rules_run_directly_on_a_model_with_a_context():
    outcome = SPEC.grade(_plan(FIXTURES / "low-confidence.yaml"),
                         Context(as_of=AS_OF, params={}))
    assert [finding.rule for finding in outcome.findings] == ["plan.confidence"]
    assert outcome.skipped == [] and outcome.internal_errors == []
    assert outcome.metrics["working_days_available"] == 27


# -- fractional expected times ----------------------------------------------------------
#
# W3 (8, 10, 19): te 67/6 = 11.17; W5 (3, 4, 12): te 31/6 = 5.17. Along W1 W2 W3 W5 the
# expected duration is 4 + 6 + 67/6 + 31/6 = 79/3 = 26.33 working days. Rounding each item
# up first would give 4 + 6 + 12 + 6 = 28; the spec compares the unrounded 26.33.
# Dates: W3 10-21.17 runs days 11-22 (Jan 19-Feb 3); W5 21.17-26.33 runs days 22-27
# (Feb 3-10), sharing Feb 3 with W3. Finish: working day ceil(26.33) = 27 = Feb 10.
FRACTIONAL = (("{optimistic: 8, likely: 10, pessimistic: 18}",
               "{optimistic: 8, likely: 10, pessimistic: 19}"),
              ("{optimistic: 3, likely: 4, pessimistic: 11}",
               "{optimistic: 3, likely: 4, pessimistic: 12}"))


def test_fractional_early_start_and_finish_give_the_dates(grade):
    result = grade(_clean_with(*FRACTIONAL), as_of=AS_OF)
    figures = result.figures
    assert figures.expected_exact == Fraction(79, 3)
    assert result.metrics["expected_duration_days"] == pytest.approx(26.3333, abs=1e-4)
    tasks = figures.tasks
    assert (tasks["W3"]["start"], tasks["W3"]["finish"]) == (date(2027, 1, 19),
                                                             date(2027, 2, 3))
    assert (tasks["W5"]["start"], tasks["W5"]["finish"]) == (date(2027, 2, 3),
                                                             date(2027, 2, 10))
    assert figures.finish == date(2027, 2, 10)
    # W4 ends at 18 and W5 starts at 21.17: 19/6 days of float.
    assert tasks["W4"]["total_float"] == pytest.approx(19 / 6)


def test_unrounded_expected_duration_that_fits_passes(grade):
    # Deadline Wed 2027-02-10: T = 27 (Jan 4 to Feb 10, minus Jan 18). 26.33 <= 27, so
    # plan.deadline passes although the items rounded up one by one would take 28 days.
    # sigma^2 = (16 + 100 + 121 + 81) / 36 = 318 / 36; Phi((27 - 26.33) / 2.972) = 0.589.
    result = grade(_clean_with(*FRACTIONAL, *TO_FEB_10), as_of=AS_OF)
    assert result.passed
    assert rules_of(result) == {"plan.confidence"}          # a warning, not an error
    assert result.metrics["working_days_available"] == 27
    assert result.metrics["deadline_probability"] == pytest.approx(
        _phi((27 - 79 / 3) / math.sqrt(318 / 36)), abs=1e-4)
    assert "is 59% (Φ((27 − 26.3) / 2.97))" in result.findings[0].message
    # One working day less (deadline Tue 2027-02-09, T = 26) and 26.33 no longer fits.
    late = grade(_clean_with(*FRACTIONAL, *TO_FEB_9), as_of=AS_OF)
    deadline = next(f for f in late.findings if f.rule == "plan.deadline")
    assert deadline.message.startswith("the expected finish is 2027-02-10, after the deadline "
                                       "2027-02-09")
    assert "26.3 working days on average, but only 26 working days" in deadline.message
    assert "Take at least 1 working day off" in deadline.hint
    assert "deadline of 2027-02-10 or later" in deadline.hint


# -- pure helpers ---------------------------------------------------------------------


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
    plan = _plan(FIXTURES / "clean.yaml")
    assert available_days(plan, plan_calendar(plan)) == 29
    early = plan.model_copy(update={"deadline": date(2027, 1, 1)})
    assert available_days(early, plan_calendar(early)) == 0


def test_chances_never_contradict_the_verdict():
    assert chance_text(0.859) == "86%"
    assert chance_text(0.7996) == "79.9%"          # not "80%" beside an under-80% warning
    assert chance_text(0.4996) == "49.9%"          # not "50%"
    assert chance_text(0.8) == "80%"
    assert chance_text(0.9996) == "over 99%"       # not "100%" unless certain
    assert chance_text(1.0) == "100%"
    assert chance_text(0.0004) == "under 1%"
    assert chance_text(0.0) == "0%"
    assert chance_text(1.0, spread=2.76) == "over 99%"   # Φ(37) is 1.0 only in floats
    assert chance_text(0.0, spread=2.76) == "under 1%"
    assert days_text(26.3333) == "26.3"
    assert days_text(93.04, 93) == "93.04"         # not "93.0" next to 93 available
    assert days_text(93.0, 93) == "93.0"


def test_dependency_problems_finds_every_kind():
    problems = dependency_problems(["A", "B", "C", "B"],
                                   [[], ["A", "Z", "Z"], ["C"], []])
    assert problems.repeated == [(3, "B")]
    assert problems.unknown == [(1, 1, "Z")]          # repeated within depends_on: once
    assert problems.cycle == ["C", "C"]               # C depends on itself
    assert bool(problems)
    assert not dependency_problems(["A", "B"], [[], ["A"]])


def test_a_country_adds_its_public_holidays(grade):
    # With country US, Presidents' Day (Mon 2027-02-15) is off as well as MLK Day, which the
    # file lists too (counted once). Deadline Feb 16: 32 weekdays - 2 holidays = 30.
    text = _clean_with(("holidays: [2027-01-18]\n", "country: US\nholidays: [2027-01-18]\n"),
                       ("deadline: 2027-02-12", "deadline: 2027-02-16"),
                       (MONITORING, "{name: monitoring, start: 2027-01-04, end: 2027-02-16"))
    result = grade(text, as_of=AS_OF)
    assert result.findings == []
    assert result.metrics["working_days_available"] == 30
    unknown = grade(_clean_with(("holidays: [2027-01-18]\n",
                                 "country: Atlantis\nholidays: [2027-01-18]\n")), as_of=AS_OF)
    assert where_of(unknown, "common.schema") == ["country"]


# -- the whole file -------------------------------------------------------------------


def test_rules_match_the_spec():
    assert {rule.id for rule in RULES} == SPEC_RULES
    for rule in RULES:
        assert rule.rationale and rule.hint and rule.passes and rule.fails
        assert rule.weight in (1, 2, 3)
        assert (rule.weight == 1) == (rule.severity == "warning")
        assert set(rule.needs) == ({"schedule"} if rule.id in SCHEDULE_RULES else set())
    assert next(rule for rule in RULES if rule.id == "plan.confidence").severity == "warning"
    assert SPEC.defaults == {}


@pytest.mark.parametrize(("fixture", "wheres"), [
    ("cycle.yaml", {"plan.dependencies": ["work[2].depends_on"]}),
    ("unknown-dependency.yaml", {"plan.dependencies": ["work[3].depends_on[1]"]}),
    ("estimates-out-of-order.yaml", {"plan.estimates": ["work[2].estimate"]}),
    ("phases-out-of-order.yaml", {"plan.phases": ["phases[1].start"]}),
    ("monitoring-after-execution.yaml", {"plan.phases": ["phases[3].start"]}),
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
    # A cycle: the message walks the loop; the rules that need the schedule are listed as
    # skipped with the reason (not silently dropped), and nothing schedule-based is measured.
    cycle = grade(FIXTURES / "cycle.yaml", as_of=AS_OF)
    finding = cycle.findings[0]
    assert "W3 → W5 → W3" in finding.message
    assert [(item.rule, item.because) for item in cycle.skipped] == [
        (rule, "the dependencies have a cycle: W3 → W5 → W3; see plan.dependencies")
        for rule in ("plan.deadline", "plan.confidence")]
    assert not SCHEDULE_METRICS & set(cycle.metrics)
    assert cycle.metrics["working_days_available"] == 29
    assert cycle.metrics["deadline_working_days"] == 29
    assert cycle.internal_errors == []
    unknown = grade(FIXTURES / "unknown-dependency.yaml", as_of=AS_OF)
    assert unknown.findings[0].message == \
        "W4 depends on 'W9', which is not a work item in this plan"
    assert "W1, W2, W3, W4, W5, W6" in unknown.findings[0].hint
    assert {item.rule for item in unknown.skipped} == SCHEDULE_RULES
    assert not SCHEDULE_METRICS & set(unknown.metrics)
    # Estimates out of order cannot be turned into PERT times either.
    estimates = grade(FIXTURES / "estimates-out-of-order.yaml", as_of=AS_OF)
    assert estimates.findings[0].message == "W3: optimistic 12 is more than likely 10"
    assert "optimistic: 10, likely: 12, pessimistic: 18" in estimates.findings[0].hint
    assert [item.because for item in estimates.skipped] == [
        "work item W3 has estimates out of order (optimistic 12 is more than likely 10); "
        "see plan.estimates"] * 2
    assert not SCHEDULE_METRICS & set(estimates.metrics)


def test_skipped_rules_are_left_out_of_the_score(grade):
    # plan.dependencies (weight 3) fails; the deadline and confidence rules (3 + 1) are out
    # of the score; the common rules weigh 5 + 5 + 10 + 2 + 2 = 24 and the other plan rules
    # 2 + 2 + 2 + 3 + 2 + 2 = 13. Met: 24 + 13 = 37 of 40 = 92.5 -> 92.
    assert grade(FIXTURES / "cycle.yaml", as_of=AS_OF).score == 92


def test_schedule_refuses_what_it_cannot_schedule():
    with pytest.raises(Blocked, match="W3 → W5 → W3; see plan.dependencies"):
        schedule(_plan(FIXTURES / "cycle.yaml"))
    with pytest.raises(Blocked, match="W4 depends on 'W9'"):
        schedule(_plan(FIXTURES / "unknown-dependency.yaml"))
    with pytest.raises(Blocked, match="W3 has estimates out of order"):
        schedule(_plan(FIXTURES / "estimates-out-of-order.yaml"))
    with pytest.raises(Blocked, match="work item W2 depends on itself"):
        schedule(SPEC.model.model_validate(_data_of(
            _clean_with(("depends_on: [W1],", "depends_on: [W1, W2],")))))


def _data_of(text: str) -> dict:
    import yaml

    return yaml.safe_load(text)


def test_deadline_and_confidence_messages_carry_the_numbers(grade):
    # Deadline 2027-02-05: T = 24 working days (Jan 4 to Feb 5, minus Jan 18);
    # Phi((24 - 26) / 2.78887) = Phi(-0.7171) = 0.2367.
    missed = grade(FIXTURES / "deadline-missed.yaml", as_of=AS_OF)
    assert missed.metrics["working_days_available"] == 24
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
    # 26 + 0.8416 x 2.78887 = 28.35 -> 29 working days give 80%: working day 29 is Feb 12.
    assert confidence.hint.startswith("About 29 working days give an 80% chance")
    assert "by 2 working days" in confidence.hint
    assert "move the deadline to 2027-02-12 or later" in confidence.hint


def test_other_messages(grade):
    phases = grade(FIXTURES / "phases-out-of-order.yaml", as_of=AS_OF).findings[0]
    assert phases.message == ("the planning phase starts on 2027-01-04, before the "
                              "initiating phase starts (2027-01-06)")
    assert phases.hint == ("planning builds on the charter agreed in initiating: start "
                           "planning on or after 2027-01-06, or start initiating on or "
                           "before 2027-01-04")
    monitoring = grade(FIXTURES / "monitoring-after-execution.yaml", as_of=AS_OF).findings[0]
    assert monitoring.message.startswith("the monitoring phase (2027-02-10 to 2027-02-12) "
                                         "comes after executing (2027-01-19 to 2027-02-09)")
    assert monitoring.hint == ("monitoring runs alongside executing: start it on or before "
                               "2027-01-19 and end it on or after 2027-02-09")
    scope = grade(FIXTURES / "scope-overlap.yaml", as_of=AS_OF).findings[0]
    assert scope.message == "'password reset' is both in scope (scope.in[0]) and out of scope"
    milestone = grade(FIXTURES / "milestone-outside.yaml", as_of=AS_OF).findings[0]
    assert "2027-02-19, after the deadline" in milestone.message
    missing = grade(FIXTURES / "missing-deliverable.yaml", as_of=AS_OF).findings[0]
    assert missing.message == "W5 names deliverable 'D5', which is not in deliverables"
    assert "D1, D2, D3" in missing.hint


@pytest.mark.parametrize(("changes", "rule", "wheres"), [
    # A missing phase is named on 'phases'.
    ([(CLOSING, "")], "plan.phases", ["phases"]),
    ([("phases:\n" + "", "phases: []\nunused:\n")], "plan.phases", ["phases"]),
    # A phase that is not a lifecycle phase, and one listed twice.
    ([("{name: planning,", "{name: design,")], "plan.phases",
     ["phases[1].name", "phases"]),
    ([(CLOSING, CLOSING + CLOSING)], "plan.phases", ["phases[5].name"]),
    # Starts going backwards: executing before planning; closing before executing.
    ([("{name: executing, start: 2027-01-19", "{name: executing, start: 2027-01-07")],
     "plan.phases", ["phases[2].start"]),
    ([("{name: closing, start: 2027-02-10", "{name: closing, start: 2027-01-15")],
     "plan.phases", ["phases[4].start"]),
    # Monitoring that starts after executing starts, ends before it ends, or both; and one
    # that is over before executing begins.
    ([(MONITORING, "{name: monitoring, start: 2027-01-20, end: 2027-02-12")],
     "plan.phases", ["phases[3].start"]),
    ([(MONITORING, "{name: monitoring, start: 2027-01-04, end: 2027-02-08")],
     "plan.phases", ["phases[3].end"]),
    ([(MONITORING, "{name: monitoring, start: 2027-01-20, end: 2027-02-08")],
     "plan.phases", ["phases[3]"]),
    ([(MONITORING, "{name: monitoring, start: 2027-01-04, end: 2027-01-08")],
     "plan.phases", ["phases[3].end"]),
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
    # The order of the list does not matter, only the dates; equal starts are fine.
    [(CLOSING, ""), ("phases:\n", "phases:\n" + CLOSING)],
    [("{name: planning, start: 2027-01-08", "{name: planning, start: 2027-01-04")],
    # Monitoring exactly as long as executing.
    [(MONITORING, "{name: monitoring, start: 2027-01-19, end: 2027-02-09")],
])
def test_boundaries_pass(grade, changes):
    result = grade(_clean_with(*changes), as_of=AS_OF)
    assert result.findings == []


def test_finish_on_the_deadline_is_not_late(grade):
    # Deadline on the finish day, 2027-02-09: T = 26 = expected, so 50% (a warning only).
    result = grade(_clean_with(*TO_FEB_9), as_of=AS_OF)
    assert rules_of(result) == {"plan.confidence"}
    assert result.metrics["deadline_probability"] == pytest.approx(0.5)
    assert "is 50% (Φ((26 − 26.0) / 2.79))" in result.findings[0].message


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


def test_template_fails_only_on_placeholders(grade):
    result = grade(fresh_template("project-plan"), as_of=AS_OF)
    assert rules_of(result) == {"common.placeholder"}
    assert not result.passed
    assert result.skipped == []
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
    assert result.figures.expected_exact == Fraction(563, 6)
    assert metrics["std_dev_days"] == pytest.approx(math.sqrt(1041 / 36), abs=1e-4)
    assert metrics["working_days_available"] == 103
    assert metrics["deadline_probability"] == pytest.approx(
        _phi((103 - 563 / 6) / math.sqrt(1041 / 36)), abs=1e-4)
    # Working day ceil(93.83) = 94, counting from Jan 4 without MLK and Presidents' Day.
    assert metrics["finish"] == "2027-05-17"


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
    assert any(line.startswith("◆ Portal released") for line in text.splitlines())
    assert "│ deadline 2027-02-12" in text


def test_render_odds_agree_with_the_verdict(grade):
    # Expected 26 against T = 24: plan.deadline fails, so the odds must not look good.
    result = grade(FIXTURES / "deadline-missed.yaml", as_of=AS_OF)
    assert "plan.deadline" in rules_of(result)
    text = _render(result)
    assert "24% UNLIKELY" in text and "on track" not in text


def test_render_says_when_there_is_no_schedule(grade):
    text = " ".join(_render(grade(FIXTURES / "cycle.yaml", as_of=AS_OF)).split())
    assert "No schedule or Gantt chart yet" in text and "█" not in text
    assert "the dependencies have a cycle: W3 → W5 → W3; see plan.dependencies." in text


@pytest.mark.parametrize(("probability", "label"), [
    (0.8, "on track"), (0.79, "at risk"), (0.5, "at risk"), (0.49, "unlikely")])
def test_odds_bands(probability, label):
    from pmpath.kinds.project_plan.render import odds_band, odds_bar

    assert odds_band(probability)[0] == label
    assert odds_bar(0.5, width=10) == "█████░░░░░"
