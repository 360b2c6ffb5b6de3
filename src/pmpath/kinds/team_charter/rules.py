"""The team charter's rules, each bound to its check.

The body is read once, through the shared Markdown reader, into the facts the rules
share: the body and the required sections matched against its headings. Names are
compared without case or accents, so 'José Álvarez' in the team signs as 'jose
alvarez — 2027-01-12'.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from pmpath.kinds.base import Context, Found, Rule, RuleBook
from pmpath.kinds.common import PLACEHOLDER
from pmpath.kinds.markdown import Section
from pmpath.kinds.required_sections import (
    body_of,
    check_sections,
    matched,
    sections_of,
)
from pmpath.kinds.team_charter.model import TeamCharter

SECTIONS: tuple[tuple[str, ...], ...] = (
    ("Purpose", "Mission"),
    ("Goals", "Objectives"),
    ("Roles", "Roles and responsibilities"),
    ("Working agreements", "Ground rules", "Team norms"),
    ("Decision making", "Decision-making"),
    ("Communication",),
    ("Meetings",),
    ("Conflict resolution",),
    ("Psychological safety",),
    ("Sign-off", "Signatures"),
)
"""The required ``##`` sections, each its name then the synonyms that also count: the
default of the exercise parameter ``sections``."""

PURPOSES: dict[str, str] = {
    "purpose": "why this team exists and who it serves",
    "goals": "what the team will achieve this quarter or half, each with a number or a date",
    "roles": "who does what, by name, including who decides what",
    "working agreements": "the behaviours everyone commits to, as list items someone could "
                          "check",
    "decision making": "how decisions are made (who decides, who is consulted) and where "
                       "they are written down",
    "communication": "which channel is for what, and how quickly people answer",
    "meetings": "each recurring meeting: its purpose, how often, how long and who comes",
    "conflict resolution": "what happens when people disagree: the steps, and who breaks a "
                           "deadlock",
    "psychological safety": "how the team makes it safe to speak up, admit a mistake or "
                            "disagree",
    "sign-off": "each member's name and the date they agreed to the charter",
}
"""What each section is for, said in the finding that asks for it."""

THRESHOLDS: dict[str, dict[str, Any]] = {
    "charter.sections": {"min_words": 1},
}
"""pmpath's defaults for the numbers the rules judge by; ``thresholds`` in
curriculum/rubric.yaml may change them."""

RULES: tuple[Rule, ...] = (
    Rule(
        id="charter.sections",
        severity="error",
        title="Every section of the charter is there and filled in",
        rationale=(
            "A team charter is the team's own answer to the questions that otherwise cause "
            "friction later: why are we here, who does what, how do we decide, talk, meet, "
            "disagree and keep it safe to speak up. A missing or empty section is a question "
            "the team has not answered together yet, and it will be answered in the middle "
            "of a conflict instead."
        ),
        hint="Add the section as a '##' heading and write the team's answer under it.",
        passes="## Decision making\n\nThe person closest to the work decides; decisions "
               "that affect other teams go to the weekly planning meeting …",
        fails="## Decision making\n\n## Communication",
        weight=2,
    ),
    Rule(
        id="charter.agreements",
        severity="error",
        title="At least five working agreements, each a list item",
        rationale=(
            "Working agreements are the behaviours the team commits to, and they only work "
            "when they are specific enough to notice when someone breaks them: 'pull "
            "requests are reviewed within one working day', not 'we respect each other'. "
            "Fewer than five rarely covers how the team reviews, hands over, is reachable "
            "and protects focus time."
        ),
        hint="List each agreement under '## Working agreements' as its own '- ' item, a "
             "behaviour someone could check.",
        passes="- Pull requests are reviewed within one working day.\n- Cameras are optional "
               "…\n(five or more items)",
        fails="We respect each other and communicate well.",
        weight=3,
    ),
    Rule(
        id="charter.sign-off",
        severity="error",
        title="Everyone on the team has signed the charter",
        rationale=(
            "A charter is an agreement, not a memo: it binds only the people who agreed to "
            "it. Leading without authority means you cannot order anyone to follow it, so "
            "each member signs it themselves, and a missing name is a conversation still to "
            "have before the charter means anything."
        ),
        hint="Name every member of 'team' under '## Sign-off', e.g. '- Priya Shah — "
             "2027-01-12'.",
        passes="team: [Priya Shah, Sam Lee]\n…\n## Sign-off\n- Priya Shah — 2027-01-12\n"
               "- Sam Lee — 2027-01-13",
        fails="team: [Priya Shah, Sam Lee]\n…\n## Sign-off\n- Priya Shah — 2027-01-12",
        weight=3,
    ),
)

BOOK = RuleBook(RULES)

# -- facts ----------------------------------------------------------------------------------

def agreements_in(section: Section) -> list[str]:
    """The agreements: the section's outermost list items that hold text."""
    if not section.items:
        return []
    outermost = min(item.depth for item in section.items)
    return [item.text for item in section.items if item.depth == outermost and item.text.strip()]


def comparable(text: str) -> str:
    """Without accents, case or extra spaces: 'José  Álvarez' -> 'jose alvarez'."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.casefold().split())


def name_of(member: str) -> str:
    """The person's name without a role: 'Priya Shah (tech lead)' or 'Priya Shah, tech
    lead' -> 'Priya Shah'."""
    return re.sub(r"\([^)]*\)", " ", member).split(",", 1)[0].strip()


@dataclass(frozen=True)
class SignOff:
    members: tuple[str, ...]
    """The names in ``team`` (roles left out), placeholders and empty entries skipped."""
    signed: tuple[str, ...]
    unsigned: tuple[str, ...]
    section: Section | None


def sign_off_of(charter: TeamCharter, ctx: Context) -> SignOff:
    team = charter.team if isinstance(charter.team, list) else []
    members = tuple(dict.fromkeys(
        name_of(member) for member in team
        if isinstance(member, str) and name_of(member) and not PLACEHOLDER.search(member)))
    match = matched(ctx, "Sign-off")
    section = match.section if match is not None else None
    text = comparable(section.text) if section is not None else ""
    signed, unsigned = [], []
    for member in members:
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, comparable(member).split())) + \
            r"(?!\w)"
        (signed if section is not None and re.search(pattern, text) else unsigned).append(
            member)
    return SignOff(members, tuple(signed), tuple(unsigned), section)


FACTS = {"body": body_of, "sections": sections_of, "sign_off": sign_off_of}


# -- checks ---------------------------------------------------------------------------------

@BOOK.check("charter.sections")
def sections_present(charter: TeamCharter, ctx: Context, found: Found) -> None:
    check_sections(ctx, "charter.sections", PURPOSES, found)


@BOOK.check("charter.agreements")
def enough_agreements(charter: TeamCharter, ctx: Context, found: Found) -> None:
    least = int(ctx.param("min_agreements"))
    match = matched(ctx, "Working agreements")
    if match is None or match.section is None:
        return  # charter.sections asks for the section
    count = len(agreements_in(match.section))
    if count >= least:
        return
    if count == 0 and match.words:
        message = ("the Working agreements section has no list items; each agreement is a "
                   "'- ' item")
        hint = (f"turn the prose into at least {least} list items, one behaviour each, e.g. "
                "'- Pull requests are reviewed within one working day.'")
    else:
        message = (f"the Working agreements section lists {count} agreement"
                   f"{'s' if count != 1 else ''}; the exercise asks for at least {least}")
        more = least - count
        hint = (f"add {more} more, {'each ' if more > 1 else ''}a behaviour someone could "
                "check, e.g. how you review work, hand over, stay reachable, protect focus "
                "time or give feedback")
    found(f"line {match.line}", message, hint=hint)


@BOOK.check("charter.sign-off")
def everyone_signed(charter: TeamCharter, ctx: Context, found: Found) -> None:
    team = charter.team
    if isinstance(team, str):
        found("team", f"team is written as one piece of text ('{team}'), not a list of "
                      "names",
              hint=f"write one name per entry: team: [{team}]" if "," not in team else
              "write one name per entry, e.g. team: [Priya Shah, Sam Lee]")
        return
    if team is not None and not isinstance(team, list):
        found("team", f"team should be a list of names, not {team!r}",
              hint="write one name per line under team:, each starting with '- '")
        return
    entries = list(team or [])
    for index, entry in enumerate(entries):
        if entry is None or (isinstance(entry, str) and not entry.strip()):
            found(f"team[{index}]", f"team entry number {index + 1} is empty",
                  hint="write the member's full name there, or delete the empty entry")
        elif not isinstance(entry, str):
            found(f"team[{index}]", f"team entry number {index + 1} is not a name ({entry!r})",
                  hint="write the member's full name, e.g. Priya Shah (tech lead)")
    if not any(isinstance(entry, str) and entry.strip() for entry in entries):
        found("team", "the team lists nobody, so nobody can sign the charter",
              hint="list every member under team, one full name each, e.g. team: [Priya "
                   "Shah, Sam Lee]")
        return
    sign_off: SignOff = ctx.fact("sign_off")
    if sign_off.section is None:
        return  # charter.sections asks for the section
    line = sign_off.section.heading.line
    for member in sign_off.unsigned:
        found(f"line {line}",
              f"{member} is on the team but is not named under Sign-off",
              hint=f"once {member} has read and agreed to the charter, add '- {member} — "
                   "the date they signed'; if they have not agreed, ask what they would "
                   "change before you call it final")
