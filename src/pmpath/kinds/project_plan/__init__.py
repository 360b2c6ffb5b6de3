"""Project plan (skill 1): a real initiative planned from kickoff through delivery.

The rules check the five lifecycle phases (monitoring alongside execution), the scope,
the traceability of work to deliverables and owners, the three-point estimates and
dependencies, and whether the PERT expected duration fits before the deadline with good
odds. The schedule is one shared fact: the deadline and confidence rules read it, and
``pmpath schedule`` prints the same figures ``check`` reports.
"""

from pmpath.kinds.base import KindSpec
from pmpath.kinds.project_plan.figures import figures
from pmpath.kinds.project_plan.model import ProjectPlan
from pmpath.kinds.project_plan.rules import BOOK
from pmpath.kinds.project_plan.schedule import schedule_fact

SPEC = KindSpec(
    kind="project-plan",
    model=ProjectPlan,
    rules=BOOK,
    figures=figures,
    facts={"schedule": schedule_fact},
    scheduler="pmpath.kinds.project_plan.schedule:schedule",
    schedule_renderer="pmpath.kinds.project_plan.render:show_schedule",
    renderer="pmpath.kinds.project_plan.render:render",
    svg="pmpath.export.pictures:project_gantt",
    portfolio="pmpath.kinds.project_plan.portfolio:showcase",
    exports={"ics": "pmpath.kinds.project_plan.export:events",
             "jira-csv": "pmpath.kinds.project_plan.export:work_items",
             "mermaid": "pmpath.kinds.project_plan.export:gantt"},
    template_values="pmpath.kinds.project_plan.template:template_values",
)
