"""The capacity-plan picture: the quarter's calendar, each member's quarter, the work
named for a role, then the team's totals.

Every bar carries its meaning in characters as well as colour, so it reads the same
with ``NO_COLOR`` or on paper:

* a member's bar spans the quarter's workdays: ``█`` days that can be planned,
  ``▒`` days lost to focus (meetings, support) and to the buffer, ``░`` days the
  person is away (days off) or not on this team (fte below 1);
* a utilisation bar fills with ``█`` up to demand / usable and ends in a label:
  "within plan" (at most 85%), "tight" (up to 100%), "over capacity" (above).
"""

from __future__ import annotations

from datetime import date
from typing import Any

PLANNED, OVERHEAD, AWAY = "█", "▒", "░"
MEMBER_BAR_WIDTH = 16
TOTAL_BAR_WIDTH = 30
ROLE_BAR_WIDTH = 12
COMFORTABLE, FULL = 0.85, 1.0
MAX_DATES_LISTED = 6


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


def calendar_lines(figures: Any) -> list[str]:
    """How the workdays were counted: weekdays, minus which holidays."""
    off = list(figures.days_off)
    count = len(off)
    first = (f"{figures.weekdays} weekdays from {figures.quarter_start.isoformat()} to "
             f"{figures.quarter_end.isoformat()}")
    if not count:
        return [f"{first}, no holidays: {figures.workdays} workdays"]
    lines = [f"{first}, minus {count} holiday{'s' if count != 1 else ''}: "
             f"{figures.workdays} workdays"]
    public = set(figures.public_holidays)
    shown = ", ".join(_short_date(day) + ("*" if day in public else "")
                      for day in off[:MAX_DATES_LISTED])
    if count > MAX_DATES_LISTED:
        shown += f" … and {count - MAX_DATES_LISTED} more"
    lines.append(f"holidays: {shown}")
    if public:
        lines.append(f"* a public holiday of {figures.country}")
    return lines


def _short_date(day: date) -> str:
    return f"{day.strftime('%a')} {day.isoformat()}"


def _fte(value: Any) -> str:
    """1 -> '1.0', 0.75 -> '0.75', text as written: an fte reads as a share of a week."""
    if isinstance(value, str):
        return value
    number = float(value or 0)
    return f"{number:.1f}" if number == int(number) else f"{number:g}"


def _cells(share: float, width: int) -> int:
    return max(0, min(width, round(share * width)))


def _utilisation_text(utilization: float | None, width: int) -> Any:
    from rich.text import Text

    label, style = utilisation_band(utilization)
    line = Text()
    if utilization is None:
        line.append(f"— {label}", style=f"bold {style}")
        return line
    line.append(utilisation_bar(float(utilization), width), style=style)
    line.append(f" {float(utilization):.0%} ", style=f"bold {style}")
    line.append(label.upper() if style == "red" else label, style=style)
    return line


def render(result: Any, console: Any) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    figures = result.figures
    if figures is None:
        return
    workdays = figures.workdays

    console.print(Text(f"Team capacity · {workdays} workdays in the quarter", style="bold"))
    for line in calendar_lines(figures):
        console.print(Text(f"  {line}", style="dim"))

    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False)
    # Names and roles wrap onto a second line on a narrow screen, so the bars stay whole.
    table.add_column("member", overflow="fold", max_width=22)
    table.add_column("role", overflow="fold", max_width=26)
    for header in ("fte", "off", "avail", "plan"):
        table.add_column(header, justify="right", no_wrap=True, min_width=len(header))
    table.add_column("quarter", no_wrap=True, min_width=MEMBER_BAR_WIDTH)
    for name, member in figures.members.items():
        bar = member_bar(member.available_days, member.planned_days, workdays)
        table.add_row(name, member.role, _fte(member.fte), f"{member.days_off:g}",
                      f"{member.available_days:.1f}", f"{member.planned_days:.1f}",
                      Text(bar, style="cyan"))
    console.print(table)
    console.print(f"  {PLANNED} planned work   {OVERHEAD} focus loss and buffer   "
                  f"{AWAY} days off or not on this team")

    named = {role: numbers for role, numbers in figures.roles.items() if numbers.demand_days}
    if named:
        console.print()
        console.print(Text("Work named for a role", style="bold"))
        roles = Table(box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False)
        roles.add_column("role", overflow="fold", max_width=26)
        roles.add_column("usable", justify="right", no_wrap=True)
        roles.add_column("demand", justify="right", no_wrap=True)
        roles.add_column("utilisation", no_wrap=True)
        for role, numbers in named.items():
            roles.add_row(role, f"{numbers.usable_days:.1f}", f"{numbers.demand_days:.1f}",
                          _utilisation_text(numbers.utilization, ROLE_BAR_WIDTH))
        console.print(roles)

    console.print()
    totals = Table.grid(padding=(0, 2))
    totals.add_column(justify="left")
    totals.add_column(justify="right")
    totals.add_column(justify="left")
    totals.add_row("capacity", f"{figures.capacity_days:.1f} days",
                   "available days × focus factor")
    totals.add_row("usable", f"{figures.usable_days:.1f} days", "capacity minus the buffer")
    if figures.per_sprint_days is not None:
        totals.add_row("per sprint", f"{figures.per_sprint_days:.1f} days",
                       "usable days per sprint")
    totals.add_row("demand", f"{figures.demand_days:.1f} days",
                   "sum of the commitments' estimates")
    console.print(Text("Totals", style="bold"))
    console.print(totals)

    line = Text("utilisation ")
    line.append_text(_utilisation_text(figures.utilization, TOTAL_BAR_WIDTH))
    console.print(line)
