"""Export: hand an artifact (or the whole workspace) to another tool."""

from pathlib import Path

import typer

from pmpath.cli import session
from pmpath.cli.app import command_group
from pmpath.cli.output import echo, message, success

app = command_group()


def _formats_help() -> str:
    from pmpath import api

    return "Formats: " + "; ".join(f"{name}: {text}"
                                   for name, text in api.export_formats().items()) + "."


@app.command("export", epilog=_formats_help())
def export(
    format: str = typer.Argument(..., metavar="FORMAT",
                                 help="ics, jira-csv, mermaid, md or html."),
    file: Path = typer.Argument(None, metavar="[FILE]",
                                help="The artifact to export (not for html, which exports "
                                     "the whole workspace)."),
    output: Path = typer.Option(None, "--output", "-o", metavar="OUT",
                                help="Write to OUT instead of printing (html: default "
                                     "pmpath-report.html in the workspace)."),
    force: bool = typer.Option(False, "--force",
                               help="Replace OUT if it exists (the old file is backed up)."),
    as_of: str = typer.Option(None, "--as-of", metavar="DATE",
                              help="Grade as of this date, YYYY-MM-DD (default: today), as "
                                   "`pmpath check --as-of` does."),
) -> None:
    """Export an artifact for another tool: a calendar, Jira, a wiki, a browser."""
    from pmpath import api
    from pmpath.cli.output import parse_date

    day = parse_date(as_of, "--as-of") if as_of else None
    ws_option = session.workspace_option()
    exported = api.export(format, file, workspace=ws_option, as_of=day)
    if output is None and format == "html":
        ws = session.workspace()
        output = ws.root / exported.suggested_name
    if output is None:
        echo(exported.text.rstrip("\n"))
        return
    from pmpath.core.fileio import write_atomic

    if output.exists():
        if not force:
            from pmpath.core.errors import UsageError

            raise UsageError(f"{output} already exists; add --force to replace it (the old "
                             "file is backed up next to it)")
        backup = output.with_name(output.name + ".bak")
        backup.write_bytes(output.read_bytes())
        message(f"Backed up the old file to {backup}")
    write_atomic(output, exported.text)
    success(f"Wrote {output}")
