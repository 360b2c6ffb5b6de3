"""Setting up: init, and curriculum tools for instructors."""


import sys
from pathlib import Path

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
    from pmpath.cli.output import parse_date
    from pmpath.core.workspace import init_workspace

    if _interactive():
        if name is None:
            name = typer.prompt("Your name", default="")
        if start is None:
            start = typer.prompt("Start date (YYYY-MM-DD)", default=today().isoformat())
        if hours is None:
            hours = typer.prompt("Hours per week you can practise", default=8.0, type=float)
    start_date = parse_date(start, "--start") if start else today()
    ws, path = init_workspace(directory, name or "", start_date, 8.0 if hours is None else hours,
                              curriculum)
    success(f"Created your pmpath workspace in {ws.root}")
    echo()
    echo(styled(path.title, "title") + " · " + path.tagline)
    echo(path.welcome)
    echo()
    echo(f"{len(path.skills)} skills, {path.total_weeks:g} weeks planned "
         f"({path.min_months:g}–{path.max_months:g} months). Your files go in the skill folders "
         f"({path.skills[0].folder}/ …).")
    here = Path.cwd().resolve()
    step = "pmpath next" if ws.root == here else f"cd {directory} && pmpath next"
    echo(f"Start now: {styled(step, 'command')}")


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
