"""What the portfolio says of a passed team charter."""

from __future__ import annotations

from pmpath.export.showcase import Showcase, plural, sentences
from pmpath.kinds.markdown import read_markdown
from pmpath.kinds.team_charter.figures import CharterFigures
from pmpath.kinds.team_charter.model import TeamCharter


def showcase(charter: TeamCharter, figures: CharterFigures, body: str = "") -> Showcase:
    title = (charter.team_name or "Team charter").strip()
    purpose = read_markdown(body).section(["Purpose"]) if body else None
    problem = sentences(purpose.text, 2) if purpose is not None else \
        "Agree, as a team, why we exist and how we work together."
    produced = (f"a team charter written with {plural(figures.team_size, 'person', 'people')}: "
                f"{len(figures.sections_found)} sections from purpose to sign-off and "
                f"{plural(figures.agreements, 'working agreement')}")
    highlights = [f"Signed off by all {figures.team_size} members" if not figures.unsigned
                  else f"Signed off by {len(figures.signed)} of {figures.team_size} members",
                  f"{figures.communication_channels} one-to-one communication channels in a "
                  f"team of {figures.team_size}, which is why the charter sets how we talk"]
    return Showcase(title=title, problem=problem, produced=produced,
                    highlights=tuple(highlights))
