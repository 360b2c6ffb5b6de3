"""The technical requirements document's front matter (spec/artifacts.md, "trd.md").

The body (the Markdown under the front matter) is read by the rules through the
shared Markdown reader. ``status`` and ``authors`` are typed leniently so that a
wrong value reaches ``trd.front-matter``, which names the choices and the fix,
instead of a generic schema message.
"""

from __future__ import annotations

from typing import Any, Literal

from pmpath.kinds.base import ArtifactModel
from pmpath.kinds.fields import Field, schema_of

STATUSES: tuple[str, ...] = ("draft", "review", "approved")
"""Where the document is in its life: being written, out for review, signed off."""

Names = Any
"""A list of names. Any value is let through to ``trd.front-matter``, which says what is
wrong with it (one name instead of a list, an empty entry) in a learner's words."""



NAME_LIST = {"type": "array", "items": {"type": "string", "minLength": 1}}


class Trd(ArtifactModel):
    kind: Literal["trd"]
    version: Literal[1]
    title: str = Field(
        description="The feature in a few words a stakeholder would recognise, e.g. "
                    "'Saved cards for returning customers'.",
        min_length=1)
    status: Any = Field(
        default=None,
        description="Where the document is: draft (being written), review (out for "
                    "comments) or approved (signed off by the reviewers).",
        json_schema_extra=schema_of(enum=list(STATUSES)))
    authors: Names = Field(
        default=None,
        description="The people who wrote it and answer questions about it, one name per "
                    "entry, e.g. [Priya Shah, Tomás Reyes].",
        json_schema_extra=schema_of(**NAME_LIST, minItems=1))
    reviewers: Names = Field(
        default=None,
        description="The people who must review it before it is approved: typically the "
                    "tech lead, a security reviewer and the product owner. Needed once "
                    "the status is review or approved.",
        json_schema_extra=schema_of(**NAME_LIST))
