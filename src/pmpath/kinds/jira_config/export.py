"""The Jira configuration for a wiki: each workflow as a state diagram.

A new issue enters at the workflow's initial status; each transition is an arrow named
after its button; done-category statuses lead out of the diagram. A global transition
(``from: "*"``) is drawn from every other status of its workflow, as Jira offers it.
"""

from __future__ import annotations

from pmpath.export.shapes import StateDiagram
from pmpath.kinds.base import Blocked
from pmpath.kinds.jira_config.figures import JiraFigures
from pmpath.kinds.jira_config.model import JiraConfig
from pmpath.kinds.jira_config.rules import StatusNames, is_global


def workflows(doc: JiraConfig, figures: JiraFigures | None) -> tuple[StateDiagram, ...]:
    if figures is None:
        raise Blocked("the workflows cannot be read yet (`pmpath check` says why)")
    names = StatusNames(doc)
    diagrams = []
    for graph in figures.workflows:
        statuses = [status.name for status in graph.statuses]

        def resolve(name: str, _statuses: list[str] = statuses) -> str:
            resolved = names.resolve(name) or name
            if resolved not in _statuses:
                _statuses.append(resolved)
            return resolved

        initial = resolve(graph.initial)
        transitions = []
        for move in graph.transitions:
            target = resolve(move.to)
            sources = ([status for status in list(statuses) if status != target]
                       if any(is_global(source) for source in move.sources)
                       else [resolve(source) for source in move.sources])
            transitions.extend((source, target, move.name) for source in sources)
        done = tuple(status.name for status in graph.statuses if status.category == "done")
        types = ", ".join(graph.issue_types)
        diagrams.append(StateDiagram(
            title=f"{graph.name} ({types})" if types and types != graph.name else graph.name,
            initial=initial,
            states=tuple(statuses), transitions=tuple(dict.fromkeys(transitions)),
            final=done))
    return tuple(diagrams)
