"""What the portfolio says of a passed product vision."""

from __future__ import annotations

from pmpath.export.showcase import Showcase, plural, sentences
from pmpath.kinds.product_vision.figures import VisionFigures
from pmpath.kinds.product_vision.model import ProductVision

TOP = 3


def _money(value: float, unit: str | None) -> str:
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            amount = f"{value / size:.2f}".rstrip("0").rstrip(".")
            return f"{amount}{suffix} {unit or ''}".strip()
    return f"{value:g} {unit or ''}".strip()


def showcase(vision: ProductVision, figures: VisionFigures, body: str = "") -> Showcase:
    problem = sentences(vision.problem, 2)
    produced = (f"a {vision.horizon_years}-year product vision: "
                + ("a sized market, " if figures.market else "")
                + f"{plural(len(vision.competitors), 'competitor')} weighed, a roadmap by year, "
                f"{plural(len(vision.okrs), 'objective')} with key results and "
                f"{plural(len(vision.initiatives), 'initiative')} ranked by RICE")
    highlights = [f"Vision: {sentences(vision.vision, 1)}"]
    if figures.market:
        highlights.append("Market: " + ", ".join(f"{layer.name} {_money(layer.value, layer.unit)}"
                                                 for layer in figures.market))
    ranked = [row for row in figures.rows if row.rank is not None and row.score is not None]
    if ranked:
        highlights.append("RICE ranking: " + "; ".join(
            f"{row.rank}. {row.name} ({row.score:,.0f})" for row in ranked[:TOP]))
    return Showcase(title=vision.product, problem=problem, produced=produced,
                    highlights=tuple(highlights))
