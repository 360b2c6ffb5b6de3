"""The grading engine: one file in, findings, a score and metrics out.

The steps are the same for every kind: read the file safely
(``common.unreadable``), look for template placeholders
(``common.placeholder``), validate it against the kind's pydantic model
(``common.schema``) and run the kind's own rules. The result follows the check
contract of DESIGN.md.
"""

from __future__ import annotations

import gc
import hashlib
import importlib
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pmpath.artifacts import KINDS
from pmpath.core.documents import DocumentProblem, load_document, read_raw, sniff_kind

if TYPE_CHECKING:
    from pmpath.artifacts.base import Finding, KindSpec, Rule
    from pmpath.core.curriculum import Curriculum

PLACEHOLDER = re.compile(r"\bTODO\b|\bTBD\b|<[A-Za-z][^<>\n]{0,300}>")
ARTIFACT_SUFFIXES = (".yaml", ".yml", ".md")
SKIPPED_FOLDERS = {".pmpath", ".git", "node_modules", "__pycache__", ".venv", "venv"}


def load_spec(kind: str) -> KindSpec:
    info = KINDS[kind]
    if info.module is None:
        raise LookupError(kind)
    module = importlib.import_module(info.module)
    return module.SPEC


def gradable_specs() -> list[KindSpec]:
    return [load_spec(kind) for kind, info in KINDS.items() if info.gradable]


def all_rules() -> list[Rule]:
    from pmpath.artifacts.base import COMMON_RULES

    rules = list(COMMON_RULES)
    for spec in gradable_specs():
        rules.extend(spec.rules)
    return rules


def find_rule(rule_id: str) -> tuple[Rule, str | None]:
    """A rule and the kind it belongs to (None for the common rules)."""
    from pmpath.artifacts.base import COMMON_RULES
    from pmpath.core.errors import UsageError

    for rule in COMMON_RULES:
        if rule.id == rule_id:
            return rule, None
    for spec in gradable_specs():
        for rule in spec.rules:
            if rule.id == rule_id:
                return rule, spec.kind
    raise UsageError(f"no rule '{rule_id}'; `pmpath rules` lists them all")


@dataclass
class ArtifactResult:
    path: str
    kind: str
    exercise: str | None
    findings: list[Finding]
    metrics: dict[str, Any]
    score: int
    gradable: bool = True
    file: Path | None = None
    sha256: str | None = None
    ignored: list[str] = field(default_factory=list)

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
        return {"path": self.path, "kind": self.kind, "exercise": self.exercise,
                "passed": self.passed, "score": self.score,
                "findings": [finding.as_dict() for finding in self.findings],
                "metrics": to_jsonable(self.metrics)}


def to_jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): to_jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(item) for item in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 4)
    return value


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


def placeholders(data: Any, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[str, str]]:
    """(where, text) of every string in ``data`` that still holds a placeholder."""
    from pmpath.artifacts.base import path_of

    stack: list[tuple[tuple[str | int, ...], Any]] = [(prefix, data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            match = PLACEHOLDER.search(value)
            if match:
                yield path_of(*where), match.group(0)
        elif isinstance(value, dict):
            stack.extend((where + (str(key),), item) for key, item in
                         reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend((where + (index,), item) for index, item in
                         reversed(list(enumerate(value))))


# pydantic's wording for the commonest problems, said the way a learner reads a form.
PLAIN_SCHEMA_MESSAGES = {
    "string_type": "should be text",
    "int_type": "should be a whole number", "int_parsing": "should be a whole number",
    "int_from_float": "should be a whole number",
    "float_type": "should be a number", "float_parsing": "should be a number",
    "bool_type": "should be true or false", "bool_parsing": "should be true or false",
    "date_type": "should be a date like 2027-01-04",
    "date_parsing": "should be a date like 2027-01-04",
    "date_from_datetime_parsing": "should be a date like 2027-01-04",
    "date_from_datetime_inexact": "should be a date like 2027-01-04, without a time",
    "list_type": "should be a list (one '- ' line per entry, or [a, b])",
    "dict_type": "should be a group of 'name: value' fields",
    "model_type": "should be a group of 'name: value' fields",
    "model_attributes_type": "should be a group of 'name: value' fields",
}


def _schema_message(item: dict[str, Any]) -> str:
    kind = item["type"]
    if kind == "missing":
        return f"'{item['loc'][-1]}' is missing"
    if kind == "too_short" and "min_length" in item.get("ctx", {}):
        least = item["ctx"]["min_length"]
        return f"needs at least {least} entr{'y' if least == 1 else 'ies'}"
    message = PLAIN_SCHEMA_MESSAGES.get(kind) or item["msg"].removeprefix("Value error, ")
    return message.replace("Input should be", "should be")


def _schema_findings(error: Any, rules: dict[str, Rule]) -> list[Finding]:
    from pmpath.artifacts.base import Finding, path_of

    findings = []
    for item in error.errors(include_url=False):
        where = path_of(*item["loc"]) or "file"
        message = _schema_message(item)
        if item["type"] not in ("missing", "too_short") and "input" in item:
            shown = repr(item["input"])
            if len(shown) <= 60:
                message = f"{message} (found {shown})"
        findings.append(Finding(rule="common.schema", severity="error", where=where,
                                message=message, hint=rules["common.schema"].hint))
    return findings


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
    from pmpath.artifacts.base import COMMON_RULES, Finding, GradeContext

    shown = display_path or str(path)
    ignored = set(ignore)
    common = {rule.id: rule for rule in COMMON_RULES}
    digest: str | None = None

    def unreadable(problem: DocumentProblem, kind: str = "unknown") -> ArtifactResult:
        finding = Finding(rule="common.unreadable", severity="error", where=problem.where,
                          message=problem.message, hint=common["common.unreadable"].hint)
        return ArtifactResult(path=shown, kind=kind, exercise=None, findings=[finding],
                              metrics={}, score=0, file=path, sha256=digest)

    try:
        raw = read_raw(path)
        digest = hashlib.sha256(raw).hexdigest()
        document = load_document(path, raw)
    except DocumentProblem as problem:
        return unreadable(problem, sniff_kind(path) or "unknown")
    kind = document.data.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:
        message = ("there is no 'kind:' field, so pmpath cannot tell what this file is"
                   if kind is None else f"'{kind}' is not an artifact kind pmpath knows")
        finding = Finding(rule="common.schema", severity="error", where="kind",
                          message=message + "; kinds: " + ", ".join(KINDS),
                          hint="Start the file with one of the kinds, e.g. 'kind: risk-register'.")
        return ArtifactResult(path=shown, kind=str(kind) if kind else "unknown", exercise=None,
                              findings=[finding], metrics={}, score=0, file=path, sha256=digest)
    if not KINDS[kind].gradable:
        return ArtifactResult(path=shown, kind=kind, exercise=None, findings=[], metrics={},
                              score=0, gradable=False, file=path, sha256=digest)

    spec = load_spec(kind)
    exercise = curriculum.exercise_for_artifact(kind, folder) if curriculum else None
    params = dict(spec.defaults)
    if exercise is not None:
        params.update(exercise.params)
    rules = spec.rule_map
    weights = curriculum.rule_weights if curriculum else {}

    findings: list[Finding] = []
    for where, text in placeholders(document.data):
        findings.append(Finding(
            rule="common.placeholder", severity="error", where=where,
            message=f"still holds the template placeholder {text!r}",
            hint=rules["common.placeholder"].hint))
    if document.is_markdown:
        for offset, line in enumerate(document.body.splitlines()):
            match = PLACEHOLDER.search(line)
            if match:
                findings.append(Finding(
                    rule="common.placeholder", severity="error",
                    where=f"line {document.body_line + offset}",
                    message=f"still holds the template placeholder {match.group(0)!r}",
                    hint=rules["common.placeholder"].hint))

    from pydantic import ValidationError

    metrics: dict[str, Any] = {}
    evaluated = True
    try:
        model = spec.model.model_validate(document.data)
    except ValidationError as error:
        findings.extend(_schema_findings(error, rules))
        evaluated = False
    if evaluated:
        context = GradeContext(as_of=as_of, params=params,
                               exercise=exercise.id if exercise else None,
                               body=document.body, body_line=document.body_line)
        outcome = spec.grade(model, context)
        findings.extend(outcome.findings)
        metrics = outcome.metrics

    findings = [finding for finding in findings if finding.rule not in ignored]
    failed = {finding.rule for finding in findings}
    scored_rules = [rule for rule in rules.values() if rule.id not in ignored]
    if not evaluated:
        # The kind's rules could not be applied, so none of them counts as met.
        failed |= {rule.id for rule in spec.rules}
    return ArtifactResult(path=shown, kind=kind, exercise=exercise.id if exercise else None,
                          findings=findings, metrics=metrics,
                          score=_score(scored_rules, failed, weights), file=path,
                          sha256=digest, ignored=sorted(ignored & set(rules)))


def check_document(results: list[ArtifactResult], as_of: date) -> dict[str, Any]:
    """The ``pmpath check --json`` document."""
    graded = [result for result in results if result.gradable]
    return {"version": 1, "as_of": as_of.isoformat(),
            "passed": all(result.passed for result in graded),
            "artifacts": [result.as_json() for result in graded]}
