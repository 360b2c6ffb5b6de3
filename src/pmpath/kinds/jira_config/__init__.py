"""Jira configuration (skill 6): a project set up for a greenfield product team.

The file describes the project (its key), the issue types and their hierarchy, the
statuses and their categories, the workflows as statuses joined by transitions,
the board's columns with their WIP limits, custom fields, components, roles and
the permissions granted to them. The rules check the things that make a real Jira
project work or quietly fail: every workflow can be walked from its start to done
(each workflow is a graph, searched in ``pmpath.analysis.graph``), every status is
on exactly one board column with done work in the last one, and every permission
goes to a role that exists.
"""

from pmpath.kinds.base import KindSpec
from pmpath.kinds.jira_config.figures import figures
from pmpath.kinds.jira_config.model import JiraConfig
from pmpath.kinds.jira_config.rules import BOOK, workflow_shapes

SPEC = KindSpec(
    kind="jira-config",
    model=JiraConfig,
    rules=BOOK,
    figures=figures,
    facts={"shapes": workflow_shapes},
    renderer="pmpath.kinds.jira_config.render:render",
    svg="pmpath.export.pictures:workflow",
    portfolio="pmpath.kinds.jira_config.portfolio:showcase",
    exports={"mermaid": "pmpath.kinds.jira_config.export:workflows"},
)
