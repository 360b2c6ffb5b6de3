"""The team-charter kind: its rules in both directions, its figures, its picture and its files.

Fixtures live in tests/fixtures/team-charter/: ``clean.md`` is the model answer
(curriculum/examples/team-charter.md) with a comment line added to its front matter,
so its body lines are one further down than the model answer's; every other file is
``clean.md`` with one seeded flaw, named in its first comment. The model answer's
team has seven members, all signed, and seven working agreements.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from support import render_text, rules_of, where_of

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "team-charter"
MODEL_ANSWER = REPO / "curriculum" / "examples" / "team-charter.md"
AS_OF = date(2027, 1, 20)

SPEC_RULES = {"charter.sections": "error", "charter.agreements": "error",
              "charter.sign-off": "error"}
SECTIONS = ["Purpose", "Goals", "Roles", "Working agreements", "Decision making",
            "Communication", "Meetings", "Conflict resolution", "Psychological safety",
            "Sign-off"]
TEAM = ["Priya Shah", "Tomás Reyes", "Lena Fischer", "Marco Bianchi", "Ama Boateng", "Sam Lee",
        "Nadia Haddad"]


def answer(*edits: tuple[str, str]) -> str:
    text = MODEL_ANSWER.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def grade_md(grade, text: str):
    return grade(text, name="team-charter.md", as_of=AS_OF)


def messages(result, rule: str) -> list[str]:
    return [finding.message for finding in result.findings if finding.rule == rule]


def test_rules_are_exactly_the_spec_rules_with_their_severities() -> None:
    from pmpath.kinds.team_charter import SPEC

    assert {rule.id: rule.severity for rule in SPEC.rules} == SPEC_RULES
    assert SPEC.kind == "team-charter" and SPEC.markdown
    assert [names[0] for names in SPEC.defaults["sections"]] == SECTIONS
    assert SPEC.defaults["min_agreements"] == 5


def test_clean_fixture_and_model_answer_have_no_findings(grade) -> None:
    for path in (FIXTURES / "clean.md", MODEL_ANSWER):
        result = grade(path, as_of=AS_OF)
        assert result.findings == [], [f"{f.rule} {f.where}: {f.message}"
                                        for f in result.findings]
        assert result.passed and result.score == 100


@pytest.mark.parametrize(("name", "rule", "where", "said"), [
    ("no-psychological-safety.md", "charter.sections", "line 106",
     "there is no '## Psychological safety' section"),
    ("empty-decision-making.md", "charter.sections", "line 68",
     "the 'Decision making' section is empty"),
    ("four-agreements.md", "charter.agreements", "line 55",
     "the Working agreements section lists 4 agreements; the exercise asks for at least 5"),
    ("sam-not-signed.md", "charter.sign-off", "line 114",
     "Sam Lee is on the team but is not named under Sign-off"),
])
def test_each_flawed_fixture_breaks_its_rule_at_its_place(grade, name: str, rule: str,
                                                          where: str, said: str) -> None:
    result = grade(FIXTURES / name, as_of=AS_OF)
    assert rules_of(result) == {rule}, [f"{f.rule} {f.where}: {f.message}"
                                        for f in result.findings]
    assert where_of(result, rule) == [where]
    assert messages(result, rule) == [said]


def test_hints_name_the_fix(grade) -> None:
    result = grade(FIXTURES / "sam-not-signed.md", as_of=AS_OF)
    assert "add '- Sam Lee — the date they signed'" in result.findings[0].hint
    result = grade(FIXTURES / "four-agreements.md", as_of=AS_OF)
    assert result.findings[0].hint.startswith("add 1 more")
    result = grade(FIXTURES / "no-psychological-safety.md", as_of=AS_OF)
    assert result.findings[0].hint.startswith(
        "add a '## Psychological safety' heading before '## Sign-off' (line 106) and write "
        "under it how the team makes it safe")


def test_names_sign_without_case_accents_or_roles(grade) -> None:
    result = grade_md(grade, answer(("- Tomás Reyes — 2027-01-12", "- tomas  REYES, 12 January"),
                                    ("- Priya Shah — 2027-01-12", "Signed: priya shah")))
    assert result.findings == []
    assert result.figures.signed == TEAM


def test_part_of_a_name_is_not_a_signature(grade) -> None:
    result = grade_md(grade, answer(("- Sam Lee — 2027-01-12", "- Sam Leeds — 2027-01-12")))
    assert messages(result, "charter.sign-off") == [
        "Sam Lee is on the team but is not named under Sign-off"]


def test_several_unsigned_members_are_each_named(grade) -> None:
    result = grade_md(grade, answer(("- Sam Lee — 2027-01-12\n", ""),
                                    ("- Nadia Haddad — 2027-01-14\n", "")))
    assert messages(result, "charter.sign-off") == [
        "Sam Lee is on the team but is not named under Sign-off",
        "Nadia Haddad is on the team but is not named under Sign-off"]
    assert result.figures.unsigned == ["Sam Lee", "Nadia Haddad"]


def test_a_team_written_as_text_or_left_empty(grade) -> None:
    team = "\n".join(f"  - {line}" for line in (
        "Priya Shah (product manager)", "Tomás Reyes (tech lead)",
        "Lena Fischer (backend engineer)", "Marco Bianchi (frontend engineer)",
        "Ama Boateng (security engineer, half time)", "Sam Lee (QA engineer)",
        "Nadia Haddad (product designer)"))
    as_text = grade_md(grade, answer((f"team:\n{team}", "team: Priya Shah")))
    assert messages(as_text, "charter.sign-off") == [
        "team is written as one piece of text ('Priya Shah'), not a list of names"]
    assert where_of(as_text, "charter.sign-off") == ["team"]
    empty = grade_md(grade, answer((f"team:\n{team}", "team: []")))
    assert messages(empty, "charter.sign-off") == [
        "the team lists nobody, so nobody can sign the charter"]


def test_agreements_written_as_prose_are_not_counted(grade) -> None:
    text = answer()
    start = text.index("## Working agreements\n\n") + len("## Working agreements\n\n")
    end = text.index("## Decision making")
    prose = "We review pull requests within a day and keep Tuesday mornings free.\n\n"
    result = grade_md(grade, text[:start] + prose + text[end:])
    assert messages(result, "charter.agreements") == [
        "the Working agreements section has no list items; each agreement is a '- ' item"]


def test_nested_details_do_not_count_as_agreements(grade) -> None:
    result = grade_md(grade, answer(
        ("- Tuesday and Thursday mornings are meeting-free focus time.\n",
         "- Tuesday and Thursday mornings are meeting-free focus time.\n"
         "  - Calendar blocks are set by each person.\n  - Incidents still come first.\n")))
    assert result.findings == [] and result.figures.agreements == 7


def test_a_synonym_or_a_near_miss_for_sign_off(grade) -> None:
    assert grade_md(grade, answer(("## Sign-off\n", "## Signatures\n"))).findings == []
    result = grade_md(grade, answer(("## Sign-off\n", "## Sign off\n")))
    assert rules_of(result) == {"charter.sections"}  # sign-off waits for the section
    assert "found '## Sign off' at line 113 — name it 'Sign-off'" in result.findings[0].message


def test_model_answer_figures(grade) -> None:
    metrics = grade(MODEL_ANSWER, as_of=AS_OF).metrics
    assert metrics == {
        "sections_found": SECTIONS, "sections_missing": [], "sections_empty": [],
        "agreements": 7, "min_agreements": 5, "signed": TEAM, "unsigned": [], "team_size": 7,
        # PMBOK's n(n − 1)/2: 7 × 6 / 2 = 21
        "communication_channels": 21}


def test_picture_of_the_model_answer(grade) -> None:
    text = render_text("team-charter", grade(MODEL_ANSWER, as_of=AS_OF))
    lines = text.splitlines()
    assert "Charter sections: 10 of 10 written" in text
    assert "✔ Working agreements: 7 (at least 5)" in text
    assert "Sign-off: 7 of 7 signed" in text
    after = lines.index("Sign-off: 7 of 7 signed")
    assert lines[after + 1:after + 8] == [f"  ✔ {name}" for name in TEAM]
    assert "A team of 7 has 21 one-to-one communication channels" in text
    assert max(len(line) for line in lines) <= 80


def test_picture_of_a_flawed_charter(grade) -> None:
    text = render_text("team-charter", grade(FIXTURES / "sam-not-signed.md", as_of=AS_OF))
    assert "Sign-off: 6 of 7 signed" in text
    assert "✘ Sam Lee — not signed yet" in text
    text = render_text("team-charter", grade(FIXTURES / "empty-decision-making.md",
                                             as_of=AS_OF))
    row = next(line for line in text.splitlines() if "Decision making" in line)
    assert row.split() == ["✘", "Decision", "making", "68", "0", "empty"]


def test_the_template_fails_only_on_placeholders(grade) -> None:
    result = grade(REPO / "templates" / "team-charter" / "team-charter.md", as_of=AS_OF)
    assert not result.passed
    assert rules_of(result) == {"common.placeholder"}
