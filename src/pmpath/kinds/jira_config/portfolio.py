"""What the portfolio says of a passed Jira configuration."""

from __future__ import annotations

from pmpath.export.showcase import Showcase, plural, sentences
from pmpath.kinds.jira_config.figures import JiraFigures
from pmpath.kinds.jira_config.model import JiraConfig


def showcase(config: JiraConfig, figures: JiraFigures, body: str = "") -> Showcase:
    project = config.project
    problem = sentences(project.description, 2) or \
        f"Set up Jira so that the {project.name} team's work flows from idea to done."
    limits = sum(1 for column in config.board.columns if column.wip_limit is not None)
    produced = (f"a Jira {project.type} project ({project.key}) with "
                f"{plural(len(config.issue_types), 'issue type')}, "
                f"{plural(len(config.statuses), 'status', 'statuses')}, "
                f"{plural(len(config.workflows), 'workflow')} and a "
                f"{len(config.board.columns)}-column board"
                + (f" with {plural(limits, 'WIP limit')}" if limits else ""))
    highlights = []
    for graph in figures.workflows:
        path = " → ".join(status.name for status in graph.statuses)
        highlights.append(f"{graph.name} workflow ({', '.join(graph.issue_types)}): {path}, "
                          f"{plural(len(graph.transitions), 'transition')}")
    extras = []
    if config.fields:
        extras.append(plural(len(config.fields), "custom field"))
    if config.components:
        extras.append(plural(len(config.components), "component"))
    if config.roles:
        extras.append(plural(len(config.roles), "role") + " with permissions")
    if extras:
        highlights.append(", ".join(extras))
    return Showcase(title=f"{project.name} ({project.key})", problem=problem,
                    produced=produced, highlights=tuple(highlights))
