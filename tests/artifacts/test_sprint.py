"""sprint: the sprint calendar, the scope of the plan, every rule both ways, the figures,
the thresholds from the curriculum, the picture and the forecast inputs."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from support import fresh_template, render_text, rules_named_in_fixtures, rules_of, where_of

from pmpath.kinds.base import Blocked, Context
from pmpath.kinds.sprint import SPEC
from pmpath.kinds.sprint.forecast import forecast_inputs
from pmpath.kinds.sprint.rules import RULES, nearest_on_scale, scope_of, working_days

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "sprint"
EXAMPLE = REPO / "curriculum" / "examples" / "sprint.yaml"
TEMPLATE = REPO / "templates" / "sprint" / "sprint.yaml"
AS_OF = date(2027, 1, 20)

SPEC_RULES = {"sprint.length", "sprint.goal", "sprint.ids", "sprint.points",
              "sprint.commitment", "sprint.scope", "sprint.acceptance", "sprint.daily",
              "sprint.burndown", "sprint.review", "sprint.retro", "sprint.dod"}

# Monday 2027-01-04 .. Friday 2027-01-15: two Monday-to-Friday weeks.
TWO_WEEKS = [date(2027, 1, day) for day in (4, 5, 6, 7, 8, 11, 12, 13, 14, 15)]
TWO_WEEKS_TEXT = [day.isoformat() for day in TWO_WEEKS]


def _clean_text(*changes: tuple[str, str]) -> str:
    text = (FIXTURES / "clean.yaml").read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def _clean_with(grade, *changes: tuple[str, str]):
    return grade(_clean_text(*changes), as_of=AS_OF)


def _model(text: str):
    return SPEC.model.model_validate(yaml.safe_load(text))


def _context(**thresholds) -> Context:
    return SPEC.context(as_of=AS_OF, params={}, thresholds=thresholds)


def _days(**fields) -> list[date]:
    data = yaml.safe_load(_clean_text())
    data.update(fields)
    return list(working_days(SPEC.model.model_validate(data), _context()).days)


def _skipped(result) -> dict[str, str]:
    return {item.rule: item.because for item in result.skipped}


# -- the calendar -------------------------------------------------------------------------


def test_sprint_days_skip_weekends_and_holidays():
    assert _days() == TWO_WEEKS
    # Starting on Saturday 2027-01-02 moves the first day to Monday 2027-01-04.
    assert _days(start=date(2027, 1, 2)) == TWO_WEEKS
    # From Monday 2027-01-11 over a holiday on Monday 2027-01-18: 11..15 (5 days), skip 16,
    # 17 (weekend) and 18 (holiday), 19..22 (4 days), 25 = day 10.
    days = _days(start=date(2027, 1, 11), holidays=[date(2027, 1, 18)])
    assert days[4] == date(2027, 1, 15) and days[5] == date(2027, 1, 19)
    assert days[-1] == date(2027, 1, 25) and date(2027, 1, 18) not in days


def test_a_country_adds_its_public_holidays():
    # Martin Luther King Jr. Day, Monday 2027-01-18, is a US public holiday.
    days = _days(start=date(2027, 1, 11), country="US")
    assert date(2027, 1, 18) not in days and days[-1] == date(2027, 1, 25)
    assert _days(start=date(2027, 1, 11), country="GB")[5] == date(2027, 1, 18)


@pytest.mark.parametrize("length", [0, -1, 21, 1_000_000])
def test_a_length_out_of_range_blocks_the_calendar(length):
    data = yaml.safe_load(_clean_text())
    data["length_days"] = length
    with pytest.raises(Blocked, match=f"length_days is {length}"):
        working_days(SPEC.model.model_validate(data), _context())


@pytest.mark.parametrize(("points", "nearest"), [(4, 5), (2.5, 3), (6, 5), (7, 8),
                                                 (10, 8), (11, 13), (40, 20), (0, 1)])
def test_nearest_on_scale(points, nearest):
    assert nearest_on_scale(points, (1, 2, 3, 5, 8, 13, 20)) == nearest


# -- the scope of the plan ----------------------------------------------------------------


def test_scope_counts_planned_added_removed_and_final():
    # The model answer: planned 5 + 8 + 3 + 2 + 3 + 3 = 24 (PAY-101 … PAY-106); PAY-108 (2)
    # added on 2027-01-07; PAY-106 (3) removed on 2027-01-11. Final scope 24 + 2 - 3 = 23;
    # done 23 - PAY-105 (3) = 20; done planned 5 + 8 + 3 + 2 = 18.
    scope = scope_of(_model(EXAMPLE.read_text(encoding="utf-8")))
    assert scope.planned_points == 24
    assert (scope.added_points, scope.removed_points) == (2, 3)
    assert scope.completed_points == 20 and scope.done_planned_points == 18
    assert [item.id for item in scope.open_items] == ["PAY-105"] and scope.open_points == 3
    assert scope.net_change_on(date(2027, 1, 7)) == 2
    assert scope.net_change_on(date(2027, 1, 11)) == -3
    assert scope.net_change_on(date(2027, 1, 12)) == 0


# -- the whole file -----------------------------------------------------------------------


def test_rules_match_the_spec():
    assert {rule.id for rule in RULES} == SPEC_RULES
    for rule in RULES:
        assert rule.rationale and rule.hint and rule.passes and rule.fails
        assert rule.weight in (1, 2, 3)
        assert (rule.weight == 1) == (rule.severity == "warning")
    assert SPEC.defaults == {"length_days": 10}
    assert SPEC.forecast_inputs == "pmpath.kinds.sprint.forecast:forecast_inputs"


def test_clean_fixture_passes_with_metrics(grade):
    result = grade(FIXTURES / "clean.yaml", as_of=AS_OF)
    assert result.findings == [] and result.skipped == []
    assert result.exercise == "two-week-sprint"
    metrics = result.metrics
    # Planned: A-1 5 + A-2 8 + A-3 3 + A-4 5 = 21; A-5 (2) was added on day 4; A-6 is not
    # committed. Completed: everything but A-4 = 5 + 8 + 3 + 2 = 18. Say/do: done planned
    # 5 + 8 + 3 = 16 of 21 = 0.7619 (A-5 was not planned, so it is on neither side).
    assert metrics["committed_points"] == 21
    assert metrics["added_points"] == 2 and metrics["removed_points"] == 0
    assert metrics["completed_points"] == 18
    assert metrics["say_do_ratio"] == pytest.approx(16 / 21, abs=1e-4)
    burndown = metrics["burndown"]
    assert [day["date"] for day in burndown] == TWO_WEEKS_TEXT
    assert [day["actual"] for day in burndown] == [21, 21, 18, 20, 18, 18, 13, 13, 13, 5]
    assert [day["ideal"] for day in burndown] == pytest.approx(
        [21 * (10 - k) / 9 for k in range(1, 11)], abs=1e-4)
    assert set(burndown[0]) == {"date", "ideal", "actual"}
    assert list(metrics) == ["committed_points", "added_points", "removed_points",
                             "completed_points", "say_do_ratio", "burndown"]


SEEDED = [
    ("burndown-last-day.yaml", "sprint.burndown", ["daily[9].remaining_points"]),
    ("burndown-rise.yaml", "sprint.burndown", ["daily[5].remaining_points"]),
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
    ("scope-weekend.yaml", "sprint.scope", ["backlog[4].added_on"]),
    ("scope-not-explained.yaml", "sprint.scope", ["daily[3].scope_change"]),
    ("scope-uncommitted.yaml", "sprint.scope", ["backlog[5].removed_on"]),
]


@pytest.mark.parametrize(("fixture", "rule", "wheres"), SEEDED)
def test_each_seeded_flaw_reports_its_rule_only(grade, fixture, rule, wheres):
    result = grade(FIXTURES / fixture, as_of=AS_OF)
    assert rules_of(result) == {rule}
    assert where_of(result, rule) == wheres
    assert not result.internal_errors
    severity = next(r.severity for r in RULES if r.id == rule)
    assert result.passed == (severity == "warning")
    assert result.score < 100


def test_every_rule_has_a_flawed_fixture():
    assert rules_named_in_fixtures(FIXTURES, "sprint") == SPEC_RULES
    assert {rule for _, rule, _ in SEEDED} == SPEC_RULES
    for path in FIXTURES.glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert path.name == "clean.yaml" or first.startswith("# Flaw (sprint."), path.name


def test_rules_blocked_by_another_error_are_skipped_with_the_reason(grade):
    # A missing daily entry leaves the burndown and the day-by-day scope check nothing
    # sound to run on; a wrong added_on date leaves the plan itself unsure.
    missing = grade(FIXTURES / "missing-day.yaml", as_of=AS_OF)
    assert _skipped(missing) == {
        "sprint.scope": "the daily entries are not one per working day yet (1 problem, see "
                        "sprint.daily)",
        "sprint.burndown": "the daily entries are not one per working day yet (1 problem, see "
                           "sprint.daily)"}
    weekend = grade(FIXTURES / "scope-weekend.yaml", as_of=AS_OF)
    assert set(_skipped(weekend)) == {"sprint.commitment", "sprint.burndown"}
    assert _skipped(weekend)["sprint.burndown"].startswith(
        "an added_on or removed_on date needs fixing first (see sprint.scope)")
    # Skipped rules are left out of the score: the common rules weigh 5 + 5 + 10 + 2 + 2 = 24,
    # the sprint's rules that ran 2 × 9 + 1 = 19; sprint.scope (2) fails: 41 / 43 = 95%.
    assert weekend.score == 95 and not weekend.passed
    too_long = _clean_with(grade, ("length_days: 10", "length_days: 25"))
    assert set(_skipped(too_long)) == {"sprint.daily", "sprint.scope", "sprint.commitment",
                                       "sprint.burndown"}
    assert "longer than a sprint may last (20 working days)" in _skipped(too_long)[
        "sprint.daily"]


def _message(grade, fixture: str) -> str:
    findings = grade(FIXTURES / fixture, as_of=AS_OF).findings
    assert len(findings) == 1
    return findings[0].message


def test_messages_carry_the_numbers(grade):
    assert _message(grade, "burndown-last-day.yaml") == (
        "the last day (2027-01-15) shows 0 points remaining, but the items still in the "
        "sprint that are not done add up to 5: A-4 (5 points)")
    assert _message(grade, "burndown-rise.yaml") == (
        "remaining points rose from 18 to 20 on 2027-01-11, but scope_change that day is 0")
    assert _message(grade, "missing-day.yaml") == (
        "no daily entry for 2027-01-06 (Wednesday, day 3 of 10)")
    # Velocities 18, 19, 17: mean 18, x 1.1 = 19.8; planned 21 (A-5, added later, is not).
    assert _message(grade, "overcommitted.yaml") == (
        "21 points were planned at sprint planning, but 1.1 × the mean of the last 3 "
        "velocities (18, 19, 17 → 18.00) allows at most 19.8")
    assert _message(grade, "demo-not-done.yaml") == (
        "A-4 was demoed but its status is 'in progress', not done")
    assert "no owner and no due date" in _message(grade, "retro-no-owner.yaml")
    assert _message(grade, "points-off-scale.yaml").startswith("A-6 has 4 points")
    assert _message(grade, "length-15.yaml") == (
        "length_days is 15, but this exercise is a sprint of 10 working days")
    assert _message(grade, "scope-weekend.yaml") == (
        "A-5 was added on 2027-01-09, a Saturday, which is not a working day of the sprint")
    assert _message(grade, "scope-not-explained.yaml") == (
        "on 2027-01-07 scope_change is +3, but the backlog records +2 that day (A-5 added, "
        "2 points); the other +1 would be a re-estimate, and the day's notes do not say what "
        "changed")
    assert _message(grade, "scope-uncommitted.yaml") == (
        "A-6 has removed_on 2027-01-11 but committed is false; only an item in the sprint can "
        "be taken out of it")


def test_hints_give_the_fix(grade):
    hints = {fixture: grade(FIXTURES / fixture, as_of=AS_OF).findings[0].hint
             for fixture in ("burndown-last-day.yaml", "burndown-rise.yaml",
                             "overcommitted.yaml", "points-off-scale.yaml",
                             "scope-weekend.yaml", "scope-not-explained.yaml")}
    assert "remaining_points: 5" in hints["burndown-last-day.yaml"]
    assert "scope_change: 2 and give the item that came in added_on: 2027-01-11" in \
        hints["burndown-rise.yaml"]
    assert "Take 2 or more points" in hints["overcommitted.yaml"]     # 21 - 19
    assert "points: 5" in hints["points-off-scale.yaml"]
    # The working days either side of Saturday 2027-01-09.
    assert "added_on: 2027-01-08 or added_on: 2027-01-11" in hints["scope-weekend.yaml"]
    assert "set scope_change: 2" in hints["scope-not-explained.yaml"]


# -- sprint.daily -------------------------------------------------------------------------

DAY3 = "  - {date: 2027-01-06, remaining_points: 18, scope_change: 0}\n"


def test_daily_duplicate_weekend_holiday_and_outside(grade):
    # A second entry for 01-06, a Saturday inside the sprint span, and one after it ends.
    result = _clean_with(grade, (DAY3, DAY3 + DAY3
                                 + "  - {date: 2027-01-09, remaining_points: 18, "
                                   "scope_change: 0}\n"
                                 + "  - {date: 2027-01-19, remaining_points: 18, "
                                   "scope_change: 0}\n"))
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
    result = _clean_with(grade, ("holidays: []", "holidays: [2027-01-06]"))
    assert where_of(result, "sprint.daily") == ["daily[2].date", "daily"]
    assert result.findings[0].message == (
        "2027-01-06 is a holiday, not a working day of the sprint")
    assert result.findings[1].message == "no daily entry for 2027-01-18 (Monday, day 10 of 10)"


def test_daily_on_a_public_holiday_of_the_country(grade):
    # The acceptance sprint of 2027-01-11 to 2027-01-25 skips Monday 2027-01-18 through its
    # own holidays; naming the country US instead gives the same days.
    text = (REPO / "tests" / "acceptance" / "sprint.holiday-calendar.yaml").read_text(
        encoding="utf-8")
    us = text.replace("holidays: [2027-01-18]", "holidays: []\ncountry: us")
    assert grade(us, as_of=AS_OF).findings == []
    extra = us.replace("  - {date: 2027-01-19,",
                       "  - {date: 2027-01-18, remaining_points: 18, scope_change: 0}\n"
                       "  - {date: 2027-01-19,")
    result = grade(extra, as_of=AS_OF)
    assert [finding.message for finding in result.findings] == [
        "2027-01-18 is Martin Luther King Jr. Day, a public holiday in US, not a working day "
        "of the sprint"]


def test_an_unknown_country_is_a_schema_finding(grade):
    result = _clean_with(grade, ("holidays: []", "holidays: []\ncountry: XX"))
    assert where_of(result, "common.schema") == ["country"]


# -- sprint.burndown ----------------------------------------------------------------------

DAY1 = "{date: 2027-01-04, remaining_points: 21, scope_change: 0}"


def test_burndown_day_one_above_the_plan(grade):
    result = _clean_with(grade, (DAY1, "{date: 2027-01-04, remaining_points: 23, "
                                       "scope_change: 0}"))
    assert where_of(result, "sprint.burndown") == ["daily[0].remaining_points"]
    # 23 is the old "committed" (21 planned + A-5 added on day 4); day 1 knows only the plan.
    assert result.findings[0].message == (
        "day 1 (2027-01-04) shows 23 points remaining, more than the 21 points planned at "
        "sprint planning")


def test_burndown_day_one_counts_that_days_scope_change(grade):
    # A 2-point bug pulled in on day 1: 23 is fine (21 + 2), 24 is not.
    bug = ("{id: A-5, title: Declined card error, type: bug, points: 2, committed: true, "
           "status: done,\n     added_on: 2027-01-07,",
           "{id: A-5, title: Declined card error, type: bug, points: 2, committed: true, "
           "status: done,\n     added_on: 2027-01-04,")
    moved = ("{date: 2027-01-07, remaining_points: 20, scope_change: 2,",
             "{date: 2027-01-07, remaining_points: 18, scope_change: 0,")
    ok = _clean_with(grade, bug, moved,
                     (DAY1, "{date: 2027-01-04, remaining_points: 23, scope_change: 2}"),
                     ("{date: 2027-01-05, remaining_points: 21,",
                      "{date: 2027-01-05, remaining_points: 23,"),
                     ("{date: 2027-01-06, remaining_points: 18,",
                      "{date: 2027-01-06, remaining_points: 20,"),
                     ("{date: 2027-01-07, remaining_points: 18,",
                      "{date: 2027-01-07, remaining_points: 20,"))
    assert ok.findings == []
    high = _clean_with(grade, bug, moved,
                       (DAY1, "{date: 2027-01-04, remaining_points: 24, scope_change: 2}"),
                       ("{date: 2027-01-05, remaining_points: 21,",
                        "{date: 2027-01-05, remaining_points: 23,"),
                       ("{date: 2027-01-06, remaining_points: 18,",
                        "{date: 2027-01-06, remaining_points: 20,"),
                       ("{date: 2027-01-07, remaining_points: 18,",
                        "{date: 2027-01-07, remaining_points: 20,"))
    assert [finding.message for finding in high.findings] == [
        "day 1 (2027-01-04) shows 24 points remaining, more than the 21 planned + scope "
        "change 2 = 23"]


def test_burndown_rise_larger_than_the_scope_change(grade):
    # Day 4 adds 2 points but remaining jumps by 5 (18 -> 23).
    result = _clean_with(grade, ("{date: 2027-01-07, remaining_points: 20,",
                                 "{date: 2027-01-07, remaining_points: 23,"))
    assert where_of(result, "sprint.burndown") == ["daily[3].remaining_points"]
    finding = result.findings[0]
    assert finding.message == ("remaining points rose by 5 (from 18 to 23) on 2027-01-07, "
                               "more than that day's scope_change of 2")
    assert "set it to 20 or less" in finding.hint


def test_burndown_ends_without_removed_items(grade):
    # The product owner removes A-4 (5 points, not done) on day 6: scope_change -5 that day,
    # and the burndown then ends at 0, because nothing still in the sprint is open.
    removed = _clean_text(
        ("     status: in progress, acceptance_criteria: [card_saved event reaches analytics]}",
         "     status: in progress, removed_on: 2027-01-11,\n"
         "     acceptance_criteria: [card_saved event reaches analytics]}"),
        ("{date: 2027-01-11, remaining_points: 18, scope_change: 0}",
         "{date: 2027-01-11, remaining_points: 13, scope_change: -5}"),
        ("{date: 2027-01-12, remaining_points: 13,", "{date: 2027-01-12, remaining_points: 8,"),
        ("{date: 2027-01-13, remaining_points: 13,", "{date: 2027-01-13, remaining_points: 8,"),
        ("{date: 2027-01-14, remaining_points: 13,", "{date: 2027-01-14, remaining_points: 8,"),
        ("{date: 2027-01-15, remaining_points: 5,", "{date: 2027-01-15, remaining_points: 0,"))
    result = grade(removed, as_of=AS_OF)
    assert result.findings == []
    # Planned 21 (A-4 still counts as planned), removed 5; done planned 5 + 8 + 3 = 16:
    # say/do 16 / 21 as before, since A-4 was not done either way.
    assert result.metrics["removed_points"] == 5
    assert result.metrics["completed_points"] == 18
    assert result.metrics["say_do_ratio"] == pytest.approx(16 / 21, abs=1e-4)
    # Keeping A-4 on the last day (5) is now wrong, and the message says why.
    kept = grade(removed.replace("{date: 2027-01-15, remaining_points: 0,",
                                 "{date: 2027-01-15, remaining_points: 5,"), as_of=AS_OF)
    assert [finding.message for finding in kept.findings] == [
        "the last day (2027-01-15) shows 5 points remaining, but every item still in the "
        "sprint is done, so it should be 0; removed items (A-4) no longer count"]


# -- sprint.scope -------------------------------------------------------------------------

A5_ADDED = "     added_on: 2027-01-07,"


@pytest.mark.parametrize(("change", "where", "message"), [
    ((A5_ADDED, "     added_on: 2027-01-01,"), "backlog[4].added_on",
     "A-5 was added on 2027-01-01, before the sprint started on 2027-01-04"),
    ((A5_ADDED, "     added_on: 2027-01-19,"), "backlog[4].added_on",
     "A-5 was added on 2027-01-19, after the sprint ended on 2027-01-15"),
    ((A5_ADDED, A5_ADDED + " removed_on: 2027-01-06,"), "backlog[4].removed_on",
     "A-5 was removed on 2027-01-06, before it was added on 2027-01-07"),
    (("{id: A-6, title: Expiry reminder email, type: story, points: 3, committed: false,",
      "{id: A-6, title: Expiry reminder email, type: story, points: 3, committed: false, "
      "added_on: 2027-01-07,"), "backlog[5].added_on",
     "A-6 has added_on 2027-01-07 but committed is false, so it was never in the sprint"),
])
def test_scope_dates_must_be_working_days_of_the_sprint_on_committed_items(
        grade, change, where, message):
    result = _clean_with(grade, change)
    scope = [finding for finding in result.findings if finding.rule == "sprint.scope"]
    assert [finding.where for finding in scope][:1] == [where]
    assert scope[0].message == message
    assert rules_of(result) == {"sprint.scope"}
    assert {"sprint.commitment", "sprint.burndown"} <= set(_skipped(result))


def test_scope_change_without_an_item_needs_notes(grade):
    # Without its note, day 4's +2 is unexplained once A-5 carries no added_on: that is a
    # re-estimate, and a re-estimate needs a note saying what changed.
    no_note = ("{date: 2027-01-07, remaining_points: 20, scope_change: 2,\n"
               "     notes: Bug bash found A-5; the product owner pulled it in}",
               "{date: 2027-01-07, remaining_points: 20, scope_change: 2}")
    with_item = _clean_with(grade, no_note)
    assert with_item.findings == []
    planned = _clean_with(grade, no_note, (A5_ADDED, ""))
    scope = [finding for finding in planned.findings if finding.rule == "sprint.scope"]
    assert [finding.where for finding in scope] == ["daily[3].scope_change"]
    assert scope[0].message == (
        "on 2027-01-07 scope_change is +2, but no item was added or removed that day, so it "
        "is a re-estimate, and the day's notes do not say what changed")
    assert "added_on: 2027-01-07" in scope[0].hint
    # With the note, the same re-estimate is honest: A-5 then counts as planned (23 > 23.1?
    # no: 23 <= 23.1) and the file passes.
    noted = _clean_with(grade, (A5_ADDED, ""))
    assert noted.findings == []
    assert noted.metrics["committed_points"] == 23


def test_a_forgotten_scope_change_is_reported_with_the_points_to_write(grade):
    # A-5 carries added_on 2027-01-07 but the day records no scope change and no note.
    result = _clean_with(grade, ("{date: 2027-01-07, remaining_points: 20, scope_change: 2,\n"
                                 "     notes: Bug bash found A-5; the product owner pulled it "
                                 "in}",
                                 "{date: 2027-01-07, remaining_points: 18, scope_change: 0}"))
    scope = [finding for finding in result.findings if finding.rule == "sprint.scope"]
    assert [finding.where for finding in scope] == ["daily[3].scope_change"]
    assert scope[0].message.startswith(
        "on 2027-01-07 scope_change is 0, but the backlog records +2 that day (A-5 added, "
        "2 points); the other -2 would be a re-estimate")
    assert scope[0].hint.startswith("If nothing was re-estimated, set scope_change: 2")


# -- sprint.commitment --------------------------------------------------------------------


def test_commitment_counts_only_the_plan(grade):
    # Velocities 19, 19, 19: 1.1 × 19 = 20.9. Planned 21 does not fit; the 23 points of
    # the final scope are not what is judged.
    result = _clean_with(grade, ("velocity_history: [20, 22, 21]",
                                 "velocity_history: [19, 19, 19]"))
    assert [finding.message for finding in result.findings] == [
        "21 points were planned at sprint planning, but 1.1 × the mean of the last 3 "
        "velocities (19, 19, 19 → 19.00) allows at most 20.9"]
    # 1.1 × mean(20, 19, 19) = 1.1 × 19.33 = 21.27: 21 planned fits, though 23 were done
    # or open by the end.
    fits = _clean_with(grade, ("velocity_history: [20, 22, 21]",
                               "velocity_history: [20, 19, 19]"))
    assert fits.findings == []


def test_commitment_without_velocity_is_a_finding(grade):
    result = _clean_with(grade, ("velocity_history: [20, 22, 21]", "velocity_history: []"))
    assert where_of(result, "sprint.commitment") == ["velocity_history"]
    assert result.findings[0].message.startswith(
        "velocity_history is empty, so the 21 points planned at sprint planning")


def test_commitment_with_fewer_than_three_velocities(grade):
    # mean(20, 22) = 21 -> 23.1 allowed: 21 fits. mean(18, 19) = 18.5 -> 20.35: 21 does not.
    fits = _clean_with(grade, ("velocity_history: [20, 22, 21]", "velocity_history: [20, 22]"))
    assert fits.findings == []
    over = _clean_with(grade, ("velocity_history: [20, 22, 21]", "velocity_history: [18, 19]"))
    assert "the only 2 velocities given (18, 19 → 18.50) allows at most 20.35" \
        in over.findings[0].message


# -- thresholds from the curriculum -------------------------------------------------------


def test_thresholds_change_what_the_rules_judge_by():
    model = _model(_clean_text())
    assert SPEC.grade(model, _context()).findings == []
    # A Fibonacci scale without 3 and 5, and a stricter allowance of 1.0 × mean 21 = 21.
    findings = SPEC.grade(model, _context(**{
        "sprint.points": {"scale": [1, 2, 4, 8, 16]},
        "sprint.commitment": {"allowance": 1.0}})).findings
    assert {(finding.rule, finding.where) for finding in findings} == {
        ("sprint.points", "backlog[0].points"), ("sprint.points", "backlog[2].points"),
        ("sprint.points", "backlog[3].points"), ("sprint.points", "backlog[5].points")}
    assert findings[0].message == "A-1 has 5 points, which is not on the scale 1, 2, 4, 8, 16"
    stricter = SPEC.grade(model, _context(**{"sprint.commitment": {"allowance": 0.9}}))
    assert "0.9 × the mean of the last 3 velocities" in stricter.findings[0].message
    # Judging only the last sprint: 1.1 × 21 = 23.1 either way; the last two: 1.1 × 21.5.
    assert SPEC.grade(model, _context(**{"sprint.commitment": {"recent_sprints": 1}})) \
        .findings == []


def test_rubric_thresholds_reach_the_checks(tmp_path, grade):
    from pmpath.core.curriculum import load_curriculum
    from pmpath.core.grading import grade_file

    folder = tmp_path / "curriculum"
    shutil.copytree(REPO / "curriculum", folder)
    rubric = yaml.safe_load((folder / "rubric.yaml").read_text(encoding="utf-8"))
    rubric["thresholds"]["sprint.length"] = {"max_days": 12}
    (folder / "rubric.yaml").write_text(yaml.safe_dump(rubric), encoding="utf-8")
    curriculum = load_curriculum(folder)
    assert curriculum.thresholds["sprint.length"] == {"max_days": 12}
    result = grade_file(FIXTURES / "length-15.yaml", as_of=AS_OF, curriculum=curriculum)
    assert [finding.message for finding in result.findings] == [
        "length_days is 15, but this exercise is a sprint of 10 working days and a sprint "
        "lasts at most 12 working days"]
    assert "sprint.daily" in _skipped(result)


def test_unknown_rule_in_thresholds_is_a_curriculum_problem(tmp_path):
    from pmpath.core.curriculum_models import validate_curriculum

    folder = tmp_path / "curriculum"
    shutil.copytree(REPO / "curriculum", folder)
    rubric = yaml.safe_load((folder / "rubric.yaml").read_text(encoding="utf-8"))
    rubric["thresholds"]["sprint.pointz"] = {"scale": [1, 2]}
    (folder / "rubric.yaml").write_text(yaml.safe_dump(rubric), encoding="utf-8")
    _, problems = validate_curriculum(folder)
    assert "rubric.yaml: thresholds.sprint.pointz: no rule has this id (see `pmpath rules`)" \
        in problems


# -- the other rules ----------------------------------------------------------------------


def test_review_of_unknown_item(grade):
    result = _clean_with(grade, ("demoed: [A-1, A-2, A-3, A-5]", "demoed: [A-1, A-9]"))
    assert where_of(result, "sprint.review") == ["review.demoed[1]"]
    assert "A-9 was demoed but there is no backlog item" in result.findings[0].message


def test_retro_with_no_actions_and_with_one_good_action(grade):
    none = _clean_with(grade, ("  actions:\n    - {action: Escalate sandbox outages within 4 "
                               "hours, owner: Ana, due: 2027-01-22}", "  actions: []"))
    assert where_of(none, "sprint.retro") == ["retro.actions"]
    # One owned, dated action is enough even if another lacks a due date.
    extra = _clean_with(grade, ("due: 2027-01-22}", "due: 2027-01-22}\n"
                                "    - {action: Book reviews earlier, owner: Ben}"))
    assert extra.findings == []


def test_committed_item_without_points(grade):
    result = _clean_with(grade, ("{id: A-3, title: List saved cards, type: story, points: 3,",
                                 "{id: A-3, title: List saved cards, type: story,"))
    assert where_of(result, "sprint.points") == ["backlog[2].points"]
    assert result.findings[0].message == (
        "A-3 is committed but has no points, so the commitment and the burndown count it as 0")


def test_length_over_the_limit_and_exercise_parameter():
    data = yaml.safe_load((FIXTURES / "length-15.yaml").read_text(encoding="utf-8"))
    model = SPEC.model.model_validate(data)
    assert SPEC.grade(model, Context(as_of=AS_OF, params={"length_days": 15})).findings == []
    data["length_days"] = 25
    outcome = SPEC.grade(SPEC.model.model_validate(data),
                         Context(as_of=AS_OF, params={"length_days": 25}))
    assert [finding.message for finding in outcome.findings] == [
        "length_days is 25, but a sprint lasts at most 20 working days"]
    # Without the sprint's days, A-5's added_on cannot be checked, so neither can the plan.
    assert {item.rule for item in outcome.skipped} == {"sprint.daily", "sprint.scope",
                                                       "sprint.commitment", "sprint.burndown"}


def test_absurd_length_stays_bounded(grade):
    result = _clean_with(grade, ("length_days: 10", "length_days: 1000000"))
    assert rules_of(result) == {"sprint.length"}
    assert result.metrics["burndown"] == []


def test_wrong_types_are_schema_findings(grade):
    result = _clean_with(grade, ("{date: 2027-01-05, remaining_points: 21,",
                                 "{date: 2027-01-05, remaining_points: lots,"),
                         (A5_ADDED, "     added_on: next week,"))
    assert where_of(result, "common.schema") == ["backlog[4].added_on",
                                                 "daily[1].remaining_points"]


def test_template_fails_only_on_placeholders(grade):
    result = grade(fresh_template("sprint"), as_of=AS_OF)
    assert rules_of(result) == {"common.placeholder"}
    assert "sprint_goal" in where_of(result, "common.placeholder")
    assert not result.passed and not result.skipped
    assert len(result.metrics["burndown"]) == 10
    text = fresh_template("sprint")
    for field in ("added_on", "removed_on", "country", "scope_change", "notes"):
        assert field in text


def test_model_answer_passes_cleanly(grade):
    result = grade(EXAMPLE, as_of=AS_OF)
    assert result.findings == [] and result.skipped == []
    assert result.score == 100
    metrics = result.metrics
    # Planned 24; PAY-108 (2) added on day 4, PAY-106 (3) removed on day 6; final scope 23,
    # PAY-105 (3) not done -> 20 completed; say/do 18 / 24 = 0.75.
    assert metrics["committed_points"] == 24
    assert (metrics["added_points"], metrics["removed_points"]) == (2, 3)
    assert metrics["completed_points"] == 20
    assert metrics["say_do_ratio"] == 0.75
    assert [day["actual"] for day in metrics["burndown"]] == [24, 24, 21, 23, 21, 18, 13, 11,
                                                              11, 3]


# -- the picture --------------------------------------------------------------------------


def _render(result, width: int = 80) -> str:
    return render_text("sprint", result, width)


def test_render_draws_every_day(grade):
    text = _render(grade(EXAMPLE, as_of=AS_OF))
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "planned 24 points · added 2 · removed 3 · completed 20 · say/do 75%" in text
    for day in ("2027-01-04", "2027-01-11", "2027-01-15"):
        assert day in text
    assert "2027-01-09" not in text                # Saturday
    assert "█" in text and ("│" in text or "┃" in text) and "\x1b[" not in text
    rows = {line.split()[1]: line for line in text.splitlines()
            if line.strip()[:2].strip().isdigit()}
    assert " +2 " in rows["2027-01-07"] and " −3 " in rows["2027-01-11"]
    assert "3.0 behind" in rows["2027-01-15"]


def test_render_without_scope_changes_keeps_the_short_summary(grade):
    text = _render(grade(FIXTURES / "points-off-scale.yaml", as_of=AS_OF))
    assert "planned 21 points · added 2 · removed 0 · completed 18 · say/do 76%" in text
    plain = _render(grade(_clean_text((A5_ADDED, "")), as_of=AS_OF))
    # A-5 without added_on is planned: 18 done of 23 planned = 78%.
    assert "planned 23 points · completed 18 · say/do 78%" in plain


def test_render_marks_missing_days(grade):
    text = _render(grade(FIXTURES / "missing-day.yaml", as_of=AS_OF))
    row = next(line for line in text.splitlines() if "2027-01-06" in line)
    assert "no entry" in row and "—" in row


def test_burndown_bar():
    from pmpath.kinds.sprint.render import burndown_bar

    # Scale 20 points over 10 cells: actual 10 fills 5 cells; ideal 16 marks cell 8 (index 7).
    assert burndown_bar(10, 16, 20, width=10) == "█████  │  "
    # Ideal 6 falls on the actual bar (cell 3): drawn as a heavier mark.
    assert burndown_bar(10, 6, 20, width=10) == "██┃██     "
    assert burndown_bar(None, 20, 20, width=10) == "         │"


# -- the forecast inputs ------------------------------------------------------------------


def _sprint_data(**fields) -> dict:
    data = {"kind": "sprint", "version": 1, "start": date(2027, 1, 4), "length_days": 10,
            "holidays": [], "velocity_history": [20, 22, 21],
            "backlog": [{"id": "A-1", "points": 8, "status": "done"},
                        {"id": "A-2", "points": 13, "status": "in progress"},
                        {"id": "A-3", "points": 5, "status": "to do",
                         "removed_on": date(2027, 1, 11)},
                        {"id": "A-4", "points": 2.5, "status": "to do"},
                        {"id": "A-5", "status": "to do"}]}
    data.update(fields)
    return data


def test_forecast_inputs_from_a_sprint():
    # Left: A-2 13 + A-4 2.5 = 15.5 -> 16 whole points; A-1 is done, A-3 was removed from
    # the sprint, A-5 has no points. The sprint is 2027-01-04..15; the next starts Monday
    # 2027-01-18.
    inputs = forecast_inputs(_sprint_data())
    assert inputs == {"throughput": [20, 22, 21], "items": 16, "start": date(2027, 1, 18),
                      "period_days": 10, "holidays": []}


def test_forecast_inputs_skip_the_countrys_public_holidays():
    # In the US, Monday 2027-01-18 is Martin Luther King Jr. Day: the next sprint starts on
    # Tuesday 2027-01-19, and the holidays handed on include it.
    inputs = forecast_inputs(_sprint_data(country="US"))
    assert inputs["start"] == date(2027, 1, 19)
    assert date(2027, 1, 18) in inputs["holidays"]


def test_forecast_inputs_without_dates_have_no_start():
    inputs = forecast_inputs(_sprint_data(start="soon"))
    assert set(inputs) == {"throughput", "items"}


@pytest.mark.parametrize(("fields", "message"), [
    ({"velocity_history": []}, "velocity_history is empty"),
    ({"velocity_history": [20, "fast"]}, "velocity_history[1] ('fast') is not a number"),
    ({"velocity_history": [20, 2.5]}, "velocity_history[1] (2.5) is not a whole number"),
    ({"backlog": "A-1, A-2"}, "backlog must be a list"),
    ({"backlog": [{"id": "A-1", "points": "big"}]}, "backlog[0].points is 'big'"),
    ({"country": "XX"}, "'XX' is not a country code"),
])
def test_forecast_inputs_refuse_unusable_files_in_a_sentence(fields, message):
    with pytest.raises(ValueError, match=None) as error:
        forecast_inputs(_sprint_data(**fields))
    assert message in str(error.value)


def test_forecast_of_the_model_answer():
    from pmpath import api

    # Left: PAY-105 3 (in progress) + PAY-107 5 (not committed, to do) = 8; PAY-106 was
    # removed from the sprint and is not counted. Every past sprint did more than 8, so it
    # takes 1 sprint. The next sprint starts Tuesday 2027-01-19 (Monday is Martin Luther
    # King Jr. Day in the US) and its 10th working day is Monday 2027-02-01: 19-22 (4),
    # 25-29 (5), Feb 1.
    report = api.forecast(sprint_file=EXAMPLE, seed=1, trials=100)
    assert report.items == 8 and report.throughput == [21, 24, 23]
    assert report.periods == {"p50": 1, "p85": 1, "p95": 1}
    assert report.start == date(2027, 1, 19) and report.period_days == 10
    assert report.dates["p95"] == date(2027, 2, 1)
