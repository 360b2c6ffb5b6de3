"""Risk register (skill 8): a living list of threats and opportunities, scored and reviewed.

Each risk is scored probability × impact on 1–5 scales. The rules check the
arithmetic, that high risks are really managed (owner, trigger, contingency, a
dated action), that the response fits a threat or an opportunity, and that the
register is alive: reviewed on a cadence, with a history of more than one review
date. The figures feed the heat map drawn by ``render``.
"""

from pmpath.kinds.base import KindSpec, Param
from pmpath.kinds.risk_register.figures import figures
from pmpath.kinds.risk_register.model import RiskRegister
from pmpath.kinds.risk_register.rules import BOOK

SPEC = KindSpec(
    kind="risk-register",
    model=RiskRegister,
    rules=BOOK,
    figures=figures,
    params={"min_risks": Param(int, 8, "the fewest risks the register must hold")},
    renderer="pmpath.kinds.risk_register.render:render",
    svg="pmpath.export.pictures:heat_map",
    portfolio="pmpath.kinds.risk_register.portfolio:showcase",
    template_values="pmpath.kinds.risk_register.template:template_values",
)
