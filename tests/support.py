"""Small assertions shared by the tests (importable because pytest puts tests/ on the path)."""

from __future__ import annotations


def rules_of(result) -> set[str]:
    return {finding.rule for finding in result.findings}


def where_of(result, rule: str) -> list[str]:
    return [finding.where for finding in result.findings if finding.rule == rule]
