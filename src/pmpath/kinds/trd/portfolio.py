"""What the portfolio says of a passed technical requirements document."""

from __future__ import annotations

from pmpath.export.showcase import Showcase, plural, sentences
from pmpath.kinds.markdown import read_markdown
from pmpath.kinds.trd.figures import TrdFigures
from pmpath.kinds.trd.model import Trd


def _minutes(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def showcase(document: Trd, figures: TrdFigures, body: str = "") -> Showcase:
    text = read_markdown(body) if body else None
    section = text.section(["Problem", "Problem statement", "Summary"]) if text else None
    problem = sentences(section.text, 2) if section is not None else ""
    counts = figures.requirement_counts
    produced = (f"a technical requirements document of "
                f"{plural(counts.get('FR', 0), 'functional requirement')} and "
                f"{plural(counts.get('NFR', 0), 'non-functional requirement')}, verified by "
                f"{plural(counts.get('AC', 0), 'acceptance criterion', 'acceptance criteria')}, "
                f"in {len(figures.sections_found)} sections from problem to alternatives")
    traced = len(figures.traceability) - len(figures.untraced)
    highlights = [f"{traced} of {len(figures.traceability)} functional requirements traced to "
                  "acceptance criteria written as given/when/then"]
    for target in figures.availability[:2]:
        highlights.append(f"{target.requirement}: {target.availability_percent:g}% "
                          f"availability allows {_minutes(target.allowed_downtime_minutes)} "
                          f"minutes of downtime in {target.window_days} days")
    return Showcase(title=document.title, problem=problem, produced=produced,
                    highlights=tuple(highlights))
