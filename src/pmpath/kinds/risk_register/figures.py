"""The risk register's figures: the heat map of current exposure and the lists behind it."""

from __future__ import annotations

from dataclasses import dataclass

from pmpath.kinds.base import Context, Figures
from pmpath.kinds.risk_register.model import LIVE_STATUSES, RiskRegister
from pmpath.kinds.risk_register.rules import (
    category_counts,
    is_high,
    is_stale,
    oldest_fresh_review,
    on_scale,
)


@dataclass(frozen=True)
class RiskFigures(Figures):
    heatmap: list[list[int]]
    """5×5 counts of the risks not closed: rows impact 5→1, columns probability 1→5."""
    high_risks: list[str]
    stale_risks: list[str]
    open_count: int
    """Risks open or being monitored."""
    by_category: dict[str, int]
    high_threshold: int
    """The register's own threshold; the picture colours its zones by it."""


def figures(doc: RiskRegister, ctx: Context) -> RiskFigures:
    heatmap = [[0] * 5 for _ in range(5)]
    oldest_fresh = oldest_fresh_review(doc, ctx.as_of)
    high, stale = [], []
    open_count = 0
    for risk in doc.risks:
        # The heat map shows what still needs managing, so closed risks are left out
        # (occurred ones stay: they are live issues); off-scale risks have no cell.
        if risk.status != "closed" and on_scale(risk.probability) and on_scale(risk.impact):
            heatmap[5 - int(risk.impact)][int(risk.probability) - 1] += 1
        if is_high(risk, doc.high_threshold):
            high.append(str(risk.id))
        if is_stale(risk, oldest_fresh):
            stale.append(str(risk.id))
        if risk.status in LIVE_STATUSES:
            open_count += 1
    return RiskFigures(heatmap=heatmap, high_risks=high, stale_risks=stale,
                       open_count=open_count, by_category=category_counts(doc),
                       high_threshold=doc.high_threshold)
