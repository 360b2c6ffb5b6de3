"""The team charter's front matter (spec/artifacts.md, "team-charter.md").

The body (the charter itself, in Markdown) is read by the rules through the shared
Markdown reader. ``team`` is typed leniently so that a single name, or empty
entries, reach ``charter.sign-off``, which says what to write instead.
"""

from __future__ import annotations

from typing import Any, Literal

from pmpath.kinds.base import ArtifactModel
from pmpath.kinds.fields import Field, schema_of


class TeamCharter(ArtifactModel):
    kind: Literal["team-charter"]
    version: Literal[1]
    team_name: str | None = Field(
        default=None,
        description="What the team calls itself, e.g. 'Checkout squad'.")
    # Any value is let through to charter.sign-off, which says what is wrong with it (one
    # name instead of a list, an empty entry) in a learner's words.
    team: Any = Field(
        description="Everyone on the team, one full name per entry, optionally with their "
                    "role in parentheses: 'Priya Shah (engineering manager)'. Each of them "
                    "signs the charter under '## Sign-off'.",
        json_schema_extra=schema_of(type="array", minItems=1,
                                    items={"type": "string", "minLength": 1}))
