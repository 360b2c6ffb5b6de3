"""`pmpath export html`: one self-contained HTML report of the whole workspace.

The report of a workspace holding every model answer has every kind's picture as inline
SVG, no script and no network resource, escapes what the learner wrote, and renders in a
real browser (headless Chromium, when installed) to a page that is not blank.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from model_answers import AS_OF, copy_model_answers

LEARNER = "Sam <b>Bold</b> Lee"


@pytest.fixture
def report_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pmpath) -> Path:
    """A workspace with every model answer, for a learner with markup in their name."""
    monkeypatch.setenv("PMPATH_TODAY", AS_OF)
    root = tmp_path / "ws"
    result = pmpath("init", str(root), "--name", LEARNER, "--start", "2027-01-04",
                    "--hours", "8")
    assert result.exit_code == 0, result.stderr
    copy_model_answers(root)
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def report(report_workspace: Path, pmpath) -> str:
    out = report_workspace / "report.html"
    result = pmpath("export", "html", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return out.read_text(encoding="utf-8")


def sections(html: str) -> dict[str, str]:
    """Each artifact's section of the report, by its path."""
    found = {}
    for part in html.split('<section class="artifact"')[1:]:
        path = re.search(r"<code>([^<]+)</code>", part).group(1)
        found[path] = part.split("</section>")[0]
    return found


def test_the_report_has_the_learner_the_path_and_every_artifact(report: str,
                                                                report_workspace: Path) -> None:
    assert "<!DOCTYPE html>" in report
    assert "Technical Project Manager" in report
    assert "Progress on the path" in report and "Weeks against plan" in report
    for title in ("PM Fundamentals", "Agile &amp; Scrum", "Product Strategy"):
        assert title in report
    assert "on plan" in report
    found = sections(report)
    from pmpath.core.grading import find_artifacts

    expected = {path.relative_to(report_workspace).as_posix()
                for path in find_artifacts(report_workspace)}
    assert set(found) == expected
    for body in found.values():
        assert "PASSED" in body and "score <strong>100/100</strong>" in body


def test_every_kind_that_declares_a_picture_has_it_as_inline_svg(report: str,
                                                                 report_workspace: Path) -> None:
    from pmpath.core.documents import sniff_kind
    from pmpath.kinds import spec_of

    found = sections(report)
    drawn = set()
    for path, body in found.items():
        kind = sniff_kind(report_workspace / path)
        if spec_of(kind).svg is not None:
            assert "<svg" in body and "</svg>" in body, f"no picture for {path}"
            drawn.add(kind)
    assert {"project-plan", "launch-plan", "sprint", "risk-register", "capacity-plan",
            "metrics-dashboard", "stakeholder-plan", "jira-config", "product-vision"} <= drawn


def test_each_picture_says_in_words_what_its_colours_say(report: str) -> None:
    found = sections(report)

    def body(name: str) -> str:
        return next(text for path, text in found.items() if path.endswith(name))

    gantt = body("project-plan.yaml")
    assert "Project schedule" in gantt and ">CP<" in gantt and "deadline" in gantt
    assert "Critical path: W1 → W2 → W4 → W9 → W10 → W11 → W13" in gantt
    launch = body("launch-plan.yaml")
    assert ">GA Mar 31<" in launch and "go/no-go" in launch
    assert "Critical path: T1 → T5 → T6 → T8 → T10 → T11 → T16 → T17" in launch
    burndown = body("sprint.yaml")
    assert "Sprint burndown" in burndown and "ideal" in burndown
    assert "+2 scope" in burndown and "−3 scope" in burndown and "say/do 75%" in burndown
    heat = body("risk-register.yaml")
    assert "Risk heat map" in heat
    for letter in ("H", "M", "L"):
        assert 'font-weight="bold" fill="' in heat and f">{letter}</text>" in heat
    assert "high: R-001, R-005, R-013" in heat
    capacity = body("capacity-plan.yaml")
    assert "usable days" in capacity and "committed work" in capacity
    assert "Utilisation 85%: fits" in capacity and "Ana Costa (tech lead)" in capacity
    tiles = body("metrics-dashboard.yaml")
    assert ">GREEN<" in tiles and ">AMBER<" in tiles and ">RED<" in tiles
    assert "<polyline" in tiles
    grid = body("stakeholder-plan.yaml")
    assert "Manage closely (3)" in grid and "Rachel Osei, VP Product (sponsor)" in grid
    workflow = body("jira-config.yaml")
    assert "Workflows of project PAY" in workflow and ">Send to review<" in workflow
    assert ">in progress<" in workflow and "marker-end" in workflow
    rice = body("product-vision.yaml")
    assert "ranked by RICE" in rice and ">1.<" in rice and "480" in rice


def test_the_report_is_self_contained(report: str) -> None:
    assert "<script" not in report.lower()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", report,
                         re.IGNORECASE)
    assert "https://" not in report and "http://" not in report
    assert "@import" not in report and "url(http" not in report
    assert "<link" not in report.lower() and "<img" not in report.lower()


def test_what_the_learner_wrote_is_escaped(report_workspace: Path, pmpath) -> None:
    plan = next(report_workspace.glob("*/project-plan.yaml"))
    text = plan.read_text(encoding="utf-8")
    assert "name: Requirements and stakeholder interviews" in text
    plan.write_text(text.replace("name: Requirements and stakeholder interviews",
                                 "name: Requirements <b>and</b> stakeholder interviews"),
                    encoding="utf-8")
    out = report_workspace / "report.html"
    assert pmpath("export", "html", "-o", str(out)).exit_code == 0
    report = out.read_text(encoding="utf-8")
    assert "<b>" not in report
    assert "Sam &lt;b&gt;Bold&lt;/b&gt; Lee" in report
    body = next(text for path, text in sections(report).items()
                if path.endswith("project-plan.yaml"))
    # In the Gantt chart's row label, and quoted by the finding that calls it a placeholder.
    assert "W1 Requirements &lt;b&gt;and&lt;/b&gt; stakeholder" in body
    assert "&#x27;&lt;b&gt;&#x27;" in body


def test_the_report_prints_cleanly(report: str) -> None:
    style = report.split("<style>")[1].split("</style>")[0]
    printing = style.split("@media print")[1]
    assert "break-before: page" in printing
    assert "background: #ffffff" in style and "color-scheme: light" in style


def test_findings_are_listed_with_their_place_and_fix(report_workspace: Path, pmpath) -> None:
    register = next(report_workspace.glob("*/risk-register.yaml"))
    register.write_text(register.read_text(encoding="utf-8").replace("score: 20", "score: 12",
                                                                      1), encoding="utf-8")
    out = report_workspace / "report.html"
    assert pmpath("export", "html", "-o", str(out)).exit_code == 0
    body = next(text for path, text in sections(out.read_text(encoding="utf-8")).items()
                if path.endswith("risk-register.yaml"))
    assert "NEEDS WORK" in body and "ERROR" in body and "risk.score-matches" in body
    assert "Fix:" in body


def test_without_a_file_name_the_report_goes_into_the_workspace(report_workspace: Path,
                                                               pmpath) -> None:
    result = pmpath("export", "html")
    assert result.exit_code == 0, result.stderr
    assert (report_workspace / "pmpath-report.html").is_file()


def test_an_empty_workspace_has_a_report_too(tmp_path: Path, monkeypatch, pmpath) -> None:
    monkeypatch.setenv("PMPATH_TODAY", AS_OF)
    root = tmp_path / "empty"
    assert pmpath("init", str(root), "--name", "Ana", "--start", "2027-01-04").exit_code == 0
    monkeypatch.chdir(root)
    assert pmpath("export", "html", "-o", "out.html").exit_code == 0
    text = (root / "out.html").read_text(encoding="utf-8")
    assert "No artifacts yet" in text and "Ana" in text


# -- pictures from figures alone ----------------------------------------------------------


def test_a_workflow_with_a_global_transition_and_an_unreachable_status() -> None:
    from pmpath.export.pictures import workflow
    from pmpath.kinds.jira_config.figures import (
        BoardColumn,
        JiraFigures,
        Move,
        StatusNode,
        WorkflowGraph,
    )

    graph = WorkflowGraph(
        name="Ops <flow>", issue_types=["Task"], initial="Open",
        statuses=[StatusNode("Open", "todo"), StatusNode("Doing", "in_progress"),
                  StatusNode("Limbo", "in_progress"), StatusNode("Closed", "done")],
        transitions=[Move("Go", ["Open"], "Doing"), Move("Close", ["*"], "Closed")],
        unreachable=["Limbo"], unfinishable=["Limbo"])
    svg = workflow(JiraFigures("OPS", [graph], [BoardColumn("All", [], 2)]))
    assert svg.startswith("<svg") and "Ops &lt;flow&gt;" in svg
    assert "from any status: Close" in svg and "unreachable" in svg
    assert "Board: All (WIP 2)" in svg


def test_an_unscheduled_plan_and_an_empty_sprint_have_no_picture() -> None:
    from datetime import date

    from pmpath.export.pictures import burndown, project_gantt
    from pmpath.kinds.project_plan.figures import ProjectFigures
    from pmpath.kinds.sprint.figures import SprintFigures

    plan = ProjectFigures(expected_duration_days=None, std_dev_days=None, critical_path=None,
                          deadline_probability=None, finish=None, tasks=None,
                          working_days_available=20, deadline=date(2027, 2, 1))
    assert project_gantt(plan) is None
    assert burndown(SprintFigures(0, 0, 0, 0, None, ())) is None


# -- a real browser -----------------------------------------------------------------------


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the rows of an 8-bit RGB or RGBA PNG, unfiltered (a small reader:
    enough for a browser's screenshot, without an imaging library)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, chunks, header = 8, [], None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        elif kind == b"IEND":
            break
        position += 12 + length
    assert header is not None
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    step = 3 if colour == 2 else 4
    stride = width * step
    raw = zlib.decompress(b"".join(chunks))
    rows, previous = [], bytes(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - step] if i >= step else 0
            up = previous[i]
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + ((left + up) >> 1)) & 255
            elif kind == 4:
                corner = previous[i - step] if i >= step else 0
                guess = left + up - corner
                near_left, near_up, near_corner = (abs(guess - left), abs(guess - up),
                                                   abs(guess - corner))
                line[i] = (line[i] + (left if near_left <= near_up and near_left <= near_corner
                                      else up if near_up <= near_corner else corner)) & 255
            elif kind != 0:
                raise AssertionError(f"unknown PNG filter {kind}")
        previous = bytes(line)
        rows.append(previous if step == 3 else bytes(
            previous[i] for i in range(stride) if i % 4 != 3))
    return width, height, rows


def test_png_reader_reads_what_zlib_wrote() -> None:
    # A 2×2 RGB image: one row filtered None, one filtered Sub.
    raw = b"\x00" + bytes([255, 0, 0, 0, 255, 0]) + b"\x01" + bytes([0, 0, 255, 10, 10, 0])
    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + b"\0\0\0\0"

    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b""))
    assert png_pixels(data) == (2, 2, [bytes([255, 0, 0, 0, 255, 0]),
                                       bytes([0, 0, 255, 10, 10, 255])])


def chromium_runs() -> bool:
    """Whether a Chromium that starts is installed (a distribution may ship a stub)."""
    if shutil.which("chromium") is None:
        return False
    try:
        return subprocess.run(["chromium", "--version"], capture_output=True,
                              timeout=60).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@pytest.mark.skipif(not chromium_runs(), reason="Chromium is not installed")
def test_the_report_renders_in_headless_chromium(report: str, report_workspace: Path,
                                                tmp_path: Path) -> None:
    page = report_workspace / "report.html"
    shot = tmp_path / "report.png"
    profile = tmp_path / "chromium-profile"
    # Any request the page tried would go to a proxy that does not exist, and fail.
    command = ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
               "--proxy-server=127.0.0.1:9", "--hide-scrollbars",
               f"--user-data-dir={profile}", f"--screenshot={shot}",
               "--window-size=1200,3000", page.resolve().as_uri()]
    completed = subprocess.run(command, capture_output=True, timeout=180,
                               env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert shot.is_file(), completed.stderr.decode(errors="replace")[-2000:]
    width, height, rows = png_pixels(shot.read_bytes())
    assert (width, height) == (1200, 3000)
    colours: set[bytes] = set()
    inked = 0
    for row in rows[::3]:
        for x in range(0, len(row), 3 * 2):
            pixel = row[x:x + 3]
            colours.add(pixel)
            inked += pixel != b"\xff\xff\xff"
    sampled = len(rows[::3]) * len(range(0, width * 3, 6))
    # Text, tables and coloured pictures: many colours and plenty of ink, not a blank page.
    assert len(colours) > 64, f"only {len(colours)} colours"
    assert inked / sampled > 0.03, f"only {inked / sampled:.1%} of the page is not white"
