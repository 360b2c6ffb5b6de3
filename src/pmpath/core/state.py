"""Progress in ``.pmpath/state.toml``: versioned, written atomically, locked.

Every change goes through :func:`update_state`, which holds an exclusive lock
while it reads, changes and rewrites the file, so two pmpath processes never
lose each other's writes. A damaged file is never reset: pmpath stops, keeps a
copy of it and says how to recover.
"""


import contextlib
import shutil
import tomllib
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from pmpath.core.errors import StateError
from pmpath.core.fileio import file_lock, write_atomic

STATE_VERSION = 2


def _add_quizzes(document: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds the knowledge-check results; a version 1 file has none yet."""
    return {**document, "version": 2, "quizzes": document.get("quizzes", {})}


# Migrations from an older state version to the next one. A file is never written in
# an older version: an older pmpath would drop the tables it does not know.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _add_quizzes}


class CheckRecord(NamedTuple):
    kind: str
    exercise: str | None
    passed: bool
    score: int
    errors: int
    warnings: int
    sha256: str
    checked_at: datetime
    size: int = -1
    """Size and modification time of the file when checked: when both still match,
    ``next`` trusts the record without hashing the file again."""
    mtime_ns: int = -1

    def as_toml(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "kind": self.kind, "passed": self.passed, "score": self.score,
            "errors": self.errors, "warnings": self.warnings, "sha256": self.sha256,
            "checked_at": self.checked_at,
        }
        if self.exercise:
            record["exercise"] = self.exercise
        if self.size >= 0:
            record["size"] = self.size
            record["mtime_ns"] = self.mtime_ns
        return record


class SkipRecord(NamedTuple):
    reason: str
    on: date


class HintRecord(NamedTuple):
    level: int
    """The highest hint tier the learner has opened."""
    uses: int


class QuizRecord(NamedTuple):
    """The latest knowledge check of one concept."""

    right: int
    answered: int
    """Questions answered; fewer than ``questions`` when the quiz was interrupted."""
    questions: int
    """Questions the concept had when it was answered."""
    on: date
    attempts: int = 1


class State:
    """Everything pmpath remembers of the learner's progress."""

    def __init__(self, ticked: dict[str, date] | None = None,
                 skipped: dict[str, SkipRecord] | None = None,
                 hints: dict[str, HintRecord] | None = None,
                 checks: dict[str, CheckRecord] | None = None,
                 quizzes: dict[str, QuizRecord] | None = None) -> None:
        self.ticked = ticked if ticked is not None else {}
        self.skipped = skipped if skipped is not None else {}
        self.hints = hints if hints is not None else {}
        self.checks = checks if checks is not None else {}
        self.quizzes = quizzes if quizzes is not None else {}

    def to_toml(self) -> str:
        import tomli_w

        document: dict[str, Any] = {
            "version": STATE_VERSION,
            "ticked": dict(sorted(self.ticked.items())),
            "skipped": {k: {"reason": v.reason, "on": v.on} for k, v in self.skipped.items()},
            "hints": {k: {"level": v.level, "uses": v.uses} for k, v in self.hints.items()},
            "checks": {k: v.as_toml() for k, v in sorted(self.checks.items())},
            "quizzes": {k: v._asdict() for k, v in sorted(self.quizzes.items())},
        }
        header = "# pmpath progress. Written by pmpath; edit only if you know why.\n"
        return header + tomli_w.dumps(document)


def read_state(path: Path, *, keep_copy: bool = True) -> State:
    """The state in ``path`` (empty when there is none). A damaged file is a StateError, and
    a copy of it is kept under backups/ unless ``keep_copy`` is False (a reader who is not
    the learner, such as an instructor's cohort view, writes nothing)."""
    if not path.exists():
        return State()
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        _refuse_damaged(path, str(error), keep_copy)
    except OSError as error:
        raise StateError(f"cannot read {path}: {error.strerror}") from None
    return _parse(path, document, keep_copy)


def _refuse_damaged(path: Path, problem: str, keep_copy: bool = True) -> None:
    if not keep_copy:
        raise StateError(f"the progress file {path} is damaged ({problem})")
    backup = _keep_copy(path)
    raise StateError(
        f"your progress file {path} is damaged ({problem}). pmpath has not changed it and "
        f"kept a copy at {backup}. Fix that line, or move the file away to start with empty "
        "progress (your artifacts are not affected)")


def _keep_copy(path: Path) -> Path:
    """Copy the damaged file into backups/, named by its content so each version is kept once."""
    import hashlib

    backups = path.parent / "backups"
    backups.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    target = backups / f"state-damaged-{digest}.toml"
    with contextlib.suppress(OSError):
        if not target.exists():
            shutil.copy2(path, target)
    return target


def _parse(path: Path, document: dict[str, Any], keep_copy: bool = True) -> State:
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        _refuse_damaged(path, "it has no 'version' number", keep_copy)
    if version > STATE_VERSION:
        raise StateError(f"{path} was written by a newer pmpath (state version {version}); "
                         "upgrade pmpath with `pip install --upgrade pmpath`")
    while version < STATE_VERSION:
        if version not in MIGRATIONS:
            _refuse_damaged(path, f"state version {version} is not one pmpath knows",
                            keep_copy)
        document = MIGRATIONS[version](document)
        version += 1
    try:
        return State(
            ticked={str(k): _as_date(v) for k, v in _table(document, "ticked").items()},
            skipped={str(k): SkipRecord(reason=_typed(v, "reason", str), on=_as_date(v["on"]))
                     for k, v in _table(document, "skipped").items()},
            hints={str(k): HintRecord(level=_typed(v, "level", int),
                                      uses=_typed(v, "uses", int, 1))
                   for k, v in _table(document, "hints").items()},
            checks={str(k): _check_record(v) for k, v in _table(document, "checks").items()},
            quizzes={str(k): _quiz_record(v) for k, v in _table(document, "quizzes").items()},
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        _refuse_damaged(path, f"an entry is missing or has the wrong type: {error}",
                        keep_copy)
    raise AssertionError("unreachable")  # pragma: no cover


def _typed(table: dict[str, Any], key: str, kind: type, default: Any = None) -> Any:
    """``table[key]`` when it has exactly the type ``kind`` (a bool is not an int here)."""
    if key not in table and default is not None:
        return default
    value = table[key]
    if type(value) is not kind and not (kind is datetime and isinstance(value, datetime)):
        raise TypeError(f"'{key}' should be {kind.__name__}, not {value!r}")
    return value


def _check_record(table: dict[str, Any]) -> CheckRecord:
    exercise = table.get("exercise")
    if exercise is not None and not isinstance(exercise, str):
        raise TypeError(f"'exercise' should be text, not {exercise!r}")
    return CheckRecord(
        kind=_typed(table, "kind", str), exercise=exercise,
        passed=_typed(table, "passed", bool), score=_typed(table, "score", int),
        errors=_typed(table, "errors", int, 0), warnings=_typed(table, "warnings", int, 0),
        sha256=_typed(table, "sha256", str), checked_at=_typed(table, "checked_at", datetime),
        size=_typed(table, "size", int, -1), mtime_ns=_typed(table, "mtime_ns", int, -1))


def _quiz_record(table: dict[str, Any]) -> QuizRecord:
    record = QuizRecord(right=_typed(table, "right", int), answered=_typed(table, "answered", int),
                        questions=_typed(table, "questions", int), on=_as_date(table["on"]),
                        attempts=_typed(table, "attempts", int, 1))
    if not 0 <= record.right <= record.answered <= record.questions:
        raise ValueError(f"quiz counts must satisfy 0 ≤ right ≤ answered ≤ questions, not "
                         f"{record.right}, {record.answered}, {record.questions}")
    return record


def _table(document: dict[str, Any], key: str) -> dict[str, Any]:
    value = document.get(key, {})
    if not isinstance(value, dict):
        raise TypeError(f"'{key}' must be a table")
    return value


def _as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise TypeError(f"{value!r} is not a date")


def write_state(path: Path, state: State) -> None:
    write_atomic(path, state.to_toml())


@contextlib.contextmanager
def update_state(state_path: Path, lock_path: Path) -> Iterator[State]:
    """Read, change and write the state under an exclusive lock."""
    with file_lock(lock_path):
        state = read_state(state_path)
        yield state
        write_state(state_path, state)
