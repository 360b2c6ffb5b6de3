"""The product backlog drawn as a ranked table: priority, id, type, points, title.

The "so far" column is the running total of points from the top, so a learner planning
a sprint of, say, 24 points sees where it ends. The "AC" column counts acceptance
criteria (✘ 0 on a story or bug that has none; – on a task or spike without any). A
priority shared with another item is marked ✘, and points off the scale (or a story
or bug without points) ⚠, so the table reads the same with NO_COLOR or on paper.
"""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from pmpath.kinds.base import number_text

PLURAL = {"story": "stories", "bug": "bugs", "task": "tasks", "spike": "spikes"}
LEGEND = ("so far: points from the top down to this item · AC: acceptance criteria · "
          "✘ priority shared or criteria missing · ⚠ points off the scale or missing")


def points_cell(item: Any) -> Text:
    if item.points is None:
        return Text("–" if not item.needs_criteria else "⚠ –",
                    style="dim" if not item.needs_criteria else "yellow")
    text = number_text(item.points)
    return Text(text) if item.on_scale else Text(f"⚠ {text}", style="yellow")


def criteria_cell(item: Any) -> Text:
    count = len(item.acceptance_criteria)
    if count:
        return Text(f"✔ {count}", style="green")
    if item.needs_criteria:
        return Text("✘ 0", style="bold red")
    return Text("–", style="dim")


def priority_cell(item: Any) -> Text:
    if item.shared_priority:
        return Text(f"✘ {item.priority}", style="bold red")
    return Text(str(item.priority))


def backlog_table(ranked: list[Any]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, expand=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("id", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("pts", justify="right", no_wrap=True)
    table.add_column("so far", justify="right", no_wrap=True)
    table.add_column("AC", no_wrap=True)
    table.add_column("title", ratio=1)
    for item in ranked:
        table.add_row(priority_cell(item), Text(item.id, style="bold"), item.type,
                      points_cell(item), number_text(item.running_total),
                      criteria_cell(item), item.title)
    return table


def total_line(figures: Any) -> Text:
    kinds = ", ".join(f"{count} {PLURAL[kind] if count != 1 else kind}"
                      for kind, count in figures.by_type.items())
    line = Text(f"Total: {number_text(figures.total_points)} points in {figures.items} "
                f"item{'s' if figures.items != 1 else ''}", style="bold")
    if kinds:
        line.append(f" ({kinds})")
    if figures.unestimated:
        line.append(f"; {figures.unestimated} not estimated yet", style="yellow")
    return line


def render(result: Any, console: Console) -> None:
    figures = result.figures
    if figures is None:
        return
    console.print(Text("Product backlog by priority (1 is done first)", style="bold"))
    console.print(backlog_table(figures.ranked))
    console.print(total_line(figures))
    console.print(Text(LEGEND, style="dim"))
