"""The shared Markdown reader: headings with file line numbers, sections, list items."""

from __future__ import annotations

from pmpath.kinds.markdown import normalise_heading, read_markdown

BODY = """# Checkout TRD

## 1. Goals

Customers pay in one step.

- FR-1: The system shall accept cards
  on every plan.
- FR-2: The system shall send a receipt
  - nested detail

### Stretch
Three more words.

## Non-goals
1. Refunds
"""


def test_headings_carry_the_line_numbers_of_the_file() -> None:
    body = read_markdown(BODY, first_line=7)
    assert [(h.level, h.text, h.line) for h in body.headings] == [
        (1, "Checkout TRD", 7), (2, "1. Goals", 9), (3, "Stretch", 18), (2, "Non-goals", 21)]


def test_sections_include_their_sub_sections_and_items() -> None:
    body = read_markdown(BODY, first_line=1)
    goals = body.section(["goals"])
    assert goals is not None and goals.heading.line == 3
    assert [item.text for item in goals.items] == [
        "FR-1: The system shall accept cards on every plan.",
        "FR-2: The system shall send a receipt", "nested detail"]
    assert [item.line for item in goals.items] == [7, 9, 10]
    assert [item.depth for item in goals.items] == [0, 0, 1]
    assert "Three more words." in goals.text
    assert body.section(["Non goals", "non-goals"]).items[0].text == "Refunds"
    assert body.section(["risks"]) is None


def test_heading_names_compare_without_case_numbers_or_punctuation() -> None:
    assert normalise_heading("3.1 Security & Privacy:") == "security and privacy"
    assert normalise_heading("## Goals") == "goals"


def test_a_list_inside_a_code_block_is_not_a_list() -> None:
    body = read_markdown("## Design\n\n```\n- not an item\n```\n", first_line=1)
    assert body.items == []
