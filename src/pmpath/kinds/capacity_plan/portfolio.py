"""What the portfolio says of a passed capacity plan."""

from __future__ import annotations

from pmpath.export.showcase import Showcase, percent, plural
from pmpath.kinds.capacity_plan.figures import CapacityFigures
from pmpath.kinds.capacity_plan.model import CapacityPlan


def _days(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def showcase(plan: CapacityPlan, figures: CapacityFigures, body: str = "") -> Showcase:
    people = len(plan.members)
    problem = (f"Can the {plan.team} team of {plural(people, 'person', 'people')} take on "
               f"the quarter's {plural(len(plan.commitments), 'commitment')} between "
               f"{plan.quarter.start.isoformat()} and {plan.quarter.end.isoformat()}?")
    produced = (f"a quarter capacity plan for {plural(people, 'person', 'people')} over "
                f"{figures.workdays} workdays, counting public holidays and days off, with a "
                f"focus factor of {plan.focus_factor:g} and a {percent(plan.buffer)} buffer")
    highlights = [f"{_days(figures.usable_days)} usable days for "
                  f"{_days(figures.demand_days)} days of committed work"
                  + (f": {percent(figures.utilization)} utilisation"
                     if figures.utilization is not None else "")]
    if figures.per_sprint_days is not None:
        highlights.append(f"About {_days(figures.per_sprint_days)} plannable days per "
                          f"{plan.sprint_length_days}-day sprint")
    checked = [(role, numbers) for role, numbers in figures.roles.items()
               if numbers.demand_days and numbers.utilization is not None]
    if checked:
        highlights.append("Specialist work fits its people: " + "; ".join(
            f"{role} {_days(numbers.demand_days)} of {_days(numbers.usable_days)} days"
            for role, numbers in checked))
    return Showcase(title=plan.team, problem=problem, produced=produced,
                    highlights=tuple(highlights))
