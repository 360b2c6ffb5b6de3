"""``.pmpath/state.toml``: round trip, atomic writes, locking across processes, damage."""

from __future__ import annotations

import multiprocessing
import os
import textwrap
from datetime import date, datetime
from pathlib import Path

import pytest

from pmpath.core.errors import StateError
from pmpath.core.state import (
    STATE_VERSION,
    CheckRecord,
    HintRecord,
    SkipRecord,
    State,
    read_state,
    update_state,
    write_state,
)


@pytest.fixture
def state_dir(tmp_path: Path) -> Path:
    folder = tmp_path / ".pmpath"
    folder.mkdir()
    return folder


def full_state() -> State:
    """A state with every field set, including the optional ones."""
    return State(
        ticked={"lifecycle-phases": date(2027, 1, 5), "triple-constraint": date(2027, 1, 6)},
        skipped={"agile-scrum": SkipRecord(reason="ran sprints for two years",
                                           on=date(2027, 1, 7))},
        hints={"living-risk-register": HintRecord(level=2, uses=3)},
        checks={
            "08-risk-management/risk-register.yaml": CheckRecord(
                kind="risk-register", exercise="living-risk-register", passed=False, score=72,
                errors=2, warnings=1, sha256="ab" * 32,
                checked_at=datetime(2027, 1, 20, 18, 30, 5), size=1234,
                mtime_ns=1_800_000_000_123_456_789),
            "notes/extra-sprint.yaml": CheckRecord(
                kind="sprint", exercise=None, passed=True, score=100, errors=0, warnings=0,
                sha256="cd" * 32, checked_at=datetime(2027, 1, 21, 9, 0, 0)),
        },
    )


# --- round trip ------------------------------------------------------------------------------

def test_every_field_survives_a_write_and_a_read(state_dir: Path) -> None:
    path = state_dir / "state.toml"
    original = full_state()
    write_state(path, original)
    loaded = read_state(path)
    assert loaded.ticked == original.ticked
    assert loaded.skipped == original.skipped
    assert loaded.hints == original.hints
    assert loaded.checks == original.checks
    # Optional fields keep their "not set" values rather than turning into something else.
    extra = loaded.checks["notes/extra-sprint.yaml"]
    assert extra.exercise is None and extra.size == -1 and extra.mtime_ns == -1


def test_the_file_is_versioned_toml_a_person_can_read(state_dir: Path) -> None:
    import tomllib

    path = state_dir / "state.toml"
    write_state(path, full_state())
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#")
    document = tomllib.loads(text)
    assert document["version"] == STATE_VERSION
    assert document["ticked"]["lifecycle-phases"] == date(2027, 1, 5)
    assert document["checks"]["08-risk-management/risk-register.yaml"]["score"] == 72


def test_a_missing_file_is_empty_progress(state_dir: Path) -> None:
    state = read_state(state_dir / "state.toml")
    assert (state.ticked, state.skipped, state.hints, state.checks) == ({}, {}, {}, {})


def test_update_state_writes_what_the_block_changed(state_dir: Path) -> None:
    path, lock = state_dir / "state.toml", state_dir / "state.lock"
    write_state(path, full_state())
    with update_state(path, lock) as state:
        state.ticked["scope-management"] = date(2027, 2, 1)
        del state.skipped["agile-scrum"]
    loaded = read_state(path)
    assert loaded.ticked["scope-management"] == date(2027, 2, 1)
    assert "agile-scrum" not in loaded.skipped
    assert loaded.checks == full_state().checks


def test_update_state_writes_nothing_when_the_block_fails(state_dir: Path) -> None:
    path, lock = state_dir / "state.toml", state_dir / "state.lock"
    write_state(path, full_state())
    before = path.read_bytes()
    with pytest.raises(RuntimeError), update_state(path, lock) as state:
        state.ticked.clear()
        raise RuntimeError("interrupted half way")
    assert path.read_bytes() == before


# --- atomic writes ---------------------------------------------------------------------------

def test_a_failed_rename_keeps_the_old_file_and_leaves_no_temp_file(
        state_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = state_dir / "state.toml"
    write_state(path, full_state())
    before = path.read_bytes()

    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        write_state(path, State(ticked={"only-this": date(2027, 3, 1)}))
    assert path.read_bytes() == before
    assert sorted(p.name for p in state_dir.iterdir()) == ["state.toml"]


def test_the_new_content_is_written_to_a_synced_temp_file_beside_it_then_renamed(
        state_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = state_dir / "state.toml"
    events: list[tuple[str, object]] = []
    real_replace, real_fsync = os.replace, os.fsync

    def spy_fsync(fd: int) -> None:
        events.append(("fsync", fd))
        real_fsync(fd)

    def spy_replace(src: str, dst: str) -> None:
        events.append(("replace", (Path(src), Path(dst))))
        # The temp file holds the complete new content before it takes the real name.
        assert "ticked" in Path(src).read_text(encoding="utf-8")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", spy_fsync)
    monkeypatch.setattr(os, "replace", spy_replace)
    write_state(path, full_state())

    replaces = [value for name, value in events if name == "replace"]
    assert len(replaces) == 1
    source, target = replaces[0]
    assert target == path
    assert source.parent == path.parent and source != path
    first_replace = next(i for i, (name, _) in enumerate(events) if name == "replace")
    assert any(name == "fsync" for name, _ in events[:first_replace])
    assert read_state(path).checks == full_state().checks
    assert sorted(p.name for p in state_dir.iterdir()) == ["state.toml"]


# --- concurrency -----------------------------------------------------------------------------

# Run in a spawned process through ``exec`` so that nothing from this test module has to be
# importable by name in the child.
WORKER = textwrap.dedent("""
    from datetime import date
    from pathlib import Path

    from pmpath.core.state import HintRecord, update_state

    go.wait(30)
    for index in range(updates):
        with update_state(Path(state_path), Path(lock_path)) as state:
            state.ticked[f"{name}-{index:03d}"] = date(2027, 1, 1 + index % 28)
            shared = state.hints.get("shared-counter", HintRecord(level=1, uses=0))
            state.hints["shared-counter"] = HintRecord(level=1, uses=shared.uses + 1)
""")


def test_concurrent_processes_never_lose_each_others_updates(state_dir: Path) -> None:
    path, lock = state_dir / "state.toml", state_dir / "state.lock"
    write_state(path, State())
    context = multiprocessing.get_context("spawn")
    go = context.Event()
    workers, updates = 4, 25
    processes = [
        context.Process(target=exec, args=(WORKER, {
            "go": go, "updates": updates, "name": f"worker{number}",
            "state_path": str(path), "lock_path": str(lock)}))
        for number in range(workers)
    ]
    for process in processes:
        process.start()
    go.set()  # all start their read-change-write loops at once
    for process in processes:
        process.join(60)
    assert [process.exitcode for process in processes] == [0] * workers

    state = read_state(path)
    expected = {f"worker{n}-{i:03d}" for n in range(workers) for i in range(updates)}
    assert set(state.ticked) == expected
    # Each update read the counter and wrote it back + 1: a lost update shows up here.
    assert state.hints["shared-counter"].uses == workers * updates
    leftovers = [p.name for p in state_dir.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


# --- damaged files ---------------------------------------------------------------------------

DAMAGED = {
    "bad TOML": "version = 1\nticked = {\n",
    "missing version": "[ticked]\nlifecycle-phases = 2027-01-05\n",
    "version is text": 'version = "1"\n',
    "ticked is not a table": 'version = 1\nticked = "lifecycle-phases"\n',
    "tick date is a number": "version = 1\n[ticked]\nlifecycle-phases = 5\n",
    "skip without its date": 'version = 1\n[skipped.agile-scrum]\nreason = "known"\n',
    "hint level is a word": 'version = 1\n[hints.two-week-sprint]\nlevel = "two"\n',
    "check without a score": textwrap.dedent("""\
        version = 1
        [checks."08-risk-management/risk-register.yaml"]
        kind = "risk-register"
        passed = true
        sha256 = "ab"
        checked_at = 2027-01-20T18:30:00
        """),
    "unknown old version": "version = 0\n",
    "not UTF-8": b"version = 1\n# caf\xe9\n",
}


@pytest.mark.parametrize("content", list(DAMAGED.values()), ids=list(DAMAGED))
def test_a_damaged_file_is_refused_kept_and_backed_up(
        state_dir: Path, content: str | bytes) -> None:
    path = state_dir / "state.toml"
    raw = content.encode() if isinstance(content, str) else content
    path.write_bytes(raw)
    with pytest.raises(StateError) as caught:
        read_state(path)
    message = str(caught.value)
    assert str(path) in message
    assert "damaged" in message
    assert "\n" not in message
    assert path.read_bytes() == raw  # never reset, never rewritten
    backups = list((state_dir / "backups").iterdir())
    assert len(backups) == 1
    assert backups[0].read_bytes() == raw
    assert str(backups[0]) in message


def test_update_state_refuses_a_damaged_file_without_writing(state_dir: Path) -> None:
    path = state_dir / "state.toml"
    path.write_text("version = 1\nticked = {\n", encoding="utf-8")
    with pytest.raises(StateError), update_state(path, state_dir / "state.lock") as state:
        state.ticked["lifecycle-phases"] = date(2027, 1, 5)  # pragma: no cover - not reached
    assert path.read_text(encoding="utf-8") == "version = 1\nticked = {\n"


def test_a_newer_version_asks_for_an_upgrade_and_leaves_the_file_alone(state_dir: Path) -> None:
    path = state_dir / "state.toml"
    text = f"version = {STATE_VERSION + 1}\n[ticked]\nlifecycle-phases = 2027-01-05\n"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StateError) as caught:
        read_state(path)
    message = str(caught.value)
    assert str(path) in message
    assert "newer pmpath" in message
    assert "pip install --upgrade pmpath" in message
    assert path.read_text(encoding="utf-8") == text


WRONG_TYPES_ACCEPTED = {
    "version is a boolean": "version = true\n",
    "passed is text": textwrap.dedent("""\
        version = 1
        [checks."08-risk-management/risk-register.yaml"]
        kind = "risk-register"
        exercise = "living-risk-register"
        passed = "no"
        score = 40
        sha256 = "ab"
        checked_at = 2027-01-20T18:30:00
        """),
    "checked_at is text": textwrap.dedent("""\
        version = 1
        [checks."08-risk-management/risk-register.yaml"]
        kind = "risk-register"
        exercise = "living-risk-register"
        passed = true
        score = 100
        sha256 = "ab"
        checked_at = "yesterday"
        """),
    "exercise is a number": textwrap.dedent("""\
        version = 1
        [checks."08-risk-management/risk-register.yaml"]
        kind = "risk-register"
        exercise = 8
        passed = true
        score = 100
        sha256 = "ab"
        checked_at = 2027-01-20T18:30:00
        """),
}


@pytest.mark.parametrize("content", list(WRONG_TYPES_ACCEPTED.values()),
                         ids=list(WRONG_TYPES_ACCEPTED))
def test_wrong_types_in_a_check_record_are_refused(state_dir: Path, content: str) -> None:
    path = state_dir / "state.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(StateError):
        read_state(path)


def test_the_backup_named_in_the_message_holds_the_file_as_it_is_now(
        state_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pmpath.core.state as state_module

    class FrozenClock(datetime):
        @classmethod
        def now(cls, tz=None):  # noqa: ANN001, ANN206 - mirrors datetime.now
            return datetime(2027, 1, 20, 18, 30, 0)

    monkeypatch.setattr(state_module, "datetime", FrozenClock)
    path = state_dir / "state.toml"
    for content in ("version = 1\nticked = {\n", "version = 1\nhints = [\n"):
        path.write_text(content, encoding="utf-8")
        with pytest.raises(StateError) as caught:
            read_state(path)
        named = Path(str(caught.value).split("kept a copy at ")[1].split(". Fix")[0])
        assert named.read_text(encoding="utf-8") == content
