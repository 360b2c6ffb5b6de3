"""The practice journal: `pmpath log` appends, `pmpath streak` counts, hand edits survive."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from pmpath.core.errors import UsageError
from pmpath.core.journal import Entry, append_entry, read_entries, streak_summary


def entries_on(*days: str, minutes: int = 20) -> list[Entry]:
    return [Entry(date.fromisoformat(day), minutes, "practice") for day in days]


# --- the journal file ------------------------------------------------------------------------

def test_the_first_entry_creates_the_file_with_a_header(tmp_path: Path) -> None:
    path = tmp_path / "journal.md"
    line = append_entry(path, "ran a mock standup", 30, datetime(2027, 1, 20, 18, 5))
    assert line == "2027-01-20 18:05 · 30 min · ran a mock standup"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Practice journal")
    assert text.endswith("- 2027-01-20 18:05 · 30 min · ran a mock standup\n")


def test_entries_are_appended_and_hand_written_lines_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "journal.md"
    handwritten = ("# My journal\n\nThoughts on estimation: ask for ranges.\n"
                   "- 2027-01-18 · 45 min · read about story points\n"
                   "- a bullet of my own")  # no newline at the end
    path.write_text(handwritten, encoding="utf-8")
    append_entry(path, "wrote a risk register", None, datetime(2027, 1, 20, 9, 0))
    text = path.read_text(encoding="utf-8")
    assert text.startswith(handwritten + "\n")
    assert text.endswith("- 2027-01-20 09:00 · wrote a risk register\n")
    entries = read_entries(path)
    # The hand-written line in pmpath's format counts; free text and other bullets do not.
    assert entries == [Entry(date(2027, 1, 18), 45, "read about story points"),
                       Entry(date(2027, 1, 20), 0, "wrote a risk register")]


def test_text_is_put_on_one_line_and_empty_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "journal.md"
    line = append_entry(path, "  retro\n  with   the team ", 15, datetime(2027, 1, 20, 8, 0))
    assert line.endswith("· retro with the team")
    with pytest.raises(UsageError):
        append_entry(path, " \n ", 15, datetime(2027, 1, 20, 8, 0))
    assert len(read_entries(path)) == 1


def test_impossible_dates_in_hand_written_lines_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "journal.md"
    path.write_text("- 2027-02-30 · 10 min · typo\n- 2027-02-27 · 10 min · fine\n",
                    encoding="utf-8")
    assert [entry.day for entry in read_entries(path)] == [date(2027, 2, 27)]


# --- streaks ---------------------------------------------------------------------------------

def test_no_entries_no_streak() -> None:
    summary = streak_summary([], date(2027, 1, 20))
    assert summary["current_streak"] == 0 and summary["longest_streak"] == 0
    assert summary["days_practised"] == 0 and summary["last_practised"] is None


@pytest.mark.parametrize("today, current", [
    ("2027-01-20", 3),  # practised today
    ("2027-01-21", 3),  # practised yesterday: still alive, today is not over
    ("2027-01-22", 0),  # missed a whole day
])
def test_the_current_streak_is_alive_today_or_yesterday(today: str, current: int) -> None:
    summary = streak_summary(entries_on("2027-01-18", "2027-01-19", "2027-01-20"),
                             date.fromisoformat(today))
    assert summary["current_streak"] == current
    assert summary["longest_streak"] == 3


def test_longest_days_and_minutes() -> None:
    entries = (entries_on("2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04", minutes=30)
               + entries_on("2027-01-10", "2027-01-10", "2027-01-11", minutes=15))
    summary = streak_summary(entries, date(2027, 1, 11))
    assert summary["current_streak"] == 2
    assert summary["longest_streak"] == 4
    assert summary["days_practised"] == 6  # two entries on one day are one day
    assert summary["minutes"] == 4 * 30 + 3 * 15
    assert summary["last_7_days"] == 2
    assert summary["last_practised"] == "2027-01-11"


@pytest.mark.parametrize("days, today, expected", [
    (["2027-01-30", "2027-01-31", "2027-02-01"], "2027-02-01", 3),
    (["2027-02-27", "2027-02-28", "2027-03-01"], "2027-03-01", 3),  # 2027: no 29 February
    (["2028-02-28", "2028-02-29", "2028-03-01"], "2028-03-01", 3),  # leap year
    (["2028-02-28", "2028-03-01"], "2028-03-01", 1),  # 29 February missed
    (["2027-12-30", "2027-12-31", "2028-01-01"], "2028-01-01", 3),
    (["2027-04-29", "2027-04-30", "2027-05-01"], "2027-05-02", 3),
])
def test_streaks_run_across_month_and_year_ends(days: list[str], today: str,
                                                 expected: int) -> None:
    summary = streak_summary(entries_on(*days), date.fromisoformat(today))
    assert summary["current_streak"] == expected
    assert summary["longest_streak"] == expected


def test_entries_after_today_do_not_count_as_practice() -> None:
    summary = streak_summary(entries_on("2027-01-19", "2027-01-25"), date(2027, 1, 20))
    assert summary["current_streak"] == 1
    assert summary["days_practised"] == 1
    assert summary["last_practised"] == "2027-01-19"


# --- through the CLI -------------------------------------------------------------------------

@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run ``pmpath`` in-process inside a fresh workspace; returns (exit code, out, err)."""
    from pmpath.cli.app import GlobalOptions, main

    def run(*args: str, today: str = "2027-01-20") -> tuple[int, str, str]:
        GlobalOptions.workspace = None
        monkeypatch.setenv("PMPATH_TODAY", today)
        monkeypatch.setattr(sys, "argv", ["pmpath", *args])
        capsys.readouterr()
        code = 0
        try:
            main()
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 0
        out, err = capsys.readouterr()
        return code, out, err

    root = tmp_path / "ws"
    assert run("init", str(root), "--name", "Sam", "--start", "2027-01-04")[0] == 0
    monkeypatch.chdir(root)
    return run


def test_log_appends_a_line_and_keeps_hand_written_ones(
        cli: Callable[..., tuple[int, str, str]], tmp_path: Path) -> None:
    journal = tmp_path / "ws" / "journal.md"
    code, _out, err = cli("log", "ran a mock standup", "--minutes", "30")
    assert code == 0 and "journal.md" in err
    with journal.open("a", encoding="utf-8") as handle:
        handle.write("A thought of my own, not an entry.\n")
    assert cli("log", "wrote the sprint goal", "-m", "15", today="2027-01-21")[0] == 0
    lines = journal.read_text(encoding="utf-8").splitlines()
    assert "A thought of my own, not an entry." in lines
    logged = [line for line in lines if line.startswith("- 2027-")]
    assert len(logged) == 2
    assert logged[0].startswith("- 2027-01-20 ") and logged[0].endswith(
        " · 30 min · ran a mock standup")
    assert logged[1].startswith("- 2027-01-21 ") and logged[1].endswith(
        " · 15 min · wrote the sprint goal")


@pytest.mark.parametrize("minutes", ["0", "1441", "half an hour"])
def test_log_refuses_impossible_minutes(cli: Callable[..., tuple[int, str, str]],
                                        tmp_path: Path, minutes: str) -> None:
    code, _out, _err = cli("log", "practice", "--minutes", minutes)
    assert code == 2
    assert not (tmp_path / "ws" / "journal.md").exists()


def test_streak_json_counts_the_logged_days(cli: Callable[..., tuple[int, str, str]]) -> None:
    for day, minutes in (("2027-01-30", "20"), ("2027-01-31", "25"), ("2027-02-01", "30"),
                         ("2027-02-03", "40")):
        assert cli("log", f"practice on {day}", "--minutes", minutes, today=day)[0] == 0
    code, out, _err = cli("streak", "--json", today="2027-02-04")
    assert code == 0
    summary = json.loads(out)
    assert summary["version"] == 1
    assert summary["current_streak"] == 1  # 3 Feb, alive on the 4th
    assert summary["longest_streak"] == 3  # 30 Jan – 1 Feb across the month end
    assert summary["days_practised"] == 4
    assert summary["minutes"] == 115
    assert summary["last_practised"] == "2027-02-03"
    code, out, _err = cli("streak", "--json", today="2027-02-05")
    assert json.loads(out)["current_streak"] == 0


def test_streak_text(cli: Callable[..., tuple[int, str, str]]) -> None:
    code, out, _err = cli("streak")
    assert code == 0 and "No practice logged yet" in out
    cli("log", "read about RACI", "--minutes", "20", today="2027-01-19")
    cli("log", "drew a RACI chart", "--minutes", "25", today="2027-01-20")
    code, out, _err = cli("streak")
    assert "Current streak: 2 days" in out
    assert "minutes logged: 45" in out
