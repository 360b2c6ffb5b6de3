"""`pmpath export md`: any artifact as readable Markdown, with its grade and findings."""

from __future__ import annotations

import re
from datetime import date

import pytest
from exported import EXAMPLES, export_example, model_answer

from pmpath.kinds import KINDS

BUILT = list(KINDS)


def headings(text: str) -> list[str]:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    return [f"{token.tag} {tokens[index + 1].content}" for index, token in enumerate(tokens)
            if token.type == "heading_open"]


def tables(text: str) -> int:
    from markdown_it import MarkdownIt

    return sum(1 for token in MarkdownIt("commonmark").enable("table").parse(text)
               if token.type == "table_open")


@pytest.mark.parametrize("kind", BUILT)
def test_every_model_answer_reads_as_a_page(kind: str) -> None:
    try:
        _, as_of = model_answer(kind)
    except KeyError:
        pytest.skip(f"no model answer for {kind} yet")
    text = export_example("md", kind)
    found = headings(text)
    assert found[0].startswith("h1 ") and sum(1 for item in found if item.startswith("h1 ")) == 1
    label = KINDS[kind].label
    assert found[0][3:].lower().startswith(label.lower())
    assert "**PASS** · score 100/100 · no findings" in text
    assert f"graded as of {as_of.isoformat()}" in text
    assert "## Key figures" in text
    assert "{'" not in text and '{"' not in text, "no raw JSON or Python values"
    assert "kind:" not in text and "version: 1" not in text, "not a YAML dump"
    assert tables(text) >= 1


def test_a_plan_shows_its_figures_and_fields_as_tables_and_lists() -> None:
    text = export_example("md", "project-plan")
    assert text.startswith("# Project plan: Card payments processor migration\n")
    assert "| Critical path | W1; W2; W4; W9; W10; W11; W13 |" in text
    assert "| Expected duration days | 93.83 |" in text
    assert "| Deadline probability | 0.9559 |" in text
    assert "### Tasks" in text and "| W1 | 2027-01-04 | 2027-01-14 | 0 |" in text
    assert "- **Sponsor:** Maria Gonzalez, VP Finance Operations" in text
    assert "### Deliverables" in text
    assert "| D1 | Migration plan and processor contract | Sam Patel |" in text


def test_findings_are_a_table_with_rule_where_problem_and_fix(tmp_path) -> None:
    from pmpath import api

    text = (EXAMPLES / "sprint.yaml").read_text(encoding="utf-8")
    path = tmp_path / "sprint.yaml"
    path.write_text(text.replace("remaining_points: 3, scope_change: 0",
                                 "remaining_points: 0, scope_change: 0"), encoding="utf-8")
    page = api.export("md", path, as_of=date(2027, 1, 20)).text
    assert "**FAIL** · score " in page and "1 error" in page
    assert "| Rule | Severity | Where | Problem | Fix |" in page
    row = next(line for line in page.splitlines() if line.startswith("| `sprint.burndown`"))
    line = 1 + next(number for number, content in enumerate(text.splitlines())
                    if "remaining_points: 3, scope_change: 0" in content)
    assert f"| error | `daily[9].remaining_points` (line {line}) |" in row
    assert "Set remaining" in row
    assert row.count(" | ") == 4


def test_a_markdown_artifact_keeps_its_own_text_under_the_page_title() -> None:
    text = export_example("md", "team-charter")
    found = headings(text)
    assert found[0] == "h1 Team charter: Checkout squad"
    assert "h2 Checkout squad: team charter" in found  # the body's title, one level down
    assert "h3 Purpose" in found and "h3 Sign-off" in found
    assert "## Details" in text and "- Priya Shah (product manager)" in text


def test_learners_text_cannot_break_the_page(tmp_path) -> None:
    from pmpath import api

    text = (EXAMPLES / "stakeholder-plan.yaml").read_text(encoding="utf-8")
    path = tmp_path / "stakeholder-plan.yaml"
    path.write_text(text.replace("role: VP Product (sponsor)",
                                 "role: VP Product | sponsor <b>*really*</b>"),
                    encoding="utf-8")
    page = api.export("md", path, as_of=date(2027, 1, 20)).text
    assert "VP Product \\| sponsor \\<b\\>\\*really\\*\\</b\\>" in page
    assert not re.search(r"(?<!\\)<b>", page)


def test_an_unreadable_file_still_gets_its_grade(tmp_path) -> None:
    from pmpath import api

    path = tmp_path / "plan.yaml"
    path.write_text("kind: project-plan\nversion: 1\nname: [unclosed\n", encoding="utf-8")
    page = api.export("md", path, as_of=date(2027, 1, 20)).text
    assert "**FAIL**" in page and "`common.unreadable`" in page
