"""A learner's workspace: ``pmpath.toml``, ``.pmpath/`` and one folder per skill."""


import os
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from pmpath.core.errors import NotAWorkspaceError, UnreadableInputError, UsageError

if TYPE_CHECKING:
    from pmpath.core.curriculum import Curriculum

CONFIG_NAME = "pmpath.toml"
STATE_DIR = ".pmpath"
JOURNAL_NAME = "journal.md"


class Workspace(NamedTuple):
    root: Path
    learner: str
    start_date: date
    hours_per_week: float
    curriculum_setting: str | None = None
    ignored_rules: tuple[str, ...] = ()

    @property
    def state_dir(self) -> Path:
        return self.root / STATE_DIR

    @property
    def state_path(self) -> Path:
        return self.state_dir / "state.toml"

    @property
    def lock_path(self) -> Path:
        return self.state_dir / "state.lock"

    @property
    def cache_dir(self) -> Path:
        return self.state_dir / "cache"

    @property
    def backups_dir(self) -> Path:
        return self.state_dir / "backups"

    @property
    def journal_path(self) -> Path:
        return self.root / JOURNAL_NAME

    @property
    def curriculum_root(self) -> Path:
        if self.curriculum_setting:
            candidate = Path(self.curriculum_setting).expanduser()
            return candidate if candidate.is_absolute() else (self.root / candidate)
        from pmpath.core.curriculum import default_curriculum_root

        return default_curriculum_root()

    def curriculum(self) -> "Curriculum":
        from pmpath.core.curriculum import load_curriculum

        return load_curriculum(self.curriculum_root, self.cache_dir)

    def relative(self, path: Path) -> str:
        """``path`` relative to the workspace (POSIX style) or absolute when outside it."""
        resolved = path.resolve()
        try:
            return resolved.relative_to(self.root).as_posix()
        except ValueError:
            return str(resolved)

    def contains(self, path: Path) -> bool:
        try:
            path.resolve().relative_to(self.root)
        except ValueError:
            return False
        return True


def _explicit_root(explicit: str | os.PathLike[str] | None) -> Path | None:
    value = explicit or os.environ.get("PMPATH_WORKSPACE")
    return Path(value).expanduser() if value else None


def find_workspace_root(explicit: str | os.PathLike[str] | None = None,
                        start: Path | None = None) -> Path | None:
    """The workspace folder: ``--workspace``/``PMPATH_WORKSPACE``, else the nearest
    folder at or above ``start`` holding ``pmpath.toml``."""
    chosen = _explicit_root(explicit)
    if chosen is not None:
        if not (chosen / CONFIG_NAME).is_file():
            raise NotAWorkspaceError(
                f"{chosen} is not a pmpath workspace (no {CONFIG_NAME}); "
                f"create one with `pmpath init {chosen}`")
        return chosen.resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    return None


def open_workspace(explicit: str | os.PathLike[str] | None = None,
                   start: Path | None = None) -> Workspace | None:
    root = find_workspace_root(explicit, start)
    return load_workspace(root) if root else None


def require_workspace(explicit: str | os.PathLike[str] | None = None) -> Workspace:
    workspace = open_workspace(explicit)
    if workspace is None:
        raise NotAWorkspaceError(
            "this folder is not inside a pmpath workspace; create one with "
            "`pmpath init my-pm-path` and run pmpath from inside it")
    return workspace


def load_workspace(root: Path) -> Workspace:
    import tomllib

    config_path = root / CONFIG_NAME
    try:
        config = tomllib.loads(config_path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise UnreadableInputError(f"{config_path}: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise UnreadableInputError(f"{config_path}: cannot read it ({error})") from None

    def fail(key: str, expected: str) -> UnreadableInputError:
        return UnreadableInputError(f"{config_path}: '{key}' must be {expected}")

    learner = config.get("learner", "")
    if not isinstance(learner, str):
        raise fail("learner", "text in quotes")
    start = config.get("start_date")
    if not isinstance(start, date) or isinstance(start, datetime):
        raise fail("start_date", "a date like 2027-01-04 (no quotes)")
    hours = config.get("hours_per_week", 0)
    if isinstance(hours, bool) or not isinstance(hours, (int, float)) or hours < 0:
        raise fail("hours_per_week", "a number of hours, like 8")
    curriculum = config.get("curriculum")
    if curriculum is not None and not isinstance(curriculum, str):
        raise fail("curriculum", "a folder path in quotes")
    check = config.get("check", {})
    ignore = check.get("ignore", []) if isinstance(check, dict) else None
    if not isinstance(ignore, list) or not all(isinstance(item, str) for item in ignore):
        raise fail("[check] ignore", 'a list of rule ids, like ["risk.categories"]')
    return Workspace(root=root.resolve(), learner=learner, start_date=start,
                     hours_per_week=float(hours), curriculum_setting=curriculum,
                     ignored_rules=tuple(ignore))


def render_config(learner: str, start_date: date, hours_per_week: float,
                  curriculum: str | None = None) -> str:
    """The text of a new ``pmpath.toml``, with comments a learner can follow."""
    import tomli_w

    values = tomli_w.dumps({"learner": learner, "start_date": start_date,
                            "hours_per_week": hours_per_week})
    curriculum_line = (tomli_w.dumps({"curriculum": curriculum}) if curriculum else
                       '# curriculum = "../my-curriculum"   # a folder with your own path\n')
    return (
        "# pmpath workspace settings. Edit freely; pmpath reads this file on every run.\n"
        + values + curriculum_line
        + "\n[check]\n"
        + "# Rules to leave out when grading, e.g. ignore = [\"risk.categories\"]\n"
        + "ignore = []\n"
    )


def init_workspace(target: Path, learner: str, start_date: date, hours_per_week: float,
                   curriculum_root: Path | None = None) -> "tuple[Workspace, Curriculum]":
    """Create a workspace in ``target``; refuse a non-empty folder that is not one."""
    from pmpath.core.curriculum import default_curriculum_root, load_curriculum
    from pmpath.core.fileio import write_atomic
    from pmpath.core.state import State, write_state

    target = target.expanduser()
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target} is a file; choose a folder for your workspace")
    if (target / CONFIG_NAME).is_file():
        raise UsageError(f"{target} is already a pmpath workspace; run `pmpath next` there")
    if target.is_dir() and any(target.iterdir()):
        raise UsageError(f"{target} is not empty; pmpath only creates a workspace in a new or "
                         "empty folder so that none of your files are mixed up with it")
    if hours_per_week < 0 or hours_per_week > 100:
        raise UsageError("hours per week must be between 0 and 100")
    curriculum = load_curriculum(curriculum_root or default_curriculum_root())
    target.mkdir(parents=True, exist_ok=True)
    root = target.resolve()
    setting = str(curriculum_root.resolve()) if curriculum_root else None
    write_atomic(root / CONFIG_NAME, render_config(learner, start_date, hours_per_week, setting))
    for skill in curriculum.skills:
        (root / skill.folder).mkdir(exist_ok=True)
    if curriculum.career_exercises:
        (root / curriculum.career_exercises[0].folder).mkdir(exist_ok=True)
    workspace = load_workspace(root)
    write_state(workspace.state_path, State())
    write_atomic(root / ".gitignore", ".pmpath/cache/\n.pmpath/state.lock\n")
    # Editors check every artifact against its kind's schema as it is typed.
    from pmpath.core.scaffold import write_schemas

    write_schemas(workspace)
    return workspace, curriculum
