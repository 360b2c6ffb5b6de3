"""`pmpath export jira-csv`: backlogs and work breakdowns as Jira's CSV importer reads them."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from exported import EXAMPLES, export_example

from pmpath.core.errors import UsageError


def rows_of(text: str) -> tuple[list[str], list[dict[str, str]]]:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, body = rows[0], rows[1:]
    assert all(len(row) == len(header) for row in body), "every row has the header's width"
    return header, [dict(zip(header, row, strict=True)) for row in body]


def test_a_sprint_exports_its_final_scope_with_points_and_criteria():
    header, rows = rows_of(export_example("jira-csv", "sprint"))
    assert header == ["Summary", "Issue Type", "Description", "Story Points", "Labels",
                      "Issue ID"]
    # Committed and not removed: PAY-106 was taken out, PAY-107 never committed.
    assert [row["Labels"] for row in rows] == ["PAY-101", "PAY-102", "PAY-103", "PAY-104",
                                                "PAY-105", "PAY-108"]
    assert [row["Issue Type"] for row in rows] == ["Story"] * 5 + ["Bug"]
    assert [row["Story Points"] for row in rows] == ["5", "8", "3", "2", "3", "2"]
    assert [row["Issue ID"] for row in rows] == ["1", "2", "3", "4", "5", "6"]
    assert rows[2]["Summary"] == "Show saved cards, masked, in account settings"


def test_a_multi_line_description_survives_a_round_trip():
    text = export_example("jira-csv", "sprint")
    _, rows = rows_of(text)
    assert rows[0]["Description"] == (
        "Acceptance criteria:\n"
        '* A "save this card" box appears at checkout for signed-in customers, unticked by '
        "default\n"
        "* A ticked box stores a vault token, never the card number\n"
        "* Saving fails gracefully and the payment still goes through if the vault is down")
    # Quoted in the file: the quotes doubled, the line breaks inside the quotes.
    assert '"Acceptance criteria:\n* A ""save this card"" box' in text


def test_a_project_plan_exports_deliverables_as_epics_and_work_as_their_tasks():
    header, rows = rows_of(export_example("jira-csv", "project-plan"))
    assert header == ["Summary", "Issue Type", "Description", "Labels", "Issue ID", "Parent"]
    epics = [row for row in rows if row["Issue Type"] == "Epic"]
    tasks = [row for row in rows if row["Issue Type"] == "Task"]
    assert len(epics) == 6 and len(tasks) == 13
    assert rows[:6] == epics, "parents come before their children"
    epic_of = {row["Issue ID"]: row["Labels"] for row in epics}
    parents = {row["Labels"]: epic_of[row["Parent"]] for row in tasks}
    assert parents["W1"] == parents["W2"] == "D1"
    assert parents["W9"] == "D2" and parents["W13"] == "D6"
    assert all(row["Parent"] == "" for row in epics)
    w1 = next(row for row in tasks if row["Labels"] == "W1")
    assert w1["Description"].splitlines() == [
        "Estimate (working days): optimistic 5, most likely 8, pessimistic 12; expected 8.2",
        "Owner: Sam Patel", "Scheduled: 2027-01-04 to 2027-01-14"]


def test_the_sample_product_backlog_exports_every_item_in_priority_order():
    import yaml

    header, rows = rows_of(export_example("jira-csv", "product-backlog"))
    assert {"Summary", "Issue Type", "Description", "Story Points", "Issue ID"} <= set(header)
    data = yaml.safe_load((EXAMPLES / "product-backlog.yaml").read_text(encoding="utf-8"))
    by_priority = [item["id"] for item in sorted(data["items"], key=lambda i: i["priority"])]
    items = [row for row in rows if row["Issue Type"] != "Epic"]
    assert [row["Labels"].split()[0] for row in items] == by_priority
    epics = {row["Issue ID"] for row in rows if row["Issue Type"] == "Epic"}
    assert all(row["Parent"] in epics | {""} for row in items)


def test_the_exporter_orders_parents_first_and_maps_types_jira_lacks() -> None:
    from pmpath.export import jira_csv
    from pmpath.export.shapes import WorkItem

    text = jira_csv.export([
        WorkItem("S-1", "Child story", "story", parent="E-1", story_points=2.5),
        WorkItem("SP 2", "A spike, with a comma", "Spike"),
        WorkItem("E-1", "The epic", "EPIC", "line one\nline two"),
    ])
    header, rows = rows_of(text)
    assert header == ["Summary", "Issue Type", "Description", "Story Points", "Labels",
                      "Issue ID", "Parent"]
    # Epics first, then the standard types in the order given.
    assert [row["Summary"] for row in rows] == ["The epic", "Child story",
                                                 "A spike, with a comma"]
    assert [row["Issue Type"] for row in rows] == ["Epic", "Story", "Task"]
    assert rows[1]["Parent"] == rows[0]["Issue ID"] == "1"
    assert rows[1]["Story Points"] == "2.5"
    assert rows[2]["Labels"] == "SP-2 Spike"
    assert rows[0]["Description"] == "line one\nline two"


def test_a_kind_without_work_items_cannot_be_exported_to_jira() -> None:
    from pmpath import api

    with pytest.raises(UsageError, match="cannot be exported as jira-csv"):
        api.export("jira-csv", EXAMPLES / "stakeholder-plan.yaml", as_of=date(2027, 1, 20))
