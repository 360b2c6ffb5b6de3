"""The TRD's figures: the section checklist, the requirement counts, the traceability from
each functional requirement to the acceptance criteria that verify it, the weak words
found, and what each availability target allows in downtime."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from pmpath.analysis.availability import DAY, MONTH, QUARTER, WEEK, YEAR, allowed_downtime
from pmpath.kinds.base import Context, Figures
from pmpath.kinds.required_sections import ChecklistRow, checklist_rows
from pmpath.kinds.trd.model import Trd
from pmpath.kinds.trd.rules import Catalogue, weak_words_in


@dataclass(frozen=True)
class AvailabilityTarget:
    requirement: str
    availability_percent: float
    window_days: int
    """The window the requirement measures over (30 when it names none)."""
    allowed_downtime_minutes: float
    """(1 − availability) × the window, in minutes."""
    allowed_downtime_minutes_per_year: float


@dataclass(frozen=True)
class TrdFigures(Figures):
    sections_found: list[str]
    """Required sections present as '##' headings (long enough or not)."""
    sections_missing: list[str]
    sections_short: list[str]
    """Present, but with fewer words than the rubric asks for."""
    requirement_counts: dict[str, int]
    """{'FR': functional, 'NFR': non-functional, 'AC': acceptance criteria}."""
    traceability: dict[str, list[str]]
    """Each functional requirement -> the acceptance criteria that name it."""
    untraced: list[str]
    """Functional requirements no acceptance criterion names."""
    weak_words: dict[str, list[str]]
    """Requirement id -> the weak words it leans on (only requirements that have some)."""
    availability: list[AvailabilityTarget]
    """Each non-functional requirement with an availability target, and what it allows."""
    checklist: list[ChecklistRow]
    min_words: int

    _internal = ("checklist", "min_words")


AVAILABILITY_WORDS = re.compile(r"\b(availab\w*|uptime)\b", re.IGNORECASE)
PERCENT = re.compile(r"(?<![\w.])(\d{2}(?:\.\d+)?)\s?(?:%|percent\b)", re.IGNORECASE)
WINDOWS: tuple[tuple[re.Pattern[str], timedelta], ...] = (
    (re.compile(r"\b(years?|yearly|annual(ly)?)\b", re.IGNORECASE), YEAR),
    (re.compile(r"\b(quarters?|quarterly)\b", re.IGNORECASE), QUARTER),
    (re.compile(r"\b(months?|monthly)\b", re.IGNORECASE), MONTH),
    (re.compile(r"\b(weeks?|weekly)\b", re.IGNORECASE), WEEK),
    (re.compile(r"\b(days?|daily)\b", re.IGNORECASE), DAY),
)


def availability_target(requirement: str, statement: str) -> AvailabilityTarget | None:
    """The availability a non-functional requirement asks for, if it states one (a
    percentage from 90 up to 100 in a sentence about availability or uptime)."""
    if not AVAILABILITY_WORDS.search(statement):
        return None
    percents = [float(value) for value in PERCENT.findall(statement)
                if 90 <= float(value) <= 100]
    if not percents:
        return None
    target = max(percents)
    window = next((span for pattern, span in WINDOWS if pattern.search(statement)), MONTH)
    return AvailabilityTarget(
        requirement=requirement, availability_percent=target, window_days=window.days,
        allowed_downtime_minutes=allowed_downtime(target, window).total_seconds() / 60,
        allowed_downtime_minutes_per_year=allowed_downtime(target, YEAR).total_seconds() / 60)


def figures(doc: Trd, ctx: Context) -> TrdFigures:
    least = int(ctx.threshold("trd.sections", "min_words"))
    checklist = checklist_rows(ctx.fact("sections"))
    catalogue: Catalogue = ctx.fact("catalogue")
    functional = catalogue.of_type("FR")
    traceability: dict[str, list[str]] = {item.id: [] for item in functional}
    for criterion in catalogue.criteria:
        for name in criterion.names:
            if name in traceability and criterion.id not in traceability[name]:
                traceability[name].append(criterion.id)
    weak = {}
    for item in catalogue.requirements:
        words = weak_words_in(item.statement)
        if words:
            weak[item.id] = [word.lower() for word in words]
    availability = [target for item in catalogue.of_type("NFR")
                    if (target := availability_target(item.id, item.statement)) is not None]
    return TrdFigures(
        sections_found=[row.section for row in checklist if row.line is not None],
        sections_missing=[row.section for row in checklist if row.line is None],
        sections_short=[row.section for row in checklist
                        if row.line is not None and row.words < least],
        requirement_counts={"FR": len(functional), "NFR": len(catalogue.of_type("NFR")),
                            "AC": len(catalogue.criteria)},
        traceability=traceability,
        untraced=[name for name, criteria in traceability.items() if not criteria],
        weak_words=weak, availability=availability, checklist=checklist, min_words=least)
