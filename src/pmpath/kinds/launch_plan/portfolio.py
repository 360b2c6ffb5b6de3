"""What the portfolio says of a passed launch plan."""

from __future__ import annotations

from pmpath.export.showcase import Showcase, listing, plural
from pmpath.kinds.launch_plan.figures import LaunchFigures
from pmpath.kinds.launch_plan.model import LaunchPlan


def showcase(plan: LaunchPlan, figures: LaunchFigures, body: str = "") -> Showcase:
    phases = [phase.name or phase.id for phase in plan.phases]
    problem = (f"Take {plan.product} from its first beta on {plan.start.isoformat()} to "
               f"general availability on {plan.ga_date.isoformat()}, through "
               f"{plural(len(phases), 'phase')}: {listing(phases, 4)}.")
    produced = (f"a {len(plan.tasks)}-task launch plan across {plural(len(phases), 'phase')}, "
                f"with exit criteria for each phase, "
                f"{plural(len(plan.resources), 'team')} kept within capacity"
                + (", a go/no-go decision" if plan.go_no_go is not None else "")
                + (" and a staged rollout" if plan.rollout else ""))
    names = {task.id: task.name for task in plan.tasks}
    slack = figures.slack_to_ga_days
    highlights = [
        "Critical path: " + " → ".join(names.get(task, task) for task in figures.critical_path)
        + f" ({figures.duration_working_days} working days)",
        f"Finishes {figures.finish.isoformat()}: "
        + (f"{plural(slack, 'working day')} of buffer before GA" if slack >= 0
           else f"{plural(-slack, 'working day')} after GA")]
    if plan.go_no_go is not None and plan.go_no_go.date is not None:
        who = f" by {plan.go_no_go.approver}" if plan.go_no_go.approver else ""
        highlights.append(f"Go/no-go on {plan.go_no_go.date.isoformat()}{who}, against "
                          f"{plural(len(plan.go_no_go.criteria), 'criterion', 'criteria')}")
    if plan.rollout:
        highlights.append("Rollout: " + " → ".join(
            f"{step.percent:g}% on {step.date.isoformat()}" for step in plan.rollout))
    return Showcase(title=plan.product, problem=problem, produced=produced,
                    highlights=tuple(highlights))
