"""An exercise's companions: `pmpath new sprint` writes the sample product backlog beside
the sprint, never over a file that exists, and the sample is ready to plan from."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "curriculum"
SAMPLE = BUNDLED / "examples" / "product-backlog.yaml"
SCHEMA_LINE = "# yaml-language-server: $schema=../.pmpath/schemas/product-backlog.schema.json\n"


def test_new_sprint_writes_the_sample_backlog_beside_it(workspace: Path, pmpath) -> None:
    result = pmpath("new", "sprint")
    assert result.exit_code == 0, result.stderr
    sprint = workspace / "02-agile-scrum" / "sprint.yaml"
    backlog = workspace / "02-agile-scrum" / "product-backlog.yaml"
    assert sprint.is_file() and backlog.is_file()
    said = result.stdout + result.stderr
    assert "Wrote 02-agile-scrum/sprint.yaml" in said
    assert "Wrote 02-agile-scrum/product-backlog.yaml" in said
    # The sample itself, with the line that lets an editor check it as you type.
    assert backlog.read_text() == SCHEMA_LINE + SAMPLE.read_text()
    assert (workspace / ".pmpath" / "schemas" / "product-backlog.schema.json").is_file()
    assert "product-backlog.yaml beside this file" in sprint.read_text()


def test_the_written_backlog_passes_check(workspace: Path, pmpath) -> None:
    assert pmpath("new", "sprint").exit_code == 0
    check = pmpath("check", "02-agile-scrum/product-backlog.yaml", "--json")
    assert check.exit_code == 0, check.stdout
    [artifact] = check.json()["artifacts"]
    assert artifact["kind"] == "product-backlog"
    assert artifact["passed"] is True and artifact["findings"] == []
    assert artifact["metrics"] == {"items": 17, "total_points": 74}


def test_a_second_new_sprint_overwrites_neither_file(workspace: Path, pmpath) -> None:
    assert pmpath("new", "sprint").exit_code == 0
    sprint = workspace / "02-agile-scrum" / "sprint.yaml"
    backlog = workspace / "02-agile-scrum" / "product-backlog.yaml"
    sprint.write_text("kind: sprint\n# my sprint\n")
    backlog.write_text("kind: product-backlog\n# my own order\n")
    again = pmpath("new", "sprint")
    assert again.exit_code == 2
    assert "product-backlog" not in again.stdout + again.stderr
    assert sprint.read_text() == "kind: sprint\n# my sprint\n"
    assert backlog.read_text() == "kind: product-backlog\n# my own order\n"
    # --force starts the sprint over (with a backup) but leaves the backlog alone.
    forced = pmpath("new", "sprint", "--force")
    assert forced.exit_code == 0
    assert "Wrote 02-agile-scrum/product-backlog.yaml" not in forced.stdout + forced.stderr
    assert backlog.read_text() == "kind: product-backlog\n# my own order\n"
    assert "my sprint" not in sprint.read_text()


def test_a_missing_backlog_comes_back_with_the_next_sprint(workspace: Path, pmpath) -> None:
    assert pmpath("new", "sprint").exit_code == 0
    backlog = workspace / "02-agile-scrum" / "product-backlog.yaml"
    backlog.unlink()
    assert pmpath("new", "sprint", "--force").exit_code == 0
    assert backlog.read_text() == SCHEMA_LINE + SAMPLE.read_text()


def test_a_named_sprint_gets_its_backlog_in_the_same_folder(workspace: Path, pmpath) -> None:
    assert pmpath("new", "sprint", "--name", "practice/sprint-1.yaml").exit_code == 0
    assert (workspace / "practice" / "product-backlog.yaml").is_file()


def test_new_product_backlog_is_the_teaching_template(workspace: Path, pmpath) -> None:
    result = pmpath("new", "product-backlog")
    assert result.exit_code == 0, result.stderr
    written = (workspace / "product-backlog.yaml").read_text()
    assert "<KEY>-1" in written
    check = pmpath("check", "product-backlog.yaml", "--json").json()
    assert {f["rule"] for f in check["artifacts"][0]["findings"]} == {"common.placeholder"}


def _course_with_index(tmp_path: Path, change) -> Path:
    course = tmp_path / "course"
    shutil.copytree(BUNDLED, course)
    index = course / "examples" / "index.yaml"
    data = yaml.safe_load(index.read_text(encoding="utf-8"))
    change(data["examples"])
    index.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return course


def test_curriculum_validate_wants_a_model_answer_for_each_companion(tmp_path: Path,
                                                                     pmpath) -> None:
    course = _course_with_index(tmp_path, lambda examples: examples.pop("product-backlog"))
    result = pmpath("curriculum", "validate", str(course))
    assert result.exit_code != 0
    assert ("skills/02-agile-scrum.yaml: exercises[0].companions: 'product-backlog' has no "
            "model answer in examples/index.yaml") in " ".join((result.stdout
                                                                + result.stderr).split())


def test_a_companion_must_be_a_kind(tmp_path: Path, pmpath) -> None:
    course = tmp_path / "course"
    shutil.copytree(BUNDLED, course)
    skill = course / "skills" / "02-agile-scrum.yaml"
    skill.write_text(skill.read_text(encoding="utf-8").replace(
        "companions: [product-backlog]", "companions: [product-backlogs]"), encoding="utf-8")
    result = pmpath("curriculum", "validate", str(course))
    assert result.exit_code != 0
    assert "unknown artifact kind 'product-backlogs'" in result.stdout + result.stderr
