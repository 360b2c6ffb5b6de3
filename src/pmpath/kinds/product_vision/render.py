"""The product vision's picture: the market funnel, the roadmap by year and the RICE ranking.

The funnel draws TAM, SAM and SOM as bars on one linear scale, with each value and
the share it is of the layer above, so a SOM that is 0.8% of TAM looks as small as
it is. Everything is text and block characters, so it reads the same with NO_COLOR.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich import box
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

from pmpath.kinds.product_vision.rules import money

BAR_WIDTH = 40
LAYER_STYLES = {"TAM": "blue", "SAM": "cyan", "SOM": "green"}


def share_text(part: float, whole: float) -> str:
    share = part / whole
    return f"{share:.0%}" if share >= 0.1 else f"{share:.1%}"


def funnel(figures: Any) -> Table | Text:
    from rich.table import Table

    layers = figures.market
    if not layers:
        return Text("Market: not sized yet (tam, sam and som need values above 0).",
                    style="dim")
    table = Table(box=None, show_header=False, padding=(0, 1), pad_edge=False)
    table.add_column("layer", no_wrap=True, style="bold")
    table.add_column("bar", no_wrap=True)
    table.add_column("value", no_wrap=True, justify="right")
    table.add_column("share", no_wrap=True, style="dim")
    largest = max(layer.value for layer in layers)
    previous = None
    for layer in layers:
        cells = max(1, round(BAR_WIDTH * layer.value / largest))
        # Centred bars narrowing layer by layer read as a funnel.
        pad = (BAR_WIDTH - cells) // 2
        bar = Text(" " * pad + "█" * cells + " " * (BAR_WIDTH - cells - pad),
                   style=LAYER_STYLES.get(layer.name, ""))
        share = f"{share_text(layer.value, previous.value)} of {previous.name}" \
            if previous is not None else ""
        table.add_row(layer.name, bar, money(layer.value, layer.unit), share)
        previous = layer
    return table


def roadmap_table(figures: Any) -> Table | Text:
    from rich.table import Table

    if not figures.roadmap:
        return Text("Roadmap: no years yet.", style="dim")
    table = Table(box=box.SIMPLE_HEAD, show_lines=False, padding=(0, 1), expand=False)
    table.add_column("Year", no_wrap=True, justify="right", style="bold")
    table.add_column("Themes")
    for year, themes in figures.roadmap:
        table.add_row(str(year), "\n".join(f"• {theme}" for theme in themes) or "(no themes)")
    return table


def number_shown(value: float | None, places: int = 2) -> str:
    if value is None:
        return "?"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.{places}f}".rstrip("0").rstrip(".")


def ranking_table(figures: Any) -> Table:
    from rich.table import Table

    with_wsjf = bool(figures.wsjf)
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Initiative", ratio=1, min_width=14)
    table.add_column("Reach", justify="right", no_wrap=True)
    table.add_column("Impact", justify="right", no_wrap=True)
    table.add_column("Conf.", justify="right", no_wrap=True)
    table.add_column("Effort", justify="right", no_wrap=True)
    table.add_column("RICE", justify="right", no_wrap=True, style="bold")
    if with_wsjf:
        table.add_column("WSJF", justify="right", no_wrap=True)
    for row in figures.rows:
        confidence = f"{row.confidence:.0%}" if row.confidence is not None else "?"
        cells = [str(row.rank) if row.rank is not None else "–", row.name,
                 number_shown(row.reach), number_shown(row.impact), confidence,
                 number_shown(row.effort),
                 number_shown(row.score) if row.score is not None else "not scored"]
        if with_wsjf:
            cells.append(number_shown(row.wsjf) if row.wsjf is not None else "–")
        table.add_row(*cells)
    return table


def render(result: Any, console: Console) -> None:
    figures = result.figures
    if figures is None:
        return
    years = figures.horizon_years
    console.print(Text(f"{figures.product}: a {years}-year vision", style="bold"))
    console.print()
    console.print(Text("Market (TAM ≥ SAM ≥ SOM, yearly)", style="bold"))
    console.print(funnel(figures))
    console.print()
    console.print(Text("Roadmap by year", style="bold"))
    console.print(roadmap_table(figures))
    console.print(Text("Initiatives by RICE score (reach × impact × confidence ÷ effort)",
                       style="bold"))
    console.print(ranking_table(figures))
    notes = ["Impact 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal; effort in "
             "person-months."]
    if figures.wsjf:
        notes.append("WSJF = (value + time criticality + risk reduction) ÷ job size.")
    console.print(Text(" ".join(notes), style="dim"))

