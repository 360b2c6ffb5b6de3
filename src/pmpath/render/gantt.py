"""A Gantt chart for the terminal: one row per task on a week axis, in 80 columns.

Everything carries its meaning in characters as well as colour, so the chart reads the
same with ``NO_COLOR``, in a log file or on paper:

* ``█`` a critical task (no float: a day late here is a day late for the plan),
  ``▒`` any other task, ``◆`` a milestone (a date, not a stretch of work);
* ``│`` a vertical line at the deadline (or GA) date, drawn where no bar covers it;
* the top rows label each week by its Monday ("Jan 4") and mark it with ``┬``.

The axis starts on the Monday of the first week shown and keeps whole weeks. When the
plan is too long for one column per day, a week gets three, two or one column, and very
long plans put several weeks in a column. At most ``max_rows`` rows are drawn; a note
says how many more there are.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

CRITICAL, NORMAL, MILESTONE, MARKER = "█", "▒", "◆", "│"
TICK, RULE = "┬", "─"
LABEL_WIDTH = 22
MIN_CHART_WIDTH = 20
MAX_ROWS = 40
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
COLUMNS_PER_WEEK = (7, 3, 2, 1)


@dataclass(frozen=True)
class GanttRow:
    label: str
    start: date
    finish: date
    critical: bool = False
    milestone: bool = False


@dataclass(frozen=True)
class Axis:
    """Maps a date to a column: ``(day - origin).days * numerator // denominator``."""

    origin: date
    """The Monday the chart starts on."""
    weeks: int
    numerator: int
    denominator: int

    def column(self, day: date) -> int:
        return (day - self.origin).days * self.numerator // self.denominator

    @property
    def width(self) -> int:
        return self.column(self.origin + timedelta(days=7 * self.weeks - 1)) + 1


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def choose_axis(first: date, last: date, chart_width: int) -> Axis:
    """The finest week scale (7, 3, 2 or 1 columns a week, then k weeks a column) that fits."""
    origin = monday_of(min(first, last))
    weeks = max(1, math.ceil(((max(first, last) - origin).days + 1) / 7))
    for per_week in COLUMNS_PER_WEEK:
        if weeks * per_week <= chart_width:
            return Axis(origin, weeks, per_week, 7)
    weeks_per_column = math.ceil(weeks / chart_width)
    return Axis(origin, weeks, 1, 7 * weeks_per_column)


def week_label(monday: date) -> str:
    return f"{MONTHS[monday.month - 1]} {monday.day}"


def _fit(label: str, width: int) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def gantt(rows: Sequence[GanttRow], *, marker: date | None = None,
          marker_label: str = "deadline", width: int = 80, max_rows: int = MAX_ROWS) -> list[Any]:
    """The chart as rich ``Text`` lines, at most ``width`` characters each."""
    from rich.text import Text

    if not rows:
        return [Text("(no tasks to draw)", style="dim")]
    label_width = min(LABEL_WIDTH, max(len(row.label) for row in rows))
    chart_width = max(MIN_CHART_WIDTH, width - label_width - 1)
    first = min(row.start for row in rows)
    last = max(row.finish for row in rows)
    if marker is not None:
        first, last = min(first, marker), max(last, marker)
    axis = choose_axis(first, last, chart_width)
    columns = min(axis.width, chart_width)
    marker_column = axis.column(marker) if marker is not None else -1

    labels = [" "] * columns
    ticks = [RULE] * columns
    free = 0
    year = axis.origin.year
    for week in range(axis.weeks):
        monday = axis.origin + timedelta(days=7 * week)
        column = axis.column(monday)
        text = week_label(monday)
        if monday.year != year:
            text += f" {monday.year}"     # the first label of a new year names the year
        if column >= free and column + len(text) <= columns:
            labels[column:column + len(text)] = text
            ticks[column] = TICK
            free = column + len(text) + 1
            year = monday.year
    indent = " " * (label_width + 1)
    header = Text(indent + "".join(labels), style="bold")
    tick_line = Text(indent)
    for column, char in enumerate(ticks):
        if column == marker_column:
            tick_line.append("┼", style="bold yellow")
        else:
            tick_line.append(char, style="dim")
    lines = [header, tick_line]

    for row in rows[:max_rows]:
        line = Text(_fit(row.label, label_width).ljust(label_width) + " ")
        start = axis.column(row.start)
        finish = max(start, axis.column(row.finish))
        style = "bold red" if row.critical else "cyan"
        cells = []
        for column in range(columns):
            if row.milestone and column == start:
                cells.append((MILESTONE, style))
            elif not row.milestone and start <= column <= finish:
                cells.append((CRITICAL if row.critical else NORMAL, style))
            elif column == marker_column:
                cells.append((MARKER, "yellow"))
            else:
                cells.append((" ", ""))
        _append_runs(line, cells)
        lines.append(line)
    if len(rows) > max_rows:
        hidden = len(rows) - max_rows
        lines.append(Text(f"… and {hidden:,} more row{'s' if hidden != 1 else ''} not drawn "
                          "(`--json` lists every task)", style="dim"))
    legend = f"{CRITICAL} critical  {NORMAL} has float  {MILESTONE} milestone"
    if marker is not None:
        legend += f"  {MARKER} {marker_label} {marker}"
    scale = _scale_text(axis)
    if len(legend) + len(scale) + 4 <= width:
        lines.append(Text(f"{legend}  · {scale}", style="dim"))
    else:
        lines += [Text(_fit(legend, width), style="dim"), Text(scale, style="dim")]
    return lines


def _scale_text(axis: Axis) -> str:
    if axis.denominator == 7:
        return "1 column = 1 day" if axis.numerator == 7 else \
            f"{axis.numerator} column{'s' if axis.numerator != 1 else ''} = 1 week"
    return f"1 column = {axis.denominator // 7} weeks"


def _append_runs(line: Any, cells: list[tuple[str, str]]) -> None:
    """Append cells to a Text, one span per run of equal style (fewer spans, faster)."""
    run, run_style = "", None
    for char, style in cells:
        if style != run_style and run:
            line.append(run, style=run_style or None)
            run = ""
        run_style = style
        run += char
    if run:
        line.append(run, style=run_style or None)


def print_gantt(console: Any, rows: Sequence[GanttRow], *, marker: date | None = None,
                marker_label: str = "deadline", max_rows: int = MAX_ROWS) -> None:
    """Draw the chart at the console's width (at most 100 columns, at least 60)."""
    width = max(60, min(console.width, 100))
    for line in gantt(rows, marker=marker, marker_label=marker_label, width=width,
                      max_rows=max_rows):
        line.no_wrap = True
        line.overflow = "crop"
        console.print(line)


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def gantt_rows(tasks: dict[str, dict[str, Any]], milestones: list[str] | None = None,
               names: dict[str, str] | None = None) -> list[GanttRow]:
    """Chart rows from the ``tasks`` metric, ordered by start (ties keep the file order)."""
    milestone_ids = set(milestones or ())
    rows = [GanttRow(label=f"{task_id} {names[task_id]}" if names and task_id in names
                     else task_id,
                     start=_day(task["start"]), finish=_day(task["finish"]),
                     critical=task["total_float"] == 0, milestone=task_id in milestone_ids)
            for task_id, task in tasks.items()]
    return sorted(rows, key=lambda row: row.start)
