"""The sprint picture: what was planned, changed and done, then the burndown day by day.

Each day's bar draws the actual remaining points with ``█`` and marks the ideal line
with ``│`` at its position (``┃`` when the ideal falls on the bar itself), so actual and
ideal stay distinct without colour. The scope column shows the day's scope change, so
a rise in the bar can be read against it. A day without a daily entry shows
``no entry``.
"""

from __future__ import annotations

from typing import Any

ACTUAL, EMPTY, IDEAL_OUTSIDE, IDEAL_INSIDE = "█", " ", "│", "┃"
BAR_WIDTH = 18
ON_TRACK = 0.05
"""A gap to the ideal line smaller than this (in points) is shown as on track."""


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


def _points(value: float) -> str:
    return f"{value:.1f}"


def _whole(value: float) -> str:
    return f"{value:g}"


def summary_line(figures: Any) -> str:
    """'planned 21 points · added 2 · removed 3 · completed 18 · say/do 81%'."""
    parts = [f"planned {_whole(figures.committed_points)} points"]
    if figures.added_points or figures.removed_points:
        parts += [f"added {_whole(figures.added_points)}",
                  f"removed {_whole(figures.removed_points)}"]
    parts.append(f"completed {_whole(figures.completed_points)}")
    ratio = figures.say_do_ratio
    parts.append("say/do " + ("—" if ratio is None else f"{ratio:.0%}"))
    return " · ".join(parts)


def scope_text(change: float | None) -> str:
    if not change:
        return ""
    return f"+{_whole(change)}" if change > 0 else f"−{_whole(-change)}"


def render(result: Any, console: Any) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    figures = result.figures
    if figures is None:
        return
    console.print(Text(summary_line(figures)))
    burndown = figures.burndown
    if not burndown:
        return

    scale = max([figures.committed_points, *(day.ideal for day in burndown),
                 *(day.actual for day in burndown if day.actual is not None)])
    table = Table(title="Burndown (points remaining)", title_justify="left",
                  box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False,
                  show_edge=False)
    table.add_column("day", justify="right", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("scope", justify="right", no_wrap=True)
    table.add_column("ideal", justify="right", no_wrap=True, min_width=5)
    table.add_column("actual", justify="right", no_wrap=True, min_width=6)
    table.add_column(f"{ACTUAL} actual  {IDEAL_OUTSIDE} ideal", no_wrap=True,
                     min_width=BAR_WIDTH)
    table.add_column("vs ideal", no_wrap=True)
    for number, day in enumerate(burndown, start=1):
        shown = day.date.isoformat()
        scope = scope_text(day.scope_change)
        if day.actual is None:
            table.add_row(str(number), shown, scope, _points(day.ideal), "—",
                          Text(burndown_bar(None, day.ideal, scale), style="dim"),
                          Text("no entry", style="red"))
            continue
        gap = day.actual - day.ideal
        if abs(gap) < ON_TRACK:
            status, style = "on track", "green"
        elif gap > 0:
            status, style = f"{gap:.1f} behind", "yellow"
        else:
            status, style = f"{-gap:.1f} ahead", "green"
        table.add_row(str(number), shown, scope, _points(day.ideal), _points(day.actual),
                      Text(burndown_bar(day.actual, day.ideal, scale), style="cyan"),
                      Text(status, style=style))
    console.print(table)
