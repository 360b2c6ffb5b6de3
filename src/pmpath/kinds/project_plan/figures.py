"""The project plan's figures: the PERT schedule, the working days available and the odds.

``check --json`` and ``pmpath schedule --json`` both print ``to_json()``, so the two
always agree. A plan that cannot be scheduled (a dependency cycle, estimates out of
order) still has its deadline and the working days available; the schedule figures are
then left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from pmpath.kinds.base import Blocked, Context, Figures
from pmpath.kinds.calendar import work_calendar

if TYPE_CHECKING:
    from pmpath.analysis.calendar import WorkCalendar
    from pmpath.kinds.project_plan.model import ProjectPlan


@dataclass(frozen=True)
class ProjectFigures(Figures):
    expected_duration_days: float | None
    """The critical path's length in working days, over unrounded PERT expected times."""
    std_dev_days: float | None
    """The square root of the variance summed along the critical path."""
    critical_path: list[str] | None
    deadline_probability: float | None
    """Φ((T − expected) / σ): the chance of finishing within the working days available."""
    finish: date | None
    """Working day ⌈expected duration⌉, counting the plan's first working day as 1."""
    tasks: dict[str, dict[str, Any]] | None
    """Per work item: start and finish dates (inclusive) and total float in working days."""
    working_days_available: int
    """T: the working days from start to deadline, both included."""
    deadline: date
    expected_exact: Fraction | None = None
    variance_exact: Fraction | None = None
    names: dict[str, str] | None = None
    milestones: tuple[tuple[str, date], ...] = ()
    unscheduled_because: str | None = None
    """Why there is no schedule (the reason the schedule fact is blocked)."""

    _internal = ("expected_exact", "variance_exact", "names", "milestones",
                 "unscheduled_because")
    _aliases = {"deadline_working_days": "working_days_available"}

    @property
    def scheduled(self) -> bool:
        return self.expected_exact is not None

    def to_json(self) -> dict[str, Any]:
        # An unscheduled plan reports what it has, not a row of nulls.
        return {name: value for name, value in super().to_json().items() if value is not None}


def plan_calendar(plan: ProjectPlan) -> WorkCalendar:
    """Weekdays minus the plan's holidays and, with a country, its public holidays."""
    return work_calendar(plan.holidays, plan.country, plan.start,
                         max(plan.start, plan.deadline))


def available_days(plan: ProjectPlan, calendar: WorkCalendar) -> int:
    """T of the PERT formula: working days from start to deadline, both included."""
    return calendar.working_days_between(plan.start, plan.deadline)


def unscheduled(plan: ProjectPlan, because: str) -> ProjectFigures:
    """The figures of a plan that cannot be scheduled: the deadline and T only."""
    return ProjectFigures(
        expected_duration_days=None, std_dev_days=None, critical_path=None,
        deadline_probability=None, finish=None, tasks=None,
        working_days_available=available_days(plan, plan_calendar(plan)),
        deadline=plan.deadline, unscheduled_because=because)


def figures(plan: ProjectPlan, ctx: Context) -> ProjectFigures:
    try:
        return ctx.fact("schedule")
    except Blocked as blocked:
        return unscheduled(plan, blocked.because)


# -- how the figures are said, on screen and in findings ---------------------------------

CONFIDENCE_TARGET = 0.8
"""plan.confidence wants at least this chance of meeting the deadline."""
COIN_FLIP = 0.5


def chance_text(probability: float, spread: float = 0.0) -> str:
    """A chance as a percentage that never contradicts a verdict.

    Rounding must not carry a chance across the 80% target or the 50% line (79.96% is
    not "80%"), and only a certainty is "100%" or "0%": with any spread in the estimates
    (``spread``, the standard deviation) a chance the arithmetic rounds to 1 is still
    "over 99%".
    """
    if probability >= 1 and not spread > 0:
        return "100%"
    if probability <= 0 and not spread > 0:
        return "0%"
    if probability > 0.995:
        return "over 99%"
    if probability < 0.005:
        return "under 1%"
    percent = probability * 100
    whole = round(percent)
    for line in (COIN_FLIP * 100, CONFIDENCE_TARGET * 100):
        if percent < line <= whole:
            return f"{int(percent * 10) / 10:.1f}%"
    return f"{whole}%"


def days_text(days: float, beside: float | None = None) -> str:
    """Working days to one decimal, or more when one decimal would read as ``beside``
    (93.04 days next to 93 available is "93.04", not "93.0")."""
    text = f"{days:.1f}"
    for places in (2, 3):
        if beside is None or days == beside or float(text) != beside:
            break
        text = f"{days:.{places}f}"
    return text
