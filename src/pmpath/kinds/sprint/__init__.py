"""Sprint (skill 2): one two-week Scrum sprint, from planning to retrospective.

The rules check the plan against the team's velocity, that every change to it during
the sprint is recorded where it happened (an item's added_on or removed_on date and
that day's scope_change), that there is one daily entry per working day and that the
burndown adds up, then the review and the retro. The figures feed the burndown drawn
by ``render``; ``forecast`` turns the file into the inputs of `pmpath forecast`.
"""

from pmpath.kinds.base import KindSpec, Param
from pmpath.kinds.sprint.figures import figures
from pmpath.kinds.sprint.model import Sprint
from pmpath.kinds.sprint.rules import BOOK, FACTS, THRESHOLDS

SPEC = KindSpec(
    kind="sprint",
    model=Sprint,
    rules=BOOK,
    thresholds=THRESHOLDS,
    figures=figures,
    facts=FACTS,
    params={"length_days": Param(int, 10, "the sprint's length in working days")},
    renderer="pmpath.kinds.sprint.render:render",
    svg="pmpath.export.pictures:burndown",
    portfolio="pmpath.kinds.sprint.portfolio:showcase",
    forecast_inputs="pmpath.kinds.sprint.forecast:forecast_inputs",
    template_values="pmpath.kinds.sprint.template:template_values",
    exports={"ics": "pmpath.kinds.sprint.export:events",
             "jira-csv": "pmpath.kinds.sprint.export:backlog"},
)
