"""pmpath dashboard: a metrics dashboard file drawn in the terminal, one tile per KPI."""


from pathlib import Path

import typer

from pmpath.cli.app import command_group
from pmpath.cli.output import JSON_OPTION, message, parse_date, print_json

app = command_group()


@app.command("dashboard")
def dashboard(
    file: Path = typer.Argument(..., metavar="FILE", help="A metrics dashboard file."),
    as_of: str = typer.Option(None, "--as-of", metavar="DATE",
                              help="Grade the file as of this date (YYYY-MM-DD; default "
                                   "today)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """A terminal dashboard of a metrics-dashboard file: one tile per KPI.

    Delivery KPIs on the left, business KPIs on the right. Each tile shows the latest value
    with its unit, the target, the status against the KPI's thresholds (G green, A amber,
    R red), the trend from the previous period (↑ ↓, → within 1%) and a sparkline of the
    last periods. The figures are the ones `pmpath check` reports; --json prints them.
    """
    from pmpath import api
    from pmpath.cli.output import console

    board = api.dashboard(file, as_of=parse_date(as_of, "--as-of") if as_of else None)
    if as_json:
        print_json(board.to_json())
        return
    api.draw_dashboard(board, console())
    problems = board.result.errors + board.result.warnings
    if problems:
        message(f"{file} has {problems} problem{'s' if problems != 1 else ''} to fix; "
                f"`pmpath check {file}` shows each with how to fix it.")
