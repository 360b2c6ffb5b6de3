"""Grading: new, check, rules, explain, schema."""


from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from pmpath.cli import session
from pmpath.cli.app import command_group
from pmpath.cli.output import JSON_OPTION, echo, message, print_json, styled, success, warning

app = command_group()

if TYPE_CHECKING:
    from pmpath.api import CheckReport
    from pmpath.core.grading import ArtifactResult



@app.command("new")
def new(
    kind: str = typer.Argument(..., help="Artifact kind, e.g. risk-register."),
    name: str = typer.Option(None, "--name", metavar="FILE",
                             help="File name (inside your workspace) instead of the default."),
    force: bool = typer.Option(False, "--force",
                               help="Replace an existing file; the old one is backed up first."),
) -> None:
    """Write a fresh template for an exercise into its skill folder."""
    from pmpath import api

    ws = session.workspace()
    result = api.new(kind, name, force=force, workspace=ws)
    shown = ws.relative(result.path)
    if not result.created:
        warning(f"{shown} already exists; your file is untouched. Edit it, or run "
                f"`pmpath new {kind} --force` to start over (the old file is backed up).")
        raise typer.Exit(1)
    if result.backup is not None:
        message(f"Backed up your old file to {ws.relative(result.backup)}")
    success(f"Wrote {shown}")
    if result.exercise is not None:
        echo(f"Exercise: {result.exercise.title}")
    echo(f"Fill in every <placeholder>, then run {styled(f'pmpath check {shown}', 'command')}. "
         f"Stuck? {styled('pmpath hint', 'command')}")


def _show(result: "ArtifactResult") -> None:
    from rich.table import Table
    from rich.text import Text

    from pmpath.cli.output import console

    out = console()
    verdict = Text(" PASS ", style="pass") if result.passed else Text(" FAIL ", style="fail")
    counts = []
    if result.errors:
        counts.append(f"{result.errors} error{'s' if result.errors != 1 else ''}")
    if result.warnings:
        counts.append(f"{result.warnings} warning{'s' if result.warnings != 1 else ''}")
    out.print(Text("✔" if result.passed else "✘") + verdict
              + Text(f"{result.path}", style="bold")
              + Text(f"  {result.kind} · score {result.score}/100"
                     + (f" · {', '.join(counts)}" if counts else ""), style="muted"))
    if result.findings:
        table = Table(show_edge=False, pad_edge=False, expand=False)
        table.add_column("Rule", no_wrap=True)
        table.add_column("Where", overflow="fold")
        table.add_column("Problem", ratio=3)
        table.add_column("How to fix", ratio=3)
        rows = _finding_rows(result.findings)
        for rule, severity, where, problem, fix in rows[:200]:
            style = "fail" if severity == "error" else "warn"
            table.add_row(Text(rule, style=style), where, problem, fix)
        out.print(table)
        if len(rows) > 200:
            out.print(Text(f"… and {len(rows) - 200} more findings "
                           "(`pmpath check --json` lists them all)", style="muted"))
    if result.metrics:
        _figures(result)
    out.print()


def _finding_rows(findings: list[Any]) -> list[tuple[str, str, str, str, str]]:
    """Table rows; a fresh template's many placeholders are gathered into one row."""
    placeholders = [f for f in findings if f.rule == "common.placeholder"]
    rows = []
    gathered = False
    for finding in findings:
        if finding.rule == "common.placeholder" and len(placeholders) > 3:
            if not gathered:
                shown = ", ".join(f.where for f in placeholders[:8])
                more = f" and {len(placeholders) - 8} more" if len(placeholders) > 8 else ""
                rows.append((finding.rule, finding.severity, f"{len(placeholders)} places",
                             f"template placeholders are still in {shown}{more}",
                             finding.hint))
                gathered = True
            continue
        rows.append((finding.rule, finding.severity, finding.where, finding.message,
                     finding.hint))
    return rows


def _figures(result: "ArtifactResult") -> None:
    from pmpath import api
    from pmpath.cli.output import console

    if api.draw(result, console()):
        return
    if not result.metrics:
        return
    from rich.table import Table

    table = Table(title="Figures", title_justify="left", show_header=False, show_edge=False)
    for key, value in result.metrics.items():
        table.add_row(key, str(value))
    console().print(table)


def _run_check(paths: list[Path], as_json: bool, as_of: Any) -> "CheckReport":
    from pmpath import api

    report = api.check(paths, as_of=as_of, workspace=session.workspace_option())
    if as_json:
        print_json(report.to_json())
    else:
        _show_report(report)
    for error in report.errors:
        message(f"error: {error.path}: {error.message}", "error")
    return report


def _show_report(report: "CheckReport") -> None:
    from pmpath.cli.output import console

    graded = report.artifacts
    if not graded:
        if not report.errors:
            echo("No artifacts to check. Start one with `pmpath new <kind>` "
                 "(`pmpath next` says which).")
        return
    for result in graded:
        _show(result)
    passing = sum(1 for result in graded if result.passed)
    line = f"{passing} of {len(graded)} artifact{'s' if len(graded) != 1 else ''} pass"
    out = console()
    if passing == len(graded):
        out.print(line, style="pass")
    else:
        out.print(line + " · fix the errors above and run `pmpath check` again", style="warn")


def exit_code(report: "CheckReport") -> int:
    """3 a rule's check broke, 2 a path could not be opened, 1 the work has errors, 0 ok."""
    if report.internal_errors:
        return 3
    if report.errors:
        return 2
    return 0 if report.passed else 1


@app.command("check")
def check(
    paths: list[Path] = typer.Argument(None, metavar="[PATH]...",
                                       help="Files or folders (default: your whole workspace)."),
    as_json: bool = JSON_OPTION,
    as_of: str = typer.Option(None, "--as-of", metavar="DATE",
                              help="Grade as if today were DATE (YYYY-MM-DD)."),
    watch: bool = typer.Option(False, "--watch",
                               help="Keep running and re-grade a file each time you save it."),
) -> None:
    """Grade artifacts rule by rule, with the arithmetic done and a fix for each problem."""
    from pmpath.cli.output import parse_date

    day = parse_date(as_of, "--as-of") if as_of else None
    report = _run_check(paths or [], as_json, day)
    if watch:
        from pmpath.cli.watch import watch_files

        watch_files(paths or [], as_of=day)
        return
    code = exit_code(report)
    if code:
        raise typer.Exit(code)


@app.command("rules")
def rules(
    kind: str = typer.Argument(None, help="Only the rules of this kind."),
    as_json: bool = JSON_OPTION,
) -> None:
    """The rule catalogue, like a linter's: every rule pmpath grades by."""
    from pmpath import api

    catalogue = api.rules(kind, workspace=session.workspace_option())
    if as_json:
        print_json({"version": 1, "rules": [info.to_json() for info in catalogue]})
        return
    from rich.table import Table

    from pmpath.cli.output import console

    table = Table(show_edge=False)
    table.add_column("Rule", no_wrap=True)
    table.add_column("Severity")
    table.add_column("Weight", justify="right")
    table.add_column("Holds when")
    for info in catalogue:
        table.add_row(info.rule.id, info.rule.severity, f"{info.weight:g}", info.rule.title)
    console().print(table)
    console().print("`pmpath explain RULE` tells why a rule matters and how to fix it.",
                    style="muted")


@app.command("explain")
def explain(
    rule_id: str = typer.Argument(..., metavar="RULE", help="Rule id, e.g. risk.score-matches."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Why a rule matters, what passes, what fails, and how to fix it."""
    from pmpath import api

    info = api.explain(rule_id, workspace=session.workspace_option())
    rule, kind, weight = info.rule, info.kind, info.weight
    if as_json:
        print_json({"version": 1, **info.to_json(examples=True)})
        return
    from rich.padding import Padding
    from rich.syntax import Syntax
    from rich.text import Text

    from pmpath.cli.output import console

    out = console()
    out.print(Text(f"{rule.id}", style="title"),
              Text(f"  ({kind or 'every kind'} · {rule.severity} · weight {weight:g})",
                   style="muted"))
    out.print(rule.title)
    out.print()
    out.print(Text("Why it matters", style="title"))
    out.print(Padding(rule.rationale, (0, 0, 1, 2), expand=False))
    for label, snippet in (("Passes", rule.passes), ("Fails", rule.fails)):
        if snippet:
            out.print(Text(label, style="title"))
            code = Syntax(snippet, "yaml", theme="ansi_dark", background_color="default")
            out.print(Padding(code, (0, 0, 1, 2), expand=False))
    out.print(Text("How to fix", style="title"))
    out.print(Padding(rule.hint, (0, 0, 0, 2), expand=False))


@app.command("schema")
def schema(
    kind: str = typer.Argument(..., help="Artifact kind, e.g. sprint."),
    as_json: bool = typer.Option(True, "--json", help="Print JSON (the only format)."),
) -> None:
    """The JSON Schema of an artifact kind (for editors and other tools)."""
    from pmpath import api

    print_json(api.schema(kind))
