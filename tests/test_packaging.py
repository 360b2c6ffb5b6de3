"""The wheel ships the curriculum, the templates and the `pmpath` console script."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

SKILL_FILES = [
    "01-fundamentals", "02-agile-scrum", "03-planning-scheduling",
    "04-stakeholder-communication", "05-team-leadership", "06-pm-tools",
    "07-technical-literacy", "08-risk-management", "09-metrics-reporting",
    "10-product-strategy",
]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wheel_builder = pytest.importorskip("hatchling.builders.wheel",
                                        reason="hatchling is not installed")
    target = tmp_path_factory.mktemp("dist")
    built = list(wheel_builder.WheelBuilder(str(REPO)).build(directory=str(target),
                                                             versions=["standard"]))
    assert len(built) == 1
    return Path(built[0])


@pytest.fixture(scope="module")
def names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_the_curriculum_is_in_the_wheel(names: set[str]) -> None:
    data = "pmpath/_data/curriculum/"
    assert data + "path.yaml" in names
    for skill in SKILL_FILES:
        assert f"{data}skills/{skill}.yaml" in names
    for content in ("principles", "certifications", "career"):
        assert f"{data}{content}.yaml" in names


def test_the_templates_are_in_the_wheel(names: set[str]) -> None:
    assert "pmpath/_data/templates/risk-register/risk-register.yaml" in names


def test_every_curriculum_and_template_file_of_the_checkout_is_shipped(names: set[str]) -> None:
    for folder in ("curriculum", "templates"):
        for path in (REPO / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                relative = path.relative_to(REPO).as_posix()
                assert f"pmpath/_data/{relative}" in names, relative


def test_the_console_script_is_declared(wheel: Path, names: set[str]) -> None:
    (entry_points,) = [name for name in names if name.endswith(".dist-info/entry_points.txt")]
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(entry_points).decode("utf-8")
    assert "[console_scripts]" in text
    assert "pmpath = pmpath.cli.app:main" in text


def test_the_code_is_shipped_and_the_tests_are_not(names: set[str]) -> None:
    assert "pmpath/cli/app.py" in names
    assert "pmpath/core/curriculum.py" in names
    assert not any(name.startswith("tests/") for name in names)


def test_an_unpacked_wheel_reads_its_own_curriculum_from_any_folder(
        wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import pmpath, sys\n"
        "from pmpath.core.resources import bundled_curriculum, templates_root\n"
        "from pmpath.core.curriculum import load_curriculum\n"
        "curriculum = load_curriculum(bundled_curriculum())\n"
        "print(pmpath.__file__)\n"
        "print(bundled_curriculum())\n"
        "print((templates_root() / 'risk-register' / 'risk-register.yaml').is_file())\n"
        "print(len(curriculum.skills))\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                               cwd=elsewhere, timeout=60,
                               env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"})
    assert completed.returncode == 0, completed.stderr
    module_file, curriculum_root, has_template, skills = completed.stdout.split("\n")[:4]
    assert Path(module_file).is_relative_to(site)
    assert Path(curriculum_root) == site / "pmpath" / "_data" / "curriculum"
    assert has_template == "True"
    assert skills == "10"
