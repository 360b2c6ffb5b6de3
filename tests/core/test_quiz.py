"""The pure side of knowledge checks: reading and grading answers, sums, and the state record."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from pmpath.core.curriculum import Choice, Concept, Question, Skill
from pmpath.core.errors import StateError
from pmpath.core.quiz import (
    QuizSummary,
    grade_answer,
    grade_quiz,
    next_step,
    parse_answer,
    skill_quiz_score,
)
from pmpath.core.state import (
    STATE_VERSION,
    QuizRecord,
    State,
    read_state,
    update_state,
    write_state,
)

QUESTION = Question("Which phase is skipped most often?", (
    Choice("Initiating", False, "Skipping it means nobody knows why the project exists."),
    Choice("Closing", True, "Teams move on before acceptance, handover and lessons learned."),
    Choice("Executing", False, "Without it nothing gets built, so it is never skipped."),
))


def concept(concept_id: str, questions: int) -> Concept:
    return Concept(concept_id, concept_id.title(), "explanation", "practice",
                   (QUESTION,) * questions)


SKILL = Skill("fundamentals", 1, "PM Fundamentals", "summary", 4.0,
              (concept("phases", 2), concept("scope", 3), concept("charter", 0)), ())


@pytest.mark.parametrize(("typed", "number"), [("2", 2), (" 3 ", 3), ("1.", 1), ("(2)", 2),
                                               ("3)", 3)])
def test_parse_answer_reads_a_choice_number(typed: str, number: int) -> None:
    assert parse_answer(typed, 3) == number


@pytest.mark.parametrize(("typed", "message"), [
    ("", "type the number of your choice, 1 to 3"),
    ("   ", "type the number of your choice, 1 to 3"),
    ("4", "'4' is not a choice; type a number from 1 to 3"),
    ("0", "'0' is not a choice; type a number from 1 to 3"),
    ("-1", "'-1' is not a choice; type a number from 1 to 3"),
    ("b", "'b' is not a choice; type a number from 1 to 3"),
    ("1 2", "'1 2' is not a choice; type a number from 1 to 3"),
    ("²", "'²' is not a choice; type a number from 1 to 3"),
    ("\x1b[A", "'?[A' is not a choice; type a number from 1 to 3"),
    ("9" * 30, f"'{'9' * 19}…' is not a choice; type a number from 1 to 3"),
])
def test_parse_answer_explains_what_it_wants_in_one_line(typed: str, message: str) -> None:
    with pytest.raises(ValueError) as error:
        parse_answer(typed, 3)
    assert str(error.value) == message


def test_grading_names_the_chosen_and_the_right_choice() -> None:
    wrong = grade_answer(QUESTION, 1)
    assert not wrong.correct
    assert wrong.chosen_choice.text == "Initiating"
    assert (wrong.right_number, wrong.right_choice.text) == (2, "Closing")
    assert grade_answer(QUESTION, 2).correct
    with pytest.raises(ValueError):
        grade_answer(QUESTION, 4)


def test_public_json_has_no_answer() -> None:
    assert QUESTION.public_json() == {"prompt": "Which phase is skipped most often?",
                                      "choices": ["Initiating", "Closing", "Executing"]}


def test_grade_quiz_keeps_curriculum_order_and_partial_concepts() -> None:
    results = grade_quiz(SKILL, {"scope": [2], "phases": [2, 1], "charter": []})
    assert [(r.concept.id, r.right, r.answered, r.questions, r.complete) for r in results] == [
        ("phases", 1, 2, 2, True), ("scope", 1, 1, 3, False)]
    summary = QuizSummary(SKILL, results, recorded=True)
    assert (summary.right, summary.answered, summary.questions, summary.percent) == (2, 3, 5, 67)


@pytest.mark.parametrize(("answers", "message"), [
    ({"nope": [1]}, "'nope' is not a concept of skill 1 · PM Fundamentals"),
    ({"phases": [1, 2, 3]}, "'phases' has 2 questions, not 3"),
    ({"phases": [5]}, "choice 5 does not exist; the question has 3 choices"),
])
def test_grade_quiz_refuses_answers_that_do_not_fit(answers, message: str) -> None:
    with pytest.raises(ValueError) as error:
        grade_quiz(SKILL, answers)
    assert str(error.value) == message


def test_a_result_record_counts_attempts() -> None:
    result = grade_quiz(SKILL, {"phases": [2, 2]})[0]
    first = result.record(date(2027, 1, 20))
    assert first == QuizRecord(right=2, answered=2, questions=2, on=date(2027, 1, 20),
                               attempts=1)
    assert result.record(date(2027, 1, 21), first).attempts == 2


def test_skill_score_counts_against_the_questions_the_skill_has_now() -> None:
    day = date(2027, 1, 20)
    assert skill_quiz_score(SKILL, {}).text() == "quiz not taken"
    quizzes = {"phases": QuizRecord(2, 2, 2, day),
               # The concept had more questions when answered: it counts at most 3.
               "scope": QuizRecord(4, 5, 5, day),
               "charter": QuizRecord(1, 1, 1, day),  # no questions now: not counted
               "elsewhere": QuizRecord(1, 1, 1, day)}
    score = skill_quiz_score(SKILL, quizzes)
    assert score.as_json() == {"right": 5, "answered": 5, "questions": 5, "concepts_taken": 2}
    assert score.text() == "quiz 5/5 right"
    empty = Skill("x", 2, "X", "s", 1.0, (concept("a", 0),), ())
    assert skill_quiz_score(empty, quizzes).text() == ""


def test_next_step_rereads_what_was_missed_first() -> None:
    summary = QuizSummary(SKILL, grade_quiz(SKILL, {"phases": [2, 2], "scope": [2, 1, 2]}),
                          recorded=True)
    step = next_step(summary, ticked=[], in_workspace=True)
    assert step.command == "pmpath quiz 1 --concept scope"
    assert "reread 'Scope'" in step.text


def test_next_step_after_full_marks_suggests_a_tick_then_next() -> None:
    summary = QuizSummary(SKILL, grade_quiz(SKILL, {"phases": [2, 2]}), recorded=True)
    assert next_step(summary, ticked=[], in_workspace=True).command == "pmpath tick phases"
    assert next_step(summary, ticked=["phases"], in_workspace=True).command == "pmpath next"
    assert next_step(summary, ticked=[], in_workspace=False).command == "pmpath init my-pm-path"
    partial = QuizSummary(SKILL, grade_quiz(SKILL, {"scope": [2]}), recorded=True)
    assert next_step(partial, ticked=[], in_workspace=True).command == "pmpath quiz 1"


# --- the record in .pmpath/state.toml ------------------------------------------------------

def test_quiz_results_survive_a_write_and_a_read(tmp_path: Path) -> None:
    path = tmp_path / "state.toml"
    record = QuizRecord(right=1, answered=2, questions=3, on=date(2027, 1, 20), attempts=2)
    write_state(path, State(quizzes={"phases": record}))
    assert read_state(path).quizzes == {"phases": record}
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    assert document["version"] == STATE_VERSION == 2
    assert document["quizzes"]["phases"] == {"right": 1, "answered": 2, "questions": 3,
                                             "on": date(2027, 1, 20), "attempts": 2}


def test_a_version_1_file_is_migrated_and_written_back_as_version_2(tmp_path: Path) -> None:
    path = tmp_path / "state.toml"
    lock = tmp_path / "state.lock"
    path.write_text("version = 1\n[ticked]\nlifecycle-phases = 2027-01-05\n", encoding="utf-8")
    state = read_state(path)
    assert state.quizzes == {} and "lifecycle-phases" in state.ticked
    with update_state(path, lock) as state:
        state.quizzes["phases"] = QuizRecord(2, 2, 2, date(2027, 1, 20))
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    assert document["version"] == 2
    assert str(document["ticked"]["lifecycle-phases"]) == "2027-01-05"
    assert document["quizzes"]["phases"]["right"] == 2


@pytest.mark.parametrize("record", [
    'right = 3\nanswered = 2\nquestions = 2\non = 2027-01-20\n',
    'right = "two"\nanswered = 2\nquestions = 2\non = 2027-01-20\n',
    'right = 1\nanswered = 2\nquestions = 2\n',
    'right = true\nanswered = 2\nquestions = 2\non = 2027-01-20\n',
])
def test_a_damaged_quiz_record_is_refused_not_reset(tmp_path: Path, record: str) -> None:
    path = tmp_path / "state.toml"
    text = f"version = 2\n[quizzes.phases]\n{record}"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StateError, match="damaged"):
        read_state(path)
    assert path.read_text(encoding="utf-8") == text


def test_importing_the_quiz_command_loads_no_heavy_module() -> None:
    import subprocess
    import sys

    code = ("import sys, pmpath.cli.quiz, pmpath.api; "
            "print(sorted(m for m in ('pydantic', 'yaml', 'rich.table', 'rich.console') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
