"""STAR interview stories (the career section): the answers to "tell me about a time…".

Each story is told as situation, task, action and result. The rules check there are
enough stories, that every part is written, that every result has a number, and that
the action says what "I" did rather than only what "we" did. The figures count each
part's words and relate the stories' skill tags to the path's skills; ``render`` draws
each story as a four-row card.
"""

from pmpath.kinds.base import KindSpec, Param
from pmpath.kinds.star_stories.figures import figures
from pmpath.kinds.star_stories.model import StarStories
from pmpath.kinds.star_stories.rules import BOOK

SPEC = KindSpec(
    kind="star-stories",
    model=StarStories,
    rules=BOOK,
    figures=figures,
    params={"min_stories": Param(int, 3, "the fewest stories the file must hold")},
    renderer="pmpath.kinds.star_stories.render:render",
    template_values="pmpath.kinds.star_stories.template:template_values",
)
