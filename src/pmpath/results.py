"""The records ``pmpath.api`` returns beyond ``check``: a loaded file, a schedule, rule
documentation, a forecast, a model answer, a dashboard, an export, a portfolio and a
cohort.

They live apart from ``pmpath.api`` so that the commands a learner runs most (``check``,
``next``) do not pay for creating classes they never use; ``pmpath.api`` still offers
every one of them by name (``api.Cohort``, ``from pmpath.api import Portfolio``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pmpath.core.grading import ArtifactResult
    from pmpath.kinds.base import Figures, Finding, Rule


@dataclass
class Loaded:
    """A file read and validated: its kind, the model (None when invalid) and problems."""

    path: Path
    kind: str | None
    artifact: Any
    problems: list[Finding]

    @property
    def ok(self) -> bool:
        return self.artifact is not None


@dataclass
class Scheduled:
    """A plan's schedule: the validated plan and its figures (the ones ``check`` reports)."""

    path: Path
    kind: str
    plan: Any
    figures: Figures

    def to_json(self) -> dict[str, Any]:
        return {"version": 1, "kind": self.kind, **self.figures.to_json()}


@dataclass(frozen=True)
class RuleInfo:
    rule: Rule
    kind: str | None
    """None for the common rules every kind gets."""
    weight: float
    thresholds: dict[str, Any] = field(default_factory=dict)
    """The numbers this curriculum's rubric gives the rule (focus ranges, the point
    scale…); the rule's title and prose quote the defaults."""

    def to_json(self, *, examples: bool = False) -> dict[str, Any]:
        rule = self.rule
        document = {"id": rule.id, "kind": self.kind or "common", "severity": rule.severity,
                    "weight": self.weight, "title": rule.title, "rationale": rule.rationale,
                    "hint": rule.hint}
        if examples:
            document.update(passes=rule.passes, fails=rule.fails,
                            thresholds=self.thresholds)
        return document


@dataclass
class ForecastReport:
    """A Monte Carlo forecast: periods (and dates) by percentile, and the histogram."""

    throughput: list[int]
    items: int
    trials: int
    seed: int | None
    periods: dict[str, int]
    histogram: dict[int, int]
    period_days: int
    start: date | None = None
    dates: dict[str, date] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "version": 1, "periods": self.periods, "trials": self.trials,
            "items": self.items, "throughput": self.throughput,
            "histogram": {str(key): count for key, count in self.histogram.items()}}
        if self.dates:
            document["dates"] = {name: day.isoformat() for name, day in self.dates.items()}
            document["start"] = self.start.isoformat() if self.start else None
            document["period_days"] = self.period_days
        return document


@dataclass
class Example:
    """A kind's model answer and the date it is graded as of."""

    kind: str
    path: Path
    text: str
    as_of: date


@dataclass
class Dashboard:
    """A metrics dashboard read from a file: its KPI figures, graded as of a date."""

    path: Path
    kind: str
    result: ArtifactResult
    """The file graded as ``check`` grades it: ``figures`` feed the tiles and ``findings``
    say whether the file still has problems worth a ``pmpath check``."""

    @property
    def figures(self) -> Figures:
        return self.result.figures  # type: ignore[return-value] - set, or dashboard() raised

    def to_json(self) -> dict[str, Any]:
        return {"version": 1, "kind": self.kind, **self.figures.to_json()}


@dataclass
class Exported:
    """An artifact (or the whole workspace) in another tool's format."""

    format: str
    text: str
    suggested_name: str
    """A file name for it, e.g. ``sprint.ics``."""


@dataclass
class PortfolioProject:
    """One passed artifact, as a project of the portfolio."""

    path: str
    kind: str
    label: str
    """What the artifact is: 'launch plan'."""
    skill: str | None
    """The path skill it belongs to: 'Skill 3 · Planning & Scheduling'."""
    showcase: Any
    """A ``pmpath.export.showcase.Showcase``: title, problem, what was produced, key
    figures."""
    result: ArtifactResult = field(repr=False)
    model: Any = field(default=None, repr=False)

    def picture(self) -> str | None:
        """The artifact's picture as inline SVG (its kind's ``svg``), or None."""
        from pmpath.export.pictures import picture_for

        return picture_for(self.result, self.model)


@dataclass
class Portfolio:
    """The learner's passed work, laid out for a hiring manager."""

    learner: str
    title: str
    """The path's title: 'Technical Project Manager'."""
    as_of: date
    projects: list[PortfolioProject]
    stories: list[Any]
    """STAR interview stories (``pmpath.export.showcase.Story``) from passed artifacts, each
    with the title of the skill it shows (when tagged with one of the path's)."""
    not_passed: list[str]
    """Titles of the path's exercises with no passed artifact yet (left out)."""

    def markdown(self) -> str:
        from pmpath.export.portfolio import markdown

        return markdown(self)

    def html(self) -> str:
        from pmpath.export.portfolio import html

        return html(self)


@dataclass
class LearnerRow:
    """One learner's workspace as an instructor sees it, graded now."""

    folder: str
    """The workspace folder, as given or found."""
    name: str | None = None
    skill_number: int | None = None
    """The skill the learner has reached (the first neither passed nor skipped); None when
    the path is complete or the workspace could not be read."""
    skill_title: str | None = None
    complete: bool = False
    weeks_elapsed: float | None = None
    planned_weeks: float | None = None
    """Planned weeks up to the end of the skill reached, at the learner's hours."""
    verdict: str | None = None
    """'on plan', '2 week(s) behind plan' …"""
    passed: int = 0
    total: int = 0
    scores: dict[str, int | None] = field(default_factory=dict)
    """Exercise id -> the score of its artifact graded now (None: no artifact yet); a
    passed artifact counts over a failing one, then the higher score."""
    passing: dict[str, bool] = field(default_factory=dict)
    problem: str | None = None
    """Why the workspace could not be graded; the other fields are then empty."""

    def to_json(self) -> dict[str, Any]:
        if self.problem is not None:
            return {"folder": self.folder, "name": self.name, "problem": self.problem}
        return {"folder": self.folder, "name": self.name,
                "skill": ({"number": self.skill_number, "title": self.skill_title}
                          if self.skill_number is not None else None),
                "complete": self.complete,
                "weeks_elapsed": round(self.weeks_elapsed or 0.0, 1),
                "planned_weeks": self.planned_weeks, "verdict": self.verdict,
                "passed": self.passed, "total": self.total,
                "exercises": {exercise: {"score": score, "passed": self.passing.get(exercise,
                                                                                    False)}
                              for exercise, score in self.scores.items()}}


@dataclass
class Cohort:
    """Every learner's row, and the exercises the columns stand for."""

    as_of: date
    exercises: list[tuple[str, str]]
    """(id, title) of every exercise in any learner's curriculum, in path order."""
    learners: list[LearnerRow]
    skill_numbers: dict[str, int | None] = field(default_factory=dict)
    """Exercise id -> the number of its skill (None outside the skills: the career part)."""

    def to_json(self) -> dict[str, Any]:
        """The ``pmpath cohort --json`` document."""
        return {"version": 1, "as_of": self.as_of.isoformat(),
                "exercises": [{"id": exercise, "title": title,
                               "skill": self.skill_numbers.get(exercise)}
                              for exercise, title in self.exercises],
                "learners": [row.to_json() for row in self.learners]}

    def column_names(self) -> list[str]:
        """Short column headers for the exercises: 1a, 1b, 2, … C1."""
        from pmpath.export.cohort import column_names

        return column_names(self.exercises, self.skill_numbers)

    def html(self) -> str:
        from pmpath.export.cohort import html

        return html(self, self.skill_numbers)
