"""Shared fixtures: the bundled curriculum, a grader for artifact files, an isolated CLI."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "curriculum" / "examples"
TEMPLATES = REPO / "templates"


@pytest.fixture(scope="session")
def _cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pmpath-cache")


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, _cache_folder: Path) -> None:
    """Every test runs without colour, at a fixed width, outside any real workspace, with
    caches in a folder of the test session's own."""
    monkeypatch.setenv("PMPATH_CACHE_DIR", str(_cache_folder))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("PMPATH_WORKSPACE", raising=False)
    monkeypatch.delenv("PMPATH_CURRICULUM", raising=False)
    monkeypatch.delenv("PMPATH_DEBUG", raising=False)


@pytest.fixture(scope="session")
def curriculum():
    from pmpath.core.curriculum import load_curriculum

    return load_curriculum(REPO / "curriculum")


@pytest.fixture
def grade(tmp_path: Path, curriculum) -> Callable[..., object]:
    """Grade YAML text (or a file) as the check command would; returns an ArtifactResult.

    ``grade(text, as_of=date(...), name="risk-register.yaml", folder="08-risk-management")``
    """
    from pmpath.core.grading import grade_file

    def run(source: str | Path, *, as_of: date = date(2027, 1, 20),
            name: str = "artifact.yaml", folder: str | None = None):
        if isinstance(source, Path):
            path = source
        else:
            path = tmp_path / name
            path.write_text(textwrap.dedent(source), encoding="utf-8")
        return grade_file(path, as_of=as_of, curriculum=curriculum, folder=folder)

    return run


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def env_without_workspace() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PMPATH_WORKSPACE", None)
    return env
