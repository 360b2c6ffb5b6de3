"""The learning loop as a learner meets it: init, next, path, skill, tick, skip, hint."""

from __future__ import annotations

import tomllib
from pathlib import Path


def test_init_creates_workspace_with_a_folder_per_skill(workspace: Path) -> None:
    config = tomllib.loads((workspace / "pmpath.toml").read_text())
    assert config["learner"] == "Sam"
    assert str(config["start_date"]) == "2027-01-04"
    assert config["hours_per_week"] == 8
    folders = sorted(p.name for p in workspace.iterdir() if p.is_dir() and p.name[0].isdigit())
    assert folders[0] == "01-fundamentals" and folders[-1] == "10-product-strategy"
    assert len(folders) == 10
    assert (workspace / ".pmpath" / "state.toml").is_file()


def test_init_refuses_a_non_empty_folder(tmp_path: Path, pmpath) -> None:
    target = tmp_path / "notes"
    target.mkdir()
    (target / "mine.txt").write_text("keep me")
    result = pmpath("init", str(target), "--name", "Sam")
    assert result.exit_code == 2
    assert "not empty" in result.stderr
    assert (target / "mine.txt").read_text() == "keep me"
    assert not (target / "pmpath.toml").exists()


def test_init_refuses_an_existing_workspace(workspace: Path, pmpath) -> None:
    result = pmpath("init", str(workspace))
    assert result.exit_code == 2
    assert "already a pmpath workspace" in result.stderr


def test_next_points_at_skill_one_with_a_concrete_step(workspace: Path, pmpath) -> None:
    result = pmpath("next")
    assert result.exit_code == 0
    assert result.stdout.startswith("Skill 1 of 10 · PM Fundamentals")
    assert "pmpath tick lifecycle-phases" in result.stdout
    assert "Why:" in result.stdout
    # Started 2027-01-04, today 2027-01-20: the third week of a 4-week skill.
    assert "week 3 of your path" in result.stdout


def test_next_json_has_skill_action_and_time(workspace: Path, pmpath) -> None:
    document = pmpath("next", "--json").json()
    assert document["version"] == 1
    assert document["skill"]["id"] == "fundamentals"
    assert document["action"]["command"] == "pmpath tick lifecycle-phases"
    assert document["time"]["weeks_elapsed"] == 2.3
    assert document["time"]["verdict"] == "on plan"


def test_ticking_all_concepts_moves_next_to_the_first_exercise(workspace: Path, pmpath) -> None:
    skill = pmpath("skill", "1", "--json").json()
    for concept in skill["concepts"]:
        assert pmpath("tick", concept["id"]).exit_code == 0
    action = pmpath("next", "--json").json()["action"]
    assert action["command"] == "pmpath new project-plan"


def test_a_learner_who_does_every_exercise_passes_all_ten_skills(
        workspace: Path, pmpath) -> None:
    """Every skill ends in work pmpath grades: doing each exercise (here, with the model
    answers) and ticking each concept passes all ten skills, and none is skipped."""
    import shutil

    import yaml

    repo = Path(__file__).resolve().parents[2]
    examples = yaml.safe_load((repo / "curriculum" / "examples" / "index.yaml").read_text())
    for number in range(1, 11):
        skill = pmpath("skill", str(number), "--json").json()
        for concept in skill["concepts"]:
            assert pmpath("tick", concept["id"]).exit_code == 0
        assert skill["exercises"], f"skill {number} has nothing to build"
        for exercise in skill["exercises"]:
            action = pmpath("next", "--json").json()["action"]
            assert "skip" not in action["command"]
            target = workspace / exercise["path"]
            target.parent.mkdir(parents=True, exist_ok=True)
            entry = examples["examples"][exercise["artifact"]]
            shutil.copy(repo / "curriculum" / "examples" / entry["file"], target)
            result = pmpath("check", str(target), "--as-of", str(entry["as_of"]))
            assert result.exit_code == 0, (exercise["artifact"], result.stdout)
    document = pmpath("path", "--json").json()
    assert [skill["status"] for skill in document["skills"]] == ["passed"] * 10


def test_path_json_lists_ten_skills_in_order(workspace: Path, pmpath) -> None:
    document = pmpath("path", "--json").json()
    assert document["version"] == 1
    ids = [skill["id"] for skill in document["skills"]]
    assert ids == ["fundamentals", "agile-scrum", "planning-scheduling",
                   "stakeholder-communication", "team-leadership", "pm-tools",
                   "technical-literacy", "risk-management", "metrics-reporting",
                   "product-strategy"]
    assert [skill["number"] for skill in document["skills"]] == list(range(1, 11))
    assert {skill["status"] for skill in document["skills"]} == {"not started"}


def test_path_table_shows_status_and_progress(workspace: Path, pmpath) -> None:
    pmpath("tick", "lifecycle-phases")
    pmpath("skip", "agile-scrum", "--reason", "ran sprints for two years")
    result = pmpath("path")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    fundamentals = next(line for line in lines if "PM Fundamentals" in line)
    assert "in progress" in fundamentals and "1/10" in fundamentals
    agile = next(line for line in lines if "Agile & Scrum" in line)
    assert "skipped" in agile


def test_skip_keeps_skipped_apart_from_passed(workspace: Path, pmpath) -> None:
    assert pmpath("skip", "1").exit_code == 2  # a reason is required
    assert pmpath("skip", "1", "--reason", "PMP holder").exit_code == 0
    document = pmpath("path", "--json").json()
    assert document["skills"][0]["status"] == "skipped"
    assert document["skills"][0]["skip_reason"] == "PMP holder"
    assert pmpath("next", "--json").json()["skill"]["id"] == "agile-scrum"
    assert pmpath("skip", "1", "--undo").exit_code == 0
    assert pmpath("next", "--json").json()["skill"]["id"] == "fundamentals"


def test_skill_json_has_concepts_and_exercises_with_params(workspace: Path, pmpath) -> None:
    pmpath("tick", "lifecycle-phases")
    document = pmpath("skill", "fundamentals", "--json").json()
    assert document["concepts"][0] == {
        "id": "lifecycle-phases", "title": document["concepts"][0]["title"],
        "explanation": document["concepts"][0]["explanation"],
        "practice": document["concepts"][0]["practice"], "ticked": True,
        "questions": document["concepts"][0]["questions"], "quiz": None}
    exercises = {e["id"]: e for e in document["exercises"]}
    assert exercises["quarter-capacity-plan"]["params"] == {"team_size": 8}
    assert exercises["quarter-capacity-plan"]["artifact"] == "capacity-plan"
    assert exercises["kickoff-to-delivery-plan"]["status"] == "not started"


def test_skill_works_outside_a_workspace(tmp_path: Path, monkeypatch, pmpath) -> None:
    monkeypatch.chdir(tmp_path)
    result = pmpath("skill", "8")
    assert result.exit_code == 0
    assert "Risk Management" in result.stdout


def test_unknown_skill_and_concept_list_the_valid_ids(workspace: Path, pmpath) -> None:
    result = pmpath("skill", "11")
    assert result.exit_code == 2
    assert "1 fundamentals" in result.stderr and "10 product-strategy" in result.stderr
    result = pmpath("tick", "no-such-concept")
    assert result.exit_code == 2
    assert "no concept 'no-such-concept'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_tick_and_untick(workspace: Path, pmpath) -> None:
    assert "1 of 8" in pmpath("tick", "lifecycle-phases").stderr
    assert "already ticked" in pmpath("tick", "lifecycle-phases").stderr
    assert "0 of 8" in pmpath("untick", "lifecycle-phases").stderr
    assert pmpath("skill", "1", "--json").json()["concepts"][0]["ticked"] is False


def test_hints_go_one_tier_deeper_each_time_and_are_recorded(workspace: Path, pmpath) -> None:
    first = pmpath("hint", "living-risk-register", "--json").json()
    second = pmpath("hint", "living-risk-register", "--json").json()
    third = pmpath("hint", "living-risk-register", "--json").json()
    fourth = pmpath("hint", "living-risk-register", "--json").json()
    assert [first["level"], second["level"], third["level"], fourth["level"]] == [1, 2, 3, 3]
    assert first["hint"] != second["hint"] != third["hint"]
    state = tomllib.loads((workspace / ".pmpath" / "state.toml").read_text())
    assert state["hints"]["living-risk-register"] == {"level": 3, "uses": 4}
    assert pmpath("hint", "living-risk-register", "--level", "1", "--json").json()["level"] == 1
    assert pmpath("hint", "living-risk-register", "--level", "4").exit_code == 2


def test_hint_defaults_to_the_current_exercise(workspace: Path, pmpath) -> None:
    document = pmpath("hint", "--json").json()
    assert document["exercise"] == "kickoff-to-delivery-plan"


def test_commands_outside_a_workspace_say_to_run_init(tmp_path: Path, monkeypatch,
                                                      pmpath) -> None:
    monkeypatch.chdir(tmp_path)
    for command in (["next"], ["path"], ["tick", "lifecycle-phases"], ["streak"]):
        result = pmpath(*command)
        assert result.exit_code == 2
        assert "pmpath init" in result.stderr
        assert "Traceback" not in result.stderr


def test_workspace_found_from_a_subfolder_and_by_option_and_env(
        workspace: Path, tmp_path: Path, monkeypatch, pmpath) -> None:
    monkeypatch.chdir(workspace / "08-risk-management")
    assert pmpath("next").exit_code == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert pmpath("--workspace", str(workspace), "next").exit_code == 0
    assert pmpath(f"--workspace={workspace}", "path", "--json").exit_code == 0
    monkeypatch.setenv("PMPATH_WORKSPACE", str(workspace))
    assert pmpath("next", "--json").json()["skill"]["number"] == 1
    monkeypatch.setenv("PMPATH_WORKSPACE", str(elsewhere))
    result = pmpath("next")
    assert result.exit_code == 2 and "not a pmpath workspace" in result.stderr


def test_finishing_the_path_shows_the_final_words(workspace: Path, pmpath, curriculum) -> None:
    for skill in curriculum.skills:
        pmpath("skip", skill.id, "--reason", "test")
    result = pmpath("next")
    assert result.exit_code == 0
    assert curriculum.final.split(".")[0] in result.stdout
    assert pmpath("next", "--json").json()["complete"] is True


def test_version(pmpath) -> None:
    from pmpath import __version__

    result = pmpath("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"pmpath {__version__}"
