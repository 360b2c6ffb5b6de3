"""The grading engine: one file in, findings, a score and figures out.

The steps are the same for every kind: read the file safely
(``common.unreadable``), validate it against the kind's model
(``common.schema``), apply the other common rules (placeholders, duplicate
keys, owners) and run the kind's own rules through
:func:`pmpath.kinds.base.run_rules`. The result follows the check contract of
DESIGN.md.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pmpath.core.documents import (
    Document,
    DocumentProblem,
    load_document,
    read_raw,
    sniff_kind,
)
from pmpath.core.suggest import did_you_mean
from pmpath.kinds import KINDS, all_specs, spec_of

if TYPE_CHECKING:
    from pmpath.core.curriculum import Curriculum
    from pmpath.kinds.base import Figures, Finding, InternalError, Rule, Skipped

ARTIFACT_SUFFIXES = (".yaml", ".yml", ".md")
SKIPPED_FOLDERS = {".pmpath", ".git", "node_modules", "__pycache__", ".venv", "venv"}


def all_rules() -> list[Rule]:
    from pmpath.kinds.common import COMMON_RULES

    rules = list(COMMON_RULES)
    for spec in all_specs():
        rules.extend(spec.rules)
    return rules


def find_rule(rule_id: str) -> tuple[Rule, str | None]:
    """A rule and the kind it belongs to (None for the common rules)."""
    from pmpath.core.errors import UsageError
    from pmpath.kinds.common import COMMON_RULES

    for rule in COMMON_RULES:
        if rule.id == rule_id:
            return rule, None
    known = [rule.id for rule in COMMON_RULES]
    for spec in all_specs():
        for rule in spec.rules:
            if rule.id == rule_id:
                return rule, spec.kind
            known.append(rule.id)
    raise UsageError(f"no rule '{rule_id}'{did_you_mean(rule_id, known)}; `pmpath rules` lists "
                     "them all")


@dataclass
class ArtifactResult:
    path: str
    kind: str
    exercise: str | None
    findings: list[Finding]
    score: int
    figures: Figures | None = None
    file: Path | None = None
    raw: bytes | None = field(default=None, repr=False)
    """The file's bytes as read, for its digest."""
    ignored: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    internal_errors: list[InternalError] = field(default_factory=list)
    model: Any = None
    """The validated artifact (None when it could not be read or validated), so that
    exports and pictures need not read the file again."""
    document: Document | None = None
    """The file as parsed: its fields in file order and, for Markdown kinds, its body."""

    @cached_property
    def sha256(self) -> str | None:
        """The SHA-256 of the file as graded; only recording progress needs it, so it is
        computed on first use (hashlib costs a few milliseconds to import), once."""
        if self.raw is None:
            return None
        import hashlib

        return hashlib.sha256(self.raw).hexdigest()

    @property
    def metrics(self) -> dict[str, Any]:
        return self.figures.to_json() if self.figures is not None else {}

    @property
    def passed(self) -> bool:
        return not any(finding.severity == "error" for finding in self.findings)

    @property
    def errors(self) -> int:
        return sum(1 for finding in self.findings if finding.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for finding in self.findings if finding.severity == "warning")

    def as_json(self) -> dict[str, Any]:
        from pmpath.kinds.base import to_jsonable

        document: dict[str, Any] = {
            "path": self.path, "kind": self.kind, "exercise": self.exercise,
            "passed": self.passed, "score": self.score,
            "findings": [finding.as_dict() for finding in self.findings],
            "metrics": to_jsonable(self.metrics)}
        if self.skipped:
            document["skipped"] = [item.as_dict() for item in self.skipped]
        if self.internal_errors:
            document["internal_errors"] = [item.as_dict() for item in self.internal_errors]
        return document


def find_artifacts(root: Path) -> list[Path]:
    """Every file under ``root`` that declares a ``kind:``, in path order."""
    found = []
    for path in sorted(_walk(root)):
        if path.suffix.lower() in ARTIFACT_SUFFIXES and sniff_kind(path) is not None:
            found.append(path)
    return found


def _walk(root: Path) -> Iterator[Path]:
    for entry in root.iterdir():
        if entry.name in SKIPPED_FOLDERS or entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            yield from _walk(entry)
        elif entry.is_file():
            yield entry


def _score(rules: Iterable[Rule], failed: set[str], weights: dict[str, float]) -> int:
    total = met = 0.0
    for rule in rules:
        weight = weights.get(rule.id, rule.weight)
        total += weight
        if rule.id not in failed:
            met += weight
    return round(100 * met / total) if total else 100


@contextmanager
def garbage_collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a file is parsed and graded.

    Parsing builds millions of small objects that are all still alive, and the
    collector would re-scan them again and again, which makes large files cost
    more than linearly. Grading creates no reference cycles worth collecting.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def grade_file(path: Path, *, as_of: date, curriculum: Curriculum | None = None,
               display_path: str | None = None, folder: str | None = None,
               ignore: Iterable[str] = ()) -> ArtifactResult:
    """Grade one file; never raises for a bad file (problems become findings)."""
    with garbage_collection_paused():
        return _grade_file(path, as_of=as_of, curriculum=curriculum,
                           display_path=display_path, folder=folder, ignore=ignore)


def _grade_file(path: Path, *, as_of: date, curriculum: Curriculum | None,
                display_path: str | None, folder: str | None,
                ignore: Iterable[str]) -> ArtifactResult:
    from pmpath.kinds.base import Context, Finding, Found
    from pmpath.kinds.common import COMMON, COMMON_RULES

    shown = display_path or str(path)
    ignored = set(ignore)
    raw: bytes | None = None
    findings: list[Finding] = []
    context = Context(as_of=as_of, params={})

    def common(rule_id: str, subject: Any) -> None:
        # The context of the moment: once the file is read it holds the Markdown body,
        # which common.placeholder searches too.
        if rule_id not in ignored:
            COMMON.checks[rule_id](subject, context, Found(COMMON.by_id[rule_id], findings))

    def failed_early(kind: str) -> ArtifactResult:
        return ArtifactResult(path=shown, kind=kind, exercise=None, findings=findings, score=0,
                              file=path, raw=raw)

    try:
        raw = read_raw(path)
        document = load_document(path, raw)
    except DocumentProblem as problem:
        common("common.unreadable", problem)
        return failed_early(sniff_kind(path) or "unknown")
    kind = document.data.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        message = ("there is no 'kind:' field, so pmpath cannot tell what this file is"
                   if kind is None else
                   f"'{kind}' is not an artifact kind pmpath knows{did_you_mean(str(kind), KINDS)}")
        findings.append(Finding(rule="common.schema", severity="error", where="kind",
                                message=message + "; kinds: " + ", ".join(KINDS),
                                hint="Start the file with one of the kinds, e.g. "
                                     "'kind: risk-register'."))
        return failed_early(str(kind) if kind else "unknown")

    spec = spec_of(kind)
    exercise = curriculum.exercise_for_artifact(kind, folder) if curriculum else None
    params = dict(spec.defaults)
    if exercise is not None:
        params.update(exercise.params)
    context = Context(as_of=as_of, params=params, exercise=exercise.id if exercise else None,
                      text=document.text, body=document.body, body_line=document.body_line,
                      data=document.data,
                      thresholds=curriculum.thresholds if curriculum else {},
                      path_skills=tuple(skill.id for skill in curriculum.skills)
                      if curriculum else ())
    weights = curriculum.rule_weights if curriculum else {}

    common("common.placeholder", document.data)
    common("common.duplicate-key", document.duplicates)
    common("common.owner", document.data)

    from pmpath.kinds.fields import ValidationError

    outcome = model = None
    try:
        model = spec.model.model_validate(document.data)
    except ValidationError as error:
        common("common.schema", error)
    else:
        outcome = spec.grade(model, context)
        findings.extend(outcome.findings)

    findings = [finding for finding in findings if finding.rule not in ignored]
    for finding in findings:
        if finding.line is None:
            finding.line = document.line_of(finding.where)
    failed = {finding.rule for finding in findings}
    skipped = outcome.skipped if outcome is not None else []
    skipped_ids = {item.rule for item in skipped}
    rules = [*COMMON_RULES, *spec.rules]
    scored_rules = [rule for rule in rules
                    if rule.id not in ignored and rule.id not in skipped_ids]
    if outcome is None:
        # The kind's rules could not be applied, so none of them counts as met.
        failed |= {rule.id for rule in spec.rules}
    return ArtifactResult(path=shown, kind=kind, exercise=exercise.id if exercise else None,
                          findings=findings,
                          figures=outcome.figures if outcome is not None else None,
                          score=_score(scored_rules, failed, weights), file=path,
                          raw=raw, ignored=sorted(ignored & {rule.id for rule in rules}),
                          skipped=skipped,
                          internal_errors=outcome.internal_errors if outcome is not None else [],
                          model=model, document=document)
