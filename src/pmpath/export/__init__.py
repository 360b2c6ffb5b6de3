"""Hand the work to the tools PMs already use: one module per format.

A kind declares the formats it supports in ``KindSpec.exports``: a mapping from a
format's name to ``"module:function"``, a function of the kind that turns its
validated model and figures into the neutral shapes of ``export.shapes`` (calendar
events, work items, a diagram). The format's module here turns those shapes into the
file another tool reads, and knows nothing of any kind. ``md`` works for every kind
(it reads the graded result); ``html`` is the whole workspace.

Nothing here is imported until an export is asked for.
"""

from __future__ import annotations

from typing import NamedTuple


class Format(NamedTuple):
    name: str
    module: str
    suffix: str
    summary: str
    whole_workspace: bool = False
    every_kind: bool = False


FORMATS: dict[str, Format] = {
    entry.name: entry
    for entry in (
        Format("ics", "pmpath.export.ics", ".ics",
               "iCalendar events for a calendar app (sprint ceremonies, milestones, GA)"),
        Format("jira-csv", "pmpath.export.jira_csv", ".csv",
               "work items in the CSV format Jira's importer expects"),
        Format("mermaid", "pmpath.export.mermaid", ".mmd",
               "a Mermaid diagram for a wiki (Gantt chart, workflow, stakeholder grid)"),
        Format("md", "pmpath.export.markdown", ".md",
               "the artifact as readable Markdown, with its grade and findings",
               every_kind=True),
        Format("html", "pmpath.export.html", ".html",
               "one self-contained HTML report of the whole workspace", whole_workspace=True),
    )
}
