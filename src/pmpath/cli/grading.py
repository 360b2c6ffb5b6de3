"""Grading: new, check, rules, explain, schema."""


from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from pmpath.cli import session
from pmpath.cli.app import command_group
from pmpath.cli.output import echo, message, print_json, styled, success, today, warning

app = command_group()

if TYPE_CHECKING:
    from pmpath.core.grading import ArtifactResult
    from pmpath.core.workspace import Workspace

JSON_OPTION = typer.Option(False, "--json", help="Print JSON instead of text.")


@app.command("new")
def new(
    kind: str = typer.Argument(..., help="Artifact kind, e.g. risk-register."),
    name: str = typer.Option(None, "--name", metavar="FILE",
                             help="File name (inside your workspace) instead of the default."),
    force: bool = typer.Option(False, "--force",
                               help="Replace an existing file; the old one is backed up first."),
) -> None:
    """Write a fresh template for an exercise into its skill folder."""
    from pmpath.core.scaffold import scaffold

    ws = session.workspace()
    result = scaffold(ws, ws.curriculum(), kind, name, force)
    shown = ws.relative(result.path)
    if not result.created:
        warning(f"{shown} already exists; your file is untouched. Edit it, or run "
                f"`pmpath new {kind} --force` to start over (the old file is backed up).")
        raise typer.Exit(1)
    if result.backup is not None:
        message(f"Backed up your old file to {ws.relative(result.backup)}")
    success(f"Wrote {shown}")
    if result.exercise is not None:
        echo(f"Exercise: {result.exercise.title}")
    echo(f"Fill in every <placeholder>, then run {styled(f'pmpath check {shown}', 'command')}. "
         f"Stuck? {styled('pmpath hint', 'command')}")


def _targets(ws: "Workspace | None", paths: list[Path]) -> list[Path]:
    from pmpath.core.errors import UsageError
    from pmpath.core.grading import find_artifacts

    if not paths:
        if ws is None:
            raise UsageError("give the files to check, or run inside a workspace "
                             "(`pmpath init my-pm-path`) to check all your artifacts")
        return find_artifacts(ws.root)
    targets: list[Path] = []
    for path in paths:
        targets.extend(find_artifacts(path) if path.is_dir() else [path])
    return targets


def _grade_all(ws: "Workspace | None", targets: list[Path], as_of: Any) -> "list[ArtifactResult]":
    from pmpath.core.grading import grade_file

    curriculum = session.curriculum(ws)
    ignore = ws.ignored_rules if ws else []
    results = []
    for path in targets:
        inside = ws is not None and ws.contains(path)
        shown = ws.relative(path) if inside else str(path)
        folder = shown.split("/", 1)[0] if inside and "/" in shown else None
        results.append(grade_file(path, as_of=as_of, curriculum=curriculum, display_path=shown,
                                  folder=folder, ignore=ignore))
    return results


def _record(ws: "Workspace | None", results: "list[ArtifactResult]") -> None:
    """Remember each graded artifact in the workspace so `next` and `path` move on."""
    if ws is None:
        return
    from datetime import datetime

    from pmpath.core.state import CheckRecord, update_state

    recordable = [r for r in results if r.gradable and r.sha256 and r.file is not None
                  and ws.contains(r.file) and r.file.exists()]
    if not recordable:
        return
    now = datetime.now().replace(microsecond=0)
    with update_state(ws.state_path, ws.lock_path) as state:
        for result in recordable:
            stat = result.file.stat()  # type: ignore[union-attr] - filtered above
            state.checks[result.path] = CheckRecord(
                kind=result.kind, exercise=result.exercise, passed=result.passed,
                score=result.score, errors=result.errors, warnings=result.warnings,
                sha256=result.sha256 or "", checked_at=now, size=stat.st_size,
                mtime_ns=stat.st_mtime_ns)


def _show(result: "ArtifactResult") -> None:
    from rich.table import Table
    from rich.text import Text

    from pmpath.cli.output import console

    out = console()
    verdict = Text(" PASS ", style="pass") if result.passed else Text(" FAIL ", style="fail")
    counts = []
    if result.errors:
        counts.append(f"{result.errors} error{'s' if result.errors != 1 else ''}")
    if result.warnings:
        counts.append(f"{result.warnings} warning{'s' if result.warnings != 1 else ''}")
    out.print(Text("✔" if result.passed else "✘") + verdict
              + Text(f"{result.path}", style="bold")
              + Text(f"  {result.kind} · score {result.score}/100"
                     + (f" · {', '.join(counts)}" if counts else ""), style="muted"))
    if result.findings:
        table = Table(show_edge=False, pad_edge=False, expand=False)
        table.add_column("Rule", no_wrap=True)
        table.add_column("Where", overflow="fold")
        table.add_column("Problem", ratio=3)
        table.add_column("How to fix", ratio=3)
        rows = _finding_rows(result.findings)
        for rule, severity, where, problem, fix in rows[:200]:
            style = "fail" if severity == "error" else "warn"
            table.add_row(Text(rule, style=style), where, problem, fix)
        out.print(table)
        if len(rows) > 200:
            out.print(Text(f"… and {len(rows) - 200} more findings "
                           "(`pmpath check --json` lists them all)", style="muted"))
    if result.metrics:
        _figures(result)
    out.print()


def _finding_rows(findings: list[Any]) -> list[tuple[str, str, str, str, str]]:
    """Table rows; a fresh template's many placeholders are gathered into one row."""
    placeholders = [f for f in findings if f.rule == "common.placeholder"]
    rows = []
    gathered = False
    for finding in findings:
        if finding.rule == "common.placeholder" and len(placeholders) > 3:
            if not gathered:
                shown = ", ".join(f.where for f in placeholders[:8])
                more = f" and {len(placeholders) - 8} more" if len(placeholders) > 8 else ""
                rows.append((finding.rule, finding.severity, f"{len(placeholders)} places",
                             f"template placeholders are still in {shown}{more}",
                             finding.hint))
                gathered = True
            continue
        rows.append((finding.rule, finding.severity, finding.where, finding.message,
                     finding.hint))
    return rows


def _figures(result: "ArtifactResult") -> None:
    import importlib

    from pmpath.cli.output import console

    module_name = f"pmpath.render.{result.kind.replace('-', '_')}"
    try:
        renderer = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise
        renderer = None
    if renderer is not None:
        renderer.render(result, console())
        return
    from rich.table import Table

    table = Table(title="Figures", title_justify="left", show_header=False, show_edge=False)
    from pmpath.core.grading import to_jsonable

    for key, value in to_jsonable(result.metrics).items():
        table.add_row(key, str(value))
    console().print(table)


def _run_check(ws: "Workspace | None", paths: list[Path], as_json: bool, as_of: Any) -> bool:
    from pmpath.core.grading import check_document

    targets = _targets(ws, paths)
    results = _grade_all(ws, targets, as_of)
    _record(ws, results)
    for result in results:
        if not result.gradable:
            message(f"skipped {result.path}: this version of pmpath cannot grade a "
                    f"'{result.kind}' yet")
    graded = [result for result in results if result.gradable]
    document = check_document(results, as_of)
    if as_json:
        print_json(document)
        return document["passed"]
    if not graded:
        message("No artifacts to check. Start one with `pmpath new <kind>` "
                "(`pmpath next` says which).")
        return True
    for result in graded:
        _show(result)
    passing = sum(1 for result in graded if result.passed)
    line = f"{passing} of {len(graded)} artifact{'s' if len(graded) != 1 else ''} pass"
    if passing == len(graded):
        success(line)
    else:
        warning(line + " · fix the errors above and run `pmpath check` again")
    return passing == len(graded)


@app.command("check")
def check(
    paths: list[Path] = typer.Argument(None, metavar="[PATH]...",
                                       help="Files or folders (default: your whole workspace)."),
    as_json: bool = JSON_OPTION,
    as_of: str = typer.Option(None, "--as-of", metavar="DATE",
                              help="Grade as if today were DATE (YYYY-MM-DD)."),
    watch: bool = typer.Option(False, "--watch",
                               help="Keep running and re-grade a file each time you save it."),
) -> None:
    """Grade artifacts rule by rule, with the arithmetic done and a fix for each problem."""
    from pmpath.cli.output import parse_date

    day = parse_date(as_of, "--as-of") if as_of else today()
    ws = session.optional_workspace()
    passed = _run_check(ws, paths or [], as_json, day)
    if watch:
        _watch(ws, paths or [], as_json, as_of)
        return
    if not passed:
        raise typer.Exit(1)


def _watch(ws: "Workspace | None", paths: list[Path], as_json: bool, as_of: str | None) -> None:
    import time

    from pmpath.cli.output import parse_date

    def snapshot() -> dict[Path, int]:
        stamps = {}
        for path in _targets(ws, paths):
            try:
                stamps[path] = path.stat().st_mtime_ns
            except OSError:
                stamps[path] = -1
        return stamps

    message("Watching for changes; press Ctrl-C to stop.")
    seen = snapshot()
    try:
        while True:
            time.sleep(0.5)
            current = snapshot()
            changed = [path for path, stamp in current.items() if seen.get(path) != stamp]
            seen = current
            if changed:
                day = parse_date(as_of, "--as-of") if as_of else today()
                _run_check(ws, changed, as_json, day)
    except KeyboardInterrupt:
        message("Stopped watching.")


def _weights(ws: "Workspace | None") -> dict[str, float]:
    return session.curriculum(ws).rule_weights


def _rule_json(rule: Any, kind: str | None, weights: dict[str, float]) -> dict[str, Any]:
    return {"id": rule.id, "kind": kind or "common", "severity": rule.severity,
            "weight": weights.get(rule.id, rule.weight), "title": rule.title,
            "rationale": rule.rationale, "hint": rule.hint}


@app.command("rules")
def rules(
    kind: str = typer.Argument(None, help="Only the rules of this kind."),
    as_json: bool = JSON_OPTION,
) -> None:
    """The rule catalogue, like a linter's: every rule pmpath grades by."""
    from pmpath.artifacts import KINDS
    from pmpath.artifacts.base import COMMON_RULES
    from pmpath.core.errors import UsageError
    from pmpath.core.grading import gradable_specs

    if kind is not None and kind not in KINDS:
        raise UsageError(f"no artifact kind '{kind}'; kinds: {', '.join(KINDS)}")
    if kind is not None and not KINDS[kind].gradable:
        raise UsageError(f"this version of pmpath has no rules for a {KINDS[kind].label} yet")
    weights = _weights(session.optional_workspace())
    catalogue = [(rule, None) for rule in COMMON_RULES]
    for spec in gradable_specs():
        if kind is None or spec.kind == kind:
            catalogue.extend((rule, spec.kind) for rule in spec.rules)
    if as_json:
        print_json({"version": 1, "rules": [_rule_json(r, k, weights) for r, k in catalogue]})
        return
    from rich.table import Table

    from pmpath.cli.output import console

    table = Table(show_edge=False)
    table.add_column("Rule", no_wrap=True)
    table.add_column("Severity")
    table.add_column("Weight", justify="right")
    table.add_column("Holds when")
    for rule, _kind in catalogue:
        table.add_row(rule.id, rule.severity, f"{weights.get(rule.id, rule.weight):g}",
                      rule.title)
    console().print(table)
    console().print("`pmpath explain RULE` tells why a rule matters and how to fix it.",
                    style="muted")


@app.command("explain")
def explain(
    rule_id: str = typer.Argument(..., metavar="RULE", help="Rule id, e.g. risk.score-matches."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Why a rule matters, what passes, what fails, and how to fix it."""
    from pmpath.core.grading import find_rule

    rule, kind = find_rule(rule_id)
    weights = _weights(session.optional_workspace())
    if as_json:
        print_json({"version": 1, **_rule_json(rule, kind, weights), "passes": rule.passes,
                    "fails": rule.fails})
        return
    from rich.padding import Padding
    from rich.syntax import Syntax
    from rich.text import Text

    from pmpath.cli.output import console

    out = console()
    out.print(Text(f"{rule.id}", style="title"),
              Text(f"  ({kind or 'every kind'} · {rule.severity} · weight "
                   f"{weights.get(rule.id, rule.weight):g})", style="muted"))
    out.print(rule.title)
    out.print()
    out.print(Text("Why it matters", style="title"))
    out.print(Padding(rule.rationale, (0, 0, 1, 2), expand=False))
    for label, snippet in (("Passes", rule.passes), ("Fails", rule.fails)):
        if snippet:
            out.print(Text(label, style="title"))
            code = Syntax(snippet, "yaml", theme="ansi_dark", background_color="default")
            out.print(Padding(code, (0, 0, 1, 2), expand=False))
    out.print(Text("How to fix", style="title"))
    out.print(Padding(rule.hint, (0, 0, 0, 2), expand=False))


@app.command("schema")
def schema(kind: str = typer.Argument(..., help="Artifact kind, e.g. sprint.")) -> None:
    """The JSON Schema of an artifact kind (for editors and other tools)."""
    from pmpath.artifacts import KINDS
    from pmpath.core.errors import UsageError
    from pmpath.core.grading import load_spec
    from pmpath.core.scaffold import json_schema

    if kind not in KINDS:
        raise UsageError(f"no artifact kind '{kind}'; kinds: {', '.join(KINDS)}")
    if not KINDS[kind].gradable:
        raise UsageError(f"this version of pmpath has no schema for a {KINDS[kind].label} yet")
    print_json(json_schema(load_spec(kind).model, kind))
