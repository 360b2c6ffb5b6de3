"""The bundled curriculum carries the seed's facts, validates cleanly, and is cached safely."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from pmpath.core.curriculum import load_curriculum, read_content
from pmpath.core.curriculum_models import lint_curriculum, validate_curriculum
from pmpath.core.errors import CurriculumError, UsageError

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "curriculum"

SKILL_IDS = [
    "fundamentals", "agile-scrum", "planning-scheduling", "stakeholder-communication",
    "team-leadership", "pm-tools", "technical-literacy", "risk-management",
    "metrics-reporting", "product-strategy",
]

# (skill number, artifact kind, parameters) of every skill exercise in the seed.
SEED_EXERCISES = [
    (1, "project-plan", {}),
    (1, "capacity-plan", {"team_size": 8}),  # "a capacity plan for an eight-person team"
    (2, "sprint", {"length_days": 10}),  # "an end-to-end two-week sprint"
    (3, "launch-plan", {"months": 3}),  # "a three-month product launch"
    (4, "stakeholder-plan", {}),
    (5, "team-charter", {}),
    (6, "jira-config", {}),  # "Configure JIRA for a greenfield product team"
    (7, "trd", {}),  # "a full technical requirements document"
    (8, "risk-register", {"min_risks": 8}),
    (9, "metrics-dashboard", {"min_per_category": 3}),
    (10, "product-vision", {}),  # "a compelling multi-year product vision"
]

SEED_PRINCIPLES = [
    "Communicate early and often", "Remove blockers obsessively",
    "Build trust through transparency", "Manage up effectively",
    "Focus on outcomes, not output", "Embrace change", "Celebrate wins",
    "Learn from failures", "Be data-driven", "Develop empathy",
]


# --- the bundled curriculum ------------------------------------------------------------------

def test_the_bundled_curriculum_validates_without_problems_or_advice() -> None:
    _data, problems = validate_curriculum(BUNDLED)
    assert problems == []
    assert lint_curriculum(BUNDLED) == []


def test_ten_skills_in_the_seeds_order(curriculum) -> None:
    assert [skill.id for skill in curriculum.skills] == SKILL_IDS
    assert [skill.number for skill in curriculum.skills] == list(range(1, 11))
    assert curriculum.skills[0].folder == "01-fundamentals"
    assert curriculum.skills[9].folder == "10-product-strategy"


def test_every_skill_has_four_to_ten_concepts(curriculum) -> None:
    for skill in curriculum.skills:
        assert 4 <= len(skill.concepts) <= 10, skill.id


def test_explanation_length_follows_importance(curriculum) -> None:
    """Every explanation runs 80–300 words; only a handful of central ideas, each with a
    worked example, pass 200."""
    long = []
    for skill in curriculum.skills:
        for concept in skill.concepts:
            words = len(concept.explanation.split())
            assert 80 <= words <= 300, f"{skill.id}/{concept.id}: {words} words"
            assert concept.practice.strip(), concept.id
            if words > 200:
                long.append(concept.id)
    assert len(long) <= 6, long


def test_the_weeks_fit_the_six_to_nine_months_of_the_seed(curriculum) -> None:
    assert (curriculum.min_months, curriculum.max_months) == (6, 9)
    assert 26 <= curriculum.total_weeks <= 39
    assert all(skill.weeks > 0 for skill in curriculum.skills)


def test_ids_are_unique(curriculum) -> None:
    concept_ids = [c.id for skill in curriculum.skills for c in skill.concepts]
    exercise_ids = [exercise.id for exercise in curriculum.exercises]
    assert len(concept_ids) == len(set(concept_ids))
    assert len(exercise_ids) == len(set(exercise_ids))
    assert len(set(SKILL_IDS)) == 10


def test_every_exercise_has_exactly_three_hints(curriculum) -> None:
    for exercise in curriculum.exercises:
        assert len(exercise.hints) == 3, exercise.id
        assert all(hint.strip() for hint in exercise.hints)


def test_the_seeds_exercises_and_their_parameters(curriculum) -> None:
    found = [(skill.number, exercise.artifact, exercise.params)
             for skill in curriculum.skills for exercise in skill.exercises]
    assert found == SEED_EXERCISES
    for skill in curriculum.skills:
        for exercise in skill.exercises:
            assert exercise.folder == skill.folder
            assert exercise.skill_id == skill.id


def test_the_career_section_has_the_star_stories_exercise(curriculum) -> None:
    assert [e.artifact for e in curriculum.career_exercises] == ["star-stories"]
    star = curriculum.career_exercises[0]
    assert star.skill_id is None
    assert "STAR" in star.title
    assert len(star.hints) == 3


def test_exercise_parameters_come_from_the_curriculum(curriculum) -> None:
    assert curriculum.exercise_for_artifact("capacity-plan", "01-fundamentals").params == {
        "team_size": 8}
    assert curriculum.exercise_for_artifact("sprint", None).params == {"length_days": 10}
    assert curriculum.exercise("living-risk-register").params == {"min_risks": 8}


def test_lookups_by_id_number_and_folder(curriculum) -> None:
    assert curriculum.skill("8").id == "risk-management"
    assert curriculum.skill("08-risk-management").number == 8
    assert curriculum.skill("Risk-Management").number == 8
    skill, concept = curriculum.concept("lifecycle-phases")
    assert skill.id == "fundamentals" and concept.title
    with pytest.raises(UsageError) as caught:
        curriculum.skill("11")
    assert "risk-management" in str(caught.value)


def test_principles_are_the_seeds_ten_in_order() -> None:
    principles = read_content(BUNDLED, "principles")["principles"]
    assert [item["title"] for item in principles] == SEED_PRINCIPLES
    assert all(item["summary"] and item["in_practice"] for item in principles)


def test_certifications_are_pmp_scrum_master_product_owner_with_the_advice() -> None:
    data = read_content(BUNDLED, "certifications")
    names = [item["name"] for item in data["certifications"]]
    assert len(names) == 3
    assert "PMP" in names[0]
    assert "Scrum Master" in names[1]
    assert "Product Owner" in names[2]
    assert "6–12 months" in data["advice"]["when"]


def test_career_has_four_levels_four_ways_in_and_six_tactics() -> None:
    data = read_content(BUNDLED, "career")
    levels = [level["title"] for level in data["levels"]]
    assert len(levels) == 4
    assert "Junior" in levels[0] and levels[1] == "Project Manager"
    assert "Senior" in levels[2] and "Director" in levels[3]
    paths = " ".join(p["title"] + " " + p["description"] for p in data["entry_paths"]["paths"])
    assert len(data["entry_paths"]["paths"]) == 4
    for way_in in ("inside your current company", "coordinator", "consulting", "technical"):
        assert way_in in paths
    tactics = data["tactics"]
    assert len(tactics) == 6
    assert [t["id"] for t in tactics] == ["volunteer", "portfolio", "network",
                                          "target-startups", "tailor-applications",
                                          "ace-interview"]
    assert "3–5" in tactics[1]["description"]
    assert "STAR" in tactics[5]["description"]
    assert data["daily_practice"] and data["closing"]


# --- the cache -------------------------------------------------------------------------------

@pytest.fixture
def course(tmp_path: Path) -> Path:
    target = tmp_path / "course"
    shutil.copytree(BUNDLED, target)
    return target


def set_skill_title(course: Path, title: str) -> None:
    skill_file = course / "skills" / "01-fundamentals.yaml"
    text = skill_file.read_text(encoding="utf-8")
    start = text.index("\ntitle: ") + len("\ntitle: ")
    end = text.index("\n", start)
    skill_file.write_text(text[:start] + title + text[end:], encoding="utf-8")


def test_a_fresh_cache_is_used_without_validating_again(
        course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    first = load_curriculum(course, cache)
    assert (cache / "curriculum.json").is_file()

    import pmpath.core.curriculum_models as models

    def refuse(root: Path) -> None:
        raise AssertionError("validated again although nothing changed")

    monkeypatch.setattr(models, "validate_curriculum", refuse)
    second = load_curriculum(course, cache)
    assert second.skills == first.skills
    assert second.career_exercises == first.career_exercises


def test_editing_a_file_after_the_cache_exists_is_picked_up(course: Path,
                                                            tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert load_curriculum(course, cache).skills[0].title == "PM Fundamentals"
    set_skill_title(course, "Delivery Basics")
    assert load_curriculum(course, cache).skills[0].title == "Delivery Basics"


def test_an_edit_of_the_same_size_is_picked_up_by_its_modification_time(
        course: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_curriculum(course, cache)
    skill_file = course / "skills" / "01-fundamentals.yaml"
    before = skill_file.stat()
    set_skill_title(course, "PM Fundamentalz")  # same length as "PM Fundamentals"
    os.utime(skill_file, ns=(before.st_atime_ns, before.st_mtime_ns + 2_000_000_000))
    assert skill_file.stat().st_size == before.st_size
    assert load_curriculum(course, cache).skills[0].title == "PM Fundamentalz"


def test_an_edit_that_breaks_the_curriculum_is_reported_not_served_from_the_cache(
        course: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_curriculum(course, cache)
    set_skill_title(course, '""')
    with pytest.raises(CurriculumError) as caught:
        load_curriculum(course, cache)
    assert "skills/01-fundamentals.yaml" in str(caught.value)
    assert any("title" in problem for problem in caught.value.problems)


def test_a_damaged_cache_is_only_a_cache(course: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_curriculum(course, cache)
    (cache / "curriculum.json").write_text("{ not json", encoding="utf-8")
    assert load_curriculum(course, cache).skills[0].id == "fundamentals"
    assert json.loads((cache / "curriculum.json").read_text(encoding="utf-8"))["format"] == 1


def test_a_cache_of_another_curriculum_is_not_used(course: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_curriculum(BUNDLED, cache)
    set_skill_title(course, "Delivery Basics")
    assert load_curriculum(course, cache).skills[0].title == "Delivery Basics"


def test_a_folder_without_path_yaml_is_not_a_curriculum(tmp_path: Path) -> None:
    with pytest.raises(CurriculumError) as caught:
        load_curriculum(tmp_path)
    assert "path.yaml" in str(caught.value)
