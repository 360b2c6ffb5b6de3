"""The Jira configuration's fields (spec/artifacts.md, "jira-config").

Names that refer to other parts of the file (a transition's statuses, a workflow's
issue types, a column's statuses, a permission's roles) are plain text here: the
rules, not the schema, say when one is not defined, with a "did you mean".
Values a rule judges (the project key, a status category, a WIP limit) are lenient
for the same reason.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pmpath.kinds.base import ArtifactModel
from pmpath.kinds.fields import BeforeValidator, Field, WithJsonSchema

# Strict numbers: 4 and 2.5 reach jira.wip, while "four" is a common.schema finding.
Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
Text = str | None

CATEGORIES = ("todo", "in_progress", "done")
ANY_STATUS = ("*", "any")
"""A transition ``from: "*"`` (or ``from: any``) is a global transition: it can be taken
from every status of its workflow, as Jira's "any status can move to this one"."""


def _as_list(value: object) -> object:
    """One name written alone (``from: To Do``) is a list of one."""
    return [value] if isinstance(value, str) else value


def _lowercase(value: object) -> object:
    return value.strip().lower() if isinstance(value, str) else value


Names = Annotated[list[str], BeforeValidator(_as_list),
                  WithJsonSchema({"anyOf": [{"type": "string"},
                                            {"type": "array", "items": {"type": "string"}}]})]
"""A list of names; one name may be written alone, without brackets."""


class Project(ArtifactModel):
    key: str = Field(description="The prefix of every issue key (PAY-123): 2 to 10 capital "
                                 "letters or digits, starting with a letter.")
    name: str = Field(description="The project's name as people will see it in Jira.")
    type: Annotated[Literal["scrum", "kanban"], BeforeValidator(_lowercase)] = Field(
        description="scrum (sprints, a backlog) or kanban (a continuous flow).")
    lead: Text = Field(None, description="The project lead: one person, who owns the "
                                         "configuration.")
    description: Text = Field(None, description="What the project is for.")


class IssueType(ArtifactModel):
    name: str = Field(description="Epic, Story, Task, Bug, Sub-task or a type of your own.")
    level: int = Field(ge=-1, le=5, description="1 Epic (groups stories), 0 standard types "
                                                "(Story, Task, Bug), -1 Sub-task.")
    description: Text = Field(None, description="When to use this type.")


class Status(ArtifactModel):
    name: str = Field(description="A status an issue can be in, e.g. In Review.")
    category: str = Field(description="todo (not started), in_progress (being worked on) "
                                      "or done (finished); Jira's reports count done work "
                                      "by it.")
    description: Text = Field(None, description="What an issue in this status means.")


class Transition(ArtifactModel):
    name: str = Field(description="The button people click, e.g. Start, Send to review.")
    sources: Names = Field(alias="from", description=(
        "The status (or list of statuses) the transition starts from; \"*\" or any means "
        "every status of the workflow (a global transition)."))
    to: str = Field(description="The status the issue moves to.")


class Workflow(ArtifactModel):
    name: str = Field(description="The workflow's name, e.g. Delivery.")
    issue_types: Names = Field(description="The issue types that follow this workflow; each "
                                           "type belongs to exactly one workflow.")
    initial: str = Field(description="The status a new issue starts in.")
    statuses: Names = Field([], description="Optional: the workflow's statuses. Those named "
                                            "by initial and the transitions belong to it "
                                            "anyway.")
    transitions: list[Transition] = Field(min_length=1, description="The moves between "
                                                                     "statuses.")


class Column(ArtifactModel):
    name: str = Field(description="The column's heading on the board.")
    statuses: Names = Field(description="The statuses shown in this column; every status of "
                                        "a workflow belongs to exactly one column.")
    wip_limit: Number | None = Field(None, description="The most cards the column may hold, "
                                                       "a whole number of 1 or more.")


class Board(ArtifactModel):
    name: Text = Field(None, description="The board's name.")
    columns: list[Column] = Field(min_length=1, description="Left to right; the right-most "
                                                            "column holds done statuses only.")


class CustomField(ArtifactModel):
    name: str = Field(description="The field's name, e.g. Story Points.")
    type: str = Field(description="number, text, select, date, user, labels …")
    required_for: Names = Field([], description="Issue types that cannot be created without it.")
    options: list[str] = Field([], description="The choices of a select field.")


class Component(ArtifactModel):
    name: str = Field(description="A part of the product, e.g. Checkout API.")
    lead: Text = Field(None, description="The one person who leads it.")
    description: Text = Field(None, description="What it covers.")


class Permissions(ArtifactModel):
    browse: Names = Field([], description="Roles that can see the project and its issues.")
    create: Names = Field([], description="Roles that can create issues.")
    edit: Names = Field([], description="Roles that can edit issues.")
    transition: Names = Field([], description="Roles that can move issues between statuses.")
    administer: Names = Field([], description="Roles that can change the project's "
                                              "configuration.")


PERMISSIONS = ("browse", "create", "edit", "transition", "administer")


class JiraConfig(ArtifactModel):
    kind: Literal["jira-config"]
    version: Literal[1]
    project: Project = Field(description="The project: key, name, type and lead.")
    issue_types: list[IssueType] = Field(min_length=1, description="The issue types and "
                                                                   "their hierarchy levels.")
    statuses: list[Status] = Field(min_length=1, description="Every status with its "
                                                             "category.")
    workflows: list[Workflow] = Field(min_length=1, description="Each issue type in exactly "
                                                                "one workflow.")
    board: Board = Field(description="The board's columns, left to right.")
    fields: list[CustomField] = Field([], description="Custom fields.")
    components: list[Component | str] = Field([], description="The product's parts, for "
                                                              "sorting issues.")
    roles: dict[str, Names] = Field(description="Role name -> the people or groups in it.")
    permissions: Permissions = Field(description="Which roles may browse, create, edit, "
                                                 "transition and administer.")
