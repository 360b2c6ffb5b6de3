"""`pmpath watch`: grade the exercise you are on every time you save it, then move on.

Without a file it follows the path, in the spirit of rustlings: it shows the current
exercise's verdict and top findings, re-grades on every save, and when the exercise
passes it says so and moves to the next one. With files (or `check --watch`), it
re-grades those files and stays on them.

Saves are noticed with watchfiles (the operating system's file events, not polling),
grouped over a few milliseconds so an editor's write-then-rename counts once.
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer

from pmpath.cli import session
from pmpath.cli.app import command_group
from pmpath.cli.output import message

app = command_group()

TOP_FINDINGS = 5
STEP_MS = 15
"""How long a burst of file events may go quiet before the save counts (watchfiles)."""
DEBOUNCE_MS = 150


@app.command("watch")
def watch(
    files: list[Path] = typer.Argument(None, metavar="[FILE]...",
                                       help="Files to watch (default: follow the path, one "
                                            "exercise after another)."),
    as_of: str = typer.Option(None, "--as-of", metavar="DATE",
                              help="Grade as if today were DATE (YYYY-MM-DD)."),
) -> None:
    """Grade the exercise you are on each time you save it; moves on when it passes."""
    from pmpath.cli.output import parse_date

    day = parse_date(as_of, "--as-of") if as_of else None
    watch_files(files or [], as_of=day)


def watch_files(paths: list[Path], as_of: Any = None) -> None:
    """Re-grade ``paths`` on every save; with none, follow the path's exercises."""
    from pmpath import api

    ws_option = session.workspace_option()
    follow = not paths
    if follow and api.open_workspace(ws_option) is None:
        from pmpath.core.errors import UsageError

        raise UsageError("give the file to watch, or run inside a workspace to follow your "
                         "exercises (`pmpath init my-pm-path`)")
    screen = Screen()
    try:
        targets = [path.resolve() for path in paths]
        exercise = None
        while True:
            if follow and exercise is None:
                exercise = api.current_exercise(ws_option)
                if exercise is None:
                    screen.finished()
                    return
                ws = api.open_workspace(ws_option)
                targets = [(ws.root / exercise.path).resolve()]  # type: ignore[union-attr]
            passed = screen.show(targets, exercise, as_of)
            if follow and passed:
                screen.moving_on(exercise)
                exercise = None
                continue
            wait_for_save(targets)
    except KeyboardInterrupt:
        message("Stopped watching.")
        raise


class Screen:
    """What the learner sees: cleared and redrawn on every grade."""

    def __init__(self) -> None:
        from pmpath.cli.output import console

        self.out = console()

    def show(self, targets: list[Path], exercise: Any, as_of: Any) -> bool:
        from rich.text import Text

        from pmpath import api
        from pmpath.cli.report import show_result

        if self.out.is_terminal:
            self.out.clear()
        if exercise is not None:
            self.out.print(Text(f"pmpath watch · {exercise.exercise.title}", style="title"))
        existing = [path for path in targets if path.is_file()]
        if not existing:
            kind = exercise.exercise.artifact if exercise is not None else "KIND"
            self.out.print(f"Waiting for {targets[0].name}: start it with `pmpath new {kind}`, "
                           "then save it to have it graded.")
            return False
        report = api.check(existing, as_of=as_of, workspace=session.workspace_option())
        for result in report.artifacts:
            self.out.print()
            show_result(result, self.out, limit=TOP_FINDINGS, figures=False)
        self.out.print()
        self.out.print(Text("Save the file to grade it again · Ctrl-C to stop", style="muted"))
        return report.passed

    def moving_on(self, exercise: Any) -> None:
        from rich.text import Text

        self.out.print()
        self.out.print(Text(f"✔ '{exercise.exercise.title}' passes. On to the next "
                            "exercise…", style="pass"))

    def finished(self) -> None:
        self.out.print("Every exercise of the path passes. `pmpath path` shows the whole "
                       "journey; `pmpath portfolio` is a good next step.")


def wait_for_save(targets: list[Path]) -> None:
    """Block until one of ``targets`` is written (or created)."""
    for _changes in file_changes(targets):
        return


def file_changes(targets: list[Path]) -> Iterator[set[tuple[Any, str]]]:
    """Batches of file events touching ``targets``, from the operating system."""
    import watchfiles

    wanted = {str(path) for path in targets}
    folders = sorted({str(path.parent) for path in targets if path.parent.is_dir()})

    def only_targets(change: Any, path: str) -> bool:
        return path in wanted

    yield from watchfiles.watch(*folders, watch_filter=only_targets, debounce=DEBOUNCE_MS,
                                step=STEP_MS, recursive=False)
