"""Progress as graded now: the learner's state with fresh grades in place of the recorded ones.

The HTML report and the cohort view grade a workspace without recording anything
(``record=False``). To say where the learner stands by those grades, the state read from
``.pmpath/state.toml`` is copied with its check records replaced by records made from the
fresh results, in memory only; ticks, skips, hints and quizzes are kept as recorded.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pmpath.core.state import CheckRecord, State

if TYPE_CHECKING:
    from pmpath.core.grading import ArtifactResult


def graded_state(state: State, results: Iterable[ArtifactResult], root: Path) -> State:
    """A copy of ``state`` whose checks are ``results`` (workspace-relative paths under
    ``root``), as if each had just been checked; nothing is written."""
    now = datetime.now().replace(microsecond=0)
    checks: dict[str, CheckRecord] = {}
    for result in results:
        if not result.sha256 or result.file is None:
            continue
        try:
            stat = result.file.stat()
            result.file.resolve().relative_to(root.resolve())
        except (OSError, ValueError):
            continue
        checks[result.path] = CheckRecord(
            kind=result.kind, exercise=result.exercise, passed=result.passed,
            score=result.score, errors=result.errors, warnings=result.warnings,
            sha256=result.sha256, checked_at=now, size=stat.st_size, mtime_ns=stat.st_mtime_ns)
    return State(ticked=dict(state.ticked), skipped=dict(state.skipped),
                 hints=dict(state.hints), checks=checks, quizzes=dict(state.quizzes))
