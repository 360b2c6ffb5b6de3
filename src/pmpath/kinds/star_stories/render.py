"""The STAR stories drawn: each story as a card of four rows, S, T, A and R.

Each row says whether the part is written (✔ or ✘) and how many words it has, then
the start of the part itself. The result row shows the whole result with its figures
highlighted, and lists them underneath ("figures: 2 weeks · 30%"), so a result without
a number stands out with NO_COLOR or on paper: "✘ no number". An action without "I"
is marked "⚠ no 'I'", and a part still holding the template's placeholder "·". Under
the cards: which of the path's skills the stories cover.
"""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from pmpath.kinds.common import PLACEHOLDER

LETTERS = {"situation": "S", "task": "T", "action": "A", "result": "R"}
SHOWN_CHARACTERS = 130
"""The situation, task and action are cut to about two lines; the result is shown whole."""


def cut(text: str, limit: int = SHOWN_CHARACTERS) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def mark(ok: bool) -> Text:
    return Text("✔", style="green") if ok else Text("✘", style="bold red")


def result_text(card: Any) -> Text:
    text = Text(card.texts["result"])
    for start, end in card.number_spans:
        text.stylize("bold reverse green", start, end)
    return text


def figures_found(card: Any) -> str:
    result = card.texts["result"]
    return " · ".join(result[start:end] for start, end in card.number_spans)


def story_table(card: Any) -> Table:
    table = Table(box=box.SQUARE, show_header=False, show_lines=True, padding=(0, 1),
                  expand=True)
    table.add_column(no_wrap=True, width=3)
    table.add_column(no_wrap=True, justify="right", width=8)
    table.add_column(ratio=1)
    for part, letter in LETTERS.items():
        written = card.written[part]
        unfilled = PLACEHOLDER.search(card.texts[part]) is not None
        ok = written and (card.quantified if part == "result" else True)
        first = Text(f"{letter} ")
        first.append_text(Text("·", style="yellow") if unfilled else mark(ok))
        count = Text(f"{card.words[part]} word{'s' if card.words[part] != 1 else ''}",
                     style="dim")
        if unfilled:
            body = Text(f"still the template's placeholder: {cut(card.texts[part], 60)}",
                        style="yellow")
        elif not written:
            body = Text(f"no {part} yet", style="red")
        elif part == "result":
            body = result_text(card)
            found = figures_found(card)
            body.append("\n")
            body.append(f"figures: {found}" if found else "✘ no number",
                        style="green" if found else "bold red")
        else:
            body = Text(cut(card.texts[part]))
            if part == "action" and not card.says_i:
                body.append("\n")
                body.append("⚠ no 'I': say what you did yourself", style="yellow")
        table.add_row(first, count, body)
    return table


def heading(card: Any, number: int, total: int) -> list[Text]:
    """The story's title, then its skill tag on a line of its own (a tag never wraps)."""
    title = Text(f"Story {number} of {total}: {card.title}", style="bold")
    if card.skill is None and card.skill_as_written:
        tag = Text("  skill: still the template's placeholder", style="yellow")
    elif card.skill is None:
        tag = Text("  no skill tag: add skill to say which skill it shows", style="yellow")
    elif card.path_skill:
        tag = Text(f"  skill: {card.skill}", style="cyan")
    else:
        tag = Text(f"  skill: {card.skill} (not a skill of the path)", style="yellow")
    return [title, tag]


def summary(figures: Any) -> list[Text]:
    cards = figures.stories
    total = len(cards)
    quantified = sum(1 for card in cards if card.quantified)
    with_i = sum(1 for card in cards if card.says_i)
    lines = [Text(f"Stories: {total} (the exercise asks for at least {figures.min_stories}) · "
                  f"results with a number: {quantified} of {total} · "
                  f"actions with 'I': {with_i} of {total}",
                  style="bold")]
    path_size = len(figures.skills_covered) + len(figures.skills_not_covered)
    if not path_size:
        lines.append(Text("Skills your stories show: " + (", ".join(figures.skills_shown)
                                                          or "none tagged yet")))
    else:
        covered = Text(f"Path skills your stories show ({len(figures.skills_covered)} of "
                       f"{path_size}): ", style="bold")
        covered.append(", ".join(figures.skills_covered) or "none yet")
        lines.append(covered)
        if figures.skills_not_covered:
            lines.append(Text("Skills no story shows: " + ", ".join(figures.skills_not_covered),
                              style="dim"))
    if figures.other_tags:
        named = [f"{tag} (did you mean {figures.suggestions[tag]}?)"
                 if tag in figures.suggestions else tag for tag in figures.other_tags]
        lines.append(Text("Tags that are not skills of the path: " + ", ".join(named),
                          style="yellow"))
    return lines


def render(result: Any, console: Console) -> None:
    figures = result.figures
    if figures is None:
        return
    total = len(figures.stories)
    for number, card in enumerate(figures.stories, start=1):
        for line in heading(card, number, total):
            console.print(line)
        console.print(story_table(card))
        console.print()
    for line in summary(figures):
        console.print(line)
