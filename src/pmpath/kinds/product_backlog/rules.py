"""The product backlog's rules, each bound to its check.

Ids are compared without case and surrounding spaces, as Jira compares issue keys
(pay-101 and PAY-101 are the same item). A value still holding a template placeholder
is left to common.placeholder. The story-point scale is the curriculum's
(``thresholds: backlog.points: {scale: [...]}`` in curriculum/rubric.yaml), 1, 2, 3, 5,
8, 13, 20 by default.
"""

from __future__ import annotations

import re
from typing import Any

from pmpath.analysis.estimation import nearest_on_scale
from pmpath.kinds.base import Context, Found, Rule, RuleBook, number_text, path_of
from pmpath.kinds.common import PLACEHOLDER
from pmpath.kinds.product_backlog.model import NEEDS_CRITERIA, BacklogItem, ProductBacklog

THRESHOLDS: dict[str, dict[str, Any]] = {
    "backlog.points": {"scale": (1, 2, 3, 5, 8, 13, 20)},
}
"""pmpath's defaults for the numbers the rules judge by; ``thresholds`` in
curriculum/rubric.yaml may change them."""

RULES: tuple[Rule, ...] = (
    Rule(
        id="backlog.ids",
        severity="error",
        title="Item ids are unique",
        rationale=(
            "Sprint plans, dailies, reviews and tickets name backlog items by their id. Two "
            "items with one id means a sprint can commit to the wrong one, and an import "
            "into Jira or any other tracker merges or rejects them."
        ),
        hint="Give every item its own id, e.g. PAY-101, PAY-102, PAY-103 …",
        passes="- {id: PAY-101, ...}\n- {id: PAY-102, ...}",
        fails="- {id: PAY-101, ...}\n- {id: PAY-101, ...}",
        weight=2,
    ),
    Rule(
        id="backlog.order",
        severity="error",
        title="Every item has its own priority",
        rationale=(
            "A product backlog is ordered: one item is at the top, one is second, and so "
            "on. That order is the product owner's main decision, and sprint planning takes "
            "items from the top. Two items at the same priority mean the decision has not "
            "been made, and the team ends up making it."
        ),
        hint="Decide which of the tied items comes first and give each item a priority no "
             "other item has: 1, 2, 3 … from the top.",
        passes="- {id: PAY-101, priority: 1}\n- {id: PAY-102, priority: 2}",
        fails="- {id: PAY-101, priority: 1}\n- {id: PAY-102, priority: 1}",
        weight=3,
    ),
    Rule(
        id="backlog.acceptance",
        severity="error",
        title="Every story and bug has acceptance criteria",
        rationale=(
            "Acceptance criteria say when an item is done, in words the product owner, the "
            "developers and the testers agree on before the work starts. Without them "
            "'done' is argued about at the sprint review. Written as Given … when … then …, "
            "each criterion is also a test. Tasks and spikes may go without."
        ),
        hint="Add acceptance_criteria to the item: one line per check, e.g. 'Given a "
             "customer with a saved card, when they pay, then the card is charged once'.",
        passes="type: story\nacceptance_criteria:\n  - Given a signed-in customer, when they "
               "pay, then they get a receipt",
        fails="type: story\nacceptance_criteria: []",
        weight=3,
    ),
    Rule(
        id="backlog.points",
        severity="warning",
        title="Story points are on the scale 1, 2, 3, 5, 8, 13, 20",
        rationale=(
            "Points are a rough, relative size, and the gaps in the scale grow on purpose: "
            "arguing over 4 versus 5 is false precision, and anything above 13 is usually "
            "too big to finish in one sprint and should be split. A story or bug with no "
            "points cannot be planned into a sprint."
        ),
        hint="Round the estimate to the nearest value on the scale 1, 2, 3, 5, 8, 13, 20, or "
             "estimate the item with the team.",
        passes="points: 5",
        fails="points: 4",
        weight=1,
    ),
)

BOOK = RuleBook(RULES)


def point_scale(ctx: Context) -> tuple[float, ...]:
    return tuple(sorted({float(step) for step in ctx.threshold("backlog.points", "scale")}))


ID_NUMBER = re.compile(r"^(.*?)(\d+)$")
"""An id ending in a number: PAY-101 is PAY- and 101."""


def id_key(value: str) -> str:
    return value.strip().casefold()


def has_placeholder(value: str | None) -> bool:
    return bool(value) and PLACEHOLDER.search(value or "") is not None


def name_of(item: BacklogItem, index: int) -> str:
    """'PAY-101' or 'item 3' when the id is empty or still a placeholder."""
    if item.id.strip() and not has_placeholder(item.id):
        return item.id.strip()
    return f"item {index + 1}"


def has_criteria(item: BacklogItem) -> bool:
    return any(line.strip() for line in item.acceptance_criteria)


def free_id(like: str, ids: list[str]) -> str:
    """An id no item has, in the style of ``like``: PAY-116 after PAY-115, else like-B."""
    match = ID_NUMBER.match(like.strip())
    if match is None:
        return f"{like.strip()}-B"
    same_prefix = [found for found in map(ID_NUMBER.match, ids)
                   if found is not None and found.group(1).casefold() == match.group(1).casefold()]
    # The prefix as most of the backlog writes it: the first such id's, not a lower-case slip.
    prefix = same_prefix[0].group(1) if same_prefix else match.group(1)
    return f"{prefix}{max((int(found.group(2)) for found in same_prefix), default=0) + 1}"


@BOOK.check("backlog.ids")
def unique_ids(doc: ProductBacklog, ctx: Context, found: Found) -> None:
    first_at: dict[str, int] = {}
    all_ids = [item.id.strip() for item in doc.items]
    for index, item in enumerate(doc.items):
        if has_placeholder(item.id):
            continue
        where = path_of("items", index, "id")
        written = item.id.strip()
        if not written:
            found(where, f"item {index + 1} ('{item.title}') has no id",
                  hint="give it an id no other item uses, e.g. your project's key and the "
                       "next free number")
            continue
        key = id_key(written)
        if key not in first_at:
            first_at[key] = index
            continue
        first = first_at[key]
        earlier = doc.items[first].id.strip()
        if earlier == written:
            message = (f"id {written} is already used by items[{first}] "
                       f"('{doc.items[first].title}')")
        else:
            message = (f"id {written} is the same as {earlier} of items[{first}] "
                       f"('{doc.items[first].title}'); trackers such as Jira ignore capitals "
                       "in ids")
        found(where, message,
              hint=f"give '{item.title}' its own id, e.g. {free_id(written, all_ids)}")


@BOOK.check("backlog.order")
def unique_priorities(doc: ProductBacklog, ctx: Context, found: Found) -> None:
    first_at: dict[int, int] = {}
    count = len(doc.items)
    for index, item in enumerate(doc.items):
        if item.priority in first_at:
            first = first_at[item.priority]
            found(path_of("items", index, "priority"),
                  f"{name_of(item, index)} has priority {item.priority}, which "
                  f"{name_of(doc.items[first], first)} already has",
                  hint=f"decide whether {name_of(doc.items[first], first)} or "
                       f"{name_of(item, index)} comes first and give the other a priority no "
                       f"item has; if the list is already in the order you want, number the "
                       f"priorities 1 to {count} from the top")
        else:
            first_at[item.priority] = index


@BOOK.check("backlog.acceptance")
def stories_and_bugs_have_criteria(doc: ProductBacklog, ctx: Context, found: Found) -> None:
    for index, item in enumerate(doc.items):
        if item.type not in NEEDS_CRITERIA or has_criteria(item):
            continue
        found(path_of("items", index, "acceptance_criteria"),
              f"{name_of(item, index)} ('{item.title}') is a {item.type} with no acceptance "
              "criteria",
              hint=f"add acceptance_criteria: one line for each check that shows "
                   f"'{item.title}' is done, written as 'Given (the situation), when (what "
                   "the user does), then (what they see)'"
                   + ("; for a bug, the situation is the steps that show it today"
                      if item.type == "bug" else ""))


@BOOK.check("backlog.points")
def points_on_the_scale(doc: ProductBacklog, ctx: Context, found: Found) -> None:
    scale = point_scale(ctx)
    scale_text = ", ".join(number_text(step) for step in scale)
    for index, item in enumerate(doc.items):
        where = path_of("items", index, "points")
        if item.points is None:
            if item.type in NEEDS_CRITERIA:
                found(where, f"{name_of(item, index)} ('{item.title}') has no points, so it "
                             "cannot be planned into a sprint",
                      hint=f"estimate it with the team on the scale {scale_text}")
            continue
        if item.points in scale:
            continue
        nearest = nearest_on_scale(item.points, scale)
        split = " (or split the item into smaller ones)" if item.points > scale[-1] else ""
        found(where, f"{name_of(item, index)} has {number_text(item.points)} points, which is "
                     f"not on the scale {scale_text}",
              hint=f"use the nearest value on the scale: points: {number_text(nearest)}{split}")
