"""The dashboard picture: one tile per KPI, delivery on the left and business on the right.

Each tile shows the KPI's name, its latest value with its unit, the target, the
status as a letter and a word (G green, A amber, R red) as well as a colour, the
trend arrow (↑ ↓ →) and a sparkline of the last periods, so the picture reads the
same with NO_COLOR, in a log or on paper.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich import box
from rich.panel import Panel
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console, Group

STATUS = {
    # status: (letter, badge style, border style)
    "green": ("G", "bold black on green", "green"),
    "amber": ("A", "bold black on yellow", "yellow"),
    "red": ("R", "bold white on red", "red"),
}
ARROWS = {"up": "↑", "down": "↓", "flat": "→"}
CURRENCY_SIGNS = ("$", "€", "£", "¥")
COLUMNS = (("delivery", "Delivery"), ("business", "Business"))


def number_shown(value: float) -> str:
    """12 -> '12', 1234567 -> '1,234,567', 3.14159 -> '3.14'."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def with_unit(value: float, unit: str) -> str:
    shown = number_shown(value)
    if not unit:
        return shown
    if unit.startswith("%"):
        return shown + unit
    if unit in CURRENCY_SIGNS:
        return unit + shown
    return f"{shown} {unit}"


def target_text(tile: Any) -> str:
    if tile.target is None:
        return "no target"
    sign = {"up": "≥ ", "down": "≤ "}.get(tile.direction or "", "")
    unit = "%" if tile.unit.startswith("%") else ""
    return f"target {sign}{number_shown(tile.target)}{unit}"


def trend_text(tile: Any) -> str:
    if tile.trend is None:
        return "" if tile.latest is None else "· one period"
    arrow = ARROWS[tile.trend]
    if tile.trend == "flat":
        return f"{arrow} steady"
    if tile.direction is None:
        return f"{arrow} {tile.trend}"
    better = (tile.trend == "up") == (tile.direction == "up")
    return f"{arrow} {'better' if better else 'worse'}"


def tile_panel(tile: Any) -> Panel:
    body = Text()
    body.append(tile.name, style="bold")
    body.append("\n")
    if tile.latest is None:
        body.append("no values yet", style="dim")
    else:
        body.append(with_unit(tile.latest, tile.unit), style="bold")
    body.append(f"   {target_text(tile)}\n", style="dim")
    if tile.status in STATUS:
        letter, badge, _ = STATUS[tile.status]
        body.append(f" {letter} ", style=badge)
        body.append(f" {tile.status:<5}")
    else:
        body.append(" - ", style="reverse")
        body.append(" no status", style="dim")
    body.append(f"  {trend_text(tile)}")
    if tile.sparkline:
        body.append(f"  {tile.sparkline}")
    border = STATUS[tile.status][2] if tile.status in STATUS else "dim"
    subtitle = f"DORA {tile.dora}" if tile.dora else None
    return Panel(body, box=box.ROUNDED, border_style=border, subtitle=subtitle,
                 subtitle_align="right", padding=(0, 1))


def column(tiles: list[Any], category: str) -> Group:
    from rich.console import Group

    if not tiles:
        return Group(Text(f"(no {category} KPIs)", style="dim"))
    return Group(*(tile_panel(tile) for tile in tiles))


def summary(tiles: tuple[Any, ...]) -> Text:
    counts = {status: sum(1 for tile in tiles if tile.status == status) for status in STATUS}
    line = Text(f"{len(tiles)} KPI{'s' if len(tiles) != 1 else ''}: ")
    parts = []
    for status, count in counts.items():
        parts.append(f"{count} {STATUS[status][0]} {status}")
    unknown = sum(1 for tile in tiles if tile.status not in STATUS)
    if unknown:
        parts.append(f"{unknown} without a status")
    line.append(", ".join(parts))
    return line


def render(result: Any, console: Console) -> None:
    figures = result.figures
    if figures is None:
        return
    from rich.table import Table

    tiles = figures.tiles
    console.print(Text(figures.name, style="bold"))
    console.print(summary(tiles))
    grid = Table(box=None, expand=True, show_edge=False, padding=(0, 1), pad_edge=False)
    for category, heading in COLUMNS:
        count = sum(1 for tile in tiles if tile.category == category)
        grid.add_column(f"{heading} ({count})", ratio=1, header_style="bold", justify="left")
    grid.add_row(*(column([tile for tile in tiles if tile.category == category], category)
                   for category, _ in COLUMNS))
    console.print(grid)
    console.print(Text("G green, A amber, R red: the latest value against the KPI's thresholds. "
                       "↑ ↓ → the latest value against the previous period (→ within 1%), "
                       "better or worse for the KPI's direction. ▁▂▄▆█ the last periods, "
                       "lowest to highest.", style="dim"))
