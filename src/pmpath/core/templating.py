"""Fill a kind's template for this learner: dates around today, sizes from the exercise.

Templates are data (``templates/<kind>/``). Two markers are understood:

- ``${name}`` is replaced by the value the kind's ``template_values`` gives for
  ``name`` (dates are written as ISO dates);
- a block of lines between ``#@repeat NAME`` and ``#@end`` is written once for each
  entry of the list ``NAME`` (each entry a mapping whose keys are available as
  ``${key}`` inside the block, with ``${n}`` its 1-based number).

Everything else, including the learner's ``<placeholders>``, is copied as it is.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from datetime import date
from typing import Any

REPEAT, END = "#@repeat ", "#@end"


def _text(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def substitute(line: str, values: Mapping[str, Any]) -> str:
    return string.Template(line).safe_substitute({key: _text(value)
                                                  for key, value in values.items()})


def fill(template: str, values: Mapping[str, Any]) -> str:
    """The template with its repeat blocks expanded and its ``${names}`` replaced."""
    lines = template.splitlines(keepends=True)
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if stripped.startswith(REPEAT):
            name = stripped[len(REPEAT):].strip()
            end = next((position for position in range(index + 1, len(lines))
                        if lines[position].strip() == END), None)
            if end is None:
                raise ValueError(f"'{REPEAT}{name}' has no '{END}' line")
            block = lines[index + 1:end]
            for number, entry in enumerate(values.get(name, []), start=1):
                scope = {**values, "n": number, **entry}
                out.extend(substitute(block_line, scope) for block_line in block)
            index = end + 1
            continue
        out.append(substitute(line, values))
        index += 1
    return "".join(out)
