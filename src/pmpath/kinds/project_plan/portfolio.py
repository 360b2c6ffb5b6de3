"""What the portfolio says of a passed project plan."""

from __future__ import annotations

from pmpath.export.showcase import Showcase, listing, plural, sentences
from pmpath.kinds.project_plan.figures import ProjectFigures, chance_text, days_text
from pmpath.kinds.project_plan.model import ProjectPlan


def showcase(plan: ProjectPlan, figures: ProjectFigures, body: str = "") -> Showcase:
    produced = (f"a project plan of {plural(len(plan.work), 'work item')} delivering "
                f"{plural(len(plan.deliverables), 'deliverable')}, from kickoff on "
                f"{plan.start.isoformat()} to the deadline on {plan.deadline.isoformat()}, "
                "each item estimated optimistic, likely and pessimistic")
    highlights = []
    if figures.scheduled and figures.expected_duration_days is not None:
        names = figures.names or {}
        path = " → ".join(names.get(item, item) for item in figures.critical_path or [])
        highlights.append(
            f"Critical path: {path} ({days_text(figures.expected_duration_days)} working days "
            f"expected of the {figures.working_days_available} available)")
        if figures.deadline_probability is not None:
            highlights.append(
                f"{chance_text(figures.deadline_probability, figures.std_dev_days or 0.0)} "
                "chance of meeting the deadline (PERT)")
        if figures.finish is not None:
            highlights.append(f"Expected finish {figures.finish.isoformat()}, against a "
                              f"deadline of {plan.deadline.isoformat()}")
    if plan.milestones:
        highlights.append(f"{plural(len(plan.milestones), 'milestone')}: "
                          + listing([milestone.name for milestone in plan.milestones], 4))
    return Showcase(title=plan.name, problem=sentences(plan.objective, 3),
                    produced=produced, highlights=tuple(highlights))
