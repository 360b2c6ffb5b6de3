"""The team charter's figures: the section checklist, the number of working agreements,
who has signed and who has not, and the team's communication channels."""

from __future__ import annotations

from dataclasses import dataclass

from pmpath.analysis.communication import communication_channels
from pmpath.kinds.base import Context, Figures
from pmpath.kinds.required_sections import ChecklistRow, checklist_rows, matched
from pmpath.kinds.team_charter.model import TeamCharter
from pmpath.kinds.team_charter.rules import SignOff, agreements_in


@dataclass(frozen=True)
class CharterFigures(Figures):
    sections_found: list[str]
    """Required sections present as '##' headings (filled in or not)."""
    sections_missing: list[str]
    sections_empty: list[str]
    agreements: int
    """Working agreements: the outermost list items under Working agreements."""
    min_agreements: int
    signed: list[str]
    unsigned: list[str]
    team_size: int
    communication_channels: int
    """n(n − 1)/2 one-to-one channels among the team's members (PMBOK Guide)."""
    checklist: list[ChecklistRow]
    min_words: int

    _internal = ("checklist", "min_words")


def figures(charter: TeamCharter, ctx: Context) -> CharterFigures:
    least = int(ctx.threshold("charter.sections", "min_words"))
    checklist = checklist_rows(ctx.fact("sections"))
    working = matched(ctx, "Working agreements")
    agreements = (len(agreements_in(working.section))
                  if working is not None and working.section is not None else 0)
    sign_off: SignOff = ctx.fact("sign_off")
    size = len(sign_off.members)
    return CharterFigures(
        sections_found=[row.section for row in checklist if row.line is not None],
        sections_missing=[row.section for row in checklist if row.line is None],
        sections_empty=[row.section for row in checklist
                        if row.line is not None and row.words < least],
        agreements=agreements, min_agreements=int(ctx.param("min_agreements")),
        signed=list(sign_off.signed), unsigned=list(sign_off.unsigned), team_size=size,
        communication_channels=communication_channels(size), checklist=checklist,
        min_words=least)
