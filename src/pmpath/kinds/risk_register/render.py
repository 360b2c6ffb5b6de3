"""The risk heat map: impact down the side (5 at the top), probability across (1 to 5).

Each cell holds the number of live (not closed) risks with that probability and
impact, coloured by zone: red for high (probability × impact at or above the
register's high threshold), amber for medium (8 up to the threshold), green for
low. Every cell also starts with a zone letter (H, M, L) and a legend explains
them, so the picture reads the same with NO_COLOR or on paper.
"""

from __future__ import annotations

from typing import Any

from rich import box
from rich.align import Align
from rich.console import Console
from rich.table import Table
from rich.text import Text

MEDIUM_FROM = 8
"""Scores from here up to the high threshold are the amber (medium) zone."""
PROBABILITY_LABELS = ("1 rare", "2 unlikely", "3 possible", "4 likely", "5 almost\ncertain")
IMPACT_LABELS = {5: "5 severe", 4: "4 major", 3: "3 moderate", 2: "2 minor", 1: "1 negligible"}
ZONES = {
    # zone: (letter, style)
    "high": ("H", "bold white on red"),
    "medium": ("M", "black on yellow"),
    "low": ("L", "black on green"),
}
CELL_WIDTH = 10
MAX_IDS = 15


def zone(score: int, high_threshold: int) -> str:
    if score >= high_threshold:
        return "high"
    if score >= MEDIUM_FROM:
        return "medium"
    return "low"


def legend(high_threshold: int) -> str:
    parts = [f"H high {high_threshold}–25"]
    if high_threshold > MEDIUM_FROM:
        parts.append(f"M medium {MEDIUM_FROM}–{high_threshold - 1}")
    low_top = min(high_threshold, MEDIUM_FROM) - 1
    if low_top >= 1:
        parts.append(f"L low 1–{low_top}" if low_top > 1 else "L low 1")
    return "Zones by score = probability × impact: " + ", ".join(parts)


def id_list(ids: list[str]) -> str:
    if not ids:
        return "none"
    shown = ", ".join(ids[:MAX_IDS])
    if len(ids) > MAX_IDS:
        shown += f" … and {len(ids) - MAX_IDS:,} more"
    return shown


def heatmap_table(heatmap: list[list[int]], high_threshold: int) -> Table:
    table = Table(box=box.SQUARE, show_lines=True, padding=(0, 0),
                  title="probability →", title_justify="center")
    table.add_column(" impact ↓", justify="left", no_wrap=True, min_width=13)
    for label in PROBABILITY_LABELS:
        table.add_column(label, justify="center", width=CELL_WIDTH, vertical="top")
    for row_index, row in enumerate(heatmap):
        impact = 5 - row_index
        cells: list[Text | Align] = [Text(f" {IMPACT_LABELS[impact]}", style="bold")]
        for column_index, count in enumerate(row):
            probability = column_index + 1
            letter, style = ZONES[zone(probability * impact, high_threshold)]
            # Align paints the whole cell in the zone's colour, not only the text.
            cells.append(Align.center(Text(f"{letter} {count}"), style=style))
        table.add_row(*cells)
    return table


def render(result: Any, console: Console) -> None:
    figures = result.figures
    if figures is None:
        return
    heatmap, high_threshold = figures.heatmap, figures.high_threshold
    live = sum(sum(row) for row in heatmap)
    console.print(Text(f"Risk heat map of the {live} risk{'s' if live != 1 else ''} not closed "
                       "(open, monitoring or occurred)", style="bold"))
    console.print(heatmap_table(heatmap, high_threshold))
    console.print(Text(legend(high_threshold), style="dim"))
    for label, ids in (("High risks", figures.high_risks), ("Stale risks", figures.stale_risks)):
        line = Text()
        line.append(f"{label} ({len(ids)}): ", style="bold")
        line.append(id_list(list(ids)), style="red" if ids else "")
        console.print(line)
    console.print(Text(f"Open or monitoring: {figures.open_count}", style="dim"))
