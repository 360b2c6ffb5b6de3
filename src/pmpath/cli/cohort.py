"""Cohort: one row per learner's workspace, for instructors."""

from pathlib import Path
from typing import Any

import typer

from pmpath.cli.app import command_group
from pmpath.cli.output import JSON_OPTION, echo, print_json, write_output

app = command_group()


@app.command("cohort")
def cohort(
    folders: list[Path] = typer.Argument(..., metavar="DIR...",
                                         help="Learners' workspaces, or folders holding "
                                              "them (looked for one level down)."),
    as_json: bool = JSON_OPTION,
    as_html: bool = typer.Option(False, "--html", help="A self-contained HTML table."),
    output: Path = typer.Option(None, "--output", "-o", metavar="OUT",
                                help="Write to OUT instead of printing."),
    force: bool = typer.Option(False, "--force",
                               help="Replace OUT if it exists (the old file is backed up)."),
) -> None:
    """Instructors: one row per learner's workspace, graded in one process.

    Each learner's work is graded now, without recording anything in their workspace:
    the skill reached, weeks against the plan, exercises passed and each exercise's score.
    A workspace that cannot be graded is a row saying why.
    """
    from pmpath import api

    result = api.cohort(folders)
    if as_json and as_html:
        from pmpath.core.errors import UsageError

        raise UsageError("choose --json or --html, not both")
    if as_json:
        if output is None:
            print_json(result.to_json())
            return
        import json

        write_output(output, json.dumps(result.to_json(), indent=2, ensure_ascii=False) + "\n",
                     force)
        return
    if as_html:
        if output is None:
            echo(result.html().rstrip("\n"))
        else:
            write_output(output, result.html(), force)
        return
    _table(result, output, force)


def _table(result: Any, output: Path | None, force: bool) -> None:
    from rich import box
    from rich.table import Table

    from pmpath.cli.output import console

    names = result.column_names()
    # Compact enough for 100 columns with a dozen exercises: no vertical rules, one space
    # between columns, and the text columns wrap rather than squeeze the scores.
    table = Table(title=f"Cohort · {len(result.learners)} learner"
                        f"{'s' if len(result.learners) != 1 else ''} · graded as of "
                        f"{result.as_of.isoformat()}", title_justify="left",
                  box=box.SIMPLE_HEAD, padding=(0, 0), pad_edge=False)
    table.add_column("Learner", min_width=10, max_width=22)
    table.add_column("Skill reached", min_width=8, max_width=18)
    table.add_column("Weeks", min_width=8, max_width=16)
    table.add_column("Passed", justify="right", no_wrap=True)
    for name in names:
        table.add_column(name, justify="right", no_wrap=True, min_width=3)
    problems = []
    for row in result.learners:
        folder = Path(row.folder).name or row.folder
        who = _plain(row.name) + f"\n[dim]{_plain(folder)}[/]" if row.name else _plain(folder)
        if row.problem is not None:
            problems.append(f"{row.folder}: {row.problem}")
            table.add_row(who, f"[red]cannot be graded, see ({len(problems)})[/]", "", "",
                          *[""] * len(names))
            continue
        cells = []
        for exercise, _ in result.exercises:
            score = row.scores.get(exercise)
            if score is None:
                cells.append("—")
            elif row.passing.get(exercise, False):
                cells.append(str(score))
            else:
                cells.append(f"[yellow]{score}*[/]")
        skill = ("complete" if row.complete else
                 f"{row.skill_number} {row.skill_title}" if row.skill_number else "—")
        weeks = (f"{int(row.weeks_elapsed) + 1}/{row.planned_weeks:g} {row.verdict}"
                 if row.weeks_elapsed is not None else "—")
        table.add_row(who, _plain(skill), weeks, f"{row.passed}/{row.total}", *cells)
    legend = "; ".join(f"{name} {title}" for name, (_, title) in
                       zip(names, result.exercises, strict=True))
    notes = "".join(f"({number}) {problem}\n" for number, problem in enumerate(problems, 1))
    if output is not None:
        from io import StringIO

        from rich.console import Console

        buffer = StringIO()
        Console(file=buffer, width=160, no_color=True, force_terminal=False).print(table)
        write_output(output, buffer.getvalue() + notes + _footer(legend), force)
        return
    out = console()
    out.print(table)
    out.print(_plain(notes + _footer(legend)).rstrip("\n"), highlight=False)


def _footer(legend: str) -> str:
    return ("Weeks: the learner's week on the path / the weeks planned up to the end of "
            "the skill reached. Scores out of 100; * not passing yet; — no artifact.\n"
            f"Exercises: {legend}.\n")


def _plain(text: str) -> str:
    """Learner text shown as written, never read as rich markup."""
    from rich.markup import escape

    return escape(text)
