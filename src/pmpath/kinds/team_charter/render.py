"""The team charter's picture: the checklist of required sections, the working
agreements counted, the sign-off list (who has signed, who has not), and the channels
the team's communication has to cover.

Every state has a symbol as well as a colour (✔ done, ✘ missing or not signed), so the
picture reads the same with NO_COLOR or on paper.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich import box
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

DONE = ("✔", "green")
NOT_DONE = ("✘", "red")


def checklist_table(figures: Any) -> Table:
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1))
    table.add_column("", width=1, no_wrap=True)
    table.add_column("section", no_wrap=True)
    table.add_column("line", justify="right", no_wrap=True)
    table.add_column("words", justify="right", no_wrap=True)
    table.add_column("")
    for row in figures.checklist:
        if row.line is None:
            (symbol, style), words = NOT_DONE, "–"
            line = str(row.near_miss_line) if row.near_miss else "–"
            note = f"found as '{row.near_miss}'" if row.near_miss else "missing"
        elif row.words < figures.min_words:
            (symbol, style), line, words = NOT_DONE, str(row.line), str(row.words)
            note = "empty" if row.words == 0 else f"needs {figures.min_words} words"
        else:
            (symbol, style), line, words, note = DONE, str(row.line), str(row.words), ""
        table.add_row(Text(symbol, style=style), row.section, line, words,
                      Text(note, style=style))
    return table


def render(result: Any, console: Console) -> None:
    figures = result.figures
    if figures is None:
        return
    total = len(figures.checklist)
    complete = total - len(figures.sections_missing) - len(figures.sections_empty)
    console.print(Text(f"Charter sections: {complete} of {total} written", style="bold"))
    console.print(checklist_table(figures))
    enough = figures.agreements >= figures.min_agreements
    symbol, style = DONE if enough else NOT_DONE
    line = Text()
    line.append(f"{symbol} ", style=style)
    line.append("Working agreements: ", style="bold")
    line.append(f"{figures.agreements} (at least {figures.min_agreements})")
    console.print(line)
    if figures.team_size == 0:
        console.print(Text("Sign-off: nobody is listed under team yet", style="bold"))
    else:
        console.print(Text(f"Sign-off: {len(figures.signed)} of {figures.team_size} signed",
                           style="bold"))
    for name in figures.signed:
        console.print(Text.assemble("  ", (DONE[0], DONE[1]), f" {name}"))
    for name in figures.unsigned:
        console.print(Text.assemble("  ", (NOT_DONE[0], NOT_DONE[1]), f" {name}",
                                    (" — not signed yet", NOT_DONE[1])))
    if figures.team_size > 1:
        console.print(Text(
            f"A team of {figures.team_size} has {figures.communication_channels} one-to-one "
            f"communication channels (n × (n − 1) / 2); the Communication and Meetings "
            f"sections decide which ones carry what.", style="dim"))
