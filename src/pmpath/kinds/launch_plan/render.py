"""The launch-plan pictures: finish against GA, a Gantt chart, and each resource's load.

``render`` is what ``pmpath check`` draws under the findings; ``show_schedule`` is the
``pmpath schedule`` screen, which adds the task table and task names. Both read the
same figures.

The load chart has one row per resource and one cell per week (several weeks per cell
for long plans): the most tasks the resource runs at once on any day of that week.
A cell over the resource's capacity ends in ``!`` (and is red), so it reads the same
without colour; ``·`` is a week with nothing running.
"""

from __future__ import annotations

import math
from datetime import date
from typing import TYPE_CHECKING, Any

from rich.text import Text

from pmpath.kinds.base import number_text
from pmpath.kinds.launch_plan.schedule import path_text
from pmpath.render.gantt import GanttRow, gantt_rows, print_gantt
from pmpath.render.schedule_table import print_task_table

if TYPE_CHECKING:
    from rich.console import Console

    from pmpath.kinds.launch_plan.figures import LaunchFigures, ResourceLoad
    from pmpath.kinds.launch_plan.model import LaunchPlan

CELL = 3
LOAD_LABEL_WIDTH = 18
MAX_ROLLOUT_SHOWN = 6
CHECK_GANTT_ROWS = 30
"""Under the findings of `pmpath check` the chart stays short; `pmpath schedule` shows more."""


def load_lines(resource_load: dict[str, ResourceLoad], width: int = 80) -> list[Text]:
    """The per-resource load by week as rich Text lines, at most ``width`` wide."""
    if not resource_load:
        return []
    weeks = max((len(load.weeks) for load in resource_load.values()), default=0)
    if weeks == 0:
        return []
    labels = {resource: f"{resource} (cap {load.capacity})"
              for resource, load in resource_load.items()}
    label_width = min(LOAD_LABEL_WIDTH, max(len(label) for label in labels.values()))
    cells = max(1, (width - label_width - 1) // CELL)
    per_cell = math.ceil(weeks / cells)
    header = Text("week".ljust(label_width) + " ", style="bold")
    for group in range(0, weeks, per_cell):
        header.append(f"{group + 1:>{CELL - 1}} ", style="bold")
    lines = [header]
    for resource, load in resource_load.items():
        peaks = list(load.weeks.values())
        label = labels[resource]
        if len(label) > label_width:
            label = label[: label_width - 1] + "…"
        line = Text(label.ljust(label_width) + " ")
        for group in range(0, weeks, per_cell):
            peak = max(peaks[group:group + per_cell], default=0)
            if peak == 0:
                line.append(f"{'·':>{CELL - 1}} ", style="dim")
            elif peak > load.capacity:
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


def print_load(console: Console, resource_load: dict[str, ResourceLoad]) -> None:
    lines = load_lines(resource_load, width=max(60, min(console.width, 100)))
    if not lines:
        return
    console.print(Text("Resource load by week (weeks counted from the start)", style="bold"))
    for line in lines:
        line.no_wrap = True
        line.overflow = "crop"
        console.print(line)


def print_summary(figures: LaunchFigures, console: Console) -> None:
    """Finish, slack to GA, the critical path, and the dates the launch rules compare."""
    from rich.table import Table

    slack = figures.slack_to_ga_days
    summary = Table.grid(padding=(0, 2))
    summary.add_column(style="bold", no_wrap=True)
    summary.add_column()
    summary.add_row("finish", f"{figures.finish} ({figures.duration_working_days} working days)")
    if slack >= 0:
        verdict = Text(f"{slack} working day{'s' if slack != 1 else ''} of slack before GA",
                       style="green")
    else:
        verdict = Text(f"LATE: {-slack} working day{'s' if slack != -1 else ''} after GA",
                       style="bold red")
    summary.add_row("GA", Text(f"{figures.ga_date} · ") + verdict)
    summary.add_row("critical path",
                    path_text(figures.critical_path, figures.critical_path_is_chain) or "—")
    opening = figures.second_phase_opens
    if opening is not None:
        summary.add_row("second phase",
                        f"{opening.phase} starts {opening.day} ({opening.task}); no rollout "
                        "before it")
    if figures.go_no_go_date is not None:
        summary.add_row("go/no-go", str(figures.go_no_go_date))
    if figures.rollout:
        summary.add_row("rollout", rollout_text(figures.rollout))
    console.print(Text("Launch schedule", style="bold"))
    console.print(summary)


def rollout_text(steps: list[tuple[date, float]]) -> str:
    """'5% 2027-03-18 → 25% 2027-03-22 → …', the first few steps of a long rollout."""
    shown = [f"{number_text(percent)}% {day}" for day, percent in steps[:MAX_ROLLOUT_SHOWN]]
    more = len(steps) - MAX_ROLLOUT_SHOWN
    return " → ".join(shown) + (f" … ({len(steps)} steps)" if more > 0 else "")


def task_metrics(figures: LaunchFigures) -> dict[str, dict[str, Any]]:
    """Each task's dates and float in the shape the shared table and chart read."""
    return {task_id: {"start": task.start, "finish": task.finish,
                      "total_float": task.total_float}
            for task_id, task in figures.tasks.items()}


def chart_rows(figures: LaunchFigures, names: dict[str, str] | None = None) -> list[GanttRow]:
    """The Gantt rows in start order, with the go/no-go as a milestone of its own."""
    rows = gantt_rows(task_metrics(figures), figures.milestones, names=names)
    if figures.go_no_go_date is not None:
        rows.append(GanttRow(label="◆ go/no-go", start=figures.go_no_go_date,
                             finish=figures.go_no_go_date, milestone=True))
        rows.sort(key=lambda row: row.start)
    return rows


def render(result: Any, console: Console) -> None:
    """What `pmpath check` draws: the summary, the Gantt chart and the load by week."""
    figures: LaunchFigures | None = result.figures
    if figures is None:
        return
    print_summary(figures, console)
    console.print()
    print_gantt(console, chart_rows(figures), marker=figures.ga_date, marker_label="GA",
                max_rows=CHECK_GANTT_ROWS)
    console.print()
    print_load(console, figures.resource_load)


def show_schedule(plan: LaunchPlan, figures: LaunchFigures, console: Console) -> None:
    """The `pmpath schedule` screen: summary, task table, Gantt chart, resource load."""
    names = {task.id: task.name for task in plan.tasks}
    print_summary(figures, console)
    console.print()
    tasks = task_metrics(figures)
    print_task_table(console, f"{plan.product} · tasks (float in working days)",
                     [(task_id, names[task_id], task) for task_id, task in tasks.items()])
    console.print()
    print_gantt(console, chart_rows(figures, names), marker=figures.ga_date,
                marker_label="GA")
    console.print()
    print_load(console, figures.resource_load)
