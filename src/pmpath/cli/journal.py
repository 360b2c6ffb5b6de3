"""The practice journal: log and streak."""


import typer

from pmpath.cli import session
from pmpath.cli.app import command_group
from pmpath.cli.output import JSON_OPTION, echo, print_json, styled, success, today

app = command_group()


@app.command("log")
def log(
    text: str = typer.Argument(..., help="What you practised, in a sentence."),
    minutes: int = typer.Option(None, "--minutes", "-m", min=1, max=1440,
                                help="How long you practised."),
) -> None:
    """Add a line to journal.md, your practice log."""
    from datetime import datetime

    from pmpath.core.journal import append_entry

    ws = session.workspace()
    when = datetime.combine(today(), datetime.now().time())
    entry = append_entry(ws.journal_path, text, minutes, when)
    success(f"Logged in {ws.relative(ws.journal_path)}: {entry}")


@app.command("streak")
def streak(as_json: bool = JSON_OPTION
           ) -> None:
    """Your practice streak from journal.md: practising daily beats cramming."""
    from pmpath.core.journal import read_entries, streak_summary

    ws = session.workspace()
    summary = streak_summary(read_entries(ws.journal_path), today())
    if as_json:
        print_json({"version": 1, **summary})
        return
    current = summary["current_streak"]
    if summary["days_practised"] == 0:
        echo("No practice logged yet. After a session, `pmpath log \"what I did\" --minutes 30`.")
        return
    echo(styled(f"Current streak: {current} day{'s' if current != 1 else ''}", "title"))
    echo(f"Longest streak: {summary['longest_streak']} · days practised: "
         f"{summary['days_practised']} · minutes logged: {summary['minutes']} · "
         f"last 7 days: {summary['last_7_days']} day(s)")
    if current == 0:
        echo("Log something today to start a new streak.")
