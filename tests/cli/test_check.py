"""new, check, rules, explain, schema through the real CLI."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from pmpath.kinds import KINDS

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "curriculum" / "examples"

# Every kind through the command line; the Markdown kinds' model answers end in .md.
GRADED = list(KINDS)
YAML_GRADED = [kind for kind in KINDS if not KINDS[kind].markdown]


def example_of(kind: str) -> Path:
    return EXAMPLES / KINDS[kind].filename


def test_new_writes_a_template_that_fails_check_with_placeholders(workspace: Path,
                                                                   pmpath) -> None:
    result = pmpath("new", "risk-register")
    assert result.exit_code == 0, result.stderr
    target = workspace / "08-risk-management" / "risk-register.yaml"
    text = target.read_text()
    assert text.startswith(
        "# yaml-language-server: $schema=../.pmpath/schemas/risk-register.schema.json\n")
    schema = json.loads((workspace / ".pmpath/schemas/risk-register.schema.json").read_text())
    assert "risks" in schema["properties"]
    check = pmpath("check", "--json")
    assert check.exit_code == 1
    document = check.json()
    artifact = document["artifacts"][0]
    assert artifact["path"] == "08-risk-management/risk-register.yaml"
    assert artifact["exercise"] == "living-risk-register"
    assert artifact["passed"] is False
    assert "common.placeholder" in {f["rule"] for f in artifact["findings"]}


@pytest.mark.parametrize("kind", GRADED)
def test_every_fresh_template_fails(workspace: Path, pmpath, kind: str) -> None:
    assert pmpath("new", kind).exit_code == 0
    document = pmpath("check", "--json").json()
    assert document["passed"] is False
    passed = {artifact["kind"]: artifact["passed"] for artifact in document["artifacts"]}
    assert passed.pop(kind) is False
    # What else `new` wrote is the exercise's material (the sprint's sample backlog): ready.
    assert all(passed.values()), passed


def test_new_never_overwrites_and_force_keeps_a_backup(workspace: Path, pmpath) -> None:
    pmpath("new", "sprint")
    target = workspace / "02-agile-scrum" / "sprint.yaml"
    target.write_text("kind: sprint\n# my own work\n")
    again = pmpath("new", "sprint")
    assert again.exit_code == 2  # refused, not failed work
    assert "untouched" in again.stderr and len(again.stderr.strip().splitlines()) == 1
    assert target.read_text() == "kind: sprint\n# my own work\n"
    forced = pmpath("new", "sprint", "--force")
    assert forced.exit_code == 0
    backups = list((workspace / ".pmpath" / "backups").rglob("sprint.yaml"))
    assert len(backups) == 1
    assert backups[0].read_text() == "kind: sprint\n# my own work\n"
    assert "my own work" not in target.read_text()


def test_new_name_stays_inside_the_workspace(workspace: Path, tmp_path: Path, pmpath) -> None:
    ok = pmpath("new", "capacity-plan", "--name", "01-fundamentals/team-payments.yaml")
    assert ok.exit_code == 0
    # --name is relative to the workspace root, like every path pmpath shows.
    assert (workspace / "01-fundamentals" / "team-payments.yaml").is_file()
    for name in ("../outside.yaml", str(tmp_path / "outside.yaml"), ".pmpath/x.yaml",
                 "plan.txt"):
        result = pmpath("new", "capacity-plan", "--name", name)
        assert result.exit_code == 2, name
        assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "outside.yaml").exists()


def test_new_refuses_unknown_kinds_with_a_suggestion(workspace: Path, pmpath) -> None:
    unknown = pmpath("new", "gantt-chart")
    assert unknown.exit_code == 2 and "risk-register" in unknown.stderr
    close = pmpath("new", "risk-registr")
    assert close.exit_code == 2 and "did you mean 'risk-register'" in close.stderr


@pytest.mark.parametrize("kind", GRADED)
def test_model_answers_pass_with_no_findings(pmpath, kind: str) -> None:
    result = pmpath("check", str(example_of(kind)), "--as-of", "2027-01-20", "--json")
    assert result.exit_code == 0, result.stdout
    artifact = result.json()["artifacts"][0]
    assert artifact["findings"] == []
    assert artifact["score"] == 100


def test_check_contract_shape(tmp_path: Path, pmpath) -> None:
    result = pmpath("check", str(EXAMPLES / "risk-register.yaml"), "--as-of", "2027-01-20",
                    "--json")
    document = result.json()
    assert set(document) == {"version", "as_of", "passed", "artifacts"}
    assert document["version"] == 1 and document["as_of"] == "2027-01-20"
    artifact = document["artifacts"][0]
    assert set(artifact) == {"path", "kind", "exercise", "passed", "score", "findings",
                             "metrics"}
    assert set(artifact["metrics"]) >= {"heatmap", "high_risks", "stale_risks", "open_count"}


def test_one_broken_file_does_not_hide_the_others(tmp_path: Path, pmpath) -> None:
    good = tmp_path / "good.yaml"
    shutil.copy(EXAMPLES / "sprint.yaml", good)
    broken = tmp_path / "broken.yaml"
    broken.write_text("kind: risk-register\nversion: 1\nrisks: [\n")
    result = pmpath("check", str(broken), str(good), "--json", "--as-of", "2027-01-20")
    assert result.exit_code == 1
    artifacts = {Path(a["path"]).name: a for a in result.json()["artifacts"]}
    assert artifacts["good.yaml"]["passed"] is True
    finding = artifacts["broken.yaml"]["findings"][0]
    assert finding["rule"] == "common.unreadable"
    assert finding["where"].startswith("line ")
    assert artifacts["broken.yaml"]["kind"] == "risk-register"


def test_a_missing_path_is_a_usage_error_and_the_rest_are_graded(tmp_path: Path,
                                                                pmpath) -> None:
    kindless = tmp_path / "notes.yaml"
    kindless.write_text("title: my notes\n")
    missing = tmp_path / "nope.yaml"
    result = pmpath("check", str(missing), str(kindless), "--json")
    assert result.exit_code == 2
    document = result.json()
    assert document["passed"] is False
    assert document["errors"] == [{"path": str(missing), "message": "no such file or folder"}]
    [finding] = [a["findings"][0] for a in document["artifacts"]]
    assert finding == {**finding, "rule": "common.schema", "where": "kind"}
    assert result.stderr.strip().splitlines() == [f"error: {missing}: no such file or folder"]
    text = pmpath("check", str(missing))
    assert text.exit_code == 2 and len(text.stderr.strip().splitlines()) == 1
    assert "YAML" not in text.stderr


def test_check_outside_a_workspace_needs_paths(tmp_path: Path, monkeypatch, pmpath) -> None:
    monkeypatch.chdir(tmp_path)
    result = pmpath("check")
    assert result.exit_code == 2
    assert "pmpath init" in result.stderr


def test_as_of_decides_staleness(tmp_path: Path, pmpath) -> None:
    path = str(EXAMPLES / "risk-register.yaml")
    on_time = pmpath("check", path, "--as-of", "2027-01-20", "--json").json()
    late = pmpath("check", path, "--as-of", "2027-06-30", "--json").json()
    assert on_time["artifacts"][0]["metrics"]["stale_risks"] == []
    assert late["artifacts"][0]["metrics"]["stale_risks"]
    assert "risk.stale" in {f["rule"] for f in late["artifacts"][0]["findings"]}
    assert pmpath("check", path, "--as-of", "20/01/2027").exit_code == 2


def test_a_passed_check_completes_the_exercise_and_next_moves_on(workspace: Path,
                                                                 pmpath) -> None:
    skill = pmpath("skill", "8", "--json").json()
    for concept in skill["concepts"]:
        pmpath("tick", concept["id"])
    for number in range(1, 8):
        pmpath("skip", str(number), "--reason", "covered at work")
    assert pmpath("next", "--json").json()["action"]["command"] == "pmpath new risk-register"
    target = workspace / "08-risk-management" / "risk-register.yaml"
    shutil.copy(EXAMPLES / "risk-register.yaml", target)
    assert "pmpath check" in pmpath("next", "--json").json()["action"]["command"]
    assert pmpath("check", "--as-of", "2027-01-20").exit_code == 0
    path = pmpath("path", "--json").json()
    assert path["skills"][7]["status"] == "passed"
    assert pmpath("next", "--json").json()["skill"]["id"] == "metrics-reporting"
    # Editing the file after it passed asks for a new check.
    target.write_text(target.read_text() + "\n# edited\n")
    assert pmpath("path", "--json").json()["skills"][7]["status"] == "in progress"


def test_a_failed_check_tells_next_how_many_errors_to_fix(workspace: Path, pmpath) -> None:
    pmpath("new", "risk-register")
    for number in range(1, 8):
        pmpath("skip", str(number), "--reason", "covered at work")
    errors = sum(1 for f in pmpath("check", "--json").json()["artifacts"][0]["findings"]
                 if f["severity"] == "error")
    action = pmpath("next", "--json").json()["action"]
    assert action["text"].startswith(f"fix {errors} errors in 08-risk-management/risk-register")


def test_ignored_rules_are_silenced_and_not_scored(workspace: Path, pmpath) -> None:
    target = workspace / "08-risk-management" / "risk-register.yaml"
    shutil.copy(EXAMPLES / "risk-register.yaml", target)
    late = ["check", "--as-of", "2027-06-30", "--json"]
    before = pmpath(*late).json()["artifacts"][0]
    assert "risk.stale" in {f["rule"] for f in before["findings"]}
    config = workspace / "pmpath.toml"
    config.write_text(config.read_text().replace("ignore = []",
                                                  'ignore = ["risk.stale", "risk.dates"]'))
    after = pmpath(*late).json()["artifacts"][0]
    assert not {"risk.stale", "risk.dates"} & {f["rule"] for f in after["findings"]}
    assert after["score"] > before["score"]


def test_check_text_output_shows_findings_and_figures(tmp_path: Path, pmpath) -> None:
    flawed = tmp_path / "register.yaml"
    text = (EXAMPLES / "risk-register.yaml").read_text()
    flawed.write_text(text.replace("score: 20", "score: 12", 1))
    result = pmpath("check", str(flawed), "--as-of", "2027-01-20")
    assert result.exit_code == 1
    assert "FAIL" in result.stdout and "risk.score-matches" in result.stdout
    # the place is named by its path and by the line the learner's editor shows
    line = text.splitlines().index(next(row for row in text.splitlines()
                                        if row.strip().startswith("score: 20"))) + 1
    assert f"score (line {line})" in result.stdout
    assert "heat map" in result.stdout.lower()
    # The verdict summary is output, not an error message.
    assert "0 of 1 artifact pass" in result.stdout and result.stderr == ""


def test_rules_lists_every_spec_rule(pmpath) -> None:
    document = pmpath("rules", "--json").json()
    ids = {rule["id"] for rule in document["rules"]}
    spec = (REPO.parent / "shared" / "spec" / "artifacts.md")
    expected = {"common.unreadable", "common.schema", "common.placeholder", "risk.score-matches",
                "risk.stale", "capacity.overcommitted", "sprint.burndown", "sprint.daily"}
    assert expected <= ids
    if spec.exists():
        import re

        for kind, prefix in (("risk-register", "risk."), ("capacity-plan", "capacity."),
                             ("sprint", "sprint.")):
            section = spec.read_text().split(f"## {kind}", 1)[1].split("\n## ", 1)[0]
            listed = set(re.findall(r"`(" + re.escape(prefix) + r"[a-z-]+)`", section))
            assert listed <= ids, listed - ids
    only_sprint = pmpath("rules", "sprint", "--json").json()["rules"]
    assert {r["kind"] for r in only_sprint} == {"common", "sprint"}
    assert pmpath("rules", "nope").exit_code == 2


def test_explain_reads_like_a_linter_rule(pmpath) -> None:
    result = pmpath("explain", "risk.score-matches")
    assert result.exit_code == 0
    for heading in ("Why it matters", "Passes", "Fails", "How to fix"):
        assert heading in result.stdout
    document = pmpath("explain", "capacity.overcommitted", "--json").json()
    assert document["kind"] == "capacity-plan" and document["rationale"]
    missing = pmpath("explain", "risk.nope")
    assert missing.exit_code == 2 and "pmpath rules" in missing.stderr


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


@pytest.mark.parametrize("kind", YAML_GRADED)
def test_schema_accepts_every_valid_artifact(pmpath, kind: str) -> None:
    import jsonschema
    import yaml

    schema = pmpath("schema", kind).json()
    validator = jsonschema.Draft202012Validator(schema)
    valid = [EXAMPLES / f"{kind}.yaml", REPO / "tests" / "fixtures" / kind / "clean.yaml"]
    for path in [path for path in valid if path.exists()]:
        document = _jsonable(yaml.safe_load(path.read_text()))
        errors = list(validator.iter_errors(document))
        assert not errors, (path.name, errors[:1])
    assert list(validator.iter_errors({"kind": kind}))  # required fields are required


def test_check_watch_regrades_a_file_when_it_is_saved(tmp_path: Path, monkeypatch,
                                                      pmpath) -> None:
    import pmpath.cli.watch as watch

    target = tmp_path / "sprint.yaml"
    shutil.copy(EXAMPLES / "sprint.yaml", target)
    saves = {"count": 0}

    def learner_saves(targets):
        assert targets == [target.resolve()]
        saves["count"] += 1
        if saves["count"] == 1:  # the learner saves a flawed version
            target.write_text(target.read_text().replace("length_days: 10", "length_days: 15"))
            yield {("modified", str(target))}
        else:
            raise KeyboardInterrupt

    monkeypatch.setattr(watch, "file_changes", learner_saves)
    result = pmpath("check", str(target), "--watch", "--as-of", "2027-01-20")
    assert result.exit_code == 130
    assert result.stdout.count("sprint.yaml") >= 2
    assert "PASS" in result.stdout and "FAIL" in result.stdout
    assert "sprint.length" in result.stdout
    assert "Stopped watching" in result.stderr

def test_a_fresh_template_shows_its_placeholders_as_one_row(workspace: Path, pmpath) -> None:
    pmpath("new", "capacity-plan")
    document = pmpath("check", "--json").json()
    places = [f["where"] for f in document["artifacts"][0]["findings"]
              if f["rule"] == "common.placeholder"]
    assert len(places) > 3  # JSON lists every place...
    text = pmpath("check").stdout
    assert text.count("common.placeholder") == 1  # ...the screen gathers them
    assert f"{len(places)} places" in text


def test_no_record_grades_without_touching_progress(workspace: Path, pmpath) -> None:
    pmpath("new", "risk-register")
    state = workspace / ".pmpath" / "state.toml"
    before = state.read_bytes()
    result = pmpath("check", "--no-record", "--json")
    assert result.exit_code == 1 and result.json()["artifacts"]
    assert state.read_bytes() == before
    pmpath("check")
    assert state.read_bytes() != before


def test_explain_shows_the_numbers_the_curriculum_judges_by(pmpath) -> None:
    text = " ".join(pmpath("explain", "sprint.commitment").stdout.split())
    assert "The numbers this curriculum judges by" in text and "allowance 1.1" in text
    assert "recent sprints 3 " in text
    document = pmpath("explain", "capacity.focus", "--json").json()
    assert document["thresholds"]["error_above"] == 0.9
    assert pmpath("explain", "risk.ids", "--json").json()["thresholds"] == {}
