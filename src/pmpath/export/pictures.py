"""The pictures of the HTML report and the portfolio, drawn as inline SVG from typed figures.

One function per picture. Each takes a kind's figures (and, when the picture names things
the figures only know by id, the validated model) and returns one ``<svg>`` element, or
None when the figures hold nothing to draw (a plan that cannot be scheduled). A kind
chooses its picture in its ``KindSpec.svg`` (``"pmpath.export.pictures:heat_map"``), so
nothing here names a kind.

Every picture reads on paper and without colour: what a colour says is also written,
as a letter or a word (H/M/L in the heat map, GREEN/AMBER/RED on a KPI tile, "CP" beside
a critical task, the category under a workflow status).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from pmpath.export.svg import (
    AMBER,
    AMBER_LIGHT,
    BLUE,
    BLUE_LIGHT,
    FAINT,
    GREEN,
    GREEN_LIGHT,
    GREY_LIGHT,
    GRID,
    INK,
    MUTED,
    RED,
    RED_LIGHT,
    Canvas,
    clip,
    text_width,
)

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WIDTH = 880
"""The width pictures are drawn for; the page scales a wider one down to fit."""


def _day_label(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}"


def _number(value: float | None, places: int = 1) -> str:
    if value is None:
        return "—"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.{places}f}"


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


# -- Gantt chart ---------------------------------------------------------------------------

GANTT_ROWS = 60


@dataclass(frozen=True)
class _Bar:
    task_id: str
    name: str
    start: date
    finish: date
    total_float: float | None = None
    critical: bool = False
    milestone: bool = False


def project_gantt(figures: Any, model: Any = None) -> str | None:
    """A project plan's Gantt chart: the work items on working-day dates, the critical path
    in red (and marked CP), the milestones as diamonds and the deadline as a line."""
    if not figures.tasks:
        return None
    names = figures.names or {}
    bars = [_Bar(task_id, names.get(task_id, ""), _as_date(task["start"]),
                 _as_date(task["finish"]), float(task["total_float"]),
                 critical=float(task["total_float"]) == 0)
            for task_id, task in figures.tasks.items()]
    bars += [_Bar("", name, day, day, milestone=True) for name, day in figures.milestones]
    summary = []
    if figures.expected_duration_days is not None:
        summary.append(f"Expected {figures.expected_duration_days:.1f} of "
                       f"{figures.working_days_available} working days available")
    if figures.deadline_probability is not None:
        summary.append(f"{figures.deadline_probability:.0%} chance of meeting the deadline")
    return _gantt("Project schedule (PERT expected times on working days)", bars,
                  [("deadline", figures.deadline)], figures.critical_path or [], summary)


def launch_gantt(figures: Any, model: Any = None) -> str | None:
    """A launch plan's Gantt chart: tasks, critical path, go/no-go and GA."""
    names = {str(task.id): task.name for task in getattr(model, "tasks", None) or []}
    milestones = set(figures.milestones)
    bars = [_Bar(task_id, names.get(task_id, ""), dates.start, dates.finish,
                 dates.total_float, critical=dates.total_float == 0,
                 milestone=task_id in milestones)
            for task_id, dates in figures.tasks.items()]
    markers = [("GA", figures.ga_date)]
    if figures.go_no_go_date is not None:
        markers.insert(0, ("go/no-go", figures.go_no_go_date))
    slack = figures.slack_to_ga_days
    summary = [f"Finishes {figures.finish.isoformat()} after {figures.duration_working_days} "
               "working days",
               (f"{slack} working days of buffer before GA" if slack >= 0
                else f"{-slack} working days after GA")]
    return _gantt("Launch schedule (working days)", bars, markers, figures.critical_path,
                  summary)


def _gantt(title: str, bars: list[_Bar], markers: list[tuple[str, date]],
           critical_path: Sequence[str], summary: list[str]) -> str:
    bars = sorted(bars, key=lambda bar: (bar.start, bar.milestone))
    hidden = max(0, len(bars) - GANTT_ROWS)
    bars = bars[:GANTT_ROWS]
    label_width, mark_width, right = 250.0, 28.0, 16.0
    chart_x = label_width + mark_width
    chart_width = WIDTH - chart_x - right
    first = min([bar.start for bar in bars] + [day for _, day in markers])
    last = max([bar.finish for bar in bars] + [day for _, day in markers])
    origin = first - timedelta(days=first.weekday())
    days = ((last - origin).days // 7 + 1) * 7
    per_day = chart_width / days

    def x_of(day: date) -> float:
        return chart_x + (day - origin).days * per_day

    row_height, top = 20.0, 46.0
    legend_y = top + row_height * len(bars) + (22 if hidden else 10) + 12 * len(markers)
    height = legend_y + 30 + 18 * (len(summary) + (1 if critical_path else 0))
    canvas = Canvas(WIDTH, height, title, "Each row is a task from its start to its finish "
                    "date; critical tasks are red and marked CP; diamonds are milestones.")
    canvas.text(0, 14, title, size=13, weight="bold")
    for index in range(0, len(bars), 2):
        canvas.rect(0, top + index * row_height, WIDTH - right, row_height, fill="#f5f7fa")
    # Week lines, labelled often enough to read and never on top of each other.
    weeks = days // 7
    every = max(1, math.ceil(44 / (7 * per_day)))
    for week in range(weeks + 1):
        monday = origin + timedelta(days=7 * week)
        x = x_of(monday)
        canvas.line(x, top - 6, x, top + row_height * len(bars), stroke=GRID)
        if week % every == 0 and week < weeks:
            canvas.text(x + 2, top - 10, _day_label(monday), size=10, fill=MUTED)
    for index, bar in enumerate(bars):
        y = top + index * row_height
        label = f"{bar.task_id} {bar.name}".strip() if not bar.milestone or bar.task_id \
            else f"◆ {bar.name}"
        canvas.text(4, y + 14, clip(label, label_width - 8, 11), size=11,
                    tooltip=label)
        when = (f"{bar.start.isoformat()}" if bar.milestone
                else f"{bar.start.isoformat()} to {bar.finish.isoformat()}")
        detail = f"{label}: {when}" + (f", float {_number(bar.total_float)} working days"
                                       if bar.total_float is not None else "")
        if bar.milestone:
            canvas.diamond(x_of(bar.start) + per_day / 2, y + row_height / 2, 6, fill=INK,
                           tooltip=detail)
        else:
            x = x_of(bar.start)
            width = max((bar.finish - bar.start).days + 1, 1) * per_day
            fill, stroke = (RED_LIGHT, RED) if bar.critical else (BLUE_LIGHT, BLUE)
            canvas.rect(x, y + 4, width, row_height - 8, fill=fill, stroke=stroke, rx=2,
                        tooltip=detail)
        if bar.critical:
            canvas.text(label_width + 2, y + 14, "CP", size=10, weight="bold", fill=RED)
    bottom = top + row_height * len(bars)
    taken_until = -1.0
    level = 0
    for name, day in sorted(markers, key=lambda marker: marker[1]):
        x = x_of(day) + per_day / 2
        label = f"{name} {_day_label(day)}"
        half = text_width(label, 10, bold=True) / 2
        centre = min(max(x, chart_x + half), WIDTH - half)
        level = level + 1 if centre - half < taken_until + 6 else 0
        taken_until = centre + half
        canvas.line(x, top - 4, x, bottom + 2 + 12 * level, stroke=INK, width=1.2, dash="4 3")
        canvas.text(centre, bottom + 12 + 12 * level, label, size=10, anchor="middle",
                    weight="bold")
    if hidden:
        canvas.text(4, bottom + 14, f"… and {hidden} more tasks", size=11, fill=MUTED)
    y = legend_y + 14
    x = 0.0
    for swatch, stroke, words in ((RED_LIGHT, RED, "CP critical task (no float)"),
                                  (BLUE_LIGHT, BLUE, "task with float")):
        canvas.rect(x, y - 9, 18, 10, fill=swatch, stroke=stroke)
        canvas.text(x + 24, y, words, size=11)
        x += 40 + text_width(words, 11)
    canvas.diamond(x + 6, y - 4, 5)
    canvas.text(x + 16, y, "milestone", size=11)
    x += 90
    canvas.line(x, y - 10, x, y + 2, stroke=INK, dash="4 3", width=1.2)
    canvas.text(x + 6, y, " / ".join(name for name, _ in markers), size=11)
    for line_text in summary:
        y += 18
        canvas.text(0, y, line_text, size=11)
    if critical_path:
        y += 18
        canvas.text(0, y, clip("Critical path: " + " → ".join(critical_path), WIDTH, 11),
                    size=11, weight="bold")
    return canvas.render()


# -- burndown ------------------------------------------------------------------------------


def burndown(figures: Any, model: Any = None) -> str | None:
    """A sprint's burndown: the ideal line (dashed) and the points actually remaining each
    working day (solid, with dots), with scope changes written where they happened."""
    days = list(figures.burndown)
    if not days:
        return None
    width, height = 640.0, 300.0
    left, right, top, bottom = 48.0, 16.0, 30.0, 76.0
    plot_width, plot_height = width - left - right, height - top - bottom
    values = [day.ideal for day in days] + [day.actual for day in days
                                            if day.actual is not None]
    highest = max(values + [1.0])
    step = _nice_step(highest)
    highest = math.ceil(highest / step) * step
    spacing = plot_width / max(len(days) - 1, 1)

    def at(index: int, value: float) -> tuple[float, float]:
        return left + index * spacing, top + plot_height * (1 - value / highest)

    canvas = Canvas(width, height, "Sprint burndown",
                    "Points remaining each working day: the ideal line and the actual one.")
    canvas.text(0, 16, "Sprint burndown (story points remaining)", size=13, weight="bold")
    value = 0.0
    while value <= highest + 1e-9:
        _, y = at(0, value)
        canvas.line(left, y, width - right, y, stroke=GRID)
        canvas.text(left - 6, y + 4, _number(value), size=10, anchor="end", fill=MUTED)
        value += step
    every = max(1, math.ceil(len(days) / 12))
    for index, day in enumerate(days):
        x, _ = at(index, 0)
        if index % every == 0 or index == len(days) - 1:
            canvas.text(x, top + plot_height + 16, _day_label(day.date), size=10,
                        anchor="middle", fill=MUTED)
    canvas.polyline([at(index, day.ideal) for index, day in enumerate(days)], stroke=MUTED,
                    width=1.5, dash="6 4")
    segment: list[tuple[float, float]] = []
    for index, day in enumerate(days):
        if day.actual is None:
            canvas.polyline(segment, stroke=BLUE, width=2.5)
            segment = []
            continue
        segment.append(at(index, day.actual))
    canvas.polyline(segment, stroke=BLUE, width=2.5)
    for index, day in enumerate(days):
        if day.actual is not None:
            x, y = at(index, day.actual)
            canvas.circle(x, y, 3.5, fill=BLUE,
                          tooltip=f"{day.date.isoformat()}: {_number(day.actual)} points left")
            if day.scope_change:
                sign = "+" if day.scope_change > 0 else "−"
                canvas.text(x, y - 9, f"{sign}{_number(abs(day.scope_change))} scope",
                            size=10, anchor="middle", weight="bold", fill=AMBER)
        else:
            x, _ = at(index, 0)
            canvas.text(x, top + plot_height - 4, "no entry", size=9, anchor="middle",
                        fill=FAINT)
    y = height - 38
    canvas.line(0, y - 4, 24, y - 4, stroke=MUTED, width=1.5, dash="6 4")
    canvas.text(30, y, "ideal", size=11)
    canvas.line(80, y - 4, 104, y - 4, stroke=BLUE, width=2.5)
    canvas.circle(92, y - 4, 3.5, fill=BLUE)
    canvas.text(110, y, "actual remaining", size=11)
    canvas.text(230, y, "+n / −n scope: points added or removed that day", size=11,
                fill=AMBER)
    ratio = figures.say_do_ratio
    canvas.text(0, height - 14,
                f"Committed {_number(figures.committed_points)} · added "
                f"{_number(figures.added_points)} · removed {_number(figures.removed_points)} "
                f"· completed {_number(figures.completed_points)} points"
                + (f" · say/do {ratio:.0%}" if ratio is not None else ""), size=11)
    return canvas.render()


def _nice_step(highest: float) -> float:
    """A round gridline step giving about five lines up to ``highest``."""
    raw = highest / 5
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


# -- risk heat map -------------------------------------------------------------------------

MEDIUM_FROM = 8
"""Scores from here up to the register's high threshold are the medium zone (as on screen)."""
PROBABILITY = ("rare", "unlikely", "possible", "likely", "almost certain")
IMPACT = ("negligible", "minor", "moderate", "major", "severe")
ZONES = {"H": ("high", RED_LIGHT, RED), "M": ("medium", AMBER_LIGHT, AMBER),
         "L": ("low", GREEN_LIGHT, GREEN)}


def heat_map(figures: Any, model: Any = None) -> str | None:
    """A risk register's 5×5 heat map of live risks: impact up the side, probability
    across; each cell holds its count and its zone letter (H, M, L) on the zone's colour."""
    threshold = figures.high_threshold
    cell, left, top = 74.0, 120.0, 48.0
    width = left + 5 * cell + 250
    height = top + 5 * cell + 74
    canvas = Canvas(width, height, "Risk heat map",
                    "Live risks by probability and impact, zoned high, medium and low.")
    canvas.text(0, 16, "Risk heat map (risks not closed)", size=13, weight="bold")
    for row_index, row in enumerate(figures.heatmap):
        impact = 5 - row_index
        y = top + row_index * cell
        canvas.text(left - 8, y + cell / 2 + 4, f"{impact} {IMPACT[impact - 1]}", size=11,
                    anchor="end")
        for column_index, count in enumerate(row):
            probability = column_index + 1
            letter = _zone(probability * impact, threshold)
            _, fill, ink = ZONES[letter]
            x = left + column_index * cell
            canvas.rect(x, y, cell, cell, fill=fill, stroke="#ffffff", stroke_width=2,
                        tooltip=f"probability {probability} × impact {impact} = "
                                f"{probability * impact}: {count} risk(s)")
            canvas.text(x + 6, y + 15, letter, size=11, weight="bold", fill=ink)
            canvas.text(x + cell / 2, y + cell / 2 + 9, str(count) if count else "·",
                        size=24 if count else 16, anchor="middle",
                        weight="bold" if count else None, fill=INK if count else FAINT)
    y = top + 5 * cell
    for column_index in range(5):
        canvas.text(left + column_index * cell + cell / 2, y + 16,
                    f"{column_index + 1} {PROBABILITY[column_index]}", size=10,
                    anchor="middle")
    canvas.text(left + 2.5 * cell, y + 34, "probability →", size=11, anchor="middle",
                fill=MUTED)
    canvas.text(left - 8, top - 8, "impact ↑", size=11, anchor="end", fill=MUTED)
    x = left + 5 * cell + 24
    legend = [("H", f"high: score {threshold}–25")]
    if threshold > MEDIUM_FROM:
        legend.append(("M", f"medium: {MEDIUM_FROM}–{threshold - 1}"))
    low_top = min(threshold, MEDIUM_FROM) - 1
    if low_top >= 1:
        legend.append(("L", f"low: 1–{low_top}"))
    canvas.text(x, top + 10, "score = probability × impact", size=11, fill=MUTED)
    for index, (letter, words) in enumerate(legend):
        _, fill, ink = ZONES[letter]
        ly = top + 30 + index * 22
        canvas.rect(x, ly - 12, 18, 16, fill=fill)
        canvas.text(x + 5, ly + 1, letter, size=11, weight="bold", fill=ink)
        canvas.text(x + 26, ly, words, size=11)
    ly = top + 30 + len(legend) * 22 + 12
    facts = [f"{figures.open_count} open or monitored",
             "high: " + (", ".join(figures.high_risks) or "none"),
             "overdue for review: " + (", ".join(figures.stale_risks) or "none")]
    for fact in facts:
        canvas.text(x, ly, clip(fact, 240, 11), size=11, tooltip=fact)
        ly += 18
    return canvas.render()


def _zone(score: int, threshold: int) -> str:
    if score >= threshold:
        return "H"
    return "M" if score >= MEDIUM_FROM else "L"


# -- capacity ------------------------------------------------------------------------------


def capacity_bars(figures: Any, model: Any = None) -> str | None:
    """A capacity plan: each member's available and plannable days, then the team's and
    each role's usable days against the work committed to them."""
    members = list(figures.members.items())
    # Only the roles that work is committed to have a load worth drawing.
    roles = [(role, numbers) for role, numbers in figures.roles.items() if numbers.demand_days]
    label_width, right = 260.0, 150.0
    bar_width = WIDTH - label_width - right
    scale_top = max([member.available_days for _, member in members]
                    + [role.usable_days for _, role in roles]
                    + [role.demand_days for _, role in roles] + [1.0])
    team_top = max(figures.usable_days, figures.demand_days, figures.capacity_days, 1.0)
    row = 22.0
    canvas = Canvas(WIDTH, 0, "Capacity",
                    "Each member's available and plannable days; usable days against demand.")
    canvas.text(0, 16, f"Capacity over {figures.workdays} workdays "
                       f"({figures.quarter_start.isoformat()} to "
                       f"{figures.quarter_end.isoformat()})", size=13, weight="bold")
    y = 40.0
    canvas.text(0, y - 6, "Per member: days available (outline) and days that can be "
                          "planned after focus and buffer (filled)", size=11, fill=MUTED)
    for name, member in members:
        y += row
        canvas.text(0, y - 6, clip(f"{name} ({member.role})", label_width - 10, 11), size=11,
                    tooltip=f"{name} ({member.role}), fte {member.fte}")
        full = bar_width * member.available_days / scale_top
        canvas.rect(label_width, y - 17, full, 14, fill="#ffffff", stroke=BLUE)
        canvas.rect(label_width, y - 17, bar_width * member.planned_days / scale_top, 14,
                    fill=BLUE_LIGHT, stroke=BLUE)
        canvas.text(label_width + full + 6, y - 6,
                    f"{_number(member.planned_days)} of {_number(member.available_days)} days",
                    size=11)
    y += 40
    canvas.text(0, y - 6, "Team: usable days against the work committed", size=11,
                fill=MUTED)
    over = figures.utilization is not None and figures.utilization > 1
    for label, value, fill, stroke in (
            ("usable days", figures.usable_days, BLUE_LIGHT, BLUE),
            ("committed work", figures.demand_days, RED_LIGHT if over else GREEN_LIGHT,
             RED if over else GREEN)):
        y += row
        canvas.text(0, y - 6, label, size=11, weight="bold")
        length = bar_width * value / team_top
        canvas.rect(label_width, y - 17, length, 14, fill=fill, stroke=stroke)
        canvas.text(label_width + length + 6, y - 6, f"{_number(value)} days", size=11)
    if figures.utilization is not None:
        y += 18
        verdict = "OVER capacity" if over else "fits"
        canvas.text(0, y, f"Utilisation {figures.utilization:.0%}: {verdict}", size=11,
                    weight="bold", fill=RED if over else INK)
    if roles:
        y += 30
        canvas.text(0, y - 6, "Work committed to one role: that role's usable days (blue) "
                              "against its work",
                    size=11, fill=MUTED)
        for role, numbers in roles:
            y += row
            canvas.text(0, y - 6, clip(role, label_width - 10, 11), size=11, weight="bold")
            length = bar_width * numbers.usable_days / scale_top
            canvas.rect(label_width, y - 17, length, 8, fill=BLUE_LIGHT, stroke=BLUE)
            role_over = numbers.utilization is not None and numbers.utilization > 1
            demand = bar_width * numbers.demand_days / scale_top
            canvas.rect(label_width, y - 9, demand, 8,
                        fill=RED_LIGHT if role_over else GREEN_LIGHT,
                        stroke=RED if role_over else GREEN)
            used = (f"{numbers.utilization:.0%}" if numbers.utilization is not None
                    else "no usable days")
            canvas.text(label_width + max(length, demand) + 6, y - 6,
                        f"{_number(numbers.demand_days)} of {_number(numbers.usable_days)} "
                        f"({used}{' OVER' if role_over else ''})", size=11)
            y += 4
    canvas.height = y + 10
    return canvas.render()


# -- KPI tiles -----------------------------------------------------------------------------

SPARK_BLOCKS = "▁▂▃▄▅▆▇█"
STATUS = {"green": ("GREEN", GREEN_LIGHT, GREEN), "amber": ("AMBER", AMBER_LIGHT, AMBER),
          "red": ("RED", RED_LIGHT, RED)}
TREND = {"up": "↑ up", "down": "↓ down", "flat": "→ flat"}


def kpi_tiles(figures: Any, model: Any = None) -> str | None:
    """A metrics dashboard: one tile per KPI with its latest value, its status written out
    (GREEN, AMBER, RED) on the status colour, its trend, target and a sparkline."""
    tiles = list(figures.tiles)
    if not tiles:
        return None
    columns, gap = 3, 12.0
    tile_width = (WIDTH - gap * (columns - 1)) / columns
    tile_height = 122.0
    rows = math.ceil(len(tiles) / columns)
    height = 28 + rows * (tile_height + gap)
    canvas = Canvas(WIDTH, height, f"Dashboard: {figures.name}",
                    "One tile per KPI: latest value, status, trend and recent values.")
    canvas.text(0, 16, clip(figures.name, WIDTH, 13), size=13, weight="bold")
    for index, tile in enumerate(tiles):
        x = (index % columns) * (tile_width + gap)
        y = 28 + (index // columns) * (tile_height + gap)
        word, fill, ink = STATUS.get(tile.status or "", ("NO STATUS", GREY_LIGHT, MUTED))
        canvas.rect(x, y, tile_width, tile_height, fill="#ffffff", stroke=GRID, rx=6)
        canvas.rect(x, y, 6, tile_height, fill=ink, rx=2)
        canvas.text(x + 14, y + 20, clip(tile.name, tile_width - 110, 12), size=12,
                    weight="bold", tooltip=tile.name)
        badge = text_width(word, 10) + 12
        canvas.rect(x + tile_width - badge - 8, y + 8, badge, 17, fill=fill, stroke=ink, rx=3)
        canvas.text(x + tile_width - badge / 2 - 8, y + 20, word, size=10, weight="bold",
                    anchor="middle", fill=ink)
        latest = _number(tile.latest, 2) if tile.latest is not None else "no value"
        canvas.text(x + 14, y + 52, latest, size=24, weight="bold")
        value_width = text_width(latest, 24, bold=True)
        canvas.text(x + 20 + value_width, y + 52,
                    clip(tile.unit, tile_width - 40 - value_width, 11), size=11, fill=MUTED)
        facts = [_trend_words(tile.trend, tile.direction)]
        if tile.target is not None:
            facts.append(f"target {_number(tile.target, 2)}")
        facts.append("DORA" if tile.dora else tile.category)
        canvas.text(x + 14, y + 72, clip(" · ".join(facts), tile_width - 24, 11), size=11,
                    fill=MUTED)
        levels = [SPARK_BLOCKS.index(char) for char in tile.sparkline if char in SPARK_BLOCKS]
        if len(levels) >= 2:
            spark_x, spark_y, spark_width, spark_height = x + 14, y + 84, tile_width - 28, 28
            step = spark_width / (len(levels) - 1)
            points = [(spark_x + i * step, spark_y + spark_height * (1 - level / 7))
                      for i, level in enumerate(levels)]
            canvas.polyline(points, stroke=ink, width=1.8)
            canvas.circle(*points[-1], 3, fill=ink)
    return canvas.render()


def _trend_words(trend: str | None, direction: str | None) -> str:
    """"↑ up (better)": the way the KPI moves, and whether that is good news."""
    words = TREND.get(trend or "")
    if words is None:
        return "no trend"
    if trend == "flat" or direction not in ("up", "down"):
        return words
    return f"{words} ({'better' if trend == direction else 'worse'})"


# -- stakeholder grid ----------------------------------------------------------------------

QUADRANT_NAMES = 14
"""The most names listed in one quadrant; the rest are counted."""
QUADRANTS = (
    # (grid key, title, what to do, column, row): column 1 = high interest, row 0 = high power
    ("keep-satisfied", "Keep satisfied", "high power, lower interest", 0, 0),
    ("manage-closely", "Manage closely", "key players: high power and interest", 1, 0),
    ("monitor", "Monitor", "lower power and interest", 0, 1),
    ("keep-informed", "Keep informed", "high interest, lower power", 1, 1),
)


def stakeholder_grid(figures: Any, model: Any = None) -> str | None:
    """A stakeholder plan's power/interest grid: four quadrants with their names written
    in, each stakeholder listed with their role and scores."""
    by_name = {placement.name: placement for placement in figures.placements}
    lines_most = min(max([len(figures.grid.get(key, [])) for key, *_ in QUADRANTS] + [1]),
                     QUADRANT_NAMES + 1)
    left, top = 28.0, 30.0
    cell_width = (WIDTH - left) / 2
    cell_height = max(110.0, 52 + 17 * lines_most)
    off_scale = [placement for placement in figures.placements if placement.quadrant is None]
    height = top + 2 * cell_height + 34 + (18 if off_scale else 0)
    canvas = Canvas(WIDTH, height, "Stakeholder map",
                    "Stakeholders by power (up) and interest (across), with what each gets.")
    canvas.text(0, 16, "Stakeholder map: power and interest", size=13, weight="bold")
    fills = {"manage-closely": RED_LIGHT, "keep-satisfied": AMBER_LIGHT,
             "keep-informed": BLUE_LIGHT, "monitor": GREY_LIGHT}
    for key, title, what, column, row in QUADRANTS:
        x, y = left + column * cell_width, top + row * cell_height
        canvas.rect(x, y, cell_width - 4, cell_height - 4, fill=fills[key], rx=4)
        names = figures.grid.get(key, [])
        canvas.text(x + 10, y + 18, f"{title} ({len(names)})", size=12, weight="bold")
        canvas.text(x + 10, y + 33, what, size=10, fill=MUTED)
        for index, name in enumerate(names):
            line_y = y + 52 + 17 * index
            if index == QUADRANT_NAMES and len(names) > QUADRANT_NAMES + 1:
                canvas.text(x + 14, line_y, f"… and {len(names) - index} more", size=11,
                            fill=MUTED)
                break
            placement = by_name.get(name)
            who = f"{name}, {placement.role}" if placement else name
            if placement is not None:
                scores = (f"power {_number(placement.power)} · "
                          f"interest {_number(placement.interest)}")
                canvas.text(x + cell_width - 14, line_y, scores, size=10, anchor="end",
                            fill=MUTED)
            canvas.text(x + 14, line_y, clip(who, cell_width - 150, 11), size=11, tooltip=who)
    canvas.text(16, top + cell_height, "power ↑ (low at the bottom, high at the top)",
                size=11, anchor="middle", fill=MUTED, vertical=True)
    canvas.text(left + cell_width, top + 2 * cell_height + 14,
                "interest →  (low on the left, high on the right)", size=11, anchor="middle",
                fill=MUTED)
    if off_scale:
        canvas.text(0, height - 8, clip("Not placed (power or interest off the 1–5 scale): "
                                        + ", ".join(p.name for p in off_scale), WIDTH, 11),
                    size=11)
    return canvas.render()


# -- Jira workflow -------------------------------------------------------------------------

CATEGORY = {"todo": ("to do", GREY_LIGHT, MUTED), "in_progress": ("in progress", BLUE_LIGHT,
                                                                  BLUE),
            "done": ("done", GREEN_LIGHT, GREEN)}


def workflow(figures: Any, model: Any = None) -> str | None:
    """A Jira configuration's workflows, left to right: each status as a box (its category
    written under its name), forward transitions as arrows above, backward ones below."""
    parts = [_workflow_part(graph) for graph in figures.workflows]
    if not parts:
        return None
    width = max(part_width for part_width, _, _ in parts)
    board = "Board: " + " | ".join(
        column.name + (f" (WIP {_number(column.wip_limit)})"
                       if column.wip_limit is not None else "")
        for column in figures.board)
    height = 24 + sum(part_height + 16 for _, part_height, _ in parts) + 24
    canvas = Canvas(width, height, f"Jira workflows of {figures.project_key}",
                    "Statuses left to right in the order work reaches them; arrows are "
                    "transitions.")
    canvas.text(0, 16, f"Workflows of project {figures.project_key}", size=13, weight="bold")
    y = 24.0
    for _, part_height, draw in parts:
        draw(canvas, y)
        y += part_height + 16
    canvas.text(0, y + 8, clip(board, width, 11), size=11, fill=MUTED, tooltip=board)
    return canvas.render()


def _workflow_part(graph: Any) -> tuple[float, float, Any]:
    """(width, height, draw(canvas, y)) of one workflow."""
    names = [status.name for status in graph.statuses]
    categories = {status.name: status.category for status in graph.statuses}
    edges: list[tuple[str, str, str]] = []
    from_anywhere: dict[str, list[str]] = {}
    for move in graph.transitions:
        if move.sources == ["*"]:
            from_anywhere.setdefault(move.to, []).append(move.name)
            continue
        for source in move.sources:
            edges.append((source, move.to, move.name))
    for source, target, _ in edges:
        for name in (source, target):
            if name not in names:
                names.append(name)
    for name in from_anywhere:
        if name not in names:
            names.append(name)
    order = _layered_order(names, graph.initial, edges, categories)
    position = {name: index for index, name in enumerate(order)}
    flagged = set(graph.unreachable) | set(graph.unfinishable)
    box_width, box_height = 128.0, 58.0 if flagged else 44.0
    gaps = []
    for index in range(len(order) - 1):
        labels = [label for source, target, label in edges
                  if position.get(source) == index and position.get(target) == index + 1]
        longest = max([text_width(label, 10) for label in labels] + [0])
        gaps.append(max(44.0, min(longest + 18, 150.0)))
    xs = [0.0]
    for gap in gaps:
        xs.append(xs[-1] + box_width + gap)
    lefts = [x + 26 for x in xs]
    width = lefts[-1] + box_width + 16 if lefts else 200.0

    def span_height(span: int) -> float:
        return 20.0 + 16.0 * (span - 1)

    forward = [(s, t, label) for s, t, label in edges
               if position[t] > position[s] + 1]
    backward = [(s, t, label) for s, t, label in edges if position[t] < position[s]]
    above = max([span_height(position[t] - position[s]) for s, t, _ in forward] + [0.0])
    above = max(above, 28.0 if from_anywhere else 0.0)
    below = max([span_height(position[s] - position[t]) for s, t, _ in backward] + [0.0])
    title_height = 18.0
    height = title_height + above + 12 + box_height + below + 16
    ports = _arc_ports(forward, backward, position)

    def draw(canvas: Canvas, y0: float) -> None:
        types = ", ".join(graph.issue_types)
        canvas.text(0, y0 + 12, clip(f"{graph.name} ({types})", width, 12), size=12,
                    weight="bold")
        box_top = y0 + title_height + above + 12
        middle = box_top + box_height / 2
        # The start: a dot and an arrow into the initial status.
        if graph.initial in position:
            x = lefts[position[graph.initial]]
            canvas.circle(x - 20, middle, 5, fill=INK)
            canvas.line(x - 15, middle, x - 1, middle, stroke=INK, arrow=True)
        for name in order:
            x = lefts[position[name]]
            word, fill, ink = CATEGORY.get(categories.get(name) or "",
                                           ("undefined", "#ffffff", RED))
            canvas.rect(x, box_top, box_width, box_height, fill=fill, stroke=ink,
                        stroke_width=2 if name == graph.initial else 1, rx=6,
                        dash="4 3" if name in flagged else None)
            canvas.text(x + box_width / 2, box_top + 19, clip(name, box_width - 10, 12),
                        size=12, weight="bold", anchor="middle", tooltip=name)
            canvas.text(x + box_width / 2, box_top + 35, clip(word, box_width - 8, 10),
                        size=10, anchor="middle", fill=ink)
            problem = ("unreachable" if name in graph.unreachable
                       else "no way to done" if name in graph.unfinishable else "")
            if problem:
                canvas.text(x + box_width / 2, box_top + 50, problem, size=10,
                            anchor="middle", weight="bold", fill=RED)
        for source, target, label in edges:
            start, end = position[source], position[target]
            if end == start + 1:
                x1, x2 = lefts[start] + box_width, lefts[end]
                canvas.line(x1, middle, x2 - 1, middle, stroke=INK, arrow=True)
                canvas.text((x1 + x2) / 2, middle - 5, label, size=10, anchor="middle")
            elif start == end:
                x = lefts[start] + box_width - 20
                canvas.path(f"M{x},{box_top} c 0,-22 30,-22 18,0", stroke=INK, arrow=True)
                canvas.text(x + 10, box_top - 18, label, size=10, anchor="middle")
            else:
                span = abs(end - start)
                rise = span_height(span)
                share_out, share_in = ports[(source, target, label)]
                x1 = lefts[start] + box_width * share_out
                x2 = lefts[end] + box_width * share_in
                if end > start:  # forward past a neighbour: over the top
                    edge_y, apex = box_top, box_top - rise * 4 / 3
                    label_y = box_top - rise - 3
                else:  # backward: underneath
                    edge_y, apex = box_top + box_height, box_top + box_height + rise * 4 / 3
                    label_y = box_top + box_height + rise + 11
                canvas.path(f"M{x1:.1f},{edge_y:.1f} C{x1:.1f},{apex:.1f} {x2:.1f},{apex:.1f} "
                            f"{x2:.1f},{edge_y:.1f}", stroke=MUTED if end < start else INK,
                            arrow=True)
                canvas.text((x1 + x2) / 2, label_y, label, size=10, anchor="middle",
                            fill=MUTED if end < start else INK)
        for target, labels in from_anywhere.items():
            x = lefts[position[target]] + box_width / 2
            canvas.line(x, box_top - 26, x, box_top - 1, stroke=INK, dash="3 3", arrow=True)
            canvas.text(x + 4, box_top - 28, clip("from any status: " + ", ".join(labels),
                                                  box_width * 1.6, 10), size=10)

    return width, height, draw


def _arc_ports(forward: list[tuple[str, str, str]], backward: list[tuple[str, str, str]],
               position: dict[str, int]) -> dict[tuple[str, str, str], tuple[float, float]]:
    """Where each arc leaves and meets its boxes, as shares of the box's width.

    Arcs over the top leave from the right half of their source and land on the left half
    of their target; arcs underneath the other way round. Several arcs at one half are
    spread out, the longer ones outside, so that nested arcs do not cross.
    """
    ends: dict[tuple[str, str, str], list[float]] = {edge: [0.5, 0.5] for edge in
                                                       forward + backward}
    slots: dict[tuple[str, str, bool], list[tuple[int, tuple[str, str, str], int]]] = {}
    for edges, side in ((forward, "top"), (backward, "bottom")):
        for edge in edges:
            source, target, _ = edge
            span = abs(position[target] - position[source])
            # (box, side, right half?) -> (sort key, edge, which end)
            source_right = side == "top"
            slots.setdefault((source, side, source_right), []).append(
                (-span if source_right else span, edge, 0))
            slots.setdefault((target, side, not source_right), []).append(
                (span if source_right else -span, edge, 1))
    for (_, _, right_half), items in slots.items():
        items.sort(key=lambda item: item[0])
        low, high = (0.56, 0.92) if right_half else (0.08, 0.44)
        for index, (_, edge, end) in enumerate(items):
            share = (low + high) / 2 if len(items) == 1 else \
                low + (high - low) * index / (len(items) - 1)
            ends[edge][end] = share
    return {edge: (pair[0], pair[1]) for edge, pair in ends.items()}


def _layered_order(names: list[str], initial: str, edges: list[tuple[str, str, str]],
                   categories: dict[str, str | None]) -> list[str]:
    """Statuses in the order work reaches them: by the fewest transitions from the initial
    status, then by category (to do, in progress, done), then as listed."""
    distance = {initial: 0}
    frontier = [initial]
    while frontier:
        following = []
        for name in frontier:
            for source, target, _ in edges:
                if source == name and target not in distance:
                    distance[target] = distance[name] + 1
                    following.append(target)
        frontier = following
    rank = {"todo": 0, "in_progress": 1, "done": 2}
    deepest = max(distance.values()) + 1
    unreached = {"todo": 0, "in_progress": deepest, "done": deepest + 1}

    def key(name: str) -> tuple[float, int, int]:
        category = categories.get(name) or "in_progress"
        if name in distance:
            return (distance[name], rank.get(category, 1), names.index(name))
        return (unreached.get(category, deepest) + 0.5, rank.get(category, 1), names.index(name))

    ordered = sorted(names, key=key)
    # Done statuses last, so the picture ends where the work does.
    return [name for name in ordered if categories.get(name) != "done"] + \
        [name for name in ordered if categories.get(name) == "done"]


# -- RICE ranking --------------------------------------------------------------------------


RICE_ROWS = 25
"""The most initiatives drawn; the rest are counted."""


def rice_ranking(figures: Any, model: Any = None) -> str | None:
    """A product vision's initiatives ranked by RICE score, as horizontal bars."""
    rows = list(figures.rows)
    if not rows:
        return None
    hidden = max(0, len(rows) - RICE_ROWS)
    rows = rows[:RICE_ROWS]
    label_width, right, row = 380.0, 150.0, 24.0
    bar_width = WIDTH - label_width - right
    best = max([r.score for r in rows if r.score is not None] + [1.0])
    height = 34 + row * (len(rows) + (1 if hidden else 0)) + 30
    canvas = Canvas(WIDTH, height, f"RICE ranking of {figures.product}",
                    "Initiatives by reach × impact × confidence ÷ effort, best first.")
    canvas.text(0, 16, f"{figures.product}: initiatives ranked by RICE", size=13,
                weight="bold")
    y = 34.0
    for item in rows:
        place = f"{item.rank}." if item.rank is not None else "–"
        canvas.text(0, y + 15, place, size=12, weight="bold")
        canvas.text(28, y + 15, clip(item.name, label_width - 36, 12), size=12,
                    tooltip=item.name)
        if item.score is None:
            canvas.text(label_width, y + 15, "not scored yet", size=11, fill=MUTED,
                        italic=True)
        else:
            length = bar_width * item.score / best
            top_one = item.rank == 1
            canvas.rect(label_width, y + 4, length, row - 8,
                        fill=GREEN_LIGHT if top_one else BLUE_LIGHT,
                        stroke=GREEN if top_one else BLUE, rx=2,
                        tooltip=f"{_number(item.reach)} × {_number(item.impact)} × "
                                f"{_number(item.confidence, 2)} ÷ {_number(item.effort)}")
            detail = f"{_number(item.score)}" + (f" · WSJF {_number(item.wsjf, 2)}"
                                                  if item.wsjf is not None else "")
            canvas.text(label_width + length + 6, y + 15, detail, size=11)
        y += row
    if hidden:
        canvas.text(28, y + 15, f"… and {hidden} more initiatives", size=11, fill=MUTED)
        y += row
    canvas.text(0, y + 18, "RICE = reach × impact × confidence ÷ effort (person-months)",
                size=11, fill=MUTED)
    return canvas.render()


# -- section checklists --------------------------------------------------------------------


def charter_checklist(figures: Any, model: Any = None) -> str | None:
    """A team charter: its required sections, and who has signed."""
    signed = f"Signed by {len(figures.signed)} of {figures.team_size}" + (
        f"; not yet: {', '.join(figures.unsigned)}" if figures.unsigned else "")
    agreements = f"{figures.agreements} working agreements (at least " \
                 f"{figures.min_agreements})"
    return _checklist("Team charter sections", figures.checklist, figures.min_words,
                      [agreements, signed])


def trd_checklist(figures: Any, model: Any = None) -> str | None:
    """A TRD: its required sections, and how its requirements trace to acceptance tests."""
    counts = figures.requirement_counts
    traced = len(figures.traceability) - len(figures.untraced)
    lines = [f"{counts.get('FR', 0)} functional and {counts.get('NFR', 0)} non-functional "
             f"requirements, {counts.get('AC', 0)} acceptance criteria",
             f"{traced} of {len(figures.traceability)} functional requirements traced to an "
             "acceptance criterion" + (f"; not yet: {', '.join(figures.untraced)}"
                                       if figures.untraced else "")]
    return _checklist("Requirements document sections", figures.checklist, figures.min_words,
                      lines)


def _checklist(title: str, rows: Sequence[Any], min_words: int, facts: list[str]) -> str | None:
    if not rows:
        return None
    columns, gap, box_height = 3, 10.0, 40.0
    box_width = (WIDTH - gap * (columns - 1)) / columns
    lines = math.ceil(len(rows) / columns)
    height = 30 + lines * (box_height + gap) + 20 * len(facts) + 10
    canvas = Canvas(WIDTH, height, title, "Each required section: written, short or missing.")
    canvas.text(0, 16, title, size=13, weight="bold")
    for index, row in enumerate(rows):
        x = (index % columns) * (box_width + gap)
        y = 28 + (index // columns) * (box_height + gap)
        if row.line is None:
            mark, word, fill, ink = "✗", "missing", RED_LIGHT, RED
        elif row.words < min_words:
            mark, word, fill, ink = "!", f"short: {row.words} words", AMBER_LIGHT, AMBER
        else:
            mark, word, fill, ink = "✓", f"written: {row.words} words", GREEN_LIGHT, GREEN
        canvas.rect(x, y, box_width, box_height, fill=fill, stroke=ink, rx=4)
        canvas.text(x + 10, y + 26, mark, size=16, weight="bold", fill=ink)
        canvas.text(x + 30, y + 17, clip(row.section, box_width - 38, 12), size=12,
                    weight="bold", tooltip=row.section)
        canvas.text(x + 30, y + 32, word, size=10, fill=ink)
    y = 28 + lines * (box_height + gap) + 10
    for fact in facts:
        canvas.text(0, y, clip(fact, WIDTH, 11), size=11, tooltip=fact)
        y += 20
    return canvas.render()


# -- the path ------------------------------------------------------------------------------

SKILL_STATUS = {"passed": ("P", "passed", GREEN_LIGHT, GREEN),
                "skipped": ("S", "skipped", GREY_LIGHT, MUTED),
                "in progress": ("I", "in progress", AMBER_LIGHT, AMBER),
                "not started": ("N", "not started", "#ffffff", FAINT)}


def progress_bar(fraction: float, label: str, width: float = 160) -> str:
    """A small bar filled to ``fraction``, with ``label`` (e.g. "5/9") beside it."""
    canvas = Canvas(width + 60, 16, f"progress {label}")
    canvas.rect(0.5, 2.5, width, 11, fill="#ffffff", stroke=MUTED)
    canvas.rect(0.5, 2.5, width * max(0.0, min(fraction, 1.0)), 11, fill=BLUE_LIGHT,
                stroke=BLUE)
    canvas.text(width + 8, 12, label, size=11)
    return canvas.render()


def path_timeline(skills: Sequence[tuple[int, str, float, str]], weeks_elapsed: float,
                  verdict: str) -> str:
    """The path's skills as consecutive stretches of planned weeks, each marked with its
    status letter (P passed, I in progress, S skipped, N not started), and a line at the
    weeks elapsed since the start."""
    total = sum(weeks for _, _, weeks, _ in skills) or 1.0
    left, right, top = 4.0, 12.0, 44.0
    width = WIDTH - left - right
    height = 126.0
    canvas = Canvas(WIDTH, height, "Weeks against plan",
                    "Each skill's planned weeks, its status, and the weeks elapsed.")
    canvas.text(0, 16, "Weeks against plan", size=13, weight="bold")
    x = left
    for number, title, weeks, status in skills:
        letter, word, fill, ink = SKILL_STATUS.get(status, SKILL_STATUS["not started"])
        span = width * weeks / total
        canvas.rect(x, top, span, 30, fill=fill, stroke=ink,
                    tooltip=f"Skill {number} {title}: {word}, {weeks:g} weeks planned")
        if span >= 18:
            canvas.text(x + span / 2, top + 19, f"{number}{letter}", size=11, weight="bold",
                        anchor="middle", fill=INK)
        x += span
    step = 4 if total > 24 else 2
    week = 0
    while week <= total + 1e-9:
        tick = left + width * week / total
        canvas.line(tick, top + 30, tick, top + 35, stroke=MUTED)
        canvas.text(tick, top + 47, f"{week}", size=10, anchor="middle", fill=MUTED)
        week += step
    here = left + width * min(weeks_elapsed, total) / total
    canvas.line(here, top - 6, here, top + 36, stroke=RED, width=2)
    canvas.text(min(max(here, 40), WIDTH - 60), top - 9, f"now: week {int(weeks_elapsed) + 1}",
                size=10, anchor="middle", weight="bold", fill=RED)
    canvas.text(0, height - 12, f"Planned weeks; the line is today ({verdict}). "
                                "P passed · I in progress · S skipped · N not started",
                size=11)
    return canvas.render()


# -- a graded artifact's picture -----------------------------------------------------------


def picture_for(result: Any, model: Any = None) -> str | None:
    """The picture its kind declares (``KindSpec.svg``) of a graded artifact, or None when
    the kind declares none or the figures hold nothing to draw. The model (pictures that
    name things the figures know only by id use it) is the one grading validated."""
    from pmpath.kinds import KINDS, spec_of
    from pmpath.kinds.base import lazy

    if result.figures is None or result.kind not in KINDS:
        return None
    spec = spec_of(result.kind)
    if spec.svg is None:
        return None
    return lazy(spec.svg)(result.figures, model if model is not None else result.model)
