"""One place for everything pmpath prints.

Data goes to stdout, messages to stderr. Light styling uses typer's own
``style`` so fast commands never import rich; tables and charts ask for
:func:`console`, which imports rich on first use. ``NO_COLOR`` and a
non-terminal output give plain text.
"""


import json
import os
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console

JSON_OPTION = typer.Option(False, "--json", help="Print JSON instead of text.")
"""The ``--json`` option every read command takes."""

STYLES: dict[str, dict[str, Any]] = {
    "title": {"bold": True},
    "success": {"fg": "green", "bold": True},
    "warning": {"fg": "yellow"},
    "error": {"fg": "red", "bold": True},
    "command": {"fg": "cyan"},
    "muted": {"dim": True},
    "key": {"bold": True},
}


def colour_enabled(stream: Any = None) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    stream = stream or sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)())


def styled(text: str, style: str) -> str:
    if not colour_enabled():
        return text
    return typer.style(text, **STYLES[style])


def echo(text: str = "") -> None:
    typer.echo(text)


def message(text: str, style: str | None = None) -> None:
    """A message for the person (stderr), optionally styled."""
    if style and colour_enabled(sys.stderr):
        text = typer.style(text, **STYLES[style])
    typer.echo(text, err=True)


def success(text: str) -> None:
    message(text, "success")


def warning(text: str) -> None:
    message(text, "warning")


def print_json(document: dict[str, Any]) -> None:
    """A ``--json`` document on stdout: no markup, one object."""

    def default(value: Any) -> Any:
        if isinstance(value, date):
            return value.isoformat()
        raise TypeError(f"cannot write {type(value).__name__} as JSON")

    typer.echo(json.dumps(document, indent=2, ensure_ascii=False, default=default))


_console: "Console | None" = None


def console() -> "Console":
    """The rich console for tables and charts (imported on first use)."""
    global _console
    if _console is None:
        from rich.console import Console
        from rich.theme import Theme

        plain = bool(os.environ.get("NO_COLOR"))
        piped = not getattr(sys.stdout, "isatty", lambda: False)()
        _console = Console(
            theme=Theme({"pass": "bold green", "fail": "bold red", "warn": "yellow",
                         "muted": "dim", "command": "cyan", "title": "bold"}),
            # NO_COLOR means no escape codes at all, not only no colours (bold and dim
            # are escape codes too).
            color_system=None if plain else "auto",
            file=TrimmedLines() if piped else None,
            highlight=False,
            # ":x:" in a learner's text stays as written (and rich's emoji table is
            # not loaded).
            emoji=False,
        )
    return _console


class TrimmedLines:
    """Standard output without the spaces tables pad lines with, for piped output.

    It writes to whatever ``sys.stdout`` is at the time, as rich itself does.
    """

    def __init__(self) -> None:
        self._pending = ""

    @property
    def _stream(self) -> Any:
        return sys.stdout

    def write(self, text: str) -> int:
        self._pending += text
        if "\n" in self._pending:
            *lines, self._pending = self._pending.split("\n")
            self._stream.write("".join(line.rstrip(" ") + "\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        if self._pending:
            self._stream.write(self._pending)
            self._pending = ""
        self._stream.flush()

    def isatty(self) -> bool:
        return False

    @property
    def encoding(self) -> str:
        return getattr(self._stream, "encoding", "utf-8")

    def fileno(self) -> int:
        return self._stream.fileno()


def bar(fraction: float, width: int = 10) -> str:
    """A progress bar that reads without colour: ``██████░░░░``."""
    fraction = min(max(fraction, 0.0), 1.0)
    filled = round(fraction * width)
    return "█" * filled + "░" * (width - filled)


def today() -> date:
    """Today's date; ``PMPATH_TODAY`` pins it for demos and tests."""
    from pmpath.core.clock import today as clock_today

    return clock_today()


def parse_date(value: str, option: str) -> date:
    from pmpath.core.errors import UsageError

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} must be a date like 2027-01-20, not '{value}'") from None


def write_output(path: "os.PathLike[str] | str", text: str, force: bool) -> None:
    """Write a command's output to ``path`` atomically. An existing file is replaced only
    with ``force`` (and backed up next to it as ``NAME.bak`` first)."""
    from pathlib import Path

    from pmpath.core.errors import UsageError
    from pmpath.core.fileio import write_atomic

    target = Path(path)
    if target.is_dir():
        raise UsageError(f"{target} is a folder; give a file name, e.g. {target}/report.html")
    if target.exists():
        if not force:
            raise UsageError(f"{target} already exists; add --force to replace it (the old "
                             "file is backed up next to it)")
        backup = target.with_name(target.name + ".bak")
        backup.write_bytes(target.read_bytes())
        message(f"Backed up the old file to {backup}")
    write_atomic(target, text)
    success(f"Wrote {target}")
