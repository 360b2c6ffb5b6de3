"""Where the learner is on the path, and the single next thing to do.

Pure functions over the curriculum, the state and the files in the workspace.
"""


from datetime import date
from pathlib import Path
from typing import Literal, NamedTuple

from pmpath.core.curriculum import Curriculum, Exercise, Skill
from pmpath.core.state import CheckRecord, State
from pmpath.kinds import KINDS

SkillStatus = Literal["not started", "in progress", "passed", "skipped"]
ExerciseStatus = Literal["not started", "written", "changed", "failing", "passed"]


def file_sha256(path: Path) -> str | None:
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def unchanged_since(path: Path, record: CheckRecord) -> bool | None:
    """Whether the file still has the content that was checked; None if it is gone.

    Size and modification time decide when they match the record; otherwise
    the content hash does (an editor may touch a file without changing it).
    """
    try:
        stat = path.stat()
    except OSError:
        return None
    if stat.st_size == record.size and stat.st_mtime_ns == record.mtime_ns:
        return True
    digest = file_sha256(path)
    return None if digest is None else digest == record.sha256


class ExerciseProgress(NamedTuple):
    exercise: Exercise
    path: str
    """Workspace-relative path of the artifact (the default one until it is checked)."""
    status: ExerciseStatus
    record: CheckRecord | None

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.exercise.id, "title": self.exercise.title,
            "artifact": self.exercise.artifact, "params": self.exercise.params,
            "status": self.status, "path": self.path,
            "score": self.record.score if self.record and self.status != "changed" else None,
            "errors": self.record.errors if self.record and self.status != "changed" else None,
        }


class SkillProgress(NamedTuple):
    skill: Skill
    status: SkillStatus
    ticked: list[str]
    exercises: list[ExerciseProgress]
    skip_reason: str | None

    @property
    def done_steps(self) -> int:
        return len(self.ticked) + sum(1 for e in self.exercises if e.status == "passed")

    @property
    def total_steps(self) -> int:
        return len(self.skill.concepts) + len(self.exercises)

    @property
    def fraction(self) -> float:
        return self.done_steps / self.total_steps if self.total_steps else 1.0


def exercise_progress(root: Path, exercise: Exercise, state: State) -> ExerciseProgress:
    """The artifact of an exercise and how far it is.

    A pass counts only while the file still has the content that passed: edit
    it afterwards and it needs a new ``pmpath check``.
    """
    info = KINDS.get(exercise.artifact)
    default_path = f"{exercise.folder}/{info.filename if info else exercise.artifact}"
    records = [(path, record) for path, record in state.checks.items()
               if record.exercise == exercise.id]
    # A passed record first, then the most recent one.
    records.sort(key=lambda item: (not item[1].passed, -item[1].checked_at.timestamp()))
    for path, record in records:
        unchanged = unchanged_since(root / path, record)
        if unchanged is None:
            continue
        status: ExerciseStatus
        if not unchanged:
            status = "changed"
        else:
            status = "passed" if record.passed else "failing"
        return ExerciseProgress(exercise, path, status, record)
    status = "written" if (root / default_path).is_file() else "not started"
    return ExerciseProgress(exercise, default_path, status, None)


def path_progress(root: Path, curriculum: Curriculum, state: State) -> list[SkillProgress]:
    progress = []
    for skill in curriculum.skills:
        ticked = [c.id for c in skill.concepts if c.id in state.ticked]
        exercises = [exercise_progress(root, ex, state) for ex in skill.exercises]
        skip = state.skipped.get(skill.id)
        status: SkillStatus
        if (len(ticked) == len(skill.concepts)
                and all(e.status == "passed" for e in exercises)):
            status = "passed"
        elif skip is not None:
            status = "skipped"
        elif ticked or any(e.status != "not started" for e in exercises):
            status = "in progress"
        else:
            status = "not started"
        progress.append(SkillProgress(skill, status, ticked, exercises,
                                      skip.reason if skip else None))
    return progress


def current_skill(progress: list[SkillProgress]) -> SkillProgress | None:
    """The first skill that is neither passed nor skipped."""
    for item in progress:
        if item.status not in ("passed", "skipped"):
            return item
    return None


class NextAction(NamedTuple):
    command: str | None
    """What to type, when there is a command for it."""
    text: str
    why: str


def next_action(item: SkillProgress) -> NextAction:
    """The single most useful step in the current skill.

    Work already started comes first (a file that fails or waits for a check),
    then the concepts in order, then the next exercise to start.
    """
    skill = item.skill
    for exercise in item.exercises:
        if exercise.status == "failing" and exercise.record is not None:
            errors = exercise.record.errors
            return NextAction(
                command="pmpath check",
                text=f"fix {errors} error{'s' if errors != 1 else ''} in {exercise.path}, "
                     "then run `pmpath check`",
                why=f"'{exercise.exercise.title}' scored {exercise.record.score}/100 on its last "
                    "check; `pmpath hint` helps if you are stuck")
        if exercise.status in ("written", "changed"):
            what = "has changed since its last check" if exercise.status == "changed" else \
                "has not been checked yet"
            return NextAction(command=f"pmpath check {exercise.path}",
                              text=f"grade {exercise.path} with `pmpath check {exercise.path}`",
                              why=f"your {KINDS[exercise.exercise.artifact].label} {what}")
    for concept in skill.concepts:
        if concept.id not in item.ticked:
            return NextAction(
                command=f"pmpath tick {concept.id}",
                text=f"learn '{concept.title}' — read it with `pmpath skill {skill.number}`, "
                     f"try the practice task, then `pmpath tick {concept.id}`",
                why=f"{len(item.ticked)} of {len(skill.concepts)} concepts of this skill are "
                    "ticked; the exercises build on them")
    for exercise in item.exercises:
        if exercise.status == "passed":
            continue
        label = KINDS[exercise.exercise.artifact].label
        if exercise.status == "not started":
            return NextAction(
                command=f"pmpath new {exercise.exercise.artifact}",
                text=f"start the exercise '{exercise.exercise.title}' with "
                     f"`pmpath new {exercise.exercise.artifact}`",
                why=f"it writes {exercise.path}, a {label} template that explains every field")
    return NextAction(command="pmpath path", text="look at the whole path with `pmpath path`",
                      why="this skill is complete")


class TimePlan(NamedTuple):
    weeks_elapsed: float
    """Weeks since the start date (negative while the start is ahead)."""
    planned_weeks_by_now: float
    """Planned weeks up to the end of the current skill, at the learner's hours."""
    planned_weeks_before: float
    """Planned weeks of the skills before the current one, at the learner's hours."""
    total_weeks: float
    verdict: str
    pace: float = 1.0
    """How much longer than the curriculum's plan each week of it takes at these hours."""


def pace(curriculum_hours: float, learner_hours: float) -> float:
    """The curriculum's weeks assume ``curriculum_hours`` a week; at ``learner_hours`` each
    planned week stretches (fewer hours) or shrinks (more hours) in proportion."""
    if learner_hours <= 0:
        return 1.0
    return curriculum_hours / learner_hours


def time_plan(start: date, today: date, curriculum: Curriculum,
              progress: list[SkillProgress], hours_per_week: float | None = None) -> TimePlan:
    stretch = pace(curriculum.hours_per_week, hours_per_week or curriculum.hours_per_week)
    weeks_elapsed = (today - start).days / 7
    before = 0.0
    through = 0.0
    current = current_skill(progress)
    for item in progress:
        through += item.skill.weeks * stretch
        if item is current:
            break
        before += item.skill.weeks * stretch
    if weeks_elapsed < 0:
        weeks = -weeks_elapsed
        verdict = (f"your path starts in {weeks:.0f} week{'s' if round(weeks) != 1 else ''}"
                   if weeks >= 1 else f"your path starts on {start.isoformat()}")
    elif current is None:
        verdict = "path complete"
    elif weeks_elapsed > through + 0.5:
        verdict = f"{weeks_elapsed - through:.0f} week(s) behind plan"
    elif weeks_elapsed < before - 0.5:
        verdict = f"{before - weeks_elapsed:.0f} week(s) ahead of plan"
    else:
        verdict = "on plan"
    return TimePlan(weeks_elapsed=max(0.0, weeks_elapsed),
                    planned_weeks_by_now=round(through, 1),
                    planned_weeks_before=round(before, 1),
                    total_weeks=round(curriculum.total_weeks * stretch, 1), verdict=verdict,
                    pace=stretch)
