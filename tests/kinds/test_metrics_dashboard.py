"""The metrics-dashboard kind: its rules in both directions, its figures, its files and its tiles.

Fixtures live in tests/fixtures/metrics-dashboard/: ``clean.yaml`` is the model answer
without its notes and breaks no rule; every other file is that dashboard with one seeded
flaw (named in its first comment). The KPIs of clean.yaml, with the last two values and
the status worked by hand (up: ≥ green is green, ≥ amber amber; down: ≤ green green,
≤ amber amber):

    index id                    dir   green amber  previous latest  status  trend
    0     deployment-frequency  up    10    5      10       12      green   up (+20%)
    1     lead-time             down  24    72     38       30      amber   down
    2     change-failure-rate   down  10    20     11       8       green   down
    3     recovery-time         down  1     4      2        1.8     amber   down (-10%)
    4     rework-rate           down  5     10     7        7       amber   flat
    5     checkout-conversion   up    68    64     65.8     67.1    amber   up (+2.0%)
    6     active-merchants      up    1500  1350   1410     1436    amber   up (+1.8%)
    7     net-revenue           up    400   360    409      414     green   up (+1.2%)
    8     support-tickets       down  2     3      3.3      3.5     red     up (+6.1%)
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from support import render_text, rules_of, where_of

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "metrics-dashboard"
TEMPLATE = REPO / "templates" / "metrics-dashboard" / "metrics-dashboard.yaml"
EXAMPLE = REPO / "curriculum" / "examples" / "metrics-dashboard.yaml"
AS_OF = date(2027, 1, 20)

SPEC_RULES = {
    "dash.ids": "error", "dash.balance": "error", "dash.complete": "error",
    "dash.thresholds": "error", "dash.range": "error", "dash.dora": "warning",
    "dash.trend": "warning",
}


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def messages(result, rule: str) -> list[tuple[str, str]]:
    return [(f.message, f.hint) for f in result.findings if f.rule == rule]


def test_rules_are_exactly_the_spec_rules_with_their_severities():
    from pmpath.kinds.metrics_dashboard import SPEC

    assert {rule.id: rule.severity for rule in SPEC.rules} == SPEC_RULES
    assert SPEC.kind == "metrics-dashboard"
    assert SPEC.defaults == {"min_per_category": 3}


def test_clean_dashboard_has_no_findings(grade):
    result = grade(fixture("clean.yaml"), as_of=AS_OF)
    assert result.findings == []
    assert result.passed and result.score == 100


# (fixture, rule it seeds, exact wheres). Each flaw breaks that rule and nothing else.
SEEDED_FLAWS = [
    ("duplicate-ids.yaml", "dash.ids", ["kpis[6].id"]),
    ("two-business-kpis.yaml", "dash.balance", ["kpis"]),
    ("card-missing-formula-owner.yaml", "dash.complete", ["kpis[7]"]),
    ("target-not-a-number.yaml", "dash.complete", ["kpis[6].target"]),
    ("thresholds-reversed.yaml", "dash.thresholds", ["kpis[2].thresholds"]),
    ("direction-in-words.yaml", "dash.thresholds", ["kpis[1].direction"]),
    ("percent-over-100.yaml", "dash.range", ["kpis[5].values[7].value"]),
    ("dora-recovery-untagged.yaml", "dash.dora", ["kpis"]),
    ("dora-unknown-tag.yaml", "dash.dora", ["kpis[3].dora"]),
    ("two-periods.yaml", "dash.trend", ["kpis[8].values"]),
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


# -- messages name the value and fit the fix to it ------------------------------------------


def test_duplicate_id_names_both_kpis(grade):
    [(message, hint)] = messages(grade(fixture("duplicate-ids.yaml")), "dash.ids")
    assert "checkout-conversion" in message and "kpis[5]" in message
    assert "Weekly active merchants" in message and "Checkout conversion" in message


def test_balance_counts_both_categories_and_says_how_many_to_add(grade):
    [(message, hint)] = messages(grade(fixture("two-business-kpis.yaml")), "dash.balance")
    assert "5 delivery KPIs and 2 business KPIs" in message
    assert "at least 3 of each" in message
    assert hint.startswith("add 1 more business KPI")


def test_balance_follows_the_exercise_parameter():
    from pmpath.core.documents import load_document
    from pmpath.kinds import spec_of
    from pmpath.kinds.base import Context

    spec = spec_of("metrics-dashboard")
    model = spec.model.model_validate(load_document(FIXTURES / "clean.yaml").data)
    outcome = spec.grade(model, Context(as_of=AS_OF, params={"min_per_category": 5}))
    [finding] = [f for f in outcome.findings if f.rule == "dash.balance"]
    assert "at least 5 of each" in finding.message
    assert "1 more business KPI" in finding.hint


def test_complete_lists_every_missing_field_of_a_card(grade):
    [(message, hint)] = messages(grade(fixture("card-missing-formula-owner.yaml")),
                                 "dash.complete")
    assert message == "KPI net-revenue (Net payment revenue) has no formula or owner"
    assert "formula:" in hint and "owner:" in hint


def test_a_single_missing_field_is_named_in_the_place(grade):
    text = fixture("clean.yaml").replace("    cadence: weekly, Tuesday (after settlement)\n", "")
    assert where_of(grade(text), "dash.complete") == ["kpis[7].cadence"]


def test_target_in_words_gets_the_number_back(grade):
    [(message, hint)] = messages(grade(fixture("target-not-a-number.yaml")), "dash.complete")
    assert "'about 1500'" in message
    assert "write target: 1500 (in merchants)" in hint


def test_reversed_thresholds_say_why_and_how_to_swap(grade):
    [(message, hint)] = messages(grade(fixture("thresholds-reversed.yaml")), "dash.thresholds")
    assert "lower is better (direction: down)" in message
    assert "green is 20 and amber 10" in message
    assert "thresholds: {green: 10, amber: 20}" in hint
    assert "set direction: up" in hint


def test_reversed_thresholds_for_a_higher_is_better_kpi(grade):
    text = fixture("clean.yaml").replace("thresholds: {green: 10, amber: 5}",
                                         "thresholds: {green: 5, amber: 10}")
    result = grade(text)
    assert where_of(result, "dash.thresholds") == ["kpis[0].thresholds"]
    [(message, _)] = messages(result, "dash.thresholds")
    assert "green must be at or above amber" in message


def test_direction_in_words_is_read_for_the_fix(grade):
    [(message, hint)] = messages(grade(fixture("direction-in-words.yaml")), "dash.thresholds")
    assert "'lower is better'" in message
    assert hint == "write direction: down (lower is better)"


@pytest.mark.parametrize(("edit", "where"), [
    (("    thresholds: {green: 24, amber: 72}\n", ""), "kpis[1].thresholds"),
    (("thresholds: {green: 24, amber: 72}", "thresholds: {green: 24}"), "kpis[1].thresholds.amber"),
    (("thresholds: {green: 24, amber: 72}", "thresholds: {green: 24, amber: three days}"),
     "kpis[1].thresholds.amber"),
    (("    direction: down\n    target: 24\n", "    target: 24\n"), "kpis[1].direction"),
])
def test_missing_or_unreadable_thresholds_and_direction(grade, edit, where):
    result = grade(fixture("clean.yaml").replace(*edit))
    assert where_of(result, "dash.thresholds") == [where]


def test_percent_out_of_range_names_the_period(grade):
    [(message, hint)] = messages(grade(fixture("percent-over-100.yaml")), "dash.range")
    assert "value for 2027-W02 is 671, outside 0–100" in message
    assert "at most 100%" in hint


def test_range_covers_target_and_thresholds_and_negative_values(grade):
    text = (fixture("clean.yaml")
            .replace("target: 68", "target: 168")
            .replace("{period: 2026-W48, value: 22}", "{period: 2026-W48, value: -2}"))
    assert where_of(grade(text), "dash.range") == ["kpis[2].values[0].value",
                                                   "kpis[5].target"]


def test_range_only_applies_to_percentages(grade):
    text = fixture("clean.yaml").replace("{period: 2026-W48, value: 96}",
                                         "{period: 2026-W48, value: 196}")
    assert "dash.range" not in rules_of(grade(text))


def test_dora_names_the_missing_key_and_what_it_measures(grade):
    [(message, hint)] = messages(grade(fixture("dora-recovery-untagged.yaml")), "dash.dora")
    assert "tags 3 of DORA's four key metrics" in message
    assert "not tagged: recovery-time" in message
    assert "failed deployment recovery time with dora: recovery-time" in hint


def test_dora_old_name_is_reported_once_with_the_new_tag(grade):
    [(message, hint)] = messages(grade(fixture("dora-unknown-tag.yaml")), "dash.dora")
    assert "dora: mttr" in message
    assert hint.startswith("use dora: recovery-time")


def test_rework_rate_is_optional(grade):
    text = fixture("clean.yaml").replace("    dora: rework-rate\n", "")
    assert "dash.dora" not in rules_of(grade(text))


def test_trend_hint_names_the_earliest_period(grade):
    [(message, hint)] = messages(grade(fixture("two-periods.yaml")), "dash.trend")
    assert "has numbers for 2 periods; a trend needs at least 3" in message
    assert "before 2027-W01" in hint


def test_text_value_is_a_trend_warning_at_its_place(grade):
    text = fixture("clean.yaml").replace("{period: 2026-W50, value: 74}",
                                         "{period: 2026-W50, value: n/a}")
    result = grade(text)
    assert where_of(result, "dash.trend") == ["kpis[1].values[2].value"]
    assert result.metrics["kpis"]["lead-time"]["latest"] == 30


# -- figures ----------------------------------------------------------------------------------


def test_clean_dashboard_figures_are_worked_by_hand(grade):
    kpis = grade(fixture("clean.yaml")).metrics["kpis"]
    expected = {
        "deployment-frequency": (12, "green", "up"),
        "lead-time": (30, "amber", "down"),
        "change-failure-rate": (8, "green", "down"),
        "recovery-time": (1.8, "amber", "down"),
        "rework-rate": (7, "amber", "flat"),
        "checkout-conversion": (67.1, "amber", "up"),
        "active-merchants": (1436, "amber", "up"),
        "net-revenue": (414, "green", "up"),
        "support-tickets": (3.5, "red", "up"),
    }
    assert {kpi_id: (value["latest"], value["status"], value["trend"])
            for kpi_id, value in kpis.items()} == expected


def test_status_is_null_without_numeric_thresholds_and_trend_null_with_one_value(grade):
    text = (fixture("two-periods.yaml")
            .replace("thresholds: {green: 2, amber: 3}", "thresholds: {green: 2}")
            .replace("      - {period: 2027-W01, value: 3.3}\n", ""))
    kpi = grade(text).metrics["kpis"]["support-tickets"]
    assert kpi == {"latest": 3.5, "status": None, "trend": None}


def test_check_json_metrics_are_the_spec_names(grade):
    metrics = grade(fixture("clean.yaml")).as_json()["metrics"]
    assert list(metrics) == ["kpis"]
    assert metrics["kpis"]["recovery-time"] == {"latest": 1.8, "status": "amber",
                                                "trend": "down"}


# -- files --------------------------------------------------------------------------------------


def test_model_answer_passes_as_of_its_date(grade):
    result = grade(EXAMPLE, as_of=AS_OF)
    assert result.findings == [] and result.score == 100


def test_fresh_template_fails_only_on_placeholders(grade):
    result = grade(TEMPLATE.read_text(encoding="utf-8"), name="metrics-dashboard.yaml")
    assert rules_of(result) == {"common.placeholder"}
    assert not result.passed


def test_template_has_the_exercise_minimum_of_each_category():
    import yaml

    data = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    categories = [kpi["category"] for kpi in data["kpis"]]
    assert categories.count("delivery") >= 3 and categories.count("business") >= 3
    assert {kpi.get("dora") for kpi in data["kpis"]} >= {
        "deployment-frequency", "lead-time", "change-failure-rate", "recovery-time"}


# -- picture ------------------------------------------------------------------------------------


def test_tiles_read_without_colour_at_80_columns(grade):
    result = grade(EXAMPLE, as_of=AS_OF)
    text = render_text("metrics-dashboard", result, width=80)
    assert max(len(line) for line in text.splitlines()) <= 80
    lines = text.splitlines()
    header = next(line for line in lines if "Delivery (5)" in line)
    assert "Business (4)" in header  # the two categories side by side
    assert "9 KPIs: 3 G green, 5 A amber, 1 R red" in text
    assert "12 deploys/week" in text and "target ≥ 10" in text
    assert "30 hours" in text and "target ≤ 24" in text
    assert "67.1%" in text and "target ≥ 68%" in text
    assert " G  green  ↑ better" in text
    assert " A  amber  ↓ better" in text
    assert " A  amber  → steady" in text
    assert " R  red    ↑ worse" in text
    assert "▁▂▂▄▃▆▅█" in text          # deployment frequency 6 7 7 9 8 11 10 12
    assert "DORA lead-time" in text
    # Tiles of the same row sit side by side: deployment frequency next to checkout conversion.
    row = next(line for line in lines if "Deployment frequency" in line)
    assert "Checkout conversion" in row


def test_tile_without_values_or_status(grade):
    result = grade(TEMPLATE.read_text(encoding="utf-8"), name="metrics-dashboard.yaml")
    text = render_text("metrics-dashboard", result, width=80)
    assert "no values yet" in text and "no status" in text
    assert "7 KPIs: 0 G green, 0 A amber, 0 R red, 7 without a status" in text
