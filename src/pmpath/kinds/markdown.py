"""The shared reader of the Markdown kinds (trd, team charter), on markdown-it-py.

The front matter is read by the engine through the same safe YAML path as the YAML
kinds (``core.documents``); this module reads the body: headings with their line
numbers, the section under each heading, and the list items in it. Line numbers
are those of the whole file, so findings can say "line 42".

A section runs from its heading to the next heading of the same or a higher level,
so a ``##`` section includes its ``###`` sub-sections.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int


@dataclass(frozen=True)
class ListItem:
    text: str
    """The item's own text (its first paragraph), continuation lines joined by spaces."""
    line: int
    depth: int = 0
    """0 for a top-level item, 1 for an item nested in another, …"""


@dataclass
class Section:
    heading: Heading
    items: list[ListItem] = field(default_factory=list)
    text: str = ""
    """All the prose and list text under the heading (sub-sections included)."""

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))

    @property
    def title(self) -> str:
        return self.heading.text


@dataclass
class MarkdownBody:
    headings: list[Heading]
    sections: list[Section]
    items: list[ListItem]
    """Every list item in the body, in order."""

    def section(self, names: Iterable[str], level: int | None = None) -> Section | None:
        """The first section whose heading is one of ``names`` (compared without case,
        surrounding punctuation or a leading number such as "3." or "3)")."""
        wanted = {normalise_heading(name) for name in names}
        for section in self.sections:
            if level is not None and section.heading.level != level:
                continue
            if normalise_heading(section.heading.text) in wanted:
                return section
        return None


def normalise_heading(text: str) -> str:
    text = re.sub(r"^\s*\d+(\.\d+)*[.)]?\s+", "", text)
    return re.sub(r"\s+", " ", text.strip(" \t#:.").lower().replace("&", "and"))


def read_markdown(body: str, first_line: int = 1) -> MarkdownBody:
    """Headings, sections and list items of ``body``, whose first line is ``first_line``
    of the file."""
    from markdown_it import MarkdownIt

    # Only the block structure is read (each inline token's content, never its
    # children), so the inline parser is left out.
    tokens = MarkdownIt("commonmark").disable(["inline", "text_join"]).parse(body)
    headings: list[Heading] = []
    items: list[ListItem] = []
    # (heading index, text pieces, items) gathered per heading as the tokens go by.
    texts: list[list[str]] = []
    owned: list[list[ListItem]] = []
    current = -1
    depth = -1
    pending_item: int | None = None
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            inline = tokens[index + 1]
            line = (token.map[0] if token.map else 0) + first_line
            headings.append(Heading(int(token.tag[1:]), inline.content.strip(), line))
            texts.append([])
            owned.append([])
            current = len(headings) - 1
            continue
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif token.type == "list_item_open":
            pending_item = (token.map[0] if token.map else 0) + first_line
        elif token.type == "inline":
            if index > 0 and tokens[index - 1].type == "heading_open":
                continue
            content = " ".join(part.strip() for part in token.content.splitlines())
            if pending_item is not None:
                item = ListItem(content, pending_item, max(depth, 0))
                items.append(item)
                if current >= 0:
                    owned[current].append(item)
                pending_item = None
            if current >= 0:
                texts[current].append(content)
    sections = []
    for position, heading in enumerate(headings):
        pieces, section_items = list(texts[position]), list(owned[position])
        for later in range(position + 1, len(headings)):
            if headings[later].level <= heading.level:
                break
            pieces.extend(texts[later])
            section_items.extend(owned[later])
        sections.append(Section(heading, section_items, "\n".join(pieces)))
    return MarkdownBody(headings, sections, items)
