"""``pmpath new``: write a kind's template into the workspace, never losing a file.

An exercise may list ``companions`` (curriculum data): kinds whose model answer is the
exercise's material, such as the sample product backlog a sprint is planned from. Each
one is written beside the exercise's file under its kind's file name, from the
curriculum's ``examples/``, when the exercise's file is written. A companion never
replaces a file that exists, not even with ``--force``: the learner may have changed it.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pmpath.core.curriculum import Curriculum, Exercise
from pmpath.core.errors import UsageError
from pmpath.core.fileio import write_atomic
from pmpath.core.resources import templates_root
from pmpath.core.workspace import Workspace
from pmpath.kinds import KINDS, spec_of


@dataclass
class Scaffold:
    path: Path
    exercise: Exercise | None
    created: bool
    """False when the file existed and was left untouched."""
    backup: Path | None = None
    companions: list[Path] = field(default_factory=list)
    """The exercise's companion files written beside it (never over an existing file)."""


def check_kind(kind: str) -> None:
    if kind not in KINDS:
        from pmpath.core.suggest import did_you_mean

        raise UsageError(f"no artifact kind '{kind}'{did_you_mean(kind, KINDS)}; kinds: "
                         f"{', '.join(KINDS)}")


def target_path(ws: Workspace, kind: str, exercise: Exercise | None, name: str | None) -> Path:
    """Where the file goes: the exercise's skill folder, or ``--name`` inside the workspace."""
    info = KINDS[kind]
    folder = ws.root / (exercise.folder if exercise else "")
    if not name:
        return folder / info.filename
    candidate = Path(name).expanduser()
    if not candidate.is_absolute():
        # Relative to the workspace root, like every path pmpath shows.
        candidate = ws.root / candidate
    resolved = candidate.resolve()
    if not ws.contains(resolved) or resolved == ws.root:
        raise UsageError(f"--name {name} points outside your workspace ({ws.root}); pmpath "
                         "only writes inside it")
    if ws.state_dir in resolved.parents or resolved.name == "pmpath.toml":
        raise UsageError(f"--name {name} would write into pmpath's own files; choose another "
                         "name")
    allowed = (".md",) if info.is_markdown else (".yaml", ".yml")
    if resolved.suffix.lower() not in allowed:
        raise UsageError(f"--name must end in {' or '.join(allowed)} for a {info.label}")
    return resolved


def schema_file(ws: Workspace, kind: str) -> Path:
    """Write (or refresh) the JSON Schemas editors use to check the files as you type, and
    return ``kind``'s."""
    return write_schemas(ws) / f"{kind}.schema.json"


def write_schemas(ws: Workspace) -> Path:
    """Every kind's JSON Schema in ``.pmpath/schemas/`` (``init`` and ``new`` both call it,
    so a workspace made by an older pmpath gets the schemas of today's kinds); a file that
    is already up to date is left alone. Returns the folder."""
    folder = ws.state_dir / "schemas"
    for kind, schema in all_schemas().items():
        path = folder / f"{kind}.schema.json"
        text = json.dumps(schema, indent=2) + "\n"
        try:
            unchanged = path.read_text(encoding="utf-8") == text
        except OSError:
            unchanged = False
        if not unchanged:
            write_atomic(path, text)
    return folder


SCHEMA_CACHE_FORMAT = 1


def all_schemas() -> dict[str, dict]:
    """The JSON Schema of every kind.

    Building them imports every kind, a few tenths of a second, so they are cached in the
    user's cache folder, kept while pmpath's version and the kinds' source files
    (``kinds/fields.py``, which writes the schemas, among them) are the ones they were
    built with.
    """
    from pmpath.cache import user_cache_dir

    shared = user_cache_dir()
    cache_file = shared / "schemas.json" if shared else None
    key = _schema_key()
    if cache_file is not None and cache_file.is_file():
        try:
            cached = json.loads(cache_file.read_text(encoding="utf-8"))
            if cached.get("format") == SCHEMA_CACHE_FORMAT and cached.get("key") == key:
                return dict(cached["schemas"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass  # a damaged cache is only a cache: build the schemas again
    schemas = {kind: json_schema(spec_of(kind).model, kind) for kind in KINDS}
    if cache_file is not None:
        try:
            write_atomic(cache_file, json.dumps({"format": SCHEMA_CACHE_FORMAT, "key": key,
                                                 "schemas": schemas}))
        except OSError:
            pass  # the cache only saves time
    return schemas


def _schema_key() -> list[Any]:
    """What the schemas depend on, cheaply: versions and the size and time of each file."""
    import pmpath.kinds
    from pmpath import __version__

    root = Path(pmpath.kinds.__file__).parent
    files = sorted(root.rglob("*.py"))
    key: list[Any] = [__version__]
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            continue
        key.append([str(path), stat.st_mtime_ns, stat.st_size])
    return key


def json_schema(model: type, kind: str) -> dict:
    schema = model.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://pmpath.dev/schemas/{kind}.schema.json", **schema}


def template_text(kind: str, today: date | None = None,
                  params: dict[str, Any] | None = None) -> str:
    """The kind's template filled for ``today`` and the exercise's parameters."""
    from pmpath.core.templating import fill
    from pmpath.kinds.base import lazy

    info = KINDS[kind]
    text = (templates_root() / kind / info.filename).read_text(encoding="utf-8")
    spec = spec_of(kind)
    values: dict[str, Any] = {**spec.defaults, **(params or {})}
    day = today or date.today()
    values["today"] = day
    if spec.template_values is not None:
        values.update(lazy(spec.template_values)(day, values))
    return fill(text, values)


def scaffold(ws: Workspace, curriculum: Curriculum, kind: str, name: str | None = None,
             force: bool = False, now: datetime | None = None,
             today: date | None = None) -> Scaffold:
    """Write the template; dates start from today (or the workspace's start date while
    that is still ahead) and sizes come from the exercise's parameters."""
    check_kind(kind)
    exercises = curriculum.exercises_for_kind(kind)
    exercise = exercises[0] if exercises else None
    target = target_path(ws, kind, exercise, name)
    if target.exists() and not force:
        return Scaffold(path=target, exercise=exercise, created=False)
    if target.is_dir():
        raise UsageError(f"{ws.relative(target)} is a folder; choose a file name with --name")
    day = today or (now or datetime.now()).date()
    if ws.start_date > day:
        day = ws.start_date
    text = template_text(kind, day, dict(exercise.params) if exercise else {})
    text = with_schema_line(ws, kind, target, text)
    backup = None
    if target.exists():
        stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
        backup = ws.backups_dir / stamp / ws.relative(target)
        counter = 1
        while backup.exists():
            backup = ws.backups_dir / f"{stamp}-{counter}" / ws.relative(target)
            counter += 1
        backup.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(target, backup)
    write_atomic(target, text)
    companions = write_companions(ws, curriculum, exercise, target.parent)
    return Scaffold(path=target, exercise=exercise, created=True, backup=backup,
                    companions=companions)


def with_schema_line(ws: Workspace, kind: str, target: Path, text: str) -> str:
    """A YAML file gets a first line pointing editors at its JSON Schema."""
    if KINDS[kind].is_markdown:
        return text
    schema = schema_file(ws, kind)
    reference = Path(os.path.relpath(schema, target.parent)).as_posix()
    return f"# yaml-language-server: $schema={reference}\n" + text


def write_companions(ws: Workspace, curriculum: Curriculum, exercise: Exercise | None,
                     folder: Path) -> list[Path]:
    """Write each companion of ``exercise`` into ``folder``; return the files written.

    A companion is the curriculum's model answer of its kind. One whose file exists, or
    whose model answer the curriculum lacks, is left alone.
    """
    from pmpath.core.documents import DocumentProblem, parse_yaml, read_text

    if exercise is None or not exercise.companions:
        return []
    examples = curriculum.root / "examples"
    try:
        index = (parse_yaml(read_text(examples / "index.yaml")) or {}).get("examples") or {}
    except (OSError, DocumentProblem, AttributeError):
        return []
    written = []
    for kind in exercise.companions:
        entry = index.get(kind) if isinstance(index, dict) else None
        if kind not in KINDS or not isinstance(entry, dict) or "file" not in entry:
            continue
        target = folder / KINDS[kind].filename
        source = examples / str(entry["file"])
        if target.exists() or not source.is_file():
            continue
        write_atomic(target, with_schema_line(ws, kind, target, read_text(source)))
        written.append(target)
    return written
