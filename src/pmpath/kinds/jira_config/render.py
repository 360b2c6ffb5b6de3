"""The Jira configuration drawn: each workflow as its statuses and transitions, then the board.

Statuses carry a category letter — [T] to do, [P] in progress, [D] done — and a
status that cannot be reached from the start, or cannot reach done, is marked with
✘ and words, so the picture reads the same with NO_COLOR or on paper. The board is
drawn as its columns side by side, left to right, each with its WIP limit.
"""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from pmpath.kinds.base import number_text
from pmpath.kinds.common import PLACEHOLDER

LETTERS = {"todo": ("T", "blue"), "in_progress": ("P", "yellow"), "done": ("D", "green")}
LEGEND = "[T] to do · [P] in progress · [D] done · ✘ see findings · WIP: card limit"
ANY = "any status"


def status_text(node: Any) -> Text:
    letter, style = LETTERS.get(node.category or "", ("?", "red"))
    text = Text()
    text.append(f"[{letter}] ", style=style)
    text.append(node.name)
    return text


def transition_lines(graph: Any) -> list[Text]:
    lines = []
    for move in graph.transitions:
        sources = ANY if move.sources == ["*"] else ", ".join(move.sources)
        line = Text()
        line.append(sources)
        line.append(f" ─{move.name}→ ", style="bold")
        line.append(move.to)
        lines.append(line)
    return lines


def indented(renderable: Any) -> Padding:
    return Padding(renderable, (0, 0, 0, 2), expand=False)


def workflow_block(graph: Any) -> Group:
    types = ", ".join(graph.issue_types) or "no issue type"
    title = Text()
    title.append(f"Workflow '{graph.name}'", style="bold")
    title.append(f" for {types}, starting at {graph.initial}")
    statuses = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
    statuses.add_column(no_wrap=True)
    statuses.add_column(style="red")
    for node in graph.statuses:
        marks = []
        if node.name == graph.initial:
            marks.append(("start", ""))
        if node.name in graph.unreachable:
            marks.append((f"✘ cannot be reached from {graph.initial}", "red"))
        if node.name in graph.unfinishable:
            marks.append(("✘ cannot reach done", "red"))
        note = Text()
        for position, (words, style) in enumerate(marks):
            note.append(("; " if position else "") + words, style=style or "dim")
        statuses.add_row(status_text(node), note)
    parts: list[Any] = [title, Text("Statuses", style="underline"), indented(statuses),
                        Text("Transitions", style="underline")]
    parts.extend(indented(line) for line in transition_lines(graph))
    if graph.unreachable:
        parts.append(Text(f"✘ cannot be reached from {graph.initial}: "
                          f"{', '.join(graph.unreachable)}", style="red"))
    if graph.unfinishable:
        parts.append(Text(f"✘ cannot reach done: {', '.join(graph.unfinishable)}", style="red"))
    if not graph.unreachable and not graph.unfinishable:
        parts.append(Text(f"✔ every status can be reached from {graph.initial} and can reach "
                          "done", style="green"))
    return Group(*parts)


def board_table(columns: list[Any]) -> Table:
    table = Table(box=box.SQUARE, show_lines=True, title="Board, left to right",
                  title_justify="left", title_style="bold")
    cells = []
    for column in columns:
        limit = ("no WIP limit" if column.wip_limit is None else
                 f"WIP {number_text(column.wip_limit)}")
        table.add_column(Text.assemble((column.name, "bold"), "\n", (limit, "dim")),
                         overflow="fold", vertical="top")
        cell = Text("\n").join(status_text(node) for node in column.statuses) \
            if column.statuses else Text("(empty)", style="dim")
        cells.append(cell)
    table.add_row(*cells)
    return table


def render(result: Any, console: Console) -> None:
    figures = result.figures
    if figures is None:
        return
    key = figures.project_key
    shown = "(key not chosen yet)" if PLACEHOLDER.search(key) else key
    console.print(Text(f"Jira project {shown}", style="bold"))
    for graph in figures.workflows:
        console.print(workflow_block(graph))
        console.print()
    console.print(board_table(figures.board))
    console.print(Text(LEGEND, style="dim"))
