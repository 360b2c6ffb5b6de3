"""The stakeholder plan drawn: the power/interest grid, the RACI matrix, the status line.

The grid is a 2×2 with power up the side and interest across, each quadrant named in
capitals and listing its stakeholders with their scores (P5 I4). A key player no
weekly communication reaches is marked ✘. The RACI matrix is a table, one row per
deliverable, a row with a problem marked ✘ under its name. Status colours carry
their letter ([G] green, [A] amber, [R] red), so everything reads the same with
NO_COLOR or on paper.
"""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from pmpath.kinds.base import number_text

RAG = {"green": ("G", "green"), "amber": ("A", "yellow"), "red": ("R", "red")}
TITLES = {"manage-closely": "MANAGE CLOSELY", "keep-satisfied": "KEEP SATISFIED",
          "keep-informed": "KEEP INFORMED", "monitor": "MONITOR"}


def ranges(high_from: float) -> tuple[str, str]:
    """('4–5', '1–3') for a split at 4: the scores counted high and low."""
    if high_from == int(high_from) and 2 <= high_from <= 5:
        top = int(high_from)
        high = "5" if top == 5 else f"{top}–5"
        low = "1" if top == 2 else f"1–{top - 1}"
        return high, low
    return f"{number_text(high_from)} or more", f"below {number_text(high_from)}"


def quadrant_cell(name: str, figures: Any) -> Text:
    cell = Text(TITLES[name], style="bold")
    people = [item for item in figures.placements if item.quadrant == name]
    if not people:
        cell.append("\n(nobody)", style="dim")
    for item in people:
        cell.append("\n")
        if item.name in figures.uncovered_key_players:
            cell.append("✘ ", style="red")
        cell.append(item.name)
        cell.append(f" P{number_text(item.power)} I{number_text(item.interest)}", style="dim")
    return cell


def grid_table(figures: Any) -> Table:
    high, low = ranges(figures.high_from)
    table = Table(box=box.SQUARE, show_lines=True, title="Power/interest grid",
                  title_justify="left", title_style="bold", expand=True)
    table.add_column("", no_wrap=True)
    table.add_column(f"interest low ({low})", ratio=1)
    table.add_column(f"interest high ({high}) →", ratio=1)
    table.add_row(Text(f"power\nhigh\n({high})\n↑", style="bold"),
                  quadrant_cell("keep-satisfied", figures),
                  quadrant_cell("manage-closely", figures))
    table.add_row(Text(f"power\nlow\n({low})", style="bold"),
                  quadrant_cell("monitor", figures), quadrant_cell("keep-informed", figures))
    return table


def raci_table(figures: Any) -> Table:
    table = Table(box=box.SQUARE, show_lines=True, title="RACI matrix", title_justify="left",
                  title_style="bold")
    table.add_column("Deliverable", min_width=16)
    for role in figures.raci_roles:
        table.add_column(role, justify="center")
    for row in figures.raci_rows:
        deliverable = Text(row.deliverable)
        if row.problem:
            deliverable.append(f"\n✘ {row.problem}", style="red")
        cells = [deliverable]
        cells.extend(Text(row.letters.get(role, "·"), style="bold" if role in row.letters
                          else "dim") for role in figures.raci_roles)
        table.add_row(*cells)
    return table


def raci_verdict(figures: Any) -> Text:
    broken = sum(1 for row in figures.raci_rows if row.problem)
    if not broken:
        return Text("✔ every row has exactly one A and at least one R", style="green")
    return Text(f"✘ {broken} row{'s' if broken != 1 else ''} to fix (see the findings)",
                style="red")


def colour(word: str) -> Text:
    letter, style = RAG[word]
    return Text.assemble((f"[{letter}] ", style), word)


def index_line(label: str, value: float | None, working: str) -> Text:
    line = Text()
    line.append(f"{label} ", style="bold")
    if value is None:
        line.append("not given", style="dim")
        return line
    line.append(f"{value:.2f}")
    if working:
        line.append(f" = {working}", style="dim")
    return line


def status_lines(figures: Any) -> list[Text]:
    rag = figures.rag
    header = Text.assemble(("Status report", "bold"), f" {figures.period}")
    colours = Text()
    for position, field in enumerate(("overall", "schedule", "scope", "budget")):
        if position:
            colours.append(" · ")
        colours.append(f"{field} ")
        colours.append_text(colour(rag[field]))
    lines = [header, Text("  ").append_text(colours)]
    for label, value, working, field in (("SPI", figures.spi, figures.spi_working, "schedule"),
                                         ("CPI", figures.cpi, figures.cpi_working, "budget")):
        lines.append(Text("  ").append_text(index_line(label, value, working)))
        floor = figures.green_floor
        if value is not None and value < floor and rag[field] == "green":
            lines.append(Text(f"    ✘ {label} is below {number_text(floor)}, yet {field} is "
                              "green", style="red"))
    evm = figures.earned_value
    if evm is not None and evm.eac is not None:
        forecast = Text("  ")
        forecast.append("Forecast ", style="bold")
        forecast.append(f"EAC {evm.eac:,.0f} (BAC {evm.budget_at_completion:,.0f} ÷ CPI "
                        f"{evm.cpi:.2f}) · VAC {evm.vac:,.0f}")
        if evm.tcpi is not None:
            forecast.append(f" · TCPI {evm.tcpi:.2f}")
        lines.append(forecast)
    return lines


def render(result: Any, console: Console) -> None:
    figures = result.figures
    if figures is None:
        return
    console.print(grid_table(figures))
    if figures.uncovered_key_players:
        console.print(Text("✘ key player with no weekly communication", style="red"))
    console.print(raci_table(figures))
    console.print(raci_verdict(figures))
    console.print(Text("R does the work · A signs it off (one per row) · C asked before · "
                       "I told after", style="dim"))
    for line in status_lines(figures):
        console.print(line)
