"""The risk-register kind: its rules in both directions, its metrics, its files and its heat map.

Fixtures live in tests/fixtures/risk-register/: ``clean.yaml`` breaks no rule as of
2027-01-20 and every other file is that register with one seeded flaw (named in
its first comment). Rows of clean.yaml, for the hand computations below:

    index id     p  i  score  status      category    last_reviewed
    0     R-001  4  5  20     open        technical   2027-01-18   high
    1     R-002  3  4  12     monitoring  vendor      2027-01-18
    2     R-003  3  3   9     open        schedule    2027-01-11
    3     R-004  2  5  10     open        compliance  2027-01-11
    4     R-005  4  4  16     open        resource    2027-01-18   high
    5     R-006  2  4   8     open        security    2027-01-18
    6     R-007  3  3   9     open        technical   2027-01-18   (opportunity)
    7     R-008  2  2   4     closed      cost        2027-01-11
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from support import fresh_template, render_text, rules_of, where_of

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "risk-register"
AS_OF = date(2027, 1, 20)

SPEC_RULES = {
    "risk.ids": "error", "risk.scale": "error", "risk.score-matches": "error",
    "risk.description": "error", "risk.high-owned": "error", "risk.response": "error",
    "risk.closed-reason": "error", "risk.stale": "error", "risk.dates": "error",
    "risk.living": "error", "risk.count": "error", "risk.categories": "warning",
}


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_rules_are_exactly_the_spec_rules_with_their_severities():
    from pmpath.kinds.risk_register import SPEC

    assert {rule.id: rule.severity for rule in SPEC.rules} == SPEC_RULES
    assert SPEC.kind == "risk-register"
    assert SPEC.defaults == {"min_risks": 8}
    for rule in SPEC.rules:
        assert rule.rationale and rule.hint and rule.passes and rule.fails, rule.id
        assert rule.weight in (1, 2, 3), rule.id


def test_clean_register_has_no_findings(grade):
    result = grade(fixture("clean.yaml"), as_of=AS_OF)
    assert result.findings == []
    assert result.passed and result.score == 100


@pytest.mark.parametrize("rule", sorted(SPEC_RULES))
def test_clean_register_meets_every_rule(grade, rule):
    # The passing direction of each rule: the clean register does not report it.
    assert rule not in rules_of(grade(fixture("clean.yaml"), as_of=AS_OF))


# (fixture, rule it seeds, exact wheres). Each flaw breaks that rule and nothing else.
SEEDED_FLAWS = [
    ("duplicate-ids.yaml", "risk.ids", ["risks[5].id"]),
    ("bad-scale.yaml", "risk.scale", ["risks[1].probability", "risks[2].impact"]),
    ("score-miscomputed.yaml", "risk.score-matches", ["risks[4].score"]),
    ("missing-description.yaml", "risk.description", ["risks[3].event", "risks[3].effect"]),
    ("high-no-contingency.yaml", "risk.high-owned", ["risks[0].contingency"]),
    ("high-no-trigger-action.yaml", "risk.high-owned", ["risks[4].trigger", "risks[4].actions"]),
    ("opportunity-mitigate.yaml", "risk.response", ["risks[6].response"]),
    ("closed-no-reason.yaml", "risk.closed-reason", ["risks[7].closed_reason"]),
    ("stale-open-risk.yaml", "risk.stale", ["risks[2].last_reviewed"]),
    ("future-history.yaml", "risk.dates", ["risks[1].history[0].date"]),
    ("dates-out-of-order.yaml", "risk.dates", ["risks[5].last_reviewed",
                                               "risks[6].last_reviewed"]),
    ("one-review-date.yaml", "risk.living", ["risks"]),
    ("seven-risks.yaml", "risk.count", ["risks"]),
    ("two-categories.yaml", "risk.categories", ["risks"]),
]


@pytest.mark.parametrize(("name", "rule", "wheres"), SEEDED_FLAWS,
                         ids=[name for name, _, _ in SEEDED_FLAWS])
def test_seeded_flaw_is_reported_where_it_is(grade, name, rule, wheres):
    result = grade(fixture(name), as_of=AS_OF)
    assert where_of(result, rule) == wheres
    assert rules_of(result) == {rule}
    assert result.passed is (SPEC_RULES[rule] == "warning")


def test_every_rule_has_a_seeded_failing_fixture():
    assert {rule for _, rule, _ in SEEDED_FLAWS} == set(SPEC_RULES)


def messages(result, rule: str) -> list[tuple[str, str]]:
    return [(f.message, f.hint) for f in result.findings if f.rule == rule]


def test_score_message_does_the_arithmetic(grade):
    [(message, hint)] = messages(grade(fixture("score-miscomputed.yaml")), "risk.score-matches")
    assert "R-005" in message
    assert "score 12 but probability 4 × impact 4 = 16" in message
    assert hint == "set score: 16"


def test_scale_messages_name_the_value_and_the_fix(grade):
    (prob_message, prob_hint), (impact_message, impact_hint) = messages(
        grade(fixture("bad-scale.yaml")), "risk.scale")
    assert "probability 6" in prob_message and "1–5" in prob_message
    assert "set probability: 5" in prob_hint
    assert "impact 2.5 is not a whole number" in impact_message
    assert "choose 2 or 3" in impact_hint


def test_off_scale_risks_are_not_judged_high_and_stay_off_the_heat_map(grade):
    # R-002 has 6 × 4 = 24, which would be high; it is left to risk.scale instead.
    result = grade(fixture("bad-scale.yaml"))
    assert "risk.high-owned" not in rules_of(result)
    # clean.yaml's heat map minus R-002 (p3 i4: row 1, column 2) and R-003 (p3 i3: row 2,
    # column 2).
    assert result.metrics["heatmap"] == [[0, 1, 0, 1, 0], [0, 1, 0, 1, 0], [0, 0, 1, 0, 0],
                                         [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]]


def test_scale_applies_to_history_entries(grade):
    text = fixture("clean.yaml").replace(
        "{date: 2027-01-04, probability: 3, impact: 5,", "{date: 2027-01-04, probability: 0,"
        " impact: 5,")
    assert where_of(grade(text), "risk.scale") == ["risks[0].history[0].probability"]


def test_stale_message_names_days_and_cadence(grade):
    [(message, hint)] = messages(grade(fixture("stale-open-risk.yaml")), "risk.stale")
    assert "30 days ago" in message and "2026-12-21" in message
    assert "every 14 days" in message
    assert "on or after 2027-01-06" in hint


def test_stale_depends_on_as_of(grade):
    # R-003 was last reviewed 2026-12-21 with a 14-day cadence: 14 days later it is due,
    # 15 days later it is stale. (Other rules fire at those dates: later reviews are "future".)
    on_the_day = grade(fixture("stale-open-risk.yaml"), as_of=date(2027, 1, 4))
    assert "risk.stale" not in rules_of(on_the_day)
    day_after = grade(fixture("stale-open-risk.yaml"), as_of=date(2027, 1, 5))
    assert where_of(day_after, "risk.stale") == ["risks[2].last_reviewed"]
    assert day_after.metrics["stale_risks"] == ["R-003"]


def test_every_live_risk_goes_stale_when_nobody_reviews(grade):
    # As of 2027-02-10 the latest review (2027-01-18) is 23 days old; the closed R-008 is exempt.
    result = grade(fixture("clean.yaml"), as_of=date(2027, 2, 10))
    assert result.metrics["stale_risks"] == ["R-001", "R-002", "R-003", "R-004", "R-005",
                                             "R-006", "R-007"]
    assert "risks[7].last_reviewed" not in where_of(result, "risk.stale")


def test_response_hint_names_the_counterpart(grade):
    [(message, hint)] = messages(grade(fixture("opportunity-mitigate.yaml")), "risk.response")
    assert "'mitigate'" in message and "threats" in message
    assert "use response: enhance" in hint


@pytest.mark.parametrize(("response", "hint_part"), [
    ("exploit", "use response: avoid"),
    ("monitor", "avoid, mitigate, transfer, accept, escalate"),
])
def test_threat_responses(grade, response, hint_part):
    text = fixture("clean.yaml").replace("response: avoid", f"response: {response}")
    result = grade(text)
    assert where_of(result, "risk.response") == ["risks[5].response"]
    assert hint_part in messages(result, "risk.response")[0][1]


def test_missing_response_is_reported(grade):
    text = fixture("clean.yaml").replace("    response: avoid\n", "")
    assert where_of(grade(text), "risk.response") == ["risks[5].response"]


def test_high_risk_that_occurred_still_needs_a_contingency_but_closed_does_not(grade):
    base = fixture("high-no-contingency.yaml")
    occurred = grade(base.replace("status: open", "status: occurred", 1))
    assert where_of(occurred, "risk.high-owned") == ["risks[0].contingency"]
    closed = grade(base.replace("status: open", "status: closed\n    closed_reason: Done", 1))
    assert "risk.high-owned" not in rules_of(closed)
    assert "R-001" not in closed.metrics["high_risks"]


def test_high_owned_judges_the_real_score_not_the_stated_one(grade):
    # R-002 is 3 × 4 = 12; claiming score 20 does not make it high (score-matches says so).
    text = fixture("clean.yaml").replace("score: 12", "score: 20")
    result = grade(text)
    assert rules_of(result) == {"risk.score-matches"}
    assert result.metrics["high_risks"] == ["R-001", "R-005"]


def test_duplicate_id_message_points_to_the_first_use(grade):
    [(message, _)] = messages(grade(fixture("duplicate-ids.yaml")), "risk.ids")
    assert "R-002" in message and "risks[1]" in message


def test_review_before_identification_and_in_the_future(grade):
    (before, _), (future, _) = messages(grade(fixture("dates-out-of-order.yaml")), "risk.dates")
    assert "2027-01-18" in before and "identified on 2027-01-19" in before
    assert "2027-01-25" in future and "after today (2027-01-20)" in future


def test_dates_on_the_as_of_day_itself_are_not_in_the_future(grade):
    # clean.yaml's latest review and history entries are dated 2027-01-18.
    assert grade(fixture("clean.yaml"), as_of=date(2027, 1, 18)).findings == []
    assert "risk.dates" in rules_of(grade(fixture("clean.yaml"), as_of=date(2027, 1, 17)))


def test_living_counts_only_review_dates_up_to_today(grade):
    # A second review date that lies in the future does not make the register living.
    text = fixture("one-review-date.yaml").replace(
        "    status: monitoring\n",
        "    status: monitoring\n    history:\n      - {date: 2027-02-01, probability: 3,"
        " impact: 4}\n")
    result = grade(text)
    assert where_of(result, "risk.living") == ["risks"]
    assert where_of(result, "risk.dates") == ["risks[1].history[0].date"]
    [(message, _)] = messages(result, "risk.living")
    assert "only one review date (2027-01-18)" in message


def test_count_message_and_exercise_parameter(grade):
    [(message, _)] = messages(grade(fixture("seven-risks.yaml")), "risk.count")
    assert "7 risks" in message and "at least 8" in message


def test_min_risks_comes_from_the_exercise_parameters():
    import yaml

    from pmpath.kinds.base import Context as GradeContext
    from pmpath.kinds.risk_register import SPEC

    model = SPEC.model.model_validate(yaml.safe_load(fixture("seven-risks.yaml")))
    seven = SPEC.grade(model, GradeContext(as_of=AS_OF, params={"min_risks": 7}))
    assert "risk.count" not in {f.rule for f in seven.findings}
    ten = SPEC.grade(model, GradeContext(as_of=AS_OF, params={"min_risks": 10}))
    assert [f.message for f in ten.findings if f.rule == "risk.count"] == [
        "the register lists 7 risks; this exercise asks for at least 10"]


def test_categories_is_a_warning_naming_the_categories(grade):
    result = grade(fixture("two-categories.yaml"))
    [finding] = result.findings
    assert finding.severity == "warning"
    assert "(technical, schedule)" in finding.message


@pytest.mark.parametrize(("old", "new", "where"), [
    ("probability: 4", "probability: high", "risks[0].probability"),
    ("category: technical", "category: people", "risks[0].category"),
    ("status: open", "status: done", "risks[0].status"),
    ("type: threat", "type: issue", "risks[0].type"),
    ("    last_reviewed: 2027-01-18\n", "", "risks[0].last_reviewed"),
])
def test_wrong_types_and_values_are_schema_findings(grade, old, new, where):
    result = grade(fixture("clean.yaml").replace(old, new, 1))
    assert where_of(result, "common.schema") == [where]


def test_clean_metrics_by_hand(grade):
    # Heat map: rows impact 5..1, columns probability 1..5, risks not closed (R-008 is out):
    # impact 5: R-004 (p2), R-001 (p4); impact 4: R-006 (p2), R-002 (p3), R-005 (p4);
    # impact 3: R-003 and R-007 (both p3).
    metrics = grade(fixture("clean.yaml")).metrics
    assert metrics["heatmap"] == [[0, 1, 0, 1, 0], [0, 1, 1, 1, 0], [0, 0, 2, 0, 0],
                                  [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]]
    assert metrics["high_risks"] == ["R-001", "R-005"]  # 20 and 16 reach the threshold 15
    assert metrics["stale_risks"] == []
    assert metrics["open_count"] == 7  # 6 open + R-002 monitoring; R-008 is closed
    assert metrics["by_category"] == {"technical": 2, "schedule": 1, "cost": 1, "resource": 1,
                                      "compliance": 1, "security": 1, "vendor": 1}


def test_template_fails_with_placeholders(grade):
    result = grade(fresh_template("risk-register"))
    assert not result.passed
    assert "common.placeholder" in rules_of(result)
    assert "program" in where_of(result, "common.placeholder")
    assert "common.schema" not in rules_of(result)


def test_model_answer_passes_without_any_finding(grade):
    result = grade(REPO / "curriculum" / "examples" / "risk-register.yaml", as_of=AS_OF,
                   folder="08-risk-management")
    assert result.findings == []
    assert result.exercise == "living-risk-register"
    # 4 × 5, 4 × 4 and the occurred 5 × 3 reach 15; R-012 is closed, so 12 of 13 are mapped.
    assert result.metrics["high_risks"] == ["R-001", "R-005", "R-013"]
    assert sum(map(sum, result.metrics["heatmap"])) == 12
    assert result.metrics["open_count"] == 11


def test_large_register_is_graded_with_exact_counts(grade):
    # Risk i has probability i % 5 + 1, impact (i // 5) % 5 + 1 (so i % 25 picks the cell) and
    # status open/monitoring/closed/occurred by i % 4. Because 25 ≡ 1 (mod 4), the four risks
    # of each cell in every block of 100 take all four statuses: per 100 risks each cell gets 3
    # risks that are not closed, so 2,000 risks give 60 per cell. High cells (p × i ≥ 15) are
    # 3×5, 5×3, 4×4, 4×5, 5×4, 5×5: 6 × 60 = 360. Open or monitoring: half, 1,000. Risks with
    # i % 10 == 0 were reviewed long ago; those open or monitoring have i % 4 in {0, 1}, and
    # i even forces i % 4 == 0, so i % 20 == 0: 100 stale risks.
    statuses = ("open", "monitoring", "closed", "occurred")
    lines = ["kind: risk-register", "version: 1", "program: Generated", "review_cadence_days: 14",
             "high_threshold: 15", "risks:"]
    for i in range(2000):
        p, impact = i % 5 + 1, (i // 5) % 5 + 1
        reviewed = "2026-12-01" if i % 10 == 0 else "2027-01-18"
        lines.append(
            f"  - {{id: R-{i:05d}, title: Risk {i}, type: threat, cause: c, event: e, effect: f,"
            f" category: {('technical', 'vendor', 'schedule')[i % 3]}, probability: {p},"
            f" impact: {impact}, score: {p * impact}, owner: Ana, response: mitigate,"
            f" actions: [{{action: a, owner: Ben, due: 2027-02-01}}], trigger: t,"
            f" contingency: g, status: {statuses[i % 4]}, identified: 2026-11-20,"
            f" last_reviewed: {reviewed}, closed_reason: r,"
            f" history: [{{date: 2026-11-20, probability: 3, impact: 3}}]}}")
    result = grade("\n".join(lines) + "\n", as_of=AS_OF)
    metrics = result.metrics
    assert metrics["heatmap"] == [[60] * 5 for _ in range(5)]
    assert len(metrics["high_risks"]) == 360
    assert metrics["open_count"] == 1000
    assert len(metrics["stale_risks"]) == 100
    assert metrics["stale_risks"][:2] == ["R-00000", "R-00020"]
    assert rules_of(result) == {"risk.stale"}
    assert len(result.findings) == 100




def cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("│")[1:-1]]


def test_heat_map_render_reads_without_colour(grade):
    text = render_text("risk-register", grade(fixture("stale-open-risk.yaml")))
    lines = text.splitlines()
    assert all(len(line) <= 80 for line in lines)
    rows = {cells(line)[0]: cells(line)[1:] for line in lines
            if re.match(r"│ \d [a-z]+", line)}
    assert list(rows) == ["5 severe", "4 major", "3 moderate", "2 minor", "1 negligible"]
    # Zone letters by p × i against threshold 15 (H ≥ 15, M 8–14, L below), then the count.
    assert rows["5 severe"] == ["L 0", "M 1", "H 0", "H 1", "H 0"]
    assert rows["4 major"] == ["L 0", "M 1", "M 1", "H 1", "H 0"]
    assert rows["3 moderate"] == ["L 0", "L 0", "M 2", "M 0", "H 0"]
    assert rows["1 negligible"] == ["L 0"] * 5
    assert "probability →" in text and "impact ↓" in text
    assert "H high 15–25, M medium 8–14, L low 1–7" in text
    assert "High risks (2): R-001, R-005" in text
    assert "Stale risks (1): R-003" in text


def test_heat_map_render_shortens_long_id_lists(grade):
    from pmpath.kinds.risk_register.render import id_list

    assert id_list([]) == "none"
    assert id_list([f"R-{i}" for i in range(20)]).endswith("R-14 … and 5 more")
