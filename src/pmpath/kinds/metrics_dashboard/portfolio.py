"""What the portfolio says of a passed metrics dashboard."""

from __future__ import annotations

from pmpath.export.showcase import Showcase, listing, plural
from pmpath.kinds.metrics_dashboard.figures import DashboardFigures
from pmpath.kinds.metrics_dashboard.model import MetricsDashboard


def _value(value: float | None) -> str:
    return "no value" if value is None else f"{value:,g}"


def showcase(dashboard: MetricsDashboard, figures: DashboardFigures,
             body: str = "") -> Showcase:
    tiles = figures.tiles
    delivery = sum(1 for tile in tiles if tile.category == "delivery")
    business = sum(1 for tile in tiles if tile.category == "business")
    dora = [tile.name for tile in tiles if tile.dora]
    problem = ("Give the team and its stakeholders one view of how it ships and what that "
               "earns: each KPI defined, with a formula, a target, an owner and thresholds.")
    produced = (f"a dashboard of {plural(len(tiles), 'KPI')}: {delivery} delivery and "
                f"{business} business"
                + (f", including {plural(len(dora), 'DORA metric')}" if dora else ""))
    counts = {status: sum(1 for tile in tiles if tile.status == status)
              for status in ("green", "amber", "red")}
    highlights = ["Latest status: " + ", ".join(f"{count} {status}"
                                                 for status, count in counts.items())]
    worst = [tile for tile in tiles if tile.status == "red"] or \
        [tile for tile in tiles if tile.status == "amber"]
    if worst:
        highlights.append("Look first at: " + listing(
            [f"{tile.name} ({_value(tile.latest)} {tile.unit}".rstrip()
             + (f", target {_value(tile.target)})" if tile.target is not None else ")")
             for tile in worst], 2))
    return Showcase(title=figures.name, problem=problem, produced=produced,
                    highlights=tuple(highlights))
