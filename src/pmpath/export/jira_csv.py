"""Work items as the CSV file Jira's importer reads (Jira: "Import issues from CSV").

A kind hands over :class:`~pmpath.export.shapes.WorkItem` rows; this module writes them
with the ``csv`` module:

- a header row naming Jira's fields, only those that apply: ``Summary``, ``Issue
  Type``, ``Description``, ``Story Points``, ``Labels``, ``Issue ID``, ``Parent``;
- ``Issue ID`` numbers the rows (1, 2, …) and ``Parent`` holds the number of the row an
  item belongs to: that is how the importer links a task to its epic. Epics come
  first, then the standard types, then sub-tasks (the importer links a child only to a
  parent above it), each group in the order given;
- each item's own id from the artifact (PAY-101, D2, W4) is kept as a label (Jira gives
  imported issues new keys), together with the item's own labels;
- issue types Jira has out of the box (Epic, Story, Task, Bug, Sub-task) are written as
  Jira spells them; any other type (a spike) becomes a Task labelled with its type;
- multi-line values (acceptance criteria as ``*`` bullet lines, Jira's list markup) are
  quoted, as every value with a comma, a quote or a line break is.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from pmpath.export.shapes import WorkItem

JIRA_TYPES = {"epic": "Epic", "story": "Story", "task": "Task", "bug": "Bug",
              "sub-task": "Sub-task", "subtask": "Sub-task"}


def issue_type(word: str) -> tuple[str, tuple[str, ...]]:
    """Jira's spelling of a type, and the label that keeps a type Jira lacks."""
    known = JIRA_TYPES.get(word.strip().casefold())
    if known is not None:
        return known, ()
    return "Task", (label(word),) if word.strip() else ()


def label(text: str) -> str:
    """Jira labels cannot hold spaces."""
    return "-".join(text.split())


def export(shape: Iterable[WorkItem]) -> str:
    items = _parents_first(list(shape))
    number = {item.id: index for index, item in enumerate(items, start=1)}
    rows = []
    for item in items:
        jira_type, type_labels = issue_type(item.issue_type)
        labels = list(dict.fromkeys([label(item.id), *type_labels,
                                     *(label(text) for text in item.labels)]))
        rows.append({
            "Summary": item.summary,
            "Issue Type": jira_type,
            "Description": item.description,
            "Story Points": _points(item.story_points),
            "Labels": " ".join(labels),
            "Issue ID": str(number[item.id]),
            "Parent": str(number[item.parent]) if item.parent in number else "",
        })
    columns = ["Summary", "Issue Type"]
    columns += [name for name, wanted in (
        ("Description", any(item.description for item in items)),
        ("Story Points", any(item.story_points is not None for item in items)),
        ("Labels", True),
        ("Issue ID", True),
        ("Parent", any(item.parent in number for item in items)),
    ) if wanted]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row[column] for column in columns])
    return buffer.getvalue()


def _parents_first(items: list[WorkItem]) -> list[WorkItem]:
    """Epics, then the standard types, then sub-tasks, as Jira's importer needs to link
    children to parents that come before them; within each, the order given (a backlog's
    priority order)."""

    def level(item: WorkItem) -> int:
        jira_type = issue_type(item.issue_type)[0]
        return 0 if jira_type == "Epic" else 2 if jira_type == "Sub-task" else 1

    return sorted(items, key=level)


def _points(points: float | None) -> str:
    if points is None:
        return ""
    return str(int(points)) if points == int(points) else f"{points:g}"
