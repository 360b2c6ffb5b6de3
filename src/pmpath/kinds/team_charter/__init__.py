"""Team charter (skill 5, leading without authority): the agreement a team writes
together about why it exists and how it works.

The front matter lists the team; the Markdown body holds the ten required sections,
from Purpose to Sign-off. The rules check that every section is there and filled in,
that the working agreements are at least five concrete list items, and that every
member of the team has signed. ``render`` draws the section checklist and the
sign-off list.
"""

from pmpath.kinds.base import KindSpec, Param
from pmpath.kinds.team_charter.figures import figures
from pmpath.kinds.team_charter.model import TeamCharter
from pmpath.kinds.team_charter.rules import BOOK, FACTS, SECTIONS, THRESHOLDS

SPEC = KindSpec(
    kind="team-charter",
    model=TeamCharter,
    rules=BOOK,
    thresholds=THRESHOLDS,
    figures=figures,
    facts=FACTS,
    params={
        "sections": Param(list, [list(names) for names in SECTIONS],
                          "the required '##' sections, each a list: the section's name, "
                          "then any synonyms that also count"),
        "min_agreements": Param(int, 5, "the fewest working agreements the charter lists"),
    },
    renderer="pmpath.kinds.team_charter.render:render",
    svg="pmpath.export.pictures:charter_checklist",
    portfolio="pmpath.kinds.team_charter.portfolio:showcase",
    markdown=True,
)
