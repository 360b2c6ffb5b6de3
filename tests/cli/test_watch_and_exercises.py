"""pmpath watch, list, open and example, driven like a learner would."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "curriculum" / "examples"


def _skip_to_risk_management(pmpath) -> None:
    for number in range(1, 8):
        assert pmpath("skip", str(number), "--reason", "done at work").exit_code == 0


def test_watch_follows_the_path_and_moves_on_when_an_exercise_passes(
        workspace: Path, monkeypatch, pmpath) -> None:
    import pmpath.cli.watch as watch

    _skip_to_risk_management(pmpath)
    register = workspace / "08-risk-management" / "risk-register.yaml"
    seen: list[list[Path]] = []

    def learner_saves(targets):
        seen.append(targets)
        if len(seen) == 1:  # a flawed register first, then the fix
            yield {("modified", str(register))}
            return
        raise KeyboardInterrupt

    shutil.copy(EXAMPLES / "risk-register.yaml", register)
    text = register.read_text()
    register.write_text(text.replace("score: 20", "score: 12", 1))
    monkeypatch.setattr(watch, "file_changes", learner_saves)

    def fix_then_wait(targets):
        if len(seen) == 0:
            register.write_text(text)
        return learner_saves(targets)

    monkeypatch.setattr(watch, "file_changes", fix_then_wait)
    result = pmpath("watch", "--as-of", "2027-01-20")
    assert result.exit_code == 130
    out = " ".join(result.stdout.split())
    assert "FAIL" in out and "risk.score-matches" in out
    assert "passes. On to the next exercise" in out
    # The next exercise is the dashboard of skill 9, not written yet.
    assert seen[-1] == [(workspace / "09-metrics-reporting" / "metrics-dashboard.yaml")
                        .resolve()]
    assert "pmpath new metrics-dashboard" in out


def test_list_shows_every_exercise_with_its_status(workspace: Path, pmpath) -> None:
    pmpath("new", "risk-register")
    result = pmpath("list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any("living-risk-register" in line and "written" in line for line in lines)
    assert any("kickoff-to-delivery-plan" in line and "not started" in line for line in lines)
    document = pmpath("list", "--json").json()
    assert document["version"] == 1
    assert {item["status"] for item in document["exercises"]} == {"written", "not started"}


def test_open_starts_the_editor_on_the_file(workspace: Path, monkeypatch, pmpath) -> None:
    import subprocess

    pmpath("new", "risk-register")
    calls = []
    monkeypatch.setattr(subprocess, "call", lambda args: calls.append(args) or 0)
    monkeypatch.setenv("EDITOR", "nano -w")
    assert pmpath("open", "risk-register").exit_code == 0
    assert calls == [["nano", "-w", str(workspace / "08-risk-management" /
                                        "risk-register.yaml")]]
    missing = pmpath("open", "two-week-sprint")
    assert missing.exit_code == 2 and "pmpath new sprint" in missing.stderr
    monkeypatch.delenv("EDITOR")
    monkeypatch.delenv("VISUAL", raising=False)
    plain = pmpath("open", "risk-register")
    assert plain.exit_code == 0 and "EDITOR" in plain.stderr


def test_example_shows_and_compares_the_model_answer(workspace: Path, pmpath) -> None:
    shown = pmpath("example", "risk-register")
    assert shown.exit_code == 0
    assert shown.stdout.strip() == (EXAMPLES / "risk-register.yaml").read_text().strip()
    mine = workspace / "08-risk-management" / "risk-register.yaml"
    mine.parent.mkdir(exist_ok=True)
    mine.write_text((EXAMPLES / "risk-register.yaml").read_text().replace("score: 20",
                                                                          "score: 12", 1))
    diff = pmpath("example", "risk-register", "--diff")
    assert diff.exit_code == 0
    assert "-    score: 20" in diff.stdout and "+    score: 12" in diff.stdout
    unknown = pmpath("example", "risk-registr")
    assert unknown.exit_code == 2 and "did you mean 'risk-register'" in unknown.stderr


def test_passing_a_skill_is_celebrated_with_the_next_step(workspace: Path, pmpath) -> None:
    from pmpath.core.curriculum import default_curriculum_root, load_curriculum

    skill = load_curriculum(default_curriculum_root()).skill("risk-management")
    for concept in skill.concepts:
        assert pmpath("tick", concept.id).exit_code == 0
    register = workspace / skill.folder / "risk-register.yaml"
    register.parent.mkdir(exist_ok=True)
    shutil.copy(EXAMPLES / "risk-register.yaml", register)
    result = pmpath("check", str(register), "--as-of", "2027-01-20")
    assert result.exit_code == 0
    celebration = [line for line in result.stdout.splitlines() if "passed!" in line]
    assert len(celebration) == 1 and f"Skill {skill.number}" in celebration[0]
    assert "Next:" in celebration[0]
    again = pmpath("check", str(register), "--as-of", "2027-01-20")
    assert "passed!" not in again.stdout  # once, when it happens


def test_init_asks_again_until_each_answer_makes_sense(tmp_path: Path, monkeypatch,
                                                       pmpath) -> None:
    import pmpath.cli.setup as setup

    monkeypatch.setattr(setup, "_interactive", lambda: True)
    monkeypatch.setenv("PMPATH_TODAY", "2027-01-20")
    answers = "\n".join(["Sam", "20-01-2027", "2027-01-25", "lots", "200", "4"]) + "\n"
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(answers))
    result = pmpath("init", str(tmp_path / "ws"))
    assert result.exit_code == 0, result.stderr
    text = result.stdout + result.stderr
    assert "must be a date like" in text
    assert "'lots' is not a number of hours" in text and "between 0.5 and 80" in text
    assert "about 68 weeks at 4 hours a week" in text
    assert "starts on 2027-01-25" in text
    config = (tmp_path / "ws" / "pmpath.toml").read_text()
    assert "2027-01-25" in config and "hours_per_week = 4" in config


def test_fewer_hours_plan_more_weeks(tmp_path: Path, monkeypatch, pmpath) -> None:
    monkeypatch.setenv("PMPATH_TODAY", "2027-01-20")
    slow = pmpath("init", str(tmp_path / "slow"), "--name", "A", "--hours", "2")
    fast = pmpath("init", str(tmp_path / "fast"), "--name", "A", "--hours", "20")
    assert "about 136 weeks" in slow.stdout and "about 14 weeks" in fast.stdout
    old = pmpath("init", str(tmp_path / "old"), "--name", "A", "--start", "2019-01-07")
    assert old.exit_code == 0 and "8 years ago" in old.stderr
