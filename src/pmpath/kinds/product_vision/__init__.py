"""Product vision (skill 10): where a product goes over several years, and why.

The file sizes the market (TAM ≥ SAM ≥ SOM, each sourced), weighs the competitors,
lays out a roadmap of themes for every year of the horizon, sets OKRs with
measurable key results, scores candidate initiatives with RICE (and WSJF when given)
and says how the product goes to market. The figures rank the initiatives; ``render``
draws the market funnel, the roadmap by year and the ranking table.
"""

from pmpath.kinds.base import KindSpec, Param
from pmpath.kinds.product_vision.figures import figures
from pmpath.kinds.product_vision.model import ProductVision
from pmpath.kinds.product_vision.rules import BOOK, THRESHOLDS, rice_fact

SPEC = KindSpec(
    kind="product-vision",
    model=ProductVision,
    rules=BOOK,
    thresholds=THRESHOLDS,
    figures=figures,
    facts={"rice": rice_fact},
    params={
        "min_competitors": Param(int, 3, "the fewest competitors the vision must weigh"),
        "min_horizon_years": Param(int, 2, "the shortest horizon, in years, a vision may "
                                           "look ahead"),
    },
    renderer="pmpath.kinds.product_vision.render:render",
    svg="pmpath.export.pictures:rice_ranking",
    portfolio="pmpath.kinds.product_vision.portfolio:showcase",
)
