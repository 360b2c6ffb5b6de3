"""The product backlog as work items for a tracker (``pmpath export jira-csv``).

Items come in priority order, so a tracker that ranks by import order keeps the
product owner's order. Each epic named by an item becomes an Epic of its own (ids
EPIC-1, EPIC-2 … in order of first mention) and is the parent of its items. Jira has
no spike type, so a spike is a Task labelled "spike". The acceptance criteria are
appended to the description, one line each.
"""

from __future__ import annotations

from typing import Any

from pmpath.export.shapes import WorkItem

ISSUE_TYPES = {"story": "Story", "bug": "Bug", "task": "Task", "spike": "Task"}


def description_of(item: Any) -> str:
    parts = []
    if item.description:
        parts.append(" ".join(item.description.split()))
    if item.acceptance_criteria:
        parts.append("Acceptance criteria:\n" + "\n".join(f"- {line}"
                                                          for line in item.acceptance_criteria))
    return "\n\n".join(parts)


def work_items(model: Any, figures: Any) -> tuple[WorkItem, ...]:
    epics: dict[str, str] = {}
    for item in figures.ranked:
        if item.epic and item.epic.strip() and item.epic.strip() not in epics:
            epics[item.epic.strip()] = f"EPIC-{len(epics) + 1}"
    rows = [WorkItem(id=epic_id, summary=name, issue_type="Epic")
            for name, epic_id in epics.items()]
    for item in figures.ranked:
        rows.append(WorkItem(
            id=item.id, summary=item.title, issue_type=ISSUE_TYPES[item.type],
            description=description_of(item), story_points=item.points,
            parent=epics.get((item.epic or "").strip()),
            labels=("spike",) if item.type == "spike" else ()))
    return tuple(rows)
