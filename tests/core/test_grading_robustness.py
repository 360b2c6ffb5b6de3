"""No artifact, however mangled, makes the grader crash: every problem is a finding.

Hypothesis mutates the model answers line by line (deleting lines, replacing
values with other types, impossible numbers and dates) and checks that
grading returns a result.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import render_text

from pmpath.core.grading import grade_file
from pmpath.kinds import KINDS as REGISTRY

EXAMPLES = Path(__file__).resolve().parents[2] / "curriculum" / "examples"
YAML_KINDS = [kind for kind, info in REGISTRY.items() if not info.markdown]
MARKDOWN_KINDS = [kind for kind, info in REGISTRY.items() if info.markdown]
# Lines a Markdown artifact may be mangled with: broken front matter, headings, lists,
# requirement ids and fences.
ODD_MARKDOWN_LINES = ["", "---", "#", "## ", "- ", "- FR-1:", "- NFR-1: shall",
                      "- AC-1 (FR-99):", "- AC-2 ()", "status: 3", "team: {a: 1}",
                      "authors: [[1]]", "<placeholder>", "```", "  - nested", "1. numbered",
                      "*a", "&a x", "é" * 500]
ODD_VALUES = [
    '',
    'null',
    '-1',
    '0',
    '1e309',
    '.nan',
    '[]',
    '{}',
    'x',
    "'5'",
    'true',
    '2027-02-30',
    '2027-01-04T10:00:00',
    '[1, [2, [3]]]',
    '{a: 1}',
    '-0.5',
    '99999999999999999999',
    '<placeholder>',
    '&a x',
    '*a',
    '1.5',
    '[1, [2]]',
    '"*"',
    'any',
    'A/R',
    'R/A',
    'Done',
    '[To Do, Done]',
    'weekly',
    '[Sponsor]',
    '120',
    '0.3',
    'down',
    'up',
]


def _mutate(text: str, choices: list[tuple[int, int, str]]) -> str:
    lines = text.splitlines()
    for position, action, value in choices:
        if not lines:
            break
        index = position % len(lines)
        line = lines[index]
        if action == 0:
            del lines[index]
        elif ":" in line and not line.lstrip().startswith("#"):
            key = line.split(":", 1)[0]
            lines[index] = f"{key}: {value}"
        else:
            lines[index] = line + " " + value
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("kind", YAML_KINDS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(choices=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 3),
                                  st.sampled_from(ODD_VALUES)), min_size=1, max_size=6))
def test_mangled_artifacts_are_graded_not_crashed(tmp_path: Path, curriculum, kind: str,
                                                  choices) -> None:
    path = tmp_path / f"{kind}.yaml"
    path.write_text(_mutate((EXAMPLES / f"{kind}.yaml").read_text(), choices))
    result = grade_file(path, as_of=date(2027, 1, 20), curriculum=curriculum)
    assert 0 <= result.score <= 100
    assert not result.internal_errors, result.internal_errors
    for finding in result.findings:
        assert finding.rule and finding.where and finding.message
    if result.figures is not None:  # whatever was computed can be drawn
        render_text(kind, result, width=80)


@pytest.mark.parametrize("kind", MARKDOWN_KINDS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(0, 10_000), st.booleans(),
                                st.sampled_from(ODD_MARKDOWN_LINES)), min_size=1, max_size=8))
def test_mangled_markdown_artifacts_are_graded_not_crashed(tmp_path: Path, curriculum,
                                                           kind: str, edits) -> None:
    lines = (EXAMPLES / REGISTRY[kind].filename).read_text(encoding="utf-8").splitlines()
    for position, replace, line in edits:
        index = position % len(lines)
        if replace:
            lines[index] = line
        else:
            lines.insert(index, line)
    path = tmp_path / REGISTRY[kind].filename
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = grade_file(path, as_of=date(2027, 1, 20), curriculum=curriculum)
    assert 0 <= result.score <= 100
    assert not result.internal_errors, result.internal_errors
    assert all(finding.where and finding.message for finding in result.findings)
    if result.figures is not None:
        render_text(kind, result, width=80)
