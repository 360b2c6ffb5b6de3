"""The team charter's picture: the checklist of required sections, the working
agreements counted, the sign-off list (who has signed, who has not), and the channels
the team's communication has to cover.

Every state has a symbol as well as a colour (✔ done, ✘ missing or not signed), so the
picture reads the same with NO_COLOR or on paper.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text

from pmpath.render.checklist import checklist_table

if TYPE_CHECKING:
    from rich.console import Console

DONE = ("✔", "green")
NOT_DONE = ("✘", "red")


def render(result: Any, console: Console) -> None:
    figures = result.figures
    if figures is None:
        return
    total = len(figures.checklist)
    complete = total - len(figures.sections_missing) - len(figures.sections_empty)
    console.print(Text(f"Charter sections: {complete} of {total} written", style="bold"))
    console.print(checklist_table(figures.checklist, figures.min_words))
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
