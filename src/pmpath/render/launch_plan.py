"""The launch-plan picture: finish against GA, a Gantt chart, and each resource's load.

The load chart has one row per resource and one cell per week (several weeks per cell
for long plans): the most tasks the resource runs at once on any day of that week.
A cell over the resource's capacity ends in ``!`` (and is red), so it reads the same
without colour; ``·`` is a week with nothing running.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from pmpath.render.gantt import print_gantt
from pmpath.render.gantt import gantt_rows

CELL = 3
LOAD_LABEL_WIDTH = 18


def load_lines(resource_load: dict[str, dict[str, Any]], width: int = 80) -> list[Any]:
    """The per-resource load by week as rich Text lines, at most ``width`` wide."""
    from rich.text import Text

    if not resource_load:
        return []
    weeks = max((len(load["weeks"]) for load in resource_load.values()), default=0)
    if weeks == 0:
        return []
    labels = {resource: f"{resource} (cap {load['capacity']})"
              for resource, load in resource_load.items()}
    label_width = min(LOAD_LABEL_WIDTH, max(len(label) for label in labels.values()))
    cells = max(1, (width - label_width - 1) // CELL)
    per_cell = math.ceil(weeks / cells)
    header = Text("week".ljust(label_width) + " ", style="bold")
    for group in range(0, weeks, per_cell):
        header.append(f"{group + 1:>{CELL - 1}} ", style="bold")
    lines = [header]
    for resource, load in resource_load.items():
        capacity = int(load["capacity"])
        peaks = list(load["weeks"].values())
        label = labels[resource]
        if len(label) > label_width:
            label = label[: label_width - 1] + "…"
        line = Text(label.ljust(label_width) + " ")
        for group in range(0, weeks, per_cell):
            peak = max(peaks[group:group + per_cell], default=0)
            if peak == 0:
                line.append(f"{'·':>{CELL - 1}} ", style="dim")
            elif peak > capacity:
                line.append(f"{peak:>{CELL - 1}}!", style="bold red")
            else:
                line.append(f"{peak:>{CELL - 1}} ", style="green")
        lines.append(line)
    span = "a week" if per_cell == 1 else f"{per_cell} weeks"
    legend = [f"each cell: most tasks running at once in {span}", "! over capacity  · none"]
    if len(legend[0]) + len(legend[1]) + 3 <= width:
        legend = [f"{legend[0]} · {legend[1]}"]
    lines += [Text(part, style="dim") for part in legend]
    return lines


def print_load(console: Any, resource_load: dict[str, dict[str, Any]]) -> None:
    from rich.text import Text

    lines = load_lines(resource_load, width=max(60, min(console.width, 100)))
    if not lines:
        return
    console.print(Text("Resource load by week (weeks counted from the start)", style="bold"))
    for line in lines:
        line.no_wrap = True
        line.overflow = "crop"
        console.print(line)


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def print_summary(metrics: dict[str, Any], console: Any) -> None:
    """Finish, slack to GA and the critical path (shared with `pmpath schedule`)."""
    from rich.table import Table
    from rich.text import Text

    ga_date = metrics.get("ga_date")
    slack = int(metrics["slack_to_ga_days"])
    figures = Table.grid(padding=(0, 2))
    figures.add_column(style="bold", no_wrap=True)
    figures.add_column()
    figures.add_row("finish", f"{metrics['finish']} ({metrics['duration_working_days']} "
                              "working days)")
    if slack >= 0:
        verdict = Text(f"{slack} working day{'s' if slack != 1 else ''} of slack before GA",
                       style="green")
    else:
        verdict = Text(f"LATE: {-slack} working day{'s' if slack != -1 else ''} after GA",
                       style="bold red")
    figures.add_row("GA", Text(f"{ga_date} · ") + verdict if ga_date else verdict)
    figures.add_row("critical path", " → ".join(metrics.get("critical_path", [])) or "—")
    console.print(Text("Launch schedule", style="bold"))
    console.print(figures)


def render(result: Any, console: Any) -> None:
    from rich.text import Text

    metrics = result.metrics
    if "finish" not in metrics:
        if metrics:
            console.print(Text("No schedule yet: fix the launch.dependencies findings above, "
                               "then check again.", style="dim"))
        return
    print_summary(metrics, console)
    console.print()
    ga_date = metrics.get("ga_date")
    print_gantt(console, gantt_rows(metrics.get("tasks", {}), metrics.get("milestones")),
                marker=_day(ga_date) if ga_date else None, marker_label="GA", max_rows=30)
    console.print()
    print_load(console, metrics.get("resource_load", {}))
