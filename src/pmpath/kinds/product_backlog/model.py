"""The product backlog's fields (spec/artifacts.md, "product-backlog").

Values a rule judges are lenient here so the rule, not the schema, explains them:
points may be any number (backlog.points says when one is off the scale), and an
item may have no points or no acceptance criteria yet. An id written as a number
(``id: 7``) is read as the text "7", and an acceptance criterion that YAML read as a
mapping because it contains ": " is read back as the line it was.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pmpath.kinds.base import ArtifactModel
from pmpath.kinds.fields import BeforeValidator, Field, WithJsonSchema

# Strict numbers: 4 and 2.5 reach backlog.points, while "four" is a common.schema finding.
Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
Text = str | None

ItemType = Literal["story", "bug", "task", "spike"]
ITEM_TYPES: tuple[str, ...] = get_args(ItemType)
NEEDS_CRITERIA = ("story", "bug")
"""The types whose done-ness a tester checks against acceptance criteria."""


def _number_as_text(value: object) -> object:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _lowercase(value: object) -> object:
    return value.strip().lower() if isinstance(value, str) else value


def _criteria(value: object) -> object:
    """One criterion written alone is a list of one; a line YAML split at ': ' is rejoined."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return value
    lines: list[object] = []
    for entry in value:
        if isinstance(entry, dict) and len(entry) == 1:
            (key, rest), = entry.items()
            entry = f"{key}: {rest}" if rest is not None else f"{key}:"
        lines.append(entry)
    return lines


Criteria = Annotated[list[str], BeforeValidator(_criteria),
                     WithJsonSchema({"anyOf": [{"type": "string"},
                                               {"type": "array", "items": {"type": "string"}}]})]


class BacklogItem(ArtifactModel):
    id: Annotated[str, BeforeValidator(_number_as_text),
                  WithJsonSchema({"type": ["string", "integer"]})] = Field(
        description="The item's key, unique in the backlog, e.g. PAY-101.")
    title: str = Field(description="What it delivers, in a few words a customer would "
                                   "understand.")
    type: Annotated[ItemType, BeforeValidator(_lowercase)] = Field(
        "story", description="story (something a user can do), bug (something broken), "
                             "task (work with no user-visible change) or spike (a time-boxed "
                             "investigation).")
    points: Number | None = Field(None, description="The team's relative estimate on the "
                                                    "scale 1, 2, 3, 5, 8, 13, 20.")
    priority: int = Field(ge=1, description="Its rank: 1 is done first. No two items share "
                                            "a priority.")
    acceptance_criteria: Criteria = Field([], description="The checks that say it is done, "
                                                          "one per line, ideally Given … "
                                                          "when … then ….")
    description: Text = Field(None, description="Optional: the user story (As a … I want … "
                                                "so that …) or the bug's steps and impact.")
    epic: Text = Field(None, description="Optional: the larger piece of work it belongs to.")


class ProductBacklog(ArtifactModel):
    kind: Literal["product-backlog"]
    version: Literal[1]
    product: str = Field(description="One paragraph: who the product is for and what it "
                                     "does.")
    product_goal: Text = Field(None, description="Optional: the outcome the backlog works "
                                                 "toward, ideally with a number.")
    owner: Text = Field(None, description="Optional: the product owner, one person, who "
                                          "orders the backlog.")
    items: list[BacklogItem] = Field(description="The items, in priority order, highest "
                                                 "first.")
