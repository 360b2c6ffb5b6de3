"""The kind contract, checked for every kind in the registry (docs/architecture.md).

For every kind: its rules are each bound to exactly one check; every rule has
`explain` prose and a rubric weight; the fresh template fails `check`; the model
answer passes with no findings and validates against the kind's JSON Schema; and
every rule has a fixture that breaks it (tests/fixtures/<kind>/, each flawed
fixture naming the rule it breaks in parentheses) while the model answer passes it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from pmpath.kinds import KINDS, spec_of

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "curriculum" / "examples"
FIXTURES = REPO / "tests" / "fixtures"
BUILT = list(KINDS)


def example_index() -> dict:
    return yaml.safe_load((EXAMPLES / "index.yaml").read_text(encoding="utf-8"))["examples"]


def test_every_registered_kind_declares_itself() -> None:
    for kind in KINDS:
        assert spec_of(kind).kind == kind
        assert spec_of(kind).markdown == KINDS[kind].markdown


def test_common_rules_are_each_bound_to_one_check() -> None:
    from pmpath.kinds.common import COMMON

    assert COMMON.unbound == [] and COMMON.strays == []


@pytest.mark.parametrize("kind", BUILT)
def test_rules_are_each_bound_to_one_check(kind: str) -> None:
    book = spec_of(kind).rules
    assert book.unbound == [], f"rules without a check: {book.unbound}"
    assert book.strays == [], f"checks without a rule: {book.strays}"
    prefix = {rule.id.split(".")[0] for rule in book}
    assert len(prefix) == 1, f"one rule prefix per kind, found {prefix}"


@pytest.mark.parametrize("kind", BUILT)
def test_rules_have_explain_prose_and_a_weight(kind: str) -> None:
    rubric = yaml.safe_load((REPO / "curriculum" / "rubric.yaml").read_text())["weights"]
    for rule in spec_of(kind).rules:
        for field in ("title", "rationale", "hint", "passes", "fails"):
            assert getattr(rule, field).strip(), f"{rule.id} has no {field}"
        assert rule.id in rubric, f"{rule.id} has no weight in curriculum/rubric.yaml"


@pytest.mark.parametrize("kind", BUILT)
def test_fresh_template_fails(kind: str, grade) -> None:
    info = KINDS[kind]
    from support import fresh_template

    result = grade(fresh_template(kind), name=info.filename)
    assert result.kind == kind
    assert not result.passed


@pytest.mark.parametrize("kind", BUILT)
def test_model_answer_passes_with_no_findings(kind: str, grade) -> None:
    entry = example_index()[kind]
    result = grade(EXAMPLES / entry["file"], as_of=entry["as_of"])
    assert result.kind == kind
    assert result.findings == [], [f"{f.rule} {f.where}: {f.message}" for f in result.findings]
    assert not result.skipped and not result.internal_errors
    assert result.score == 100


@pytest.mark.parametrize("kind", BUILT)
def test_model_answer_validates_against_the_schema(kind: str) -> None:
    import jsonschema

    from pmpath.core.documents import load_document
    from pmpath.core.scaffold import json_schema

    entry = example_index()[kind]
    data = load_document(EXAMPLES / entry["file"]).data
    schema = json_schema(spec_of(kind).model, kind)
    jsonschema.validate(_json_ready(data), schema)


def _json_ready(value):
    """Dates as ISO text, as an editor sees them in the file."""
    import datetime

    if isinstance(value, dict):
        return {key: _json_ready(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_ready(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


@pytest.mark.parametrize("kind", BUILT)
def test_every_rule_has_a_failing_fixture(kind: str, grade) -> None:
    """Each fixture says which rule it breaks — '(rule.id)' in its first comment — and
    grading it reports that rule; together they cover every rule of the kind."""
    folder = FIXTURES / kind
    covered: set[str] = set()
    for path in sorted(folder.glob("*")):
        if path.suffix not in (".yaml", ".md"):
            continue
        head = path.read_text(encoding="utf-8").split("\n", 3)[:3]
        named = set(re.findall(r"\(([a-z]+\.[a-z-]+)[,)]", " ".join(head)))
        if not named:
            continue
        result = grade(path, as_of=_fixture_as_of(path))
        found = {finding.rule for finding in result.findings}
        assert named <= found, f"{path.name} should break {named - found}"
        covered |= named
    rules = {rule.id for rule in spec_of(kind).rules}
    assert rules <= covered, f"rules without a failing fixture: {sorted(rules - covered)}"


def _fixture_as_of(path: Path):
    """A fixture may pin its date with '# as of YYYY-MM-DD'; default 2027-01-20."""
    import datetime

    match = re.search(r"as of (\d{4}-\d{2}-\d{2})", path.read_text(encoding="utf-8")[:400])
    return datetime.date.fromisoformat(match.group(1)) if match else datetime.date(2027, 1, 20)


@pytest.mark.parametrize("kind", BUILT)
def test_kind_id_lives_only_in_its_package(kind: str) -> None:
    """Outside its own package and the registry, no source file names the kind."""
    source = REPO / "src" / "pmpath"
    package = source / "kinds" / KINDS[kind].package.rsplit(".", 1)[-1]
    # The same quote on both sides: "the sprint's length" in prose is not the kind's id.
    pattern = re.compile(r"([\"'])" + re.escape(kind) + r"\1")
    offenders = []
    for path in source.rglob("*.py"):
        if package in path.parents or path == source / "kinds" / "__init__.py":
            continue
        if pattern.search(path.read_text(encoding="utf-8")):
            offenders.append(str(path.relative_to(source)))
    assert offenders == []


def test_cli_imports_no_kind_and_no_arithmetic() -> None:
    cli = REPO / "src" / "pmpath" / "cli"
    pattern = re.compile(r"^\s*(from|import) pmpath\.(kinds|analysis|artifacts|render)\b",
                         re.MULTILINE)
    offenders = [path.name for path in cli.glob("*.py") if pattern.search(path.read_text())]
    assert offenders == []


@pytest.mark.parametrize("kind", BUILT)
def test_the_rubric_sets_only_thresholds_the_kind_reads(kind: str) -> None:
    """Each number curriculum/rubric.yaml gives one of the kind's rules is one the kind
    declares (a misspelt name would otherwise be ignored), and the kind has a default for
    every number a rule reads (``Context.threshold``)."""
    spec = spec_of(kind)
    rubric = yaml.safe_load((REPO / "curriculum" / "rubric.yaml").read_text(encoding="utf-8"))
    ours = {rule.id for rule in spec.rules}
    for rule_id, numbers in rubric["thresholds"].items():
        if rule_id in ours:
            assert set(numbers) <= set(spec.thresholds.get(rule_id, {})), rule_id
    assert set(spec.thresholds) <= ours
    package = REPO / "src" / "pmpath" / "kinds" / kind.replace("-", "_")
    read = set(re.findall(r'ctx\.threshold\(\s*"([\w.-]+)",\s*"(\w+)"\)',
                          "".join(path.read_text(encoding="utf-8")
                                  for path in package.glob("*.py"))))
    assert read <= {(rule_id, name) for rule_id, names in spec.thresholds.items()
                    for name in names}
