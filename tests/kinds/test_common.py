"""The rules every kind gets (spec/artifacts.md, "Every kind also gets the common rules")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from support import rules_of, where_of

from pmpath.kinds.common import owner_problem

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "common"
AS_OF = date(2027, 1, 20)


@pytest.mark.parametrize(("value", "why"), [
    ("Backend team", "group"), ("QA", "function"), ("Everyone", "group"),
    ("Priya Shah and Sam Lee", "several"), ("Priya & Sam", "several"),
    ("Priya/Sam", "several"), ("Ops + Security", "several"), ("the payments squad", "group"),
    ("Engineering", "function"), ("All staff", "group"), ("Legal dept", "group"),
])
def test_groups_functions_and_several_people_are_not_one_owner(value: str, why: str) -> None:
    problem = owner_problem(value)
    assert problem is not None, value
    message, hint = problem
    assert {"group": "group", "function": "function", "several": "several people"}[why] \
        in message
    assert "one" in hint or "name" in hint


@pytest.mark.parametrize("value", [
    "Priya Shah", "Priya Shah (QA lead)", "Rachel Osei, VP Product",
    "Sam Lee (backend team lead)", "Dana Okafor (security and compliance)",
    "Tomás Reyes, head of design and research", "", "<the owner>",
])
def test_one_person_with_a_title_is_an_owner(value: str) -> None:
    assert owner_problem(value) is None


@pytest.mark.parametrize("name", ["team-owner", "function-owner", "several-owners",
                                  "everyone-owner"])
def test_a_register_owned_by_a_group_fails_on_common_owner(grade, name: str) -> None:
    result = grade(FIXTURES / f"{name}.yaml", as_of=AS_OF)
    assert rules_of(result) == {"common.owner"}
    assert where_of(result, "common.owner") == ["risks[0].owner"]


def test_titles_are_not_read_as_groups(grade) -> None:
    assert grade(FIXTURES / "titled-owners.yaml", as_of=AS_OF).findings == []


def test_a_repeated_key_names_the_key_and_both_lines(grade) -> None:
    result = grade(FIXTURES / "duplicate-key.yaml", as_of=AS_OF)
    assert rules_of(result) == {"common.duplicate-key"}
    [finding] = result.findings
    # owner is on lines 24 and 25 of the fixture.
    assert finding.where == "line 25"
    assert "'owner' is written on line 24 and again on line 25" in finding.message


def test_a_merge_key_is_not_a_repeated_key(grade) -> None:
    assert grade(FIXTURES / "merge-key.yaml", as_of=AS_OF).findings == []


def test_a_repeated_key_in_markdown_front_matter_counts_from_the_file_top(grade) -> None:
    text = (REPO / "curriculum" / "examples" / "trd.md").read_text(encoding="utf-8")
    text = text.replace("\nstatus: ", "\nstatus: draft\nstatus: ", 1)
    result = grade(text, name="trd.md", as_of=AS_OF)
    [finding] = [f for f in result.findings if f.rule == "common.duplicate-key"]
    line = text.splitlines().index("status: draft") + 1
    assert finding.message.startswith(f"'status' is written on line {line} and again on line "
                                      f"{line + 1}")


def test_common_rules_pass_on_every_model_answer(grade) -> None:
    import yaml

    index = yaml.safe_load((REPO / "curriculum" / "examples" / "index.yaml").read_text())
    for entry in index["examples"].values():
        result = grade(REPO / "curriculum" / "examples" / entry["file"], as_of=entry["as_of"])
        assert not {f.rule for f in result.findings if f.rule.startswith("common.")}
