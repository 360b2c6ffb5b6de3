"""The JSON Schemas editors check artifacts with: written by `init` and `new`, named on the
first line of every YAML file `new` writes, describing every field with its range, and
strict enough that a wrongly typed value is flagged while the model answer is not."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import pytest
import yaml

from pmpath.kinds import KINDS

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "curriculum" / "examples"
BUILT = list(KINDS)
YAML_KINDS = [kind for kind in BUILT if not KINDS[kind].is_markdown]
MODELINE = "# yaml-language-server: $schema="

# One wrongly typed value per kind, where the model answer has a number or a list; every
# kind also gets version: "one".
WRONG_TYPES: dict[str, list[tuple[tuple[str | int, ...], object]]] = {
    "risk-register": [(("risks", 0, "probability"), "high"),
                      (("review_cadence_days",), "fortnightly")],
    "sprint": [(("length_days",), "ten"), (("backlog", 0, "points"), "five")],
    "project-plan": [(("work", 0, "estimate", "likely"), "eight"), (("deliverables",), "six")],
    "launch-plan": [(("tasks", 0, "duration"), "five"), (("resources", 0, "capacity"), 1.5)],
    "capacity-plan": [(("focus_factor",), "high"), (("members",), "eight people")],
    "stakeholder-plan": [(("stakeholders", 0, "power"), "high"),
                         (("status_report", "overall"), "purple")],
    "jira-config": [(("issue_types", 0, "level"), "epic"), (("workflows",), [])],
    "metrics-dashboard": [(("kpis", 0, "category"), "finance")],
    "product-backlog": [(("items", 0, "points"), "five")],
    "star-stories": [(("stories",), "three")],
}
# Off the scale: a value of the right type the schema's range flags in the editor (the
# rule, not the schema, judges it when pmpath grades the file).
OUT_OF_RANGE: dict[str, list[tuple[tuple[str | int, ...], object]]] = {
    "risk-register": [(("risks", 0, "probability"), 7), (("risks", 0, "impact"), 0)],
    "stakeholder-plan": [(("stakeholders", 0, "interest"), 6)],
    "capacity-plan": [(("focus_factor",), 1.2), (("buffer",), 0.01)],
    "launch-plan": [(("tasks", 0, "duration"), -1), (("rollout", 0, "percent"), 150)],
    "project-plan": [(("work", 0, "estimate", "optimistic"), -2)],
    "sprint": [(("length_days",), 30)],
}


def example_data(kind: str) -> dict:
    from pmpath.core.documents import load_document

    index = yaml.safe_load((EXAMPLES / "index.yaml").read_text(encoding="utf-8"))["examples"]
    if kind not in index:
        pytest.skip(f"no model answer for {kind} yet")
    return json_ready(load_document(EXAMPLES / index[kind]["file"]).data)


def json_ready(value):
    """Dates as ISO text, as an editor sees them in the file."""
    import datetime

    if isinstance(value, dict):
        return {key: json_ready(item) for key, item in value.items()}
    if isinstance(value, list):
        return [json_ready(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def schema_of(kind: str) -> dict:
    from pmpath.core.scaffold import json_schema
    from pmpath.kinds import spec_of

    return json_schema(spec_of(kind).model, kind)


def changed(data: dict, where: tuple[str | int, ...], value: object) -> dict:
    copied = copy.deepcopy(data)
    node = copied
    for step in where[:-1]:
        node = node[step]
    node[where[-1]] = value
    return copied


@pytest.mark.parametrize("kind", BUILT)
def test_a_wrongly_typed_field_fails_the_schema(kind: str) -> None:
    import jsonschema

    data, schema = example_data(kind), schema_of(kind)
    jsonschema.validate(data, schema)
    for where, value in [(("version",), "one"), *WRONG_TYPES.get(kind, [])]:
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(changed(data, where, value), schema)


@pytest.mark.parametrize("kind", sorted(OUT_OF_RANGE))
def test_the_schema_shows_each_scale_to_the_editor(kind: str) -> None:
    import jsonschema

    data, schema = example_data(kind), schema_of(kind)
    for where, value in OUT_OF_RANGE[kind]:
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(changed(data, where, value), schema)


def test_an_off_scale_value_is_still_the_rules_to_explain(grade, tmp_path: Path) -> None:
    text = (EXAMPLES / "risk-register.yaml").read_text(encoding="utf-8")
    flawed = text.replace("probability: 4", "probability: 7", 1)
    assert flawed != text
    result = grade(flawed, name="risk-register.yaml")
    rules = {finding.rule for finding in result.findings}
    assert "risk.scale" in rules and "common.schema" not in rules


def undescribed(schema: dict) -> list[str]:
    """Every property, at any depth, that has no description (kind and version aside)."""
    missing = []

    def walk(node, path: str) -> None:
        if isinstance(node, dict):
            for key, item in (node.get("properties") or {}).items():
                if key not in ("kind", "version") and "description" not in item:
                    missing.append(f"{path}.{key}")
                walk(item, f"{path}.{key}")
            for key, item in node.items():
                if key != "properties":
                    walk(item, f"{path}/{key}")
        elif isinstance(node, list):
            for item in node:
                walk(item, path)

    walk(schema, "")
    return missing


@pytest.mark.parametrize("kind", BUILT)
def test_every_field_has_a_description(kind: str) -> None:
    assert undescribed(schema_of(kind)) == []


def test_init_writes_every_kinds_schema(pmpath_cli, tmp_path: Path) -> None:
    root = tmp_path / "ws"
    result = pmpath_cli("init", str(root), "--name", "Sam", "--start", "2027-01-04",
                        "--hours", "8")
    assert result.exit_code == 0, result.stderr
    written = sorted(path.name for path in (root / ".pmpath" / "schemas").iterdir())
    assert written == sorted(f"{kind}.schema.json" for kind in BUILT)
    schema = json.loads((root / ".pmpath/schemas/risk-register.schema.json").read_text())
    assert schema == schema_of("risk-register")


def test_the_schemas_are_cached_between_workspaces(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from pmpath.core import scaffold

    monkeypatch.setenv("PMPATH_CACHE_DIR", str(tmp_path / "cache"))
    first = scaffold.all_schemas()
    assert (tmp_path / "cache" / "schemas.json").is_file()
    monkeypatch.setattr(scaffold, "json_schema", lambda *args: pytest.fail("not cached"))
    assert scaffold.all_schemas() == first
    (tmp_path / "cache" / "schemas.json").write_text("{not json", encoding="utf-8")
    monkeypatch.undo()
    monkeypatch.setenv("PMPATH_CACHE_DIR", str(tmp_path / "cache"))
    assert scaffold.all_schemas() == first  # a damaged cache is rebuilt


@pytest.mark.parametrize("kind", YAML_KINDS)
def test_new_puts_the_schema_line_first_pointing_at_the_schema(pmpath_cli, tmp_path: Path,
                                                               monkeypatch, kind: str) -> None:
    root = tmp_path / "ws"
    monkeypatch.setenv("PMPATH_TODAY", "2027-01-20")
    assert pmpath_cli("init", str(root), "--name", "Sam", "--start", "2027-01-04",
                      "--hours", "8").exit_code == 0
    monkeypatch.chdir(root)
    for name in (None, f"drafts/deeper/{kind}.yaml"):
        result = pmpath_cli("new", kind, *(("--name", name) if name else ()))
        assert result.exit_code == 0, result.stderr
        files = [path for path in root.rglob(f"{kind}.yaml") if ".pmpath" not in path.parts]
        target = next(path for path in files
                      if (name is None) == ("drafts" not in path.parts))
        first = target.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith(MODELINE), first
        reference = first[len(MODELINE):]
        assert not os.path.isabs(reference) and "\\" not in reference
        assert (target.parent / reference).resolve() == \
            (root / ".pmpath" / "schemas" / f"{kind}.schema.json").resolve()


@pytest.mark.parametrize("kind", BUILT)
def test_templates_do_not_carry_the_schema_line_themselves(kind: str) -> None:
    template = REPO / "templates" / kind / KINDS[kind].filename
    assert "yaml-language-server" not in template.read_text(encoding="utf-8")


@pytest.fixture
def pmpath_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    from cli.conftest import Run

    from pmpath.cli.app import GlobalOptions, run

    def call(*args: str) -> Run:
        GlobalOptions.workspace = None
        capsys.readouterr()
        code = run(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return call
