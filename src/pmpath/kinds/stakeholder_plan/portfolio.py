"""What the portfolio says of a passed stakeholder plan."""

from __future__ import annotations

from pmpath.export.showcase import Showcase, listing, plural
from pmpath.kinds.stakeholder_plan.figures import StakeholderFigures
from pmpath.kinds.stakeholder_plan.model import StakeholderPlan


def showcase(plan: StakeholderPlan, figures: StakeholderFigures, body: str = "") -> Showcase:
    title = plan.project or "Stakeholder plan"
    count = len(plan.stakeholders)
    problem = (f"Keep {plural(count, 'stakeholder')} of {plan.project or 'the project'} "
               "aligned: who decides, who does the work, and how each of them hears how it "
               "is going.")
    produced = (f"a power/interest map of {plural(count, 'stakeholder')}, a RACI for "
                f"{plural(len(plan.raci.rows), 'deliverable')}, "
                f"{plural(len(plan.communication), 'communication routine')} and a status "
                f"report for {plan.status_report.period}")
    highlights = []
    if figures.key_players:
        highlights.append(f"Key players, heard from at least weekly: "
                          f"{listing(figures.key_players, 4)}")
    rag = figures.rag
    highlights.append("Status: " + ", ".join(f"{part} {rag[part]}" for part in
                                             ("overall", "schedule", "scope", "budget")
                                             if rag.get(part)))
    indices = [f"{name} {value:.2f}" for name, value in (("SPI", figures.spi),
                                                            ("CPI", figures.cpi))
               if value is not None]
    if indices:
        highlights.append("Earned value: " + ", ".join(indices))
    return Showcase(title=title, problem=problem, produced=produced,
                    highlights=tuple(highlights))
