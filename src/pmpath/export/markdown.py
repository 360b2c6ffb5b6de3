"""Any artifact as readable Markdown, for a wiki page or a pull request.

The page has the artifact's title, its grade, the findings as a table (rule, where,
problem, fix), the key figures ``pmpath check`` computed (tables, not JSON), and the
artifact itself: a YAML file's fields as headings, lists and tables; a Markdown
artifact's own text, its headings moved down a level to sit under the page's title.

It works for every kind and names none: it reads the graded result and the file.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

MAX_HEADING = 6
WIDE_TABLE = 5
"""A list of records with more columns than this becomes a table only when its cells are
short; otherwise each record gets a heading of its own."""
SHORT_CELL = 80
INLINE_LIST = 100
"""A list of short texts this long at most is written on one line."""
TITLE_FIELDS = ("name", "title", "product", "program", "project", "team_name", "start")


def export_result(result: Any, model: Any = None, *, as_of: date | None = None) -> str:
    """The graded artifact as Markdown (``result`` is a ``core.grading.ArtifactResult``)."""
    from pmpath.kinds import KINDS

    data, body = _read(result, model)
    label = KINDS[result.kind].label if result.kind in KINDS else "artifact"
    name = _title_of(data, body)
    heading = label[:1].upper() + label[1:] + (f": {name}" if name else "")
    out = [f"# {_text(heading)}", ""]
    facts = [f"File {_code(result.path)}", f"kind {_code(result.kind)}"]
    if result.exercise:
        facts.append(f"exercise {_code(result.exercise)}")
    if as_of is not None:
        facts.append(f"graded as of {as_of.isoformat()}")
    out += [" · ".join(facts), ""]
    out += _grade(result)
    out += _figures(result.metrics)
    titled = bool(body) and _has_title(body)
    if data:
        # A Markdown artifact's front matter is its details; its body has its own title.
        out += ["## Details" if titled else "## The artifact", ""] + _fields(data, level=3)
    if body:
        if not titled and data:
            out += ["## The text", ""]
        elif not titled:
            out += ["## The artifact", ""]
        out += [_demoted(body, has_section=not titled).strip("\n"), ""]
    return "\n".join(out).rstrip("\n") + "\n"


# -- the grade ---------------------------------------------------------------------------


def _grade(result: Any) -> list[str]:
    verdict = "PASS" if result.passed else "FAIL"
    counts = []
    if result.errors:
        counts.append(_plural(result.errors, "error"))
    if result.warnings:
        counts.append(_plural(result.warnings, "warning"))
    out = [f"**{verdict}** · score {result.score}/100"
           + (f" · {', '.join(counts)}" if counts else " · no findings"), ""]
    if result.findings:
        out += ["## Findings", "", "| Rule | Severity | Where | Problem | Fix |",
                "| --- | --- | --- | --- | --- |"]
        out += [f"| {_code(finding.rule)} | {finding.severity} | {_code(finding.where)}"
                + (f" (line {finding.line})" if finding.line is not None else "")
                + f" | {_cell(finding.message)} | {_cell(finding.hint)} |"
                for finding in result.findings]
        out.append("")
    if result.skipped:
        out += ["Rules that could not run until the findings above are fixed:", ""]
        out += [f"- {_code(item.rule)}: {_text(item.because)}" for item in result.skipped]
        out.append("")
    if result.internal_errors:
        out += ["Rules pmpath failed to run (a bug in pmpath, not in the work):", ""]
        out += [f"- {_code(item.rule)}: {_text(item.message)}"
                for item in result.internal_errors]
        out.append("")
    return out


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


# -- key figures -------------------------------------------------------------------------


def _figures(metrics: dict[str, Any]) -> list[str]:
    if not metrics:
        return []
    simple: list[tuple[str, Any]] = []
    tables: list[str] = []
    for name, value in metrics.items():
        if _is_scalar(value) or _is_scalar_list(value) or value in ({}, []):
            simple.append((name, value))
        elif isinstance(value, dict) and all(isinstance(item, dict)
                                             for item in value.values()):
            # id -> record (a task's dates and float): one row per id.
            rows = [{"": key, **item} for key, item in value.items()]
            tables += (_section(_human(name), rows, 3) if not _tabular(rows) else
                       [f"### {_human(name)}", ""] + _records_table(rows) + [""])
        elif _is_flat_dict(value):
            tables += [f"### {_human(name)}", "", "| | |", "| --- | --- |"]
            tables += [f"| {_cell(_human(str(key)))} | {_cell(_inline(item))} |"
                       for key, item in value.items()]
            tables.append("")
        else:
            tables += _section(_human(name), value, 3)
    out = ["## Key figures", ""]
    if simple:
        out += ["| Figure | Value |", "| --- | --- |"]
        out += [f"| {_human(name)} | {_cell(_inline(value))} |" for name, value in simple]
        out.append("")
    return out + tables


def _records_table(rows: list[dict[str, Any]]) -> list[str]:
    columns = list(dict.fromkeys(key for row in rows for key in row))
    if not columns:
        return ["(none)"]
    out = ["| " + " | ".join(_cell(_human(str(column))) if column else " "
                             for column in columns) + " |",
           "| " + " | ".join("---" for _ in columns) + " |"]
    out += ["| " + " | ".join(_cell(_inline(row.get(column))) for column in columns) + " |"
            for row in rows]
    return out


# -- the artifact ------------------------------------------------------------------------


def _read(result: Any, model: Any) -> tuple[dict[str, Any], str]:
    """The fields as written in the file (its order, its values) and a Markdown body."""
    data: dict[str, Any] = {}
    body = ""
    document = getattr(result, "document", None)  # the file as grading parsed it
    if document is not None:
        data, body = dict(document.data), document.body
    if not data and model is not None:
        data = model.model_dump(mode="python", by_alias=True, exclude_unset=True)
    return {key: value for key, value in data.items() if key not in ("kind", "version")}, body


def _title_of(data: dict[str, Any], body: str) -> str:
    for field in TITLE_FIELDS:
        value = data.get(field)
        if isinstance(value, dict):
            value = value.get("name")
        if _is_scalar(value) and value not in (None, ""):
            return str(value)
    title = _first_title(body)
    return title or ""


def _fields(data: dict[str, Any], level: int, *, record: bool = False) -> list[str]:
    """A mapping: its short fields as a list, then each longer one under a heading. In a
    record (one item of a list) only lists of records get headings; the rest is a list."""
    out: list[str] = []
    headed = [(key, value) for key, value in data.items()
              if not _fits_a_line(value) and (not record or _is_records(value))]
    listed = {key: value for key, value in data.items()
              if key not in dict(headed)}
    if listed:
        out += _bullets(listed, 0) + [""]
    for key, value in headed:
        out += _section(_human(str(key)), value, level)
    return out


def _is_records(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict)
                                                           for item in value)


def _section(title: str, value: Any, level: int, *, record: bool = False) -> list[str]:
    if level > MAX_HEADING:
        return [f"**{_text(title)}**", ""] + _bullets(value, 0) + [""]
    out = [f"{'#' * level} {_text(title)}", ""]
    if isinstance(value, dict):
        if record:
            value = {key: item for key, item in value.items()
                     if not (key in ("id", "name", "title") and _is_scalar(item)
                             and _inline(item) in title)}
        return out + _fields(value, level + 1, record=record)
    if _is_records(value):
        if _tabular(value):
            return out + _records_table(value) + [""]
        for index, item in enumerate(value, start=1):
            out += _section(_record_title(item, index), item, level + 1, record=True)
        return out
    if isinstance(value, list):
        return out + _bullets(value, 0) + [""]
    return out + [_text(_inline(value)), ""]


def _bullets(value: Any, depth: int) -> list[str]:
    indent = "  " * depth
    if isinstance(value, dict):
        out = []
        for key, item in value.items():
            if _fits_a_line(item):
                out.append(f"{indent}- **{_text(_human(str(key)))}:** {_text(_inline(item))}")
            else:
                out.append(f"{indent}- **{_text(_human(str(key)))}:**")
                out += _bullets(item, depth + 1)
        return out
    if isinstance(value, list):
        out = []
        for item in value:
            if _is_scalar(item):
                out.append(f"{indent}- {_text(_inline(item))}")
            else:
                nested = _bullets(item, depth + 1)
                first = nested[0].strip() if nested else ""
                out.append(f"{indent}- {first[2:] if first.startswith('- ') else first}")
                out += nested[1:]
        return out or [f"{indent}- (none)"]
    return [f"{indent}- {_text(_inline(value))}"]


def _tabular(records: list[dict[str, Any]]) -> bool:
    """Records whose values all fit in a cell, in few enough columns to read."""
    columns = {key for record in records for key in record}
    cells = [value for record in records for value in record.values()]
    if not all(_is_scalar(value) or _is_scalar_list(value) or _is_flat_dict(value)
               for value in cells):
        return False
    if len(columns) <= WIDE_TABLE:
        return True
    return max((len(_inline(value)) for value in cells), default=0) <= SHORT_CELL


def _record_title(record: dict[str, Any], index: int) -> str:
    ident = record.get("id")
    for field in ("name", "title", "action", "deliverable", "date", "audience"):
        value = record.get(field)
        if _is_scalar(value) and value not in (None, ""):
            text = _inline(value)
            return f"{ident} {text}" if ident not in (None, "") and field != "date" else text
    return str(ident) if ident not in (None, "") else f"Item {index}"


# -- Markdown bodies ---------------------------------------------------------------------


def _heading_lines(body: str) -> list[tuple[int, int]]:
    """(line index, level) of each ATX heading of the body, as markdown-it reads it."""
    from markdown_it import MarkdownIt

    found = []
    for token in MarkdownIt("commonmark").parse(body):
        if token.type == "heading_open" and token.map and token.markup.startswith("#"):
            found.append((token.map[0], int(token.tag[1])))
    return found


def _has_title(body: str) -> bool:
    return any(level == 1 for _, level in _heading_lines(body))


def _first_title(body: str) -> str | None:
    if not body:
        return None
    lines = body.splitlines()
    for index, level in _heading_lines(body):
        if level == 1:
            return lines[index].strip().lstrip("#").strip().rstrip("#").strip()
    return None


def _demoted(body: str, *, has_section: bool) -> str:
    """The body with its headings moved down: its title becomes a section of the page
    (or, without a title, its sections sit under "The artifact")."""
    headings = _heading_lines(body)
    if not headings:
        return body
    shift = 2 if has_section and min(level for _, level in headings) <= 2 else 1
    lines = body.splitlines(keepends=True)
    for index, level in headings:
        new_level = min(level + shift, MAX_HEADING)
        text = lines[index].lstrip()
        lines[index] = "#" * new_level + text[level:]
    return "".join(lines)


# -- values as text ----------------------------------------------------------------------


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool, date, datetime))


def _is_scalar_list(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and all(_is_scalar(item) for item in value)


def _is_flat_dict(value: Any) -> bool:
    return isinstance(value, dict) and all(_is_scalar(item) or _is_scalar_list(item)
                                           for item in value.values())


def _fits_a_line(value: Any) -> bool:
    if _is_scalar(value):
        return True
    if _is_scalar_list(value):
        return len(_inline(value)) <= INLINE_LIST and all(
            len(_inline(item)) <= SHORT_CELL for item in value)
    return False


def _inline(value: Any) -> str:
    """A value on one line: numbers as written, lists joined, records as key: value."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if value == int(value):
            return str(int(value))
        return f"{value:.4f}".rstrip("0").rstrip(".") if abs(value) < 1 else f"{value:,.2f}"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "; ".join(_inline(item) for item in value) if value else "none"
    if isinstance(value, dict):
        return ", ".join(f"{_human(str(key)).casefold() if _human(str(key)) != key else key}: "
                         f"{_inline(item)}" for key, item in value.items()) or "none"
    return " ".join(str(value).split())


def _human(name: str) -> str:
    """A field's name as words (``expected_duration_days`` -> ``Expected duration days``);
    other keys (ids, dates) as written."""
    if not re.fullmatch(r"[a-z]+(?:[_-][a-z0-9]+)*", name):
        return name
    text = name.replace("_", " ").replace("-", " ")
    return text[:1].upper() + text[1:]


SPECIAL = str.maketrans({character: "\\" + character for character in "\\`*_[]<>|"})


def _text(text: str) -> str:
    """Learner's text, shown as written (Markdown's own characters escaped)."""
    return text.translate(SPECIAL)


def _code(text: str) -> str:
    """Text in a code span; a pipe is escaped even there, or it would split a table row."""
    return "`" + " ".join(str(text).split()).replace("`", "'").replace("|", "\\|") + "`"


def _cell(text: str) -> str:
    return _text(" ".join(text.split()))
