"""`pmpath cohort DIR…`: one row per learner's workspace, for instructors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from model_answers import AS_OF, copy_model_answers, make_workspace, model_answers


def tree(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``root`` with its size and modification time."""
    found = {}
    for folder, _, files in os.walk(root):
        for name in files:
            path = Path(folder) / name
            stat = path.stat()
            found[str(path.relative_to(root))] = (stat.st_size, stat.st_mtime_ns)
    return found


@pytest.fixture
def cohort_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Four learners: one with every model answer, one with two (one broken), one who has
    not started, and one whose pmpath.toml cannot be read."""
    monkeypatch.setenv("PMPATH_TODAY", AS_OF)
    folder = tmp_path / "class"
    copy_model_answers(make_workspace(folder / "ana", "Ana Lima"))
    copied = copy_model_answers(make_workspace(folder / "ben", "Ben <b>Okafor</b>"),
                                ["project-plan", "risk-register"])
    register = copied["risk-register"]
    register.write_text(register.read_text(encoding="utf-8").replace("score: 20", "score: 12",
                                                                      1), encoding="utf-8")
    make_workspace(folder / "chen", "Chen Wei", start="2026-10-05", hours=4)
    (folder / "dara").mkdir()
    (folder / "dara" / "pmpath.toml").write_text("learner = \n", encoding="utf-8")
    (folder / "notes").mkdir()  # not a workspace: not a learner either
    return folder


def test_json_has_a_versioned_row_per_learner(cohort_folder: Path, pmpath) -> None:
    result = pmpath("cohort", str(cohort_folder), "--json")
    assert result.exit_code == 0, result.stderr
    document = result.json()
    assert document["version"] == 1 and document["as_of"] == AS_OF
    exercises = [exercise["id"] for exercise in document["exercises"]]
    assert exercises[:3] == ["kickoff-to-delivery-plan", "quarter-capacity-plan",
                             "two-week-sprint"]
    rows = {Path(row["folder"]).name: row for row in document["learners"]}
    assert list(rows) == ["ana", "ben", "chen", "dara"]
    total = len(exercises)
    ana = rows["ana"]
    assert ana["name"] == "Ana Lima" and ana["total"] == total
    assert ana["passed"] == len(model_answers())
    assert ana["exercises"]["kickoff-to-delivery-plan"] == {"score": 100, "passed": True}
    assert ana["skill"] == {"number": 1, "title": "PM Fundamentals"}
    assert ana["verdict"] == "on plan" and ana["weeks_elapsed"] == 2.3
    ben = rows["ben"]
    assert ben["name"] == "Ben <b>Okafor</b>" and ben["passed"] == 1
    assert ben["exercises"]["living-risk-register"]["passed"] is False
    assert ben["exercises"]["living-risk-register"]["score"] < 100
    assert ben["exercises"]["two-week-sprint"] == {"score": None, "passed": False}
    chen = rows["chen"]
    assert chen["passed"] == 0 and chen["verdict"].endswith("behind plan")
    dara = rows["dara"]
    assert set(dara) == {"folder", "name", "problem"} and "pmpath.toml" in dara["problem"]


def test_a_folder_given_directly_and_one_that_is_missing(cohort_folder: Path, pmpath) -> None:
    result = pmpath("cohort", str(cohort_folder / "chen"), str(cohort_folder / "nobody"),
                    str(cohort_folder / "notes"), "--json")
    assert result.exit_code == 0
    rows = result.json()["learners"]
    assert [row.get("problem") for row in rows] == [
        None, "no such folder",
        "no pmpath workspace here (no pmpath.toml in it or in the folders in it)"]


def test_grading_writes_nothing_into_the_workspaces(cohort_folder: Path, pmpath) -> None:
    damaged = cohort_folder / "chen" / ".pmpath" / "state.toml"
    damaged.write_text("version = [[[\n", encoding="utf-8")
    before = tree(cohort_folder)
    result = pmpath("cohort", str(cohort_folder), "--json")
    assert result.exit_code == 0
    assert tree(cohort_folder) == before
    chen = next(row for row in result.json()["learners"] if row["folder"].endswith("chen"))
    assert "progress file" in chen["problem"] and "damaged" in chen["problem"]


def test_the_curriculum_is_loaded_once_for_every_learner(cohort_folder: Path,
                                                         monkeypatch) -> None:
    from pmpath import api
    from pmpath.core import curriculum

    calls = []
    real = curriculum.load_curriculum

    def counting(root, cache_dir=None):
        calls.append(root)
        return real(root, cache_dir)

    monkeypatch.setattr(curriculum, "load_curriculum", counting)
    result = api.cohort([cohort_folder])
    assert len([row for row in result.learners if row.problem is None]) == 3
    assert len(calls) == 1


def test_the_text_table_fits_100_columns(cohort_folder: Path, pmpath) -> None:
    result = pmpath("cohort", str(cohort_folder))  # COLUMNS=100 in every test
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert max(len(line) for line in out.splitlines()) <= 100
    table, notes = out.split("\n(1) ")
    ana = next(line for line in table.splitlines() if line.strip().startswith("Ana Lima"))
    assert ana.split()[-1] == "100" and f"{len(model_answers())}/" in ana
    assert "<b>Okafor</b>" in table and "Chen Wei" in table  # markup shown as written
    assert "cannot be graded, see (1)" in " ".join(table.split())
    assert "dara/pmpath.toml" in notes
    assert "1a" in table and "Exercises: 1a Create a detailed plan" in " ".join(notes.split())
    assert "* not passing yet" in " ".join(notes.split())


def test_html_is_a_self_contained_table(cohort_folder: Path, pmpath, tmp_path: Path) -> None:
    out = tmp_path / "cohort.html"
    result = pmpath("cohort", str(cohort_folder), "--html", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<table>" in page
    assert "<script" not in page.lower() and "http" not in page
    assert "Ben &lt;b&gt;Okafor&lt;/b&gt;" in page and "<b>" not in page
    assert "not yet" in page and "Cannot be graded" in page


def test_no_workspace_at_all_is_still_a_row(tmp_path: Path, pmpath) -> None:
    result = pmpath("cohort", str(tmp_path), "--json")
    assert result.exit_code == 0
    assert result.json()["learners"][0]["problem"].startswith("no pmpath workspace here")
