"""The project-plan picture: the PERT figures, the odds of the deadline, and a Gantt chart.

The odds bar reads without colour: ``█`` for the chance of meeting the deadline, ``░`` for
the rest, followed by the percentage and "on track" (80% or more), "at risk" (50% to
80%) or "unlikely" (under 50%).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pmpath.render.gantt import GanttRow, gantt_rows, print_gantt  # noqa: F401 - gantt_rows moved

TARGET, COIN_FLIP = 0.8, 0.5
ODDS_BAR_WIDTH = 20


def odds_band(probability: float) -> tuple[str, str]:
    """(label, style) for the chance of meeting the deadline; the label carries the meaning."""
    if probability >= TARGET:
        return "on track", "green"
    if probability >= COIN_FLIP:
        return "at risk", "yellow"
    return "unlikely", "red"


def odds_bar(probability: float, width: int = ODDS_BAR_WIDTH) -> str:
    filled = max(0, min(width, round(probability * width)))
    return "█" * filled + "░" * (width - filled)


def print_summary(metrics: dict[str, Any], console: Any) -> None:
    """The PERT figures and the odds of the deadline (shared with `pmpath schedule`)."""
    from rich.table import Table
    from rich.text import Text

    deadline = metrics.get("deadline")
    expected = float(metrics["expected_duration_days"])
    spread = float(metrics["std_dev_days"])
    probability = float(metrics["deadline_probability"])
    total = metrics.get("deadline_working_days")

    figures = Table.grid(padding=(0, 2))
    figures.add_column(style="bold", no_wrap=True)
    figures.add_column()
    figures.add_row("expected duration",
                    f"{expected:.1f} working days, standard deviation {spread:.2f}")
    finish_line = f"{metrics['finish']}"
    if deadline is not None:
        finish_line += f" · deadline {deadline}"
        if total is not None:
            finish_line += f" ({total} working days)"
    figures.add_row("expected finish", finish_line)
    label, style = odds_band(probability)
    odds = Text(odds_bar(probability), style=style)
    odds.append(f" {probability:.0%} ", style=f"bold {style}")
    odds.append(label.upper() if style == "red" else label, style=style)
    figures.add_row("chance by deadline", odds)
    figures.add_row("critical path", " → ".join(metrics.get("critical_path", [])) or "—")
    console.print(Text("Schedule (PERT expected times, each rounded up to whole days)",
                       style="bold"))
    console.print(figures)


def render(result: Any, console: Any) -> None:
    from rich.text import Text

    metrics = result.metrics
    if "finish" not in metrics:
        if metrics:
            console.print(Text("No schedule yet: fix the plan.dependencies or plan.estimates "
                               "findings above, then check again.", style="dim"))
        return
    print_summary(metrics, console)
    console.print()
    deadline = metrics.get("deadline")
    print_gantt(console, gantt_rows(metrics.get("tasks", {})),
                marker=_day(deadline) if deadline is not None else None,
                marker_label="deadline", max_rows=30)
