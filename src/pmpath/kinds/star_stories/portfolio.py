"""What the portfolio takes from passed STAR stories: the stories themselves, told in full."""

from __future__ import annotations

from pmpath.export.showcase import Showcase, Story
from pmpath.kinds.star_stories.figures import StarFigures
from pmpath.kinds.star_stories.model import StarStories


def showcase(doc: StarStories, figures: StarFigures, body: str = "") -> Showcase:
    stories = tuple(Story(title=card.title, skill=card.skill,
                          situation=card.texts.get("situation", ""),
                          task=card.texts.get("task", ""), action=card.texts.get("action", ""),
                          result=card.texts.get("result", ""))
                    for card in figures.stories)
    return Showcase(title="", problem="", produced="", stories=stories)
