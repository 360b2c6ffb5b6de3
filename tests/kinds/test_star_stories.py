"""The star-stories kind: its rules in both directions, what counts as a number and as
"I", the figures of the model answer and its picture.

Fixtures live in tests/fixtures/star-stories/: each is the model answer with one seeded
flaw, named in its first comment. The model answer's figures, counted by hand from
curriculum/examples/star-stories.yaml (words are runs of characters between spaces):

    story 1 planning-scheduling        situation 39, task 23, action 86, result 43
    story 2 risk-management            situation 36, task 27, action 81, result 35
    story 3 stakeholder-communication  situation 41, task 26, action 67, result 37
    story 4 team-leadership            situation 36, task 18, action 58, result 39
    story 3's figures: 70% · 2 · 30% · $120,000 · 85 · 52 · six
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from support import render_text, rules_of, where_of

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "star-stories"
MODEL_ANSWER = REPO / "curriculum" / "examples" / "star-stories.yaml"
AS_OF = date(2027, 1, 20)

SPEC_RULES = {"star.count": "error", "star.complete": "error", "star.quantified": "error",
              "star.ownership": "warning"}


def model_answer() -> str:
    return MODEL_ANSWER.read_text(encoding="utf-8")


def test_rules_are_exactly_the_spec_rules_with_their_severities() -> None:
    from pmpath.kinds.star_stories import SPEC

    assert {rule.id: rule.severity for rule in SPEC.rules} == SPEC_RULES
    assert SPEC.kind == "star-stories"
    assert SPEC.params["min_stories"].default == 3


# (fixture, rule, exact wheres, words the message holds, words the hint holds)
SEEDED_FLAWS = [
    ("two-stories.yaml", "star.count", ["stories"],
     "the file has 2 stories; this exercise asks for at least 3",
     "fundamentals or agile-scrum, which no story shows yet"),
    ("result-missing.yaml", "star.complete", ["stories[1].result"],
     "story 2 ('The scanner update before peak week') has no result", "with a number"),
    ("task-empty.yaml", "star.complete", ["stories[3].task"],
     "story 4 ('Onboarding that nobody owned') has no task", "what you were responsible for"),
    ("result-vague.yaml", "star.quantified", ["stories[2].result"],
     "has no number: 'Both managers were happy with the split", "30% fewer tickets"),
    ("result-says-one.yaml", "star.quantified", ["stories[0].result"],
     "has no number: 'The module went live on the date in the contract, one day",
     "'one' alone does not, so write 1"),
    ("action-we.yaml", "star.ownership", ["stories[2].action"],
     "says \"we\" 3 times and never \"I\"", "turn \"We pulled\" into \"I pulled\""),
]
WARNING_ONLY = {"action-we.yaml"}


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
    metrics = result.metrics
    words = [story["words"] for story in metrics["stories"]]
    assert [list(count.values()) for count in words] == [
        [39, 23, 86, 43], [36, 27, 81, 35], [41, 26, 67, 37], [36, 18, 58, 39]]
    # The hand counts above agree with the file as YAML reads it.
    stories = yaml.safe_load(model_answer())["stories"]
    for story, count in zip(stories, words, strict=True):
        assert count == {part: len(story[part].split())
                         for part in ("situation", "task", "action", "result")}
    assert [story["skill"] for story in metrics["stories"]] == [
        "planning-scheduling", "risk-management", "stakeholder-communication",
        "team-leadership"]
    assert all(story["quantified"] and story["says_i"] for story in metrics["stories"])
    # Covered in the path's order, not the file's.
    assert metrics["skills_covered"] == ["planning-scheduling", "stakeholder-communication",
                                         "team-leadership", "risk-management"]
    assert metrics["skills_not_covered"] == ["fundamentals", "agile-scrum", "pm-tools",
                                             "technical-literacy", "metrics-reporting",
                                             "product-strategy"]
    assert metrics["other_tags"] == []
    card = result.figures.stories[2]
    result_text = card.texts["result"]
    assert [result_text[start:end] for start, end in card.number_spans] == [
        "70%", "2", "30%", "$120,000", "85", "52", "six"]


@pytest.mark.parametrize(("text", "counts"), [
    ("Went live 2 weeks early", True),
    ("30% fewer support tickets", True),
    ("$40,000 saved in the first year", True),
    ("cut the cost by half", True),
    ("twice as fast as before", True),
    ("zero downtime during the move", True),
    ("thirty per cent fewer calls", True),
    ("three new starters trained", True),
    ("shipped in Q3 as promised", True),            # a digit counts, as documented
    ("one day early", False),                        # 'one' alone does not
    ("one of our biggest clients renewed", False),
    ("I double-checked the figures and all was well", False),
    ("delivered in the next quarter", False),
    ("a third fewer complaints", False),
    ("the client was happy", False),
])
def test_what_counts_as_a_number(text: str, counts: bool) -> None:
    from pmpath.kinds.star_stories.rules import is_quantified

    assert is_quantified(text) is counts


@pytest.mark.parametrize(("text", "says"), [
    ("I called the vendor", True),
    ("Then I'm the one who called", True),
    ("i called the vendor", True),
    ("We called the vendor and we agreed a date", False),
    ("the team, i.e. we, called", False),
    ("the I.T. desk called", False),
    ("the AI tool flagged it", False),
])
def test_what_counts_as_i(text: str, says: bool) -> None:
    from pmpath.kinds.star_stories.rules import says_i

    assert says_i(text) is says


def test_the_number_of_stories_is_the_exercises(curriculum) -> None:
    from pmpath.core.documents import load_document
    from pmpath.kinds.base import Context
    from pmpath.kinds.star_stories import SPEC

    model = SPEC.model.model_validate(load_document(MODEL_ANSWER).data)
    assert SPEC.grade(model, Context(as_of=AS_OF, params={"min_stories": 4})).findings == []
    five = SPEC.grade(model, Context(as_of=AS_OF, params={"min_stories": 5})).findings
    assert [(f.rule, f.message) for f in five] == [
        ("star.count", "the file has 4 stories; this exercise asks for at least 5")]
    # Without the path's skills, the hint suggests kinds of story instead.
    assert "a release you rescued" in five[0].hint


def test_a_number_written_alone_is_text_and_counts(grade) -> None:
    text = model_answer().replace("""    result: >-
      For the next 12 starters, the time to the first solo ticket fell from six weeks to
      three, and satisfaction on their first month's tickets rose from 81% to 90%. The
      checklist is still used by two other teams.
""", "    result: 12\n")
    assert "result: 12\n" in text
    result = grade(text)
    assert result.findings == []


def test_a_skill_tag_outside_the_path_is_named(grade) -> None:
    result = grade(model_answer().replace("skill: team-leadership", "skill: Team Leadershp"))
    assert result.findings == []
    assert result.metrics["other_tags"] == ["team-leadershp"]
    picture = " ".join(render_text("star-stories", result).split())
    assert "skill: team-leadershp (not a skill of the path)" in picture
    assert "not skills of the path: team-leadershp (did you mean team-leadership?)" in picture


def test_a_short_tag_suggests_the_skill_that_contains_it() -> None:
    from pmpath.kinds.star_stories.figures import closest_skill

    skills = ["risk-management", "stakeholder-communication", "team-leadership"]
    assert closest_skill("stakeholders", skills) == "stakeholder-communication"
    assert closest_skill("risk", skills) == "risk-management"
    assert closest_skill("cooking", skills) is None


def test_the_template_has_the_exercises_number_of_stories() -> None:
    from pmpath.core.scaffold import template_text

    assert template_text("star-stories", AS_OF, {"min_stories": 5}).count("  # Story ") == 5
    assert template_text("star-stories", AS_OF, {}).count("  # Story ") == 3


def test_the_picture_of_the_model_answer(grade) -> None:
    text = render_text("star-stories", grade(MODEL_ANSWER, as_of=AS_OF))
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "Story 1 of 4: The billing release we nearly missed" in text
    assert "  skill: planning-scheduling" in text
    for row in ("│ S ✔ │ 39 words │", "│ T ✔ │ 23 words │", "│ A ✔ │ 86 words │",
                "│ R ✔ │ 43 words │"):
        assert row in text
    assert "figures: 70% · 2 · 30% · $120,000 · 85 · 52 · six" in " ".join(text.split())
    assert ("Stories: 4 (the exercise asks for at least 3) · results with a number: 4 of 4 "
            "· actions with 'I': 4 of 4") in " ".join(text.split())
    assert "Path skills your stories show (4 of 10):" in text
    assert "✘" not in text and "⚠" not in text


def test_the_picture_marks_what_is_missing(grade) -> None:
    vague = render_text("star-stories", grade(FIXTURES / "result-vague.yaml", as_of=AS_OF))
    assert "│ R ✘ │" in vague and "✘ no number" in vague
    we = render_text("star-stories", grade(FIXTURES / "action-we.yaml", as_of=AS_OF))
    assert "⚠ no 'I': say what you did yourself" in we
    missing = render_text("star-stories", grade(FIXTURES / "result-missing.yaml", as_of=AS_OF))
    assert "│ R ✘ │  0 words │ no result yet" in missing
