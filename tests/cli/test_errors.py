"""Errors reach the learner as one line on stderr, and the CLI stays light to start."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

HEAVY_MODULES = ("pydantic", "yaml", "rich.table", "rich.console")


def assert_one_error_line(result, *words: str, code: int = 2) -> str:
    assert result.exit_code == code, (result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


# --- one line, exit 2 ------------------------------------------------------------------------

USAGE_ERRORS = {
    "unknown kind for new": (["new", "gantt-poster"], ["no artifact kind 'gantt-poster'",
                                                       "risk-register"]),
    "bad --as-of": (["check", "--as-of", "2027-13-01"], ["--as-of", "2027-13-01"]),
    "bad --as-of text": (["check", "--json", "--as-of", "next friday"], ["--as-of"]),
    "--workspace without a value": (["--workspace"], ["--workspace needs a folder"]),
    "-w without a value": (["-w"], ["-w needs a folder"]),
    "unknown skill": (["skill", "11"], ["no skill '11'", "risk-management"]),
    "unknown concept": (["tick", "no-such-concept"], ["no concept 'no-such-concept'"]),
    "unknown kind for schema": (["schema", "gantt-poster"], ["no artifact kind"]),
    "unknown kind for rules": (["rules", "gantt-poster"], ["no artifact kind"]),
    "new outside the workspace": (["new", "risk-register", "--name", "../escape.yaml"],
                                  ["outside your workspace"]),
    "new into pmpath's own files": (["new", "risk-register", "--name",
                                     ".pmpath/state.yaml"], ["pmpath's own files"]),
    "skip without a reason": (["skip", "1", "--reason", " "], ["--reason"]),
    "validate a folder that is not a curriculum": (["curriculum", "validate", "."],
                                                   ["not a curriculum folder"]),
}


@pytest.mark.parametrize("args, words", list(USAGE_ERRORS.values()), ids=list(USAGE_ERRORS))
def test_usage_errors_are_one_line_on_stderr_with_exit_2(
        workspace: Path, pmpath, args: list[str], words: list[str]) -> None:
    result = pmpath(*args)
    assert_one_error_line(result, *words)
    assert result.stdout == ""


def test_explain_an_unknown_rule(workspace: Path, pmpath) -> None:
    assert_one_error_line(pmpath("explain", "risk.no-such-rule"), "no rule 'risk.no-such-rule'",
                          "pmpath rules")


def test_a_bad_pinned_today_is_a_usage_error(workspace: Path, pmpath, monkeypatch) -> None:
    monkeypatch.setenv("PMPATH_TODAY", "20/01/2027")
    assert_one_error_line(pmpath("next"), "PMPATH_TODAY", "20/01/2027")


@pytest.mark.parametrize("config, words", [
    ('learner = "Sam\nstart_date = 2027-01-04\n', ["pmpath.toml", "line 1"]),
    ('start_date = "2027-01-04"\n', ["pmpath.toml", "'start_date'"]),
    ('start_date = 2027-01-04\n[check]\nignore = "risk.categories"\n',
     ["pmpath.toml", "[check] ignore"]),
])
def test_a_bad_pmpath_toml_is_one_line_naming_the_file(
        workspace: Path, pmpath, config: str, words: list[str]) -> None:
    (workspace / "pmpath.toml").write_text(config, encoding="utf-8")
    for command in (["next"], ["path", "--json"], ["streak"]):
        assert_one_error_line(pmpath(*command), str(workspace / "pmpath.toml"), *words)


@pytest.mark.parametrize("content, words", [
    ("version = 1\nticked = {\n", ["damaged", "backups"]),
    ("[ticked]\nlifecycle-phases = 2027-01-05\n", ["damaged", "version"]),
    ("version = 1\n[ticked]\nlifecycle-phases = 5\n", ["damaged"]),
    ("version = 99\n", ["newer pmpath", "pip install --upgrade pmpath"]),
])
def test_a_bad_state_file_is_one_line_and_is_left_alone(
        workspace: Path, pmpath, content: str, words: list[str]) -> None:
    state_path = workspace / ".pmpath" / "state.toml"
    state_path.write_text(content, encoding="utf-8")
    for command in (["next"], ["tick", "lifecycle-phases"], ["hint", "--json"]):
        assert_one_error_line(pmpath(*command), str(state_path), *words)
    assert state_path.read_text(encoding="utf-8") == content


# --- debugging -------------------------------------------------------------------------------

def test_pmpath_debug_shows_the_traceback(workspace: Path, pmpath, monkeypatch) -> None:
    monkeypatch.setenv("PMPATH_DEBUG", "1")
    result = pmpath("new", "gantt-poster")
    assert result.exit_code == 2
    assert "Traceback (most recent call last)" in result.stderr
    assert "UsageError" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("error: no artifact kind")


def test_an_unexpected_crash_is_one_line_unless_debugging(workspace: Path, pmpath,
                                                         monkeypatch) -> None:
    import pmpath.core.progress as progress

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(progress, "path_progress", crash)
    # Exit 3: a bug in pmpath, not a usage error and not failed work.
    assert_one_error_line(pmpath("next"), "unexpected problem", "disk on fire", "PMPATH_DEBUG=1",
                          "report", code=3)
    monkeypatch.setenv("PMPATH_DEBUG", "1")
    with pytest.raises(RuntimeError, match="disk on fire"):
        pmpath("next")


# --- start-up weight (subprocesses: a fresh interpreter each) --------------------------------

def loaded_modules(code: str, cwd: Path | None = None) -> list[str]:
    """Run ``code`` in a fresh interpreter; it must leave its module names in ``loaded``."""
    script = textwrap.dedent(code) + textwrap.dedent("""
        import json, sys
        sys.__stderr__.write("\\nMODULES=" + json.dumps(sorted(sys.modules)) + "\\n")
    """)
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                               cwd=cwd, timeout=60)
    marker = [line for line in completed.stderr.splitlines() if line.startswith("MODULES=")]
    assert marker, completed.stderr
    return json.loads(marker[-1].removeprefix("MODULES="))


def heavy(modules: list[str]) -> list[str]:
    return [name for name in modules
            if any(name == h or name.startswith(h + ".") for h in HEAVY_MODULES)
            or (name.startswith("pmpath.kinds.") and name not in LIGHT_KIND_MODULES)
            or name.startswith(("pmpath.analysis.", "pmpath.export."))]


# The registry and the contract's lightest parts may load; no kind package may.
LIGHT_KIND_MODULES = {"pmpath.kinds"}


def test_importing_the_cli_loads_no_heavy_module() -> None:
    modules = loaded_modules("import pmpath.cli.app")
    assert "pmpath.cli.app" in modules
    assert heavy(modules) == []


def test_help_loads_no_heavy_module_and_no_command_module(tmp_path: Path) -> None:
    modules = loaded_modules("""
        import sys
        sys.argv = ["pmpath", "--help"]
        from pmpath.cli.app import main
        try:
            main()
        except SystemExit:
            pass
    """, cwd=tmp_path)
    assert heavy(modules) == []
    assert [name for name in modules if name.startswith("pmpath.cli.")] == ["pmpath.cli.app"]


RUN_NEXT = """
    import sys
    sys.argv = ["pmpath", "next"]
    from pmpath.cli.app import main
    try:
        main()
    except SystemExit as exit_:
        assert not exit_.code, exit_.code
"""


def test_next_loads_no_pydantic_or_yaml_once_the_curriculum_is_cached(workspace: Path) -> None:
    cache = workspace / ".pmpath" / "cache" / "curriculum.json"
    cache.unlink(missing_ok=True)
    first = loaded_modules(RUN_NEXT, cwd=workspace)  # validates and writes the cache
    assert cache.is_file()
    assert "pydantic" in first  # proves the check below can see a heavy import
    second = loaded_modules(RUN_NEXT, cwd=workspace)
    assert "pmpath.cli.learn" in second
    assert heavy(second) == []


def test_checking_one_file_loads_only_its_kind_and_no_pydantic(tmp_path: Path) -> None:
    """A one-file check is the learner's inner loop (DESIGN.md, "Budgets"): it loads the
    kind it grades and nothing a check of one file does not need."""
    answer = Path(__file__).resolve().parents[2] / "curriculum" / "examples" / "sprint.yaml"
    script = f"""
        import sys
        sys.argv = ["pmpath", "check", {str(answer)!r}, "--as-of", "2027-01-20"]
        from pmpath.cli.app import main
        try:
            main()
        except SystemExit as exit_:
            assert not exit_.code, exit_.code
    """
    loaded_modules(script, cwd=tmp_path)  # the first run validates and caches the curriculum
    modules = loaded_modules(script, cwd=tmp_path)
    assert "pmpath.kinds.sprint.rules" in modules  # proves the check ran
    kinds = {name.split(".")[2] for name in modules
             if name.startswith("pmpath.kinds.") and name.count(".") >= 3}
    assert kinds == {"sprint"}
    # pydantic is for the curriculum, which is cached; hashlib is for recording progress,
    # and a file outside a workspace is not recorded; tomllib reads a workspace's config.
    assert [name for name in modules
            if name.split(".")[0] in ("pydantic", "hashlib", "tomllib")] == []
    assert "pmpath.results" not in modules  # the other commands' records
