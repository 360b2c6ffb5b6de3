"""Drive the real `pmpath` entry point in-process, with an isolated environment."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def json(self):
        import json

        return json.loads(self.stdout)


@pytest.fixture
def pmpath(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
           ) -> Callable[..., Run]:
    """``pmpath("next", "--json")`` runs ``pmpath.cli.app.main`` like the console script."""
    from pmpath.cli.app import GlobalOptions, main

    def run(*args: str) -> Run:
        GlobalOptions.workspace = None
        monkeypatch.setattr(sys, "argv", ["pmpath", *args])
        capsys.readouterr()
        code = 0
        try:
            main()
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pmpath) -> Path:
    """A fresh workspace started on 2027-01-04, with today pinned to 2027-01-20."""
    root = tmp_path / "ws"
    monkeypatch.setenv("PMPATH_TODAY", "2027-01-20")
    result = pmpath("init", str(root), "--name", "Sam", "--start", "2027-01-04", "--hours", "8")
    assert result.exit_code == 0, result.stderr
    monkeypatch.chdir(root)
    return root
