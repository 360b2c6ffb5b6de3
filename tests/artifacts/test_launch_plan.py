"""launch-plan: the schedule against hand-worked dates, every rule both ways, the picture."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from support import fresh_template, render_text, rules_named_in_fixtures, rules_of, where_of

from pmpath.analysis.calendar import WorkCalendar
from pmpath.analysis.resource_load import LoadSegment, load_profile, overloads
from pmpath.kinds.base import Blocked, Context
from pmpath.kinds.launch_plan import SPEC
from pmpath.kinds.launch_plan.rules import RULES, is_measurable
from pmpath.kinds.launch_plan.schedule import (
    add_months,
    launch_schedule,
    natural_key,
    plan_calendar,
    schedule,
    slack_to_ga,
)

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "launch-plan"
EXAMPLE = REPO / "curriculum" / "examples" / "launch-plan.yaml"
TEMPLATE = REPO / "templates" / "launch-plan" / "launch-plan.yaml"
AS_OF = date(2027, 1, 20)

SPEC_RULES = {"launch.dependencies", "launch.durations", "launch.refs", "launch.window",
              "launch.fits", "launch.exit-criteria", "launch.resources", "launch.rollout",
              "launch.go-no-go", "launch.calendar"}
SCHEDULE_RULES = {"launch.fits", "launch.resources", "launch.calendar"}
SCHEDULE_METRICS = {"finish", "duration_working_days", "critical_path", "slack_to_ga_days",
                    "tasks"}

# -- the clean plan, worked by hand ---------------------------------------------------
#
# Working-day indices from Monday 2027-01-04 (index 0), skipping 2027-01-18 and 2027-02-15:
#   Jan 4-8 = 0-4, Jan 11-15 = 5-9, Jan 19-22 = 10-13, Jan 25-29 = 14-18, Feb 1-5 = 19-23,
#   Feb 8-12 = 24-28, Feb 16-19 = 29-32, Feb 22-26 = 33-37, Mar 1-5 = 38-42,
#   Mar 8-12 = 43-47, Mar 15-19 = 48-52, Mar 22-26 = 53-57, Mar 29-31 = 58-60.
# Forward pass (ES .. last index), durations in working days:
#   T1 10: 0-9   (Jan 4 - Jan 15)      T2 5: 0-4 (Jan 4 - Jan 8)
#   T3 10 after T1, T2: 10-19 (Jan 19 - Feb 1)
#   T4 10 after T3: 20-29 (Feb 2 - Feb 16)   T5 5 after T3: 20-24 (Feb 2 - Feb 8)
#   T7 8 after T3: 20-27 (Feb 2 - Feb 11)
#   T6 10 after T4, T5: 30-39 (Feb 17 - Mar 2)
#   T8 milestone after T6, T7: ES 40, sits on index 39, the finish of T6 (Mar 2).
# Duration 40 working days; finish 2027-03-02.
# Backward pass: T8 LF 40; T6 LS 30 (float 0); T4 LS 20 (0); T5 LF 30 LS 25 (float 5);
#   T7 LF 40 LS 32 (float 12); T3 LF 20 (0); T1 LF 10 (0); T2 LF 10 LS 5 (float 5).
# Critical path T1 T3 T4 T6 T8. Slack to GA: Mar 3 .. Mar 31 = indices 40..60 = 21.
# The public beta (phases[1]) starts with T4 and T5 on 2027-02-02; the first rollout step
# is 2027-02-17. GA, the go/no-go and every rollout step fall on Wednesdays.
CLEAN_TASKS = {
    "T1": (date(2027, 1, 4), date(2027, 1, 15), 0),
    "T2": (date(2027, 1, 4), date(2027, 1, 8), 5),
    "T3": (date(2027, 1, 19), date(2027, 2, 1), 0),
    "T4": (date(2027, 2, 2), date(2027, 2, 16), 0),
    "T5": (date(2027, 2, 2), date(2027, 2, 8), 5),
    "T6": (date(2027, 2, 17), date(2027, 3, 2), 0),
    "T7": (date(2027, 2, 2), date(2027, 2, 11), 12),
    "T8": (date(2027, 3, 2), date(2027, 3, 2), 0),
}


def test_clean_plan_schedule(grade):
    result = grade(FIXTURES / "clean.yaml", as_of=AS_OF)
    assert result.findings == [] and result.skipped == []
    assert result.exercise == "beta-to-ga-launch"
    figures = result.figures
    assert figures.finish == date(2027, 3, 2)
    assert figures.duration_working_days == 40
    assert figures.critical_path == ["T1", "T3", "T4", "T6", "T8"]
    assert figures.slack_to_ga_days == 21
    assert {task_id: (task.start, task.finish, task.total_float)
            for task_id, task in figures.tasks.items()} == CLEAN_TASKS
    assert figures.milestones == ["T8"]
    assert figures.ga_date == date(2027, 3, 31)
    # eng runs T1, T3, T4, T6 one after another: one task a week at most.
    eng = figures.resource_load["eng"]
    assert eng.capacity == 2
    assert list(eng.weeks) == [date(2027, 1, 4 + 7 * week) if week < 4 else
                               date(2027, 2, 1 + 7 * (week - 4)) if week < 8 else
                               date(2027, 3, 1) for week in range(9)]
    assert set(eng.weeks.values()) == {1}
    # qa: T5 runs Feb 2 - Feb 8, in the weeks of Feb 1 and Feb 8 only.
    assert {week: peak for week, peak in figures.resource_load["qa"].weeks.items()
            if peak} == {date(2027, 2, 1): 1, date(2027, 2, 8): 1}


def test_metrics_are_the_figures_in_json(grade):
    metrics = grade(FIXTURES / "clean.yaml", as_of=AS_OF).metrics
    assert set(metrics) == SCHEDULE_METRICS | {"milestones", "resource_load", "ga_date"}
    assert metrics["finish"] == "2027-03-02"
    assert metrics["tasks"]["T7"] == {"start": "2027-02-02", "finish": "2027-02-11",
                                      "total_float": 12}
    assert metrics["resource_load"]["qa"]["capacity"] == 1
    assert metrics["resource_load"]["qa"]["weeks"]["2027-02-08"] == 1
    json.dumps(metrics)


def test_schedule_is_the_same_for_check_and_schedule(grade):
    for name in ("clean.yaml", "over-capacity.yaml", "overrun.yaml"):
        result = grade(FIXTURES / name, as_of=AS_OF)
        plan = SPEC.model.model_validate(_data(FIXTURES / name))
        assert schedule(plan).to_json() == result.metrics


# -- the arithmetic -------------------------------------------------------------------


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2027, 1, 4), 3, date(2027, 4, 4)),
    (date(2026, 11, 30), 3, date(2027, 2, 28)),     # clamped to February's last day
    (date(2027, 1, 31), 1, date(2027, 2, 28)),
    (date(2028, 1, 31), 1, date(2028, 2, 29)),      # leap year
    (date(2026, 12, 15), 1, date(2027, 1, 15)),     # across the year end
    (date(2027, 5, 31), 0, date(2027, 5, 31)),
])
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(("finish", "ga_date", "slack"), [
    (date(2027, 3, 26), date(2027, 3, 31), 3),      # Mon 29, Tue 30, Wed 31
    (date(2027, 3, 31), date(2027, 3, 31), 0),      # finishing on GA day fits
    (date(2027, 3, 26), date(2027, 3, 27), 0),      # GA on a Saturday after a Friday finish
    (date(2027, 3, 29), date(2027, 3, 27), -1),     # Monday after a Saturday GA: 1 late
    (date(2027, 4, 6), date(2027, 3, 31), -4),      # Apr 1, 2, 5, 6
])
def test_slack_to_ga(finish, ga_date, slack):
    assert slack_to_ga(finish, ga_date, WorkCalendar()) == slack


def test_slack_skips_holidays():
    # Finish Friday 2027-02-12; GA Tuesday 2027-02-16 with Presidents' Day on the Monday.
    assert slack_to_ga(date(2027, 2, 12), date(2027, 2, 16),
                       WorkCalendar([date(2027, 2, 15)])) == 1


def test_load_profile_and_overloads():
    # Tasks on indices 0-4, 2-6 and 3: load 1, 2, 3, 2, 1 over 0-1, 2, 3, 4, 5-6.
    segments = load_profile([(0, 4), (2, 6), (3, 3)])
    assert segments == [LoadSegment(0, 1, 1), LoadSegment(2, 2, 2), LoadSegment(3, 3, 3),
                        LoadSegment(4, 4, 2), LoadSegment(5, 6, 1)]
    assert overloads(segments, 1) == [LoadSegment(2, 4, 3)]      # merged, peak kept
    assert overloads(segments, 2) == [LoadSegment(3, 3, 3)]
    assert overloads(segments, 3) == []
    # A gap is not a segment; the two stretches stay apart.
    assert load_profile([(0, 1), (5, 6)]) == [LoadSegment(0, 1, 1), LoadSegment(5, 6, 1)]
    assert overloads(load_profile([(0, 1), (0, 1), (5, 6), (5, 6)]), 1) == [
        LoadSegment(0, 1, 2), LoadSegment(5, 6, 2)]
    assert load_profile([]) == []


def test_load_profile_does_not_walk_the_days():
    # Two tasks of a million working days each: the sweep only sees four events.
    assert load_profile([(0, 999_999), (10, 1_000_009)]) == [
        LoadSegment(0, 9, 1), LoadSegment(10, 999_999, 2), LoadSegment(1_000_000, 1_000_009, 1)]


def test_natural_order_of_ids():
    ids = ["T10", "T2", "T1", "T01", "T10a", "A3", "t3", "T9"]
    assert sorted(ids, key=natural_key) == ["A3", "T01", "T1", "T2", "t3", "T9", "T10",
                                            "T10a"]
    # Numbers of any length compare as numbers, without converting them.
    assert sorted(["T" + "9" * 5000, "T10"], key=natural_key)[0] == "T10"


@pytest.mark.parametrize(("criterion", "measurable"), [
    ("crash-free sessions >= 99.5%", True),
    ("p95 latency under 300 ms", True),
    ("NPS at least 30", True),
    ("≤ 2 support tickets per day", True),
    ("open severity-1 bugs = 0", True),
    ("conversion above 3%", True),
    ("at most 5 rollbacks", True),
    ("Support tickets per 1,000 payouts no more than 2", True),
    ("customers are happy", False),
    ("99.5% crash-free sessions", False),             # a number but no comparator
    ("latency is under target", False),               # a comparator but no number
    ("hover 3 items", False),                         # 'over' only as a whole word
    ("overall 5 stars", False),
])
def test_what_counts_as_a_measurable_criterion(criterion, measurable):
    assert is_measurable(criterion) == measurable


# -- the whole file -------------------------------------------------------------------


def test_rules_match_the_spec():
    assert {rule.id for rule in RULES} == SPEC_RULES
    for rule in RULES:
        assert rule.rationale and rule.hint and rule.passes and rule.fails
        assert rule.weight in (1, 2, 3)
        assert (rule.weight == 1) == (rule.severity == "warning")
        assert (rule.needs == ("schedule",)) == (rule.id in SCHEDULE_RULES)
    assert next(rule for rule in RULES if rule.id == "launch.resources").severity == "warning"
    assert SPEC.defaults == {"months": 3}
    assert SPEC.rules.unbound == [] and SPEC.rules.strays == []


@pytest.mark.parametrize(("fixture", "rule", "wheres"), [
    ("cycle.yaml", "launch.dependencies", ["tasks[2].depends_on"]),
    ("unknown-dependency.yaml", "launch.dependencies", ["tasks[5].depends_on[1]"]),
    ("fractional-duration.yaml", "launch.durations", ["tasks[1].duration"]),
    ("bad-refs.yaml", "launch.refs", ["tasks[1].resource", "tasks[4].phase"]),
    ("window-too-long.yaml", "launch.window", ["ga_date"]),
    ("overrun.yaml", "launch.fits", ["ga_date"]),
    ("exit-criterion-no-number.yaml", "launch.exit-criteria",
     ["phases[1].exit_criteria[1]"]),
    ("over-capacity.yaml", "launch.resources", ["resources[0]"]),
    ("rollout-backwards.yaml", "launch.rollout", ["rollout[2].percent"]),
    ("go-no-go-after-ga.yaml", "launch.go-no-go", ["go_no_go.date"]),
    ("go-no-go-after-80-percent.yaml", "launch.go-no-go", ["go_no_go.date"]),
    ("weekend-ga.yaml", "launch.calendar", ["ga_date"]),
    ("rollout-in-private-beta.yaml", "launch.calendar", ["rollout[0].date"]),
])
def test_each_seeded_flaw_reports_its_rule_only(grade, fixture, rule, wheres):
    result = grade(FIXTURES / fixture, as_of=AS_OF)
    assert rules_of(result) == {rule}
    assert where_of(result, rule) == wheres
    assert not result.internal_errors
    severity = next(r.severity for r in RULES if r.id == rule)
    assert result.passed == (severity == "warning")
    assert result.score < 100


def test_every_rule_has_a_flawed_fixture():
    assert rules_named_in_fixtures(FIXTURES, "launch") == SPEC_RULES


@pytest.mark.parametrize(("fixture", "because"), [
    ("cycle.yaml", "the dependencies have a cycle: T3 → T6 → T4 → T3; see "
                   "launch.dependencies"),
    ("unknown-dependency.yaml", "task T6 depends on 'T9', which is not a task in this plan; "
                                "see launch.dependencies"),
    ("fractional-duration.yaml", "task T2 has a duration of 4.5 working days, which is not "
                                 "a whole number of days; see launch.durations"),
])
def test_a_plan_that_cannot_be_scheduled_skips_the_rules_that_need_it(grade, fixture,
                                                                      because):
    result = grade(FIXTURES / fixture, as_of=AS_OF)
    assert {(item.rule, item.because) for item in result.skipped} == {
        (rule, because) for rule in SCHEDULE_RULES}
    assert result.figures is None and result.metrics == {}
    assert not result.internal_errors
    # Skipped rules are left out of the score; the broken rule alone costs its weight.
    assert 0 < result.score < 100


def test_dependency_messages(grade):
    cycle = grade(FIXTURES / "cycle.yaml", as_of=AS_OF)
    assert cycle.findings[0].message == (
        "tasks depend on each other in a loop: T3 → T6 → T4 → T3 (each waits for the next), "
        "so none of them can ever start")
    unknown = grade(FIXTURES / "unknown-dependency.yaml", as_of=AS_OF)
    assert unknown.findings[0].message == "T6 depends on 'T9', which is not a task in this plan"


def test_launch_schedule_refuses_what_it_cannot_schedule():
    def plan_of(name):
        plan = SPEC.model.model_validate(_data(FIXTURES / name))
        return plan, plan_calendar(plan)

    with pytest.raises(Blocked, match="T3 → T6 → T4 → T3"):
        launch_schedule(*plan_of("cycle.yaml"))
    with pytest.raises(Blocked, match="task T6 depends on 'T9'"):
        launch_schedule(*plan_of("unknown-dependency.yaml"))
    with pytest.raises(Blocked, match="task T2 has a duration of 4.5 working days"):
        schedule(plan_of("fractional-duration.yaml")[0])


def test_overrun_numbers(grade):
    # T6 takes 35 days: indices 30-64, and index 64 is Tuesday 2027-04-06 (Apr 1 = 61,
    # Apr 2 = 62, Apr 5 = 63). After GA (Mar 31): Apr 1, 2, 5, 6 = 4 working days late.
    result = grade(FIXTURES / "overrun.yaml", as_of=AS_OF)
    assert result.figures.finish == date(2027, 4, 6)
    assert result.figures.duration_working_days == 65
    assert result.figures.slack_to_ga_days == -4
    finding = result.findings[0]
    assert finding.message == ("the schedule finishes on 2027-04-06, 4 working days after GA "
                               "(2027-03-31); critical path: T1 → T3 → T4 → T6 → T8")
    assert "Take 4 working days off the critical path" in finding.hint


def test_resource_message_names_the_days_and_tasks(grade):
    # eng (capacity 2) runs T4 (idx 20-29), T5 (20-24) and T7 (20-27): 3 at once on
    # indices 20-24 = Feb 2 - Feb 8 (5 working days); 2 on 25-27 is within capacity.
    result = grade(FIXTURES / "over-capacity.yaml", as_of=AS_OF)
    finding = result.findings[0]
    assert finding.message == (
        "Payments engineering can run 2 tasks at once but has more on 5 working days: "
        "2027-02-02 to 2027-02-08 (3 running). On 2027-02-02: T4, T5, T7")
    assert "Chain T4 and T5" in finding.hint and "capacity to 3" in finding.hint
    weeks = result.figures.resource_load["eng"].weeks
    assert weeks[date(2027, 2, 1)] == 3 and weeks[date(2027, 2, 8)] == 3
    assert weeks[date(2027, 2, 15)] == 1


def test_other_messages(grade):
    window = grade(FIXTURES / "window-too-long.yaml", as_of=AS_OF).findings[0]
    assert window.message == ("GA on 2027-04-15 is 11 days past the 3-month launch window "
                              "(2027-01-04 + 3 months = 2027-04-04)")
    rollout = grade(FIXTURES / "rollout-backwards.yaml", as_of=AS_OF).findings[0]
    assert rollout.message == ("the rollout goes backwards: 50% on 2027-03-03, then 25% on "
                               "2027-03-17")
    go = grade(FIXTURES / "go-no-go-after-ga.yaml", as_of=AS_OF).findings[0]
    assert go.message.startswith("the go/no-go on 2027-04-02 is after GA (2027-03-31)")
    exit_criterion = grade(FIXTURES / "exit-criterion-no-number.yaml", as_of=AS_OF).findings[0]
    assert exit_criterion.message.startswith("'support tickets stay low' has no number and no "
                                             "comparator")
    duration = grade(FIXTURES / "fractional-duration.yaml", as_of=AS_OF).findings[0]
    assert duration.message == ("task T2 has a duration of 4.5 working days, which is not a "
                                "whole number of days")
    assert "duration: 4 or duration: 5" in duration.hint


def test_calendar_messages_name_the_date_and_the_fix(grade):
    weekend = grade(FIXTURES / "weekend-ga.yaml", as_of=AS_OF).findings[0]
    assert weekend.message == "GA 2027-03-27 is a Saturday; the next working day is 2027-03-29"
    assert weekend.hint.startswith("Set ga_date: 2027-03-29, or 2027-03-26 (the working day "
                                   "before)")
    early = grade(FIXTURES / "rollout-in-private-beta.yaml", as_of=AS_OF).findings[0]
    assert early.message == (
        "rollout step 1 (5%) on 2027-01-19 comes before the second phase, public-beta, starts "
        "on 2027-02-02 (task T4); customers would get the product while private-beta is still "
        "running")
    assert "2027-02-02 or later" in early.hint


def test_go_no_go_message_names_the_step_already_live(grade):
    late = grade(FIXTURES / "go-no-go-after-80-percent.yaml", as_of=AS_OF).findings[0]
    assert late.message == (
        "the go/no-go on 2027-03-24 comes after 80% of customers already have the product "
        "(rollout step 3, 2027-03-17); the decision has to come before most users are exposed")
    assert late.hint.startswith("Hold the go/no-go on or before 2027-03-17")


def _data(path: Path) -> dict:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _clean_with(*changes: tuple[str, str]) -> str:
    text = (FIXTURES / "clean.yaml").read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


ROLLOUT = ("  - {date: 2027-02-17, percent: 5}\n  - {date: 2027-03-03, percent: 25}\n"
           "  - {date: 2027-03-17, percent: 50}\n  - {date: 2027-03-31, percent: 100}\n")
GO_NO_GO = ("go_no_go:\n  date: 2027-03-24\n  approver: Dana Whitfield, VP Product\n"
            "  criteria: [Public beta exit criteria met, No open severity-1 bugs]\n")


@pytest.mark.parametrize(("changes", "rule", "wheres"), [
    # A task on its own; a repeated id.
    ([("depends_on: [T1, T2], resource: eng}", "depends_on: [T1, T2, T3], resource: eng}")],
     "launch.dependencies", ["tasks[2].depends_on"]),
    # (T8 depended on T7, which no longer exists.)
    ([("{id: T7, name: Launch campaign", "{id: T6, name: Launch campaign")],
     "launch.dependencies", ["tasks[6].id", "tasks[7].depends_on[1]"]),
    # Durations: negative (with a fraction elsewhere, both are named).
    ([("duration: 5, depends_on: [], resource: mkt}", "duration: -5, depends_on: [], "
                                                       "resource: mkt}"),
      ("duration: 8, depends_on: [T3], resource: mkt}", "duration: 0.5, depends_on: [T3], "
                                                         "resource: mkt}")],
     "launch.durations", ["tasks[1].duration", "tasks[6].duration"]),
    # A task with work but no resource; a task with no phase.
    ([("depends_on: [T3], resource: mkt}", "depends_on: [T3]}")], "launch.refs",
     ["tasks[6].resource"]),
    ([("{id: T1, name: Harden the beta build, phase: private-beta,",
       "{id: T1, name: Harden the beta build,")], "launch.refs", ["tasks[0].phase"]),
    # GA before the start.
    ([("ga_date: 2027-03-31", "ga_date: 2026-12-31")], "launch.window", ["ga_date"]),
    # A phase without exit criteria; a number without a comparator.
    ([('    exit_criteria: ["no open severity-1 bugs = 0 for 10 days"]\n', "")],
     "launch.exit-criteria", ["phases[2].exit_criteria"]),
    ([('"crash-free sessions >= 99.5%"', '"99.5% crash-free sessions"')],
     "launch.exit-criteria", ["phases[0].exit_criteria[0]"]),
    # Rollout: none at all; never at 100; 100 after GA; over 100; dates out of order;
    # two steps on one day.
    ([("rollout:\n" + ROLLOUT, "")], "launch.rollout", ["rollout"]),
    ([("{date: 2027-03-31, percent: 100}", "{date: 2027-03-31, percent: 90}")],
     "launch.rollout", ["rollout"]),
    ([("{date: 2027-03-31, percent: 100}", "{date: 2027-04-01, percent: 100}")],
     "launch.rollout", ["rollout[3].date"]),
    ([("{date: 2027-03-31, percent: 100}", "{date: 2027-03-31, percent: 150}")],
     "launch.rollout", ["rollout[3].percent"]),
    ([("{date: 2027-03-17, percent: 50}", "{date: 2027-02-10, percent: 50}")],
     "launch.rollout", ["rollout[2].date"]),
    ([("{date: 2027-03-17, percent: 50}", "{date: 2027-03-03, percent: 50}")],
     "launch.rollout", ["rollout[2].date"]),
    # Go/no-go: missing; on GA day; no approver and no criteria; no date; after 51% live.
    ([(GO_NO_GO, "")], "launch.go-no-go", ["go_no_go"]),
    ([("date: 2027-03-24", "date: 2027-03-31")], "launch.go-no-go", ["go_no_go.date"]),
    ([("  approver: Dana Whitfield, VP Product\n  criteria: [Public beta exit criteria met, "
       "No open severity-1 bugs]\n", "  approver: ''\n")], "launch.go-no-go",
     ["go_no_go.approver", "go_no_go.criteria"]),
    ([("  date: 2027-03-24\n", "")], "launch.go-no-go", ["go_no_go.date"]),
    ([("{date: 2027-03-17, percent: 50}", "{date: 2027-03-17, percent: 51}")],
     "launch.go-no-go", ["go_no_go.date"]),
    # Calendar: a go/no-go on a Sunday; a rollout step on a listed holiday; a rollout step
    # the day before the public beta starts.
    ([("date: 2027-03-24", "date: 2027-03-21")], "launch.calendar", ["go_no_go.date"]),
    ([("{date: 2027-02-17, percent: 5}", "{date: 2027-02-15, percent: 5}")],
     "launch.calendar", ["rollout[0].date"]),
    ([("{date: 2027-02-17, percent: 5}", "{date: 2027-02-01, percent: 5}")],
     "launch.calendar", ["rollout[0].date"]),
])
def test_other_ways_to_break_a_rule(grade, changes, rule, wheres):
    result = grade(_clean_with(*changes), as_of=AS_OF)
    assert where_of(result, rule) == wheres
    assert not result.internal_errors


@pytest.mark.parametrize("changes", [
    # GA exactly three calendar months after the start would be Sunday 2027-04-04; the
    # Friday before is inside the window.
    [("ga_date: 2027-03-31", "ga_date: 2027-04-02")],
    # A milestone needs no resource (T8 has none); the schedule finishing on GA day fits:
    # T6 of 31 days runs indices 30-60 and 60 is Mar 31.
    [("phase: public-beta, duration: 10, depends_on: [T4, T5]",
      "phase: public-beta, duration: 31, depends_on: [T4, T5]")],
    # Rollout steps may repeat a percent, and reach 100 before GA.
    [("{date: 2027-03-17, percent: 50}", "{date: 2027-03-17, percent: 25}"),
     ("{date: 2027-03-31, percent: 100}", "{date: 2027-03-30, percent: 100}")],
    # Load equal to capacity is fine: T5 on eng makes two eng tasks at once.
    [("duration: 5, depends_on: [T3], resource: qa}", "duration: 5, depends_on: [T3], "
                                                       "resource: eng}")],
    # A whole number written with a decimal point is a whole number of days.
    [("duration: 5, depends_on: [], resource: mkt}", "duration: 5.0, depends_on: [], "
                                                      "resource: mkt}")],
    # Exactly 50% before the go/no-go is not yet most users; the decision may fall on the
    # day of the first step above 50%.
    [("date: 2027-03-24", "date: 2027-03-31"), ("ga_date: 2027-03-31", "ga_date: 2027-04-01"),
     ("{date: 2027-03-31, percent: 100}", "{date: 2027-03-31, percent: 100}")],
    # The rollout may start on the very day the public beta's first task starts.
    [("{date: 2027-02-17, percent: 5}", "{date: 2027-02-02, percent: 5}")],
])
def test_boundaries_pass(grade, changes):
    result = grade(_clean_with(*changes), as_of=AS_OF)
    assert result.findings == []


def test_no_bound_without_a_second_phase_with_tasks(grade):
    early = ("{date: 2027-02-17, percent: 5}", "{date: 2027-01-05, percent: 5}")
    # The second phase has no tasks: nothing bounds the rollout.
    moved = _clean_with(early, ("phase: public-beta, duration: 10, depends_on: [T3]",
                                "phase: private-beta, duration: 10, depends_on: [T3]"),
                        ("phase: public-beta, duration: 5", "phase: private-beta, duration: 5"),
                        ("phase: public-beta, duration: 10, depends_on: [T4, T5]",
                         "phase: private-beta, duration: 10, depends_on: [T4, T5]"))
    assert grade(moved, as_of=AS_OF).findings == []
    # One phase only.
    single = _clean_with(early)
    single = single.replace("phase: public-beta,", "phase: private-beta,").replace(
        "phase: ga,", "phase: private-beta,")
    single = single[:single.index("  - id: public-beta")] + single[single.index("resources:"):]
    assert grade(single, as_of=AS_OF).findings == []


def test_the_second_phase_is_the_second_in_the_list(grade):
    # Listing ga second makes ga's first task (T7, 2027-02-02) the bound.
    swapped = _clean_with(
        ('  - id: public-beta\n    name: Public beta\n    exit_criteria: ["p95 payout time '
         'under 30 minutes", "support tickets per 100 merchants <= 3"]\n', ""),
        ('    exit_criteria: ["no open severity-1 bugs = 0 for 10 days"]\n',
         '    exit_criteria: ["no open severity-1 bugs = 0 for 10 days"]\n'
         '  - id: public-beta\n    name: Public beta\n    exit_criteria: ["p95 payout time '
         'under 30 minutes", "support tickets per 100 merchants <= 3"]\n'),
        ("{date: 2027-02-17, percent: 5}", "{date: 2027-02-01, percent: 5}"))
    finding, = grade(swapped, as_of=AS_OF).findings
    assert finding.rule == "launch.calendar"
    assert "the second phase, ga, starts on 2027-02-02 (task T7)" in finding.message


def test_go_no_go_compares_with_the_earliest_step_above_half(grade):
    # Steps out of date order: the 60% step dated 2027-03-10 is the first above 50% in time.
    result = grade(_clean_with(("{date: 2027-03-03, percent: 25}",
                                "{date: 2027-03-10, percent: 60}"),
                               ("{date: 2027-03-17, percent: 50}",
                                "{date: 2027-03-17, percent: 70}")), as_of=AS_OF)
    finding, = [f for f in result.findings if f.rule == "launch.go-no-go"]
    assert "60% of customers already have the product (rollout step 2, 2027-03-10)" in \
        finding.message


def test_weekend_ga_at_the_end_of_the_window_suggests_the_day_before(grade):
    # 2027-01-04 + 3 months = Sunday 2027-04-04: Monday 2027-04-05 would be too late.
    result = grade(_clean_with(("ga_date: 2027-03-31", "ga_date: 2027-04-04")), as_of=AS_OF)
    finding, = result.findings
    assert finding.message == "GA 2027-04-04 is a Sunday; the next working day is 2027-04-05"
    assert finding.hint.startswith("Set ga_date: 2027-04-02, the working day before")


def test_country_public_holidays_are_not_working_days(grade):
    # The clean plan lists MLK Day and Presidents' Day; naming the country instead gives
    # the same schedule.
    listed = grade(FIXTURES / "clean.yaml", as_of=AS_OF)
    by_country = grade(_clean_with(("holidays: [2027-01-18, 2027-02-15]",
                                    "country: US\nholidays: []")), as_of=AS_OF)
    assert by_country.findings == []
    assert by_country.metrics == listed.metrics
    # Without either, Jan 18 and Feb 15 are working days and the plan finishes 2 days sooner.
    neither = grade(_clean_with(("holidays: [2027-01-18, 2027-02-15]", "holidays: []")),
                    as_of=AS_OF)
    assert neither.figures.finish == date(2027, 2, 26)
    # A rollout step on a public holiday of the country is named with the holiday.
    holiday = grade(_clean_with(("holidays: [2027-01-18, 2027-02-15]",
                                 "country: us\nholidays: []"),
                                ("{date: 2027-02-17, percent: 5}",
                                 "{date: 2027-02-15, percent: 5}")), as_of=AS_OF)
    finding, = holiday.findings
    assert finding.message == ("rollout step 1 (5%) on 2027-02-15 is a public holiday in US "
                               "(Washington's Birthday); the next working day is 2027-02-16")
    listed_holiday = grade(_clean_with(("{date: 2027-02-17, percent: 5}",
                                        "{date: 2027-02-15, percent: 5}")), as_of=AS_OF)
    assert "is a holiday (it is listed under holidays)" in listed_holiday.findings[0].message


def test_an_unknown_country_is_a_schema_finding(grade):
    result = grade(_clean_with(("holidays: [2027-01-18, 2027-02-15]",
                                "country: XX\nholidays: []")), as_of=AS_OF)
    assert where_of(result, "common.schema") == ["country"]


def test_every_task_with_no_float_is_on_the_critical_path(grade):
    # Two tied paths after T1: T2 and T10 both take 5 days and both feed T3, so both have
    # no float. Ordered by start date, then by id read as numbers: T2 before T10.
    #   T1 5: Jan 4-8; T2, T10 5: Jan 11-15; T11 3: Jan 11-13 (float 2); T3 1: Jan 19.
    plan = """\
        kind: launch-plan
        version: 1
        product: Tied paths
        start: 2027-01-04
        ga_date: 2027-01-29
        holidays: [2027-01-18]
        phases: [{id: beta, exit_criteria: ["errors < 1%"]}]
        resources: [{id: eng, capacity: 3}]
        tasks:
          - {id: T10, name: Right path, phase: beta, duration: 5, depends_on: [T1], resource: eng}
          - {id: T3, name: Join, phase: beta, duration: 1, depends_on: [T10, T2, T11],
             resource: eng}
          - {id: T1, name: Start, phase: beta, duration: 5, depends_on: [], resource: eng}
          - {id: T11, name: Short path, phase: beta, duration: 3, depends_on: [T1], resource: eng}
          - {id: T2, name: Left path, phase: beta, duration: 5, depends_on: [T1], resource: eng}
        rollout: [{date: 2027-01-25, percent: 50}, {date: 2027-01-29, percent: 100}]
        go_no_go: {date: 2027-01-22, approver: Dana Whitfield, criteria: [errors under 1%]}
        """
    result = grade(plan, as_of=AS_OF)
    assert result.findings == []
    assert result.metrics["critical_path"] == ["T1", "T2", "T10", "T3"]
    assert result.figures.tasks["T11"].total_float == 2
    assert not result.figures.critical_path_is_chain
    # Tied paths are not one chain, so the picture lists them without arrows.
    assert "critical path  T1, T2, T10, T3" in _render(result)


# -- the exercise, the template and the model answer ------------------------------------


def test_window_comes_from_the_exercise_parameters():
    plan = SPEC.model.model_validate(_data(FIXTURES / "window-too-long.yaml"))
    assert SPEC.grade(plan, Context(as_of=AS_OF, params={"months": 4})).findings == []
    three = SPEC.grade(plan, Context(as_of=AS_OF, params={"months": 3})).findings
    assert [finding.rule for finding in three] == ["launch.window"]
    default = SPEC.grade(plan, Context(as_of=AS_OF, params={})).findings
    assert [finding.rule for finding in default] == ["launch.window"]


def test_wrong_types_are_schema_findings(grade):
    result = grade(_clean_with(("{id: eng, name: Payments engineering, capacity: 2}",
                                "{id: eng, name: Payments engineering, capacity: two}")),
                   as_of=AS_OF)
    assert where_of(result, "common.schema") == ["resources[0].capacity"]
    quoted = grade(_clean_with(("duration: 5, depends_on: [], resource: mkt}",
                                "duration: '5', depends_on: [], resource: mkt}")), as_of=AS_OF)
    assert where_of(quoted, "common.schema") == ["tasks[1].duration"]


def test_a_launch_needs_tasks(grade):
    text = _clean_with(("tasks:\n", "tasks: []\nold_tasks:\n"))
    assert where_of(grade(text, as_of=AS_OF), "common.schema") == ["tasks"]


def test_template_fails_only_on_placeholders(grade):
    result = grade(fresh_template("launch-plan"), as_of=AS_OF)
    assert rules_of(result) == {"common.placeholder"}
    assert not result.passed and not result.skipped
    assert "product" in where_of(result, "common.placeholder")
    # A launch about three months long, with every date on a working day.
    figures = result.figures
    assert add_months(date(2027, 2, 1), 3) >= figures.ga_date > date(2027, 4, 1)
    assert figures.slack_to_ga_days >= 0


def test_model_answer_passes_cleanly(grade):
    result = grade(EXAMPLE, as_of=AS_OF)
    assert result.findings == [] and result.skipped == []
    assert result.score == 100
    figures = result.figures
    # Critical path 8 + 0 + 10 + 5 + 0 + 25 + 2 + 0 = 50 working days from Jan 4:
    # index 49 = Tuesday 2027-03-16; Mar 17 .. Mar 31 holds 11 working days.
    assert figures.critical_path == ["T1", "T5", "T6", "T8", "T10", "T11", "T16", "T17"]
    assert figures.critical_path_is_chain
    assert figures.duration_working_days == 50
    assert figures.finish == date(2027, 3, 16)
    assert figures.slack_to_ga_days == 11
    # The public beta opens on 2027-02-04 and runs 25 working days (T11, Feb 5 - Mar 12);
    # the go/no-go comes after it and before the first rollout step.
    assert figures.tasks["T10"].start == date(2027, 2, 4)
    assert (figures.tasks["T11"].start, figures.tasks["T11"].finish) == (date(2027, 2, 5),
                                                                        date(2027, 3, 12))
    plan = SPEC.model.model_validate(_data(EXAMPLE))
    assert figures.tasks["T11"].finish < plan.go_no_go.date < plan.rollout[0].date


# -- the picture ----------------------------------------------------------------------


def _render(result, width: int = 80) -> str:
    return render_text("launch-plan", result, width)


def test_render_draws_gantt_and_load_without_colour(grade):
    text = _render(grade(FIXTURES / "clean.yaml", as_of=AS_OF))
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "\x1b[" not in text
    assert "2027-03-02 (40 working days)" in text
    assert "21 working days of slack before GA" in text
    assert "T1 → T3 → T4 → T6 → T8" in text
    rows = {line.split()[0]: line for line in text.splitlines() if line.startswith("T")}
    assert "◆" in rows["T8"]
    assert "█" in rows["T1"] and "▒" in rows["T2"]
    assert any(line.startswith("◆ go/no-go") for line in text.splitlines())
    assert "│ GA 2027-03-31" in text
    load = {line.split()[0]: line.split()[3:] for line in text.splitlines()
            if "(cap" in line}
    assert load["eng"] == ["1"] * 9
    assert load["qa"] == ["·", "·", "·", "·", "1", "1", "·", "·", "·"]


def test_render_marks_overload_and_lateness(grade):
    over = _render(grade(FIXTURES / "over-capacity.yaml", as_of=AS_OF))
    eng = next(line for line in over.splitlines() if line.startswith("eng (cap 2)"))
    assert "3!" in eng
    late = _render(grade(FIXTURES / "overrun.yaml", as_of=AS_OF))
    assert "LATE: 4 working days after GA" in late


def test_render_draws_nothing_without_a_schedule(grade):
    assert _render(grade(FIXTURES / "cycle.yaml", as_of=AS_OF)) == ""


def test_load_chart_groups_weeks_to_fit():
    from pmpath.kinds.launch_plan.figures import ResourceLoad
    from pmpath.kinds.launch_plan.render import load_lines

    weeks = {date(2027, 1, 4).fromordinal(date(2027, 1, 4).toordinal() + 7 * week): week % 4
             for week in range(60)}
    lines = load_lines({"eng": ResourceLoad(capacity=2, weeks=weeks)}, width=60)
    plain = [line.plain for line in lines]
    assert all(len(line) <= 60 for line in plain)
    # 60 weeks in (60 - 12) // 3 = 16 cells: 4 weeks a cell, 15 cells.
    assert plain[0].split()[1:4] == ["1", "5", "9"]
    assert "4 weeks" in " ".join(plain[2:])
    assert plain[1].split()[3:] == ["3!"] * 15   # peaks of 3 over capacity 2 still show
