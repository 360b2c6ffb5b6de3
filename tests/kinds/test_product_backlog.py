"""The product-backlog kind: its rules in both directions, the ranked figures, the picture,
the work items it hands to `pmpath export jira-csv`, and the sample backlog `pmpath new
sprint` writes beside a sprint.

Fixtures live in tests/fixtures/product-backlog/: each is the model answer (the sample
backlog) with one seeded flaw, named in its first comment. The model answer, by hand:
17 items in priority order 1–17, points 5 8 3 2 3 3 2 5 5 3 1 8 5 3 3 2 13, so the
running totals are 5 13 16 18 21 24 26 31 36 39 40 48 53 56 59 61 74; 12 stories, 3
bugs, 1 task, 1 spike; the first six items (24 points) are the sprint model answer's plan.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from support import render_text, rules_of, where_of

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "product-backlog"
MODEL_ANSWER = REPO / "curriculum" / "examples" / "product-backlog.yaml"
AS_OF = date(2027, 1, 20)

SPEC_RULES = {"backlog.ids": "error", "backlog.order": "error", "backlog.acceptance": "error",
              "backlog.points": "warning"}
RANKED_IDS = ["PAY-101", "PAY-102", "PAY-103", "PAY-104", "PAY-105", "PAY-106", "PAY-97",
              "PAY-107", "PAY-109", "PAY-110", "PAY-98", "PAY-111", "PAY-112", "PAY-99",
              "PAY-113", "PAY-114", "PAY-115"]
RUNNING_TOTALS = [5, 13, 16, 18, 21, 24, 26, 31, 36, 39, 40, 48, 53, 56, 59, 61, 74]


def model_answer() -> str:
    return MODEL_ANSWER.read_text(encoding="utf-8")


def test_rules_are_exactly_the_spec_rules_with_their_severities() -> None:
    from pmpath.kinds.product_backlog import SPEC

    assert {rule.id: rule.severity for rule in SPEC.rules} == SPEC_RULES
    assert SPEC.kind == "product-backlog"
    assert "jira-csv" in dict(SPEC.exports)


# (fixture, rule, exact wheres, words the message holds, words the hint holds)
SEEDED_FLAWS = [
    ("id-twice.yaml", "backlog.ids", ["items[9].id"],
     "id PAY-109 is already used by items[8] ('Show the delivery date before payment')",
     "its own id, e.g. PAY-116"),
    ("id-twice-other-case.yaml", "backlog.ids", ["items[10].id"],
     "id pay-97 is the same as PAY-97 of items[6]", "e.g. PAY-116"),
    ("priority-tied.yaml", "backlog.order", ["items[6].priority"],
     "PAY-97 has priority 6, which PAY-106 already has",
     "decide whether PAY-106 or PAY-97 comes first"),
    ("story-without-criteria.yaml", "backlog.acceptance", ["items[9].acceptance_criteria"],
     "PAY-110 ('Remember the last delivery address') is a story with no acceptance criteria",
     "shows 'Remember the last delivery address' is done, written as 'Given"),
    ("bug-empty-criteria.yaml", "backlog.acceptance", ["items[10].acceptance_criteria"],
     "PAY-98 ('ZIP+4 codes are rejected at checkout') is a bug with no acceptance criteria",
     "for a bug, the situation is the steps that show it today"),
    ("points-off-scale.yaml", "backlog.points", ["items[8].points"],
     "PAY-109 has 4 points, which is not on the scale 1, 2, 3, 5, 8, 13, 20",
     "use the nearest value on the scale: points: 5"),
    ("points-too-big.yaml", "backlog.points", ["items[16].points"],
     "PAY-115 has 21 points", "points: 20 (or split the item into smaller ones)"),
    ("story-unestimated.yaml", "backlog.points", ["items[14].points"],
     "PAY-113 ('Warn when only one or two copies are left') has no points",
     "estimate it with the team on the scale 1, 2, 3, 5, 8, 13, 20"),
]
WARNING_ONLY = {"points-off-scale.yaml", "points-too-big.yaml", "story-unestimated.yaml"}


@pytest.mark.parametrize(("name", "rule", "wheres", "message", "hint"), SEEDED_FLAWS,
                         ids=[name for name, *_ in SEEDED_FLAWS])
def test_seeded_flaw_is_reported_where_it_is(grade, name, rule, wheres, message,
                                              hint) -> None:
    result = grade(FIXTURES / name, as_of=AS_OF)
    assert rules_of(result) == {rule}
    assert where_of(result, rule) == wheres
    [finding] = result.findings
    assert message in finding.message
    assert hint in finding.hint
    assert result.passed is (name in WARNING_ONLY)


def test_every_fixture_is_listed() -> None:
    assert {path.name for path in FIXTURES.glob("*.yaml")} == {name for name, *_ in SEEDED_FLAWS}
    assert {rule for _, rule, *_ in SEEDED_FLAWS} == set(SPEC_RULES)


def test_model_answer_figures(grade) -> None:
    result = grade(MODEL_ANSWER, as_of=AS_OF)
    assert result.findings == []
    assert result.metrics == {"items": 17, "total_points": 74}
    figures = result.figures
    assert [item.id for item in figures.ranked] == RANKED_IDS
    assert [item.priority for item in figures.ranked] == list(range(1, 18))
    assert [item.running_total for item in figures.ranked] == RUNNING_TOTALS
    assert figures.by_type == {"story": 12, "bug": 3, "task": 1, "spike": 1}
    assert figures.unestimated == 0
    # The sample is the backlog the sprint model answer was planned from.
    assert [item.id for item in figures.ranked if item.running_total <= 24] == [
        "PAY-101", "PAY-102", "PAY-103", "PAY-104", "PAY-105", "PAY-106"]


def test_the_ranking_follows_priority_not_the_order_written(grade) -> None:
    text = model_answer().replace("    priority: 1\n", "    priority: 18\n")
    result = grade(text)
    assert result.findings == []
    ranked = [item.id for item in result.figures.ranked]
    assert ranked == RANKED_IDS[1:] + ["PAY-101"]
    assert result.figures.ranked[-1].running_total == 74


def test_the_point_scale_comes_from_the_curriculum() -> None:
    from pmpath.core.documents import load_document
    from pmpath.kinds.base import Context
    from pmpath.kinds.product_backlog import SPEC

    model = SPEC.model.model_validate(load_document(MODEL_ANSWER).data)
    powers_of_two = {"backlog.points": {"scale": [1, 2, 4, 8, 16]}}
    findings = SPEC.grade(model, Context(as_of=AS_OF, params={},
                                         thresholds=powers_of_two)).findings
    off = {f.where: f.hint for f in findings}
    assert {f.rule for f in findings} == {"backlog.points"}
    # 5 → 4 (1 from 4, 3 from 8), 3 → 4 (a tie between 2 and 4: the larger), 13 → 16.
    assert off["items[0].points"].endswith("points: 4")
    assert off["items[2].points"].endswith("points: 4")
    assert off["items[16].points"].endswith("points: 16")
    assert "items[1].points" not in off  # 8 is on this scale


def test_lenient_values_reach_the_rules(grade) -> None:
    text = model_answer().replace("  - id: PAY-98\n", "  - id: 98\n").replace(
        "    type: story\n    points: 5\n    priority: 1\n",
        "    type: Story\n    points: 5\n    priority: 1\n").replace(
        "      - Given a five-digit ZIP code, when it is typed, then it is still accepted\n",
        "      - Given a five-digit ZIP code: it is still accepted\n")
    result = grade(text)
    assert result.findings == []
    items = {item.id: item for item in result.figures.ranked}
    assert items["98"].acceptance_criteria[1] == "Given a five-digit ZIP code: it is still accepted"
    assert items["PAY-101"].type == "story"


def test_an_unknown_type_is_a_schema_finding(grade) -> None:
    result = grade(model_answer().replace("    type: spike\n", "    type: feature\n"))
    assert rules_of(result) == {"common.schema"}
    assert where_of(result, "common.schema") == ["items[7].type"]


def test_tasks_and_spikes_need_no_criteria_or_points(grade) -> None:
    text = model_answer().replace("""    acceptance_criteria:
      - Given the new SDK on staging, when the payment regression suite runs, then every test passes
""", "").replace("    type: spike\n    points: 5\n", "    type: spike\n")
    result = grade(text)
    assert result.findings == []
    assert result.metrics["total_points"] == 69


def test_the_picture_is_a_ranked_table_with_a_total(grade) -> None:
    text = render_text("product-backlog", grade(MODEL_ANSWER, as_of=AS_OF))
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "Product backlog by priority (1 is done first)" in text
    rows = [line.split() for line in text.splitlines() if line.strip()[:2].strip().isdigit()]
    assert [row[1] for row in rows] == RANKED_IDS
    assert [int(row[4]) for row in rows] == RUNNING_TOTALS
    assert rows[5][:6] == ["6", "PAY-106", "story", "3", "24", "✔"]
    assert rows[7][:6] == ["8", "PAY-107", "spike", "5", "31", "–"]
    assert "Total: 74 points in 17 items (12 stories, 3 bugs, 1 task, 1 spike)" in text
    assert "✘" not in text.split("Total:")[0] and "⚠" not in text.split("Total:")[0]


def test_the_picture_marks_ties_missing_criteria_and_odd_points(grade) -> None:
    tied = render_text("product-backlog", grade(FIXTURES / "priority-tied.yaml", as_of=AS_OF))
    assert tied.count("✘ 6") == 2
    missing = render_text("product-backlog",
                          grade(FIXTURES / "story-without-criteria.yaml", as_of=AS_OF))
    assert "✘ 0" in missing
    odd = render_text("product-backlog", grade(FIXTURES / "points-off-scale.yaml", as_of=AS_OF))
    assert "⚠ 4" in odd
    unestimated = render_text("product-backlog",
                              grade(FIXTURES / "story-unestimated.yaml", as_of=AS_OF))
    assert "⚠ –" in unestimated and "1 not estimated yet" in " ".join(unestimated.split())


def test_work_items_for_a_tracker(grade) -> None:
    from pmpath.core.documents import load_document
    from pmpath.kinds.base import lazy
    from pmpath.kinds.product_backlog import SPEC

    result = grade(MODEL_ANSWER, as_of=AS_OF)
    model = SPEC.model.model_validate(load_document(MODEL_ANSWER).data)
    items = lazy(dict(SPEC.exports)["jira-csv"])(model, result.figures)
    epics = [item for item in items if item.issue_type == "Epic"]
    assert [(epic.id, epic.summary) for epic in epics] == [
        ("EPIC-1", "Saved cards"), ("EPIC-2", "Checkout clarity"),
        ("EPIC-3", "Payment methods"), ("EPIC-4", "Gifting")]
    work = [item for item in items if item.issue_type != "Epic"]
    assert [item.id for item in work] == RANKED_IDS
    first = work[0]
    assert (first.summary, first.issue_type, first.story_points, first.parent) == (
        "Save a card at checkout", "Story", 5, "EPIC-1")
    assert first.description.startswith("As a returning customer, I want to save my card")
    assert "\n\nAcceptance criteria:\n- Given a signed-in customer at checkout" in (
        first.description)
    spike = next(item for item in work if item.id == "PAY-107")
    assert (spike.issue_type, spike.labels, spike.parent) == ("Task", ("spike",), None)
    bug = next(item for item in work if item.id == "PAY-97")
    assert bug.issue_type == "Bug" and bug.parent is None
