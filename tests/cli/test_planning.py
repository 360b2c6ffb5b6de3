"""`pmpath schedule` and `pmpath forecast`, driven through the real CLI; the Gantt chart."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pmpath.cli.app import COMMANDS, app
from pmpath.core.errors import PmpathError, UnreadableInputError, UsageError

REPO = Path(__file__).resolve().parents[2]
PROJECT = REPO / "tests" / "fixtures" / "project-plan"
LAUNCH = REPO / "tests" / "fixtures" / "launch-plan"


@pytest.fixture(autouse=True)
def _fresh_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """An 80-column terminal, and a console built for it (output.py caches one)."""
    import pmpath.cli.output as output

    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setattr(output, "_console", None)


def run(*args: str) -> tuple[int, str, str]:
    """(exit code, stdout, message) as `pmpath` would give them.

    Errors pmpath raises reach the entry point (`main`), which prints them as one line
    and exits with the error's code; CliRunner hands them back instead, so do the same
    here.
    """
    result = CliRunner().invoke(app, list(args))
    error = result.exception
    if isinstance(error, PmpathError):
        return error.exit_code, result.stdout, error.message
    if error is not None and not isinstance(error, SystemExit):
        raise error
    return result.exit_code, result.stdout, result.stderr


def run_json(*args: str) -> dict:
    code, out, message = run(*args, "--json")
    assert code == 0, message
    return json.loads(out)


def test_commands_are_registered_with_their_summaries():
    from pmpath.cli import planning

    for name in ("schedule", "forecast"):
        assert COMMANDS[name][0] == "planning"
        command = next(info for info in planning.app.registered_commands if info.name == name)
        assert command.callback.__doc__.splitlines()[0] == COMMANDS[name][1]


# -- schedule ---------------------------------------------------------------------------


def test_schedule_project_json_matches_check():
    document = run_json("schedule", str(PROJECT / "clean.yaml"))
    assert document["version"] == 1 and document["kind"] == "project-plan"
    # Hand-worked in tests/artifacts/test_project_plan.py: te along W1 W2 W3 W5 = 26,
    # sigma = sqrt(280/36) = 2.7889, Phi(3 / 2.7889) = 0.859, finish 2027-02-09.
    assert document["finish"] == "2027-02-09"
    assert document["critical_path"] == ["W1", "W2", "W3", "W5"]
    assert document["expected_duration_days"] == 26.0
    assert document["std_dev_days"] == 2.7889
    assert document["deadline_probability"] == 0.859
    assert document["working_days_available"] == document["deadline_working_days"] == 29
    assert document["tasks"]["W4"] == {"start": "2027-01-19", "finish": "2027-01-28",
                                       "total_float": 3}
    # W6 (te 13/6) ends at 12.17 and nothing waits on it before 26: float 83/6, unrounded.
    assert document["tasks"]["W6"]["total_float"] == 13.8333
    check = run_json("check", str(PROJECT / "clean.yaml"), "--as-of", "2027-01-20")
    metrics = check["artifacts"][0]["metrics"]
    # The same keys with the same values: both print the plan's figures.
    assert {key: value for key, value in document.items()
            if key not in ("version", "kind")} == metrics


def test_schedule_launch_json_matches_check():
    document = run_json("schedule", str(LAUNCH / "clean.yaml"))
    assert document["kind"] == "launch-plan"
    assert document["finish"] == "2027-03-02"
    assert document["critical_path"] == ["T1", "T3", "T4", "T6", "T8"]
    assert document["slack_to_ga_days"] == 21
    assert document["duration_working_days"] == 40
    assert document["tasks"]["T7"] == {"start": "2027-02-02", "finish": "2027-02-11",
                                       "total_float": 12}
    assert "expected_duration_days" not in document
    check = run_json("check", str(LAUNCH / "clean.yaml"), "--as-of", "2027-01-20")
    metrics = check["artifacts"][0]["metrics"]
    assert {key: value for key, value in document.items()
            if key not in ("version", "kind")} == metrics


def test_schedule_project_text():
    code, out, _ = run("schedule", str(PROJECT / "clean.yaml"))
    assert code == 0
    lines = out.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert "\x1b[" not in out
    header = next(line for line in lines if line.startswith("id "))
    assert header.split() == ["id", "name", "start", "finish", "float", "critical"]
    w4 = next(line for line in lines if line.startswith("W4 ") and "2027" in line)
    assert w4.split()[-4:] == ["2027-01-19", "2027-01-28", "3", "no"]
    assert "86% on track" in out
    w6 = next(line for line in lines if line.startswith("W6 ") and "2027" in line)
    assert w6.split()[-4:] == ["2027-01-19", "2027-01-21", "13.8", "no"]
    # The Gantt chart: week labels, critical and non-critical bars, milestones, deadline.
    assert "Jan 4" in out and "Feb 8" in out
    bar = {line.split()[0]: line for line in lines if line.startswith(("W3 Build", "W4 Build"))}
    assert "█" in bar["W3"] and "▒" in bar["W4"]
    assert any(line.startswith("◆ Portal released") and line.count("◆") == 2 for line in lines)
    assert "│ deadline 2027-02-12" in out


def test_schedule_launch_text_shows_resource_load():
    code, out, _ = run("schedule", str(LAUNCH / "over-capacity.yaml"))
    assert code == 0
    assert all(len(line) <= 80 for line in out.splitlines())
    assert "◆ go/no-go" in out and "│ GA 2027-03-31" in out
    eng = next(line for line in out.splitlines() if line.startswith("eng (cap 2)"))
    assert eng.split()[3:] == ["1", "1", "1", "1", "3!", "3!", "1", "1", "1"]
    header = next(line for line in out.splitlines() if line.startswith("id "))
    assert header.split() == ["id", "name", "start", "finish", "float", "critical"]
    t7 = next(line for line in out.splitlines() if line.startswith("T7 ") and "2027" in line)
    assert t7.split()[-4:] == ["2027-02-02", "2027-02-11", "12", "no"]
    assert "critical path  T1 → T3 → T4 → T6 → T8" in out


def test_schedule_launch_refuses_a_fractional_duration():
    code, out, message = run("schedule", str(LAUNCH / "fractional-duration.yaml"))
    assert code == 2 and out == ""
    assert message.endswith("cannot schedule: task T2 has a duration of 4.5 working days, "
                            "which is not a whole number of days; see launch.durations")


def test_schedule_refuses_a_cycle_in_one_line():
    code, out, message = run("schedule", str(PROJECT / "cycle.yaml"))
    assert code == 2 and out == ""
    assert message == (f"{PROJECT / 'cycle.yaml'}: cannot schedule: the dependencies have a "
                       "cycle: W3 → W5 → W3; see plan.dependencies")
    code, _, message = run("schedule", str(LAUNCH / "unknown-dependency.yaml"), "--json")
    assert code == 2
    assert message.endswith("cannot schedule: task T6 depends on 'T9', which is not a task in "
                            "this plan; see launch.dependencies")
    code, _, message = run("schedule", str(PROJECT / "estimates-out-of-order.yaml"))
    assert code == 2 and "W3 has estimates out of order" in message


def test_schedule_bad_files(tmp_path: Path):
    broken = tmp_path / "plan.yaml"
    broken.write_text("kind: project-plan\nversion: 1\nname: [unclosed\n", encoding="utf-8")
    with pytest.raises(UnreadableInputError, match=r"plan\.yaml line \d+, column \d+: YAML"):
        CliRunner().invoke(app, ["schedule", str(broken)], catch_exceptions=False)
    code, _, message = run("schedule", str(tmp_path / "missing.yaml"))
    assert code == 2 and message.endswith("missing.yaml: no such file or folder")
    sprint = tmp_path / "sprint.yaml"
    sprint.write_text("kind: sprint\nversion: 1\n", encoding="utf-8")
    with pytest.raises(UsageError, match="is a 'sprint' file"):
        CliRunner().invoke(app, ["schedule", str(sprint)], catch_exceptions=False)
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text((LAUNCH / "clean.yaml").read_text(encoding="utf-8")
                     .replace("capacity: 2}", "capacity: two}"), encoding="utf-8")
    code, _, message = run("schedule", str(wrong))
    assert code == 2
    line = 1 + next(number for number, text in enumerate(wrong.read_text().splitlines())
                    if "capacity: two}" in text)
    assert message.startswith(f"{wrong}: resources[0].capacity (line {line}): ")
    assert "\n" not in message


def test_schedule_error_is_one_line_without_traceback():
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "NO_COLOR": "1"}
    env.pop("PMPATH_DEBUG", None)
    completed = subprocess.run(
        [sys.executable, "-m", "pmpath", "schedule", str(LAUNCH / "cycle.yaml")],
        capture_output=True, text=True, env=env, check=False)
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert "Traceback" not in completed.stderr
    first = completed.stderr.splitlines()[0]
    assert first.startswith("error: ") and "T3 → T6 → T4 → T3" in first


def _big_launch(path: Path, tasks: int) -> None:
    lines = ["kind: launch-plan", "version: 1", "product: Big", "start: 2027-01-04",
             "ga_date: 2027-03-31", "phases: [{id: beta, exit_criteria: ['errors < 1%']}]",
             "resources: [{id: eng, capacity: 3}]", "tasks:"]
    for number in range(tasks):
        depends = f"[T{number - 1}]" if number % 3 else "[]"
        lines.append(f"  - {{id: T{number}, name: Task {number}, phase: beta, duration: 2, "
                     f"depends_on: {depends}, resource: eng}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_schedule_caps_rows_for_huge_plans(tmp_path: Path):
    plan = tmp_path / "launch.yaml"
    _big_launch(plan, 300)
    code, out, _ = run("schedule", str(plan))
    assert code == 0
    assert all(len(line) <= 80 for line in out.splitlines())
    assert "… and 240 more tasks (`--json` lists them all)" in out
    assert "… and 260 more rows not drawn" in out
    assert len(run_json("schedule", str(plan))["tasks"]) == 300


# -- forecast ---------------------------------------------------------------------------


def test_constant_throughput_is_exact():
    # Every trial draws 5 items a period: 50 items take exactly 10 periods.
    document = run_json("forecast", "--throughput", "5", "--items", "50")
    assert document["version"] == 1
    assert document["periods"] == {"p50": 10, "p85": 10, "p95": 10}
    assert document["trials"] == 10_000
    assert document["histogram"] == {"10": 10_000}
    assert "dates" not in document


def test_same_seed_same_answer():
    args = ("forecast", "--throughput", "5,3,8,0,6", "--items", "60", "--seed", "7",
            "--trials", "2000")
    first, second = run_json(*args), run_json(*args)
    assert first == second
    periods = first["periods"]
    assert periods["p50"] <= periods["p85"] <= periods["p95"]
    # 60 items at most 8 a period need at least 8 periods.
    assert min(int(key) for key in first["histogram"]) >= 8
    assert sum(first["histogram"].values()) == 2000


def test_dates_are_the_last_working_day_of_the_period():
    # 10 periods of 10 working days from Monday 2027-01-04: working days 0..99, and day 99
    # is 19 weeks and 4 weekdays later, Friday 2027-05-21.
    document = run_json("forecast", "--throughput", "5", "--items", "50", "--start",
                        "2027-01-04", "--period-days", "10")
    assert document["dates"] == {"p50": "2027-05-21", "p85": "2027-05-21", "p95": "2027-05-21"}
    # One period of 5 days starting on a Saturday: Monday to Friday of the next week.
    one = run_json("forecast", "--throughput", "5", "--items", "5", "--start", "2027-01-02",
                   "--period-days", "5")
    assert one["dates"]["p50"] == "2027-01-08"


def test_forecast_text_shows_percentiles_dates_and_histogram():
    code, out, _ = run("forecast", "--throughput", "5,3,8,6", "--items", "50", "--seed", "1",
                       "--start", "2027-01-04")
    assert code == 0
    assert "50% of trials finish within" in out and "95% of trials" in out
    assert "by 2027-" in out
    assert "◀ P50" in out and "█" in out
    document = run_json("forecast", "--throughput", "5,3,8,6", "--items", "50", "--seed", "1")
    p50 = document["periods"]["p50"]
    assert f"within {p50:>4} periods" in out


def _sprint(tmp_path: Path, velocity: str = "[20, 20, 20]") -> Path:
    path = tmp_path / "sprint.yaml"
    path.write_text(
        "kind: sprint\nversion: 1\nstart: 2027-01-04\nlength_days: 10\n"
        "holidays: [2027-01-18]\n"
        f"velocity_history: {velocity}\n"
        "backlog:\n"
        "  - {id: A-1, points: 8, status: done}\n"
        "  - {id: A-2, points: 13, status: in progress}\n"
        "  - {id: A-3, points: 20, status: todo}\n"
        "  - {id: A-4, points: 7, status: Done}\n"
        "  - {id: A-5, status: todo}\n", encoding="utf-8")
    return path


def test_forecast_from_a_sprint_file(tmp_path: Path):
    # Not done: 13 + 20 = 33 points (A-5 has no points). 20 a sprint: 2 sprints, always.
    # The next sprint starts on Tuesday 2027-01-19 (the sprint is Jan 4-15 and Jan 18 is a
    # holiday); its second sprint ends 19 working days later: Jan 19-22 (4), Jan 25-29 (5),
    # Feb 1-5 (5), Feb 8-12 (5) make 19, so the 20th working day is Monday 2027-02-15.
    document = run_json("forecast", str(_sprint(tmp_path)))
    assert document["items"] == 33
    assert document["throughput"] == [20, 20, 20]
    assert document["periods"] == {"p50": 2, "p85": 2, "p95": 2}
    assert document["start"] == "2027-01-19" and document["period_days"] == 10
    assert document["dates"]["p95"] == "2027-02-15"
    # Options override the file.
    override = run_json("forecast", str(_sprint(tmp_path)), "--items", "100")
    assert override["periods"]["p50"] == 5


@pytest.mark.parametrize(("args", "expected"), [
    (["--throughput", "", "--items", "5"], "--throughput is empty"),
    (["--throughput", "5,x", "--items", "5"], "--throughput value 'x' is not a number"),
    (["--throughput", "5,-2", "--items", "5"], "--throughput value '-2' is negative"),
    (["--throughput", "2.5", "--items", "5"], "'2.5' is not a whole number"),
    (["--throughput", "0,0,0", "--items", "5"], "all zeros"),
    (["--throughput", "5", "--items", "-3"], "--items is -3"),
    (["--throughput", "5", "--items", "5", "--trials", "0"], "--trials must be between"),
    (["--throughput", "5", "--items", "5", "--start", "soon"], "--start must be a date"),
    (["--throughput", "5", "--items", "5", "--period-days", "0"], "--period-days must be"),
    (["--items", "5"], "give --throughput and --items"),
    ([], "give --throughput and --items"),
])
def test_forecast_bad_input_is_one_line(args, expected):
    code, out, message = run("forecast", *args)
    assert code == 2 and out == ""
    assert expected in message
    assert "\n" not in message


def test_forecast_bad_sprint_files(tmp_path: Path):
    code, _, message = run("forecast", str(_sprint(tmp_path, "[]")))
    assert code == 2 and "velocity_history is empty" in message
    code, _, message = run("forecast", str(_sprint(tmp_path, "[20, fast]")))
    assert code == 2 and "velocity_history[1] ('fast') is not a number" in message
    code, _, message = run("forecast", str(PROJECT / "clean.yaml"))
    assert code == 2 and "is not a sprint file" in message


def test_histogram_rows_group_long_ranges():
    from pmpath.analysis.histogram import histogram_rows

    assert histogram_rows({3: 5, 4: 10, 6: 1}) == [(3, 3, 5), (4, 4, 10), (5, 5, 0), (6, 6, 1)]
    grouped = histogram_rows({value: 1 for value in range(100)}, max_rows=25)
    assert len(grouped) == 25 and grouped[0] == (0, 3, 4) and grouped[-1] == (96, 99, 4)


# -- the Gantt chart --------------------------------------------------------------------


@pytest.mark.parametrize(("weeks", "width", "per_week", "denominator"), [
    (6, 60, 7, 7),        # a day per column
    (13, 59, 3, 7),       # a three-month launch
    (26, 59, 2, 7),       # half a year
    (52, 59, 1, 7),       # a year: a column per week
    (200, 59, 1, 28),     # four weeks a column
])
def test_axis_scale(weeks, width, per_week, denominator):
    from pmpath.render.gantt import choose_axis

    first = date(2027, 1, 4)
    axis = choose_axis(first, first + timedelta(days=7 * weeks - 3), width)
    assert (axis.numerator, axis.denominator) == (per_week, denominator)
    assert axis.width <= width


def test_gantt_draws_bars_milestones_and_the_deadline():
    from pmpath.render.gantt import GanttRow, gantt

    rows = [GanttRow("A critical", date(2027, 1, 4), date(2027, 1, 8), critical=True),
            GanttRow("B slack", date(2027, 1, 11), date(2027, 1, 12)),
            GanttRow("C done", date(2027, 1, 15), date(2027, 1, 15), milestone=True)]
    lines = [line.plain for line in gantt(rows, marker=date(2027, 1, 20), width=60)]
    # One column a day from Monday Jan 4: A covers columns 0-4, B 7-8, C sits on 11,
    # and the deadline line is on column 16; labels are 10 wide plus a space.
    assert lines[0].startswith(" " * 11 + "Jan 4  Jan 11 Jan 18")
    assert lines[1][11] == "┬" and lines[1][11 + 16] == "┼"
    assert lines[2] == "A critical " + "█" * 5 + " " * 11 + "│" + " " * 4
    assert lines[3] == "B slack    " + " " * 7 + "▒▒" + " " * 7 + "│" + " " * 4
    assert lines[4] == "C done     " + " " * 11 + "◆" + " " * 4 + "│" + " " * 4
    assert lines[5].startswith("█ critical  ▒ has float  ◆ milestone  │ deadline 2027-01-20")


def test_gantt_fits_long_plans_and_caps_rows():
    from pmpath.render.gantt import GanttRow, gantt

    start = date(2027, 1, 4)
    rows = [GanttRow(f"Task number {index} with a long name", start + timedelta(days=3 * index),
                     start + timedelta(days=3 * index + 20), critical=index % 2 == 0)
            for index in range(250)]
    lines = [line.plain for line in gantt(rows, marker=date(2029, 1, 1), width=80, max_rows=40)]
    assert all(len(line) <= 80 for line in lines)
    # Two header lines, 40 rows, the note, then the legend (two lines when it is long).
    assert len(lines) in (44, 45)
    assert lines[42] == "… and 210 more rows not drawn (`--json` lists every task)"
    assert lines[2].startswith("Task number 0 with a … ")
    # Two years at a column a week or coarser; a label in the new year says which.
    assert "2028" in lines[0] and "2027" not in lines[0]
