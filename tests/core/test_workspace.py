"""Finding and reading a workspace: discovery, overrides, ``pmpath.toml`` and its errors."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from pmpath.core.errors import EXIT_USAGE, NotAWorkspaceError, UnreadableInputError
from pmpath.core.workspace import (
    find_workspace_root,
    init_workspace,
    load_workspace,
    open_workspace,
    render_config,
    require_workspace,
)

REPO = Path(__file__).resolve().parents[2]

GOOD_CONFIG = 'learner = "Sam"\nstart_date = 2027-01-04\nhours_per_week = 8\n'


def make_workspace(folder: Path, config: str = GOOD_CONFIG) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pmpath.toml").write_text(config, encoding="utf-8")
    return folder


# --- discovery -------------------------------------------------------------------------------

def test_discovery_walks_up_from_a_subfolder(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws")
    deep = root / "08-risk-management" / "drafts" / "old"
    deep.mkdir(parents=True)
    assert find_workspace_root(start=deep) == root.resolve()
    assert open_workspace(start=deep).root == root.resolve()


def test_discovery_starts_in_the_current_folder(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_workspace(tmp_path / "ws")
    (root / "01-fundamentals").mkdir()
    monkeypatch.chdir(root / "01-fundamentals")
    assert require_workspace().root == root.resolve()


def test_the_nearest_workspace_wins(tmp_path: Path) -> None:
    outer = make_workspace(tmp_path / "outer")
    inner = make_workspace(outer / "nested")
    assert find_workspace_root(start=inner / ".") == inner.resolve()


def test_no_workspace_above_means_none_and_require_says_how_to_make_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lonely = tmp_path / "lonely"
    lonely.mkdir()
    assert open_workspace(start=lonely) is None
    monkeypatch.chdir(lonely)
    with pytest.raises(NotAWorkspaceError) as caught:
        require_workspace()
    assert "pmpath init" in str(caught.value)
    assert caught.value.exit_code == EXIT_USAGE


def test_the_explicit_folder_beats_discovery_and_the_environment(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    here = make_workspace(tmp_path / "here")
    from_env = make_workspace(tmp_path / "from-env")
    chosen = make_workspace(tmp_path / "chosen")
    monkeypatch.chdir(here)
    assert require_workspace().root == here.resolve()
    monkeypatch.setenv("PMPATH_WORKSPACE", str(from_env))
    assert require_workspace().root == from_env.resolve()
    assert require_workspace(str(chosen)).root == chosen.resolve()


def test_an_explicit_folder_that_is_not_a_workspace_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_workspace(tmp_path / "ws")
    # Even from inside a real workspace, an explicit wrong folder is an error, not a fallback.
    monkeypatch.chdir(tmp_path / "ws")
    plain = tmp_path / "plain"
    plain.mkdir()
    with pytest.raises(NotAWorkspaceError) as caught:
        require_workspace(str(plain))
    assert str(plain) in str(caught.value)
    monkeypatch.setenv("PMPATH_WORKSPACE", str(plain))
    with pytest.raises(NotAWorkspaceError):
        require_workspace()


# --- reading pmpath.toml ---------------------------------------------------------------------

def test_settings_are_read(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", GOOD_CONFIG + '\n[check]\nignore = ["risk.categories", '
                                                      '"sprint.goal"]\n')
    workspace = load_workspace(root)
    assert workspace.learner == "Sam"
    assert workspace.start_date == date(2027, 1, 4)
    assert workspace.hours_per_week == 8.0
    assert workspace.ignored_rules == ("risk.categories", "sprint.goal")
    assert workspace.curriculum_setting is None
    assert workspace.state_path == root.resolve() / ".pmpath" / "state.toml"
    assert workspace.journal_path == root.resolve() / "journal.md"


def test_a_config_without_check_table_ignores_nothing(tmp_path: Path) -> None:
    assert load_workspace(make_workspace(tmp_path / "ws")).ignored_rules == ()


def test_the_config_pmpath_writes_reads_back(tmp_path: Path) -> None:
    text = render_config("Ana María", date(2027, 2, 1), 6.5, "../course")
    workspace = load_workspace(make_workspace(tmp_path / "ws", text))
    assert (workspace.learner, workspace.start_date, workspace.hours_per_week) == (
        "Ana María", date(2027, 2, 1), 6.5)
    assert workspace.curriculum_setting == "../course"
    assert workspace.ignored_rules == ()


def test_a_toml_syntax_error_is_one_line_naming_the_file_and_line(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", 'learner = "Sam\nstart_date = 2027-01-04\n')
    with pytest.raises(UnreadableInputError) as caught:
        load_workspace(root)
    message = str(caught.value)
    assert str(root / "pmpath.toml") in message
    assert "line 1" in message
    assert "\n" not in message
    assert caught.value.exit_code == EXIT_USAGE


BAD_VALUES = {
    "learner is a number": ('learner = 5\nstart_date = 2027-01-04\n', "learner"),
    "start date in quotes": ('start_date = "2027-01-04"\n', "start_date"),
    "start date missing": ('learner = "Sam"\n', "start_date"),
    "hours as text": ('start_date = 2027-01-04\nhours_per_week = "8"\n', "hours_per_week"),
    "hours as a boolean": ("start_date = 2027-01-04\nhours_per_week = true\n", "hours_per_week"),
    "negative hours": ("start_date = 2027-01-04\nhours_per_week = -2\n", "hours_per_week"),
    "curriculum as a number": ("start_date = 2027-01-04\ncurriculum = 3\n", "curriculum"),
    "check is not a table": ('start_date = 2027-01-04\ncheck = "all"\n', "[check] ignore"),
    "ignore is one string": ('start_date = 2027-01-04\n[check]\nignore = "risk.categories"\n',
                             "[check] ignore"),
    "ignore holds numbers": ("start_date = 2027-01-04\n[check]\nignore = [1, 2]\n",
                             "[check] ignore"),
}


@pytest.mark.parametrize("config, key", list(BAD_VALUES.values()), ids=list(BAD_VALUES))
def test_a_wrong_type_is_one_line_naming_the_file_and_the_key(
        tmp_path: Path, config: str, key: str) -> None:
    root = make_workspace(tmp_path / "ws", config)
    with pytest.raises(UnreadableInputError) as caught:
        load_workspace(root)
    message = str(caught.value)
    assert message.startswith(str(root / "pmpath.toml"))
    assert f"'{key}'" in message
    assert "\n" not in message


def test_a_config_that_is_not_utf8_is_an_unreadable_input(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    root.mkdir()
    (root / "pmpath.toml").write_bytes(b'learner = "Jos\xe9"\nstart_date = 2027-01-04\n')
    with pytest.raises(UnreadableInputError) as caught:
        load_workspace(root)
    assert str(root / "pmpath.toml") in str(caught.value)


def test_a_start_date_with_a_time_is_refused(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", "start_date = 2027-01-04T09:00:00\n")
    with pytest.raises(UnreadableInputError):
        load_workspace(root)


# --- the curriculum setting ------------------------------------------------------------------

def retitled_curriculum(target: Path, title: str) -> Path:
    shutil.copytree(REPO / "curriculum", target)
    skill_file = target / "skills" / "01-fundamentals.yaml"
    text = skill_file.read_text(encoding="utf-8")
    skill_file.write_text(text.replace("title: PM Fundamentals", f"title: {title}", 1),
                          encoding="utf-8")
    return target


def test_a_relative_curriculum_is_read_from_the_workspace_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    retitled_curriculum(tmp_path / "course", "Delivery Basics")
    root = make_workspace(tmp_path / "ws", GOOD_CONFIG + 'curriculum = "../course"\n')
    # Run from elsewhere: the path is relative to the workspace, not to the current folder.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    workspace = load_workspace(root)
    assert workspace.curriculum_root.resolve() == (tmp_path / "course").resolve()
    curriculum = workspace.curriculum()
    assert curriculum.skills[0].title == "Delivery Basics"
    assert (workspace.cache_dir / "curriculum.json").is_file()


def test_without_a_setting_the_bundled_curriculum_is_used(tmp_path: Path) -> None:
    workspace = load_workspace(make_workspace(tmp_path / "ws"))
    assert (workspace.curriculum_root / "path.yaml").is_file()
    assert workspace.curriculum().skills[0].title == "PM Fundamentals"


def test_init_with_an_own_curriculum_records_it_and_makes_its_folders(tmp_path: Path) -> None:
    course = retitled_curriculum(tmp_path / "course", "Delivery Basics")
    workspace, curriculum = init_workspace(tmp_path / "ws", "Sam", date(2027, 1, 4), 8,
                                           curriculum_root=course)
    assert curriculum.skills[0].title == "Delivery Basics"
    reloaded = load_workspace(workspace.root)
    assert Path(reloaded.curriculum_setting).resolve() == course.resolve()
    assert reloaded.curriculum().skills[0].title == "Delivery Basics"
    assert (workspace.root / "01-fundamentals").is_dir()
    assert workspace.state_path.is_file()


# --- paths inside the workspace --------------------------------------------------------------

def test_relative_and_contains(tmp_path: Path) -> None:
    workspace = load_workspace(make_workspace(tmp_path / "ws"))
    inside = workspace.root / "08-risk-management" / "risk-register.yaml"
    assert workspace.relative(inside) == "08-risk-management/risk-register.yaml"
    assert workspace.contains(inside)
    outside = tmp_path / "other" / "risk-register.yaml"
    assert not workspace.contains(outside)
    assert not workspace.contains(workspace.root / ".." / "other.yaml")
    assert workspace.relative(outside) == str(outside.resolve())
