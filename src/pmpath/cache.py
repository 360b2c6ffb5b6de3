"""Small JSON caches in the user's cache folder, shared by the parts that need one.

Nothing here is needed for correctness: a missing, damaged or unwritable cache only
means the value is worked out again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def user_cache_dir() -> Path | None:
    """``PMPATH_CACHE_DIR``, else the platform's user cache folder (``XDG_CACHE_HOME`` or
    ``~/.cache``) plus ``pmpath``; None when there is no home to put one in."""
    explicit = os.environ.get("PMPATH_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        home = os.path.expanduser("~")
        if home == "~":
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "pmpath"


def read_json(name: str) -> Any:
    folder = user_cache_dir()
    if folder is None:
        return None
    try:
        return json.loads((folder / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_json(name: str, value: Any) -> None:
    """Write atomically (``core.fileio.write_atomic``); a cache that cannot be written is
    only a cache, and leaves nothing behind."""
    folder = user_cache_dir()
    if folder is None:
        return
    from pmpath.core.fileio import write_atomic

    try:
        write_atomic(folder / name, json.dumps(value))
    except OSError:
        pass
