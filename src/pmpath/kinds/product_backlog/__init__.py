"""Product backlog (skill 2): the ordered list of work a Scrum team plans its sprints from.

Each item has an id, a type (story, bug, task or spike), a priority no other item
shares, points on the team's scale and, for stories and bugs, acceptance criteria.
The figures count the items and their points and rank them for the picture drawn by
``render``, with a running total of points from the top, and for ``export``, which
hands them to `pmpath export jira-csv` as work items.

The curriculum ships a sample backlog (its model answer) that the sprint exercise is
planned from: the exercise lists this kind among its ``companions``, so `pmpath new`
writes the sample beside the sprint.
"""

from pmpath.kinds.base import KindSpec
from pmpath.kinds.product_backlog.figures import figures
from pmpath.kinds.product_backlog.model import ProductBacklog
from pmpath.kinds.product_backlog.rules import BOOK, THRESHOLDS

SPEC = KindSpec(
    kind="product-backlog",
    model=ProductBacklog,
    rules=BOOK,
    thresholds=THRESHOLDS,
    figures=figures,
    renderer="pmpath.kinds.product_backlog.render:render",
    exports={"jira-csv": "pmpath.kinds.product_backlog.export:work_items"},
)
