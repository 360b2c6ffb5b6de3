"""The conventions around the commands: the pre-commit hook and shell completion."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


def test_the_pre_commit_hook_runs_check_on_the_files_a_commit_changes() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(item for item in hooks if item["id"] == "pmpath-check")
    assert hook["entry"] == "pmpath check --no-record"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is True
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])

    def checked(path: str) -> bool:
        return bool(files.search(path)) and not exclude.search(path)

    assert checked("02-agile-scrum/sprint.yaml") and checked("07-technical/trd.md")
    assert checked("plans/launch-plan.yml")
    assert not checked("journal.md") and not checked("README.md")
    assert not checked(".pre-commit-config.yaml") and not checked("pmpath.toml")


def test_the_root_command_offers_shell_completion(pmpath, monkeypatch) -> None:
    help_text = pmpath("--help").stdout
    assert "--install-completion" in help_text and "--show-completion" in help_text
    monkeypatch.setenv("_PMPATH_COMPLETE", "source_bash")
    script = pmpath()
    assert script.exit_code == 0
    assert "_pmpath_completion" in script.stdout and "complete " in script.stdout


def test_completion_completes_commands_and_their_options(pmpath, monkeypatch) -> None:
    monkeypatch.setenv("_PMPATH_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", "pmpath exp")
    monkeypatch.setenv("COMP_CWORD", "1")
    assert pmpath().stdout.split() == ["explain", "export"]
    monkeypatch.setenv("COMP_WORDS", "pmpath export --")
    monkeypatch.setenv("COMP_CWORD", "2")
    assert {"--output", "--force", "--as-of"} <= set(pmpath().stdout.split())
