"""Every command is documented: in README.md, in its --help, and in the COMMANDS table."""

from __future__ import annotations

import importlib
import inspect
import re
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

from pmpath.cli.app import COMMANDS

REPO = Path(__file__).resolve().parents[1]


def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
            *args: str) -> tuple[int, str]:
    from pmpath.cli.app import GlobalOptions, main

    GlobalOptions.workspace = None
    monkeypatch.setattr(sys, "argv", ["pmpath", *args])
    capsys.readouterr()
    code = 0
    try:
        main()
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 0
    return code, capsys.readouterr().out


def command_object(name: str):
    import typer

    module = importlib.import_module(f"pmpath.cli.{COMMANDS[name][0]}")
    return typer.main.get_group(module.app).commands[name]


def test_every_command_module_exists() -> None:
    missing = sorted({f"pmpath.cli.{module}" for module, _ in COMMANDS.values()
                      if find_spec(f"pmpath.cli.{module}") is None})
    assert missing == [], "COMMANDS names modules that do not exist"


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_is_in_the_readme(name: str) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"pmpath {re.escape(name)}(?![\w-])", readme), (
        f"README.md never shows `pmpath {name}`")


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_has_help(name: str, capsys, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    code, out = run_cli(capsys, monkeypatch, name, "--help")
    assert code == 0
    assert out.strip()
    # Help wraps long lines; compare with the whitespace evened out.
    assert COMMANDS[name][1] in " ".join(out.split())


@pytest.mark.parametrize("name", list(COMMANDS))
def test_the_docstring_matches_the_summary_in_commands(name: str) -> None:
    command = command_object(name)
    docstring = inspect.getdoc(command.callback) if command.callback is not None else None
    # A command group (``curriculum``) has its help text instead of a docstring.
    text = docstring or command.help or ""
    assert text.splitlines()[0] == COMMANDS[name][1]


def test_the_root_help_lists_every_command(capsys, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    code, out = run_cli(capsys, monkeypatch, "--help")
    assert code == 0
    for name in COMMANDS:
        assert re.search(rf"^\s+{re.escape(name)}\s", out, re.MULTILINE), name
