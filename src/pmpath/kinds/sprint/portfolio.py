"""What the portfolio says of a passed sprint."""

from __future__ import annotations

from statistics import mean

from pmpath.export.showcase import Showcase, percent, plural, sentences
from pmpath.kinds.sprint.figures import SprintFigures
from pmpath.kinds.sprint.model import Sprint


def _points(value: float) -> str:
    return f"{value:g}"


def showcase(sprint: Sprint, figures: SprintFigures, body: str = "") -> Showcase:
    last = figures.burndown[-1].date if figures.burndown else None
    title = f"Sprint of {sprint.start.isoformat()}" + (f" to {last.isoformat()}" if last else "")
    problem = sentences(sprint.sprint_goal, 2)
    if sprint.product_goal:
        problem += f" Toward the product goal: {sentences(sprint.product_goal, 1)}"
    team = f" for a team of {len(sprint.team)}" if sprint.team else ""
    produced = (f"a {sprint.length_days}-working-day Scrum sprint{team}: "
                f"{plural(len(sprint.backlog), 'backlog item')}, "
                f"{_points(figures.committed_points)} points planned"
                + (f" against a velocity of {mean(sprint.velocity_history):.1f}"
                   if sprint.velocity_history else "")
                + ", a daily burndown, a review and a retrospective")
    highlights = []
    if figures.say_do_ratio is not None:
        highlights.append(f"Say/do ratio {percent(figures.say_do_ratio)}: planned work "
                          "delivered against planned work committed")
    highlights.append(f"{_points(figures.completed_points)} points completed; scope changed by "
                      f"+{_points(figures.added_points)} and −{_points(figures.removed_points)} "
                      "points during the sprint, each change recorded on its day")
    if sprint.retro.actions:
        highlights.append(f"{plural(len(sprint.retro.actions), 'retrospective action')}, each "
                          "with an owner")
    return Showcase(title=title, problem=problem.strip(), produced=produced,
                    highlights=tuple(highlights))
