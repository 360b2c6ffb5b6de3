"""Knowledge checks as a learner meets them: `pmpath quiz`, and the results in path and skill.

The quizzes run on a copy of the bundled curriculum whose first skill has three
concepts with known questions (the right answer of question 1 is choice 2, of
question 2 choice 1), so the tests do not depend on the wording of the shipped
content. Skill 3 of the copy has no questions at all.
"""

from __future__ import annotations

import builtins
import io
import json
import shutil
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "curriculum"
SKILL_ONE = "skills/01-fundamentals.yaml"
ALL_RIGHT = "2\n1\n"


def questions_for(concept_id: str) -> list[dict]:
    return [
        {"prompt": f"First question on {concept_id}: which choice fits?",
         "choices": [
             {"text": f"{concept_id} wrong one", "why": f"{concept_id}-q1: one is a trap."},
             {"text": f"{concept_id} right two", "correct": True,
              "why": f"{concept_id}-q1: two is right."},
             {"text": f"{concept_id} wrong three", "why": f"{concept_id}-q1: three misses."}]},
        {"prompt": f"Second question on {concept_id}?",
         "choices": [
             {"text": "Alpha", "correct": True, "why": f"{concept_id}-q2: alpha is right."},
             {"text": "Beta", "why": f"{concept_id}-q2: beta is half of it."},
             {"text": "Gamma", "why": f"{concept_id}-q2: gamma is another idea."}]},
    ]


def edit_skill(course: Path, relative: str, change) -> None:
    import yaml

    path = course / relative
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                    encoding="utf-8")


CONCEPTS = {"project-phases": "Project phases", "triple-trade-off": "The triple trade-off",
            "scope-control": "Scope control"}


@pytest.fixture
def course(tmp_path: Path) -> Path:
    target = tmp_path / "course"
    shutil.copytree(BUNDLED, target)
    filler = " ".join(["A sentence that gives the explanation its length."] * 12)

    def known_concepts(data: dict) -> None:
        data["title"] = "PM Fundamentals"
        data["concepts"] = [
            {"id": concept_id, "title": title, "explanation": filler,
             "practice": "Try it on a project you know.",
             "questions": questions_for(concept_id)}
            for concept_id, title in CONCEPTS.items()]

    def retitle(title: str):
        def change(data: dict) -> None:
            data["title"] = title
        return change

    def no_questions(data: dict) -> None:
        data["title"] = "Planning & Scheduling"
        for concept in data["concepts"]:
            concept.pop("questions", None)

    edit_skill(target, SKILL_ONE, known_concepts)
    edit_skill(target, "skills/02-agile-scrum.yaml", retitle("Agile & Scrum"))
    edit_skill(target, "skills/03-planning-scheduling.yaml", no_questions)
    return target


@pytest.fixture
def quiz_ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pmpath, course: Path) -> Path:
    """A workspace on the course above, started 2027-01-04, today pinned to 2027-01-20."""
    root = tmp_path / "ws"
    monkeypatch.setenv("PMPATH_TODAY", "2027-01-20")
    result = pmpath("init", str(root), "--name", "Sam", "--start", "2027-01-04",
                    "--hours", "8", "--curriculum", str(course))
    assert result.exit_code == 0, result.stderr
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def answer(pmpath, monkeypatch: pytest.MonkeyPatch):
    """``answer("2\\n1\\n", "1")`` runs ``pmpath quiz 1`` with those lines on stdin."""

    def run(lines: str, *args: str):
        monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
        return pmpath("quiz", *args)

    return run


def recorded(workspace: Path) -> dict:
    state = tomllib.loads((workspace / ".pmpath" / "state.toml").read_text(encoding="utf-8"))
    return state.get("quizzes", {})


def skill_one_concepts(pmpath) -> list[str]:
    return [concept["id"] for concept in pmpath("skill", "1", "--json").json()["concepts"]]


# --- answering ---------------------------------------------------------------------------

def test_answering_every_question_right(quiz_ws: Path, answer, pmpath) -> None:
    concepts = skill_one_concepts(pmpath)
    result = answer(ALL_RIGHT * len(concepts))
    assert result.exit_code == 0, result.stderr
    total = 2 * len(concepts)
    out = result.stdout
    assert out.startswith("Knowledge check · Skill 1 · PM Fundamentals\n")
    assert f"{total} questions on {len(concepts)} concepts." in out
    assert out.count("✓ Right.") == total
    assert "✗" not in out
    assert f"[1/{total}] Project phases  (question 1 of 2)" in out
    assert "  3. project-phases wrong three\nYour answer (1-3): 2\n" in out
    assert "✓ Right. project-phases-q1: two is right." in out
    assert "Results · Skill 1 · PM Fundamentals\n  2/2  Project phases" in out
    assert f"{total}/{total} right overall (100%)" in out
    assert "Next: all right: tick what you have shown you know with `pmpath tick " \
           "project-phases`" in out
    assert result.stderr == ""
    quizzes = recorded(quiz_ws)
    assert set(quizzes) == set(concepts)
    assert quizzes["project-phases"] == {"right": 2, "answered": 2, "questions": 2,
                                           "on": quizzes["project-phases"]["on"],
                                           "attempts": 1}
    assert str(quizzes["project-phases"]["on"]) == "2027-01-20"


def test_a_wrong_answer_shows_its_why_then_the_right_answer_with_its_why(
        quiz_ws: Path, answer) -> None:
    result = answer("1\n1\n", "1", "--concept", "project-phases")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert ("✗ Not quite. project-phases-q1: one is a trap.\n"
            "The right answer is 2. project-phases right two — project-phases-q1: two is "
            "right.\n") in out
    assert "✓ Right. project-phases-q2: alpha is right." in out
    assert "  1/2  Project phases  (project-phases)" in out
    assert "1/2 right overall (50%)" in out
    assert ("Next: reread 'Project phases' with `pmpath skill 1`, then try its "
            "questions again: `pmpath quiz 1 --concept project-phases`") in " ".join(out.split())
    assert recorded(quiz_ws) == {"project-phases": {
        "right": 1, "answered": 2, "questions": 2,
        "on": recorded(quiz_ws)["project-phases"]["on"], "attempts": 1}}


def test_invalid_answers_are_asked_again_with_one_line_each(quiz_ws: Path, answer) -> None:
    result = answer("x\n\n9\n0\n2\n 1. \n", "--concept", "project-phases")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "'x' is not a choice; type a number from 1 to 3",
        "type the number of your choice, 1 to 3",
        "'9' is not a choice; type a number from 1 to 3",
        "'0' is not a choice; type a number from 1 to 3",
    ]
    assert result.stdout.count("Your answer (1-3): ") == 6
    assert "2/2 right overall (100%)" in result.stdout
    assert recorded(quiz_ws)["project-phases"]["right"] == 2


def test_retaking_a_concept_replaces_its_result_and_counts_attempts(
        quiz_ws: Path, answer) -> None:
    answer("1\n2\n", "--concept", "triple-trade-off")
    assert recorded(quiz_ws)["triple-trade-off"]["right"] == 0
    answer(ALL_RIGHT, "--concept", "triple-trade-off")
    record = recorded(quiz_ws)["triple-trade-off"]
    assert (record["right"], record["answered"], record["attempts"]) == (2, 2, 2)


def test_the_quiz_defaults_to_the_skill_you_are_on(quiz_ws: Path, pmpath) -> None:
    assert pmpath("quiz", "--json").json()["skill"]["id"] == "fundamentals"
    pmpath("skip", "1", "--reason", "ran projects for years")
    assert pmpath("quiz", "--json").json()["skill"]["id"] == "agile-scrum"


def test_a_concept_alone_names_its_skill(quiz_ws: Path, pmpath) -> None:
    document = pmpath("quiz", "--concept", "triple-trade-off", "--json").json()
    assert document["skill"]["number"] == 1
    assert [c["id"] for c in document["concepts"]] == ["triple-trade-off"]
    assert document["questions"] == 2


def test_ctrl_c_exits_130_and_keeps_the_answers_given(quiz_ws: Path, pmpath,
                                                       monkeypatch) -> None:
    typed = iter(["2", "1", "2"])

    def fake_input(prompt: str = "") -> str:
        sys.stdout.write(prompt)
        try:
            return next(typed)
        except StopIteration:
            raise KeyboardInterrupt from None

    monkeypatch.setattr(builtins, "input", fake_input)
    result = pmpath("quiz", "1")
    assert result.exit_code == 130
    assert result.stderr.splitlines()[-1] == "interrupted"
    assert "Recorded your 3 answers so far (3 right)." in result.stderr
    quizzes = recorded(quiz_ws)
    assert quizzes["project-phases"]["answered"] == 2
    assert (quizzes["triple-trade-off"]["right"], quizzes["triple-trade-off"]["answered"],
            quizzes["triple-trade-off"]["questions"]) == (1, 1, 2)
    assert "scope-control" not in quizzes


def test_piped_answers_that_run_out_are_kept_and_reported(quiz_ws: Path, answer) -> None:
    result = answer("2\n", "1")
    assert result.exit_code == 2
    assert "error: the input ended after 1 of 6 answers" in result.stderr
    assert recorded(quiz_ws)["project-phases"]["answered"] == 1


def test_a_skill_without_questions_says_it_has_no_knowledge_checks(quiz_ws: Path,
                                                                  answer, pmpath) -> None:
    result = answer("", "3")
    assert result.exit_code == 0
    assert result.stderr.strip() == "Skill 3 · Planning & Scheduling has no knowledge checks."
    assert result.stdout == ""
    document = pmpath("quiz", "3", "--json").json()
    assert document["questions"] == 0
    assert all(concept["questions"] == [] for concept in document["concepts"])
    assert "quiz" not in pmpath("skill", "3").stdout.lower()


def test_unknown_skill_or_concept_and_a_concept_of_another_skill(quiz_ws: Path,
                                                                 pmpath) -> None:
    result = pmpath("quiz", "42")
    assert result.exit_code == 2
    assert "no skill '42'; choose one of: 1 fundamentals" in result.stderr
    result = pmpath("quiz", "--concept", "no-such-thing")
    assert result.exit_code == 2
    assert "no concept 'no-such-thing'" in result.stderr
    result = pmpath("quiz", "agile-scrm")
    assert result.exit_code == 2
    assert "did you mean 'agile-scrum'?" in result.stderr
    result = pmpath("quiz", "--concept", "triple-trade-of")
    assert result.exit_code == 2
    assert "did you mean 'triple-trade-off'?" in result.stderr
    other = pmpath("skill", "2", "--json").json()["concepts"][0]["id"]
    result = pmpath("quiz", "1", "--concept", other)
    assert result.exit_code == 2
    assert f"error: '{other}' is a concept of skill 2 · Agile & Scrum, not of skill 1" \
        in result.stderr
    assert f"`pmpath quiz --concept {other}`" in result.stderr


def test_outside_a_workspace_a_named_skill_can_be_quizzed_but_is_not_recorded(
        tmp_path: Path, monkeypatch, course: Path, answer, pmpath) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PMPATH_CURRICULUM", str(course))
    result = answer(ALL_RIGHT, "1", "--concept", "project-phases")
    assert result.exit_code == 0, result.stderr
    assert "Not recorded: you are not in a workspace." in result.stdout
    assert "pmpath init my-pm-path" in result.stdout
    result = pmpath("quiz")
    assert result.exit_code == 2
    assert "not inside a pmpath workspace" in result.stderr


# --- what the learner may read before answering --------------------------------------------

def test_quiz_json_prints_the_questions_without_answers_and_asks_nothing(
        quiz_ws: Path, answer) -> None:
    result = answer("", "1", "--json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["version"] == 1
    assert document["skill"] == {"id": "fundamentals", "number": 1, "title": "PM Fundamentals"}
    first = document["concepts"][0]
    assert first["id"] == "project-phases"
    assert first["questions"][0] == {
        "prompt": "First question on project-phases: which choice fits?",
        "choices": ["project-phases wrong one", "project-phases right two",
                    "project-phases wrong three"]}
    assert first["last_result"] is None
    assert "correct" not in result.stdout and "why" not in result.stdout
    assert "is right." not in result.stdout


def test_skill_json_lists_the_questions_without_answers_or_whys(quiz_ws: Path,
                                                                pmpath) -> None:
    result = pmpath("skill", "1", "--json")
    document = result.json()
    for concept in document["concepts"]:
        assert concept["questions"] == [
            {"prompt": q["prompt"], "choices": [c["text"] for c in q["choices"]]}
            for q in questions_for(concept["id"])]
        assert concept["quiz"] is None
    assert '"correct"' not in result.stdout and '"why"' not in result.stdout
    assert "is right." not in result.stdout and "trap" not in result.stdout


# --- results in path and skill -------------------------------------------------------------

def test_path_shows_the_quiz_score_beside_the_progress(quiz_ws: Path, answer, pmpath,
                                                      monkeypatch) -> None:
    before = pmpath("path", "--json").json()["skills"][0]["quiz"]
    assert before == {"right": 0, "answered": 0, "questions": 6, "concepts_taken": 0}
    answer("1\n1\n", "--concept", "project-phases")
    answer(ALL_RIGHT, "--concept", "triple-trade-off")
    skills = pmpath("path", "--json").json()["skills"]
    assert skills[0]["quiz"] == {"right": 3, "answered": 4, "questions": 6,
                                 "concepts_taken": 2}
    assert skills[2]["quiz"] == {"right": 0, "answered": 0, "questions": 0,
                                 "concepts_taken": 0}
    monkeypatch.setenv("COLUMNS", "80")
    text = pmpath("path").stdout
    header = next(line for line in text.splitlines() if "Skill" in line and "Quiz" in line)
    column = [cell.strip() for cell in header.split("┃")].index("Quiz")

    def quiz_cell(title: str) -> str:
        row = next(line for line in text.splitlines() if title in line)
        return row.split("│")[column].strip()

    assert quiz_cell("PM Fundamentals") == "3/6"
    assert quiz_cell("Planning & Scheduling") == ""  # no knowledge checks in this skill
    assert "Quiz: right answers out of the skill's questions" in text
    assert max(len(line.rstrip()) for line in text.splitlines()) <= 80


def test_skill_shows_each_concepts_last_result(quiz_ws: Path, answer, pmpath) -> None:
    answer("1\n1\n", "--concept", "project-phases")
    text = " ".join(pmpath("skill", "1").stdout.split())
    assert "Quiz: 1/2 right on 2027-01-20" in text
    assert "Check yourself: `pmpath quiz 1` asks 6 questions on these concepts." in text
    concept = pmpath("skill", "1", "--json").json()["concepts"][0]
    assert concept["quiz"] == {"right": 1, "answered": 2, "questions": 2, "on": "2027-01-20",
                               "attempts": 1}


# --- the author's side ---------------------------------------------------------------------

def test_validate_names_two_right_answers_and_a_missing_why_in_one_run(
        course: Path, pmpath) -> None:
    def break_questions(data: dict) -> None:
        first, second = data["concepts"][0]["questions"]
        del first["choices"][2]["why"]
        second["choices"][1]["correct"] = True

    edit_skill(course, SKILL_ONE, break_questions)
    result = pmpath("curriculum", "validate", str(course), "--json")
    assert result.exit_code == 1
    assert set(result.json()["problems"]) == {
        f"{SKILL_ONE}: concepts[0].questions[0].choices[2].why: every choice needs a 'why': "
        "one sentence on why it is right or what it gets wrong",
        f"{SKILL_ONE}: concepts[0].questions[1]: needs exactly one choice with "
        "'correct: true', found 2",
    }
    text = pmpath("curriculum", "validate", str(course))
    assert text.exit_code == 1
    assert (f"problem {SKILL_ONE}: concepts[0].questions[1]: needs exactly one choice with "
            "'correct: true', found 2") in text.stdout


def test_validate_reports_a_question_without_a_right_answer_or_with_two_choices(
        course: Path, pmpath) -> None:
    def break_questions(data: dict) -> None:
        first, second = data["concepts"][1]["questions"]
        first["choices"][1]["correct"] = False
        second["choices"] = second["choices"][:2]

    edit_skill(course, SKILL_ONE, break_questions)
    problems = pmpath("curriculum", "validate", str(course), "--json").json()["problems"]
    assert f"{SKILL_ONE}: concepts[1].questions[0]: needs exactly one choice with " \
           "'correct: true', found 0" in problems
    assert f"{SKILL_ONE}: concepts[1].questions[1].choices: a question needs at least 3 " \
           "choices, found 2" in problems


def test_validate_advises_on_a_concept_with_fewer_than_two_questions(course: Path,
                                                                    pmpath) -> None:
    def one_question(data: dict) -> None:
        data["concepts"][0]["questions"] = data["concepts"][0]["questions"][:1]
        data["concepts"][1]["questions"] = []

    edit_skill(course, SKILL_ONE, one_question)
    document = pmpath("curriculum", "validate", str(course), "--json").json()
    assert document["valid"] is True
    assert (f"{SKILL_ONE}: concepts[0].questions: 1 question; give each concept at least 2 "
            "knowledge checks (`pmpath quiz`)") in document["advice"]
    assert (f"{SKILL_ONE}: concepts[1].questions: 0 questions; give each concept at least 2 "
            "knowledge checks (`pmpath quiz`)") in document["advice"]
    assert not any(line.startswith(f"{SKILL_ONE}: concepts[2].questions")
                   for line in document["advice"])


# --- the shipped content -------------------------------------------------------------------

def test_every_shipped_concept_has_two_questions_of_three_choices_or_more(curriculum) -> None:
    thin = [f"{skill.id}/{concept.id}: {len(concept.questions)} question(s)"
            for skill in curriculum.skills for concept in skill.concepts
            if len(concept.questions) < 2]
    assert thin == [], f"{len(thin)} concepts need more knowledge checks: {thin[:5]}"
    short = [f"{concept.id}: {question.prompt[:40]}"
             for skill in curriculum.skills for concept in skill.concepts
             for question in concept.questions if len(question.choices) < 3]
    assert short == []
