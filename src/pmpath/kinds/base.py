"""The contract every artifact kind fulfils.

A kind package (``pmpath.kinds.<kind>``) declares one :class:`KindSpec`:

- ``model``: the validated model of the file (for Markdown kinds, of its front matter);
- ``rules``: a :class:`RuleBook`, the kind's rubric lines, each bound to exactly
  one check function by the ``@book.check(rule_id)`` decorator;
- ``facts``: values several rules share (a schedule, a calendar), computed once
  per file by the runner. A fact that cannot be computed raises
  :class:`Blocked`, and every rule that ``needs`` it is skipped with that reason;
- ``figures``: a function returning a frozen dataclass (a :class:`Figures`)
  whose ``to_json()`` is the ``metrics`` of ``check --json``;
- ``params``: the exercise parameters the kind reads from the curriculum, with
  their defaults;
- optional capabilities, named as ``"module:function"`` so that nothing is
  imported until it is used: ``renderer`` (the terminal picture), ``scheduler``
  (``pmpath schedule``), and the ``exports`` formats it supports.

The grading engine (``pmpath.core.grading``) reads the file, applies the
common rules and the model, then calls :func:`run_rules`.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from pmpath.kinds.fields import Model

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
    needs: tuple[str, ...] = ()
    """Facts (see :attr:`KindSpec.facts`) the check reads; the rule is skipped when one is
    blocked."""


@dataclass
class Finding:
    rule: str
    severity: Severity
    where: str
    message: str
    hint: str
    line: int | None = None
    """The file line of ``where`` when it is a path into the fields (set by the engine)."""

    @property
    def place(self) -> str:
        """``where`` as a learner looks for it: ``members[0].fte (line 27)``."""
        return f"{self.where} (line {self.line})" if self.line is not None else self.where

    def as_dict(self) -> dict[str, Any]:
        shown: dict[str, Any] = {"rule": self.rule, "severity": self.severity,
                                 "where": self.where, "message": self.message,
                                 "hint": self.hint}
        if self.line is not None:
            shown["line"] = self.line
        return shown


@dataclass(frozen=True)
class Skipped:
    """A rule that could not run because another problem blocks it."""

    rule: str
    because: str

    def as_dict(self) -> dict[str, str]:
        return {"rule": self.rule, "because": self.because}


@dataclass(frozen=True)
class InternalError:
    """A bug inside one rule's check: reported, never a traceback."""

    rule: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"rule": self.rule, "message": self.message}


class Blocked(Exception):
    """A fact cannot be computed (e.g. the dependencies have a cycle)."""

    def __init__(self, because: str) -> None:
        super().__init__(because)
        self.because = because


class ArtifactModel(Model):
    """Base of every artifact model (``pmpath.kinds.fields``): text is stripped of
    surrounding spaces, and fields the model does not declare are kept (a kind may
    grow)."""


@dataclass(frozen=True)
class Param:
    """An exercise parameter a kind reads from the curriculum (e.g. team_size: 8)."""

    type: type
    default: Any
    help: str = ""


def to_jsonable(value: Any) -> Any:
    """Dates as ISO text, floats to 4 places, tuples as lists, dataclasses as dicts."""
    if isinstance(value, dict):
        return {str(key): to_jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(item) for item in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 4)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if hasattr(value, "to_json"):
            return value.to_json()
        return {item.name: to_jsonable(getattr(value, item.name))
                for item in dataclasses.fields(value)}
    return value


class Figures:
    """Base of a kind's typed figures: a frozen dataclass read by renderers and exports.

    ``to_json()`` gives the ``metrics`` of ``check --json``: every field under its own
    name, except those listed in ``_internal`` (kept for the picture, not the contract).
    ``_aliases`` maps an older metric name to the field it repeats.
    """

    _internal: tuple[str, ...] = ()
    _aliases: Mapping[str, str] = {}

    def to_json(self) -> dict[str, Any]:
        fields = dataclasses.fields(self)  # type: ignore[arg-type]
        data = {item.name: to_jsonable(getattr(self, item.name)) for item in fields
                if item.name not in self._internal}
        for alias, name in self._aliases.items():
            data[alias] = data[name]
        return data


@dataclass
class Context:
    """What a check may know besides the model: the date, the exercise, the file, the facts."""

    as_of: date
    params: Mapping[str, Any]
    exercise: str | None = None
    text: str = ""
    """The whole file as written."""
    body: str = ""
    """The Markdown body, for Markdown kinds (front matter is the model)."""
    body_line: int = 1
    """The line number of the body's first line in the file."""
    data: Mapping[str, Any] = field(default_factory=dict)
    """The parsed file before validation (for checks that walk it generically)."""
    thresholds: Mapping[str, Any] = field(default_factory=dict)
    """The curriculum's ``thresholds`` (``curriculum/rubric.yaml``): rule id -> {name: value},
    e.g. ``{"sprint.points": {"scale": [1, 2, 3, 5, 8, 13, 20]}}``. A kind keeps its own
    defaults for the names an instructor leaves out."""
    path_skills: tuple[str, ...] = ()
    """The ids of the path's skills in order (``curriculum/path.yaml``), for a kind that
    relates its artifact to the whole path (which skills interview stories show); empty
    when grading without a curriculum."""
    _spec: KindSpec | None = None
    _model: Any = None
    _facts: dict[str, Any] = field(default_factory=dict)

    def fact(self, name: str) -> Any:
        """A shared fact, computed once; raises :class:`Blocked` when it cannot be."""
        if name not in self._facts:
            if self._spec is None or name not in self._spec.facts:
                raise KeyError(f"no fact '{name}'")
            try:
                self._facts[name] = self._spec.facts[name](self._model, self)
            except Blocked as blocked:
                self._facts[name] = blocked
        value = self._facts[name]
        if isinstance(value, Blocked):
            raise value
        return value

    def param(self, name: str) -> Any:
        if name in self.params:
            return self.params[name]
        if self._spec is not None and name in self._spec.params:
            return self._spec.params[name].default
        raise KeyError(name)

    def threshold(self, rule_id: str, name: str) -> Any:
        """A number a rule judges by: the curriculum's (``thresholds`` in rubric.yaml), else
        the kind's own (``KindSpec.thresholds``)."""
        given = self.thresholds.get(rule_id) or {}
        if name in given:
            return given[name]
        if self._spec is not None and name in self._spec.thresholds.get(rule_id, {}):
            return self._spec.thresholds[rule_id][name]
        raise KeyError(f"{rule_id}: {name}")


class Found:
    """Records findings of one rule: ``found(where, message, hint=...)``."""

    __slots__ = ("rule", "findings")

    def __init__(self, rule: Rule, findings: list[Finding]) -> None:
        self.rule = rule
        self.findings = findings

    def __call__(self, where: str, message: str, *, hint: str | None = None,
                 severity: Severity | None = None) -> None:
        self.findings.append(Finding(rule=self.rule.id, severity=severity or self.rule.severity,
                                     where=where, message=message,
                                     hint=hint or self.rule.hint))


Check = Callable[[Any, Context, Found], None]


class RuleBook:
    """A kind's rules, each bound to the one function that checks it.

    ::

        BOOK = RuleBook(RULES)

        @BOOK.check("risk.ids")
        def unique_ids(register, ctx, found): ...
    """

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        ids = [rule.id for rule in rules]
        duplicated = {rule_id for rule_id in ids if ids.count(rule_id) > 1}
        if duplicated:
            raise ValueError(f"rules declared twice: {sorted(duplicated)}")
        self.rules = rules
        self.by_id = {rule.id: rule for rule in rules}
        self.checks: dict[str, Check] = {}
        self.strays: list[str] = []
        """Check functions bound to an id no rule declares (a test fails on them)."""

    def check(self, rule_id: str) -> Callable[[Check], Check]:
        def bind(function: Check) -> Check:
            if rule_id not in self.by_id or rule_id in self.checks:
                self.strays.append(f"{function.__name__} → {rule_id}")
            else:
                self.checks[rule_id] = function
            return function
        return bind

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    @property
    def unbound(self) -> list[str]:
        """Declared rules without a check (a test fails on them)."""
        return [rule.id for rule in self.rules if rule.id not in self.checks]


def lazy(reference: str) -> Callable[..., Any]:
    """``"package.module:function"`` → the function, importing the module only now."""
    module_name, _, name = reference.partition(":")
    return getattr(importlib.import_module(module_name), name)


@dataclass(frozen=True)
class KindSpec:
    kind: str
    model: type[ArtifactModel]
    rules: RuleBook
    figures: Callable[[Any, Context], Figures | None] | None = None
    """The kind's typed figures; may call ``ctx.fact`` (a blocked fact gives no figures)."""
    facts: Mapping[str, Callable[[Any, Context], Any]] = field(default_factory=dict)
    params: Mapping[str, Param] = field(default_factory=dict)
    thresholds: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Rule id -> {name: value}: the numbers the rules judge by when the curriculum's
    rubric does not give them (``Context.threshold``)."""
    renderer: str | None = None
    """``"module:function"`` drawing the figures in the terminal: ``f(result, console)``."""
    scheduler: str | None = None
    """``"module:function"``: ``f(model) -> Figures`` for ``pmpath schedule``."""
    schedule_renderer: str | None = None
    """``"module:function"``: ``f(model, figures, console)`` for ``pmpath schedule``."""
    dashboard: str | None = None
    """``"module:function"`` drawing the file as a full-screen dashboard (``pmpath
    dashboard``): ``f(result, console)``; kinds without one are not dashboards."""
    template_values: str | None = None
    """``"module:function"``: ``f(today, params) -> {name: value}`` filling the template's
    ``${name}`` markers and ``#@repeat`` blocks (see ``core.templating``)."""
    forecast_inputs: str | None = None
    """``"module:function"``: ``f(data) -> {throughput, items[, start, period_days,
    holidays]}`` from a parsed file, for ``pmpath forecast FILE``; ValueError if unusable."""
    exports: Mapping[str, str] = field(default_factory=dict)
    """Export format -> ``"module:function"`` turning ``(model, figures)`` into the neutral
    shape that format's module writes (``pmpath.export.shapes``). ``md`` and ``html``
    work for every kind and need no entry."""
    svg: str | None = None
    """``"module:function"`` drawing the figures as one inline SVG picture for the HTML
    report and the portfolio: ``f(figures, model) -> str | None`` (None when the figures
    hold nothing to draw). The pictures live in ``pmpath.export.pictures``, e.g.
    ``"pmpath.export.pictures:heat_map"``."""
    portfolio: str | None = None
    """``"module:function"``: ``f(model, figures, body) -> Showcase`` (``pmpath.export.
    showcase``), what the portfolio says of a passed artifact in a hiring manager's words:
    its title, the problem, what was produced and the key figures. ``body`` is the
    Markdown body of a Markdown kind, else ''."""
    markdown: bool = False

    @property
    def defaults(self) -> dict[str, Any]:
        return {name: param.default for name, param in self.params.items()}

    @property
    def rule_map(self) -> dict[str, Rule]:
        from pmpath.kinds.common import COMMON_RULES

        return {rule.id: rule for rule in (*COMMON_RULES, *self.rules)}

    def context(self, **fields: Any) -> Context:
        """A Context that knows this kind (its params' and thresholds' defaults), for
        calling one of its facts or checks on its own, outside :meth:`grade`."""
        ctx = Context(**fields)
        ctx._spec = self
        return ctx

    def grade(self, model: Any, ctx: Context) -> Outcome:
        """Run every rule on a validated model (what ``check`` does after the schema)."""
        return run_rules(self, model, ctx)


@dataclass
class Outcome:
    """What the kind's rules found, the rules skipped or broken, and the figures."""

    findings: list[Finding] = field(default_factory=list)
    figures: Figures | None = None
    skipped: list[Skipped] = field(default_factory=list)
    internal_errors: list[InternalError] = field(default_factory=list)

    @property
    def metrics(self) -> dict[str, Any]:
        return self.figures.to_json() if self.figures is not None else {}


def run_rules(spec: KindSpec, model: Any, ctx: Context) -> Outcome:
    """Run each rule's check once; facts are shared, blocked rules skipped, bugs contained."""
    ctx._spec, ctx._model = spec, model
    outcome = Outcome()
    for rule in spec.rules:
        try:
            because = _blocked(rule, ctx)
        except Exception as error:  # a fact with a bug: the rules that need it cannot run
            outcome.internal_errors.append(InternalError(rule.id, _describe(error)))
            continue
        if because is not None:
            outcome.skipped.append(Skipped(rule.id, because))
            continue
        try:
            spec.rules.checks[rule.id](model, ctx, Found(rule, outcome.findings))
        except Exception as error:  # a bug in one check must not stop the others
            outcome.internal_errors.append(InternalError(rule.id, _describe(error)))
    if spec.figures is not None:
        try:
            outcome.figures = spec.figures(model, ctx)
        except Blocked:
            outcome.figures = None
        except Exception as error:
            outcome.internal_errors.append(InternalError("figures", _describe(error)))
    return outcome


def _blocked(rule: Rule, ctx: Context) -> str | None:
    for need in rule.needs:
        try:
            ctx.fact(need)
        except Blocked as blocked:
            return blocked.because
    return None


def _describe(error: Exception) -> str:
    return f"{error.__class__.__name__}: {error}"


def path_of(*parts: str | int) -> str:
    """``("risks", 2, "score")`` -> ``"risks[2].score"``: the ``where`` of a finding."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def number(value: Any) -> float | None:
    """The value as a number, or None when it is text, empty or a placeholder."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def number_text(value: float) -> str:
    """4.0 -> '4', 2.5 -> '2.5': numbers as a learner wrote them."""
    return str(int(value)) if value == int(value) else f"{value:g}"

