"""Metrics dashboard (skill 9): delivery and business KPIs on one screen.

Each KPI is a full card: definition, formula, unit, target, source, owner, cadence,
a direction (higher or lower is better) and green/amber thresholds, with values for
recent periods. The rules check the cards are complete and consistent, that
delivery and business are balanced and DORA's four key metrics are tagged; the
figures give each KPI's latest value, red/amber/green status and trend, drawn as
one tile per KPI by ``render`` and by ``pmpath dashboard``.
"""

from pmpath.kinds.base import KindSpec, Param
from pmpath.kinds.metrics_dashboard.figures import figures
from pmpath.kinds.metrics_dashboard.model import MetricsDashboard
from pmpath.kinds.metrics_dashboard.rules import BOOK, THRESHOLDS

SPEC = KindSpec(
    kind="metrics-dashboard",
    model=MetricsDashboard,
    rules=BOOK,
    thresholds=THRESHOLDS,
    figures=figures,
    params={"min_per_category": Param(int, 3, "the fewest delivery KPIs, and the fewest "
                                              "business KPIs, the dashboard must hold")},
    renderer="pmpath.kinds.metrics_dashboard.render:render",
    dashboard="pmpath.kinds.metrics_dashboard.render:render",
    svg="pmpath.export.pictures:kpi_tiles",
    portfolio="pmpath.kinds.metrics_dashboard.portfolio:showcase",
)
