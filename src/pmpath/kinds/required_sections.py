"""The required ``##`` sections of a Markdown kind: which are there, which are not, and
which missing one the writer probably meant by a heading spelt or levelled differently.

A kind lists its sections as data (an exercise parameter), each a name followed by
the synonyms that also count, e.g. ``["Problem", "Background", "Motivation"]``.
Headings are compared as :func:`pmpath.kinds.markdown.normalise_heading` compares
them (without case, numbering or surrounding punctuation). A heading that is not a
required section but nearly matches a missing one (``## Non goals`` for Non-goals,
``### Goals`` one level too deep, ``## Sucess metrics``) is reported as a near miss,
so the finding can say exactly what to rename.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pmpath.kinds.base import Context, Found
from pmpath.kinds.markdown import (
    Heading,
    MarkdownBody,
    Section,
    normalise_heading,
    read_markdown,
)

NEAR_MISS_SIMILARITY = 0.8
"""How alike (0–1, difflib's ratio on letters and digits only) a heading must be to a
missing section's name to be taken for it: catches typos and singular/plural, not
different sections ('Goals' and 'Non-goals' are 0.77 alike)."""


@dataclass(frozen=True)
class Required:
    name: str
    synonyms: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.synonyms)

    @property
    def heading(self) -> str:
        return f"## {self.name}"


def required_sections(value: Any) -> tuple[Required, ...]:
    """The sections an exercise asks for, from its parameter: each entry a name or a list
    [name, synonym, …]; entries that are neither are left out."""
    sections = []
    for entry in value or ():
        if isinstance(entry, str) and entry.strip():
            sections.append(Required(entry.strip()))
        elif isinstance(entry, (list, tuple)):
            names = [name.strip() for name in entry if isinstance(name, str) and name.strip()]
            if names:
                sections.append(Required(names[0], tuple(names[1:])))
    return tuple(sections)


@dataclass(frozen=True)
class SectionMatch:
    required: Required
    section: Section | None
    """The ``##`` section with the name or a synonym, or None when it is missing."""
    near_miss: Heading | None = None
    """For a missing section, the heading that was probably meant to be it."""
    insert_line: int = 1
    """For a missing section, where it belongs: the line of the next required section
    that is present (or the file's last line)."""
    insert_before: str | None = None
    """The heading of that next section, when there is one."""

    @property
    def found(self) -> bool:
        return self.section is not None

    @property
    def words(self) -> int:
        return self.section.words if self.section is not None else 0

    @property
    def line(self) -> int | None:
        return self.section.heading.line if self.section is not None else None


def written(heading: Heading) -> str:
    """A heading as it is written in the file: '### Non goals'."""
    return f"{'#' * heading.level} {heading.text}"


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", normalise_heading(text))


def _likeness(heading: Heading, required: Required) -> float:
    """1.0 when only spacing, punctuation or level differ; else difflib's ratio."""
    key = _letters(heading.text)
    best = 0.0
    for name in required.names:
        wanted = _letters(name)
        if key == wanted:
            return 1.0
        best = max(best, difflib.SequenceMatcher(None, key, wanted).ratio())
    return best


def match_sections(body: MarkdownBody, required: Iterable[Required], last_line: int,
                   level: int = 2) -> list[SectionMatch]:
    """One :class:`SectionMatch` per required section, in the order required."""
    wanted = list(required)
    found: list[Section | None] = [body.section(item.names, level=level) for item in wanted]
    used = {id(section.heading) for section in found if section is not None}
    spare = [heading for heading in body.headings if id(heading) not in used]

    # Pair each missing section with its most alike spare heading, most alike first.
    pairs = sorted(((_likeness(heading, wanted[index]), -heading.line, index, heading)
                    for index, section in enumerate(found) if section is None
                    for heading in spare), key=lambda pair: pair[:3], reverse=True)
    near: dict[int, Heading] = {}
    taken: set[int] = set()
    for likeness, _line, index, heading in pairs:
        if likeness < NEAR_MISS_SIMILARITY:
            break
        if index in near or id(heading) in taken:
            continue
        near[index] = heading
        taken.add(id(heading))

    matches = []
    for index, item in enumerate(wanted):
        section = found[index]
        if section is not None:
            matches.append(SectionMatch(item, section))
            continue
        later = next((found[after] for after in range(index + 1, len(wanted))
                      if found[after] is not None), None)
        matches.append(SectionMatch(
            item, None, near_miss=near.get(index),
            insert_line=later.heading.line if later is not None else last_line,
            insert_before=written(later.heading) if later is not None else None))
    return matches


def missing_message(match: SectionMatch) -> tuple[int, str, str]:
    """(line, message, how to fix) for a required section that is not there. The fix of a
    section that is simply absent ends where the kind can add "and write under it …"."""
    item = match.required
    heading = match.near_miss
    if heading is not None:
        same_words = any(_letters(heading.text) == _letters(name) for name in item.names)
        if heading.level != 2 and same_words:
            fix = f"make it a level-2 heading: '{item.heading}'"
        elif heading.level != 2:
            fix = f"make it '{item.heading}'"
        else:
            fix = f"name it '{item.name}'"
        return (heading.line,
                f"there is no '{item.heading}' section; found '{written(heading)}' at line "
                f"{heading.line} — {fix}",
                f"change line {heading.line} to '{item.heading}' so readers (and pmpath) find "
                "it under its usual name")
    where = (f"before '{match.insert_before}' (line {match.insert_line})"
             if match.insert_before else "at the end")
    also = ""
    if item.synonyms:
        also = " (" + " or ".join(f"'## {name}'" for name in item.synonyms) + " also counts)"
    return (match.insert_line, f"there is no '{item.heading}' section",
            f"add a '{item.heading}' heading{also} {where}")


# -- what the Markdown kinds share: facts, one check and the checklist ---------------------

def body_of(model: Any, ctx: Context) -> MarkdownBody:
    """The ``body`` fact: the Markdown after the front matter, with file line numbers."""
    return read_markdown(ctx.body, ctx.body_line)


def last_line(ctx: Context) -> int:
    """The file's last line (where a section missing at the end belongs)."""
    return ctx.body_line + max(len(ctx.body.splitlines()) - 1, 0)


def sections_of(model: Any, ctx: Context) -> list[SectionMatch]:
    """The ``sections`` fact: each required section (the ``sections`` parameter) matched
    against the body's headings."""
    return match_sections(ctx.fact("body"), required_sections(ctx.param("sections")),
                          last_line(ctx))


def matched(ctx: Context, name: str) -> SectionMatch | None:
    """The match of the required section called ``name`` (None if it is not required)."""
    for match in ctx.fact("sections"):
        if match.required.name.lower() == name.lower():
            return match
    return None


def check_sections(ctx: Context, rule_id: str, purposes: Mapping[str, str],
                   found: Found) -> None:
    """The ``<kind>.sections`` check: each required section is there and has at least the
    rubric's ``min_words``; ``purposes`` says what each section is for (by its normalised
    name), so the fix can say what to write."""
    least = int(ctx.threshold(rule_id, "min_words"))
    for match in ctx.fact("sections"):
        why = purposes.get(normalise_heading(match.required.name), "")
        if not match.found:
            line, message, fix = missing_message(match)
            if why and match.near_miss is None:
                fix = f"{fix} and write under it {why}"
            found(f"line {line}", message, hint=fix)
        elif match.words < least:
            title, words = match.section.heading.text, match.words
            if words == 0:
                found(f"line {match.line}", f"the '{title}' section is empty",
                      hint=f"write under it {why}" if why else
                      f"write at least {least} words under it")
            else:
                found(f"line {match.line}",
                      f"the '{title}' section has {words} word{'s' if words != 1 else ''}; "
                      f"write at least {least}",
                      hint=(f"add {least - words} or more words on {why}" if why else
                            f"add {least - words} or more words"))


@dataclass(frozen=True)
class ChecklistRow:
    """One required section as the figures list it."""

    section: str
    line: int | None
    """The heading's line, or None when the section is missing."""
    words: int
    near_miss: str | None = None
    """For a missing section, the heading probably meant, as written: '## Non goals'."""
    near_miss_line: int | None = None


def checklist_rows(matches: Iterable[SectionMatch]) -> list[ChecklistRow]:
    """The figures' checklist: one row per required section, in the kind's order."""
    rows = []
    for match in matches:
        near = match.near_miss
        rows.append(ChecklistRow(match.required.name, match.line, match.words,
                                 written(near) if near is not None else None,
                                 near.line if near is not None else None))
    return rows
