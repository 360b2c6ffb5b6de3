"""The capacity-plan picture: each member's quarter, then the team's totals.

Every bar carries its meaning in characters as well as colour, so it reads the same
with ``NO_COLOR`` or on paper:

* a member's bar spans the quarter's workdays: ``█`` days that can be planned,
  ``▒`` days lost to focus (meetings, support) and to the buffer, ``░`` days the
  person is away (days off) or not on this team (fte below 1);
* the utilisation bar fills with ``█`` up to demand / usable and ends in a label:
  "within plan" (at most 85%), "tight" (up to 100%), "over capacity" (above).
"""

from __future__ import annotations

from typing import Any

PLANNED, OVERHEAD, AWAY = "█", "▒", "░"
MEMBER_BAR_WIDTH = 16
TOTAL_BAR_WIDTH = 30
COMFORTABLE, FULL = 0.85, 1.0


def utilisation_band(utilization: float | None) -> tuple[str, str]:
    """(label, style) for a utilisation: the label alone must carry the meaning."""
    if utilization is None:
        return "no usable capacity", "red"
    if utilization <= COMFORTABLE:
        return "within plan", "green"
    if utilization <= FULL:
        return "tight", "yellow"
    return "over capacity", "red"


def member_bar(available: float, planned: float, workdays: int,
               width: int = MEMBER_BAR_WIDTH) -> str:
    """The member's workdays split into planned, overhead and away, in ``width`` cells."""
    if workdays <= 0:
        return AWAY * width
    planned_cells = _cells(planned / workdays, width)
    available_cells = max(planned_cells, _cells(available / workdays, width))
    return (PLANNED * planned_cells + OVERHEAD * (available_cells - planned_cells)
            + AWAY * (width - available_cells))


def utilisation_bar(utilization: float, width: int = TOTAL_BAR_WIDTH) -> str:
    """Filled up to the utilisation (100% = the whole bar); an overflow ends in '▶'."""
    if utilization > FULL:
        return PLANNED * (width - 1) + "▶"
    filled = _cells(utilization, width)
    return PLANNED * filled + "·" * (width - filled)


def _number(value: Any) -> str:
    """1 -> '1.0', 0.75 -> '0.75': an fte always reads as a fraction of a week."""
    number = float(value or 0)
    return f"{number:.1f}" if number == int(number) else f"{number:g}"


def _cells(share: float, width: int) -> int:
    return max(0, min(width, round(share * width)))


def render(result: Any, console: Any) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    metrics = result.metrics
    if not metrics:
        return
    workdays = int(metrics.get("workdays") or 0)
    members: dict[str, dict[str, Any]] = metrics.get("members") or {}

    table = Table(title=f"Team capacity · {workdays} workdays in the quarter",
                  box=box.SIMPLE_HEAD, padding=(0, 1), title_justify="left")
    table.add_column("member", overflow="ellipsis", max_width=18, no_wrap=True)
    table.add_column("role", overflow="ellipsis", max_width=16, no_wrap=True)
    for header in ("fte", "off", "avail", "plan"):
        table.add_column(header, justify="right", no_wrap=True, min_width=len(header))
    table.add_column("quarter", no_wrap=True, min_width=MEMBER_BAR_WIDTH)
    for name, member in members.items():
        available = float(member.get("available_days") or 0)
        planned = float(member.get("planned_days") or 0)
        bar = member_bar(available, planned, workdays)
        table.add_row(name, str(member.get("role", "")), _number(member.get("fte", 0)),
                      f"{member.get('days_off', 0):g}", f"{available:.1f}", f"{planned:.1f}",
                      Text(bar, style="cyan"))
    console.print(table)
    console.print(f"  {PLANNED} planned work   {OVERHEAD} focus loss and buffer   "
                  f"{AWAY} days off or not on this team")
    console.print()

    capacity = float(metrics.get("capacity_days") or 0)
    usable = float(metrics.get("usable_days") or 0)
    demand = float(metrics.get("demand_days") or 0)
    utilization = metrics.get("utilization")
    per_sprint = metrics.get("per_sprint_days")

    totals = Table.grid(padding=(0, 2))
    totals.add_column(justify="left")
    totals.add_column(justify="right")
    totals.add_column(justify="left")
    totals.add_row("capacity", f"{capacity:.1f} days", "available days × focus factor")
    totals.add_row("usable", f"{usable:.1f} days", "capacity minus the buffer")
    if per_sprint is not None:
        totals.add_row("per sprint", f"{float(per_sprint):.1f} days", "usable days per sprint")
    totals.add_row("demand", f"{demand:.1f} days", "sum of the commitments' estimates")
    console.print(Text("Totals", style="bold"))
    console.print(totals)

    label, style = utilisation_band(utilization)
    line = Text("utilisation ")
    if utilization is None:
        line.append(f"— {label}", style=f"bold {style}")
    else:
        line.append(utilisation_bar(float(utilization)), style=style)
        line.append(f" {float(utilization):.0%} ", style=f"bold {style}")
        line.append(label.upper() if style == "red" else label, style=style)
    console.print(line)
