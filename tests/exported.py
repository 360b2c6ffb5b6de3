"""Exports of the model answers, graded as of their dates like `pmpath example` does."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "curriculum" / "examples"


def model_answer(kind: str) -> tuple[Path, date]:
    """A kind's model answer and the date it is graded as of."""
    index = yaml.safe_load((EXAMPLES / "index.yaml").read_text(encoding="utf-8"))["examples"]
    return EXAMPLES / index[kind]["file"], index[kind]["as_of"]


def export_example(format: str, kind: str) -> str:
    """``export_example("ics", "sprint")``: the model answer in that format."""
    from pmpath import api

    path, as_of = model_answer(kind)
    return api.export(format, path, as_of=as_of).text


def export_file(folder: Path, format: str, text: str, name: str,
                as_of: date = date(2027, 1, 20)) -> str:
    """The export of a file called ``name`` in ``folder`` holding ``text``."""
    from pmpath import api

    path = folder / name
    path.write_text(text, encoding="utf-8")
    return api.export(format, path, as_of=as_of).text
