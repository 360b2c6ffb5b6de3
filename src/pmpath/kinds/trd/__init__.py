"""Technical requirements document (skill 7): a Markdown TRD for a new feature.

The front matter says what the document is and where it stands; the body holds the
fifteen required sections, the numbered requirements (``FR-n``, ``NFR-n``) and the
acceptance criteria that verify them (``AC-n (FR-2): Given … when … then …``). The
rules check that every section is there and substantial, that requirements are
binding ("shall"), precise (no weak words) and measurable, that every functional
requirement is traced to an acceptance criterion, and that the document says what it
will not do and what else was considered. ``render`` draws the section checklist and
the traceability table.
"""

from pmpath.kinds.base import KindSpec, Param
from pmpath.kinds.trd.figures import figures
from pmpath.kinds.trd.model import Trd
from pmpath.kinds.trd.rules import BOOK, FACTS, SECTIONS, THRESHOLDS

SPEC = KindSpec(
    kind="trd",
    model=Trd,
    rules=BOOK,
    thresholds=THRESHOLDS,
    figures=figures,
    facts=FACTS,
    params={"sections": Param(
        list, [list(names) for names in SECTIONS],
        "the required '##' sections, each a list: the section's name, then any synonyms "
        "that also count")},
    renderer="pmpath.kinds.trd.render:render",
    svg="pmpath.export.pictures:trd_checklist",
    portfolio="pmpath.kinds.trd.portfolio:showcase",
    markdown=True,
)
