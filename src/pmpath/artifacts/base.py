"""What every artifact kind is made of: rules, findings, a model and a grader.

A kind module (``pmpath.artifacts.<kind>``) defines ``SPEC = KindSpec(...)``.
The grading engine (``pmpath.core.grading``) validates the file against
``SPEC.model``, runs ``SPEC.grade`` and turns the result into the check
contract of DESIGN.md.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Rule:
    """A rubric line, documented like a linter rule (``pmpath explain``)."""

    id: str
    severity: Severity
    title: str
    rationale: str
    hint: str
    passes: str = ""
    """A short example of what meets the rule."""
    fails: str = ""
    """A short example of what breaks it."""
    weight: float = 1.0
    """Default weight; ``curriculum/rubric.yaml`` may override it."""


@dataclass
class Finding:
    rule: str
    severity: Severity
    where: str
    message: str
    hint: str

    def as_dict(self) -> dict[str, str]:
        return {"rule": self.rule, "severity": self.severity, "where": self.where,
                "message": self.message, "hint": self.hint}


@dataclass
class GradeContext:
    """What a grader may know besides the file: the date and the exercise."""

    as_of: date
    params: Mapping[str, Any]
    exercise: str | None = None
    body: str = ""
    """The Markdown body, for Markdown kinds (front matter is the model)."""
    body_line: int = 1
    """The line number of the body's first line in the file."""


@dataclass
class Outcome:
    """Findings and metrics produced by one kind's grader."""

    rules: Mapping[str, Rule]
    findings: list[Finding] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)

    def add(self, rule_id: str, where: str, message: str, *, hint: str | None = None,
            severity: Severity | None = None) -> None:
        rule = self.rules[rule_id]
        self.findings.append(Finding(rule=rule_id, severity=severity or rule.severity,
                                     where=where, message=message, hint=hint or rule.hint))


class ArtifactModel(BaseModel):
    """Base of every artifact model: extra fields are allowed (a kind may grow)."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)


@dataclass(frozen=True)
class KindSpec:
    kind: str
    model: type[ArtifactModel]
    rules: tuple[Rule, ...]
    grade: Callable[[Any, GradeContext], Outcome]
    """Runs every kind rule on a validated model; returns findings and metrics."""
    defaults: Mapping[str, Any] = field(default_factory=dict)
    """Exercise parameters used when no curriculum exercise gives them."""

    @property
    def params(self) -> dict[str, Any]:
        from pmpath.kinds.base import Param

        return {name: Param(type(value), value) for name, value in self.defaults.items()}

    scheduler = None
    schedule_renderer = None
    forecast_inputs = None
    template_values = None
    renderer = None

    def outcome(self) -> Outcome:
        return Outcome(rules=self.rule_map)

    @property
    def rule_map(self) -> dict[str, Rule]:
        return {rule.id: rule for rule in COMMON_RULES + self.rules}


def path_of(*parts: str | int) -> str:
    """``("risks", 2, "score")`` -> ``"risks[2].score"``: the ``where`` of a finding."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


COMMON_RULES: tuple[Rule, ...] = (
    Rule(
        id="common.unreadable",
        severity="error",
        title="The file can be read",
        rationale=(
            "pmpath (and your teammates' tools) can only grade a file that is valid UTF-8 "
            "text, parses as YAML (or Markdown with YAML front matter), is a mapping of "
            "fields at the top, and is of a sensible size."
        ),
        hint="Open the file at the line and column given and fix the syntax there; "
             "YAML is picky about indentation and about a space after each ':'.",
        passes="kind: risk-register\nversion: 1\nprogram: Payments migration",
        fails="kind: risk-register\nversion 1        # missing ':'",
    ),
    Rule(
        id="common.schema",
        severity="error",
        title="Required fields are present and of the right type",
        rationale=(
            "Every artifact kind has a fixed set of fields (see `pmpath schema KIND`). A "
            "missing field or a word where a number belongs means the rubric cannot be "
            "applied, just as a reviewer would send back a form with blanks."
        ),
        hint="Add the field named in 'where', or give it the type the message asks for.",
        passes="probability: 4",
        fails="probability: high",
    ),
    Rule(
        id="common.placeholder",
        severity="error",
        title="No template placeholders are left",
        rationale=(
            "Templates mark the places you must write with <angle brackets>, TODO or TBD. "
            "A plan that still says TBD tells the reader the thinking is not done."
        ),
        hint="Replace the placeholder with your own words, numbers or dates.",
        passes="owner: Priya Natarajan",
        fails="owner: <who owns this risk>",
    ),
)
