"""The exercises themselves: list them, open one in your editor, see a model answer."""

import os
from pathlib import Path

import typer

from pmpath.cli import session
from pmpath.cli.app import command_group
from pmpath.cli.output import JSON_OPTION, echo, message, print_json, styled

app = command_group()

STATUS_MARKS = {"passed": "✔", "failing": "✘", "changed": "~", "written": "…",
                "not started": " "}


@app.command("list")
def list_(as_json: bool = JSON_OPTION) -> None:
    """Every exercise of the path with its status and file."""
    from pmpath import api

    items = api.exercises(session.workspace_option())
    if as_json:
        print_json({"version": 1, "exercises": [item.as_json() for item in items]})
        return
    width = max(len(item.exercise.id) for item in items)
    for item in items:
        mark = STATUS_MARKS.get(item.status, " ")
        score = (f" · {item.record.score}/100" if item.record is not None
                 and item.status in ("passed", "failing") else "")
        echo(f"{mark} {item.exercise.id:<{width}}  {item.status:<11}  {item.path}{score}")
    echo(styled("`pmpath open EXERCISE` opens one in your editor; `pmpath new KIND` starts "
                "one.", "muted"))


@app.command("open")
def open_(
    exercise: str = typer.Argument(None, metavar="[EXERCISE]",
                                   help="Exercise id or artifact kind (default: the one you "
                                        "are on)."),
) -> None:
    """Open an exercise's file in your editor ($VISUAL or $EDITOR)."""
    import shlex
    import subprocess

    from pmpath import api
    from pmpath.core.errors import UsageError

    ws_option = session.workspace_option()
    item = (api.find_exercise(exercise, ws_option) if exercise
            else api.current_exercise(ws_option))
    if item is None:
        echo("Every exercise has passed; nothing is waiting. `pmpath list` shows them all.")
        return
    ws = session.workspace()
    path = ws.root / item.path
    if not path.is_file():
        raise UsageError(f"{item.path} does not exist yet; start it with "
                         f"`pmpath new {item.exercise.artifact}`")
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        echo(str(path))
        message("Set VISUAL or EDITOR to your editor (e.g. export EDITOR=nano) and "
                "`pmpath open` will start it on this file.")
        return
    try:
        code = subprocess.call([*shlex.split(editor), str(path)])
    except FileNotFoundError:
        raise UsageError(f"cannot start the editor '{editor}'; check VISUAL or EDITOR") \
            from None
    if code != 0:
        raise UsageError(f"the editor '{editor}' stopped with exit code {code}")


@app.command("example")
def example(
    kind: str = typer.Argument(..., help="Artifact kind, e.g. risk-register."),
    diff: bool = typer.Option(False, "--diff",
                              help="Compare the model answer with your file instead."),
    file: Path = typer.Option(None, "--file", metavar="FILE",
                              help="Your file to compare (default: the exercise's file)."),
) -> None:
    """Show the model answer of an artifact kind, or compare it with your file (--diff).

    Model answers pass `pmpath check` with no errors and no warnings. Read one after a
    real attempt of your own: the comparison teaches more than the copy.
    """
    from pmpath import api

    ws_option = session.workspace_option()
    if not diff:
        answer = api.example(kind, ws_option)
        message(f"Model answer for {kind} ({answer.path.name}), graded as of "
                f"{answer.as_of.isoformat()}:")
        echo(answer.text.rstrip("\n"))
        return
    if file is None:
        ws = session.workspace()
        file = ws.root / api.find_exercise(kind, ws).path
    lines = api.example_diff(kind, file, ws_option)
    if not lines:
        echo("Your file is the same as the model answer.")
        return
    styles = {"+": "success", "-": "error", "@": "muted"}
    for line in lines:
        style = styles.get(line[:1]) if not line.startswith(("+++", "---")) else "title"
        echo(styled(line, style) if style else line)
