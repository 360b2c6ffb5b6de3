"""The project plan's pictures: the PERT figures, the odds of the deadline, a Gantt chart.

``render`` draws them under ``pmpath check``; ``show_schedule`` is ``pmpath schedule``'s
screen, which adds the table of work items. Both read the same figures.

The odds bar reads without colour: ``█`` for the chance of meeting the deadline, ``░`` for
the rest, then the percentage and "on track" (80% or more, what plan.confidence asks),
"at risk" (50% to 80%) or "UNLIKELY" (under 50%: the expected duration does not fit,
which is also what fails plan.deadline).
"""

from __future__ import annotations

from typing import Any

from pmpath.kinds.project_plan.figures import (
    COIN_FLIP,
    CONFIDENCE_TARGET,
    ProjectFigures,
    chance_text,
    days_text,
)
from pmpath.render.gantt import GanttRow, gantt_rows, print_gantt

ODDS_BAR_WIDTH = 20
CHECK_GANTT_ROWS = 30


def odds_band(probability: float) -> tuple[str, str]:
    """(label, style) for the chance of meeting the deadline; the label carries the meaning."""
    if probability >= CONFIDENCE_TARGET:
        return "on track", "green"
    if probability >= COIN_FLIP:
        return "at risk", "yellow"
    return "unlikely", "red"


def odds_bar(probability: float, width: int = ODDS_BAR_WIDTH) -> str:
    filled = max(0, min(width, round(probability * width)))
    return "█" * filled + "░" * (width - filled)


def print_summary(figures: ProjectFigures, console: Any) -> None:
    """The PERT figures and the odds of the deadline."""
    from rich.table import Table
    from rich.text import Text

    expected = figures.expected_duration_days or 0.0
    probability = figures.deadline_probability or 0.0
    total = figures.working_days_available
    lines = Table.grid(padding=(0, 2))
    lines.add_column(style="bold", no_wrap=True)
    lines.add_column()
    lines.add_row("expected duration", f"{days_text(expected, total)} working days, "
                                       f"standard deviation {figures.std_dev_days or 0:.2f}")
    lines.add_row("expected finish",
                  f"{figures.finish} · deadline {figures.deadline} ({total} working days)")
    label, style = odds_band(probability)
    odds = Text(odds_bar(probability), style=style)
    odds.append(f" {chance_text(probability, figures.std_dev_days or 0.0)} ",
                style=f"bold {style}")
    odds.append(label.upper() if style == "red" else label, style=style)
    lines.add_row("chance by deadline", odds)
    lines.add_row("critical path", " → ".join(figures.critical_path or []) or "—")
    console.print(Text("Schedule (PERT expected times, unrounded; dates in whole working "
                       "days)", style="bold"))
    console.print(lines)


def chart_rows(figures: ProjectFigures) -> list[GanttRow]:
    """The work items (labelled with their names) and the milestones, by start date."""
    rows = gantt_rows(figures.tasks or {}, names=figures.names)
    rows += [GanttRow(label=f"◆ {name}", start=day, finish=day, milestone=True)
             for name, day in figures.milestones]
    rows.sort(key=lambda row: row.start)
    return rows


def render(result: Any, console: Any) -> None:
    """What `pmpath check` draws under the findings."""
    from rich.text import Text

    figures: ProjectFigures | None = result.figures
    if figures is None:
        return
    if not figures.scheduled:
        # The findings above say what to fix; this only says why the chart is missing.
        console.print(Text(f"No schedule or Gantt chart yet: {figures.unscheduled_because}.",
                           style="dim"))
        return
    print_summary(figures, console)
    console.print()
    print_gantt(console, chart_rows(figures), marker=figures.deadline, marker_label="deadline",
                max_rows=CHECK_GANTT_ROWS)


def show_schedule(plan: Any, figures: ProjectFigures, console: Any) -> None:
    """`pmpath schedule`: the summary, every work item's dates and float, the Gantt chart."""
    from pmpath.render.schedule_table import print_task_table

    print_summary(figures, console)
    console.print()
    tasks = figures.tasks or {}
    names = figures.names or {}
    print_task_table(console, f"{plan.name} · work items (float in working days)",
                     [(item_id, names.get(item_id, ""),
                       {**task, "total_float": float_shown(task["total_float"])})
                      for item_id, task in tasks.items()])
    console.print()
    print_gantt(console, chart_rows(figures), marker=figures.deadline, marker_label="deadline")


def float_shown(days: float) -> float | int:
    """A float of working days as the table shows it: 3, 13.8; never a rounded 0 that
    would read as critical."""
    if days == int(days):
        return int(days)
    for places in (1, 2, 3):
        shown = round(days, places)
        if shown != 0:
            return shown
    return days
