"""Setting up: init, and curriculum tools for instructors."""


import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import typer

from pmpath.cli.app import command_group
from pmpath.cli.output import JSON_OPTION, echo, print_json, styled, success, today, warning

app = command_group()

curriculum_app = typer.Typer(help="Tools for authors of their own curriculum.",
                             no_args_is_help=True, rich_markup_mode=None)
app.add_typer(curriculum_app, name="curriculum")


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


@app.command("init")
def init(
    directory: Path = typer.Argument(Path("."), metavar="[DIR]",
                                     help="Folder for the workspace (new or empty)."),
    name: str = typer.Option(None, "--name", help="Your name."),
    start: str = typer.Option(None, "--start", help="Start date, YYYY-MM-DD (default today)."),
    hours: float = typer.Option(None, "--hours", help="Hours per week you plan to practise."),
    curriculum: Path = typer.Option(None, "--curriculum", metavar="DIR",
                                    help="Use your own curriculum folder instead of the "
                                         "bundled path."),
) -> None:
    """Create a workspace: pmpath.toml, your progress, and a folder per skill."""
    from pmpath.core.workspace import init_workspace

    if _interactive():
        if name is None:
            name = typer.prompt("Your name", default="")
        if start is None:
            start = typer.prompt("Start date (YYYY-MM-DD)", default=today().isoformat(),
                                 value_proc=_answer(lambda text: _start_date(text, ask=True)))
        if hours is None:
            hours = typer.prompt("Hours per week you can practise", default="8",
                                 value_proc=_answer(_hours))
    # An answer at a prompt is already checked (and converted); an option is checked here.
    start_date = start if isinstance(start, date) else (
        _start_date(start, ask=False) if start else today())
    weekly = 8.0 if hours is None else _hours(str(hours))
    ws, path = init_workspace(directory, name or "", start_date, weekly, curriculum)
    success(f"Created your pmpath workspace in {ws.root}")
    echo()
    echo(styled(path.title, "title") + " · " + path.tagline)
    echo(path.welcome)
    echo()
    from pmpath.core.progress import pace

    weeks = path.total_weeks * pace(path.hours_per_week, weekly)
    echo(f"{len(path.skills)} skills, about {weeks:.0f} weeks at {weekly:g} hours a week "
         f"(the path assumes {path.hours_per_week:g} hours a week: "
         f"{path.min_months:g}–{path.max_months:g} months). Your files go in the skill folders "
         f"({path.skills[0].folder}/ …).")
    if start_date > today():
        days = (start_date - today()).days
        echo(f"Your path starts on {start_date.isoformat()}, in "
             + (f"{days // 7} week{'s' if days // 7 != 1 else ''}." if days >= 7 else
                f"{days} day{'s' if days != 1 else ''}."))
    here = Path.cwd().resolve()
    step = "pmpath next" if ws.root == here else f"cd {directory} && pmpath next"
    echo(f"Start now: {styled(step, 'command')}")


YEARS_AGO_TO_QUESTION = 1


def _start_date(text: str, *, ask: bool) -> "date":
    """A start date; one more than a year ago is questioned (asked, or warned about)."""
    from pmpath.cli.output import parse_date

    day = parse_date(text.strip(), "the start date" if ask else "--start")
    years = (today() - day).days / 365.25
    if years > YEARS_AGO_TO_QUESTION:
        question = (f"{day.isoformat()} is {years:.0f} year{'s' if round(years) != 1 else ''} "
                    "ago, so your path would start far behind plan")
        if ask:
            if not typer.confirm(f"{question}. Is that the date you began?", default=False):
                from pmpath.core.errors import UsageError

                raise UsageError("then give the day you start, e.g. today")
        else:
            warning(f"--start {question}; give today's date unless you really began then")
    return day


def _hours(text: str) -> float:
    from pmpath.core.errors import UsageError

    try:
        value = float(text)
    except ValueError:
        raise UsageError(f"'{text}' is not a number of hours, e.g. 8") from None
    if not 0.5 <= value <= 80:
        raise UsageError(f"{value:g} hours a week is not a plan; choose between 0.5 and 80")
    return value


def _answer(check: "Callable[[str], Any]") -> "Callable[[str], Any]":
    """A prompt's value_proc: a wrong answer is explained and asked again."""
    import click

    from pmpath.core.errors import PmpathError

    def convert(text: str) -> Any:
        try:
            return check(text)
        except PmpathError as error:
            raise click.UsageError(error.message) from None

    return convert


@curriculum_app.command("validate")
def validate(
    directory: Path = typer.Argument(..., metavar="DIR", help="The curriculum folder."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Check a curriculum folder: every problem with its file and key path."""
    from pmpath.core.curriculum_models import lint_curriculum, validate_curriculum
    from pmpath.core.errors import UsageError

    if not (directory / "path.yaml").is_file():
        raise UsageError(f"{directory} is not a curriculum folder (it has no path.yaml)")
    _data, problems = validate_curriculum(directory)
    advice = [] if problems else lint_curriculum(directory)
    if as_json:
        print_json({"version": 1, "valid": not problems, "problems": problems,
                    "advice": advice})
    else:
        for problem in problems:
            echo(f"{styled('problem', 'error')} {problem}")
        for item in advice:
            echo(f"{styled('advice ', 'warning')} {item}")
        if problems:
            warning(f"{len(problems)} problem(s) in {directory}")
        else:
            success(f"{directory} is a valid curriculum"
                    + (f" ({len(advice)} piece(s) of advice)" if advice else ""))
    if problems:
        raise typer.Exit(1)
