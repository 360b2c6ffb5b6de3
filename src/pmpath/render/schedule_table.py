"""The task table of ``pmpath schedule``: id, name, dates, float and whether it is critical."""

from __future__ import annotations

from typing import Any

TABLE_ROWS = 60


def task_table(title: str, rows: list[tuple[str, str, Any]]) -> Any:
    """id, name, start, finish, float, critical; rows are (id, name, task metrics)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, padding=(0, 1),
                  show_edge=False, pad_edge=False)
    table.add_column("id", no_wrap=True, max_width=10, overflow="ellipsis")
    table.add_column("name", no_wrap=True, max_width=26, overflow="ellipsis", ratio=1)
    table.add_column("start", no_wrap=True, min_width=10)
    table.add_column("finish", no_wrap=True, min_width=10)
    table.add_column("float", justify="right", no_wrap=True, min_width=5)
    table.add_column("critical", no_wrap=True, min_width=8)
    for task_id, name, task in rows[:TABLE_ROWS]:
        critical = task["total_float"] == 0
        table.add_row(task_id, name, str(task["start"]), str(task["finish"]),
                      str(task["total_float"]),
                      Text("yes", style="bold red") if critical else Text("no", style="dim"))
    return table


def print_task_table(out: Any, title: str, rows: list[tuple[str, str, Any]]) -> None:
    from rich.text import Text

    out.print(task_table(title, rows))
    if len(rows) > TABLE_ROWS:
        hidden = len(rows) - TABLE_ROWS
        out.print(Text(f"… and {hidden:,} more task{'s' if hidden != 1 else ''} "
                       "(`--json` lists them all)", style="dim"))
