"""Where the bundled curriculum and templates live.

A wheel ships them inside the package (``pmpath/_data``); an editable install
or a source checkout reads them from the top of the repository.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def data_root() -> Path:
    """The folder holding ``curriculum/`` and ``templates/``."""
    # An installed wheel keeps the data beside the code; look there first because
    # importlib.resources costs a few milliseconds of start-up that `pmpath next`
    # cannot spare, then ask importlib.resources for unusual installs.
    here = Path(__file__).resolve()
    beside_code = here.parents[1] / "_data"
    if (beside_code / "curriculum").is_dir():
        return beside_code
    # A source checkout (an editable install): the data sits at the top of the repository.
    checkout = here.parents[3]
    if (checkout / "pyproject.toml").is_file() and (checkout / "curriculum").is_dir():
        return checkout
    from importlib.resources import files

    packaged = Path(str(files("pmpath"))) / "_data"
    if (packaged / "curriculum").is_dir():
        return packaged
    return checkout


def bundled_curriculum() -> Path:
    return data_root() / "curriculum"


def templates_root() -> Path:
    return data_root() / "templates"
