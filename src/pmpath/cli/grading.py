"""Grading: new, check, rules, explain, schema."""


from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from pmpath.cli import session
from pmpath.cli.app import command_group
from pmpath.cli.output import JSON_OPTION, echo, message, print_json, styled, success

app = command_group()

if TYPE_CHECKING:
    from pmpath.api import CheckReport



def _kinds_help() -> str:
    from pmpath import api

    return "Kinds: " + ", ".join(api.kinds()) + "."


@app.command("new", epilog=_kinds_help())
def new(
    kind: str = typer.Argument(None, help="Artifact kind, e.g. risk-register.",
                               show_default=False),
    name: str = typer.Option(None, "--name", metavar="FILE",
                             help="File name (inside your workspace) instead of the default."),
    force: bool = typer.Option(False, "--force",
                               help="Replace an existing file; the old one is backed up first."),
) -> None:
    """Write a fresh template for an exercise into its skill folder.

    Without KIND, lists the kinds and the exercise each one is for.
    """
    from pmpath import api

    if kind is None:
        _list_kinds()
        return
    ws = session.workspace()
    result = api.new(kind, name, force=force, workspace=ws)
    shown = ws.relative(result.path)
    if not result.created:
        # Not failed work (exit 1): a request pmpath refuses, to keep the learner's file.
        from pmpath.core.errors import UsageError

        raise UsageError(f"{shown} already exists; your file is untouched. Edit it, or run "
                         f"`pmpath new {kind} --force` to start over (the old file is backed "
                         "up).")
    if result.backup is not None:
        message(f"Backed up your old file to {ws.relative(result.backup)}")
    success(f"Wrote {shown}")
    for companion in result.companions:
        success(f"Wrote {ws.relative(companion)}")
    if result.exercise is not None:
        echo(f"Exercise: {result.exercise.title}")
    echo(f"Fill in every <placeholder>, then run {styled(f'pmpath check {shown}', 'command')}. "
         f"Stuck? {styled('pmpath hint', 'command')}")


def _run_check(paths: list[Path], as_json: bool, as_of: Any,
               record: bool = True) -> "CheckReport":
    from pmpath import api

    report = api.check(paths, as_of=as_of, workspace=session.workspace_option(),
                       record=record)
    if as_json:
        print_json(report.to_json())
    else:
        _show_report(report)
    for error in report.errors:
        message(f"error: {error.path}: {error.message}", "error")
    return report


def _list_kinds() -> None:
    from pmpath import api

    ws = api.open_workspace(session.workspace_option())
    curriculum = api.curriculum_of(ws)
    echo(styled("Artifact kinds you can start with `pmpath new KIND`:", "title"))
    kinds = api.kinds()
    width = max(len(kind) for kind in kinds)
    for kind, label in kinds.items():
        exercises = curriculum.exercises_for_kind(kind)
        what = f"{exercises[0].folder}: {exercises[0].title}" if exercises else label
        echo(f"  {kind:<{width}}  {what}")


def _show_report(report: "CheckReport") -> None:
    from pmpath.cli.output import console
    from pmpath.cli.report import show_result, summary_line

    out = console()
    if not report.artifacts:
        if not report.errors:
            echo("No artifacts to check. Start one with `pmpath new <kind>` "
                 "(`pmpath next` says which).")
        return
    for result in report.artifacts:
        show_result(result, out)
        out.print()
    line, passed = summary_line(report.artifacts)
    out.print(line, style="pass" if passed else "warn")
    for skill in report.skills_passed:
        step = report.next_step
        then = f" Next: {step.text}." if step is not None else \
            " That was the last one: `pmpath path` shows the whole journey."
        out.print(f"🎉 Skill {skill.number} · {skill.title} passed!{then}", style="pass")


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
                               help="Keep running and re-grade the files each time you save "
                                    "them (like `pmpath watch`)."),
    no_record: bool = typer.Option(False, "--no-record",
                                   help="Leave your progress (.pmpath/state.toml) as it is: "
                                        "for hooks and CI that only want the verdict."),
) -> None:
    """Grade artifacts rule by rule, with the arithmetic done and a fix for each problem."""
    from pmpath.cli.output import parse_date

    day = parse_date(as_of, "--as-of") if as_of else None
    if watch:
        from pmpath.cli.watch import watch_files

        watch_files(paths or [], as_of=day)
        return
    report = _run_check(paths or [], as_json, day, record=not no_record)
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
    if info.thresholds:
        numbers = ", ".join(f"{name.replace('_', ' ')} {_number(value)}"
                            for name, value in info.thresholds.items())
        out.print()
        out.print(Text("The numbers this curriculum judges by", style="title"))
        out.print(Padding(f"{numbers} (curriculum/rubric.yaml, thresholds)", (0, 0, 0, 2),
                          expand=False), markup=False, highlight=False)


def _number(value: Any) -> str:
    """3.0 -> 3, [1.0, 2.0] -> [1, 2]: numbers as an instructor wrote them."""
    if isinstance(value, list):
        return "[" + ", ".join(_number(item) for item in value) + "]"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@app.command("schema")
def schema(
    kind: str = typer.Argument(..., help="Artifact kind, e.g. sprint."),
    as_json: bool = typer.Option(True, "--json", help="Print JSON (the only format)."),
) -> None:
    """The JSON Schema of an artifact kind (for editors and other tools)."""
    from pmpath import api

    print_json(api.schema(kind))
