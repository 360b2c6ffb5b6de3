"""The technical requirements document's rules, each bound to its check.

The body is read once, through the shared Markdown reader, into the facts every
rule shares: the body itself, the required sections matched against its headings,
and the requirements (``FR-n: …``, ``NFR-n: …``) and acceptance criteria
(``AC-n (FR-2): Given … when … then …``) found among its list items. Regular
expressions only ever read one list item's text, never the whole document.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pmpath.kinds.base import Context, Found, Rule, RuleBook
from pmpath.kinds.markdown import (
    Heading,
    MarkdownBody,
    Section,
)
from pmpath.kinds.required_sections import (
    body_of,
    check_sections,
    matched,
    sections_of,
)
from pmpath.kinds.trd.model import STATUSES, Trd

SECTIONS: tuple[tuple[str, ...], ...] = (
    ("Summary",),
    ("Problem", "Background", "Motivation"),
    ("Goals",),
    ("Non-goals",),
    ("Functional requirements",),
    ("Non-functional requirements",),
    ("Design", "Architecture"),
    ("Alternatives considered",),
    ("Dependencies",),
    ("Security and privacy",),
    ("Testing", "Test plan"),
    ("Rollout", "Release plan"),
    ("Risks",),
    ("Open questions",),
    ("Success metrics",),
)
"""The required ``##`` sections, each its name then the synonyms that also count: the
default of the exercise parameter ``sections``."""

PURPOSES: dict[str, str] = {
    "summary": "what the feature is, who it is for and why it matters now, in a paragraph "
               "a busy executive reads",
    "problem": "the problem today, who has it, and the evidence: numbers, support tickets, "
               "research",
    "goals": "the outcomes this work must achieve, each a result you could check",
    "non-goals": "what this work deliberately will not do, so nobody expects it",
    "functional requirements": "what the system shall do, as list items 'FR-1: The system "
                               "shall …'",
    "non-functional requirements": "how well it shall do it (speed, availability, capacity, "
                                   "cost), as list items 'NFR-1: … shall … within 300 ms'",
    "design": "how it will work: the components, the data and the flow between them",
    "alternatives considered": "the other approaches you weighed and why you did not "
                               "choose them",
    "dependencies": "the teams, services, vendors and decisions this work relies on, each "
                    "with an owner",
    "security and privacy": "the data it touches, who may see it, and how it is protected",
    "testing": "how you will know it works: the test levels and the acceptance criteria "
               "'AC-1 (FR-1): Given …, when …, then …'",
    "rollout": "how it reaches users: feature flags, stages, who gets it when, and how to "
               "roll back",
    "risks": "what could go wrong and what you will do about it",
    "open questions": "the decisions still to be made, each with an owner and a date",
    "success metrics": "the numbers that will tell you it worked, each with today's baseline "
                       "and a target",
}
"""What each section is for, said in the finding that asks for it."""

THRESHOLDS: dict[str, dict[str, Any]] = {
    "trd.sections": {"min_words": 20},
}
"""pmpath's defaults for the numbers the rules judge by; ``thresholds`` in
curriculum/rubric.yaml may change them."""

WEAK_WORDS: dict[str, str] = {
    # word or phrase: what to write instead
    "should": "'shall' if it is required; if it is optional, move it to Non-goals or Open "
              "questions",
    "may": "'shall' if it is required ('shall let the customer …' for something a user is "
           "allowed to do); if it is optional, move it to Non-goals or Open questions",
    "fast": "a time with a unit, e.g. 'within 300 ms for 95% of requests'",
    "quick": "a time with a unit, e.g. 'within 2 seconds'",
    "quickly": "a time with a unit, e.g. 'within 2 seconds'",
    "easy": "a usability measure, e.g. 'a first-time customer finishes it in under 2 "
            "minutes without help'",
    "easily": "a usability measure, e.g. 'in at most 3 clicks'",
    "user-friendly": "a usability measure, e.g. '9 in 10 test users finish it without help'",
    "intuitive": "a usability measure, e.g. '9 in 10 test users finish it without help'",
    "simple": "what exactly makes it simple, e.g. 'one screen with at most 4 fields'",
    "robust": "the failure it must survive, e.g. 'keeps serving when one availability zone "
              "is down'",
    "flexible": "the change it must allow, e.g. 'a new card brand is added by configuration, "
                "without a release'",
    "efficient": "the resource and its limit, e.g. 'at most 200 MB of memory per instance'",
    "efficiently": "the resource and its limit, e.g. 'at most 200 MB of memory per instance'",
    "scalable": "the load it must carry, e.g. '2,000 requests per second at peak'",
    "seamless": "what the user must not notice, e.g. 'no second sign-in when the session "
                "renews'",
    "seamlessly": "what the user must not notice, e.g. 'no second sign-in when the session "
                  "renews'",
    "as appropriate": "the exact condition, e.g. 'when the card has expired'",
    "as needed": "the exact condition, e.g. 'when the queue holds more than 1,000 jobs'",
    "if possible": "decide: either it is required ('shall') or it is a non-goal",
    "and/or": "decide whether you mean 'and' or 'or'",
    "etc": "the full list: nobody can build or test 'etc.'",
    "tbd": "the decision, or move the question to Open questions with an owner and a date",
}
"""Words that make a requirement vague or optional, whole words, compared without case."""

UNITS: tuple[str, ...] = (
    "ms", "millisecond", "milliseconds", "s", "sec", "secs", "second", "seconds",
    "min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour", "hours", "day", "days",
    "week", "weeks", "month", "months", "year", "years",
    "%", "percent", "per cent", "req/s", "requests/s", "rps", "qps", "tps",
    "kb", "mb", "gb", "tb", "kib", "mib", "gib", "tib", "kbps", "mbps", "gbps",
    "users", "concurrent users", "customers", "requests", "transactions", "connections",
    "sessions", "events", "messages", "records", "orders", "payments", "errors", "retries",
    "attempts", "clicks", "steps", "items", "rows", "pages", "regions", "zones", "replicas",
)
"""Units a measurable non-functional requirement puts after its number (compared without
case); a number with a currency sign before it ($0.02) is measurable too."""

RULES: tuple[Rule, ...] = (
    Rule(
        id="trd.front-matter",
        severity="error",
        title="The front matter says who wrote it, who reviews it and where it stands",
        rationale=(
            "Readers decide how far to trust a TRD from its front matter: a draft invites "
            "comments, an approved document is a commitment the engineers build against. "
            "The authors are who to ask, and the reviewers are who signed it off; a "
            "document out for review or approved with nobody named as reviewer has not "
            "really been reviewed."
        ),
        hint="Set status to draft, review or approved, list the authors by name, and name "
             "the reviewers once it goes out for review.",
        passes="status: review\nauthors: [Priya Shah]\nreviewers: [Tomás Reyes, Ama Boateng]",
        fails="status: final\nauthors: []",
        weight=2,
    ),
    Rule(
        id="trd.sections",
        severity="error",
        title="Every required section is there, with at least 20 words",
        rationale=(
            "A TRD's sections are a checklist of the questions reviewers will ask: what "
            "problem, what is out of scope, how it will be built, what else was considered, "
            "how it is secured, tested and rolled out, what could go wrong and how success "
            "is measured. A missing or one-line section is a question nobody has answered "
            "yet, and it comes back as a surprise late in the project."
        ),
        hint="Add the section as a '##' heading with at least 20 words under it.",
        passes="## Non-goals\n\n- Refunds to saved cards are out of scope for this release; "
               "support handles them by hand …",
        fails="## Non goals\n\nNone.",
        weight=3,
    ),
    Rule(
        id="trd.ids",
        severity="error",
        title="Requirements are list items with unique ids",
        rationale=(
            "Requirements are discussed, built, tested and changed by their id: 'FR-3 is "
            "done', 'AC-7 fails'. Two requirements with the same id mean a test, a ticket "
            "or a decision points at the wrong one; a TRD with no numbered requirement "
            "leaves engineers and testers nothing to point at."
        ),
        hint="Write each requirement as a list item with its own id: '- FR-1: …', "
             "'- NFR-1: …', and each acceptance criterion as '- AC-1 (FR-1): …'.",
        passes="- FR-1: The system shall …\n- FR-2: The system shall …",
        fails="- FR-1: The system shall …\n- FR-1: The system shall …",
        weight=2,
    ),
    Rule(
        id="trd.shall",
        severity="error",
        title="Every requirement says 'shall'",
        rationale=(
            "'Shall' is the convention (IEEE 29148, the INCOSE guide) for a binding "
            "requirement: something the system must do for the work to be accepted. 'Will' "
            "reads as a prediction and 'should' or 'may' as a wish, and teams quietly drop "
            "wishes when time runs short."
        ),
        hint="Write each requirement as '<who or what> shall <do something>'.",
        passes="FR-1: The checkout page shall offer every saved card of the signed-in "
               "customer.",
        fails="FR-1: The checkout page will offer saved cards.",
        weight=2,
    ),
    Rule(
        id="trd.weak-words",
        severity="warning",
        title="No requirement leans on weak words",
        rationale=(
            "Words such as fast, easy, robust, user-friendly, flexible or etc. mean different "
            "things to every reader, so nobody can build to them or test them, and 'should' "
            "or 'may' make a requirement optional. Each one hides a decision that will be "
            "made later, by someone else, under pressure."
        ),
        hint="Replace the weak word with what you mean, measurably: 'fast' becomes 'within "
             "300 ms for 95% of requests'.",
        passes="NFR-1: Checkout shall respond within 300 ms for 95% of requests.",
        fails="NFR-1: Checkout should be fast and robust.",
        weight=1,
    ),
    Rule(
        id="trd.measurable",
        severity="error",
        title="Every non-functional requirement has a number with a unit",
        rationale=(
            "A non-functional requirement says how well the system must work, and 'how "
            "well' is a number: 300 ms, 99.95%, 2,000 requests per second, 50 MB. Without "
            "a number and its unit nobody can test it, and the argument about whether it "
            "is met happens in production."
        ),
        hint="Add the number and its unit, e.g. 'within 300 ms for 95% of requests' or "
             "'99.95% of each calendar month'.",
        passes="NFR-2: The card service shall be available 99.95% of each calendar month.",
        fails="NFR-2: The card service shall be highly available.",
        weight=3,
    ),
    Rule(
        id="trd.traceability",
        severity="error",
        title="Every functional requirement is verified by an acceptance criterion",
        rationale=(
            "Traceability from each requirement to the acceptance criteria that verify it is "
            "how a team knows the feature is finished: a requirement no criterion names is "
            "never tested on purpose, and a criterion that names no requirement (or one that "
            "does not exist) tests something nobody asked for."
        ),
        hint="Add an acceptance criterion naming the requirement: '- AC-7 (FR-4): Given …, "
             "when …, then …'.",
        passes="- FR-1: The system shall …\n- AC-1 (FR-1): Given …, when …, then …",
        fails="- FR-1: The system shall …\n- AC-1: Given …, when …, then …",
        weight=3,
    ),
    Rule(
        id="trd.non-goals",
        severity="error",
        title="At least one non-goal is stated",
        rationale=(
            "Non-goals are where a TRD says no: what this work will deliberately not do. "
            "Writing them down stops scope creep before it starts and saves the review "
            "meeting from arguing about features nobody planned. 'None' is almost never "
            "true."
        ),
        hint="Under '## Non-goals', list what this work will not do, e.g. '- Refunds to a "
             "saved card are out of scope; support keeps handling them by hand.'",
        passes="## Non-goals\n\n- Saving bank accounts (only cards) is out of scope.",
        fails="## Non-goals\n\nNone: everything we discussed is in scope.",
        weight=2,
    ),
    Rule(
        id="trd.alternatives",
        severity="error",
        title="At least one alternative is considered",
        rationale=(
            "A design chosen without looking at another is a guess. Reviewers want to see "
            "the serious alternatives (build or buy, a different architecture, doing "
            "nothing) and why each lost, so the decision can be trusted and revisited if "
            "the reasons change."
        ),
        hint="Under '## Alternatives considered', list each approach you weighed and why you "
             "did not choose it.",
        passes="## Alternatives considered\n\n- Store card numbers ourselves: rejected, it "
               "would put our whole platform in PCI DSS scope.",
        fails="## Alternatives considered\n\nNone; we did not consider other approaches.",
        weight=2,
    ),
)

BOOK = RuleBook(RULES)

MAX_LISTED = 5
"""How many ids a message lists before saying 'and N more'."""


# -- facts ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Requirement:
    id: str
    """'FR-3' or 'NFR-1', upper case whatever the writer typed."""
    type: str
    """'FR' or 'NFR'."""
    number: int
    statement: str
    """The text after the id."""
    line: int


@dataclass(frozen=True)
class Criterion:
    id: str
    number: int
    names: tuple[str, ...]
    """The requirement ids in its parentheses, upper case: ('FR-2', 'FR-3')."""
    statement: str
    line: int


@dataclass(frozen=True)
class Catalogue:
    requirements: tuple[Requirement, ...]
    criteria: tuple[Criterion, ...]

    def of_type(self, kind: str) -> list[Requirement]:
        return [item for item in self.requirements if item.type == kind]


_EMPHASIS = r"[*_`\s]*"
REQUIREMENT = re.compile(
    rf"^{_EMPHASIS}(?P<id>(?P<type>N?FR)-(?P<number>\d+))[*_`]*\s*[:.)–—-]{_EMPHASIS}"
    r"(?P<statement>.*)$", re.IGNORECASE | re.DOTALL)
CRITERION = re.compile(
    rf"^{_EMPHASIS}(?P<id>AC-(?P<number>\d+))[*_`]*\s*"
    r"(?:[(\[](?P<names>[^)\]]*)[)\]])?[*_`]*\s*(?P<separator>[:.–—-])?"
    rf"{_EMPHASIS}(?P<statement>.*)$", re.IGNORECASE | re.DOTALL)
REQUIREMENT_ID = re.compile(r"\bN?FR-\d+\b", re.IGNORECASE)


def canonical(identifier: str) -> str:
    """'fr-02' -> 'FR-2': ids compare as the reader reads them."""
    prefix, number = identifier.upper().rsplit("-", 1)
    return f"{prefix}-{int(number)}"


def catalogue_of(doc: Trd, ctx: Context) -> Catalogue:
    """Every requirement and acceptance criterion written as a list item, anywhere."""
    requirements, criteria = [], []
    body: MarkdownBody = ctx.fact("body")
    for item in body.items:
        match = REQUIREMENT.match(item.text)
        if match:
            requirements.append(Requirement(canonical(match["id"]), match["type"].upper(),
                                            int(match["number"]), match["statement"].strip(),
                                            item.line))
            continue
        match = CRITERION.match(item.text)
        if match and (match["names"] is not None or match["separator"]):
            names = tuple(dict.fromkeys(
                canonical(name) for name in REQUIREMENT_ID.findall(match["names"] or "")))
            criteria.append(Criterion(canonical(match["id"]), int(match["number"]), names,
                                      match["statement"].strip(), item.line))
    return Catalogue(tuple(requirements), tuple(criteria))


FACTS = {"body": body_of, "sections": sections_of, "catalogue": catalogue_of}


# -- small helpers --------------------------------------------------------------------------

def listed(ids: Iterable[str]) -> str:
    ids = list(ids)
    shown = ", ".join(ids[:MAX_LISTED])
    return shown + (f" and {len(ids) - MAX_LISTED} more" if len(ids) > MAX_LISTED else "")


def quoted(text: str, limit: int = 60) -> str:
    """The start of a statement, quoted, for a message."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return f"'{text}'"
    return f"'{text[:limit].rsplit(' ', 1)[0].rstrip(',;:')} …'"  # cut between words


def sub_headings(body: MarkdownBody, section: Section) -> list[Heading]:
    """The headings inside ``section`` (deeper than it, before the next of its level)."""
    inside = []
    for heading in body.headings:
        if heading.line <= section.heading.line:
            continue
        if heading.level <= section.heading.level:
            break
        inside.append(heading)
    return inside


def sentences(text: str) -> list[str]:
    """The sentences of one section's text (split at . ! ? and line ends)."""
    return [piece.strip() for piece in re.split(r"(?<=[.!?])\s+|\n", text) if piece.strip()]


# Every weak word as a whole word (not inside "may-be" or "n/a"), longest first; no
# weak word is a whole word of another, so one pattern finds them all.
WEAK_PATTERN = re.compile(
    r"(?<![\w/-])(?:"
    + "|".join(re.escape(word) for word in sorted(WEAK_WORDS, key=len, reverse=True))
    + r")(?![\w/-])", re.IGNORECASE)


# -- checks ---------------------------------------------------------------------------------

STATUS_MEANINGS = {"final": "approved", "signed off": "approved", "signed-off": "approved",
                   "accepted": "approved", "done": "approved", "wip": "draft",
                   "in progress": "draft", "writing": "draft", "in review": "review",
                   "under review": "review", "proposed": "review", "reviewing": "review"}


@BOOK.check("trd.front-matter")
def front_matter(doc: Trd, ctx: Context, found: Found) -> None:
    choices = ", ".join(STATUSES)
    status = doc.status if doc.status is None else str(doc.status).strip()
    if not status:
        found("status", "there is no status: say where the document stands",
              hint=f"add 'status: draft' while you write it; the choices are {choices}")
    elif status not in STATUSES:
        lowered = status.lower()
        if lowered in STATUSES:
            found("status", f"status '{status}' must be written in lower case",
                  hint=f"write status: {lowered}")
        else:
            meant = STATUS_MEANINGS.get(lowered) or next(
                iter(difflib.get_close_matches(lowered, STATUSES, n=1, cutoff=0.6)), None)
            found("status", f"status '{status}' is not one of {choices}",
                  hint=(f"if you mean it is {meant}, write status: {meant}; the choices are "
                        f"{choices}" if meant else f"choose one of {choices}"))
    if not names_problem(found, "authors", doc.authors) and \
            isinstance(doc.authors, list | None):
        found("authors", "no authors are named",
              hint="list who wrote the document, e.g. authors: [Priya Shah]; readers need to "
                   "know who to ask")
    reviewers_named = names_problem(found, "reviewers", doc.reviewers)
    if status in ("review", "approved") and not reviewers_named and \
            isinstance(doc.reviewers, list | None):
        found("reviewers",
              f"the status is {status} but no reviewers are named"
              if status == "review" else
              "the status is approved but no reviewers are named, so nobody approved it",
              hint="list who reviews and approves it, e.g. reviewers: [Tomás Reyes (tech "
                   "lead), Ama Boateng (security)]")


def names_problem(found: Found, field: str, value: Any) -> bool:
    """Report a names field that is one text instead of a list, not a list at all, or has
    entries that are not names; True when it names at least one person."""
    if isinstance(value, str):
        found(field, f"{field} is written as one piece of text ('{value}'), not a list",
              hint=f"write it as a list: {field}: [{value}]")
        return bool(value.strip())
    if value is not None and not isinstance(value, list):
        found(field, f"{field} should be a list of names, not {value!r}",
              hint=f"write one name per line under {field}:, each starting with '- '")
        return False
    named = False
    for index, entry in enumerate(value or []):
        if isinstance(entry, str) and entry.strip():
            named = True
        elif entry is None or (isinstance(entry, str) and not entry.strip()):
            found(f"{field}[{index}]", f"{field} entry number {index + 1} is empty",
                  hint="write a name there or delete the empty entry")
        else:
            found(f"{field}[{index}]",
                  f"{field} entry number {index + 1} is not a name ({entry!r})",
                  hint="write the person's full name, e.g. Priya Shah")
    return named


@BOOK.check("trd.sections")
def sections_present(doc: Trd, ctx: Context, found: Found) -> None:
    check_sections(ctx, "trd.sections", PURPOSES, found)


@BOOK.check("trd.ids")
def unique_ids(doc: Trd, ctx: Context, found: Found) -> None:
    catalogue: Catalogue = ctx.fact("catalogue")
    first: dict[str, int] = {}
    items: list[tuple[str, int]] = [(item.id, item.line) for item in catalogue.requirements]
    items += [(item.id, item.line) for item in catalogue.criteria]
    highest: dict[str, int] = {}
    for identifier, _line in items:
        prefix, number = identifier.rsplit("-", 1)
        highest[prefix] = max(highest.get(prefix, 0), int(number))
    for identifier, line in items:
        if identifier in first:
            prefix = identifier.rsplit("-", 1)[0]
            found(f"line {line}",
                  f"{identifier} is used again here; it is already the id on line "
                  f"{first[identifier]}",
                  hint=f"give this one the next free id, {prefix}-{highest[prefix] + 1}, and "
                       "update any acceptance criterion that meant it")
            highest[prefix] += 1
        else:
            first[identifier] = line
    for kind, section_name, example in (
            ("FR", "Functional requirements", "FR-1: The system shall …"),
            ("NFR", "Non-functional requirements", "NFR-1: Checkout shall respond within "
                                                   "300 ms for 95% of requests")):
        if catalogue.of_type(kind):
            continue
        match = matched(ctx, section_name)
        line = match.line if match is not None and match.found else ctx.body_line
        found(f"line {line}",
              f"no {section_name.lower().replace('requirements', 'requirement')} is written "
              f"as a list item starting '{kind}-1:'",
              hint=f"write each one as a list item with its own id, e.g. '- {example}'")


@BOOK.check("trd.shall")
def says_shall(doc: Trd, ctx: Context, found: Found) -> None:
    catalogue: Catalogue = ctx.fact("catalogue")
    for item in catalogue.requirements:
        if re.search(r"\bshall\b", item.statement, re.IGNORECASE):
            continue
        instead = re.search(r"\b(will|must|should|may|can|could|needs to|has to|is to)\b",
                            item.statement, re.IGNORECASE)
        if instead:
            hint = (f"replace '{instead.group(0)}' with 'shall': "
                    f"{rewritten(item.statement, instead.start(), instead.end(), 'shall')}")
        else:
            hint = ("rewrite it as '<who or what> shall <do what>', e.g. 'The checkout page "
                    "shall offer every saved card'")
        said = quoted(item.statement) if item.statement else "it has no text"
        found(f"line {item.line}", f"{item.id} does not say 'shall': {said}", hint=hint)


def rewritten(text: str, start: int, end: int, replacement: str, context: int = 30) -> str:
    """The words around ``text[start:end]`` with ``replacement`` in its place, quoted."""
    before, after = text[:start], text[end:]
    if len(before) > context:
        before = "… " + before[-context:].split(" ", 1)[-1]  # from a whole word
    if len(after) > context:
        after = after[:context].rsplit(" ", 1)[0] + " …"
    return f"'{before}{replacement}{after}'"


@BOOK.check("trd.weak-words")
def no_weak_words(doc: Trd, ctx: Context, found: Found) -> None:
    for item in ctx.fact("catalogue").requirements:
        words = weak_words_in(item.statement)
        if not words:
            continue
        shown = " and ".join(f"'{word}'" for word in words) if len(words) <= 2 else \
            ", ".join(f"'{word}'" for word in words[:-1]) + f" and '{words[-1]}'"
        advice = "; ".join(dict.fromkeys(
            f"for '{word}', write {WEAK_WORDS[word.lower()]}" for word in words))
        found(f"line {item.line}", f"{item.id} leans on {shown}", hint=advice)


def weak_words_in(text: str) -> list[str]:
    """The weak words in ``text``, as written, in the order of WEAK_WORDS (each once)."""
    first: dict[str, str] = {}
    for match in WEAK_PATTERN.finditer(text):
        first.setdefault(match.group(0).lower(), match.group(0))
    return [first[word] for word in WEAK_WORDS if word in first]


_UNIT_PATTERN = "|".join(re.escape(unit) for unit in sorted(UNITS, key=len, reverse=True))
_NUMBER = r"\d[\d,]*(?:\.\d+)?"
MEASURE = re.compile(
    rf"(?<![\w.])(?:[$€£]\s?{_NUMBER}|{_NUMBER}\s?(?:[km](?![a-z])\s?)?(?:{_UNIT_PATTERN})"
    r"(?![\w/]))", re.IGNORECASE)
BARE_NUMBER = re.compile(rf"(?<![\w.-]){_NUMBER}(?![\w])")

# A concrete example for the kind of quality a requirement is about.
MEASURE_EXAMPLES = (
    (("recover", "restore", "backup", "failover", "disaster", "zone", "region", "losing",
      "lose", "outage"),
     "'serving again within 5 minutes, losing at most 1 minute of data'"),
    (("respond", "response", "latency", "load", "fast", "slow", "quick", "speed", "time"),
     "'within 300 ms for 95% of requests'"),
    (("availab", "uptime", "downtime"),
     "'available 99.95% of each calendar month'"),
    (("scale", "throughput", "traffic", "peak", "concurrent", "capacity"),
     "'2,000 requests per second at peak'"),
    (("retain", "retention", "keep", "delete", "purge", "store"),
     "'deleted within 30 days of the customer's request'"),
)


@BOOK.check("trd.measurable")
def measurable(doc: Trd, ctx: Context, found: Found) -> None:
    for item in ctx.fact("catalogue").of_type("NFR"):
        if MEASURE.search(item.statement):
            continue
        lowered = item.statement.lower()
        example = next((text for words, text in MEASURE_EXAMPLES
                        if any(word in lowered for word in words)),
                       "'within 300 ms', '99.95% of each month' or '2,000 requests per "
                       "second'")
        bare = BARE_NUMBER.search(item.statement)
        if bare:
            message = (f"{item.id} has the number {bare.group(0)} but no unit: "
                       f"{bare.group(0)} what?")
            hint = f"say the unit after the number (ms, seconds, %, requests per second, " \
                   f"MB, users …), e.g. {example}"
        else:
            message = f"{item.id} has no number with a unit: {quoted(item.statement)}"
            hint = f"state how well, as a number with its unit, e.g. {example}"
        found(f"line {item.line}", message, hint=hint)


@BOOK.check("trd.traceability")
def traced(doc: Trd, ctx: Context, found: Found) -> None:
    catalogue: Catalogue = ctx.fact("catalogue")
    known = {item.id for item in catalogue.requirements}
    verified = {name for criterion in catalogue.criteria for name in criterion.names}
    next_number = max((criterion.number for criterion in catalogue.criteria), default=0) + 1
    for item in catalogue.of_type("FR"):
        if item.id in verified:
            continue
        found(f"line {item.line}", f"{item.id} is not verified by any acceptance criterion",
              hint=f"add one under Testing that names it, e.g. '- AC-{next_number} "
                   f"({item.id}): Given …, when …, then …'")
        next_number += 1
    for criterion in catalogue.criteria:
        if not criterion.names:
            found(f"line {criterion.line}",
                  f"{criterion.id} does not name the requirement it verifies",
                  hint=f"put the requirement's id in parentheses after it: "
                       f"'{criterion.id} (FR-1): Given …'")
            continue
        unknown = [name for name in criterion.names if name not in known]
        if unknown:
            many = len(unknown) > 1
            found(f"line {criterion.line}",
                  f"{criterion.id} names {listed(unknown)}, which "
                  f"{'are not requirements' if many else 'is not a requirement'} in this "
                  "document",
                  hint="correct the id in the parentheses, or add the requirement it verifies")


NO_NON_GOAL = re.compile(
    r"^\W*(none|n/?a|nothing|not applicable|tbd)\W*$|\bno non-?goals?\b|\bnothing\b.*\bout of "
    r"scope\b|\b(everything|all)\b.*\bin scope\b", re.IGNORECASE)
EXCLUSION = re.compile(
    r"\b(not|no|never|won't|will not|out of scope|excluded?|excluding|defer(red)?|later|"
    r"future|separate|only)\b", re.IGNORECASE)


@BOOK.check("trd.non-goals")
def non_goals(doc: Trd, ctx: Context, found: Found) -> None:
    match = matched(ctx, "Non-goals")
    if match is None or match.section is None:
        return  # trd.sections asks for the section
    section = match.section
    stated = [item.text for item in section.items
              if item.text.strip() and not NO_NON_GOAL.search(item.text)]
    stated += [sentence for sentence in sentences(section.text)
               if EXCLUSION.search(sentence) and not NO_NON_GOAL.search(sentence)]
    if stated:
        return
    found(f"line {match.line}",
          "the Non-goals section states no non-goal: nothing this work will deliberately "
          "leave out",
          hint="list at least one thing people might expect but this work will not do, e.g. "
               "'- Refunds to a saved card are out of scope; support keeps handling them by "
               "hand.'")


NO_ALTERNATIVE = re.compile(
    r"^\W*(none|n/?a|nothing|not applicable|tbd)\W*$|\bno (other )?(alternatives?|options?|"
    r"approaches?)\b|\b(did not|didn't|do not|don't) (consider|compare|look at|evaluate)\b|"
    r"\bnot (considered|compared|evaluated)\b|\bonly (option|way|approach|choice)\b",
    re.IGNORECASE)


@BOOK.check("trd.alternatives")
def alternatives(doc: Trd, ctx: Context, found: Found) -> None:
    match = matched(ctx, "Alternatives considered")
    if match is None or match.section is None:
        return  # trd.sections asks for the section
    section = match.section
    body: MarkdownBody = ctx.fact("body")
    candidates = [heading.text for heading in sub_headings(body, section)]
    candidates += [item.text for item in section.items]
    candidates += sentences(section.text)
    if any(text.strip() and not NO_ALTERNATIVE.search(text) for text in candidates):
        return
    found(f"line {match.line}",
          "the Alternatives considered section names no alternative",
          hint="list each approach you weighed and why it lost, e.g. '- Store card numbers "
               "ourselves: rejected, it would put the whole platform in PCI DSS scope.' "
               "Doing nothing is an alternative too.")
