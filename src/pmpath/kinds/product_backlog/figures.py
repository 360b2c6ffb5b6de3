"""The product backlog's figures: its size, and the items ranked for the picture and exports."""

from __future__ import annotations

from dataclasses import dataclass

from pmpath.analysis.estimation import running_totals
from pmpath.kinds.base import Context, Figures
from pmpath.kinds.product_backlog.model import ITEM_TYPES, NEEDS_CRITERIA, ProductBacklog
from pmpath.kinds.product_backlog.rules import point_scale


@dataclass(frozen=True)
class RankedItem:
    priority: int
    id: str
    type: str
    title: str
    points: float | None
    running_total: float
    """Points of this item and every item above it: how far down a sprint of that size
    reaches."""
    acceptance_criteria: tuple[str, ...]
    needs_criteria: bool
    """A story or bug, which needs acceptance criteria."""
    shared_priority: bool
    """Another item has the same priority (backlog.order)."""
    on_scale: bool
    """Its points are on the scale (or it has none)."""
    description: str | None
    epic: str | None


@dataclass(frozen=True)
class BacklogFigures(Figures):
    items: int
    total_points: float
    """Sum of the points given; an unestimated item counts 0."""
    ranked: list[RankedItem]
    """The items by priority (ties in the order written), for the picture and exports."""
    by_type: dict[str, int]
    unestimated: int
    """Stories and bugs without points."""

    _internal = ("ranked", "by_type", "unestimated")


def figures(doc: ProductBacklog, ctx: Context) -> BacklogFigures:
    order = sorted(range(len(doc.items)), key=lambda index: (doc.items[index].priority, index))
    items = [doc.items[index] for index in order]
    totals = running_totals(item.points for item in items)
    counts: dict[int, int] = {}
    for item in items:
        counts[item.priority] = counts.get(item.priority, 0) + 1
    scale = point_scale(ctx)
    ranked = [RankedItem(priority=item.priority, id=item.id, type=item.type, title=item.title,
                         points=item.points, running_total=total,
                         acceptance_criteria=tuple(line for line in item.acceptance_criteria
                                                   if line.strip()),
                         needs_criteria=item.type in NEEDS_CRITERIA,
                         shared_priority=counts[item.priority] > 1,
                         on_scale=item.points is None or item.points in scale,
                         description=item.description, epic=item.epic)
              for item, total in zip(items, totals, strict=True)]
    by_type = {kind: sum(1 for item in items if item.type == kind) for kind in ITEM_TYPES}
    return BacklogFigures(
        items=len(items),
        total_points=totals[-1] if totals else 0.0,
        ranked=ranked,
        by_type={kind: count for kind, count in by_type.items() if count},
        unestimated=sum(1 for item in items
                        if item.points is None and item.type in NEEDS_CRITERIA),
    )

