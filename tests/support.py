"""Small assertions shared by the tests (importable because pytest puts tests/ on the path)."""

from __future__ import annotations


def rules_of(result) -> set[str]:
    return {finding.rule for finding in result.findings}


def where_of(result, rule: str) -> list[str]:
    return [finding.where for finding in result.findings if finding.rule == rule]


def rules_named_in_fixtures(folder, prefix: str) -> set[str]:
    """Rule ids ``(prefix.name)`` that the flawed fixtures in ``folder`` say they break."""
    import re

    pattern = re.compile(r"\((" + re.escape(prefix) + r"\.[a-z-]+)\)")
    named: set[str] = set()
    for path in folder.glob("*.yaml"):
        named.update(pattern.findall(path.read_text(encoding="utf-8")))
    return named


def render_text(kind: str, result, width: int = 80) -> str:
    """What ``pmpath check`` draws for ``result``, as plain text at ``width`` columns."""
    import io

    from rich.console import Console

    from pmpath.kinds import spec_of
    from pmpath.kinds.base import lazy

    buffer = io.StringIO()
    lazy(spec_of(kind).renderer)(result, Console(file=buffer, width=width, no_color=True,
                                                 force_terminal=False))
    return buffer.getvalue()


def fresh_template(kind: str, today=None, params=None) -> str:
    """What ``pmpath new KIND`` writes on ``today`` (default 2027-01-20) before the editor
    line: the template with its dates and sizes filled in."""
    from datetime import date

    from pmpath.core.scaffold import template_text

    return template_text(kind, today or date(2027, 1, 20), params)
