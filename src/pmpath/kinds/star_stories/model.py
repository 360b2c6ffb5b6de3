"""The STAR stories' fields (spec/artifacts.md, "star-stories").

Every part of a story is optional text here: an empty or missing part is for
star.complete to name, with what belongs in it, not a schema error. A part written
as a bare number (``result: 30``) is read as the text "30".
"""

from __future__ import annotations

from typing import Annotated, Literal

from pmpath.kinds.base import ArtifactModel
from pmpath.kinds.fields import BeforeValidator, Field, WithJsonSchema


def _numbers_as_text(value: object) -> object:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


Text = Annotated[str | None, BeforeValidator(_numbers_as_text),
                 WithJsonSchema({"type": ["string", "number", "null"]})]
"""Text the learner may leave empty; the rules, not the schema, say when it is needed."""


class Story(ArtifactModel):
    title: Text = Field(None, description="A short name you can recall in the interview, "
                                          "e.g. 'The payroll release we nearly missed'.")
    skill: Text = Field(None, description="The path skill the story shows, by its id, e.g. "
                                          "risk-management or stakeholder-communication "
                                          "(`pmpath path` lists them).")
    question: Text = Field(None, description="Optional: the interview question it answers, "
                                             "e.g. 'Tell me about a time a project slipped'.")
    situation: Text = Field(None, description="S: the context in two or three sentences: "
                                              "where, when, what was at stake.")
    task: Text = Field(None, description="T: what you were responsible for, or the goal you "
                                         "were given.")
    action: Text = Field(None, description="A: what you did, step by step, in the first "
                                           "person: 'I …', not only 'we …'.")
    result: Text = Field(None, description="R: what changed because of it, with a number: "
                                           "2 weeks early, 30% fewer tickets, $40,000 saved.")


class StarStories(ArtifactModel):
    kind: Literal["star-stories"]
    version: Literal[1]
    candidate: Text = Field(None, description="Optional: your name.")
    target_role: Text = Field(None, description="Optional: the role you are preparing for, "
                                                "e.g. Technical Project Manager.")
    stories: list[Story] = Field([], description="Your interview stories: at least the "
                                                 "exercise's number (3 by default).")
