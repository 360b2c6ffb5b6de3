"""The STAR stories' figures: each story's parts, and the path's skills they cover."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pmpath.kinds.base import Context, Figures
from pmpath.kinds.common import PLACEHOLDER
from pmpath.kinds.star_stories.model import StarStories
from pmpath.kinds.star_stories.rules import (
    PARTS,
    held_back,
    is_quantified,
    numbers_in,
    says_i,
    skill_id,
    words,
    written,
)


@dataclass(frozen=True)
class StoryCard:
    title: str
    skill: str | None
    """The skill tag as an id (risk-management), or None when none is given."""
    skill_as_written: str
    """The tag as the learner wrote it (it may still be the template's placeholder)."""
    path_skill: bool
    """Whether the tag is one of the path's skills (True when the path is not known)."""
    words: dict[str, int]
    """Words in each part: situation, task, action, result."""
    written: dict[str, bool]
    """Whether each part is written (a placeholder counts as written)."""
    quantified: bool
    says_i: bool
    texts: dict[str, str]
    """Each part as written, for the picture."""
    number_spans: tuple[tuple[int, int], ...]
    """Where the figures are in the result, for the picture to highlight."""

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "skill": self.skill, "words": dict(self.words),
                "quantified": self.quantified, "says_i": self.says_i}


@dataclass(frozen=True)
class StarFigures(Figures):
    stories: list[StoryCard]
    skills_shown: list[str]
    """Every skill tag the stories carry, as ids, in the order they first appear."""
    skills_covered: list[str]
    """The path's skills at least one story shows, in the path's order."""
    skills_not_covered: list[str]
    """The path's skills no story shows yet."""
    other_tags: list[str]
    """Skill tags that are not skills of the path (a typo, or a skill of your own); empty
    when the path is not known (grading without a curriculum)."""
    min_stories: int
    suggestions: dict[str, str]
    """For a tag outside the path, the path skill it most likely means."""

    _internal = ("min_stories", "suggestions")


def closest_skill(tag: str, skills: list[str]) -> str | None:
    """The path skill ``tag`` most likely means: one that contains it (stakeholders →
    stakeholder-communication), else the closest spelling (risk-managment)."""
    import difflib

    stem = tag.rstrip("s")
    containing = [skill for skill in skills if stem and stem in skill]
    if len(containing) == 1:
        return containing[0]
    close = difflib.get_close_matches(tag, skills, n=1, cutoff=0.6)
    return close[0] if close else None


def figures(doc: StarStories, ctx: Context) -> StarFigures:
    cards: list[StoryCard] = []
    path_skills = list(ctx.path_skills)
    tags: list[str] = []
    for index, story in enumerate(doc.stories):
        tag = skill_id(story.skill)
        if tag is not None and tag not in tags:
            tags.append(tag)
        result = story.result or ""
        title = (story.title or "").strip()
        cards.append(StoryCard(
            title=title if title and not PLACEHOLDER.search(title) else f"Story {index + 1}",
            skill=tag,
            skill_as_written=(story.skill or "").strip(),
            path_skill=tag in path_skills or not path_skills,
            words={part: words(getattr(story, part)) for part in PARTS},
            written={part: written(getattr(story, part)) for part in PARTS},
            quantified=not held_back(result) and is_quantified(result),
            says_i=not held_back(story.action) and says_i(story.action or ""),
            texts={part: " ".join((getattr(story, part) or "").split()) for part in PARTS},
            number_spans=tuple(numbers_in(" ".join(result.split()))),
        ))
    other_tags = [tag for tag in tags if tag not in path_skills] if path_skills else []
    return StarFigures(
        stories=cards,
        skills_shown=tags,
        skills_covered=[skill for skill in path_skills if skill in tags],
        skills_not_covered=[skill for skill in path_skills if skill not in tags],
        other_tags=other_tags,
        min_stories=int(ctx.param("min_stories")),
        suggestions={tag: skill for tag in other_tags
                     if (skill := closest_skill(tag, path_skills)) is not None},
    )
