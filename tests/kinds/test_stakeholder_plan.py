"""The stakeholder-plan kind: its rules in both directions, its grid, RACI and status figures,
and its picture.

Fixtures live in tests/fixtures/stakeholder-plan/: ``clean.yaml`` is the model answer and
breaks no rule; every other file is that plan with one seeded flaw, named in its first
comment. The model answer, for the hand checks below (high = 4 or more):

    stakeholder        power interest  quadrant         weekly contact
    Rachel Osei          5     5       manage-closely   status report
    Marcus Lee           5     4       manage-closely   security sync
    Priya Natarajan      4     5       manage-closely   status report, sync, vendor call
    Dana Whitfield       5     2       keep-satisfied
    Amira Haddad         4     2       keep-satisfied
    Jonas Berg           3     4       keep-informed
    Tom Becker           2     5       keep-informed    (biweekly briefing only)
    Mei Chen             2     4       keep-informed
    Kwame Mensah         3     2       monitor
    Sofia Alvarez        2     2       monitor

    status: PV 180,000, EV 171,000, AC 182,000, BAC 480,000
    SPI = 171,000 / 180,000 = 0.95; CPI = 171,000 / 182,000 = 0.93956
    EAC = 480,000 / CPI = 510,877.19; ETC = EAC − AC = 328,877.19; VAC = −30,877.19
    TCPI = (480,000 − 171,000) / (480,000 − 182,000) = 309,000 / 298,000 = 1.03691
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from support import render_text, rules_of, where_of

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "stakeholder-plan"
MODEL_ANSWER = REPO / "curriculum" / "examples" / "stakeholder-plan.yaml"
TEMPLATE = REPO / "templates" / "stakeholder-plan" / "stakeholder-plan.yaml"

SPEC_RULES = {
    "stake.scale": "error", "stake.raci-one-a": "error", "stake.raci-r": "error",
    "stake.raci-roles": "error", "stake.key-players": "error", "stake.status": "error",
}


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def model_answer() -> str:
    return MODEL_ANSWER.read_text(encoding="utf-8")


def test_rules_are_exactly_the_spec_rules_with_their_severities() -> None:
    from pmpath.kinds.stakeholder_plan import SPEC

    assert {rule.id: rule.severity for rule in SPEC.rules} == SPEC_RULES
    assert SPEC.kind == "stakeholder-plan"
    for rule in SPEC.rules:
        assert rule.weight in (2, 3), rule.id


@pytest.mark.parametrize("source", ["model", "clean.yaml"])
def test_model_answer_and_clean_fixture_have_no_findings(grade, source) -> None:
    result = grade(model_answer() if source == "model" else fixture(source))
    assert result.findings == []
    assert result.passed and result.score == 100


# (fixture, rule, exact wheres, words each message of the rule holds, in order)
SEEDED_FLAWS = [
    ("scale-off.yaml", "stake.scale",
     ["stakeholders[5].interest", "stakeholders[9].power"],
     ["Jonas Berg: interest 3.5 is not a whole number", "Sofia Alvarez: power 0 is below"]),
    ("raci-two-as.yaml", "stake.raci-one-a", ["raci.rows[3].assign"],
     ["'Cut-over runbook and rollback plan' has 2 As: PM (A), Sponsor (A)"]),
    ("raci-no-a.yaml", "stake.raci-one-a", ["raci.rows[2].assign"],
     ["'PCI DSS scope review' has no A"]),
    ("raci-no-r.yaml", "stake.raci-r", ["raci.rows[1].assign"],
     ["'Processor integration (authorisations and refunds)' has no R"]),
    ("raci-undeclared-role.yaml", "stake.raci-roles", ["raci.rows[0].assign.Engineering"],
     ["assigns 'Engineering', which is not one of the declared roles"]),
    ("raci-bad-letters.yaml", "stake.raci-roles",
     ["raci.rows[4].assign.Support", "raci.rows[5].assign.Legal"],
     ["gives Support the letter 'R/A'", "gives Legal the letter 'X'"]),
    ("key-player-monthly.yaml", "stake.key-players", ["stakeholders[1]"],
     ["Marcus Lee (Chief Information Security Officer) has power 5 and interest 4"]),
    ("key-player-biweekly.yaml", "stake.key-players", ["stakeholders[6]"],
     ["only a biweekly communication reaches them: communication[4]"]),
    ("green-schedule-low-spi.yaml", "stake.status", ["status_report.schedule"],
     ["schedule is green, but SPI is 0.88 (earned value 171,000 ÷ planned value 195,000)"]),
    ("spi-miscomputed.yaml", "stake.status", ["status_report.spi"],
     ["spi 0.99 is stated, but earned value 171,000 ÷ planned value 180,000 = 0.95"]),
    ("green-budget-stated-cpi.yaml", "stake.status", ["status_report.budget"],
     ["budget is green, but CPI is 0.85, below 0.9"]),
]


@pytest.mark.parametrize(("name", "rule", "wheres", "words"), SEEDED_FLAWS,
                         ids=[name for name, *_ in SEEDED_FLAWS])
def test_seeded_flaw_is_reported_where_it_is(grade, name, rule, wheres, words) -> None:
    result = grade(fixture(name))
    assert rules_of(result) == {rule}
    assert where_of(result, rule) == wheres
    for finding, expected in zip(result.findings, words, strict=True):
        assert expected in finding.message, finding.message
        assert finding.hint
    assert not result.passed


def test_every_rule_has_a_seeded_failing_fixture() -> None:
    assert {rule for _, rule, *_ in SEEDED_FLAWS} == set(SPEC_RULES)
    named = {path.name for path in FIXTURES.glob("*.yaml")} - {"clean.yaml"}
    assert named == {name for name, *_ in SEEDED_FLAWS}


def hints_of(result, rule: str) -> list[str]:
    return [finding.hint for finding in result.findings if finding.rule == rule]


def test_hints_fit_the_value_typed(grade) -> None:
    assert hints_of(grade(fixture("scale-off.yaml")), "stake.scale")[0].startswith(
        "choose 3 or 4")
    assert "write Support: A/R" in hints_of(grade(fixture("raci-bad-letters.yaml")),
                                            "stake.raci-roles")[0]
    assert "PM or Sponsor" in hints_of(grade(fixture("raci-two-as.yaml")),
                                       "stake.raci-one-a")[0]
    assert "write Eng lead: A/R" in hints_of(grade(fixture("raci-no-r.yaml")),
                                             "stake.raci-r")[0]
    [hint] = hints_of(grade(fixture("key-player-monthly.yaml")), "stake.key-players")
    assert hint.startswith("add 'Marcus Lee' to the audience of communication[0]")
    assert hint.endswith("or make communication[3] weekly")
    assert hints_of(grade(fixture("spi-miscomputed.yaml")), "stake.status") == [
        "set spi: 0.95 (or correct the earned-value figures)"]
    assert hints_of(grade(fixture("green-schedule-low-spi.yaml")), "stake.status")[0].startswith(
        "set schedule: amber")


def test_a_letter_written_otherwise_still_counts_as_the_rows_a(grade) -> None:
    # 'R/A' is reported once (stake.raci-roles), not again as a row with no A and no R.
    result = grade(fixture("raci-bad-letters.yaml"))
    assert rules_of(result) == {"stake.raci-roles"}


def test_an_unknown_audience_name_reaches_nobody(grade) -> None:
    text = model_answer().replace("  - audience: [Rachel Osei, Priya Natarajan]\n",
                                  "  - audience: [Rachel, Priya Natarajan]\n")
    result = grade(text)
    assert where_of(result, "stake.key-players") == ["stakeholders[0]"]


@pytest.mark.parametrize("audience", ["VP Product", "Sponsor", "rachel osei",
                                      "Rachel Osei (VP Product)", "VP Product (sponsor)"])
def test_audience_names_a_stakeholder_by_name_or_role(grade, audience) -> None:
    text = model_answer().replace("  - audience: [Rachel Osei, Priya Natarajan]\n",
                                  f"  - audience: [{audience}, Priya Natarajan]\n")
    assert grade(text).findings == []


@pytest.mark.parametrize(("written", "weekly"), [
    ("daily", True), ("Twice weekly", True), ("weekly", True), ("Weekly", True),
    ("biweekly", False), ("bi-weekly", False), ("fortnightly", False), ("monthly", False),
    ("quarterly", False), ("per-sprint", False), ("as needed", False)])
def test_frequency_vocabulary(grade, written, weekly) -> None:
    text = model_answer().replace(
        "    channel: meeting\n    frequency: weekly\n    owner: Daniel Okafor (technical PM)\n"
        "  - audience: [Jonas Berg",
        f"    channel: meeting\n    frequency: {written}\n    owner: Daniel Okafor (technical PM)\n"
        "  - audience: [Jonas Berg")
    result = grade(text)
    assert result.findings == [] if weekly else where_of(result, "stake.key-players") == [
        "stakeholders[1]"]


def test_an_unknown_frequency_is_a_schema_finding_listing_the_words(grade) -> None:
    result = grade(model_answer().replace("    frequency: monthly\n    owner: Daniel Okafor "
                                          "(technical PM)\n  - audience: [Tom",
                                          "    frequency: every other week\n    owner: Daniel "
                                          "Okafor (technical PM)\n  - audience: [Tom"))
    [finding] = result.findings
    assert finding.rule == "common.schema" and finding.where == "communication[3].frequency"
    assert "'twice-weekly'" in finding.message and "'fortnightly'" in finding.message


def test_template_fails_only_on_placeholders(grade) -> None:
    result = grade(TEMPLATE.read_text(encoding="utf-8"))
    assert rules_of(result) == {"common.placeholder"}


# --------------------------------------------------------------------------- figures


def test_grid_quadrants_and_key_players(grade) -> None:
    figures = grade(model_answer()).figures
    assert figures.grid == {
        "manage-closely": ["Rachel Osei", "Marcus Lee", "Priya Natarajan"],
        "keep-satisfied": ["Dana Whitfield", "Amira Haddad"],
        "keep-informed": ["Jonas Berg", "Tom Becker", "Mei Chen"],
        "monitor": ["Kwame Mensah", "Sofia Alvarez"],
    }
    assert figures.key_players == ["Rachel Osei", "Marcus Lee", "Priya Natarajan"]
    assert figures.uncovered_key_players == []


def test_rag_spi_cpi_and_earned_value(grade) -> None:
    figures = grade(model_answer()).figures
    assert figures.rag == {"overall": "amber", "schedule": "green", "scope": "green",
                           "budget": "amber"}
    assert figures.spi == pytest.approx(0.95)
    assert figures.cpi == pytest.approx(171_000 / 182_000)
    evm = figures.earned_value
    assert evm.schedule_variance == -9_000 and evm.cost_variance == -11_000
    assert evm.eac == pytest.approx(510_877.19, abs=0.01)
    assert evm.etc == pytest.approx(328_877.19, abs=0.01)
    assert evm.vac == pytest.approx(-30_877.19, abs=0.01)
    assert evm.tcpi == pytest.approx(1.03691, abs=1e-5)
    metrics = figures.to_json()
    assert set(metrics) == {"grid", "key_players", "uncovered_key_players", "rag", "spi", "cpi",
                            "earned_value"}
    assert metrics["spi"] == 0.95 and metrics["cpi"] == 0.9396
    assert metrics["earned_value"]["eac"] == 510877.1930


def test_stated_indices_are_used_without_earned_value_figures(grade) -> None:
    figures = grade(fixture("green-budget-stated-cpi.yaml")).figures
    assert figures.spi == 0.95 and figures.cpi == 0.85 and figures.earned_value is None


def test_figures_name_the_uncovered_key_player(grade) -> None:
    figures = grade(fixture("key-player-biweekly.yaml")).figures
    assert figures.grid["manage-closely"] == ["Rachel Osei", "Marcus Lee", "Priya Natarajan",
                                              "Tom Becker"]
    assert figures.uncovered_key_players == ["Tom Becker"]


def test_off_scale_stakeholders_stay_off_the_grid(grade) -> None:
    grid = grade(fixture("scale-off.yaml")).figures.grid
    assert "Jonas Berg" not in sum(grid.values(), [])
    assert "Sofia Alvarez" not in sum(grid.values(), [])


def test_thresholds_come_from_the_rubric() -> None:
    """An instructor who sets high_from 5 and green_floor 0.96 changes the grid and the
    colours: only Rachel Osei (5, 5) is a key player, and SPI 0.95 may not be green."""
    import yaml

    from pmpath.kinds.base import Context
    from pmpath.kinds.stakeholder_plan import SPEC

    plan = SPEC.model.model_validate(yaml.safe_load(model_answer()))
    ctx = Context(as_of=date(2027, 1, 20), params={},
                  thresholds={"stake.key-players": {"high_from": 5},
                              "stake.status": {"green_floor": 0.96}})
    outcome = SPEC.grade(plan, ctx)
    assert outcome.figures.grid["manage-closely"] == ["Rachel Osei"]
    assert [(finding.rule, finding.where) for finding in outcome.findings] == [
        ("stake.status", "status_report.schedule")]
    assert "below 0.96" in outcome.findings[0].message


# --------------------------------------------------------------------------- picture


def test_picture_of_the_model_answer(grade) -> None:
    text = render_text("stakeholder-plan", grade(model_answer()))
    assert "MANAGE CLOSELY" in text and "KEEP SATISFIED" in text
    assert "KEEP INFORMED" in text and "MONITOR" in text
    assert "interest high (4–5)" in text and "power" in text
    assert "Rachel Osei P5 I5" in text
    assert "Go/no-go decision" in text and "A/R" in text
    assert "✔ every row has exactly one A and at least one R" in text
    assert "overall [A] amber · schedule [G] green · scope [G] green · budget [A] amber" in text
    assert "SPI 0.95 = earned value 171,000 ÷ planned value 180,000" in text
    assert "CPI 0.94 = earned value 171,000 ÷ actual cost 182,000" in text
    assert "EAC 510,877" in text
    assert max(len(line) for line in text.splitlines()) <= 80
    # The grid's quadrants sit side by side: keep satisfied left of manage closely.
    [row] = [line for line in text.splitlines() if "KEEP SATISFIED" in line]
    assert row.index("KEEP SATISFIED") < row.index("MANAGE CLOSELY")


def test_picture_marks_problems(grade) -> None:
    text = render_text("stakeholder-plan", grade(fixture("key-player-biweekly.yaml")))
    assert "✘ Tom Becker" in text
    text = render_text("stakeholder-plan", grade(fixture("raci-two-as.yaml")))
    assert "✘ 2 As" in text and "✘ 1 row to fix" in text
    text = render_text("stakeholder-plan", grade(fixture("green-schedule-low-spi.yaml")))
    assert "✘ SPI is below 0.9, yet schedule is green" in text
