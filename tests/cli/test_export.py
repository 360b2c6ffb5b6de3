"""`pmpath export FORMAT FILE [-o OUT] [--force] [--as-of DATE]` through the real CLI."""

from __future__ import annotations

import csv
import io
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "curriculum" / "examples"


def test_export_ics_prints_the_calendar(pmpath, workdir: Path) -> None:
    result = pmpath("export", "ics", str(EXAMPLES / "sprint.yaml"), "--as-of", "2027-01-20")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("BEGIN:VCALENDAR")
    assert result.stdout.count("BEGIN:VEVENT") == 13
    assert result.stdout.rstrip().endswith("END:VCALENDAR")


def test_export_writes_out_and_never_overwrites_without_force(pmpath, workdir: Path) -> None:
    target = workdir / "sprint.csv"
    first = pmpath("export", "jira-csv", str(EXAMPLES / "sprint.yaml"), "-o", str(target))
    assert first.exit_code == 0, first.stderr
    assert "Wrote" in first.stderr and first.stdout == ""
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))
    assert rows[0][:2] == ["Summary", "Issue Type"] and len(rows) == 7
    again = pmpath("export", "jira-csv", str(EXAMPLES / "sprint.yaml"), "-o", str(target))
    assert again.exit_code == 2
    assert "already exists; add --force" in again.stderr
    forced = pmpath("export", "jira-csv", str(EXAMPLES / "sprint.yaml"), "-o", str(target),
                    "--force")
    assert forced.exit_code == 0, forced.stderr
    assert (workdir / "sprint.csv.bak").is_file()


def test_export_mermaid_and_md(pmpath, workdir: Path) -> None:
    diagram = pmpath("export", "mermaid", str(EXAMPLES / "jira-config.yaml"))
    assert diagram.exit_code == 0, diagram.stderr
    assert diagram.stdout.startswith("stateDiagram-v2\n")
    page = pmpath("export", "md", str(EXAMPLES / "trd.md"), "--as-of", "2027-01-20")
    assert page.exit_code == 0, page.stderr
    assert page.stdout.startswith("# Technical requirements document: ")
    assert "**PASS** · score 100/100" in page.stdout


def test_a_format_the_kind_lacks_names_the_ones_it_has(pmpath, workdir: Path) -> None:
    result = pmpath("export", "ics", str(EXAMPLES / "stakeholder-plan.yaml"))
    assert result.exit_code == 2
    assert "cannot be exported as ics; it can be exported as mermaid, md" in result.stderr
    unknown = pmpath("export", "icl", str(EXAMPLES / "sprint.yaml"))
    assert unknown.exit_code == 2 and "did you mean" in unknown.stderr


def test_a_plan_that_cannot_be_scheduled_says_so_in_one_line(pmpath, workdir: Path) -> None:
    text = (EXAMPLES / "launch-plan.yaml").read_text(encoding="utf-8")
    path = workdir / "launch-plan.yaml"
    path.write_text(text.replace("depends_on: [T1, T2, T3, T4]}", "depends_on: [T17]}"),
                    encoding="utf-8")
    result = pmpath("export", "mermaid", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
    assert "pmpath check" in result.stderr


def test_a_bad_as_of_date_is_a_usage_error(pmpath, workdir: Path) -> None:
    result = pmpath("export", "md", str(EXAMPLES / "sprint.yaml"), "--as-of", "tomorrow")
    assert result.exit_code == 2
    assert "--as-of must be a date like 2027-01-20" in result.stderr
