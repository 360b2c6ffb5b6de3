"""The jira-config kind: its rules in both directions, its workflow graphs and its picture.

Fixtures live in tests/fixtures/jira-config/: ``clean.yaml`` is the model answer and
breaks no rule; every other file is that configuration with one seeded flaw, named in
its first comment. The model answer, for the hand checks below:

    workflow Delivery (Story, Bug, Sub-task), initial To Do
        To Do -Start-> In Progress -Send to review-> In Review -Approve-> Done
        In Progress -Stop work-> To Do, In Review -Request changes-> In Progress
        In Progress, In Review -Block-> Blocked -Unblock-> In Progress, Done -Reopen-> To Do
    workflow Epic (Epic), initial To Do
        To Do -Start-> In Progress -Finish-> Done -Reopen-> In Progress
    board  To Do | In Progress + Blocked (WIP 4) | In Review (WIP 3) | Done
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support import render_text, rules_of, where_of

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "jira-config"
MODEL_ANSWER = REPO / "curriculum" / "examples" / "jira-config.yaml"
TEMPLATE = REPO / "templates" / "jira-config" / "jira-config.yaml"

SPEC_RULES = {
    "jira.key": "error", "jira.categories": "error", "jira.hierarchy": "error",
    "jira.coverage": "error", "jira.refs": "error", "jira.reachable": "error",
    "jira.finishable": "error", "jira.board": "error", "jira.done-column": "error",
    "jira.wip": "error", "jira.permissions": "error",
}


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def model_answer() -> str:
    return MODEL_ANSWER.read_text(encoding="utf-8")


def test_rules_are_exactly_the_spec_rules_with_their_severities() -> None:
    from pmpath.kinds.jira_config import SPEC

    assert {rule.id: rule.severity for rule in SPEC.rules} == SPEC_RULES
    assert SPEC.kind == "jira-config"
    for rule in SPEC.rules:
        assert rule.weight in (2, 3), rule.id


@pytest.mark.parametrize("source", ["model", "clean.yaml"])
def test_model_answer_and_clean_fixture_have_no_findings(grade, source) -> None:
    result = grade(model_answer() if source == "model" else fixture(source))
    assert result.findings == []
    assert result.passed and result.score == 100


# (fixture, rule, exact wheres, words every message of the rule holds)
SEEDED_FLAWS = [
    ("key-with-hyphen.yaml", "jira.key", ["project.key"], "'PAY-TEAM' contains '-'"),
    ("key-too-long.yaml", "jira.key", ["project.key"], "'PAYMENTSTEAM' has 12 characters"),
    ("category-typo.yaml", "jira.categories", ["statuses[2].category"],
     "'In Review' has the category 'review'"),
    ("no-standard-level.yaml", "jira.hierarchy", ["issue_types"], "Story 1, Bug 1"),
    ("epic-at-level-0.yaml", "jira.hierarchy", ["issue_types"], "Epic 0"),
    ("type-in-two-workflows.yaml", "jira.coverage", ["workflows[1].issue_types[1]"],
     "'Bug' is in workflow 'Delivery' and again in workflow 'Epic'"),
    ("type-in-no-workflow.yaml", "jira.coverage", ["issue_types[3]"],
     "'Sub-task' is in no workflow"),
    ("status-capitals.yaml", "jira.refs", ["workflows[0].transitions[4].to"],
     "goes to the status 'done'"),
    ("field-unknown-type.yaml", "jira.refs", ["fields[0].required_for[0]"],
     "issue type 'Storey'"),
    ("blocked-unreachable.yaml", "jira.reachable", ["workflows[0].transitions"],
     "'Blocked' cannot be reached from the initial status 'To Do'"),
    ("blocked-dead-end.yaml", "jira.finishable", ["workflows[0].transitions"],
     "'Blocked' cannot reach a done status ('Done')"),
    ("epic-no-done.yaml", "jira.finishable", ["workflows[1].transitions"],
     "workflow 'Epic' has no status of category done"),
    ("blocked-on-no-column.yaml", "jira.board", ["board.columns"],
     "'Blocked' (used by workflow 'Delivery') is on no board column"),
    ("status-in-two-columns.yaml", "jira.board", ["board.columns[2].statuses[0]"],
     "'In Review' is in column 'In Progress' and again in column 'In Review'"),
    ("review-in-done-column.yaml", "jira.done-column", ["board.columns[2].statuses[0]"],
     "'Done' holds 'In Review', whose category is in_progress"),
    ("wip-zero.yaml", "jira.wip", ["board.columns[2].wip_limit"], "WIP limit 0"),
    ("wip-fraction.yaml", "jira.wip", ["board.columns[1].wip_limit"], "WIP limit 3.5"),
    ("permission-unknown-role.yaml", "jira.permissions", ["permissions.edit[1]"],
     "'edit' is granted to 'developers', which is not a role"),
    ("permission-to-nobody.yaml", "jira.permissions", ["permissions.administer"],
     "'administer' is granted to no role"),
]
WARNING_ONLY = {"epic-at-level-0.yaml"}


@pytest.mark.parametrize(("name", "rule", "wheres", "words"), SEEDED_FLAWS,
                         ids=[name for name, *_ in SEEDED_FLAWS])
def test_seeded_flaw_is_reported_where_it_is(grade, name, rule, wheres, words) -> None:
    result = grade(fixture(name))
    assert rules_of(result) == {rule}
    assert where_of(result, rule) == wheres
    for finding in result.findings:
        assert words in finding.message, finding.message
        assert finding.hint
    assert result.passed is (name in WARNING_ONLY)


def test_every_rule_has_a_seeded_failing_fixture() -> None:
    assert {rule for _, rule, *_ in SEEDED_FLAWS} == set(SPEC_RULES)
    named = {path.name for path in FIXTURES.glob("*.yaml")} - {"clean.yaml"}
    assert named == {name for name, *_ in SEEDED_FLAWS}


def hint_of(result, rule: str) -> str:
    [finding] = [finding for finding in result.findings if finding.rule == rule]
    return finding.hint


def test_hints_fit_the_value_typed(grade) -> None:
    assert "key: PAYTEAM" in hint_of(grade(fixture("key-with-hyphen.yaml")), "jira.key")
    assert "key: PAY" in hint_of(grade(fixture("key-too-long.yaml")), "jira.key")
    assert "category: in_progress" in hint_of(grade(fixture("category-typo.yaml")),
                                              "jira.categories")
    assert "write it as 'Done'" in hint_of(grade(fixture("status-capitals.yaml")), "jira.refs")
    assert "did you mean 'Story'" in hint_of(grade(fixture("field-unknown-type.yaml")),
                                             "jira.refs")
    assert "from: In Progress, to: Blocked" in hint_of(
        grade(fixture("blocked-unreachable.yaml")), "jira.reachable")
    assert "from: Blocked, to: In Progress" in hint_of(
        grade(fixture("blocked-dead-end.yaml")), "jira.finishable")
    assert "a column such as 'In Progress'" in hint_of(
        grade(fixture("blocked-on-no-column.yaml")), "jira.board")
    assert "wip_limit: 3" in hint_of(grade(fixture("wip-fraction.yaml")), "jira.wip")
    assert "set the level of 'Epic' to 1" in hint_of(grade(fixture("epic-at-level-0.yaml")),
                                                    "jira.hierarchy")
    assert "add 'developers' under roles" in hint_of(
        grade(fixture("permission-unknown-role.yaml")), "jira.permissions")


def test_hierarchy_warning_is_a_warning_and_level_0_an_error(grade) -> None:
    [warning] = grade(fixture("epic-at-level-0.yaml")).findings
    assert warning.severity == "warning"
    [error] = grade(fixture("no-standard-level.yaml")).findings
    assert error.severity == "error"


# --------------------------------------------------------------------------- figures


def test_model_answer_figures(grade) -> None:
    figures = grade(model_answer()).figures
    delivery, epic = figures.workflows
    assert figures.project_key == "PAY"
    assert [(node.name, node.category) for node in delivery.statuses] == [
        ("To Do", "todo"), ("In Progress", "in_progress"), ("In Review", "in_progress"),
        ("Blocked", "in_progress"), ("Done", "done")]
    assert delivery.issue_types == ["Story", "Bug", "Sub-task"]
    assert delivery.unreachable == [] and delivery.unfinishable == []
    assert [(move.name, move.sources, move.to) for move in delivery.transitions][5] == (
        "Block", ["In Progress", "In Review"], "Blocked")
    assert [node.name for node in epic.statuses] == ["To Do", "In Progress", "Done"]
    assert [(column.name, [node.name for node in column.statuses], column.wip_limit)
            for column in figures.board] == [
        ("To Do", ["To Do"], None), ("In Progress", ["In Progress", "Blocked"], 4),
        ("In Review", ["In Review"], 3), ("Done", ["Done"], None)]
    metrics = figures.to_json()
    assert set(metrics) == {"project_key", "workflows", "board"}
    assert metrics["workflows"][0]["transitions"][0] == {"name": "Start", "from": ["To Do"],
                                                         "to": "In Progress"}
    assert [column["wip_limit"] for column in metrics["board"]] == [None, 4, 3, None]
    assert isinstance(metrics["board"][1]["wip_limit"], int)  # cards, written as 4 not 4.0


def test_figures_mark_unreachable_and_unfinishable_statuses(grade) -> None:
    assert grade(fixture("blocked-unreachable.yaml")).figures.workflows[0].unreachable == [
        "Blocked"]
    assert grade(fixture("blocked-dead-end.yaml")).figures.workflows[0].unfinishable == [
        "Blocked"]
    epic = grade(fixture("epic-no-done.yaml")).figures.workflows[1]
    assert epic.unfinishable == ["To Do", "In Progress", "In Review"]


# --------------------------------------------------------------------------- the graph


@pytest.mark.parametrize("source", ['"*"', "any", "Any"])
def test_a_global_transition_comes_from_every_status(grade, source) -> None:
    text = model_answer().replace("{name: Block, from: [In Progress, In Review], to: Blocked}",
                                  f"{{name: Block, from: {source}, to: Blocked}}")
    result = grade(text)
    assert result.findings == []
    assert result.figures.workflows[0].transitions[5].sources == ["*"]


def test_a_global_transition_does_not_rescue_a_dead_end(grade) -> None:
    # Every status can move into Blocked, but Blocked itself still has no way out.
    text = model_answer().replace(
        "{name: Block, from: [In Progress, In Review], to: Blocked}",
        '{name: Block, from: "*", to: Blocked}').replace(
        "      - {name: Unblock, from: Blocked, to: In Progress}\n", "")
    result = grade(text)
    assert rules_of(result) == {"jira.finishable"}
    assert "'Blocked' cannot reach a done status" in result.findings[0].message


def test_chains_of_unreachable_statuses_are_explained(grade) -> None:
    text = model_answer().replace(
        "      - {name: Start, from: To Do, to: In Progress}\n"
        "      - {name: Stop work, from: In Progress, to: To Do}\n", "", 1).replace(
        "{name: Reopen, from: Done, to: To Do}", "{name: Reopen, from: Done, to: In Review}")
    result = grade(text)
    messages = [finding.message for finding in result.findings
                if finding.rule == "jira.reachable"]
    assert messages == [
        "in workflow 'Delivery', status 'In Progress' cannot be reached from the initial "
        "status 'To Do': only transitions from 'In Review', 'Blocked' lead into it, and those "
        "cannot be reached either",
        "in workflow 'Delivery', status 'In Review' cannot be reached from the initial status "
        "'To Do': only transitions from 'In Progress', 'Done' lead into it, and those cannot "
        "be reached either",
        "in workflow 'Delivery', status 'Blocked' cannot be reached from the initial status "
        "'To Do': only transitions from 'In Progress', 'In Review' lead into it, and those "
        "cannot be reached either",
        "in workflow 'Delivery', status 'Done' cannot be reached from the initial status "
        "'To Do': only transitions from 'In Review' lead into it, and those cannot be reached "
        "either"]
    # To Do has no way out at all now, so it cannot finish either.
    assert [finding.message for finding in result.findings if finding.rule == "jira.finishable"
            ] == ["in workflow 'Delivery', status 'To Do' cannot reach a done status ('Done'): "
                  "no transition leads out of it"]


def test_an_undefined_initial_status_is_one_refs_finding(grade) -> None:
    result = grade(model_answer().replace("initial: To Do\n    transitions:\n      - {name: "
                                          "Start, from: To Do, to: In Progress}\n      - "
                                          "{name: Finish",
                                          "initial: Backlog\n    transitions:\n      - {name: "
                                          "Start, from: To Do, to: In Progress}\n      - "
                                          "{name: Finish"))
    assert rules_of(result) == {"jira.refs"}
    assert where_of(result, "jira.refs") == ["workflows[1].initial"]


def test_a_last_column_without_done_statuses(grade) -> None:
    text = model_answer().replace(
        "    - {name: Done, statuses: [Done]}",
        "    - {name: Done, statuses: [Done]}\n    - {name: Archive, statuses: []}")
    result = grade(text)
    assert rules_of(result) == {"jira.done-column"}
    assert where_of(result, "jira.done-column") == ["board.columns[3].statuses[0]",
                                                    "board.columns[4].statuses"]


def test_template_fails_only_on_placeholders(grade) -> None:
    result = grade(TEMPLATE.read_text(encoding="utf-8"))
    assert rules_of(result) == {"common.placeholder"}
    assert "project.key" in where_of(result, "common.placeholder")


# --------------------------------------------------------------------------- picture


def test_picture_of_the_model_answer(grade) -> None:
    text = render_text("jira-config", grade(model_answer()))
    assert "Workflow 'Delivery' for Story, Bug, Sub-task, starting at To Do" in text
    assert "To Do ─Start→ In Progress" in text
    assert "In Progress, In Review ─Block→ Blocked" in text
    assert "[D] Done" in text and "[P] Blocked" in text
    assert "WIP 4" in text and "WIP 3" in text
    assert "✔ every status can be reached from To Do and can reach done" in text
    assert "✘" not in text.replace("✘ see findings", "")
    assert max(len(line) for line in text.splitlines()) <= 80


def test_picture_marks_the_broken_statuses(grade) -> None:
    text = render_text("jira-config", grade(fixture("blocked-dead-end.yaml")))
    assert "✘ cannot reach done: Blocked" in text
    text = render_text("jira-config", grade(fixture("blocked-unreachable.yaml")))
    assert "✘ cannot be reached from To Do: Blocked" in text
