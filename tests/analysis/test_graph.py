"""Reachability over workflow graphs, checked on published workflows.

Sources:

* Atlassian, JIRA 5.2 documentation, "What is Workflow": JIRA's built-in ("system")
  workflow of five statuses, drawn there as a diagram. Its transitions, step by step,
  as written out in the README of Perforce's Defect Tracking Gateway JIRA-REST plug-in
  ("examples of custom workflow XML elements for the workflow named 'jira'"):
  Open → In Progress (Start Progress), Resolved (Resolve Issue), Closed (Close Issue);
  In Progress → Open (Stop Progress), Resolved, Closed; Resolved → Closed, Reopened
  (Reopen Issue); Reopened → Resolved, Closed, In Progress; Closed → Reopened. Every
  status is reachable from Open and every status can reach Closed.
* pmpath's skill 6 knowledge check on "On Hold": To Do → In Progress → In Review →
  Done with a transition into On Hold and none out of it; On Hold is reachable but
  can never reach Done.
"""

from __future__ import annotations

from pmpath.analysis.graph import can_reach, reachable_from

JIRA_SYSTEM_WORKFLOW = [
    ("Open", "In Progress"), ("Open", "Resolved"), ("Open", "Closed"),
    ("In Progress", "Open"), ("In Progress", "Resolved"), ("In Progress", "Closed"),
    ("Resolved", "Closed"), ("Resolved", "Reopened"),
    ("Reopened", "In Progress"), ("Reopened", "Resolved"), ("Reopened", "Closed"),
    ("Closed", "Reopened"),
]
STATUSES = {"Open", "In Progress", "Resolved", "Reopened", "Closed"}


def test_jira_system_workflow_is_sound() -> None:
    assert reachable_from("Open", JIRA_SYSTEM_WORKFLOW) == STATUSES
    assert can_reach({"Closed"}, JIRA_SYSTEM_WORKFLOW) == STATUSES
    # Reopened is only entered from Resolved or Closed.
    assert reachable_from("In Progress", JIRA_SYSTEM_WORKFLOW) == STATUSES


def test_without_reopen_closed_is_final_and_reopened_unreachable() -> None:
    edges = [edge for edge in JIRA_SYSTEM_WORKFLOW if edge[1] != "Reopened"]
    assert reachable_from("Open", edges) == STATUSES - {"Reopened"}
    assert reachable_from("Closed", edges) == {"Closed"}
    assert can_reach({"Closed"}, edges) == STATUSES


def test_on_hold_is_a_dead_end() -> None:
    edges = [("To Do", "In Progress"), ("In Progress", "In Review"), ("In Review", "Done"),
             ("In Review", "In Progress"), ("In Progress", "On Hold")]
    assert reachable_from("To Do", edges) == {"To Do", "In Progress", "In Review", "Done",
                                              "On Hold"}
    assert can_reach({"Done"}, edges) == {"To Do", "In Progress", "In Review", "Done"}


def test_start_and_targets_count_themselves() -> None:
    assert reachable_from("Alone", []) == {"Alone"}
    assert can_reach({"Done"}, []) == {"Done"}
    assert can_reach(set(), [("A", "B")]) == set()


def test_cycles_and_self_loops_terminate() -> None:
    edges = [("A", "B"), ("B", "A"), ("B", "B"), ("C", "A")]
    assert reachable_from("A", edges) == {"A", "B"}
    assert can_reach({"A"}, edges) == {"A", "B", "C"}


def test_long_chain_is_linear() -> None:
    chain = [(index, index + 1) for index in range(100_000)]
    assert len(reachable_from(0, chain)) == 100_001
    assert len(can_reach({100_000}, chain)) == 100_001
