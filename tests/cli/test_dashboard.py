"""`pmpath dashboard FILE`, driven through the real entry point: tiles, JSON and usage errors."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "curriculum" / "examples"
FIXTURES = REPO / "tests" / "fixtures" / "metrics-dashboard"
DASHBOARD = str(EXAMPLES / "metrics-dashboard.yaml")


@pytest.fixture(autouse=True)
def _fresh_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """An 80-column terminal, and a console built for it (output.py caches one)."""
    import pmpath.cli.output as output

    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setattr(output, "_console", None)


def test_draws_one_tile_per_kpi_side_by_side(pmpath):
    run = pmpath("dashboard", DASHBOARD, "--as-of", "2027-01-20")
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    header = next(line for line in lines if "Delivery (5)" in line)
    assert "Business (4)" in header
    for name in ("Deployment frequency", "Change lead time", "Change failure rate",
                 "Failed deployment recovery time", "Rework rate", "Checkout conversion",
                 "Weekly active merchants", "Net payment revenue"):
        assert name in run.stdout
    assert " R  red    ↑ worse" in run.stdout
    assert run.stderr == ""  # the model answer has nothing to fix


def test_json_prints_the_figures(pmpath):
    run = pmpath("dashboard", DASHBOARD, "--json")
    assert run.exit_code == 0, run.stderr
    document = run.json()
    assert document["version"] == 1
    assert document["kind"] == "metrics-dashboard"
    assert document["kpis"]["support-tickets"] == {"latest": 3.5, "status": "red",
                                                   "trend": "up"}
    assert len(document["kpis"]) == 9


def test_json_is_the_metrics_of_check(pmpath):
    board = pmpath("dashboard", DASHBOARD, "--json").json()
    check = pmpath("check", DASHBOARD, "--json", "--as-of", "2027-01-20").json()
    assert board["kpis"] == check["artifacts"][0]["metrics"]["kpis"]


def test_a_file_with_problems_is_drawn_and_points_to_check(pmpath):
    path = str(FIXTURES / "two-periods.yaml")
    run = pmpath("dashboard", path, "--as-of", "2027-01-20")
    assert run.exit_code == 0
    assert "Payment support tickets" in run.stdout
    assert f"has 1 problem to fix; `pmpath check {path}`" in run.stderr


def test_a_file_of_another_kind_is_a_one_line_usage_error(pmpath):
    run = pmpath("dashboard", str(EXAMPLES / "risk-register.yaml"))
    assert run.exit_code == 2
    assert run.stdout == ""
    [line] = run.stderr.strip().splitlines()
    assert "is a risk register file (kind: risk-register)" in line
    assert "`pmpath dashboard` reads a metrics dashboard file (kind: metrics-dashboard)" in line


def test_a_file_without_a_kind(pmpath, tmp_path):
    notes = tmp_path / "notes.yaml"
    notes.write_text("title: my KPIs\n", encoding="utf-8")
    run = pmpath("dashboard", str(notes))
    assert run.exit_code == 2
    assert "has no 'kind:' line" in run.stderr


def test_a_dashboard_that_does_not_validate_names_the_first_problem(pmpath, tmp_path):
    broken = tmp_path / "dashboard.yaml"
    broken.write_text("kind: metrics-dashboard\nversion: 1\nname: Team\nkpis:\n"
                      "  - {id: a, name: A, category: sideways}\n", encoding="utf-8")
    run = pmpath("dashboard", str(broken))
    assert run.exit_code == 2
    assert "kpis[0].category (line 5): should be 'delivery' or 'business'" in run.stderr
    assert "pmpath check" in run.stderr


def test_a_missing_file_and_a_bad_date(pmpath):
    missing = pmpath("dashboard", "no-such-dashboard.yaml")
    assert missing.exit_code == 2
    assert "no such file or folder" in missing.stderr
    bad_date = pmpath("dashboard", DASHBOARD, "--as-of", "tomorrow")
    assert bad_date.exit_code == 2
    assert "--as-of must be a date" in bad_date.stderr


def test_inside_a_workspace_nothing_is_recorded(pmpath, workspace):
    import shutil

    target = workspace / "09-metrics-reporting"
    target.mkdir(exist_ok=True)
    shutil.copy(DASHBOARD, target / "metrics-dashboard.yaml")
    state = workspace / ".pmpath" / "state.toml"
    before = state.read_text(encoding="utf-8")
    run = pmpath("dashboard", "09-metrics-reporting/metrics-dashboard.yaml")
    assert run.exit_code == 0, run.stderr
    assert "Checkout conversion" in run.stdout
    assert state.read_text(encoding="utf-8") == before
    # `check` does record it, so the test would notice if the dashboard did.
    assert pmpath("check", "09-metrics-reporting/metrics-dashboard.yaml").exit_code == 0
    assert state.read_text(encoding="utf-8") != before
