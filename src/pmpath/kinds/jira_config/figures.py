"""The Jira configuration's figures: each workflow as a graph, and the board's columns."""

from __future__ import annotations

from dataclasses import dataclass

from pmpath.kinds.base import Context, Figures
from pmpath.kinds.jira_config.model import JiraConfig
from pmpath.kinds.jira_config.rules import StatusNames, category_of, is_global


@dataclass(frozen=True)
class StatusNode:
    name: str
    category: str | None
    """todo, in_progress or done (None when the status is not defined)."""


@dataclass(frozen=True)
class Move:
    """One transition as drawn: ``from`` is a list of statuses, or ["*"] for any status."""

    name: str
    sources: list[str]
    to: str

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "from": list(self.sources), "to": self.to}


@dataclass(frozen=True)
class WorkflowGraph:
    name: str
    issue_types: list[str]
    initial: str
    statuses: list[StatusNode]
    """The workflow's defined statuses: to do first, then in progress, then done."""
    transitions: list[Move]
    unreachable: list[str]
    """Statuses no chain of transitions leads to from the initial status."""
    unfinishable: list[str]
    """Statuses from which no done status can be reached."""


@dataclass(frozen=True)
class BoardColumn:
    name: str
    statuses: list[StatusNode]
    wip_limit: float | None


@dataclass(frozen=True)
class JiraFigures(Figures):
    project_key: str
    workflows: list[WorkflowGraph]
    board: list[BoardColumn]


CATEGORY_ORDER = {"todo": 0, "in_progress": 1, "done": 2}


def figures(doc: JiraConfig, ctx: Context) -> JiraFigures:
    categories = category_of(doc)
    graphs = []
    for workflow, shape in zip(doc.workflows, ctx.fact("shapes"), strict=True):
        # Stable sort: within a category, the order of the top-level statuses list.
        ordered = sorted(shape.statuses, key=lambda name: CATEGORY_ORDER[categories[name]])
        moves = [Move(name=transition.name,
                      sources=["*"] if any(is_global(source) for source in transition.sources)
                      else list(transition.sources),
                      to=transition.to)
                 for transition in workflow.transitions]
        graphs.append(WorkflowGraph(
            name=workflow.name, issue_types=list(workflow.issue_types), initial=workflow.initial,
            statuses=[StatusNode(name, categories[name]) for name in ordered],
            transitions=moves, unreachable=list(shape.unreachable),
            unfinishable=list(shape.unfinishable)))
    names = StatusNames(doc)
    board = [BoardColumn(name=column.name,
                         statuses=[StatusNode(name, categories.get(names.resolve(name) or ""))
                                   for name in column.statuses],
                         wip_limit=(int(column.wip_limit) if column.wip_limit is not None
                                    and column.wip_limit == int(column.wip_limit)
                                    else column.wip_limit))
             for column in doc.board.columns]
    return JiraFigures(project_key=doc.project.key, workflows=graphs, board=board)
