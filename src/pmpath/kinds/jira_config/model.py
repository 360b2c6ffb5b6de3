"""The Jira configuration's fields (spec/artifacts.md, "jira-config").

Names that refer to other parts of the file (a transition's statuses, a workflow's
issue types, a column's statuses, a permission's roles) are plain text here: the
rules, not the schema, say when one is not defined, with a "did you mean".
Values a rule judges (the project key, a status category, a WIP limit) are lenient
for the same reason.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema

from pmpath.kinds.base import ArtifactModel

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
    description: Text = None


class IssueType(ArtifactModel):
    name: str
    level: int = Field(ge=-1, le=5, description="1 Epic (groups stories), 0 standard types "
                                                "(Story, Task, Bug), -1 Sub-task.")
    description: Text = None


class Status(ArtifactModel):
    name: str
    category: str = Field(description="todo (not started), in_progress (being worked on) "
                                      "or done (finished); Jira's reports count done work "
                                      "by it.")
    description: Text = None


class Transition(ArtifactModel):
    name: str = Field(description="The button people click, e.g. Start, Send to review.")
    sources: Names = Field(alias="from", description=(
        "The status (or list of statuses) the transition starts from; \"*\" or any means "
        "every status of the workflow (a global transition)."))
    to: str = Field(description="The status the issue moves to.")


class Workflow(ArtifactModel):
    name: str
    issue_types: Names = Field(description="The issue types that follow this workflow; each "
                                           "type belongs to exactly one workflow.")
    initial: str = Field(description="The status a new issue starts in.")
    statuses: Names = Field([], description="Optional: the workflow's statuses. Those named "
                                            "by initial and the transitions belong to it "
                                            "anyway.")
    transitions: list[Transition] = Field(min_length=1)


class Column(ArtifactModel):
    name: str
    statuses: Names = Field(description="The statuses shown in this column; every status of "
                                        "a workflow belongs to exactly one column.")
    wip_limit: Number | None = Field(None, description="The most cards the column may hold, "
                                                       "a whole number of 1 or more.")


class Board(ArtifactModel):
    name: Text = None
    columns: list[Column] = Field(min_length=1, description="Left to right; the right-most "
                                                            "column holds done statuses only.")


class CustomField(ArtifactModel):
    name: str
    type: str = Field(description="number, text, select, date, user, labels …")
    required_for: Names = Field([], description="Issue types that cannot be created without it.")
    options: list[str] = []


class Component(ArtifactModel):
    name: str
    lead: Text = None
    description: Text = None


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
    project: Project
    issue_types: list[IssueType] = Field(min_length=1)
    statuses: list[Status] = Field(min_length=1)
    workflows: list[Workflow] = Field(min_length=1)
    board: Board
    fields: list[CustomField] = []
    components: list[Component | str] = []
    roles: dict[str, Names] = Field(description="Role name -> the people or groups in it.")
    permissions: Permissions
