"""pmpath.api.load: a file read and validated against its kind's model, or its problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmpath import api
from pmpath.core.errors import UsageError

EXAMPLES = Path(__file__).resolve().parents[2] / "curriculum" / "examples"


def test_a_model_answer_loads_as_its_kinds_record() -> None:
    loaded = api.load(EXAMPLES / "capacity-plan.yaml")
    assert loaded.ok and loaded.kind == "capacity-plan" and loaded.problems == []
    assert loaded.artifact.members[0].fte == 1.0


def test_a_file_that_does_not_fit_its_kind_lists_every_problem_with_its_line(
        tmp_path: Path) -> None:
    text = (EXAMPLES / "capacity-plan.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "capacity-plan.yaml"
    team = next(row for row in text.splitlines() if row.startswith("team:"))
    broken.write_text(text.replace("focus_factor: 0.7", "focus_factor: high", 1)
                      .replace("sprint_length_days: 10", "sprint_length_days: ten", 1)
                      .replace(team + "\n", "", 1), encoding="utf-8")
    loaded = api.load(broken)
    assert not loaded.ok and loaded.artifact is None
    places = {problem.where: problem for problem in loaded.problems}
    assert set(places) == {"focus_factor", "sprint_length_days", "team"}
    line = text.splitlines().index("focus_factor: 0.7")  # one line up: 'team:' is gone
    assert places["focus_factor"].line == line
    assert places["team"].line is None  # a top-level field has no entry to point at
    assert places["team"].hint == ("Add the 'team' field here (`pmpath schema capacity-plan` "
                                   "says what it holds).")
    assert places["focus_factor"].hint == ("Change the value of 'focus_factor' so that it is "
                                           "a number.")


def test_an_unreadable_file_is_a_problem_and_a_missing_one_a_usage_error(
        tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: sprint\nteam:\n\t- Ana\n", encoding="utf-8")
    loaded = api.load(bad)
    assert [problem.rule for problem in loaded.problems] == ["common.unreadable"]
    with pytest.raises(UsageError, match="nope.yaml"):
        api.load(tmp_path / "nope.yaml")


def test_every_record_the_api_returns_is_offered_by_name() -> None:
    """The records beyond check live in pmpath.results; pmpath.api still names them."""
    from pmpath import results
    from pmpath.api import Cohort, Portfolio

    assert (Cohort, Portfolio) == (results.Cohort, results.Portfolio)
    for name in ("Loaded", "Scheduled", "RuleInfo", "ForecastReport", "Example", "Dashboard",
                 "Exported", "PortfolioProject", "LearnerRow"):
        assert getattr(api, name) is getattr(results, name)
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        api.Nope  # noqa: B018 - the attribute access is the test
