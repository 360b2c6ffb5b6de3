"""``journal.md``: the learner's practice log, and streaks computed from it.

Entries are Markdown list items ``- 2027-01-20 18:30 · 30 min · text`` so
the file stays pleasant to read and edit by hand; lines pmpath did not write
are left alone and ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from pmpath.core.errors import UsageError

ENTRY = re.compile(r"^- (\d{4}-\d{2}-\d{2})(?: \d{2}:\d{2})?(?: · (\d+) min)?(?: · (.*))?$")
HEADER = ("# Practice journal\n\n"
          "One line per practice session, newest last. Written by `pmpath log`.\n\n")


@dataclass(frozen=True)
class Entry:
    day: date
    minutes: int
    text: str


def append_entry(path: Path, text: str, minutes: int | None, when: datetime) -> str:
    text = " ".join(text.split())
    if not text:
        raise UsageError("say what you practised, e.g. pmpath log \"ran a mock standup\"")
    line = f"- {when:%Y-%m-%d %H:%M}" + (f" · {minutes} min" if minutes else "") + f" · {text}"
    prefix = "" if path.exists() and path.stat().st_size else HEADER
    if prefix == "" and path.exists():
        with path.open("rb") as handle:
            handle.seek(-1, 2)
            if handle.read(1) != b"\n":
                prefix = "\n"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(prefix + line + "\n")
    return line[2:]


def read_entries(path: Path) -> list[Entry]:
    if not path.exists():
        return []
    entries = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        match = ENTRY.match(line.strip())
        if not match:
            continue
        try:
            day = date.fromisoformat(match.group(1))
        except ValueError:
            continue
        entries.append(Entry(day, int(match.group(2) or 0), match.group(3) or ""))
    return entries


def streak_summary(entries: list[Entry], today: date) -> dict[str, Any]:
    days = sorted({entry.day for entry in entries if entry.day <= today})
    longest = run = 0
    previous: date | None = None
    for day in days:
        run = run + 1 if previous and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    # A streak is alive if the learner practised today or yesterday (today is not over).
    current = 0
    if days and today - days[-1] <= timedelta(days=1):
        current = 1
        for earlier, later in zip(reversed(days[:-1]), reversed(days[1:]), strict=False):
            if later - earlier != timedelta(days=1):
                break
            current += 1
    week_ago = today - timedelta(days=6)
    return {
        "current_streak": current, "longest_streak": longest, "days_practised": len(days),
        "minutes": sum(entry.minutes for entry in entries),
        "last_7_days": sum(1 for day in days if day >= week_ago),
        "last_practised": days[-1].isoformat() if days else None,
    }
