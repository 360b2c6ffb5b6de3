"""The neutral shape of a portfolio entry: what a kind says of one passed artifact.

A kind declares ``KindSpec.portfolio = "module:function"``; the function turns its
validated model and figures into a :class:`Showcase`, in words for a hiring manager (no
rule ids, no grading terms). ``pmpath portfolio`` lays the showcases out as Markdown or
HTML and knows nothing of any kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Story:
    """A STAR interview story, as the learner wrote it."""

    title: str
    situation: str
    task: str
    action: str
    result: str
    skill: str | None = None
    """The path skill the story shows, by id (risk-management), when tagged."""


@dataclass(frozen=True)
class Showcase:
    """One project of the portfolio."""

    title: str
    """The project's own name: the plan's name, the product, the program, the team."""
    problem: str
    """The problem or goal the artifact answers, in its own words (objective, problem
    statement, sprint goal …)."""
    produced: str
    """What was produced, with its scale: "a 24-task launch plan across 3 phases"."""
    highlights: tuple[str, ...] = ()
    """The key figures, one short sentence each (critical path and the odds of meeting
    the deadline, utilisation, say/do ratio, top risks, RICE ranking …)."""
    stories: tuple[Story, ...] = ()
    """Interview stories: an artifact of STAR stories gives these and no project."""


def plural(count: float, word: str, many: str | None = None) -> str:
    """``3 risks``, ``1 risk``, ``1,200 tasks``."""
    shown = f"{count:,}" if count == int(count) else f"{count:,.1f}"
    return f"{shown} {word if count == 1 else (many or word + 's')}"


def percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def sentences(text: str | None, most: int = 2, limit: int = 420) -> str:
    """The first ``most`` sentences of ``text`` (whitespace folded), cut at ``limit``."""
    if not text:
        return ""
    folded = " ".join(str(text).split())
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9“\"])", folded)
    kept = " ".join(parts[:most])
    if len(kept) > limit:
        kept = kept[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return kept


def listing(names: list[str], most: int = 3) -> str:
    """``A, B and C``; longer lists end with "and N more"."""
    names = [name for name in names if name]
    if len(names) > most:
        return ", ".join(names[:most]) + f" and {len(names) - most} more"
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
