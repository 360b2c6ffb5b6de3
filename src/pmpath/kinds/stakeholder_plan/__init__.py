"""Stakeholder plan (skill 4): who matters, who decides, how they hear, and how it is going.

The file maps the stakeholders on a power/interest grid (1–5 each), agrees a RACI
matrix for the main deliverables, plans the communication each audience gets and
how often, and carries the latest status report with its RAG colours and, when the
project tracks earned value, its SPI and CPI. The rules check the scales, that every
RACI row has exactly one A and at least one R with declared roles and valid
letters, that every key player hears from the project at least weekly, and that
the status colours follow the numbers (``pmpath.analysis.evm``).
"""

from pmpath.kinds.base import KindSpec
from pmpath.kinds.stakeholder_plan.figures import figures
from pmpath.kinds.stakeholder_plan.model import StakeholderPlan
from pmpath.kinds.stakeholder_plan.rules import BOOK, THRESHOLDS

SPEC = KindSpec(
    kind="stakeholder-plan",
    model=StakeholderPlan,
    rules=BOOK,
    thresholds=THRESHOLDS,
    figures=figures,
    renderer="pmpath.kinds.stakeholder_plan.render:render",
    svg="pmpath.export.pictures:stakeholder_grid",
    portfolio="pmpath.kinds.stakeholder_plan.portfolio:showcase",
    exports={"mermaid": "pmpath.kinds.stakeholder_plan.export:grid"},
)
