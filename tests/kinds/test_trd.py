"""The trd kind: its rules in both directions, its figures, its picture and its files.

Fixtures live in tests/fixtures/trd/: ``clean.md`` is the model answer
(curriculum/examples/trd.md) with a comment line added to its front matter, so its
body lines are one further down than the model answer's; every other file is
``clean.md`` with one seeded flaw, named in its first comment. The model answer holds
FR-1 … FR-7, NFR-1 … NFR-6 and AC-1 … AC-10:

    AC-1 FR-1   AC-2 FR-2   AC-3 FR-2   AC-4 FR-3   AC-5 FR-4
    AC-6 FR-5   AC-7 FR-6   AC-8 FR-6   AC-9 FR-7   AC-10 NFR-1, NFR-3

and one availability target, NFR-2 at 99.95% of each calendar month.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from support import render_text, rules_of, where_of

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "trd"
MODEL_ANSWER = REPO / "curriculum" / "examples" / "trd.md"
AS_OF = date(2027, 1, 20)

SPEC_RULES = {
    "trd.front-matter": "error", "trd.sections": "error", "trd.ids": "error",
    "trd.shall": "error", "trd.weak-words": "warning", "trd.measurable": "error",
    "trd.traceability": "error", "trd.non-goals": "error", "trd.alternatives": "error",
}
SECTIONS = ["Summary", "Problem", "Goals", "Non-goals", "Functional requirements",
            "Non-functional requirements", "Design", "Alternatives considered", "Dependencies",
            "Security and privacy", "Testing", "Rollout", "Risks", "Open questions",
            "Success metrics"]


def answer(*edits: tuple[str, str]) -> str:
    """The model answer with each (old, new) edit made once."""
    text = MODEL_ANSWER.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def grade_md(grade, text: str):
    return grade(text, name="trd.md", as_of=AS_OF)


def messages(result, rule: str) -> list[str]:
    return [finding.message for finding in result.findings if finding.rule == rule]


def hints(result, rule: str) -> list[str]:
    return [finding.hint for finding in result.findings if finding.rule == rule]


# -- the declaration ------------------------------------------------------------------------

def test_rules_are_exactly_the_spec_rules_with_their_severities() -> None:
    from pmpath.kinds.trd import SPEC

    assert {rule.id: rule.severity for rule in SPEC.rules} == SPEC_RULES
    assert SPEC.kind == "trd" and SPEC.markdown
    assert [names[0] for names in SPEC.defaults["sections"]] == SECTIONS
    assert ["Problem", "Background", "Motivation"] in SPEC.defaults["sections"]
    assert ["Testing", "Test plan"] in SPEC.defaults["sections"]
    for rule in SPEC.rules:
        assert rule.weight in (1, 2, 3), rule.id


def test_the_rubric_weighs_warnings_1_and_sets_the_section_length(curriculum) -> None:
    weights = curriculum.rule_weights
    assert weights["trd.weak-words"] == 1
    assert weights["trd.sections"] == weights["trd.traceability"] == 3
    assert curriculum.thresholds["trd.sections"] == {"min_words": 20}


# -- the fixtures ---------------------------------------------------------------------------

def test_clean_fixture_and_model_answer_have_no_findings(grade) -> None:
    for path in (FIXTURES / "clean.md", MODEL_ANSWER):
        result = grade(path, as_of=AS_OF)
        assert result.findings == [], [f"{f.rule} {f.where}: {f.message}"
                                        for f in result.findings]
        assert result.passed and result.score == 100


@pytest.mark.parametrize(("name", "rule", "where", "said"), [
    ("status-final.md", "trd.front-matter", "status", "status 'final' is not one of draft"),
    ("non-goals-misnamed.md", "trd.sections", "line 45",
     "found '## Non goals' at line 45 — name it 'Non-goals'"),
    ("risks-too-short.md", "trd.sections", "line 193", "'Risks' section has 10 words"),
    ("duplicate-nfr-id.md", "trd.ids", "line 83",
     "NFR-4 is used again here; it is already the id on line 81"),
    ("fr-will.md", "trd.shall", "line 62", "FR-3 does not say 'shall': 'On the payment step"),
    ("nfr-fast.md", "trd.weak-words", "line 75", "NFR-1 leans on 'fast'"),
    ("nfr-no-number.md", "trd.measurable", "line 83", "NFR-5 has no number with a unit"),
    ("fr-untraced.md", "trd.traceability", "line 70",
     "FR-7 is not verified by any acceptance criterion"),
    ("no-non-goals.md", "trd.non-goals", "line 45", "states no non-goal"),
    ("no-alternatives.md", "trd.alternatives", "line 115", "names no alternative"),
])
def test_each_flawed_fixture_breaks_its_rule_at_its_place(grade, name: str, rule: str,
                                                          where: str, said: str) -> None:
    result = grade(FIXTURES / name, as_of=AS_OF)
    assert rules_of(result) == {rule}, [f"{f.rule} {f.where}: {f.message}"
                                        for f in result.findings]
    assert where_of(result, rule) == [where]
    assert said in messages(result, rule)[0]


def test_the_fixtures_hints_fit_what_was_typed(grade) -> None:
    fixed = {
        "status-final.md": ("trd.front-matter", "write status: approved"),
        "duplicate-nfr-id.md": ("trd.ids", "the next free id, NFR-7"),
        "fr-will.md": ("trd.shall", "replace 'will' with 'shall': '… the payment step, the "
                                    "system shall list every"),
        "nfr-fast.md": ("trd.weak-words", "within 300 ms for 95% of requests"),
        "nfr-no-number.md": ("trd.measurable", "'serving again within 5 minutes"),
        "fr-untraced.md": ("trd.traceability", "'- AC-11 (FR-7): Given …, when …, then …'"),
        "non-goals-misnamed.md": ("trd.sections", "change line 45 to '## Non-goals'"),
    }
    for name, (rule, advice) in fixed.items():
        result = grade(FIXTURES / name, as_of=AS_OF)
        assert advice in hints(result, rule)[0], name


def test_a_weak_word_is_only_a_warning(grade) -> None:
    result = grade(FIXTURES / "nfr-fast.md", as_of=AS_OF)
    assert result.passed and result.warnings == 1 and result.score < 100


# -- sections -------------------------------------------------------------------------------

def test_a_missing_section_says_where_it_belongs_and_what_it_is_for(grade) -> None:
    start = "## Alternatives considered\n"
    text = answer()
    body = text[text.index(start):text.index("## Dependencies\n")]
    result = grade_md(grade, text.replace(body, ""))
    assert rules_of(result) == {"trd.sections"}  # not also trd.alternatives
    (finding,) = result.findings
    assert finding.message == "there is no '## Alternatives considered' section"
    assert finding.where == "line 114"  # where '## Dependencies' now starts
    assert "add a '## Alternatives considered' heading before '## Dependencies' (line 114)" \
        in finding.hint
    assert "the other approaches you weighed" in finding.hint


@pytest.mark.parametrize(("old", "new", "said"), [
    ("## Goals\n", "### Goals\n",
     "found '### Goals' at line 35 — make it a level-2 heading: '## Goals'"),
    ("## Success metrics\n", "## Sucess metrics\n",
     "found '## Sucess metrics' at line 213 — name it 'Success metrics'"),
    ("## Risks\n", "## Risk\n", "found '## Risk' at line 192 — name it 'Risks'"),
])
def test_near_misses_say_what_to_rename(grade, old: str, new: str, said: str) -> None:
    result = grade_md(grade, answer((old, new)))
    assert [finding.rule for finding in result.findings] == ["trd.sections"]
    assert said in result.findings[0].message


def test_synonyms_numbering_and_case_count_as_the_section(grade) -> None:
    result = grade_md(grade, answer(("## Problem\n", "## 2. Background\n"),
                                    ("## Testing\n", "## TEST PLAN\n"),
                                    ("## Design\n", "## Architecture:\n"),
                                    ("## Security and privacy\n", "## Security & privacy\n")))
    assert result.findings == []


def test_functional_requirements_is_not_a_near_miss_for_non_functional(grade) -> None:
    text = answer(("## Non-functional requirements\n", ""))
    result = grade_md(grade, text)
    (finding,) = [f for f in result.findings if f.rule == "trd.sections"]
    assert finding.message == "there is no '## Non-functional requirements' section"


def test_the_rubric_threshold_sets_the_words_a_section_needs() -> None:
    from pmpath.core.documents import load_document
    from pmpath.kinds.base import Context
    from pmpath.kinds.trd import SPEC

    document = load_document(MODEL_ANSWER)
    model = SPEC.model.model_validate(document.data)
    ctx = Context(as_of=AS_OF, params=SPEC.defaults, body=document.body,
                  body_line=document.body_line, thresholds={"trd.sections": {"min_words": 95}})
    outcome = SPEC.grade(model, ctx)
    short = [finding.message for finding in outcome.findings]
    assert "the 'Problem' section has 90 words; write at least 95" in short
    assert outcome.figures.min_words == 95
    assert "Problem" in outcome.figures.sections_short


def test_the_exercise_may_ask_for_other_sections() -> None:
    from pmpath.core.documents import load_document
    from pmpath.kinds.base import Context
    from pmpath.kinds.trd import SPEC

    document = load_document(MODEL_ANSWER)
    model = SPEC.model.model_validate(document.data)
    ctx = Context(as_of=AS_OF, params={"sections": ["Summary", ["Glossary", "Terms"], 7]},
                  body=document.body, body_line=document.body_line)
    outcome = SPEC.grade(model, ctx)
    assert [row.section for row in outcome.figures.checklist] == ["Summary", "Glossary"]
    assert [finding.message for finding in outcome.findings
            if finding.rule == "trd.sections"] == ["there is no '## Glossary' section"]


# -- requirements ---------------------------------------------------------------------------

def test_ids_may_be_bold_and_criteria_may_verify_several_requirements(grade) -> None:
    result = grade_md(grade, answer(
        ("- FR-1: On the payment step", "- **FR-1:** On the payment step"),
        ("- AC-1 (FR-1): Given", "- **AC-1** (FR-1, FR-7): Given")))
    assert result.findings == []
    assert result.figures.traceability["FR-7"] == ["AC-1", "AC-9"]


def test_a_list_item_that_only_mentions_an_id_is_not_a_requirement(grade) -> None:
    result = grade_md(grade, answer(("- Customers may not trust saving a card",
                                     "- FR-3 is the riskiest: customers may not trust saving "
                                     "a card")))
    assert result.findings == []
    assert result.figures.requirement_counts == {"FR": 7, "NFR": 6, "AC": 10}


def test_a_trd_without_numbered_requirements_is_told_how_to_write_them(grade) -> None:
    text = answer()
    for number in range(1, 8):
        text = text.replace(f"- FR-{number}: ", "- ")
    result = grade_md(grade, text)
    assert "no functional requirement is written as a list item starting 'FR-1:'" in \
        messages(result, "trd.ids")
    assert where_of(result, "trd.ids") == ["line 54"]


def test_criteria_that_name_nothing_or_an_unknown_requirement(grade) -> None:
    result = grade_md(grade, answer(("- AC-3 (FR-2): Given", "- AC-3: Given"),
                                    ("- AC-7 (FR-6): Given", "- AC-7 (FR-9): Given")))
    assert messages(result, "trd.traceability") == [
        "AC-3 does not name the requirement it verifies",
        "AC-7 names FR-9, which is not a requirement in this document"]


@pytest.mark.parametrize(("statement", "words"), [
    ("shall be user-friendly, robust and flexible", ["user-friendly", "robust", "flexible"]),
    ("should respond within 2 s", ["should"]),
    ("shall support Visa, Mastercard, etc.", ["etc"]),
    ("shall retry as needed, and/or alert", ["as needed", "and/or"]),
    ("shall run efficiently within 200 MB", ["efficiently"]),
])
def test_weak_words_are_found_as_whole_words(grade, statement: str, words: list[str]) -> None:
    result = grade_md(grade, answer(("- NFR-6: The saved-card list and the remove-card dialog "
                                     "shall pass the axe-core\n  accessibility audit for WCAG "
                                     "2.2 level AA with 0 errors.",
                                     f"- NFR-6: The service {statement} for 95% of requests.")))
    assert result.figures.weak_words == {"NFR-6": words}


def test_weak_words_outside_requirements_are_not_judged(grade) -> None:
    # The model answer's Risks and Open questions say "may" and "Should" on purpose.
    text = answer()
    assert "Customers may not trust" in text and "- Should customers" in text
    assert rules_of(grade_md(grade, text)) == set()


@pytest.mark.parametrize(("statement", "measurable"), [
    ("shall answer in 2s", True), ("shall keep 10k users signed in", True),
    ("shall cost at most $0.02 per payment", True), ("shall answer within 1,500 ms", True),
    ("shall be 99.9 % available", True), ("shall use TLS 1.2", False),
    ("shall answer at p95", False), ("shall be highly available", False),
])
def test_a_number_needs_its_unit(grade, statement: str, measurable: bool) -> None:
    result = grade_md(grade, answer(("- NFR-4: When a customer closes their account, the "
                                     "system shall delete their saved-card\n  tokens within "
                                     "30 days.", f"- NFR-4: The service {statement}.")))
    assert ("trd.measurable" not in rules_of(result)) is measurable
    if statement == "shall use TLS 1.2":
        assert messages(result, "trd.measurable") == [
            "NFR-4 has the number 1.2 but no unit: 1.2 what?"]


@pytest.mark.parametrize(("status", "said", "advice"), [
    ("Draft", "status 'Draft' must be written in lower case", "write status: draft"),
    ("in review", "status 'in review' is not one of draft, review, approved",
     "write status: review"),
    ("done", "status 'done' is not one of", "write status: approved"),
])
def test_status_problems_name_the_fix(grade, status: str, said: str, advice: str) -> None:
    result = grade_md(grade, answer(("status: approved", f"status: {status}")))
    assert said in messages(result, "trd.front-matter")[0]
    assert advice in hints(result, "trd.front-matter")[0]


def test_authors_and_reviewers(grade) -> None:
    result = grade_md(grade, answer(
        ("authors:\n  - Priya Shah (product manager, Checkout)\n  - Tomás Reyes (tech lead, "
         "Payments)", "authors: Priya Shah"),
        ("reviewers:\n  - Ama Boateng (security engineer)\n  - Daniel Kim (site reliability "
         "engineer)\n  - Rachel Osei (VP Product)", "reviewers: []")))
    assert sorted(zip(where_of(result, "trd.front-matter"),
                      messages(result, "trd.front-matter"), strict=True)) == [
        ("authors", "authors is written as one piece of text ('Priya Shah'), not a list"),
        ("reviewers", "the status is approved but no reviewers are named, so nobody "
                      "approved it")]
    draft = grade_md(grade, answer(("status: approved", "status: draft"),
                                   ("reviewers:\n  - Ama Boateng (security engineer)\n  - Daniel"
                                    " Kim (site reliability engineer)\n  - Rachel Osei (VP "
                                    "Product)", "reviewers: []")))
    assert draft.findings == []  # a draft needs no reviewers yet
    nobody = grade_md(grade, answer(
        ("authors:\n  - Priya Shah (product manager, Checkout)\n  - Tomás Reyes (tech lead, "
         "Payments)", "authors:\n  - ''\n  - 7")))
    assert sorted(zip(where_of(nobody, "trd.front-matter"),
                      messages(nobody, "trd.front-matter"), strict=True)) == [
        ("authors", "no authors are named"),
        ("authors[0]", "authors entry number 1 is empty"),
        ("authors[1]", "authors entry number 2 is not a name (7)")]


# -- figures and picture --------------------------------------------------------------------

def test_model_answer_figures(grade) -> None:
    result = grade(MODEL_ANSWER, as_of=AS_OF)
    metrics = result.metrics
    assert metrics["sections_found"] == SECTIONS
    assert metrics["sections_missing"] == [] and metrics["sections_short"] == []
    assert metrics["requirement_counts"] == {"FR": 7, "NFR": 6, "AC": 10}
    assert metrics["traceability"] == {
        "FR-1": ["AC-1"], "FR-2": ["AC-2", "AC-3"], "FR-3": ["AC-4"], "FR-4": ["AC-5"],
        "FR-5": ["AC-6"], "FR-6": ["AC-7", "AC-8"], "FR-7": ["AC-9"]}
    assert metrics["untraced"] == [] and metrics["weak_words"] == {}
    # 99.95% of 30 days: 0.0005 × 43,200 minutes = 21.6; of 365 days: 262.8 minutes.
    assert metrics["availability"] == [{
        "requirement": "NFR-2", "availability_percent": 99.95, "window_days": 30,
        "allowed_downtime_minutes": 21.6, "allowed_downtime_minutes_per_year": 262.8}]


def test_picture_of_the_model_answer(grade) -> None:
    result = grade(MODEL_ANSWER, as_of=AS_OF)
    text = render_text("trd", result)
    assert "Required sections: 15 of 15 complete (at least 20 words each)" in text
    assert text.count("✔") == 15 and "✘" not in text
    lines = text.splitlines()
    summary = next(line for line in lines if "Summary" in line and "✔" in line)
    assert summary.split()[-2:] == ["17", "98"]  # line and words
    assert next(line for line in lines if line.startswith("FR-6")).split()[1:] == \
        ["AC-7,", "AC-8"]
    assert "Requirements: 7 functional, 6 non-functional; 10 acceptance criteria" in text
    assert "Weak words in requirements: none" in text
    assert "NFR-2  99.95%  21.6 minutes per 30 days, 4.38 hours per year" in text
    assert max(len(line) for line in lines) <= 80


def test_picture_of_a_flawed_trd_marks_each_problem(grade) -> None:
    text = render_text("trd", grade(FIXTURES / "non-goals-misnamed.md", as_of=AS_OF))
    row = next(line for line in text.splitlines() if "Non-goals" in line)
    assert row.split() == ["✘", "Non-goals", "45", "–", "found", "as", "'##", "Non", "goals'"]
    text = render_text("trd", grade(FIXTURES / "risks-too-short.md", as_of=AS_OF))
    row = next(line for line in text.splitlines() if "Risks" in line)
    assert row.startswith("!") and "needs 20" in row
    text = render_text("trd", grade(FIXTURES / "fr-untraced.md", as_of=AS_OF))
    assert "Traceability: 6 of 7 functional requirements verified" in text
    assert "✘ no acceptance criterion" in next(line for line in text.splitlines()
                                               if line.startswith("FR-7"))


def test_the_template_fails_only_on_placeholders(grade) -> None:
    result = grade(REPO / "templates" / "trd" / "trd.md", as_of=AS_OF)
    assert not result.passed
    assert rules_of(result) == {"common.placeholder"}


def test_placeholders_left_in_the_body_fail_the_template(grade) -> None:
    text = (REPO / "templates" / "trd" / "trd.md").read_text(encoding="utf-8")
    for old, new in (("<the feature, e.g. Saved cards for returning customers>", "Saved cards"),
                     ("<your full name>", "Priya Shah"),
                     ("<the tech lead's full name>", "Tomás Reyes"),
                     ("<the security reviewer's full name>", "Ama Boateng")):
        text = text.replace(old, new)
    result = grade_md(grade, text)
    assert not result.passed
    assert "line 30" in where_of(result, "common.placeholder")
