"""The project plan's schedule: PERT over exact expected times, placed on the calendar.

spec/artifacts.md, "project-plan", and DESIGN.md, "Calendars":

* per work item te = (o + 4m + p) / 6 and σ = (p − o) / 6, kept as exact Fractions;
* the critical path method over te (unrounded) gives the expected duration and the
  critical path; the variance is Σσ² along it (the largest where paths tie);
* T is the working days from start to deadline, both included, and the chance of
  meeting the deadline is Φ((T − expected) / √variance);
* an item with early start ES and early finish EF runs from working day ⌊ES⌋ + 1 to
  working day ⌈EF⌉, and the plan finishes on working day ⌈expected duration⌉.

The schedule is computed once per file, as the ``schedule`` fact the deadline and
confidence rules share; ``pmpath schedule`` calls :func:`schedule` directly.
"""

from __future__ import annotations

from typing import Any

from pmpath.analysis.schedule import (
    exact_pert_analysis,
    fractional_dated_schedule,
    probability_of_finishing,
)
from pmpath.kinds.base import Blocked, Context, number_text
from pmpath.kinds.network import dependency_problems, first_problem, loop_text
from pmpath.kinds.project_plan.figures import (
    ProjectFigures,
    available_days,
    plan_calendar,
)
from pmpath.kinds.project_plan.model import ProjectPlan


def estimate_problems(optimistic: float, likely: float, pessimistic: float) -> list[str]:
    """Plain-English reasons a three-point estimate is unusable; empty when it is fine."""
    problems = []
    if optimistic < 0:
        problems.append(f"optimistic {number_text(optimistic)} is below 0")
    if optimistic > likely:
        problems.append(f"optimistic {number_text(optimistic)} is more than likely "
                        f"{number_text(likely)}")
    if likely > pessimistic:
        problems.append(f"likely {number_text(likely)} is more than pessimistic "
                        f"{number_text(pessimistic)}")
    return problems


def unschedulable_because(plan: ProjectPlan) -> str | None:
    """Why the plan cannot be scheduled, naming the rule that explains it; None if it can."""
    ids = [item.id for item in plan.work]
    problems = dependency_problems(ids, [item.depends_on for item in plan.work])
    if problems.cycle and len(problems.cycle) > 2:
        # Short, because the plan.dependencies finding already says it in full.
        return f"the dependencies have a cycle: {loop_text(problems.cycle)}; see " \
               "plan.dependencies"
    if problems:
        return f"{first_problem(problems, ids, 'work item')}; see plan.dependencies"
    for item in plan.work:
        estimate = item.estimate
        wrong = estimate_problems(estimate.optimistic, estimate.likely, estimate.pessimistic)
        if wrong:
            return (f"work item {item.id} has estimates out of order ({'; '.join(wrong)}); "
                    "see plan.estimates")
    return None


def schedule(plan: ProjectPlan) -> ProjectFigures:
    """The plan's schedule and odds; raises Blocked with a plain reason when there is none."""
    because = unschedulable_because(plan)
    if because is not None:
        raise Blocked(because)
    pert = exact_pert_analysis([
        (item.id, item.estimate.optimistic, item.estimate.likely, item.estimate.pessimistic,
         item.depends_on) for item in plan.work])
    calendar = plan_calendar(plan)
    dated = fractional_dated_schedule(pert.schedule, plan.start, calendar)
    total = available_days(plan, calendar)
    tasks: dict[str, dict[str, Any]] = {
        item_id: {"start": item.start, "finish": item.finish,
                  "total_float": float(item.total_float)}
        for item_id, item in dated.activities.items()}
    return ProjectFigures(
        expected_duration_days=float(pert.expected_duration),
        std_dev_days=pert.std_dev,
        critical_path=list(pert.critical_path),
        deadline_probability=probability_of_finishing(
            float(pert.expected_duration), float(pert.variance), total),
        finish=dated.finish,
        tasks=tasks,
        working_days_available=total,
        deadline=plan.deadline,
        expected_exact=pert.expected_duration,
        variance_exact=pert.variance,
        names={item.id: item.name for item in plan.work},
        milestones=tuple((milestone.name, milestone.date) for milestone in plan.milestones),
    )


def schedule_fact(plan: ProjectPlan, ctx: Context) -> ProjectFigures:
    """The ``schedule`` fact: computed once per file, shared by the rules that need it."""
    return schedule(plan)
