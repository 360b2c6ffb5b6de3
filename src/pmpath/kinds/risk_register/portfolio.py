"""What the portfolio says of a passed risk register."""

from __future__ import annotations

from pmpath.export.showcase import Showcase, plural
from pmpath.kinds.risk_register.figures import RiskFigures
from pmpath.kinds.risk_register.model import RiskRegister

TOP = 3


def _number(value: float) -> str:
    return f"{value:g}"


def showcase(register: RiskRegister, figures: RiskFigures, body: str = "") -> Showcase:
    risks = register.risks
    categories = len(figures.by_category)
    problem = (f"Keep the risks of {register.program} in view and under control, each "
               f"scored, owned and reviewed every {register.review_cadence_days} days.")
    produced = (f"a living risk register of {plural(len(risks), 'risk')} across "
                f"{plural(categories, 'category', 'categories')}, scored probability × impact "
                "with a response, an owner and a review history for each")
    live = sorted((risk for risk in risks if risk.status != "closed"),
                  key=lambda risk: -float(risk.probability) * float(risk.impact))
    highlights = [f"{figures.open_count} open or monitored, "
                  f"{plural(len(figures.high_risks), 'high risk')} with a trigger, a "
                  "contingency and dated actions"]
    for risk in live[:TOP]:
        response = f"; response: {risk.response}" if risk.response else ""
        highlights.append(
            f"Top risk {risk.id}: {risk.title} ({_number(risk.probability)} × "
            f"{_number(risk.impact)} = {_number(float(risk.probability) * float(risk.impact))}"
            f"{response})")
    return Showcase(title=register.program, problem=problem, produced=produced,
                    highlights=tuple(highlights))
