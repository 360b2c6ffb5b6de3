"""Knowledge checks: reading an answer, grading it, and summing up a quiz.

Pure functions over the curriculum's questions and the recorded results; no
files, no terminal. The questions keep their order in the curriculum so that a
quiz reads the same every time and its results can be compared.
"""


from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from pmpath.core.curriculum import Choice, Concept, Question, Skill
from pmpath.core.state import QuizRecord


class Quiz(NamedTuple):
    """The questions of a knowledge check, with the learner's last results."""

    skill: Skill
    concepts: tuple[Concept, ...]
    """The concepts asked about, in curriculum order (each ``concept.questions`` in order)."""
    results: dict[str, QuizRecord]
    """The last recorded result per concept id (empty outside a workspace)."""
    workspace: Path | None
    """The workspace the results are recorded in; None outside one (nothing is recorded)."""
    ticked: frozenset[str] = frozenset()

    @property
    def questions(self) -> int:
        return sum(len(concept.questions) for concept in self.concepts)

    def to_json(self) -> dict[str, Any]:
        """The questions without their answers or explanations, for reading before answering."""
        return {
            "version": 1,
            "skill": {"id": self.skill.id, "number": self.skill.number,
                      "title": self.skill.title},
            "questions": self.questions,
            "concepts": [
                {"id": concept.id, "title": concept.title,
                 "questions": [question.public_json() for question in concept.questions],
                 "last_result": (self.results[concept.id]._asdict()
                                 if concept.id in self.results else None)}
                for concept in self.concepts],
        }


def parse_answer(text: str, choices: int) -> int:
    """The choice number typed by the learner (``"2"``, ``" 2. "``), from 1 to ``choices``.

    Raises ValueError with a one-line message to show before asking again.
    """
    cleaned = text.strip().rstrip(".)").lstrip("(").strip()
    if not cleaned:
        raise ValueError(f"type the number of your choice, 1 to {choices}")
    if not (cleaned.isascii() and cleaned.isdigit()) or not 1 <= int(cleaned) <= choices:
        # Shown back as typed, but never a control character (an arrow key's escape code).
        shown = "".join(ch if ch.isprintable() else "?" for ch in text.strip())
        if len(shown) > 20:
            shown = shown[:19] + "…"
        raise ValueError(f"'{shown}' is not a choice; type a number from 1 to {choices}")
    return int(cleaned)


class GradedAnswer(NamedTuple):
    question: Question
    chosen: int
    """The number of the chosen choice, from 1."""

    @property
    def correct(self) -> bool:
        return self.question.choices[self.chosen - 1].correct

    @property
    def chosen_choice(self) -> Choice:
        return self.question.choices[self.chosen - 1]

    @property
    def right_number(self) -> int:
        return self.question.right_number

    @property
    def right_choice(self) -> Choice:
        return self.question.choices[self.right_number - 1]


def grade_answer(question: Question, chosen: int) -> GradedAnswer:
    """Grade choice number ``chosen`` (from 1) of ``question``."""
    if not 1 <= chosen <= len(question.choices):
        raise ValueError(f"choice {chosen} does not exist; the question has "
                         f"{len(question.choices)} choices")
    return GradedAnswer(question, chosen)


class ConceptResult(NamedTuple):
    concept: Concept
    answers: tuple[GradedAnswer, ...]

    @property
    def right(self) -> int:
        return sum(1 for answer in self.answers if answer.correct)

    @property
    def answered(self) -> int:
        return len(self.answers)

    @property
    def questions(self) -> int:
        return len(self.concept.questions)

    @property
    def complete(self) -> bool:
        return self.answered == self.questions

    def record(self, on: date, previous: QuizRecord | None = None) -> QuizRecord:
        """What the workspace keeps of this result (the latest attempt replaces the last)."""
        return QuizRecord(right=self.right, answered=self.answered, questions=self.questions,
                          on=on, attempts=(previous.attempts + 1) if previous else 1)

    def as_json(self) -> dict[str, Any]:
        return {"id": self.concept.id, "title": self.concept.title, "right": self.right,
                "answered": self.answered, "questions": self.questions,
                "answers": [{"chosen": a.chosen, "correct": a.correct,
                             "right_choice": a.right_number} for a in self.answers]}


class QuizSummary(NamedTuple):
    """The results of one quiz, concept by concept."""

    skill: Skill
    results: tuple[ConceptResult, ...]
    recorded: bool
    """Whether the results were written to the workspace's progress."""

    @property
    def right(self) -> int:
        return sum(result.right for result in self.results)

    @property
    def answered(self) -> int:
        return sum(result.answered for result in self.results)

    @property
    def questions(self) -> int:
        return sum(result.questions for result in self.results)

    @property
    def percent(self) -> int:
        return round(100 * self.right / self.answered) if self.answered else 0

    def as_json(self) -> dict[str, Any]:
        return {"version": 1, "skill": {"id": self.skill.id, "number": self.skill.number,
                                        "title": self.skill.title},
                "right": self.right, "answered": self.answered, "questions": self.questions,
                "recorded": self.recorded,
                "concepts": [result.as_json() for result in self.results]}


def grade_quiz(skill: Skill, answers: Mapping[str, Sequence[int]]) -> tuple[ConceptResult, ...]:
    """Grade chosen numbers per concept id (in question order) against ``skill``'s questions.

    A concept may have fewer answers than questions (an interrupted quiz); one
    without answers is left out. Raises ValueError for an unknown concept, too
    many answers or a choice that does not exist.
    """
    by_id = {concept.id: concept for concept in skill.concepts}
    results = []
    for concept_id, chosen in answers.items():
        concept = by_id.get(concept_id)
        if concept is None:
            raise ValueError(f"'{concept_id}' is not a concept of skill {skill.number} · "
                             f"{skill.title}")
        if len(chosen) > len(concept.questions):
            raise ValueError(f"'{concept_id}' has {len(concept.questions)} questions, "
                             f"not {len(chosen)}")
        if not chosen:
            continue
        results.append(ConceptResult(concept, tuple(
            grade_answer(question, number)
            for question, number in zip(concept.questions, chosen, strict=False))))
    order = {concept.id: index for index, concept in enumerate(skill.concepts)}
    return tuple(sorted(results, key=lambda result: order[result.concept.id]))


class SkillQuizScore(NamedTuple):
    """A skill's knowledge checks as recorded: the latest result of each concept."""

    right: int
    answered: int
    questions: int
    """Questions the skill has now."""
    concepts_taken: int

    def as_json(self) -> dict[str, int]:
        return self._asdict()

    def text(self) -> str:
        """``quiz 7/10 right``; ``quiz not taken``; empty when there are no questions."""
        if not self.questions:
            return ""
        if not self.answered:
            return "quiz not taken"
        return f"quiz {self.right}/{self.questions} right"


def skill_quiz_score(skill: Skill, quizzes: Mapping[str, QuizRecord]) -> SkillQuizScore:
    """Sum a skill's recorded results, counted against the questions it has now.

    A concept whose questions changed since it was answered counts at most as
    many answers as it has questions.
    """
    right = answered = questions = taken = 0
    for concept in skill.concepts:
        count = len(concept.questions)
        questions += count
        record = quizzes.get(concept.id)
        if record is None or not count:
            continue
        taken += 1
        answered += min(record.answered, count)
        right += min(record.right, count)
    return SkillQuizScore(right, answered, questions, taken)


class NextStep(NamedTuple):
    command: str | None
    text: str


def next_step(summary: QuizSummary, ticked: Iterable[str], in_workspace: bool) -> NextStep:
    """What to do after a quiz: reread what was missed, finish it, or tick what is known."""
    skill = summary.skill
    missed = [result for result in summary.results if result.right < result.answered]
    if missed:
        concept = missed[0].concept
        command = f"pmpath quiz {skill.number} --concept {concept.id}"
        return NextStep(command, f"reread '{concept.title}' with `pmpath skill {skill.number}`, "
                                 f"then try its questions again: `{command}`")
    if any(not result.complete for result in summary.results):
        command = f"pmpath quiz {skill.number}"
        return NextStep(command, f"finish the knowledge check with `{command}`")
    if not in_workspace:
        return NextStep("pmpath init my-pm-path",
                        "keep your results: create a workspace with `pmpath init my-pm-path`")
    ticked_ids = set(ticked)
    unticked = [result.concept for result in summary.results
                if result.concept.id not in ticked_ids]
    if unticked:
        command = f"pmpath tick {unticked[0].id}"
        more = " (and the others you answered)" if len(unticked) > 1 else ""
        return NextStep(command, f"all right: tick what you have shown you know with "
                                 f"`{command}`{more}")
    return NextStep("pmpath next", "all right; `pmpath next` shows what to do now")

