"""Rule weights are curriculum data, and they decide the score."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import yaml

from pmpath.core.curriculum import load_curriculum
from pmpath.core.grading import all_rules, grade_file

REPO = Path(__file__).resolve().parents[2]


def test_the_bundled_rubric_weighs_every_rule(curriculum) -> None:
    assert set(curriculum.rule_weights) == {rule.id for rule in all_rules()}
    assert all(weight > 0 for weight in curriculum.rule_weights.values())


def test_an_instructor_can_reweigh_a_rule(tmp_path: Path) -> None:
    folder = tmp_path / "curriculum"
    shutil.copytree(REPO / "curriculum", folder)
    rubric = yaml.safe_load((folder / "rubric.yaml").read_text())
    flawed = tmp_path / "sprint.yaml"
    flawed.write_text((REPO / "curriculum/examples/sprint.yaml").read_text()
                      .replace("sprint_goal:", "sprint_goal: ''\nold_goal:", 1))

    def score() -> int:
        curriculum = load_curriculum(folder)
        result = grade_file(flawed, as_of=date(2027, 1, 20),
                            curriculum=curriculum)
        assert {f.rule for f in result.findings} == {"sprint.goal"}
        return result.score

    before = score()
    rubric["weights"]["sprint.goal"] = 50
    (folder / "rubric.yaml").write_text(yaml.safe_dump(rubric))
    assert score() < before


def test_an_unknown_rule_in_the_rubric_is_a_curriculum_problem(tmp_path: Path) -> None:
    from pmpath.core.curriculum_models import validate_curriculum

    folder = tmp_path / "curriculum"
    shutil.copytree(REPO / "curriculum", folder)
    # Through YAML, not by appending a line: weights is not the file's last section.
    rubric = yaml.safe_load((folder / "rubric.yaml").read_text())
    rubric["weights"]["risk.made-up"] = 2
    (folder / "rubric.yaml").write_text(yaml.safe_dump(rubric))
    _, problems = validate_curriculum(folder)
    assert problems == ["rubric.yaml: weights.risk.made-up: no rule has this id "
                        "(see `pmpath rules`)"]
