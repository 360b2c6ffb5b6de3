"""The documented Python API that every ``pmpath`` command is a thin shell over.

Each function takes plain values (paths, dates, ids), does one job and returns
a typed result; it never prints. The command line parses arguments, makes one
call here and renders what comes back, so the same call works from a script,
from a notebook and from the tests::

    from pmpath import api

    report = api.check(["08-risk-management/risk-register.yaml"])
    print(report.passed, report.artifacts[0].score)

Heavy modules (yaml, rich, the kinds) are imported inside the functions
that need them, so importing this module stays cheap.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pmpath.core.curriculum import Curriculum
    from pmpath.core.grading import ArtifactResult
    from pmpath.core.workspace import Workspace
    from pmpath.kinds.base import Finding, KindSpec
    from pmpath.results import (
        Cohort,
        Dashboard,
        Example,
        Exported,
        ForecastReport,
        LearnerRow,
        Loaded,
        Portfolio,
        PortfolioProject,
        RuleInfo,
        Scheduled,
    )


# -- workspace ---------------------------------------------------------------------------


def open_workspace(workspace: Any = None) -> Workspace | None:
    """The workspace at ``workspace`` (a folder or a Workspace), else around the current
    folder (or ``PMPATH_WORKSPACE``); None when there is none."""
    from pmpath.core.workspace import Workspace
    from pmpath.core.workspace import open_workspace as find

    if isinstance(workspace, Workspace):
        return workspace
    return find(workspace)


def curriculum_of(ws: Workspace | None) -> Curriculum:
    """The workspace's curriculum, or the bundled one outside a workspace."""
    if ws is not None:
        return ws.curriculum()
    from pmpath.core.curriculum import default_curriculum_root, load_curriculum

    return load_curriculum(default_curriculum_root())


# -- kinds -------------------------------------------------------------------------------


def kinds() -> dict[str, str]:
    """Every artifact kind pmpath grades, with what a learner calls it (no heavy imports)."""
    from pmpath.kinds import KINDS

    return {kind: info.label for kind, info in KINDS.items()}


def kind_spec(kind: str) -> KindSpec:
    """The declaration of ``kind``; a UsageError (with "did you mean") for an unknown one."""
    from pmpath.core.errors import UsageError
    from pmpath.core.suggest import did_you_mean
    from pmpath.kinds import spec_of

    known = kinds()
    if kind not in known:
        raise UsageError(f"no artifact kind '{kind}'{did_you_mean(kind, known)}; kinds: "
                         + ", ".join(known))
    return spec_of(kind)


# -- check -------------------------------------------------------------------------------


@dataclass
class PathError:
    """A path given to ``check`` that cannot be opened (a usage error, exit 2)."""

    path: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"path": self.path, "message": self.message}


@dataclass
class CheckReport:
    """What ``check`` found: one result per artifact, and the paths it could not open."""

    as_of: date
    artifacts: list[ArtifactResult]
    errors: list[PathError] = field(default_factory=list)
    skills_passed: list[Any] = field(default_factory=list)
    """Skills this check completed (each a Skill), for a word of congratulation."""
    next_step: Any = None
    """The learner's next action once a skill passed (a NextAction), if any."""

    @property
    def passed(self) -> bool:
        return not self.errors and all(result.passed for result in self.artifacts)

    @property
    def internal_errors(self) -> bool:
        return any(result.internal_errors for result in self.artifacts)

    def to_json(self) -> dict[str, Any]:
        """The ``pmpath check --json`` document (DESIGN.md, "The check contract")."""
        document: dict[str, Any] = {
            "version": 1, "as_of": self.as_of.isoformat(), "passed": self.passed,
            "artifacts": [result.as_json() for result in self.artifacts]}
        if self.errors:
            document["errors"] = [error.as_dict() for error in self.errors]
        return document


def check(paths: Iterable[str | os.PathLike[str]] = (), as_of: date | None = None,
          workspace: Any = None, *, record: bool = True) -> CheckReport:
    """Grade artifacts rule by rule.

    ``paths`` are files or folders (folders are searched for files with a ``kind:``);
    with none, the whole workspace is graded. ``as_of`` is the date rules that depend
    on today use (default: today). ``workspace`` is a folder or a Workspace (default:
    the one around the current folder, if any). Inside a workspace each result is
    recorded in its progress unless ``record`` is False.

    A file that cannot be parsed is a ``common.unreadable`` finding; a path that does
    not exist or cannot be opened goes to ``report.errors`` and the rest are graded.
    """
    from pmpath.core.errors import UsageError
    from pmpath.core.grading import find_artifacts, grade_file

    ws = open_workspace(workspace)
    day = as_of or today()
    given = [Path(path) for path in paths]
    errors: list[PathError] = []
    targets: list[Path] = []
    if not given:
        if ws is None:
            raise UsageError("give the files to check, or run inside a workspace "
                             "(`pmpath init my-pm-path`) to check all your artifacts")
        targets = find_artifacts(ws.root)
    for path in given:
        problem = _unopenable(path)
        if problem is not None:
            errors.append(PathError(str(path), problem))
        elif path.is_dir():
            targets.extend(find_artifacts(path))
        else:
            targets.append(path)
    curriculum = curriculum_of(ws)
    ignore = ws.ignored_rules if ws else []
    results = []
    for path in targets:
        inside = ws is not None and ws.contains(path)
        shown = ws.relative(path) if inside else str(path)  # type: ignore[union-attr]
        folder = shown.split("/", 1)[0] if inside and "/" in shown else None
        results.append(grade_file(path, as_of=day, curriculum=curriculum, display_path=shown,
                                  folder=folder, ignore=ignore))
    report = CheckReport(as_of=day, artifacts=results, errors=errors)
    # A skill can only become passed by a passing artifact (ticks happen elsewhere), so
    # the progress is compared before and after recording only then.
    if record and ws is not None:
        before = _passed_skills(ws) if any(result.passed for result in results) else None
        _record(ws, results)
        if before is not None:
            report.skills_passed = [skill for skill_id, skill in _passed_skills(ws).items()
                                    if skill_id not in before]
            if report.skills_passed:
                report.next_step = next_step(ws)
    return report


def _passed_skills(ws: Workspace) -> dict[str, Any]:
    from pmpath.core.progress import path_progress
    from pmpath.core.state import read_state

    progress = path_progress(ws.root, ws.curriculum(), read_state(ws.state_path))
    return {item.skill.id: item.skill for item in progress if item.status == "passed"}


def next_step(workspace: Any = None) -> Any:
    """The single next action on the learner's path (a NextAction: command, text, why), or
    None when the path is complete."""
    from pmpath.core.progress import current_skill, next_action, path_progress
    from pmpath.core.state import read_state
    from pmpath.core.workspace import require_workspace

    ws = open_workspace(workspace) or require_workspace(None)
    current = current_skill(path_progress(ws.root, ws.curriculum(), read_state(ws.state_path)))
    return next_action(current) if current is not None else None


def _unopenable(path: Path) -> str | None:
    """Why ``path`` cannot be opened for checking, or None."""
    try:
        if path.is_dir():
            os.listdir(path)
            return None
        with path.open("rb"):
            return None
    except FileNotFoundError:
        return "no such file or folder"
    except PermissionError:
        return "permission denied"
    except OSError as error:
        return error.strerror or str(error)


def _record(ws: Workspace, results: list[ArtifactResult]) -> None:
    """Remember each graded artifact in the workspace so `next` and `path` move on."""
    from datetime import datetime

    from pmpath.core.state import CheckRecord, update_state

    recordable = [r for r in results if r.sha256 and r.file is not None
                  and ws.contains(r.file) and r.file.exists()]
    if not recordable:
        return
    now = datetime.now().replace(microsecond=0)
    with update_state(ws.state_path, ws.lock_path) as state:
        for result in recordable:
            stat = result.file.stat()  # type: ignore[union-attr] - filtered above
            state.checks[result.path] = CheckRecord(
                kind=result.kind, exercise=result.exercise, passed=result.passed,
                score=result.score, errors=result.errors, warnings=result.warnings,
                sha256=result.sha256 or "", checked_at=now, size=stat.st_size,
                mtime_ns=stat.st_mtime_ns)


def today() -> date:
    """Today's date; ``PMPATH_TODAY`` pins it for demos and tests."""
    from pmpath.core.clock import today as clock_today

    return clock_today()


# -- load --------------------------------------------------------------------------------

def load(path: str | os.PathLike[str]) -> Loaded:
    """Read an artifact file and validate it against its kind's model.

    Never raises for a bad file: ``problems`` holds the ``common.unreadable`` or
    ``common.schema`` findings and ``artifact`` is None. A path that cannot be opened
    is a UsageError.
    """
    from pmpath.core.documents import DocumentProblem, load_document
    from pmpath.core.errors import UsageError
    from pmpath.kinds import KINDS, spec_of
    from pmpath.kinds.base import Context, Found
    from pmpath.kinds.common import COMMON
    from pmpath.kinds.fields import ValidationError
    from pmpath.results import Loaded

    file = Path(path)
    problem = _unopenable(file)
    if problem is not None or file.is_dir():
        raise UsageError(f"{file}: {problem or 'is a folder, not a file'}")
    problems: list[Finding] = []
    context = Context(as_of=today(), params={})

    def common(rule_id: str, subject: Any) -> None:
        COMMON.checks[rule_id](subject, context, Found(COMMON.by_id[rule_id], problems))

    try:
        document = load_document(file)
    except DocumentProblem as error:
        common("common.unreadable", error)
        return Loaded(file, None, None, problems)
    kind = document.data.get("kind")
    if kind not in KINDS:
        raise UsageError(f"{file} has no 'kind:' pmpath knows (kinds: {', '.join(KINDS)})")
    try:
        return Loaded(file, kind, spec_of(kind).model.model_validate(document.data), [])
    except ValidationError as error:
        context = Context(as_of=today(), params={}, data=document.data)
        common("common.schema", error)
        for found in problems:
            found.line = document.line_of(found.where)
        return Loaded(file, kind, None, problems)


# -- schedule ----------------------------------------------------------------------------

def schedule(path: str | os.PathLike[str]) -> Scheduled:
    """The critical-path schedule of a plan whose kind declares a scheduler.

    Raises UnreadableInputError for a file that cannot be read or validated, and
    UsageError for a kind without a scheduler or a plan that cannot be scheduled
    (a dependency cycle, an unknown dependency).
    """
    from pmpath.core.errors import UnreadableInputError, UsageError
    from pmpath.kinds import KINDS, spec_of
    from pmpath.kinds.base import Blocked, lazy
    from pmpath.results import Scheduled

    loaded = load(path)
    file = Path(path)
    if loaded.kind is None:
        first = loaded.problems[0]
        place = f"{file}: " if first.where == "file" else f"{file} {first.place}: "
        raise UnreadableInputError(place + first.message)
    spec = spec_of(loaded.kind)
    if spec.scheduler is None:
        # Only now load the other kinds, to name the ones that can be scheduled.
        schedulable = [kind for kind in KINDS if _has_scheduler(kind)]
        raise UsageError(f"{file} is a '{loaded.kind}' file; `pmpath schedule` schedules "
                         + " and ".join(schedulable) + " files")
    if not loaded.ok:
        first = loaded.problems[0]
        more = len(loaded.problems) - 1
        raise UnreadableInputError(
            f"{file}: {first.place}: {first.message}"
            + (f" (and {more} more problem{'s' if more != 1 else ''})" if more else ""),
            hint=f"`pmpath check {file}` lists every problem with how to fix it.")
    try:
        figures = lazy(spec.scheduler)(loaded.artifact)
    except Blocked as blocked:
        raise UsageError(f"{file}: cannot schedule: {blocked.because}",
                         hint=f"`pmpath check {file}` shows every problem with how to fix "
                              "it.") from None
    return Scheduled(file, loaded.kind, loaded.artifact, figures)


def _has_scheduler(kind: str) -> bool:
    from pmpath.kinds import spec_of

    return spec_of(kind).scheduler is not None


# -- drawing -----------------------------------------------------------------------------


def draw(result: ArtifactResult, console: Any) -> bool:
    """Draw an artifact's figures with its kind's terminal renderer; False if it has none."""
    from pmpath.kinds import KINDS, spec_of
    from pmpath.kinds.base import lazy

    if result.kind not in KINDS or not result.metrics:
        return False
    spec = spec_of(result.kind)
    if spec.renderer is None:
        return False
    lazy(spec.renderer)(result, console)
    return True


def draw_schedule(scheduled: Scheduled, console: Any) -> None:
    """Draw ``pmpath schedule``'s screen with the plan kind's schedule renderer."""
    from pmpath.kinds import spec_of
    from pmpath.kinds.base import lazy

    reference = spec_of(scheduled.kind).schedule_renderer
    if reference is not None:
        lazy(reference)(scheduled.plan, scheduled.figures, console)


# -- rules -------------------------------------------------------------------------------

def rules(kind: str | None = None, workspace: Any = None) -> list[RuleInfo]:
    """The rule catalogue (common rules first), with the curriculum's weights."""
    from pmpath.kinds import all_specs
    from pmpath.kinds.common import COMMON_RULES
    from pmpath.results import RuleInfo

    if kind is not None:
        kind_spec(kind)
    weights = curriculum_of(open_workspace(workspace)).rule_weights
    catalogue = [RuleInfo(rule, None, weights.get(rule.id, rule.weight))
                 for rule in COMMON_RULES]
    for spec in all_specs():
        if kind is None or spec.kind == kind:
            catalogue.extend(RuleInfo(rule, spec.kind, weights.get(rule.id, rule.weight))
                             for rule in spec.rules)
    return catalogue


def explain(rule_id: str, workspace: Any = None) -> RuleInfo:
    """One rule with its kind and weight; UsageError (with "did you mean") if unknown."""
    from pmpath.core.grading import find_rule
    from pmpath.results import RuleInfo

    rule, kind = find_rule(rule_id)
    curriculum = curriculum_of(open_workspace(workspace))
    return RuleInfo(rule, kind, curriculum.rule_weights.get(rule.id, rule.weight),
                    dict(curriculum.thresholds.get(rule.id) or {}))


def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of an artifact kind (of its front matter, for Markdown kinds)."""
    from pmpath.core.scaffold import json_schema

    return json_schema(kind_spec(kind).model, kind)


# -- forecast ----------------------------------------------------------------------------

MAX_TRIALS = 1_000_000
PERCENTILES = (("p50", 50), ("p85", 85), ("p95", 95))

def forecast(throughput: Sequence[Any] | str | None = None, items: int | None = None, *,
             sprint_file: str | os.PathLike[str] | None = None, trials: int = 10_000,
             seed: int | None = None, start: date | None = None,
             period_days: int | None = None) -> ForecastReport:
    """When will it be done? Replays past throughput at random until the items are done.

    ``throughput`` is the items finished in each past period (a list, or text such as
    "5,3,8"); ``items`` the items left. A sprint file gives both (its velocity history
    and the points not done) and dates that start the day after the sprint. With a
    ``start``, period k ends on the last working day of the k-th block of
    ``period_days`` working days.
    """
    from pmpath.analysis.calendar import WorkCalendar
    from pmpath.analysis.forecast import monte_carlo_periods
    from pmpath.analysis.periods import period_end
    from pmpath.core.errors import UsageError
    from pmpath.results import ForecastReport

    inputs: dict[str, Any] = _sprint_inputs(Path(sprint_file)) if sprint_file is not None \
        else {}
    if isinstance(throughput, str):
        inputs["throughput"] = _parse_throughput(throughput)
    elif throughput is not None:
        inputs["throughput"] = _whole_numbers(list(throughput), "--throughput")
    if items is not None:
        if items < 0:
            raise UsageError(f"--items is {items}; give the number of items left, 0 or more")
        inputs["items"] = items
    if "throughput" not in inputs or "items" not in inputs:
        raise UsageError("give --throughput and --items (e.g. --throughput 5,3,8 --items 40), "
                         "or a sprint file")
    if not 1 <= trials <= MAX_TRIALS:
        raise UsageError(f"--trials must be between 1 and {MAX_TRIALS:,}, not {trials}")
    if start is not None:
        inputs["start"] = start
    if period_days is not None:
        if period_days < 1:
            raise UsageError(f"--period-days must be 1 or more working days, not {period_days}")
        inputs["period_days"] = period_days
    days = inputs.get("period_days", 10)
    try:
        result = monte_carlo_periods(inputs["throughput"], inputs["items"], trials, seed)
    except ValueError as error:
        raise UsageError(f"cannot forecast: {error}") from None
    periods = {name: getattr(result, name) for name, _ in PERCENTILES}
    dates: dict[str, date] = {}
    if "start" in inputs:
        calendar = WorkCalendar(inputs.get("holidays", ()))
        dates = {name: period_end(calendar, inputs["start"], value, days)
                 for name, value in periods.items()}
    return ForecastReport(throughput=inputs["throughput"], items=inputs["items"],
                          trials=result.trials, seed=seed, periods=periods,
                          histogram=dict(result.histogram), period_days=days,
                          start=inputs.get("start"), dates=dates)


def histogram_rows(histogram: dict[int, int]) -> list[tuple[int, int, int]]:
    """(first periods, last periods, trials) per bar of a forecast's histogram."""
    from pmpath.analysis.histogram import histogram_rows as rows

    return rows(histogram)


def _whole_numbers(values: list[Any], what: str) -> list[int]:
    from pmpath.analysis.forecast import whole_numbers
    from pmpath.core.errors import UsageError

    try:
        return whole_numbers(values, what)
    except ValueError as error:
        raise UsageError(str(error)) from None


def _parse_throughput(text: str) -> list[int]:
    from pmpath.core.errors import UsageError

    parts = [part for part in text.replace(";", ",").replace(" ", ",").split(",") if part]
    if not parts:
        raise UsageError("--throughput is empty: give the items finished in each past period, "
                         "e.g. --throughput 5,3,8,6")
    return _whole_numbers(parts, "--throughput")


def _sprint_inputs(path: Path) -> dict[str, Any]:
    """Throughput, items left and next-sprint dates from a sprint file (read raw)."""
    from pmpath.core.documents import DocumentProblem, load_document
    from pmpath.core.errors import UnreadableInputError, UsageError
    from pmpath.kinds import spec_of

    try:
        data = load_document(path).data
    except DocumentProblem as problem:
        place = f"{path}: " if problem.where == "file" else f"{path} {problem.where}: "
        raise UnreadableInputError(place + problem.message) from None
    kind = data.get("kind")
    reader = None
    if isinstance(kind, str):
        from pmpath.kinds import KINDS

        if kind in KINDS:
            reader = spec_of(kind).forecast_inputs
    if reader is None:
        raise UsageError(f"{path} is not a sprint file (kind: sprint); `pmpath forecast` reads "
                         "velocity_history and the backlog from one")
    from pmpath.kinds.base import lazy

    try:
        return lazy(reader)(data)
    except ValueError as error:
        raise UsageError(f"{path}: {error}") from None


# -- new ---------------------------------------------------------------------------------


def new(kind: str, name: str | None = None, *, force: bool = False,
        workspace: Any = None) -> Any:
    """Write ``kind``'s template into the workspace (its exercise's skill folder).

    Never overwrites a file unless ``force``; with ``force`` the old file is backed up
    under ``.pmpath/backups/`` first. Returns a Scaffold (path, exercise, created,
    backup, companions); ``created`` is False when the file existed and was left untouched.
    ``companions`` lists the exercise's material written beside the file (the sample
    backlog a sprint is planned from), each only where no file of that name exists.
    """
    from pmpath.core.scaffold import scaffold
    from pmpath.core.workspace import require_workspace

    kind_spec(kind)
    ws = open_workspace(workspace) if workspace is not None else None
    ws = ws or require_workspace(None if workspace is None else workspace)
    return scaffold(ws, ws.curriculum(), kind, name, force, today=today())


# -- exercises ---------------------------------------------------------------------------


def exercises(workspace: Any = None) -> list[Any]:
    """Every exercise of the path, in order, with its status and its file (ExerciseProgress:
    exercise, path, status 'not started' / 'written' / 'failing' / 'changed' / 'passed',
    the last check's record)."""
    from pmpath.core.progress import exercise_progress
    from pmpath.core.state import read_state
    from pmpath.core.workspace import require_workspace

    ws = open_workspace(workspace) or require_workspace(None)
    state = read_state(ws.state_path)
    return [exercise_progress(ws.root, exercise, state)
            for exercise in ws.curriculum().exercises]


def current_exercise(workspace: Any = None) -> Any:
    """The exercise to work on now: the first one of the path that has not passed, in a
    skill that is neither passed nor skipped (None when every exercise is done)."""
    from pmpath.core.progress import path_progress
    from pmpath.core.state import read_state
    from pmpath.core.workspace import require_workspace

    ws = open_workspace(workspace) or require_workspace(None)
    state = read_state(ws.state_path)
    progress = path_progress(ws.root, ws.curriculum(), state)
    for item in progress:
        if item.status in ("passed", "skipped"):
            continue
        for exercise in item.exercises:
            if exercise.status != "passed":
                return exercise
    remaining = [exercise for exercise in exercises(ws) if exercise.status != "passed"]
    return remaining[0] if remaining else None


def find_exercise(name: str, workspace: Any = None) -> Any:
    """An exercise's progress by exercise id or artifact kind (with "did you mean")."""
    from pmpath.core.workspace import require_workspace

    ws = open_workspace(workspace) or require_workspace(None)
    wanted = ws.curriculum().exercise(name)
    return next(item for item in exercises(ws) if item.exercise.id == wanted.id)


# -- model answers -----------------------------------------------------------------------

def example(kind: str, workspace: Any = None) -> Example:
    """The model answer of ``kind`` from the curriculum (the workspace's own, if it has
    one), as listed in ``examples/index.yaml``."""
    from pmpath.core.documents import parse_yaml, read_text
    from pmpath.core.errors import UsageError
    from pmpath.results import Example

    kind_spec(kind)
    root = _curriculum_root(open_workspace(workspace))
    index = parse_yaml(read_text(root / "examples" / "index.yaml")) or {}
    entry = (index.get("examples") or {}).get(kind)
    if not isinstance(entry, dict) or "file" not in entry:
        raise UsageError(f"this curriculum has no model answer for a {kinds()[kind]}")
    path = root / "examples" / str(entry["file"])
    as_of = entry.get("as_of")
    return Example(kind, path, read_text(path),
                   as_of if isinstance(as_of, date) else today())


def example_diff(kind: str, file: str | os.PathLike[str], workspace: Any = None) -> list[str]:
    """Unified-diff lines from the model answer of ``kind`` to the learner's ``file``."""
    import difflib

    from pmpath.core.documents import read_text
    from pmpath.core.errors import UsageError

    answer = example(kind, workspace)
    mine = Path(file)
    problem = _unopenable(mine)
    if problem is not None or mine.is_dir():
        raise UsageError(f"{mine}: {problem or 'is a folder, not a file'}")
    theirs = read_text(mine).splitlines()
    ours = [line for line in answer.text.splitlines()]
    return list(difflib.unified_diff(ours, theirs, fromfile=f"model answer ({answer.path.name})",
                                     tofile=str(mine), lineterm=""))


def _curriculum_root(ws: Workspace | None) -> Path:
    if ws is not None:
        return ws.curriculum_root
    from pmpath.core.curriculum import default_curriculum_root

    return default_curriculum_root()

# -- knowledge checks --------------------------------------------------------------------
#
# A quiz is two calls: ``quiz_questions`` picks the questions (a skill's, or one
# concept's); once the learner has answered, ``record_quiz`` grades the chosen numbers
# and keeps the result of each concept in ``.pmpath/state.toml``. In between,
# ``grade_answer`` gives the verdict on one answer, with the explanations::
#
#     quiz = api.quiz_questions(skill=2)
#     concept = quiz.concepts[0]
#     verdict = api.grade_answer(concept.questions[0], 3)
#     print(verdict.correct, verdict.chosen_choice.why, verdict.right_choice.why)
#     summary = api.record_quiz({concept.id: [3, 1]}, skill=2)
#     print(f"{summary.right}/{summary.answered} right")

if TYPE_CHECKING:
    from collections.abc import Mapping

    from pmpath.core.curriculum import Question, Skill
    from pmpath.core.quiz import GradedAnswer, Quiz, QuizSummary
    from pmpath.core.state import State


def quiz_questions(skill: str | int | None = None, concept: str | None = None,
                   workspace: Any = None) -> Quiz:
    """The knowledge-check questions of a skill, or of one of its concepts.

    ``skill`` is a number, id or folder name (``2``, ``"agile-scrum"``); without
    it, the skill of ``concept``, else the learner's current skill (the one
    ``pmpath next`` names), which needs a workspace. ``workspace`` is a folder or
    a Workspace; by default ``PMPATH_WORKSPACE`` or the folder around the current
    one. Outside a workspace the bundled curriculum is used and nothing can be
    recorded. The result lists the concepts in curriculum order, each with its
    ``questions`` (a concept without questions has none; ``Quiz.questions == 0``
    means the skill has no knowledge checks), and the learner's last results;
    ``Quiz.to_json()`` leaves the answers out. Raises ``UsageError`` for an
    unknown skill or concept, or a concept that is not part of the skill named.
    """
    from pmpath.core.errors import UsageError
    from pmpath.core.quiz import Quiz
    from pmpath.core.state import State, read_state
    from pmpath.core.workspace import require_workspace

    ws = open_workspace(workspace)
    if ws is None and skill is None and concept is None:
        ws = require_workspace(workspace)  # says how to make one
    curriculum = curriculum_of(ws)
    state = read_state(ws.state_path) if ws else State()
    chosen_concept = None
    if concept is not None:
        concept_skill, chosen_concept = curriculum.concept(concept)
    if skill is not None:
        chosen_skill = curriculum.skill(skill)
        if chosen_concept is not None and chosen_concept not in chosen_skill.concepts:
            raise UsageError(
                f"'{chosen_concept.id}' is a concept of skill {concept_skill.number} · "
                f"{concept_skill.title}, not of skill {chosen_skill.number}",
                hint=f"run `pmpath quiz --concept {chosen_concept.id}`")
    elif chosen_concept is not None:
        chosen_skill = concept_skill
    else:
        chosen_skill = _current_skill(ws, curriculum, state)
    concepts = (chosen_concept,) if chosen_concept else chosen_skill.concepts
    return Quiz(skill=chosen_skill, concepts=concepts,
                results={c.id: state.quizzes[c.id] for c in concepts if c.id in state.quizzes},
                workspace=ws.root if ws else None, ticked=frozenset(state.ticked))


def grade_answer(question: Question, chosen: int) -> GradedAnswer:
    """Grade choice number ``chosen`` (counted from 1, as the choices are shown).

    The result says whether it is ``correct`` and carries the ``chosen_choice``
    and the ``right_choice`` (with ``right_number``), each with its ``why``.
    Raises ValueError for a number outside the choices.
    """
    from pmpath.core.quiz import grade_answer as grade

    return grade(question, chosen)


def record_quiz(answers: Mapping[str, Sequence[int]], skill: str | int | None = None,
                workspace: Any = None, on: date | None = None) -> QuizSummary:
    """Grade a quiz's answers and record the result of each concept in the workspace.

    ``answers`` maps a concept id to the numbers chosen (from 1) for its
    questions, in order; fewer numbers than questions records a partial result
    (an interrupted quiz) and a concept without numbers keeps its last result.
    The concepts belong to ``skill`` (by default the skill of the first
    concept). Each concept's result replaces its last one, under the state
    file's lock, dated ``on`` (default: :func:`today`). Returns the summary:
    right, answered and questions per concept and overall. Raises
    ``UsageError`` for an unknown concept, too many answers or a choice that
    does not exist, and ``NotAWorkspaceError`` outside a workspace.
    """
    from pmpath.core.errors import UsageError
    from pmpath.core.quiz import QuizSummary, grade_quiz
    from pmpath.core.state import update_state
    from pmpath.core.workspace import require_workspace

    ws = open_workspace(workspace) or require_workspace(workspace)
    curriculum = curriculum_of(ws)
    if skill is not None:
        chosen_skill = curriculum.skill(skill)
    elif answers:
        chosen_skill, _concept = curriculum.concept(next(iter(answers)))
    else:
        raise UsageError("no answers to record")
    try:
        results = grade_quiz(chosen_skill, answers)
    except ValueError as error:
        raise UsageError(str(error)) from None
    day = on or today()
    if results:
        with update_state(ws.state_path, ws.lock_path) as state:
            for result in results:
                concept_id = result.concept.id
                state.quizzes[concept_id] = result.record(day, state.quizzes.get(concept_id))
    return QuizSummary(skill=chosen_skill, results=results, recorded=bool(results))


def _current_skill(ws: Workspace, curriculum: Curriculum, state: State) -> Skill:
    from pmpath.core.errors import UsageError
    from pmpath.core.progress import current_skill, path_progress

    current = current_skill(path_progress(ws.root, curriculum, state))
    if current is None:
        raise UsageError("you have finished the path, so there is no current skill",
                         hint="name the skill to check yourself on, e.g. `pmpath quiz 1`")
    return current.skill


# -- dashboard ---------------------------------------------------------------------------

def dashboard(path: str | os.PathLike[str], as_of: date | None = None,
              workspace: Any = None) -> Dashboard:
    """The figures of a metrics dashboard file: each KPI's latest value, status and trend.

    The file is graded as ``check`` would grade it (inside a workspace, with its exercise's
    parameters) without recording anything. A kind is a dashboard when it declares a
    ``dashboard`` screen, so this module names no kind.

    Raises UsageError for a path that cannot be opened or a file of another kind, and
    UnreadableInputError for a file that cannot be read or validated.
    """
    from pmpath.core.documents import sniff_kind
    from pmpath.core.errors import UnreadableInputError, UsageError
    from pmpath.kinds import KINDS, spec_of
    from pmpath.results import Dashboard

    file = Path(path)
    problem = _unopenable(file)
    if problem is not None or file.is_dir():
        raise UsageError(f"{file}: {problem or 'is a folder, not a file'}")
    # The kind line is enough to tell a dashboard from another file; a dashboard that
    # cannot be parsed is then reported with its line below, as `check` reports it.
    kind = sniff_kind(file)
    if kind not in KINDS or spec_of(kind).dashboard is None:
        readable = _dashboard_kinds()  # only now load every kind, to name the right ones
        what = (f"is a {KINDS[kind].label} file (kind: {kind})" if kind in KINDS else
                "has no 'kind:' line" if kind is None else f"has kind: {kind}")
        wanted = " or ".join(f"a {KINDS[name].label} file (kind: {name})" for name in readable)
        raise UsageError(f"{file} {what}; `pmpath dashboard` reads {wanted}")
    report = check([file], as_of=as_of, workspace=workspace, record=False)
    result = report.artifacts[0]
    if result.figures is None:
        errors = [finding for finding in result.findings if finding.severity == "error"]
        first = errors[0] if errors else None
        more = len(errors) - 1
        detail = f"{first.place}: {first.message}" if first else "its figures cannot be worked out"
        raise UnreadableInputError(
            f"{file}: {detail}"
            + (f" (and {more} more problem{'s' if more != 1 else ''})" if more > 0 else ""),
            hint=f"`pmpath check {file}` lists every problem with how to fix it.")
    return Dashboard(file, kind, result)


def _dashboard_kinds() -> list[str]:
    """The kinds that declare a dashboard screen."""
    from pmpath.kinds import all_specs

    return [spec.kind for spec in all_specs() if spec.dashboard is not None]


def draw_dashboard(board: Dashboard, console: Any) -> None:
    """Draw a dashboard with its kind's dashboard screen."""
    from pmpath.kinds import spec_of
    from pmpath.kinds.base import lazy

    lazy(spec_of(board.kind).dashboard)(board.result, console)


# -- export ------------------------------------------------------------------------------

def export_formats() -> dict[str, str]:
    """Every export format with a one-line description."""
    from pmpath.export import FORMATS

    return {name: entry.summary for name, entry in FORMATS.items()}


def export(format: str, path: str | os.PathLike[str] | None = None, *,
           workspace: Any = None, as_of: date | None = None) -> Exported:
    """``path`` in ``format`` (ics, jira-csv, mermaid, md), or the whole workspace (html).

    The file is graded first (as ``check`` would, without recording it), so exports of
    a plan carry its computed schedule and ``md`` its grade and findings. A kind that does
    not support the format is a UsageError naming the formats it does support.
    """
    import importlib

    from pmpath.core.errors import UsageError
    from pmpath.core.suggest import did_you_mean
    from pmpath.export import FORMATS
    from pmpath.kinds import spec_of
    from pmpath.kinds.base import Blocked, lazy
    from pmpath.results import Exported

    entry = FORMATS.get(format)
    if entry is None:
        raise UsageError(f"no export format '{format}'{did_you_mean(format, FORMATS)}; "
                         f"formats: {', '.join(FORMATS)}")
    module = importlib.import_module(entry.module)
    if entry.whole_workspace:
        from pmpath.core.workspace import require_workspace

        ws = open_workspace(workspace) or require_workspace(None)
        report = check((), as_of=as_of, workspace=ws, record=False)
        return Exported(format, module.export_workspace(report, ws, api_module()),
                        f"pmpath-report{entry.suffix}")
    if path is None:
        raise UsageError(f"`pmpath export {format}` needs the file to export")
    report = check([path], as_of=as_of, workspace=workspace, record=False)
    if report.errors:
        raise UsageError(f"{report.errors[0].path}: {report.errors[0].message}")
    result = report.artifacts[0]
    name = Path(path).stem + entry.suffix
    if entry.every_kind:
        return Exported(format, module.export_result(result, result.model,
                                                     as_of=report.as_of), name)
    if result.model is None:
        first = result.findings[0] if result.findings else None
        raise UsageError(f"{path} cannot be exported until it can be read: "
                         + (f"{first.place}: {first.message}" if first else "it has problems"),
                         hint=f"`pmpath check {path}` shows every problem with how to fix it.")
    spec = spec_of(result.kind)
    provider = dict(spec.exports).get(format)
    if provider is None:
        supported = [name for name, other in FORMATS.items()
                     if other.every_kind or name in dict(spec.exports)]
        raise UsageError(f"a {kinds()[result.kind]} cannot be exported as {format}; it can be "
                         f"exported as {', '.join(supported)}")
    if result.figures is None and any(f.severity == "error" for f in result.findings):
        first = next(f for f in result.findings if f.severity == "error")
        raise UsageError(f"{path} has errors that stop the export: {first.place}: "
                         f"{first.message}",
                         hint=f"`pmpath check {path}` shows every problem with how to fix it.")
    try:
        shape = lazy(provider)(result.model, result.figures)
    except Blocked as blocked:
        raise UsageError(f"{path} cannot be exported as {format} yet: {blocked.because}",
                         hint=f"`pmpath check {path}` shows every problem with how to fix "
                              "it.") from None
    return Exported(format, module.export(shape), name)


def api_module() -> Any:
    """This module, for exporters that need the API (the HTML report) without a cycle."""
    import sys

    return sys.modules[__name__]


# -- portfolio ---------------------------------------------------------------------------

def portfolio(workspace: Any = None, as_of: date | None = None) -> Portfolio:
    """A portfolio of the learner's passed artifacts (the seed's advice: document the
    projects you have managed, with clear outcomes).

    The workspace is graded as ``check`` grades it, without recording anything. Each passed
    artifact that answers an exercise of the path becomes a project, in the path's order,
    in the words its kind gives (``KindSpec.portfolio``); interview stories come from a
    passed artifact of STAR stories. Work that has not passed is left out and its exercise
    named in ``not_passed``.
    """
    from dataclasses import replace

    from pmpath.core.workspace import require_workspace
    from pmpath.results import Portfolio, PortfolioProject

    ws = open_workspace(workspace) or require_workspace(None)
    report = check((), as_of=as_of, workspace=ws, record=False)
    curriculum = ws.curriculum()
    order = {exercise.id: index for index, exercise in enumerate(curriculum.exercises)}
    skill_of = {exercise.id: skill for skill in curriculum.skills
                for exercise in skill.exercises}
    skill_titles = {skill.id: skill.title for skill in curriculum.skills}
    labels = kinds()
    projects: list[PortfolioProject] = []
    stories: list[Any] = []
    passed: set[str] = set()
    for result in sorted(report.artifacts,
                         key=lambda item: (order.get(item.exercise or "", len(order)),
                                           item.path)):
        if not result.passed or result.exercise is None or result.figures is None:
            continue
        showcase, model = _showcase(result)
        passed.add(result.exercise)
        if showcase is None:
            continue
        stories.extend(replace(story, skill=skill_titles.get(story.skill or "", story.skill))
                       for story in showcase.stories)
        if showcase.produced:
            skill = skill_of.get(result.exercise)
            projects.append(PortfolioProject(
                path=result.path, kind=result.kind, label=labels.get(result.kind, result.kind),
                skill=f"Skill {skill.number} · {skill.title}" if skill else None,
                showcase=showcase, result=result, model=model))
    return Portfolio(learner=ws.learner, title=curriculum.title, as_of=report.as_of,
                     projects=projects, stories=stories,
                     not_passed=[exercise.title for exercise in curriculum.exercises
                                 if exercise.id not in passed])


def _showcase(result: ArtifactResult) -> tuple[Any, Any]:
    """(Showcase, model) of a passed artifact by its kind's ``portfolio``; (None, None) for
    a kind that declares none."""
    from pmpath.kinds import KINDS, spec_of
    from pmpath.kinds.base import lazy

    if result.kind not in KINDS or result.model is None or result.document is None:
        return None, None
    spec = spec_of(result.kind)
    if spec.portfolio is None:
        return None, None
    return (lazy(spec.portfolio)(result.model, result.figures, result.document.body),
            result.model)


# -- cohort ------------------------------------------------------------------------------

def cohort(paths: Iterable[str | os.PathLike[str]], as_of: date | None = None) -> Cohort:
    """One row per learner's workspace, for instructors.

    Each path is a workspace (a folder with ``pmpath.toml``) or a folder of workspaces (one
    level down). Every workspace is graded now in this one process: each distinct
    curriculum is loaded once, the files are graded with ``core.grading`` directly, and
    nothing is written into any workspace (no progress recorded, no cache, no backup). A
    workspace that cannot be read or graded is a row saying why, never an exception.
    """
    from pmpath.results import Cohort, LearnerRow

    day = as_of or today()
    curricula: dict[Path, Any] = {}
    rows = [_learner_row(folder, day, curricula) if problem is None
            else LearnerRow(folder=str(folder), problem=problem)
            for folder, problem in _workspace_folders(paths)]
    exercises: list[tuple[str, str]] = []
    numbers: dict[str, int | None] = {}
    for curriculum in curricula.values():
        if isinstance(curriculum, Exception):
            continue
        skill_of = {exercise.id: skill.number for skill in curriculum.skills
                    for exercise in skill.exercises}
        for exercise in curriculum.exercises:
            if exercise.id not in numbers:
                exercises.append((exercise.id, exercise.title))
                numbers[exercise.id] = skill_of.get(exercise.id)
    return Cohort(as_of=day, exercises=exercises, learners=rows, skill_numbers=numbers)


def _workspace_folders(paths: Iterable[str | os.PathLike[str]]) -> list[tuple[Path, str | None]]:
    """(folder, None) for each workspace found, (folder, problem) for a path that is none."""
    from pmpath.core.workspace import CONFIG_NAME

    found: list[tuple[Path, str | None]] = []
    for given in paths:
        folder = Path(given)
        try:
            if (folder / CONFIG_NAME).is_file():
                found.append((folder, None))
                continue
            if not folder.is_dir():
                found.append((folder, "no such folder" if not folder.exists()
                              else "not a folder"))
                continue
            inside = sorted(entry for entry in folder.iterdir()
                            if entry.is_dir() and (entry / CONFIG_NAME).is_file())
        except OSError as error:
            found.append((folder, f"cannot be read ({error.strerror or error})"))
            continue
        if not inside:
            found.append((folder, f"no pmpath workspace here (no {CONFIG_NAME} in it or in "
                                  "the folders in it)"))
        found.extend((entry, None) for entry in inside)
    return found


def _learner_row(folder: Path, day: date, curricula: dict[Path, Any]) -> LearnerRow:
    from pmpath.core.errors import PmpathError
    from pmpath.results import LearnerRow

    row = LearnerRow(folder=str(folder))
    try:
        _grade_learner(row, folder, day, curricula)
    except PmpathError as error:
        row.problem = error.message
    except Exception as error:  # one broken workspace must not hide the others
        row.problem = f"{error.__class__.__name__}: {error}"
    return row


def _grade_learner(row: LearnerRow, folder: Path, day: date, curricula: dict[Path, Any]) -> None:
    from pmpath.core.curriculum import load_curriculum
    from pmpath.core.grading import find_artifacts, grade_file
    from pmpath.core.progress import current_skill, path_progress, time_plan
    from pmpath.core.snapshot import graded_state
    from pmpath.core.state import read_state
    from pmpath.core.workspace import load_workspace

    ws = load_workspace(folder.resolve())
    row.name = ws.learner
    root = ws.curriculum_root.resolve()
    if root not in curricula:
        try:
            curricula[root] = load_curriculum(root)
        except Exception as error:  # remembered, so a broken curriculum is read once
            curricula[root] = error
    curriculum = curricula[root]
    if isinstance(curriculum, Exception):
        raise curriculum
    state = read_state(ws.state_path, keep_copy=False)
    results = []
    for path in find_artifacts(ws.root):
        shown = ws.relative(path)
        results.append(grade_file(path, as_of=day, curriculum=curriculum, display_path=shown,
                                  folder=shown.split("/", 1)[0] if "/" in shown else None,
                                  ignore=ws.ignored_rules))
    progress = path_progress(ws.root, curriculum, graded_state(state, results, ws.root))
    current = current_skill(progress)
    plan = time_plan(ws.start_date, day, curriculum, progress, ws.hours_per_week)
    row.complete = current is None
    if current is not None:
        row.skill_number, row.skill_title = current.skill.number, current.skill.title
    row.weeks_elapsed, row.planned_weeks = plan.weeks_elapsed, plan.planned_weeks_by_now
    row.verdict = plan.verdict
    best: dict[str, tuple[bool, int]] = {}
    for result in results:
        if result.exercise is not None:
            grade = (result.passed, result.score)
            best[result.exercise] = max(best.get(result.exercise, grade), grade)
    row.scores = {exercise.id: best[exercise.id][1] if exercise.id in best else None
                  for exercise in curriculum.exercises}
    row.passing = {exercise: grade[0] for exercise, grade in best.items()}
    row.passed = sum(1 for grade in best.values() if grade[0])
    row.total = len(curriculum.exercises)


_RESULTS = frozenset({"Cohort", "Dashboard", "Example", "Exported", "ForecastReport",
                      "LearnerRow", "Loaded", "Portfolio", "PortfolioProject", "RuleInfo",
                      "Scheduled"})


def __getattr__(name: str) -> Any:
    """The records of :mod:`pmpath.results`, by name (``api.Cohort``), loaded on first use."""
    if name in _RESULTS:
        from pmpath import results

        return getattr(results, name)
    raise AttributeError(f"module 'pmpath.api' has no attribute {name!r}")
