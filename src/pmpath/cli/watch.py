"""Watch mode: re-grade files each time they are saved."""

from pathlib import Path
from typing import Any


def watch_files(paths: list[Path], as_of: Any = None) -> None:
    import time

    from pmpath import api
    from pmpath.cli import session
    from pmpath.cli.grading import _run_check
    from pmpath.cli.output import message

    def snapshot() -> dict[Path, int]:
        stamps = {}
        ws = api.open_workspace(session.workspace_option())
        targets = paths or ([ws.root] if ws else [])
        from pmpath.core.grading import find_artifacts

        for target in targets:
            for path in (find_artifacts(target) if target.is_dir() else [target]):
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
                _run_check(changed, False, as_of)
    except KeyboardInterrupt:
        message("Stopped watching.")
