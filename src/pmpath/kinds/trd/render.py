"""The TRD's picture: the checklist of required sections, the requirement counts, the
traceability table from each functional requirement to its acceptance criteria, the
weak words, and what each availability target allows.

Every state has a symbol as well as a colour (✔ complete, ! too short, ✘ missing), so
the picture reads the same with NO_COLOR or on paper.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich import box
from rich.text import Text

from pmpath.render.checklist import checklist_table

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

def duration_text(minutes: float) -> str:
    """Minutes as people say them: '43.2 minutes', '8.76 hours', '3.65 days', '26 seconds'."""
    for unit, size in (("days", 24 * 60), ("hours", 60), ("minutes", 1)):
        if minutes >= size * (2 if unit == "days" else 1):
            return f"{three_figures(minutes / size)} {unit}"
    return f"{three_figures(minutes * 60)} seconds"


def three_figures(value: float) -> str:
    """At most three significant figures: 43.2, 8.76, 4.38, 52.6, 525."""
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"


def percent_text(value: float) -> str:
    return f"{value:g}%"


def traceability_table(traceability: dict[str, list[str]]) -> Table:
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1))
    table.add_column("requirement", no_wrap=True)
    table.add_column("verified by")
    for requirement, criteria in traceability.items():
        cell = (Text(", ".join(criteria)) if criteria else
                Text("✘ no acceptance criterion", style="red"))
        table.add_row(requirement, cell)
    return table


def render(result: Any, console: Console) -> None:
    figures = result.figures
    if figures is None:
        return
    total = len(figures.checklist)
    complete = total - len(figures.sections_missing) - len(figures.sections_short)
    console.print(Text(f"Required sections: {complete} of {total} complete (at least "
                       f"{figures.min_words} words each)", style="bold"))
    console.print(checklist_table(figures.checklist, figures.min_words))
    counts = figures.requirement_counts
    console.print(Text(f"Requirements: {counts['FR']} functional, {counts['NFR']} "
                       f"non-functional; {counts['AC']} acceptance criteria", style="bold"))
    if figures.traceability:
        traced = len(figures.traceability) - len(figures.untraced)
        console.print(Text(f"Traceability: {traced} of {len(figures.traceability)} functional "
                           "requirements verified", style="bold"))
        console.print(traceability_table(figures.traceability))
    line = Text("Weak words in requirements: ", style="bold")
    if figures.weak_words:
        line.append("; ".join(f"{requirement} {', '.join(words)}"
                              for requirement, words in figures.weak_words.items()),
                    style="yellow")
    else:
        line.append("none")
    console.print(line)
    if figures.availability:
        console.print(Text("Availability targets, as the downtime they allow:", style="bold"))
    for target in figures.availability:
        window = "year" if target.window_days == 365 else f"{target.window_days} days"
        text = Text(f"  {target.requirement}  {percent_text(target.availability_percent)}  "
                    f"{duration_text(target.allowed_downtime_minutes)} per {window}")
        if target.window_days != 365:
            text.append(f", {duration_text(target.allowed_downtime_minutes_per_year)} per year",
                        style="dim")
        console.print(text)
