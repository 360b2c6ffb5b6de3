"""Portfolio: your passed work, laid out for a hiring manager."""

from pathlib import Path

import typer

from pmpath.cli import session
from pmpath.cli.app import command_group
from pmpath.cli.output import echo, message, write_output

app = command_group()


@app.command("portfolio")
def portfolio(
    output: Path = typer.Option(None, "--output", "-o", metavar="OUT",
                                help="Write to OUT instead of printing."),
    as_html: bool = typer.Option(False, "--html",
                                 help="A self-contained HTML page (with pictures) instead of "
                                      "Markdown."),
    force: bool = typer.Option(False, "--force",
                               help="Replace OUT if it exists (the old file is backed up)."),
) -> None:
    """Your passed work as a portfolio to send a hiring manager.

    Markdown by default, a self-contained HTML page with --html. Each artifact that passes
    `pmpath check` becomes a project: the problem it answers, what you produced and its key
    figures; your STAR stories follow. Work that does not pass yet is left out, and named
    here so you know what is missing.
    """
    from pmpath import api

    result = api.portfolio(session.workspace_option())
    text = result.html() if as_html else result.markdown()
    if output is None:
        echo(text.rstrip("\n"))
    else:
        write_output(output, text, force)
    if result.not_passed:
        message(f"Left out until it passes `pmpath check`: {', '.join(result.not_passed)}.",
                "muted")
