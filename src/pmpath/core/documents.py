"""Read an artifact file safely: size, encoding, YAML syntax, hostile structures.

Every problem becomes a :class:`DocumentProblem` naming the place (line and
column where the parser gives one), so the grading engine can report it as a
``common.unreadable`` finding instead of a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 64
MAX_EXPANDED_NODES = 1_000_000
"""Aliases may repeat a value, but not blow a small file up into millions of values."""

_KIND_LINE = re.compile(r"^kind:[ \t]*['\"]?([A-Za-z0-9_.-]+)", re.MULTILINE)


@dataclass
class DocumentProblem(Exception):
    message: str
    line: int | None = None
    column: int | None = None
    hint: str | None = None
    """A fix for this particular problem (the rule's general hint when None)."""

    @property
    def where(self) -> str:
        if self.line is None:
            return "file"
        if self.column is None:
            return f"line {self.line}"
        return f"line {self.line}, column {self.column}"


@dataclass
class Document:
    path: Path
    text: str
    data: dict[str, Any]
    is_markdown: bool = False
    body: str = ""
    """Markdown body after the front matter."""
    body_line: int = 1
    """Line number (1-based) of the first body line in the file."""
    duplicates: list[tuple[str, int, list[int]]] = field(default_factory=list)
    """Keys a mapping repeats: (key, first line, later lines)."""
    lines: dict[int, Any] = field(default_factory=dict, repr=False)
    """The file line of each key and list entry, by the ``id`` of the mapping (key ->
    line) or list (index -> line) holding it in ``data``."""

    def line_of(self, where: str) -> int | None:
        """The file line a finding's place (``risks[2].score``) is on: the line of its
        key, or of the nearest entry around it that the file has (a missing field is on
        its entry's line); None for a place that is not a path into the fields."""
        parts = _path_parts(where)
        if not parts:
            return None
        line = None
        container: Any = self.data
        for part in parts:
            table = self.lines.get(id(container))
            try:
                line = table[part] if table is not None else line
                container = container[part]
            except (KeyError, IndexError, TypeError):
                break
        return line


def sniff_kind(path: Path) -> str | None:
    """The ``kind:`` of a file, read from its first lines, without parsing it.

    Used to find artifacts in a workspace: a YAML or Markdown file without a
    top-level ``kind:`` line is not an artifact and is left alone.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
    except OSError:
        return None
    text = head.decode("utf-8", errors="replace")
    if path.suffix.lower() == ".md":
        if not text.startswith("---"):
            return None
        end = text.find("\n---", 3)
        text = text[: end if end != -1 else len(text)]
    match = _KIND_LINE.search(text)
    return match.group(1) if match else None


def read_raw(path: Path) -> bytes:
    """The file's bytes, refusing folders, missing files and files over 20 MB."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise DocumentProblem("the file does not exist") from None
    except OSError as error:
        raise DocumentProblem(f"cannot open the file ({error.strerror})") from None
    if path.is_dir():
        raise DocumentProblem("this is a folder, not a file")
    if size > MAX_BYTES:
        raise DocumentProblem(
            f"the file is {size / 1024 / 1024:.1f} MB; pmpath reads artifacts up to 20 MB")
    try:
        return path.read_bytes()
    except OSError as error:
        raise DocumentProblem(f"cannot read the file ({error.strerror})") from None


def decode(raw: bytes) -> str:
    if b"\x00" in raw:
        raise DocumentProblem(
            "this looks like a binary file (a picture, a spreadsheet or a zip), not text",
            hint="artifacts are plain text: save it from a text editor as .yaml (or .md), "
                 "or start afresh with `pmpath new KIND`")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise DocumentProblem(
            "the file is not UTF-8 text (save it as UTF-8 in your editor)", line, column
        ) from None


def parse_yaml(text: str, first_line: int = 1,
               duplicates: list[tuple[str, int, list[int]]] | None = None,
               lines: dict[int, Any] | None = None) -> Any:
    """Parse YAML with the C safe loader; ``first_line`` shifts reported lines.

    Keys a mapping repeats are appended to ``duplicates`` as (key, first line,
    later lines): YAML keeps only the last value, so each is a finding. ``lines``,
    when given, receives the line of every key and list entry (see :class:`Document`).
    """
    import yaml

    loader = _duplicate_aware_loader()(text)
    loader.first_line = first_line
    if lines is not None:
        loader.lines = lines
    try:
        # The C safe loader: fast, and it builds only plain data (no !!python tags).
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = (error.problem or error.context or "invalid YAML").strip()
        if "could not determine a constructor" in problem:
            problem = "a YAML tag pmpath does not accept (" + problem.split("tag ")[-1] + ")"
        if mark is None:
            raise DocumentProblem(f"YAML syntax error: {problem}") from None
        line_text = _line(text, mark.line)
        message, hint = yaml_advice(problem, line_text, text, mark.line, mark.column)
        raise DocumentProblem(message, mark.line + first_line, mark.column + 1,
                              hint=hint) from None
    except yaml.YAMLError as error:
        raise DocumentProblem(f"YAML error: {error}") from None
    except RecursionError:
        raise DocumentProblem(f"the YAML is nested more than {MAX_DEPTH} levels deep") from None
    except (ValueError, OverflowError) as error:
        # PyYAML turns 2027-13-01 into a date and lets the ValueError escape.
        line, column, value = _impossible_date(text)
        if line is not None:
            raise DocumentProblem(f"{value} is not a real date ({error})", line + first_line - 1,
                                  column,
                                  hint="write a date that exists, as YYYY-MM-DD: a month from "
                                       "01 to 12 and a day that month has, e.g. 2027-01-04"
                                  ) from None
        raise DocumentProblem(f"a value cannot be read ({error})") from None
    finally:
        loader.dispose()
    if duplicates is not None:
        duplicates.extend(loader.duplicates.values())
    return data


_LOADER: Any = None


def _duplicate_aware_loader() -> Any:
    """The C safe loader, noting every key a mapping repeats (merge keys ``<<`` excepted)."""
    global _LOADER
    if _LOADER is not None:
        return _LOADER
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    merge_tag = "tag:yaml.org,2002:merge"

    class Loader(base):  # type: ignore[misc, valid-type]
        first_line = 1

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.duplicates: dict[tuple[int, str], tuple[str, int, list[int]]] = {}
            self.lines: dict[int, Any] | None = None

        def construct_yaml_map(self, node: Any) -> Any:
            data: dict[Any, Any] = {}
            yield data
            data.update(self.construct_mapping(node))
            if self.lines is not None:
                first = self.first_line
                self.lines[id(data)] = {key.value: key.start_mark.line + first
                                        for key, _ in node.value
                                        if isinstance(key.value, str)}

        def construct_yaml_seq(self, node: Any) -> Any:
            data: list[Any] = []
            yield data
            data.extend(self.construct_sequence(node))
            if self.lines is not None:
                first = self.first_line
                self.lines[id(data)] = [item.start_mark.line + first for item in node.value]

        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            if len(node.value) > 1:
                seen: dict[str, int] = {}
                for key_node, _ in node.value:
                    if key_node.tag == merge_tag or not isinstance(key_node.value, str):
                        continue
                    line = key_node.start_mark.line + self.first_line
                    first = seen.setdefault(key_node.value, line)
                    if first != line:
                        entry = self.duplicates.setdefault(
                            (id(node), key_node.value), (key_node.value, first, []))
                        entry[2].append(line)
            return super().construct_mapping(node, deep)

    Loader.add_constructor("tag:yaml.org,2002:map", Loader.construct_yaml_map)
    Loader.add_constructor("tag:yaml.org,2002:seq", Loader.construct_yaml_seq)
    _LOADER = Loader
    return Loader


def _line(text: str, index: int) -> str:
    lines = text.splitlines()
    return lines[index] if 0 <= index < len(lines) else ""


def yaml_advice(problem: str, line_text: str, text: str, index: int,
                column: int = 0) -> tuple[str, str]:
    """(message, hint) for a YAML syntax error, from what the parser actually met.

    The message quotes the offending line; the hint fits the slip: a ': ' inside an
    unquoted value, a tab, or a key out of line with its siblings.
    """
    shown = line_text.strip()
    quoted = f": {shown[:70]!r}" if shown else ""
    lines = text.splitlines()
    if "\t" in line_text or "'\\t'" in problem or "\\t" in problem:
        return (f"a tab character is used for indentation{quoted}",
                "YAML indents with spaces only: replace the tab with spaces (2 per level), "
                "lined up with the lines around it")
    first_colon = line_text.find(":")
    if "mapping values are not allowed" in problem and column > first_colon >= 0:
        key, _, value = shown.partition(": ")
        example = f'{key}: "{value}"' if value else shown
        return (f"a value contains ': ' but is not in quotes{quoted}",
                f"put the value in quotes so the colon is part of the text, e.g. {example}")
    previous = next((lines[i] for i in range(index - 1, -1, -1)
                     if 0 <= i < len(lines) and lines[i].strip()
                     and not lines[i].lstrip().startswith("#")), "")
    if any(words in problem for words in ("did not find expected key", "expected <block end>",
                                          "did not find expected '-' indicator",
                                          "mapping values are not allowed")):
        indent = len(line_text) - len(line_text.lstrip(" "))
        before = len(previous) - len(previous.lstrip(" "))
        return (f"this line is not lined up with the lines around it{quoted}",
                f"line the key up with its siblings: it starts at column {indent + 1}, the "
                f"line above at column {before + 1}; indent each level by the same number "
                "of spaces")
    if "found character '\\t'" in problem or "cannot start any token" in problem:
        return (f"a character that cannot start a value{quoted}",
                "if the value starts with @, ` or %, put it in quotes; if a tab is used, "
                "use spaces instead")
    if "found undefined alias" in problem or "found unhashable key" in problem:
        return (f"YAML syntax error: {problem}{quoted}",
                "a value starting with * or { needs quotes, e.g. note: \"*important*\"")
    if "while scanning a quoted scalar" in problem or "found unexpected end of stream" in problem:
        return (f"a quote is opened but never closed{quoted}",
                "close the quote on the same line, or remove it")
    return (f"YAML syntax error: {problem}{quoted}",
            "fix the syntax on this line: each field is 'name: value' with a space after "
            "the colon, nested fields are indented with spaces, and list entries start "
            "with '- '")


_DATE_LIKE = re.compile(r"(?<![\w.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w.:-])")


def _impossible_date(text: str) -> tuple[int | None, int | None, str]:
    """Line, column and text of the first date-shaped value that is not a calendar date."""
    from datetime import date

    for number, line in enumerate(text.splitlines(), start=1):
        for match in _DATE_LIKE.finditer(line):
            try:
                date(*(int(part) for part in match.groups()))
            except ValueError:
                return number, match.start() + 1, match.group(0)
    return None, None, ""


def check_structure(data: Any) -> None:
    """Refuse absurd nesting and alias-expansion bombs before anything walks the data.

    Counts the values the data would have once aliases are expanded, sharing
    the work for values that aliases repeat, so a billion-laughs file is
    measured in microseconds instead of being expanded.
    """
    expanded: dict[int, int] = {}
    depth_of: dict[int, int] = {}
    # Iterative post-order walk over unique containers.
    stack: list[tuple[Any, int, bool]] = [(data, 1, False)]
    while stack:
        node, depth, children_done = stack.pop()
        if not isinstance(node, (dict, list)):
            continue
        key = id(node)
        if children_done:
            children = node.values() if isinstance(node, dict) else node
            total = 1
            for child in children:
                total += expanded.get(id(child), 1) if isinstance(child, (dict, list)) else 1
            expanded[key] = total
            if total > MAX_EXPANDED_NODES and total > 4 * len(expanded):
                raise DocumentProblem(
                    "YAML aliases (*name) expand this file to more than "
                    f"{MAX_EXPANDED_NODES:,} values; write the values out instead")
            continue
        if key in depth_of:
            continue
        if depth > MAX_DEPTH:
            raise DocumentProblem(f"the data is nested more than {MAX_DEPTH} levels deep")
        depth_of[key] = depth
        stack.append((node, depth, True))
        children = node.values() if isinstance(node, dict) else node
        for child in children:
            if isinstance(child, (dict, list)) and id(child) not in depth_of:
                stack.append((child, depth + 1, False))


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Return (front matter, body, body's first line number) of a Markdown file."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise DocumentProblem("a Markdown artifact must start with '---' and YAML front matter",
                              1)
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    raise DocumentProblem("the front matter is not closed with a '---' line", 1)


def read_text(path: Path) -> str:
    return decode(read_raw(path))


def load_document(path: Path, raw: bytes | None = None) -> Document:
    """Parse an artifact (its bytes, when already read); raise :class:`DocumentProblem`."""
    text = decode(raw if raw is not None else read_raw(path))
    is_markdown = path.suffix.lower() == ".md"
    body, body_line = "", 1
    duplicates: list[tuple[str, int, list[int]]] = []
    lines: dict[int, Any] = {}
    if is_markdown:
        front, body, body_line = split_front_matter(text)
        data = parse_yaml(front, first_line=2, duplicates=duplicates, lines=lines)
    else:
        data = parse_yaml(text, duplicates=duplicates, lines=lines)
    if data is None:
        raise DocumentProblem(
            "the file is empty",
            hint="write the artifact's fields, starting with 'kind:' and 'version: 1'; "
                 "`pmpath new KIND` writes a template that explains each one")
    if not isinstance(data, dict):
        raise DocumentProblem(
            f"the top of the file must be fields like 'kind: ...', not a {_type_name(data)}", 1)
    check_structure(data)
    return Document(path=path, text=text, data=data, is_markdown=is_markdown, body=body,
                    body_line=body_line, duplicates=duplicates, lines=lines)


_PATH_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def _path_parts(where: str) -> list[str | int]:
    """``risks[2].score`` -> ``["risks", 2, "score"]``; [] for ``line 4``, ``file`` or
    anything else that is not a path."""
    if not where or where == "file" or where.startswith("line ") or " " in where:
        return []
    return [int(number) if number else name for number, name in _PATH_PART.findall(where)]


def _type_name(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "piece of text"
    return type(value).__name__
