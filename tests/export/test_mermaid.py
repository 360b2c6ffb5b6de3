"""`pmpath export mermaid`: Gantt charts, workflows and the stakeholder grid for a wiki.

The model answers' diagrams are compared line for line. When Mermaid's command line
(``mmdc``, npm package @mermaid-js/mermaid-cli) and a browser are installed, each diagram
is also rendered to SVG; otherwise that test is skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from exported import EXAMPLES, export_example, export_file

from pmpath.export import mermaid
from pmpath.export.shapes import (
    Gantt,
    GanttTask,
    QuadrantChart,
    QuadrantPoint,
    StateDiagram,
)

DIAGRAMS = ("project-plan", "launch-plan", "jira-config", "stakeholder-plan")

PROJECT_PLAN = """\
gantt
    title Project plan: Card payments processor migration
    dateFormat YYYY-MM-DD
    inclusiveEndDates
    excludes weekends, 2027-01-18, 2027-02-15
    section Lifecycle phases
    Initiating :phase1, 2027-01-04, 2027-01-14
    Planning :phase2, 2027-01-15, 2027-02-04
    Executing :phase3, 2027-02-05, 2027-05-21
    Monitoring :phase4, 2027-02-05, 2027-05-28
    Closing :phase5, 2027-05-24, 2027-05-28
    section D1 Migration plan and processor contract
    Requirements and stakeholder interviews :crit, W1, 2027-01-04, 2027-01-14
    Processor contract, sandbox and certification plan :crit, W2, 2027-01-14, 2027-02-03
    section D2 Northwind integration
    Integration design and security review :W3, 2027-01-14, 2027-01-29
    Authorisation and capture adapter :crit, W4, 2027-02-03, 2027-03-17
    Refunds and disputes adapter :W5, 2027-02-03, 2027-03-01
    End-to-end testing and Northwind certification :crit, W9, 2027-03-17, 2027-04-08
    section D3 Stored-card token migration
    Token migration tooling :W6, 2027-01-29, 2027-03-02
    Token migration dry run with Northwind :W7, 2027-03-02, 2027-03-11
    section D4 Settlement reconciliation reports
    Settlement reconciliation reports :W8, 2027-03-17, 2027-04-06
    section D5 Cut-over and rollback runbook
    PCI scan, cut-over runbook and rollback rehearsal :crit, W10, 2027-04-08, 2027-04-16
    Staged cut-over (1%, 10%, 50%, 100% of traffic) :crit, W11, 2027-04-16, 2027-05-03
    section D6 Operations handover
    Support training and on-call runbooks :W12, 2027-04-08, 2027-04-15
    Hypercare and old processor decommission :crit, W13, 2027-05-03, 2027-05-17
    section Milestones
    Contract signed and plan baselined :milestone, milestone1, 2027-02-04, 0d
    Token dry run complete :milestone, milestone2, 2027-03-12, 0d
    Certification passed :milestone, milestone3, 2027-04-12, 0d
    All card traffic on Northwind :milestone, milestone4, 2027-05-06, 0d
    Old processor switched off :milestone, milestone5, 2027-05-21, 0d
    Deadline :milestone, deadline, 2027-05-28, 0d
"""

LAUNCH_PLAN = """\
gantt
    title Launch plan: Instant payouts for marketplace sellers
    dateFormat YYYY-MM-DD
    inclusiveEndDates
    excludes weekends, 2027-01-18, 2027-02-15
    section Private beta with 25 invited sellers
    Harden the payout service for beta :crit, T1, 2027-01-04, 2027-01-13
    Fraud rules for instant payouts :T2, 2027-01-04, 2027-01-11
    Recruit 25 beta sellers :T3, 2027-01-04, 2027-01-08
    Payout dashboards and alerts :T4, 2027-01-04, 2027-01-08
    Private beta live :crit, milestone, T5, 2027-01-13, 0d
    Run the private beta and collect feedback :crit, T6, 2027-01-14, 2027-01-28
    Support playbook for payouts :T7, 2027-01-14, 2027-01-21
    Fix private beta feedback :crit, T8, 2027-01-29, 2027-02-04
    Mobile payout screens for the public beta :T9, 2027-01-14, 2027-02-01
    section Public beta, opt-in for sellers in the US
    Public beta live :crit, milestone, T10, 2027-02-04, 0d
    Run the public beta :crit, T11, 2027-02-05, 2027-03-12
    Load and failover testing :T12, 2027-02-05, 2027-02-17
    Pricing page and help-center articles :T13, 2027-02-05, 2027-02-17
    section General availability to every US seller
    Security review and pen-test fixes :T14, 2027-02-18, 2027-02-24
    Launch campaign and seller emails :T15, 2027-02-18, 2027-02-24
    GA readiness review :crit, T16, 2027-03-15, 2027-03-16
    Ready for GA :crit, milestone, T17, 2027-03-16, 0d
    section Launch
    Go/no-go :milestone, goNoGo, 2027-03-17, 0d
    General availability :milestone, ga, 2027-03-31, 0d
"""

JIRA_CONFIG = """\
stateDiagram-v2
    state "Delivery (Story, Bug, Sub-task)" as Delivery {
        state "To Do" as DeliveryToDo
        state "In Progress" as DeliveryInProgress
        state "In Review" as DeliveryInReview
        state "Blocked" as DeliveryBlocked
        state "Done" as DeliveryDone
        [*] --> DeliveryToDo
        DeliveryToDo --> DeliveryInProgress: Start
        DeliveryInProgress --> DeliveryToDo: Stop work
        DeliveryInProgress --> DeliveryInReview: Send to review
        DeliveryInReview --> DeliveryInProgress: Request changes
        DeliveryInReview --> DeliveryDone: Approve
        DeliveryInProgress --> DeliveryBlocked: Block
        DeliveryInReview --> DeliveryBlocked: Block
        DeliveryBlocked --> DeliveryInProgress: Unblock
        DeliveryDone --> DeliveryToDo: Reopen
        DeliveryDone --> [*]
    }
    state "Epic" as Epic {
        state "To Do" as EpicToDo
        state "In Progress" as EpicInProgress
        state "Done" as EpicDone
        [*] --> EpicToDo
        EpicToDo --> EpicInProgress: Start
        EpicInProgress --> EpicDone: Finish
        EpicDone --> EpicInProgress: Reopen
        EpicDone --> [*]
    }
"""

STAKEHOLDER_PLAN = """\
quadrantChart
    title Stakeholders by power and interest
    x-axis "Low interest" --> "High interest"
    y-axis "Low power" --> "High power"
    quadrant-1 "Manage closely"
    quadrant-2 "Keep satisfied"
    quadrant-3 "Monitor"
    quadrant-4 "Keep informed"
    "Rachel Osei": [0.90, 0.90]
    "Marcus Lee": [0.63, 0.90]
    "Priya Natarajan": [0.90, 0.63]
    "Dana Whitfield": [0.26, 0.90]
    "Amira Haddad": [0.26, 0.63]
    "Jonas Berg": [0.63, 0.42]
    "Tom Becker": [0.90, 0.26]
    "Mei Chen": [0.63, 0.26]
    "Kwame Mensah": [0.26, 0.42]
    "Sofia Alvarez": [0.26, 0.26]
"""

EXPECTED = {"project-plan": PROJECT_PLAN, "launch-plan": LAUNCH_PLAN,
            "jira-config": JIRA_CONFIG, "stakeholder-plan": STAKEHOLDER_PLAN}


@pytest.mark.parametrize("kind", DIAGRAMS)
def test_the_model_answers_diagram_line_for_line(kind: str) -> None:
    assert export_example("mermaid", kind) == EXPECTED[kind]


def test_a_gantt_chart_marks_the_critical_path_and_the_milestones() -> None:
    lines = export_example("mermaid", "launch-plan").splitlines()
    critical = [line.split(":", 1)[0].strip() for line in lines if ":crit" in line]
    assert critical == ["Harden the payout service for beta", "Private beta live",
                        "Run the private beta and collect feedback", "Fix private beta feedback",
                        "Public beta live", "Run the public beta", "GA readiness review",
                        "Ready for GA"]
    milestones = [line for line in lines if "milestone" in line]
    assert all(line.endswith(", 0d") for line in milestones)
    assert len(milestones) == 5  # three milestone tasks, the go/no-go and GA


def gantt_of(*tasks: GanttTask, holidays: tuple[date, ...] = ()) -> str:
    return mermaid.export(Gantt("A: plan; with #1", tasks, holidays=holidays))


def awkward_gantt() -> str:
    day = date(2027, 1, 4)
    return gantt_of(
        GanttTask("T-1", "Design: first pass; then #2", day, day, section="Phase: one"),
        GanttTask("T 2", "Title page", day, day, section="Phase: one"),
        GanttTask("3", "2027-02-01 go-live", day, day, section="Phase: one", milestone=True,
                  critical=True),
        GanttTask("crit", "Anything", day, day, section="Phase: one"),
        holidays=(date(2027, 1, 18), date(2027, 1, 18)))


def awkward_states() -> str:
    return mermaid.export(StateDiagram(
        title='Bugs: "urgent" ones', initial="To Do",
        states=("To Do", "In Progress", "Done", "end"),
        transitions=(("To Do", "In Progress", "Start: now"), ("In Progress", "Done", ""),
                     ("In Progress", "end", "Give up; close")),
        final=("Done",)))


def awkward_quadrant() -> str:
    return mermaid.export(QuadrantChart("T", ("Low", "High"), ("Low", "High"),
                                        ("A", "B", "C", "D"),
                                        (QuadrantPoint('Ana "the boss": CEO', 0.5, 1.2),
                                         QuadrantPoint("Ben", -1, 0.999))))


def test_gantt_names_mermaid_cannot_take_raw_are_made_safe() -> None:
    text = awkward_gantt()
    assert text.splitlines() == [
        "gantt",
        "    title A: plan, with no. 1",
        "    dateFormat YYYY-MM-DD",
        "    inclusiveEndDates",
        "    excludes weekends, 2027-01-18",
        "    section Phase: one",
        "    Design - first pass, then no. 2 :T1, 2027-01-04, 2027-01-04",
        "    T2 Title page :T2, 2027-01-04, 2027-01-04",
        "    n3 2027-02-01 go-live :crit, milestone, n3, 2027-01-04, 0d",
        "    Anything :crit_, 2027-01-04, 2027-01-04",
    ]


def test_one_workflow_is_one_diagram_with_a_title_and_state_ids() -> None:
    text = awkward_states()
    assert text.splitlines() == [
        "---",
        'title: "Bugs: \\"urgent\\" ones"',
        "---",
        "stateDiagram-v2",
        '    state "To Do" as ToDo',
        '    state "In Progress" as InProgress',
        '    state "Done" as Done',
        '    state "end" as end_',
        "    [*] --> ToDo",
        "    ToDo --> InProgress: Start - now",
        "    InProgress --> Done",
        "    InProgress --> end_: Give up, close",
        "    Done --> [*]",
    ]


def test_a_global_transition_is_drawn_from_every_other_status(tmp_path) -> None:

    text = (EXAMPLES / "jira-config.yaml").read_text(encoding="utf-8")
    text = text.replace("      - {name: Reopen, from: Done, to: In Progress}",
                        "      - {name: Reopen, from: Done, to: In Progress}\n"
                        "      - {name: Cancel, from: '*', to: Done}")
    lines = export_file(tmp_path, "mermaid", text, "jira-config.yaml").splitlines()
    assert [line.strip() for line in lines if line.endswith(": Cancel")] == [
        "EpicToDo --> EpicDone: Cancel", "EpicInProgress --> EpicDone: Cancel"]


def test_the_quadrant_chart_puts_each_stakeholder_in_the_rules_quadrant() -> None:
    from pmpath.kinds.stakeholder_plan.export import scaled

    assert [scaled(value, 4) for value in (1, 2, 3, 4, 5)] == [0.1, 0.26, 0.42, 0.63, 0.9]
    assert scaled(3, 4) < 0.5 < scaled(4, 4)  # the key-player line is the chart's midline
    assert scaled(2, 3) < 0.5 < scaled(3, 3)
    assert scaled(9, 4) == 0.9 and scaled(0, 4) == 0.1  # off the scale: kept on the chart
    text = awkward_quadrant()
    # Mermaid takes 0 and 1 at the ends, never "1.00".
    assert text.splitlines()[-2:] == ["    \"Ana 'the boss': CEO\": [0.50, 1]",
                                      '    "Ben": [0, 1]']


# -- rendering with Mermaid's own command line -------------------------------------------


def _mmdc() -> str | None:
    return os.environ.get("PMPATH_MMDC") or shutil.which("mmdc")


def _browser() -> str | None:
    return os.environ.get("PUPPETEER_EXECUTABLE_PATH") or next(
        (found for name in ("chromium", "chromium-browser", "google-chrome")
         if (found := shutil.which(name))), None)


AWKWARD = {"awkward-gantt": awkward_gantt, "awkward-states": awkward_states,
           "awkward-quadrant": awkward_quadrant}


@pytest.mark.skipif(_mmdc() is None or _browser() is None,
                    reason="Mermaid's command line (mmdc) or a browser for it is not installed")
@pytest.mark.parametrize("name", [*DIAGRAMS, *AWKWARD])
def test_the_diagram_renders_with_mermaid(name: str, tmp_path: Path) -> None:
    text = AWKWARD[name]() if name in AWKWARD else export_example("mermaid", name)
    source = tmp_path / f"{name}.mmd"
    source.write_text(text, encoding="utf-8")
    config = tmp_path / "puppeteer.json"
    # Root in a container cannot use the browser's sandbox.
    config.write_text(json.dumps({"executablePath": _browser(),
                                  "args": ["--no-sandbox", "--disable-gpu"]}))
    target = tmp_path / f"{name}.svg"
    done = subprocess.run([_mmdc(), "--quiet", "-p", str(config), "-i", str(source),
                           "-o", str(target)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    svg = target.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "Syntax error" not in svg
