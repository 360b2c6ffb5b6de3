"""The checklist of required sections the Markdown kinds (TRD, team charter) draw.

Every state has a symbol as well as a colour (✔ written, ! too short, ✘ missing or
empty), so the table reads the same with NO_COLOR or on paper.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

MARKS = {
    # state: (symbol, style)
    "complete": ("✔", "green"),
    "short": ("!", "yellow"),
    "missing": ("✘", "red"),
}


def checklist_table(rows: Sequence[Any], min_words: int) -> Any:
    """section, line, words and what is wrong, for ``ChecklistRow`` rows
    (``pmpath.kinds.required_sections``)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1))
    table.add_column("", width=1, no_wrap=True)
    table.add_column("section", no_wrap=True)
    table.add_column("line", justify="right", no_wrap=True)
    table.add_column("words", justify="right", no_wrap=True)
    table.add_column("")
    for row in rows:
        if row.line is None:
            state, line, words = "missing", str(row.near_miss_line or "–"), "–"
            note = f"found as '{row.near_miss}'" if row.near_miss else "missing"
        elif row.words == 0:
            state, line, words, note = "missing", str(row.line), "0", "empty"
        elif row.words < min_words:
            state, line, words = "short", str(row.line), str(row.words)
            note = f"needs {min_words} words"
        else:
            state, line, words, note = "complete", str(row.line), str(row.words), ""
        symbol, style = MARKS[state]
        table.add_row(Text(symbol, style=style), row.section, line, words,
                      Text(note, style=style))
    return table
