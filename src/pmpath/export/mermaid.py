"""Mermaid diagrams for a wiki or a pull request (GitHub, GitLab, Confluence and Notion draw
them from a ``mermaid`` code block).

A kind hands over one of the shapes of ``export.shapes``:

- a :class:`~pmpath.export.shapes.Gantt` becomes a ``gantt`` chart: dates as
  YYYY-MM-DD, weekends and the plan's holidays excluded, one section per phase, critical
  tasks marked ``crit`` and milestones ``milestone``. Start and finish are the schedule's
  inclusive dates (``inclusiveEndDates``), exactly as pmpath prints them;
- a :class:`~pmpath.export.shapes.StateDiagram` (or several) becomes a
  ``stateDiagram-v2``; several are drawn side by side as one box each;
- a :class:`~pmpath.export.shapes.QuadrantChart` becomes a ``quadrantChart``.

Mermaid reads names raw in most places, so every name is made safe for the place it
goes: states get plain ids (``state "To Do" as ToDo``), task names lose the colons and
semicolons that end a task's name, and a name that begins like a keyword of the chart is
prefixed so that it is not read as one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from pmpath.export.shapes import Gantt, QuadrantChart, StateDiagram

INDENT = "    "

# Words that begin a statement of a Gantt chart: a task name starting with one is read as
# that statement (Mermaid matches them without case).
GANTT_KEYWORDS = ("gantt", "dateformat", "inclusiveenddates", "topaxis", "axisformat",
                  "tickinterval", "includes", "excludes", "todaymarker", "weekday", "weekend",
                  "title", "accdescription", "acctitle", "accdescr", "section", "click")
GANTT_TAGS = ("active", "done", "crit", "milestone", "after", "until")
STATE_WORDS = ("state", "note", "end", "direction", "classdef", "class", "style", "as",
               "left", "right", "of", "fork", "join", "choice")


def export(shape: Gantt | StateDiagram | QuadrantChart | Iterable[StateDiagram]) -> str:
    if isinstance(shape, Gantt):
        return gantt(shape)
    if isinstance(shape, StateDiagram):
        return state_diagrams((shape,))
    if isinstance(shape, QuadrantChart):
        return quadrant_chart(shape)
    diagrams = tuple(shape)
    if diagrams and all(isinstance(item, StateDiagram) for item in diagrams):
        return state_diagrams(diagrams)
    raise TypeError(f"no Mermaid diagram for {type(shape).__name__}")


# -- gantt -------------------------------------------------------------------------------


def gantt(chart: Gantt) -> str:
    lines = ["gantt", f"{INDENT}title {_statement(chart.title)}",
             f"{INDENT}dateFormat YYYY-MM-DD", f"{INDENT}inclusiveEndDates"]
    excluded = (["weekends"] if chart.excludes_weekends else []) + [
        day.isoformat() for day in sorted(set(chart.holidays))]
    if excluded:
        lines.append(f"{INDENT}excludes {', '.join(excluded)}")
    ids = _Ids(GANTT_TAGS)
    section = None
    for task in chart.tasks:
        if task.section != section or section is None:
            section = task.section
            lines.append(f"{INDENT}section {_statement(section) or 'Tasks'}")
        task_id = ids.of(task.id)
        tags = [tag for tag, wanted in (("crit", task.critical), ("milestone", task.milestone))
                if wanted]
        if task.milestone:
            when = [task.start.isoformat(), "0d"]
        else:
            when = [task.start.isoformat(), task.finish.isoformat()]
        lines.append(f"{INDENT}{_task_name(task.name, task_id)} :"
                     + ", ".join([*tags, task_id, *when]))
    return "\n".join(lines) + "\n"


def _task_name(name: str, task_id: str) -> str:
    """A task's name as Mermaid reads it: no colon (it ends the name), no semicolon or
    ``#`` (they end the line), and not starting like a statement or a date."""
    text = _statement(name.replace(":", " -")).lstrip("%").strip() or task_id
    first = text.split(" ", 1)[0].casefold()
    if first in GANTT_KEYWORDS or re.match(r"\d{4}-\d{2}-\d{2}", text):
        text = f"{task_id} {text}"
    return text


# -- state diagram -----------------------------------------------------------------------


def state_diagrams(diagrams: tuple[StateDiagram, ...]) -> str:
    """One diagram; several are boxes (composite states) in one diagram, each with its own
    start and end."""
    if len(diagrams) == 1:
        diagram = diagrams[0]
        lines = ["---", f"title: {json.dumps(_one_line(diagram.title), ensure_ascii=False)}",
                 "---", "stateDiagram-v2"]
        lines += _states(diagram, _Ids(STATE_WORDS), "", INDENT)
        return "\n".join(lines) + "\n"
    lines = ["stateDiagram-v2"]
    ids = _Ids(STATE_WORDS)
    for diagram in diagrams:
        box = ids.of(diagram.title.split("(")[0])
        lines.append(f'{INDENT}state "{_label(diagram.title)}" as {box} {{')
        lines += _states(diagram, ids, f"{box}_", INDENT * 2)
        lines.append(f"{INDENT}}}")
    return "\n".join(lines) + "\n"


def _states(diagram: StateDiagram, ids: _Ids, prefix: str, indent: str) -> list[str]:
    names = list(dict.fromkeys([diagram.initial, *diagram.states,
                                *(name for move in diagram.transitions for name in move[:2]),
                                *diagram.final]))
    state_id = {name: ids.of(prefix + name) for name in names}
    lines = [f'{indent}state "{_label(name)}" as {state_id[name]}' for name in names]
    lines.append(f"{indent}[*] --> {state_id[diagram.initial]}")
    for source, target, label in diagram.transitions:
        arrow = f"{indent}{state_id[source]} --> {state_id[target]}"
        text = _label(label).replace(":", " -")
        lines.append(f"{arrow}: {text}" if text else arrow)
    lines += [f"{indent}{state_id[name]} --> [*]" for name in diagram.final]
    return lines


# -- quadrant chart ----------------------------------------------------------------------


def quadrant_chart(chart: QuadrantChart) -> str:
    low_x, high_x = (_quoted(text) for text in chart.x_axis)
    low_y, high_y = (_quoted(text) for text in chart.y_axis)
    lines = ["quadrantChart", f"{INDENT}title {_one_line(chart.title)}",
             f"{INDENT}x-axis {low_x} --> {high_x}", f"{INDENT}y-axis {low_y} --> {high_y}"]
    lines += [f"{INDENT}quadrant-{number} {_quoted(text)}"
              for number, text in enumerate(chart.quadrants, start=1)]
    lines += [f"{INDENT}{_quoted(point.name)}: [{_coordinate(point.x)}, {_coordinate(point.y)}]"
              for point in chart.points]
    return "\n".join(lines) + "\n"


def _coordinate(value: float) -> str:
    """0–1 as Mermaid reads it: exactly ``0`` or ``1`` at the ends (it rejects "1.00")."""
    value = round(min(max(value, 0.0), 1.0), 2)
    return "1" if value >= 1 else "0" if value <= 0 else f"{value:.2f}"


def _quoted(text: str) -> str:
    return '"' + _one_line(text).replace('"', "'") + '"'


# -- names -------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _statement(text: str) -> str:
    """Text that ends a Gantt statement: older Mermaid versions end it at ``;`` or ``#``."""
    return _one_line(str(text).replace(";", ",").replace("#", "no. "))


def _label(text: str) -> str:
    """Text shown inside a diagram: one line, without the quotes and semicolons that would
    end it."""
    return _one_line(text).replace('"', "'").replace(";", ",")


class _Ids:
    """Plain, unique ids for names Mermaid cannot take raw ("To Do" -> ToDo)."""

    def __init__(self, reserved: tuple[str, ...]) -> None:
        self.reserved = reserved
        self.given: dict[str, str] = {}
        self.used: set[str] = set()

    def of(self, name: str) -> str:
        if name in self.given:
            return self.given[name]
        words = re.findall(r"[A-Za-z0-9]+", name)
        base = "".join(word[:1].upper() + word[1:] if index else word
                       for index, word in enumerate(words)) or "item"
        if base[0].isdigit():
            base = f"n{base}"
        if base.casefold() in self.reserved:
            base = f"{base}_"
        candidate, number = base, 2
        while candidate.casefold() in self.used:
            candidate, number = f"{base}_{number}", number + 1
        self.given[name] = candidate
        self.used.add(candidate.casefold())
        return candidate
