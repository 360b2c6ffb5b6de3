"""The STAR stories' rules, each bound to its check, and the wording they read.

What counts as a number in a result (star.quantified), exactly:

- any digit: ``2 weeks``, ``30%``, ``$40,000``, ``1.5 days``, ``3x``, ``Q3``;
- a number word, compared without case: zero, two to twenty, thirty … ninety,
  hundred(s), thousand(s), million(s), billion(s), dozen(s), half, halved, twice,
  double(d), triple(d), quadrupled ("double-checked" is not a number).

"one" does not count, because in a result it is mostly not a quantity ("one of our
biggest clients"); a learner who means 1 is told to write 1. Ordinals and fractions
such as "a third" or "a quarter" do not count either ("third attempt", "next quarter").

"I" (star.ownership) is the capital letter I standing alone as a word, including
I'm, I've, I'd and I'll, or a lower-case i written the same way (``i called``); the
i of "i.e." and the I of "I.T." are not. A part still holding a template placeholder
is left to common.placeholder and is not judged here.
"""

from __future__ import annotations

import re

from pmpath.kinds.base import Context, Found, Rule, RuleBook, path_of
from pmpath.kinds.common import PLACEHOLDER
from pmpath.kinds.star_stories.model import StarStories, Story

PARTS = ("situation", "task", "action", "result")
PART_HELP = {
    "situation": "two or three sentences of context (where you were, when, and what was "
                 "at stake)",
    "task": "what you were responsible for, the goal you were given or took on",
    "action": "what you did, step by step, each step starting with 'I'",
    "result": "what changed because of what you did, with a number (time, money, a "
              "percentage or a count)",
}

_NUMBER_WORD = (r"zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|"
                r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|"
                r"millions?|billions?|dozens?|half|halved|twice|doubled|tripled|quadrupled|"
                r"double(?!-)|triple(?!-)")
_PERCENT = r"(?:\s?%|\s(?:percent|per\scent)\b)?"
NUMBER = re.compile(
    rf"(?:[$€£¥]\s?)?\d+(?:[.,]\d+)*(?:%|(?:k|m|bn|x)\b)?{_PERCENT}"
    rf"|\b(?:{_NUMBER_WORD})\b{_PERCENT}",
    re.IGNORECASE)
"""A figure in a result: digits (with a currency sign, a thousands separator, a decimal
point, k/m/bn, x or a percent sign) or a number word."""
FIRST_PERSON = re.compile(r"(?<![\w'’.-])I(?![\w-]|\.\w)|(?<![\w'’.-])i(?=['’]|\s)")
WE = re.compile(r"\bwe\b", re.IGNORECASE)
WE_DID = re.compile(r"\b[Ww]e\s+([a-z]+)")
SHOWN_CHARACTERS = 70


def numbers_in(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every figure in ``text``, in order."""
    return [match.span() for match in NUMBER.finditer(text)]


def is_quantified(text: str) -> bool:
    return NUMBER.search(text) is not None


def says_i(text: str) -> bool:
    return FIRST_PERSON.search(text) is not None


def written(text: str | None) -> bool:
    return bool(text and text.strip())


def held_back(text: str | None) -> bool:
    """A part not judged yet: empty (star.complete) or a placeholder (common.placeholder)."""
    return not written(text) or PLACEHOLDER.search(text or "") is not None


def words(text: str | None) -> int:
    return len(text.split()) if text else 0


def label(story: Story, index: int) -> str:
    """'story 2 ('The vendor who went quiet')' or 'story 2'."""
    title = (story.title or "").strip()
    if title and not PLACEHOLDER.search(title):
        return f"story {index + 1} ('{title}')"
    return f"story {index + 1}"


def shown(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SHOWN_CHARACTERS else flat[:SHOWN_CHARACTERS - 1] + "…"


def skill_id(tag: str | None) -> str | None:
    """A skill tag as an id: 'Risk Management' and 'risk_management' are risk-management."""
    if not tag or PLACEHOLDER.search(tag):
        return None
    return re.sub(r"[\s_]+", "-", tag.strip().lower()) or None


RULES: tuple[Rule, ...] = (
    Rule(
        id="star.count",
        severity="error",
        title="There are at least three stories",
        rationale=(
            "A behavioural interview asks five to eight 'tell me about a time…' questions. "
            "Three well-rehearsed stories, each showing a different strength, can be bent "
            "to answer most of them; with one or two you end up telling the same story "
            "twice, or improvising."
        ),
        hint="Add stories until you have the exercise's number (3 unless your course says "
             "otherwise): a release you rescued, a risk you caught early, a conflict you "
             "resolved.",
        passes="stories: [{title: Payroll release}, {title: Vendor risk}, "
               "{title: Two managers, one tester}]",
        fails="stories: [{title: Payroll release}]",
        weight=2,
    ),
    Rule(
        id="star.complete",
        severity="error",
        title="Every story has its situation, task, action and result",
        rationale=(
            "STAR is the shape interviewers listen for: the situation sets the scene, the "
            "task says what was yours to do, the action is what you did and the result is "
            "what changed. A story that skips a part leaves the interviewer guessing, and "
            "the part most often skipped, the result, is the one they remember."
        ),
        hint="Write all four parts of every story: situation, task, action and result.",
        passes="situation: Payroll upgrade two weeks from go-live\ntask: Get it live on time\n"
               "action: I re-planned the tests…\nresult: Live on the date; 1,200 staff paid",
        fails="situation: Payroll upgrade two weeks from go-live\ntask: Get it live on time\n"
              "action: I re-planned the tests…\nresult: ''",
        weight=3,
    ),
    Rule(
        id="star.quantified",
        severity="error",
        title="Every result has a number",
        rationale=(
            "'It went well' is forgotten by the next interview; '2 weeks early', '30% fewer "
            "support tickets' or '$40,000 saved' is what the panel writes down and repeats "
            "when they decide. A number also proves you measured the outcome, which is "
            "itself a project manager's habit. Digits count, and so do number words such "
            "as three, twenty, half or twice; 'one' alone does not (write 1)."
        ),
        hint="Put a number in the result: time (2 weeks early), money ($40,000), a "
             "percentage (30% fewer tickets) or a count (12 new starters).",
        passes="result: Went live on the planned date; 1,200 staff were paid correctly",
        fails="result: The release went well and the client was happy",
        weight=3,
    ),
    Rule(
        id="star.ownership",
        severity="warning",
        title="The action says what you did, with 'I'",
        rationale=(
            "The panel is hiring you, not your old team. An action told only as 'we did…' "
            "is the classic interview mistake: the interviewer cannot tell what was yours, "
            "and assumes it was not much. Say 'I' for what you did yourself and keep 'we' "
            "for what the team did together."
        ),
        hint="Rewrite the action with 'I': 'I called the vendor and agreed a fix date', "
             "not 'we reached out to the vendor'.",
        passes="action: I split the test plan in two and I ran the go/no-go call",
        fails="action: We split the test plan in two and we ran the go/no-go call",
        weight=1,
    ),
)

BOOK = RuleBook(RULES)


@BOOK.check("star.count")
def enough_stories(doc: StarStories, ctx: Context, found: Found) -> None:
    least = int(ctx.param("min_stories"))
    count = len(doc.stories)
    if count >= least:
        return
    missing = least - count
    shown_skills = {skill_id(story.skill) for story in doc.stories}
    untold = [skill for skill in ctx.path_skills if skill not in shown_skills]
    ideas = (f"e.g. one about {' or '.join(untold[:2])}, which no story shows yet"
             if untold else
             "e.g. a release you rescued, a risk you caught early or a conflict you resolved")
    found("stories",
          f"the file has {count} stor{'y' if count == 1 else 'ies'}; this exercise asks for "
          f"at least {least}",
          hint=f"add {missing} more stor{'y' if missing == 1 else 'ies'} with all four parts, "
               f"{ideas}")


@BOOK.check("star.complete")
def four_parts(doc: StarStories, ctx: Context, found: Found) -> None:
    for index, story in enumerate(doc.stories):
        for part in PARTS:
            if not written(getattr(story, part)):
                found(path_of("stories", index, part), f"{label(story, index)} has no {part}",
                      hint=f"write the {part}: {PART_HELP[part]}")


@BOOK.check("star.quantified")
def results_have_numbers(doc: StarStories, ctx: Context, found: Found) -> None:
    for index, story in enumerate(doc.stories):
        result = story.result
        if held_back(result) or is_quantified(result or ""):
            continue
        found(path_of("stories", index, "result"),
              f"the result of {label(story, index)} has no number: '{shown(result or '')}'",
              hint="add the figure that shows the change: time (went live 2 weeks early), "
                   "money ($40,000 saved), a share (30% fewer tickets) or a count (12 new "
                   "starters); an honest estimate you can explain is fine. Digits count, and "
                   "words like three, half or twice; 'one' alone does not, so write 1")


@BOOK.check("star.ownership")
def action_says_i(doc: StarStories, ctx: Context, found: Found) -> None:
    for index, story in enumerate(doc.stories):
        action = story.action
        if held_back(action) or says_i(action or ""):
            continue
        text = action or ""
        we_count = len(WE.findall(text))
        if we_count:
            message = (f"the action of {label(story, index)} says \"we\" {we_count} "
                       f"time{'s' if we_count != 1 else ''} and never \"I\"")
        else:
            message = f"the action of {label(story, index)} never says \"I\""
        example = WE_DID.search(text)
        if example:
            hint = (f"say what you did yourself: turn \"{example.group(0)}\" into "
                    f"\"I {example.group(1)}\" where it was you, and keep \"we\" for what the "
                    "team did together")
        else:
            hint = ("say what you did yourself, starting each step with 'I': 'I called the "
                    "vendor and agreed a fix date'")
        found(path_of("stories", index, "action"), message, hint=hint)
