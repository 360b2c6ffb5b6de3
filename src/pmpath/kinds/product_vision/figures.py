"""The product vision's figures: RICE scores and ranking, WSJF when given, and what the
picture shows (the market funnel and the roadmap by year)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pmpath.analysis.prioritisation import rank
from pmpath.analysis.prioritisation import wsjf as wsjf_score
from pmpath.kinds.base import Context, Figures, number
from pmpath.kinds.product_vision.model import Initiative, ProductVision
from pmpath.kinds.product_vision.rules import LAYERS, RiceInputs, texts


@dataclass(frozen=True)
class MarketLayer:
    name: str
    """TAM, SAM or SOM."""
    value: float
    unit: str | None
    source: str | None


@dataclass(frozen=True)
class RiceRow:
    rank: int | None
    """1 for the best score; None for an initiative that cannot be scored yet."""
    name: str
    reach: float | None
    impact: float | None
    confidence: float | None
    """As a share (0.8), even when written as a percentage."""
    effort: float | None
    score: float | None
    wsjf: float | None


@dataclass(frozen=True)
class VisionFigures(Figures):
    rice: dict[str, float]
    """Initiative name -> reach × impact × confidence ÷ effort."""
    ranking: list[str]
    """Initiative names, best RICE score first; equal scores in name order."""
    wsjf: dict[str, float]
    """Initiative name -> (value + time criticality + risk reduction) ÷ job size, for the
    initiatives that give all four; left out of the JSON when none does."""
    product: str
    horizon_years: int
    market: tuple[MarketLayer, ...]
    roadmap: tuple[tuple[int, tuple[str, ...]], ...]
    rows: tuple[RiceRow, ...]
    _internal = ("product", "horizon_years", "market", "roadmap", "rows")

    def to_json(self) -> dict[str, Any]:
        data = super().to_json()
        if not self.wsjf:
            del data["wsjf"]
        return data


def wsjf_of(initiative: Initiative) -> float | None:
    parts = (initiative.value, initiative.time_criticality, initiative.risk_reduction,
             initiative.job_size)
    if any(part is None for part in parts) or initiative.job_size <= 0:  # type: ignore[operator]
        return None
    return wsjf_score(*parts)  # type: ignore[arg-type]


def figures(doc: ProductVision, ctx: Context) -> VisionFigures:
    scored: dict[int, RiceInputs] = ctx.fact("rice")
    rice: dict[str, float] = {}
    wsjf: dict[str, float] = {}
    for index, initiative in enumerate(doc.initiatives):
        if index in scored:
            rice.setdefault(initiative.name, scored[index].score)
        value = wsjf_of(initiative)
        if value is not None:
            wsjf.setdefault(initiative.name, value)
    ranking = rank(rice)
    position = {name: place for place, name in enumerate(ranking, 1)}
    rows = []
    for index, initiative in enumerate(doc.initiatives):
        inputs = scored.get(index)
        rows.append(RiceRow(
            rank=position.get(initiative.name) if inputs is not None else None,
            name=initiative.name,
            reach=number(initiative.reach), impact=number(initiative.impact),
            confidence=inputs.confidence if inputs else number(initiative.confidence),
            effort=number(initiative.effort),
            score=inputs.score if inputs else None, wsjf=wsjf_of(initiative)))
    rows.sort(key=lambda row: (row.rank is None, row.rank or 0))
    market = []
    if doc.market is not None:
        for field, name, _ in LAYERS:
            layer = getattr(doc.market, field)
            value = number(layer.value) if layer is not None else None
            if value is not None and value > 0:
                market.append(MarketLayer(name, value, layer.unit, layer.source))
    roadmap = tuple(sorted((entry.year, tuple(texts(entry.themes))) for entry in doc.roadmap))
    return VisionFigures(rice=rice, ranking=ranking, wsjf=wsjf, product=doc.product,
                         horizon_years=doc.horizon_years, market=tuple(market),
                         roadmap=roadmap, rows=tuple(rows))
