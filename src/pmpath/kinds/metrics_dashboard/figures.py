"""The dashboard's figures: each KPI's latest value, red/amber/green status and trend.

Status needs a direction and two numeric thresholds; trend needs two values. When a
KPI lacks them its status or trend is None (null in JSON) rather than a guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pmpath.analysis.kpi import rag, sparkline, trend
from pmpath.kinds.base import Context, Figures, number
from pmpath.kinds.metrics_dashboard.model import MetricsDashboard
from pmpath.kinds.metrics_dashboard.rules import (
    direction_of,
    series,
    threshold_numbers,
)

SPARK_PERIODS = 12
"""A tile's sparkline shows the last 12 periods, so it fits the tile."""


@dataclass(frozen=True)
class Tile:
    """What one KPI's tile shows."""

    id: str
    name: str
    category: str
    unit: str
    direction: str | None
    target: float | None
    latest: float | None
    status: str | None
    trend: str | None
    sparkline: str
    dora: str | None


@dataclass(frozen=True)
class DashboardFigures(Figures):
    kpis: dict[str, dict[str, Any]]
    """KPI id -> {latest, status (green/amber/red), trend (up/down/flat)}."""
    name: str
    tiles: tuple[Tile, ...]
    _internal = ("name", "tiles")


def figures(doc: MetricsDashboard, ctx: Context) -> DashboardFigures:
    kpis: dict[str, dict[str, Any]] = {}
    tiles = []
    for kpi in doc.kpis:
        values = series(kpi)
        latest = values[-1] if values else None
        pair = threshold_numbers(kpi)
        direction = direction_of(kpi)
        status = (rag(latest, direction, *pair)
                  if latest is not None and pair is not None and direction else None)
        moved = trend(values)
        kpis.setdefault(str(kpi.id), {"latest": latest, "status": status, "trend": moved})
        tiles.append(Tile(id=str(kpi.id), name=kpi.name, category=kpi.category,
                          unit=(kpi.unit or "").strip(), direction=direction,
                          target=number(kpi.target), latest=latest, status=status,
                          trend=moved, sparkline=sparkline(values[-SPARK_PERIODS:]),
                          dora=(kpi.dora or None)))
    return DashboardFigures(kpis=kpis, name=doc.name, tiles=tuple(tiles))
