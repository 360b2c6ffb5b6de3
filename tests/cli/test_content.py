"""The path's content commands, and curricula written by instructors."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "curriculum"

SEED_PRINCIPLES = [
    "Communicate early and often", "Remove blockers obsessively",
    "Build trust through transparency", "Manage up effectively",
    "Focus on outcomes, not output", "Embrace change", "Celebrate wins",
    "Learn from failures", "Be data-driven", "Develop empathy",
]


def one_line(text: str) -> str:
    """Rich wraps long paragraphs; compare text with the line breaks taken out."""
    return " ".join(text.split())


def use_curriculum(workspace: Path, course: Path) -> None:
    """Point the workspace's pmpath.toml at ``course`` (the setting sits above [check])."""
    config = workspace / "pmpath.toml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"^# curriculum = .*$", f'curriculum = "{course.as_posix()}"', text, count=1,
                  flags=re.MULTILINE)
    assert "\ncurriculum = " in text
    config.write_text(text, encoding="utf-8")


# --- principles, certs, career ---------------------------------------------------------------

def test_principles_json_lists_the_seeds_ten_in_order(pmpath, tmp_path: Path,
                                                      monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # works outside a workspace
    result = pmpath("principles", "--json")
    assert result.exit_code == 0
    document = result.json()
    assert document["version"] == 1
    assert [item["title"] for item in document["principles"]] == SEED_PRINCIPLES
    assert all(set(item) >= {"id", "title", "summary", "in_practice"}
               for item in document["principles"])


def test_principles_text_numbers_all_ten(pmpath) -> None:
    result = pmpath("principles")
    assert result.exit_code == 0
    for number, title in enumerate(SEED_PRINCIPLES, start=1):
        assert f"{number:>2}. {title}" in result.stdout
    assert "In practice:" in result.stdout
    assert "\x1b[" not in result.stdout  # NO_COLOR


def test_certs_json_has_pmp_scrum_master_product_owner_and_the_advice(pmpath) -> None:
    document = pmpath("certs", "--json").json()
    assert document["version"] == 1
    names = [item["name"] for item in document["certifications"]]
    assert len(names) == 3
    assert "PMP" in names[0] and "Scrum Master" in names[1] and "Product Owner" in names[2]
    assert "6–12 months" in document["advice"]["when"]


def test_certs_text_mentions_each_and_when_to_certify(pmpath) -> None:
    result = pmpath("certs")
    assert result.exit_code == 0
    text = one_line(result.stdout)
    for name in ("Project Management Professional (PMP)", "Scrum Master", "Product Owner",
                 "When to certify", "6–12 months"):
        assert name in text


def test_career_json_has_levels_ways_in_tactics_and_star(pmpath) -> None:
    document = pmpath("career", "--json").json()
    assert document["version"] == 1
    assert len(document["levels"]) == 4
    assert document["levels"][1]["title"] == "Project Manager"
    assert len(document["entry_paths"]["paths"]) == 4
    tactics = document["tactics"]
    assert len(tactics) == 6
    assert "3–5" in tactics[1]["description"]
    assert "STAR" in tactics[5]["description"]
    assert [e["artifact"] for e in document["exercises"]] == ["star-stories"]
    assert document["daily_practice"] and document["closing"]


def test_career_text_walks_levels_ways_in_and_tactics(pmpath) -> None:
    result = pmpath("career")
    assert result.exit_code == 0
    text = one_line(result.stdout)
    for heading in ("Career levels", "Ways in", "Breaking in", "Daily practice"):
        assert heading in text
    for level in ("1. Associate / Junior Project Manager", "2. Project Manager",
                  "3. Senior Project Manager", "4. PM Director"):
        assert level in text
    assert "3–5 projects" in text
    assert "STAR" in text


def test_career_only_suggests_commands_that_work(workspace: Path, pmpath) -> None:
    text = " ".join(pmpath("career").stdout.split())  # undo the terminal's line wrapping
    practise = text.split("Practise it:", 1)[1].split("Daily practice", 1)[0]
    suggested = re.findall(r"`(pmpath [a-z]+ [a-z-]+)`", practise)
    assert suggested
    for command in suggested:
        result = pmpath(*command.split()[1:])
        assert result.exit_code == 0, result.stderr


def test_content_follows_the_workspaces_own_curriculum(pmpath, workspace: Path,
                                                       tmp_path: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(BUNDLED, course)
    principles = course / "principles.yaml"
    principles.write_text(principles.read_text(encoding="utf-8").replace(
        "title: Celebrate wins", "title: Celebrate every win", 1), encoding="utf-8")
    use_curriculum(workspace, course)
    titles = [item["title"] for item in pmpath("principles", "--json").json()["principles"]]
    assert "Celebrate every win" in titles


# --- curriculum validate ---------------------------------------------------------------------

def yaml_edit(course: Path, relative: str, change: Callable[[dict], None]) -> None:
    import yaml

    path = course / relative
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def wrong_team_size(course: Path) -> None:
    yaml_edit(course, "skills/01-fundamentals.yaml",
              lambda d: d["exercises"][1]["params"].update(team_size="eight"))


def missing_summary(course: Path) -> None:
    yaml_edit(course, "skills/02-agile-scrum.yaml", lambda d: d.pop("summary"))


def unknown_param(course: Path) -> None:
    yaml_edit(course, "skills/03-planning-scheduling.yaml",
              lambda d: d["exercises"][0]["params"].update(weeks=12))


def unknown_kind(course: Path) -> None:
    yaml_edit(course, "skills/04-stakeholder-communication.yaml",
              lambda d: d["exercises"][0].update(artifact="gantt-poster"))


def duplicate_concept(course: Path) -> None:
    def change(data: dict) -> None:
        data["concepts"][2]["id"] = data["concepts"][0]["id"]

    yaml_edit(course, "skills/05-team-leadership.yaml", change)


def missing_skill_file(course: Path) -> None:
    (course / "skills" / "07-technical-literacy.yaml").unlink()


def yaml_syntax_error(course: Path) -> None:
    (course / "skills" / "09-metrics-reporting.yaml").write_text(
        "id: metrics-reporting\ntitle: Metrics & Reporting\nsummary: [unclosed\nweeks: 3\n",
        encoding="utf-8")


SEEDED = {
    "wrong param type": (wrong_team_size,
                         "skills/01-fundamentals.yaml: exercises[1].params: 'team_size' must be "
                         "a whole number, got 'eight'"),
    "missing field": (missing_summary, "skills/02-agile-scrum.yaml: summary: Field required"),
    "unknown param": (unknown_param,
                      "skills/03-planning-scheduling.yaml: exercises[0].params: 'weeks' is not "
                      "a parameter of launch-plan"),
    "unknown artifact kind": (unknown_kind,
                              "skills/04-stakeholder-communication.yaml: exercises[0].artifact: "
                              "unknown artifact kind 'gantt-poster'"),
    "duplicate concept id": (duplicate_concept,
                             "skills/05-team-leadership.yaml: concepts[2].id: concept id "),
    "skill file missing": (missing_skill_file, "skills/07-technical-literacy.yaml: file missing"),
    "YAML syntax error": (yaml_syntax_error,
                          "skills/09-metrics-reporting.yaml (line 4, column "),
}


@pytest.fixture
def course(tmp_path: Path) -> Path:
    target = tmp_path / "course"
    shutil.copytree(BUNDLED, target)
    return target


def test_validate_accepts_the_bundled_curriculum(pmpath, course: Path) -> None:
    result = pmpath("curriculum", "validate", str(course))
    assert result.exit_code == 0
    assert "is a valid curriculum" in result.stderr
    document = pmpath("curriculum", "validate", str(course), "--json").json()
    assert document == {"version": 1, "valid": True, "problems": [], "advice": []}


@pytest.mark.parametrize("seed, expected", list(SEEDED.values()), ids=list(SEEDED))
def test_validate_reports_a_seeded_problem_with_file_and_key_path(
        pmpath, course: Path, seed: Callable[[Path], None], expected: str) -> None:
    seed(course)
    result = pmpath("curriculum", "validate", str(course))
    assert result.exit_code == 1
    problems = [line.removeprefix("problem ") for line in result.stdout.splitlines()
                if line.startswith("problem ")]
    assert len(problems) == 1, result.stdout
    assert problems[0].startswith(expected)
    assert "1 problem(s)" in result.stderr


def test_validate_reports_every_seeded_problem_at_once(pmpath, course: Path) -> None:
    for seed, _expected in SEEDED.values():
        seed(course)
    document = pmpath("curriculum", "validate", str(course), "--json").json()
    assert document["valid"] is False
    assert len(document["problems"]) == len(SEEDED)
    for name, (_seed, expected) in SEEDED.items():
        if name == "duplicate concept id":
            # Only the key path here; the file name is test_a_duplicate_id_names_its_own_file.
            expected = expected.split(": ", 1)[1]
        assert any(expected in problem for problem in document["problems"]), expected
    assert pmpath("curriculum", "validate", str(course)).exit_code == 1


def test_a_duplicate_id_names_its_own_file_when_earlier_skills_are_broken(
        pmpath, course: Path) -> None:
    missing_summary(course)  # skill 2 no longer validates
    duplicate_concept(course)
    problems = pmpath("curriculum", "validate", str(course), "--json").json()["problems"]
    duplicates = [problem for problem in problems if "is also used in" in problem]
    assert len(duplicates) == 1
    assert duplicates[0].startswith(SEEDED["duplicate concept id"][1])
    assert "skills/05-team-leadership.yaml concepts[0]" in duplicates[0]


def test_validate_gives_advice_on_a_valid_but_thin_curriculum(pmpath, course: Path) -> None:
    yaml_edit(course, "skills/06-pm-tools.yaml",
              lambda d: d["exercises"][0].update(hints=d["exercises"][0]["hints"][:1]))
    result = pmpath("curriculum", "validate", str(course))
    assert result.exit_code == 0
    assert "skills/06-pm-tools.yaml: exercises[0].hints: 1 hints" in result.stdout


def test_validate_refuses_a_folder_that_is_not_a_curriculum(pmpath, tmp_path: Path) -> None:
    result = pmpath("curriculum", "validate", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and "path.yaml" in result.stderr


# --- an instructor's curriculum in a workspace -----------------------------------------------

def retitle_first_skill(course: Path, title: str) -> None:
    skill_file = course / "skills" / "01-fundamentals.yaml"
    text = skill_file.read_text(encoding="utf-8")
    start = text.index("\ntitle: ") + len("\ntitle: ")
    end = text.index("\n", start)
    skill_file.write_text(text[:start] + title + text[end:], encoding="utf-8")


def test_a_workspace_created_with_an_own_curriculum_uses_it_and_sees_its_edits(
        pmpath, course: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PMPATH_TODAY", "2027-01-20")
    retitle_first_skill(course, "Delivery Basics")
    yaml_edit(course, "skills/01-fundamentals.yaml",
              lambda d: d["exercises"][1]["params"].update(team_size=6))
    root = tmp_path / "class-ws"
    result = pmpath("init", str(root), "--name", "Ana", "--start", "2027-01-04",
                    "--curriculum", str(course))
    assert result.exit_code == 0, result.stderr
    monkeypatch.chdir(root)

    assert pmpath("next").stdout.startswith("Skill 1 of 10 · Delivery Basics")
    skill = pmpath("skill", "1", "--json").json()
    assert [e["params"] for e in skill["exercises"]][1] == {"team_size": 6}
    assert (root / ".pmpath" / "cache" / "curriculum.json").is_file()

    # The instructor edits the course after the learner's cache exists.
    skill_file = course / "skills" / "01-fundamentals.yaml"
    before = skill_file.stat()
    retitle_first_skill(course, "Delivery Essentials")
    os.utime(skill_file, ns=(before.st_atime_ns, before.st_mtime_ns + 2_000_000_000))
    assert pmpath("next").stdout.startswith("Skill 1 of 10 · Delivery Essentials")
    assert pmpath("path", "--json").json()["skills"][0]["title"] == "Delivery Essentials"


def test_a_broken_own_curriculum_is_one_line_pointing_at_validate(
        pmpath, course: Path, tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "class-ws"
    assert pmpath("init", str(root), "--curriculum", str(course)).exit_code == 0
    monkeypatch.chdir(root)
    assert pmpath("next").exit_code == 0
    wrong_team_size(course)
    result = pmpath("next")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert "skills/01-fundamentals.yaml" in lines[0]
    assert "pmpath curriculum validate" in lines[0]
