"""Launch plan (skill 3): take a product from beta to general availability in about
three months.

Tasks are scheduled as early as their dependencies allow on working days (the
schedule is a fact, computed once and shared by the rules, the figures and
``pmpath schedule``). The rules check that the plan can be scheduled, fits before GA
inside the launch window and within each team's capacity; that every phase has
measurable exit criteria; that the rollout climbs to 100% by GA on working days and
only after the second phase has started; and that the go/no-go comes before GA and
before most customers have the product.
"""

from pmpath.kinds.base import KindSpec, Param
from pmpath.kinds.launch_plan.figures import figures
from pmpath.kinds.launch_plan.model import LaunchPlan
from pmpath.kinds.launch_plan.rules import BOOK
from pmpath.kinds.launch_plan.schedule import calendar_fact, schedule_fact

SPEC = KindSpec(
    kind="launch-plan",
    model=LaunchPlan,
    rules=BOOK,
    figures=figures,
    facts={"calendar": calendar_fact, "schedule": schedule_fact},
    params={"months": Param(int, 3, "the most calendar months from the start to GA")},
    scheduler="pmpath.kinds.launch_plan.schedule:schedule",
    schedule_renderer="pmpath.kinds.launch_plan.render:show_schedule",
    renderer="pmpath.kinds.launch_plan.render:render",
    svg="pmpath.export.pictures:launch_gantt",
    portfolio="pmpath.kinds.launch_plan.portfolio:showcase",
    exports={"ics": "pmpath.kinds.launch_plan.export:events",
             "mermaid": "pmpath.kinds.launch_plan.export:gantt"},
    template_values="pmpath.kinds.launch_plan.template:template_values",
)
