"""Pydantic models of the curriculum files and the checks that span files.

Used by ``pmpath curriculum validate`` and whenever the curriculum cache is
stale. Every problem is reported as ``<file>: <key path>: <message>``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

from pmpath.core.documents import DocumentProblem, parse_yaml, read_text
from pmpath.kinds import KINDS, spec_of
from pmpath.kinds.base import path_of

MIN_QUESTIONS = 2
"""Knowledge checks a concept should have; fewer is advice from ``curriculum validate``."""

Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Text = Annotated[str, Field(min_length=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ChoiceModel(Strict):
    text: Text
    correct: bool = False
    why: Text
    """One sentence: why this choice is right, or what it gets wrong."""


class QuestionModel(Strict):
    """A multiple-choice knowledge check: three or more choices, exactly one right."""

    prompt: Text
    choices: list[ChoiceModel] = Field(min_length=3)

    @model_validator(mode="wrap")
    @classmethod
    def _one_right_answer(cls, data: Any, handler: Any) -> QuestionModel:
        # Counted on the raw data as well, so that a question with two right answers and a
        # choice without its 'why' reports both problems in one run, not one after the other.
        problem = _right_answer_problem(data)
        try:
            question = handler(data)
        except ValidationError as error:
            if problem is None:
                raise
            details = [*_init_details(error), {
                "type": PydanticCustomError("one_right_answer", problem), "loc": (),
                "input": data}]
            raise ValidationError.from_exception_data(error.title, details) from None
        if problem is not None:
            raise ValueError(problem)
        return question


def _right_answer_problem(data: Any) -> str | None:
    if not isinstance(data, dict) or not isinstance(data.get("choices"), list):
        return None  # the field checks report what is wrong with the choices
    right = sum(1 for choice in data["choices"]
                if isinstance(choice, dict) and choice.get("correct") is True)
    if right == 1:
        return None
    return f"needs exactly one choice with 'correct: true', found {right}"


def _init_details(error: ValidationError) -> list[Any]:
    """The errors of ``error`` as ``ValidationError.from_exception_data`` takes them back:
    same place, same type name and the same message."""
    return [{"type": PydanticCustomError(item["type"], item["msg"]), "loc": item["loc"],
             "input": item.get("input")}
            for item in error.errors(include_url=False)]


class ConceptModel(Strict):
    id: Id
    title: Text
    explanation: Text
    practice: Text
    solo: Text | None = None
    """The practice task for a learner without a team, sponsor or live project."""
    questions: list[QuestionModel] = Field(default_factory=list)


class ExerciseModel(Strict):
    id: Id
    title: Text
    artifact: str
    params: dict[str, Any] = Field(default_factory=dict)
    hints: list[Text] = Field(min_length=1)
    companions: list[str] = Field(default_factory=list)
    """Kinds whose model answer (``examples/index.yaml``) is the exercise's material:
    `pmpath new` writes each one beside the exercise's file, e.g. the sample product
    backlog a sprint is planned from."""

    @field_validator("artifact")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value not in KINDS:
            raise ValueError(f"unknown artifact kind '{value}'; known kinds: "
                             + ", ".join(KINDS))
        return value

    @field_validator("companions")
    @classmethod
    def _known_companions(cls, value: list[str], info: Any) -> list[str]:
        for kind in value:
            if kind not in KINDS:
                raise ValueError(f"unknown artifact kind '{kind}'; known kinds: "
                                 + ", ".join(KINDS))
            if kind == info.data.get("artifact"):
                raise ValueError(f"'{kind}' is the exercise's own artifact, not a companion")
        return value

    @field_validator("params")
    @classmethod
    def _typed_params(cls, value: dict[str, Any], info: Any) -> dict[str, Any]:
        kind = info.data.get("artifact")
        if kind not in KINDS:
            return value
        expected = {name: param.type for name, param in spec_of(kind).params.items()}
        for name, given in value.items():
            if name not in expected:
                allowed = ", ".join(expected) or "none"
                raise ValueError(f"'{name}' is not a parameter of {kind} (parameters: {allowed})")
            wanted = expected[name]
            if wanted is int and (isinstance(given, bool) or not isinstance(given, int)):
                raise ValueError(f"'{name}' must be a whole number, got {given!r}")
            if wanted is int and given < 1:
                raise ValueError(f"'{name}' must be at least 1, got {given}")
        return value


class ReadingModel(Strict):
    title: Text
    by: Text
    """The organisation or author that publishes it."""


class SkillModel(Strict):
    id: Id
    title: Text
    summary: Text
    weeks: float = Field(gt=0, le=52)
    concepts: list[ConceptModel] = Field(min_length=1)
    exercises: list[ExerciseModel] = Field(default_factory=list)
    reading: list[ReadingModel] = Field(default_factory=list)
    """Primary sources for the skill, by title and organisation."""


class DurationModel(Strict):
    min_months: float = Field(gt=0)
    max_months: float = Field(gt=0)


class PathModel(Strict):
    format_version: Literal[1]
    title: Text
    tagline: Text
    description: Text
    duration: DurationModel
    hours_per_week: float = Field(default=8, gt=0, le=80)
    """The weekly practice the skills' planned weeks assume."""
    skills: list[Id] = Field(min_length=1)
    welcome: Text
    final: Text


class PrincipleModel(Strict):
    id: Id
    title: Text
    summary: Text
    in_practice: Text


class PrinciplesModel(Strict):
    principles: list[PrincipleModel] = Field(min_length=1)


class CertificationModel(Strict):
    id: Id
    name: Text
    body: Text
    focus: Text
    for_whom: Text
    checked_on: date | None = None
    """When these facts were last checked against the certifying body's own pages."""


class CertAdviceModel(Strict):
    when: Text


class CertificationsModel(Strict):
    certifications: list[CertificationModel] = Field(min_length=1)
    advice: CertAdviceModel


class LevelModel(Strict):
    id: Id
    title: Text
    focus: Text
    description: Text


class EntryPathModel(Strict):
    id: Id
    title: Text
    description: Text


class EntryPathsModel(Strict):
    summary: Text
    paths: list[EntryPathModel] = Field(min_length=1)


class TacticModel(Strict):
    id: Id
    title: Text
    description: Text


class CareerModel(Strict):
    levels: list[LevelModel] = Field(min_length=1)
    entry_paths: EntryPathsModel
    tactics: list[TacticModel] = Field(min_length=1)
    daily_practice: Text
    closing: Text
    exercises: list[ExerciseModel] = Field(default_factory=list)


ThresholdValue = float | list[float]
"""A number (an allowance, a limit) or a list of numbers (a scale)."""


class RubricModel(Strict):
    weights: dict[str, float] = Field(default_factory=dict)
    thresholds: dict[str, dict[str, ThresholdValue]] = Field(default_factory=dict)
    """Rule id -> the numbers and scales that rule judges by, e.g. sprint.points: {scale:
    [1, 2, 3, 5, 8, 13, 20]}; a name left out keeps the kind's default."""

    @field_validator("weights")
    @classmethod
    def _positive(cls, value: dict[str, float]) -> dict[str, float]:
        for rule, weight in value.items():
            if weight < 0:
                raise ValueError(f"weight of {rule} must not be negative")
        return value


CONTENT_MODELS: dict[str, type[Strict]] = {
    "principles": PrinciplesModel,
    "certifications": CertificationsModel,
    "career": CareerModel,
    "rubric": RubricModel,
}


def _where(loc: tuple[int | str, ...]) -> str:
    return path_of(*loc) or "(top)"


def _errors(file: str, error: ValidationError) -> list[str]:
    problems = []
    for item in error.errors(include_url=False):
        message = _question_message(item) or item["msg"].removeprefix("Value error, ")
        problems.append(f"{file}: {_where(item['loc'])}: {message}")
    return problems


def _question_message(item: Any) -> str | None:
    """Plainer words than pydantic's for the mistakes a question's author makes most."""
    loc = item["loc"]
    if "questions" not in loc or not loc:
        return None
    field, kind = loc[-1], item["type"]
    if field == "why" and kind in ("missing", "string_too_short"):
        return ("every choice needs a 'why': one sentence on why it is right or what it "
                "gets wrong")
    if field == "choices" and kind == "too_short":
        found = len(item["input"]) if isinstance(item.get("input"), list) else 0
        return f"a question needs at least 3 choices, found {found}"
    if field == "correct" and kind.startswith("bool"):
        return "'correct' must be true or false"
    if field in ("prompt", "text") and kind in ("missing", "string_too_short"):
        return f"'{field}' is missing or empty"
    return None


def _load_yaml(path: Path, relative: str) -> tuple[Any, list[str]]:
    try:
        data = parse_yaml(read_text(path))
    except DocumentProblem as problem:
        place = f" ({problem.where})" if problem.line else ""
        return None, [f"{relative}{place}: {problem.message}"]
    return data, []


def _validate_file(root: Path, relative: str, model: type[Strict]) -> tuple[Any, list[str]]:
    path = root / relative
    if not path.is_file():
        return None, [f"{relative}: file missing"]
    data, problems = _load_yaml(path, relative)
    if problems:
        return None, problems
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        return None, _errors(relative, error)


def validate_curriculum(root: Path) -> tuple[dict[str, Any], list[str]]:
    """Validate every curriculum file; return the plain data and the problems found."""
    problems: list[str] = []
    path_model, found = _validate_file(root, "path.yaml", PathModel)
    problems += found
    skills: list[SkillModel] = []
    skill_files: list[str] = []
    if path_model is not None:
        if path_model.duration.min_months > path_model.duration.max_months:
            problems.append("path.yaml: duration: min_months is larger than max_months")
        seen_skills: set[str] = set()
        for number, skill_id in enumerate(path_model.skills, start=1):
            if skill_id in seen_skills:
                problems.append(f"path.yaml: skills[{number - 1}]: '{skill_id}' is listed twice")
                continue
            seen_skills.add(skill_id)
            relative = f"skills/{number:02d}-{skill_id}.yaml"
            skill, found = _validate_file(root, relative, SkillModel)
            problems += found
            if skill is None:
                continue
            if skill.id != skill_id:
                problems.append(f"{relative}: id: is '{skill.id}' but path.yaml lists "
                                f"'{skill_id}' here")
            skills.append(skill)
            skill_files.append(relative)
        listed = {f"{n:02d}-{s}.yaml" for n, s in enumerate(path_model.skills, start=1)}
        for stray in sorted((root / "skills").glob("*.yaml")):
            if stray.name not in listed:
                problems.append(f"skills/{stray.name}: not in path.yaml's skill order "
                                "(rename it NN-<id>.yaml to match its position)")

    content: dict[str, Any] = {}
    for name, model in CONTENT_MODELS.items():
        relative = f"{name}.yaml"
        if name == "rubric" and not (root / relative).is_file():
            continue  # optional: rules keep their default weights
        value, found = _validate_file(root, relative, model)
        problems += found
        content[name] = value

    career = content.get("career")
    exercises = [(file, f"exercises[{i}]", e)
                 for file, s in zip(skill_files, skills, strict=True)
                 for i, e in enumerate(s.exercises)]
    if career is not None:
        exercises += [("career.yaml", f"exercises[{i}]", e)
                      for i, e in enumerate(career.exercises)]
    _unique(problems, exercises, "exercise")
    problems += _companions_without_examples(root, exercises)
    concepts = [(file, f"concepts[{i}]", c)
                for file, s in zip(skill_files, skills, strict=True)
                for i, c in enumerate(s.concepts)]
    _unique(problems, concepts, "concept")
    rubric = content.get("rubric")
    if rubric is not None:
        problems += _unknown_rules(rubric.weights)
        problems += _unknown_rules(rubric.thresholds, "thresholds")

    data = {
        "path": path_model.model_dump() if path_model else None,
        "skills": [skill.model_dump() for skill in skills],
        "career": {"exercises": [e.model_dump() for e in career.exercises]} if career else {},
        "rubric": rubric.model_dump() if rubric else {},
    }
    return data, problems


def _companions_without_examples(root: Path, exercises: list[tuple[str, str, Any]]) -> list[str]:
    """A companion is written from the curriculum's model answer, so it must have one."""
    wanted = [(file, where, kind) for file, where, exercise in exercises
              for kind in exercise.companions]
    if not wanted:
        return []
    try:
        index = parse_yaml(read_text(root / "examples" / "index.yaml")) or {}
    except (OSError, DocumentProblem):
        index = {}
    listed = index.get("examples") if isinstance(index, dict) else None
    listed = listed if isinstance(listed, dict) else {}
    problems = []
    for file, where, kind in wanted:
        entry = listed.get(kind)
        if not isinstance(entry, dict) or "file" not in entry:
            problems.append(f"{file}: {where}.companions: '{kind}' has no model answer in "
                            "examples/index.yaml to write beside the exercise")
        elif not (root / "examples" / str(entry["file"])).is_file():
            problems.append(f"{file}: {where}.companions: '{kind}' names examples/"
                            f"{entry['file']}, which does not exist")
    return problems


def _unique(problems: list[str], items: list[tuple[str, str, Any]], what: str) -> None:
    first_seen: dict[str, str] = {}
    for file, where, item in items:
        if item.id in first_seen:
            problems.append(f"{file}: {where}.id: {what} id '{item.id}' is also used in "
                            f"{first_seen[item.id]}")
        else:
            first_seen[item.id] = f"{file} {where}"


def _unknown_rules(by_rule: dict[str, Any], section: str = "weights") -> list[str]:
    from pmpath.core.grading import all_rules

    known = {rule.id for rule in all_rules()}
    return [f"rubric.yaml: {section}.{rule}: no rule has this id (see `pmpath rules`)"
            for rule in by_rule if rule not in known]


def load_content_file(root: Path, name: str) -> dict[str, Any]:
    from pmpath.core.errors import CurriculumError

    model = CONTENT_MODELS[name]
    value, problems = _validate_file(root, f"{name}.yaml", model)
    if problems:
        raise CurriculumError(problems[0], problems)
    return value.model_dump()


def lint_curriculum(root: Path) -> list[str]:
    """Advice beyond validity: explanation lengths, knowledge checks per concept, hint tiers,
    plan length."""
    data, problems = validate_curriculum(root)
    if problems or not data["path"]:
        return []
    advice = []
    weeks = sum(skill["weeks"] for skill in data["skills"])
    duration = data["path"]["duration"]
    low, high = duration["min_months"] * 52 / 12, duration["max_months"] * 52 / 12
    if not (low - 0.5 <= weeks <= high + 0.5):
        advice.append(f"skills: planned weeks add up to {weeks:g}, outside the "
                      f"{duration['min_months']:g}–{duration['max_months']:g} months of path.yaml")
    for number, skill in enumerate(data["skills"], start=1):
        file = f"skills/{number:02d}-{skill['id']}.yaml"
        for index, concept in enumerate(skill["concepts"]):
            words = len(concept["explanation"].split())
            # Length follows importance: a simple idea reads best short, while the
            # central ones (critical path, PERT, earned value, Scrum) need room for a
            # worked example.
            if not 80 <= words <= 300:
                advice.append(f"{file}: concepts[{index}].explanation: {words} words; "
                              "80–300 reads best (up to 200 for a simple idea)")
            questions = len(concept.get("questions") or ())
            if questions < MIN_QUESTIONS:
                advice.append(f"{file}: concepts[{index}].questions: {questions} question"
                              f"{'' if questions == 1 else 's'}; give each concept at least "
                              f"{MIN_QUESTIONS} knowledge checks (`pmpath quiz`)")
        for index, exercise in enumerate(skill["exercises"]):
            if len(exercise["hints"]) != 3:
                advice.append(f"{file}: exercises[{index}].hints: {len(exercise['hints'])} "
                              "hints; three tiers (nudge, method, near-answer) work best")
    return advice
