"""The learning path as data: skills, concepts, exercises and hints.

``load_curriculum`` validates the YAML files with the pydantic models of
:mod:`pmpath.core.curriculum_models` and keeps a JSON copy of the result in the
workspace cache, keyed by the files' sizes and modification times. Fast
commands (``pmpath next``) then read that copy without importing yaml or
pydantic; any change to a curriculum file re-validates it.
"""


import json
import os
from pathlib import Path
from typing import Any, NamedTuple

from pmpath import __version__
from pmpath.core.errors import CurriculumError, UsageError

CACHE_FORMAT = 1
CAREER_FOLDER = "career"


class Choice(NamedTuple):
    text: str
    correct: bool
    why: str
    """Why this choice is right, or what it gets wrong."""


class Question(NamedTuple):
    """A multiple-choice knowledge check; the curriculum guarantees exactly one right choice."""

    prompt: str
    choices: tuple[Choice, ...]

    @property
    def right_number(self) -> int:
        """The number (from 1, as shown to the learner) of the right choice."""
        return next(number for number, choice in enumerate(self.choices, start=1)
                    if choice.correct)

    def public_json(self) -> dict[str, Any]:
        """The question as a learner may see it before answering: no answer, no whys."""
        return {"prompt": self.prompt, "choices": [choice.text for choice in self.choices]}


class Concept(NamedTuple):
    id: str
    title: str
    explanation: str
    practice: str
    questions: tuple[Question, ...] = ()


class Exercise(NamedTuple):
    id: str
    title: str
    artifact: str
    params: dict[str, Any]
    hints: tuple[str, ...]
    skill_id: str | None
    """None for exercises outside the skills (the career section)."""
    folder: str
    """Workspace folder its artifact goes into, e.g. ``08-risk-management``."""
    companions: tuple[str, ...] = ()
    """Kinds whose model answer `pmpath new` writes beside the exercise's file (the
    exercise's material, such as the sample backlog a sprint is planned from)."""


class Skill(NamedTuple):
    id: str
    number: int
    title: str
    summary: str
    weeks: float
    concepts: tuple[Concept, ...]
    exercises: tuple[Exercise, ...]

    @property
    def folder(self) -> str:
        return f"{self.number:02d}-{self.id}"


class Curriculum(NamedTuple):
    root: Path
    title: str
    tagline: str
    description: str
    min_months: float
    max_months: float
    welcome: str
    final: str
    skills: tuple[Skill, ...]
    career_exercises: tuple[Exercise, ...] = ()
    rule_weights: dict[str, float] = {}  # noqa: RUF012 - never mutated
    thresholds: dict[str, dict[str, Any]] = {}  # noqa: RUF012 - never mutated
    hours_per_week: float = 8.0
    """The weekly practice the skills' planned weeks assume (path.yaml)."""
    """rubric.yaml's ``thresholds``: rule id -> {name: number or list of numbers}."""

    @property
    def total_weeks(self) -> float:
        return sum(skill.weeks for skill in self.skills)

    @property
    def exercises(self) -> list[Exercise]:
        return [ex for skill in self.skills for ex in skill.exercises] + list(
            self.career_exercises)

    def skill(self, ref: str | int) -> Skill:
        """A skill by id, by number (``3``) or by folder name (``03-planning-scheduling``)."""
        text = str(ref).strip().lower()
        for skill in self.skills:
            if text in (skill.id, skill.folder, str(skill.number), f"{skill.number:02d}"):
                return skill
        from pmpath.core.suggest import did_you_mean

        choices = ", ".join(f"{s.number} {s.id}" for s in self.skills)
        suggestion = did_you_mean(text, [s.id for s in self.skills])
        raise UsageError(f"no skill '{ref}'{suggestion}; choose one of: {choices}")

    def concept(self, concept_id: str) -> tuple[Skill, Concept]:
        for skill in self.skills:
            for concept in skill.concepts:
                if concept.id == concept_id:
                    return skill, concept
        from pmpath.core.suggest import did_you_mean

        known = [concept.id for skill in self.skills for concept in skill.concepts]
        raise UsageError(f"no concept '{concept_id}'{did_you_mean(concept_id, known)}; see "
                         "`pmpath skill N` for the concept ids of a skill")

    def exercise(self, exercise_id: str) -> Exercise:
        """An exercise by id, or by the kind of artifact it asks for (``risk-register``)."""
        for exercise in self.exercises:
            if exercise.id == exercise_id:
                return exercise
        for exercise in self.exercises:
            if exercise.artifact == exercise_id:
                return exercise
        from pmpath.core.suggest import did_you_mean

        names = [ex.id for ex in self.exercises] + [ex.artifact for ex in self.exercises]
        choices = ", ".join(ex.id for ex in self.exercises)
        raise UsageError(f"no exercise '{exercise_id}'{did_you_mean(exercise_id, names)}; "
                         f"choose one of: {choices} (or the kind of artifact, e.g. "
                         "risk-register)")

    def exercises_for_kind(self, kind: str) -> list[Exercise]:
        return [ex for ex in self.exercises if ex.artifact == kind]

    def exercise_for_artifact(self, kind: str, folder: str | None) -> Exercise | None:
        """The exercise an artifact answers: same kind, preferably in its skill folder."""
        candidates = self.exercises_for_kind(kind)
        for exercise in candidates:
            if folder is not None and exercise.folder == folder:
                return exercise
        return candidates[0] if candidates else None


def _source_files(root: Path) -> list[Path]:
    files = [root / "path.yaml", root / "career.yaml", root / "rubric.yaml",
             root / "principles.yaml", root / "certifications.yaml"]
    skills_dir = root / "skills"
    if skills_dir.is_dir():
        files.extend(sorted(skills_dir.glob("*.yaml")))
    return files


def _fingerprint(root: Path) -> list[list[Any]]:
    prints: list[list[Any]] = []
    for path in _source_files(root):
        try:
            stat = path.stat()
        except OSError:
            prints.append([path.name, None, None])
            continue
        prints.append([str(path.relative_to(root)), stat.st_mtime_ns, stat.st_size])
    return prints


def _root_key(root: Path) -> str:
    """One cache file per curriculum folder. A checksum is enough: the cache records
    its folder and is used only for that folder (zlib is cheaper to load than
    hashlib, and this runs on every command)."""
    import zlib

    return f"{zlib.crc32(str(root).encode()):08x}"


def load_curriculum(root: Path, cache_dir: Path | None = None) -> Curriculum:
    """Load (and, unless the cache is fresh, validate) the curriculum at ``root``."""
    root = root.resolve()
    if not (root / "path.yaml").is_file():
        raise CurriculumError(f"{root} is not a curriculum folder (it has no path.yaml)")
    fingerprint = _fingerprint(root)
    if cache_dir is not None:
        cache_file: Path | None = cache_dir / "curriculum.json"
    else:  # outside a workspace: one file per curriculum folder in the user's cache
        from pmpath.cache import user_cache_dir

        shared = user_cache_dir()
        cache_file = shared / f"curriculum-{_root_key(root)}.json" if shared else None
    if cache_file is not None and cache_file.is_file():
        try:
            cached = json.loads(cache_file.read_text(encoding="utf-8"))
            if (cached.get("format") == CACHE_FORMAT and cached.get("root") == str(root)
                    and cached.get("fingerprint") == fingerprint
                    and cached.get("pmpath") == __version__):
                return _build(root, cached["data"])
        except (OSError, ValueError, KeyError, TypeError):
            pass  # a damaged cache is only a cache: validate again below
    from pmpath.core.curriculum_models import validate_curriculum

    data, problems = validate_curriculum(root)
    if problems:
        raise CurriculumError(
            f"the curriculum in {root} has {len(problems)} problem(s); first: {problems[0]} "
            f"(run `pmpath curriculum validate {root}` for all)", problems)
    if cache_file is not None:
        from pmpath.core.fileio import write_atomic

        payload = {"format": CACHE_FORMAT, "root": str(root), "fingerprint": fingerprint,
                   "pmpath": __version__, "data": data}
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(cache_file, json.dumps(payload, ensure_ascii=False))
        except OSError:
            pass  # the cache only saves time
    return _build(root, data)


def _exercise(raw: dict[str, Any], skill_id: str | None, folder: str) -> Exercise:
    return Exercise(id=raw["id"], title=raw["title"], artifact=raw["artifact"],
                    params=dict(raw.get("params") or {}), hints=tuple(raw.get("hints") or ()),
                    skill_id=skill_id, folder=folder,
                    companions=tuple(raw.get("companions") or ()))


def _questions(raw: Any) -> tuple[Question, ...]:
    return tuple(Question(q["prompt"], tuple(Choice(c["text"], bool(c.get("correct")), c["why"])
                                             for c in q["choices"]))
                 for q in raw)


def _build(root: Path, data: dict[str, Any]) -> Curriculum:
    """Plain records from already-validated data (no pydantic needed)."""
    path = data["path"]
    skills = []
    for number, raw in enumerate(data["skills"], start=1):
        folder = f"{number:02d}-{raw['id']}"
        skills.append(Skill(
            id=raw["id"], number=number, title=raw["title"], summary=raw["summary"],
            weeks=raw["weeks"],
            concepts=tuple(Concept(c["id"], c["title"], c["explanation"], c["practice"],
                                   _questions(c.get("questions") or ()))
                           for c in raw["concepts"]),
            exercises=tuple(_exercise(e, raw["id"], folder) for e in raw.get("exercises", [])),
        ))
    career = tuple(_exercise(e, None, CAREER_FOLDER)
                   for e in (data.get("career") or {}).get("exercises", []))
    return Curriculum(
        root=root, title=path["title"], tagline=path["tagline"],
        description=path["description"], min_months=path["duration"]["min_months"],
        max_months=path["duration"]["max_months"], welcome=path["welcome"],
        final=path["final"], skills=tuple(skills), career_exercises=career,
        rule_weights=dict((data.get("rubric") or {}).get("weights") or {}),
        thresholds=dict((data.get("rubric") or {}).get("thresholds") or {}),
        hours_per_week=float(path.get("hours_per_week") or 8.0),
    )


def read_content(root: Path, name: str) -> dict[str, Any]:
    """Load one of the content files (principles, certifications, career), validated."""
    from pmpath.core.curriculum_models import load_content_file

    return load_content_file(root, name)


def default_curriculum_root() -> Path:
    from pmpath.core.resources import bundled_curriculum

    override = os.environ.get("PMPATH_CURRICULUM")
    return Path(override) if override else bundled_curriculum()
