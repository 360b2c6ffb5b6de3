"""How a graded artifact reads on screen: the verdict, then each finding like a linter's.

Every finding is a short block, so it reads the same in a narrow terminal, piped into
a file, or without colour (the severity is always written out as a word)::

    ✘ FAIL  08-risk-management/risk-register.yaml  risk-register · score 72/100 · 2 errors

      error  risk.score-matches  risks[2].score
             risk R-003: score 12 but probability 4 × impact 4 = 16
             fix: set score: 16

Repeated findings of one rule with the same fix are gathered into one block
("8 places: …"), so a slip made eight times is one thing to fix, not eight.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pmpath.core.grading import ArtifactResult

MAX_BLOCKS = 60
GATHER_FROM = 4
"""A rule with this many findings sharing one fix is shown as one block."""
SEVERITY_WORDS = {"error": "error", "warning": "warn "}


@dataclass(frozen=True)
class Block:
    severity: str
    rule: str
    where: str
    problem: str
    fix: str


def blocks(findings: Sequence[Any]) -> list[Block]:
    """One block per finding, gathering a rule's repeated findings that share a fix."""
    groups: dict[tuple[str, str], list[Any]] = {}
    for finding in findings:
        key = (finding.rule, finding.hint if finding.rule != "common.placeholder" else "")
        groups.setdefault(key, []).append(finding)
    shown: list[Block] = []
    done: set[tuple[str, str]] = set()
    for finding in findings:
        key = (finding.rule, finding.hint if finding.rule != "common.placeholder" else "")
        group = groups[key]
        if len(group) < GATHER_FROM:
            shown.append(Block(finding.severity, finding.rule, finding.place, finding.message,
                               finding.hint))
            continue
        if key in done:
            continue
        done.add(key)
        places = ", ".join(item.place for item in group[:6])
        more = f" and {len(group) - 6} more" if len(group) > 6 else ""
        if finding.rule == "common.placeholder":
            problem = f"template placeholders are still in {places}{more}"
        else:
            problem = f"{finding.message} (the same at {places}{more})"
        shown.append(Block(finding.severity, finding.rule, f"{len(group)} places", problem,
                           finding.hint))
    return shown


def verdict_line(result: ArtifactResult) -> tuple[str, str, str]:
    """(mark, word, rest) of the artifact's first line."""
    counts = []
    if result.errors:
        counts.append(f"{result.errors} error{'s' if result.errors != 1 else ''}")
    if result.warnings:
        counts.append(f"{result.warnings} warning{'s' if result.warnings != 1 else ''}")
    rest = f"{result.kind} · score {result.score}/100" + (f" · {', '.join(counts)}"
                                                           if counts else "")
    return ("✔", "PASS", rest) if result.passed else ("✘", "FAIL", rest)


def show_result(result: ArtifactResult, console: Any, *, limit: int = MAX_BLOCKS,
                figures: bool = True) -> None:
    """The verdict, the findings, what was skipped or broke, then the kind's picture."""
    from rich.text import Text

    mark, word, rest = verdict_line(result)
    style = "pass" if result.passed else "fail"
    head = Text(f"{mark} ") + Text(word, style=style) + Text("  ") + Text(result.path,
                                                                          style="bold")
    if len(head) + 2 + len(rest) <= console.width:
        console.print(head + Text(f"  {rest}", style="muted"))
    else:  # the kind and score on a line of their own rather than broken mid-phrase
        console.print(head, soft_wrap=True)
        console.print(Text(f"        {rest}", style="muted"))
    width = max(40, min(console.width, 100))
    found = blocks(result.findings)
    for block in found[:limit]:
        console.print()
        _print_block(console, block, width)
    if len(found) > limit:
        console.print()
        console.print(Text(f"  … and {len(found) - limit} more (`pmpath check --json` lists "
                           "them all)", style="muted"))
    # Rules blocked by the same problem are listed together, once.
    reasons: dict[str, list[str]] = {}
    for skipped in result.skipped:
        reasons.setdefault(skipped.because, []).append(skipped.rule)
    for because, rules in reasons.items():
        console.print()
        console.print(Text("  not run", style="muted") + Text(f"  {', '.join(rules)}",
                                                              style="bold"))
        _print_wrapped(console, f"until this is fixed: {because}", width, indent=9,
                       style="muted")
    for broken in result.internal_errors:
        console.print()
        _print_wrapped(console, f"  bug      {broken.rule}: pmpath could not run this check "
                                f"({broken.message}); please report it", width, indent=11,
                       style="fail")
    if figures and result.metrics:
        console.print()
        from pmpath import api

        if not api.draw(result, console):
            for key, value in result.metrics.items():
                console.print(f"{key}: {value}", markup=False, highlight=False)


def _print_block(console: Any, block: Block, width: int) -> None:
    from rich.text import Text

    severity = SEVERITY_WORDS.get(block.severity, block.severity)
    style = "fail" if block.severity == "error" else "warn"
    head = Text("  ") + Text(severity, style=style) + Text("  ") + Text(block.rule, style="bold") \
        + Text(f"  {block.where}", style="muted")
    console.print(head)
    _print_wrapped(console, block.problem, width, indent=9)
    _print_wrapped(console, f"fix: {block.fix}", width, indent=9, hanging=5)


def _print_wrapped(console: Any, text: str, width: int, *, indent: int, hanging: int = 0,
                   style: str = "") -> None:
    """Wrap at word boundaries (never inside a word), without trailing spaces."""
    lines = textwrap.wrap(text, width=width, initial_indent=" " * indent,
                          subsequent_indent=" " * (indent + hanging), break_long_words=False,
                          break_on_hyphens=False) or [" " * indent]
    for line in lines:
        # markup=False: a learner's [bracketed] words are text, not rich markup.
        console.print(line, style=style or None, soft_wrap=True, highlight=False, markup=False)


def summary_line(results: Sequence[ArtifactResult]) -> tuple[str, bool]:
    passing = sum(1 for result in results if result.passed)
    line = f"{passing} of {len(results)} artifact{'s' if len(results) != 1 else ''} pass"
    if passing != len(results):
        line += " · fix the errors above and run `pmpath check` again"
    return line, passing == len(results)
