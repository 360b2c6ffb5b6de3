"""Workspaces filled with the curriculum's model answers, for the tests of the report, the
portfolio and the cohort view.

Each model answer (``curriculum/examples/index.yaml``) is copied into the folder of the
exercise it answers, as ``pmpath new`` would place it. They pass as of 2027-01-20, so the
tests pin ``PMPATH_TODAY`` to that date.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "curriculum" / "examples"
AS_OF = "2027-01-20"


def model_answers() -> dict[str, Path]:
    """Kind -> its model answer, for every kind that is built and has an exercise."""
    from pmpath.core.curriculum import load_curriculum
    from pmpath.kinds import KINDS

    curriculum = load_curriculum(REPO / "curriculum")
    index = yaml.safe_load((EXAMPLES / "index.yaml").read_text(encoding="utf-8"))["examples"]
    return {kind: EXAMPLES / entry["file"] for kind, entry in index.items()
            if kind in KINDS and curriculum.exercises_for_kind(kind)}


def copy_model_answers(root: Path, kinds: Iterable[str] | None = None) -> dict[str, Path]:
    """Copy the model answers of ``kinds`` (default: all) into the workspace at ``root``;
    returns kind -> the copy."""
    from pmpath.core.curriculum import load_curriculum

    curriculum = load_curriculum(REPO / "curriculum")
    answers = model_answers()
    copied = {}
    for kind in kinds if kinds is not None else answers:
        source = answers[kind]
        folder = root / curriculum.exercises_for_kind(kind)[0].folder
        folder.mkdir(parents=True, exist_ok=True)
        copied[kind] = folder / source.name
        shutil.copyfile(source, copied[kind])
    return copied


def make_workspace(root: Path, name: str = "Sam", start: str = "2027-01-04",
                   hours: float = 8) -> Path:
    """A workspace at ``root`` as ``pmpath init`` makes it, without running the CLI."""
    from datetime import date

    from pmpath.core.workspace import init_workspace

    init_workspace(root, name, date.fromisoformat(start), hours)
    return root
