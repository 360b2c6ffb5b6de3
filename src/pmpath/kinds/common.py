"""The rules every kind gets: the file can be read, fits its schema, has no placeholders
left, repeats no key, and names one person wherever it names an owner.

Each rule is bound to its one check in ``COMMON``. The engine calls them at their
stage: ``common.unreadable`` when the file cannot be parsed, ``common.schema`` when
the model rejects it, the others on the parsed data before the kind's own rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pmpath.kinds.base import Context, Found, Rule, RuleBook, path_of

COMMON_RULES: tuple[Rule, ...] = (
    Rule(
        id="common.unreadable",
        severity="error",
        title="The file can be read",
        rationale=(
            "pmpath (and your teammates' tools) can only grade a file that is valid UTF-8 "
            "text, parses as YAML (or Markdown with YAML front matter), is a mapping of "
            "fields at the top, and is of a sensible size."
        ),
        hint="Open the file at the line and column given and fix the syntax there; "
             "YAML is picky about indentation and about a space after each ':'.",
        passes="kind: risk-register\nversion: 1\nprogram: Payments migration",
        fails="kind: risk-register\nversion 1        # missing ':'",
        weight=5,
    ),
    Rule(
        id="common.schema",
        severity="error",
        title="Required fields are present and of the right type",
        rationale=(
            "Every artifact kind has a fixed set of fields (see `pmpath schema KIND`). A "
            "missing field or a word where a number belongs means the rubric cannot be "
            "applied, just as a reviewer would send back a form with blanks."
        ),
        hint="Add the field named in 'where', or give it the type the message asks for.",
        passes="probability: 4",
        fails="probability: high",
        weight=5,
    ),
    Rule(
        id="common.placeholder",
        severity="error",
        title="No template placeholders are left",
        rationale=(
            "Templates mark the places you must write with <angle brackets>, TODO or TBD. "
            "A plan that still says TBD tells the reader the thinking is not done."
        ),
        hint="Replace the placeholder with your own words, numbers or dates.",
        passes="owner: Priya Natarajan",
        fails="owner: <who owns this risk>",
        weight=10,
    ),
    Rule(
        id="common.duplicate-key",
        severity="error",
        title="No field is written twice in the same place",
        rationale=(
            "When a YAML mapping repeats a key, every tool keeps only the last value and "
            "silently drops the others. What you wrote first is lost without a word, so a "
            "risk's owner or a task's estimate may not be the one you think."
        ),
        hint="Keep one of the two lines (merge what you meant into it) and delete the other.",
        passes="owner: Priya Shah\nstatus: open",
        fails="owner: Priya Shah\nowner: Sam Lee",
        weight=2,
    ),
    Rule(
        id="common.owner",
        severity="error",
        title="Every owner and approver is one named person",
        rationale=(
            "Accountability that sits with a team, a department or 'everyone' sits with "
            "nobody: when the date slips, no one person feels it is theirs to chase. A senior "
            "PM names one person for each owner and approver, and lets that person pull in "
            "their team. A title in parentheses or after a comma is fine."
        ),
        hint="Name one person, optionally with their title: 'Priya Shah (QA lead)'.",
        passes="owner: Priya Shah (QA lead)\napprover: Rachel Osei, VP Product",
        fails="owner: Backend team\napprover: QA and Legal",
        weight=2,
    ),
)

COMMON = RuleBook(COMMON_RULES)

PLACEHOLDER = re.compile(r"\bTODO\b|\bTBD\b|<[A-Za-z][^<>\n]{0,300}>")


def is_placeholder(value: Any) -> bool:
    """Template text still waiting to be written (common.placeholder reports it)."""
    return isinstance(value, str) and PLACEHOLDER.search(value) is not None
OWNER_FIELDS = ("owner", "approver")
GROUP_WORDS = frozenset({"team", "teams", "group", "squad", "department", "dept", "committee",
                         "everyone", "everybody", "all", "staff", "crew", "guild"})
FUNCTION_NAMES = frozenset({"engineering", "qa", "ops", "devops", "marketing", "sales", "legal",
                            "finance", "security", "management", "leadership", "product",
                            "design", "support"})
SEVERAL = (" and ", "&", "/", "+")


@COMMON.check("common.unreadable")
def unreadable(problem: Any, ctx: Context, found: Found) -> None:
    """A file that cannot be read or parsed: one finding at the parser's place."""
    found(problem.where, problem.message, hint=getattr(problem, "hint", None))


# The wording of the commonest schema problems (pmpath.kinds.fields), said the way a
# learner reads a form.
PLAIN_SCHEMA_MESSAGES = {
    "string_type": "should be text",
    "int_type": "should be a whole number", "int_parsing": "should be a whole number",
    "int_from_float": "should be a whole number",
    "float_type": "should be a number", "float_parsing": "should be a number",
    "bool_type": "should be true or false", "bool_parsing": "should be true or false",
    "date_type": "should be a date like 2027-01-04",
    "date_parsing": "should be a date like 2027-01-04",
    "date_from_datetime_parsing": "should be a date like 2027-01-04",
    "date_from_datetime_inexact": "should be a date like 2027-01-04, without a time",
    "list_type": "should be a list (one '- ' line per entry, or [a, b])",
    "dict_type": "should be a group of 'name: value' fields",
    "model_type": "should be a group of 'name: value' fields",
    "model_attributes_type": "should be a group of 'name: value' fields",
}


def schema_message(item: dict[str, Any]) -> str:
    """One schema problem in a learner's words."""
    kind = item["type"]
    if kind == "missing":
        return f"'{item['loc'][-1]}' is missing"
    if kind == "too_short" and "min_length" in item.get("ctx", {}):
        least = item["ctx"]["min_length"]
        return f"needs at least {least} entr{'y' if least == 1 else 'ies'}"
    message = PLAIN_SCHEMA_MESSAGES.get(kind) or item["msg"].removeprefix("Value error, ")
    return message.replace("Input should be", "should be")


@COMMON.check("common.schema")
def schema(error: Any, ctx: Context, found: Found) -> None:
    """One finding per problem the schema check found, each with its place and a fix for
    that problem: a missing field is added, a value of the wrong type is changed."""
    for item in error.errors(include_url=False):
        message = schema_message(item)
        kind = ctx.data.get("kind") if isinstance(ctx.data, dict) else None
        fix = schema_fix(item, message, kind if isinstance(kind, str) else "KIND")
        if item["type"] not in ("missing", "too_short") and "input" in item:
            shown = repr(item["input"])
            if len(shown) <= 60:
                message = f"{message} (found {shown})"
        found(path_of(*item["loc"]) or "file", message, hint=fix)


def schema_fix(item: dict[str, Any], message: str, kind: str = "KIND") -> str:
    """The fix of one schema problem, in the words of its message."""
    names = [part for part in item["loc"] if isinstance(part, str)]
    name = names[-1] if names else None
    if item["type"] == "missing":
        return f"Add the '{name}' field here (`pmpath schema {kind}` says what it holds)."
    if item["type"] == "too_short":
        return f"Add entries to '{name}': it {message}."
    wanted = message.removeprefix("should ")
    if message.startswith("should ") and name is not None:
        return f"Change the value of '{name}' so that it is {wanted.removeprefix('be ')}."
    return f"Change the value so that it fits the field (`pmpath schema {kind}` describes it)."


@COMMON.check("common.placeholder")
def placeholder(data: Any, ctx: Context, found: Found) -> None:
    for where, text in placeholders(data):
        found(where, f"still holds the template placeholder {text!r}")
    if ctx.body:
        for offset, line in enumerate(ctx.body.splitlines()):
            match = PLACEHOLDER.search(line)
            if match:
                found(f"line {ctx.body_line + offset}",
                      f"still holds the template placeholder {match.group(0)!r}")


def placeholders(data: Any, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[str, str]]:
    """(where, text) of every string in ``data`` that still holds a placeholder."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [(prefix, data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            match = PLACEHOLDER.search(value)
            if match:
                yield path_of(*where), match.group(0)
        elif isinstance(value, dict):
            stack.extend((where + (str(key),), item) for key, item in
                         reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend((where + (index,), item) for index, item in
                         reversed(list(enumerate(value))))


@COMMON.check("common.duplicate-key")
def duplicate_key(duplicates: Any, ctx: Context, found: Found) -> None:
    """``duplicates``: (key, first line, later lines) recorded while the YAML was parsed."""
    for key, first, later in duplicates:
        again = ", ".join(str(line) for line in later)
        lines = "lines" if len(later) > 1 else "line"
        found(f"line {later[0]}",
              f"'{key}' is written on line {first} and again on {lines} {again}; YAML keeps "
              "only the last one",
              hint=f"keep one '{key}:' line (merge what you meant into it) and delete the "
                   "other" + ("s" if len(later) > 1 else ""))


@COMMON.check("common.owner")
def owner(data: Any, ctx: Context, found: Found) -> None:
    for where, field, value in owner_values(data):
        problem = owner_problem(value)
        if problem is not None:
            message, hint = problem
            found(where, f"{field} '{value}' {message}", hint=hint)


def owner_values(data: Any) -> Iterator[tuple[str, str, str]]:
    """(where, field, text) of every owner or approver written as text, anywhere."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if key in OWNER_FIELDS and isinstance(item, str):
                    yield path_of(*where, key), key, item
                elif isinstance(item, (dict, list)):
                    stack.append((where + (str(key),), item))
        elif isinstance(value, list):
            stack.extend((where + (index,), item) for index, item in enumerate(value)
                         if isinstance(item, (dict, list)))


def owner_problem(value: str) -> tuple[str, str] | None:
    """Why ``value`` is not one person, with a fix; None when it is (or is left empty)."""
    if PLACEHOLDER.search(value):
        return None  # common.placeholder asks for it
    name = re.sub(r"\([^)]*\)", " ", value).split(",", 1)[0].strip()
    if not name:
        return None
    lowered = f" {name.lower()} "
    words = set(re.findall(r"[a-z]+", lowered))
    group = sorted(words & GROUP_WORDS)
    if group:
        return (f"is a group ('{group[0]}'), not one person",
                "name the one person accountable, e.g. the team's lead: 'Priya Shah (backend "
                "lead)'; they can share the work with the team")
    if name.lower().strip(" .") in FUNCTION_NAMES:
        return (f"is a function ({name}), not one person",
                f"name the one person in {name} who is accountable, e.g. 'Priya Shah "
                f"({name} lead)'")
    if any(mark in lowered for mark in SEVERAL):
        return ("names several people; when everyone owns it, nobody does",
                "choose one of them as the owner and mention the others in the notes or "
                "actions")
    return None
