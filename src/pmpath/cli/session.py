"""What a command needs to know about where it runs: the workspace and its curriculum."""


from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pmpath.core.curriculum import Curriculum
    from pmpath.core.state import State
    from pmpath.core.workspace import Workspace


def workspace() -> "Workspace":
    from pmpath.cli.app import GlobalOptions
    from pmpath.core.workspace import require_workspace

    return require_workspace(GlobalOptions.workspace)


def optional_workspace() -> "Workspace | None":
    from pmpath.cli.app import GlobalOptions
    from pmpath.core.workspace import open_workspace

    return open_workspace(GlobalOptions.workspace)


def curriculum(ws: "Workspace | None" = None) -> "Curriculum":
    """The workspace's curriculum, or the bundled one outside a workspace."""
    from pmpath.api import curriculum_of

    return curriculum_of(ws)


def state(ws: "Workspace") -> "State":
    from pmpath.core.state import read_state

    return read_state(ws.state_path)


def workspace_option() -> "str | None":
    """The folder given with --workspace (or None: look around the current folder)."""
    from pmpath.cli.app import GlobalOptions

    return GlobalOptions.workspace
