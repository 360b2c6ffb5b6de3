"""The sprint picture: the burndown day by day, then committed, completed and say/do.

Each day's bar draws the actual remaining points with ``█`` and marks the ideal line
with ``│`` at its position (``┃`` when the ideal falls on the bar itself), so actual and
ideal stay distinct without colour. A day without a daily entry shows ``no entry``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

ACTUAL, EMPTY, IDEAL_OUTSIDE, IDEAL_INSIDE = "█", " ", "│", "┃"
BAR_WIDTH = 24


def burndown_bar(actual: float | None, ideal: float, scale: float,
                 width: int = BAR_WIDTH) -> str:
    """``width`` cells: actual filled from the left, the ideal as a marker.

    ``scale`` is the number of points the full width stands for. The marker sits on the
    cell that ends at the ideal, so an ideal of 0 is drawn in the first cell.
    """
    if scale <= 0:
        scale = 1.0
    filled = 0 if actual is None else max(0, min(width, round(actual / scale * width)))
    cells = [ACTUAL] * filled + [EMPTY] * (width - filled)
    marker = max(0, min(width - 1, round(ideal / scale * width) - 1))
    cells[marker] = IDEAL_INSIDE if marker < filled else IDEAL_OUTSIDE
    return "".join(cells)


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _points(value: float) -> str:
    return f"{value:.1f}"


def render(result: Any, console: Any) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    metrics = result.metrics
    if not metrics:
        return
    committed = float(metrics.get("committed_points") or 0)
    completed = float(metrics.get("completed_points") or 0)
    ratio = metrics.get("say_do_ratio")
    burndown = metrics.get("burndown") or []

    said = Text(f"committed {committed:g} points · completed {completed:g} · say/do ")
    said.append("—" if ratio is None else f"{float(ratio):.0%}", style="bold")
    console.print(said)
    if not burndown:
        return

    actuals = [float(day["actual"]) for day in burndown if day.get("actual") is not None]
    scale = max([committed, *actuals, *(float(day["ideal"]) for day in burndown)])

    table = Table(title="Burndown (points remaining)", title_justify="left",
                  box=box.SIMPLE_HEAD, padding=(0, 1))
    table.add_column("day", justify="right", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("ideal", justify="right", no_wrap=True, min_width=5)
    table.add_column("actual", justify="right", no_wrap=True, min_width=6)
    table.add_column(f"{ACTUAL} actual  {IDEAL_OUTSIDE} ideal", no_wrap=True,
                     min_width=BAR_WIDTH)
    table.add_column("vs ideal", no_wrap=True)
    for number, day in enumerate(burndown, start=1):
        when = _as_date(day.get("date"))
        shown = when.isoformat() if when else str(day.get("date"))
        ideal = float(day["ideal"])
        actual = day.get("actual")
        if actual is None:
            table.add_row(str(number), shown, _points(ideal), "—",
                          Text(burndown_bar(None, ideal, scale), style="dim"),
                          Text("no entry", style="red"))
            continue
        actual = float(actual)
        gap = actual - ideal
        if abs(gap) < 0.05:
            status, style = "on track", "green"
        elif gap > 0:
            status, style = f"+{gap:.1f} behind", "yellow"
        else:
            status, style = f"{gap:.1f} ahead", "green"
        table.add_row(str(number), shown, _points(ideal), _points(actual),
                      Text(burndown_bar(actual, ideal, scale), style="cyan"),
                      Text(status, style=style))
    console.print(table)
