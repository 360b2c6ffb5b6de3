"""Inline SVG written by hand: the few shapes pmpath's pictures are made of.

The pictures go into self-contained HTML pages (the workspace report, the portfolio),
so they use no script, no external font or image and no stylesheet of their own: every
shape carries its attributes. Fonts are the reader's own sans-serif.

Every string that reaches the SVG goes through :func:`esc`, so a learner's ``<b>`` in a
task name is shown as written and never becomes markup. Colours are light fills with
dark ink, so pictures print well; a picture that codes something by colour also writes
it as a letter or a word (see ``pictures``), so it reads the same in black and white.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

INK = "#1f2933"
MUTED = "#52606d"
FAINT = "#9aa5b1"
GRID = "#d9e2ec"
PAPER = "#ffffff"

BLUE = "#3d73c9"
BLUE_LIGHT = "#c9dcf7"
RED = "#b3261e"
RED_LIGHT = "#f6b8b2"
AMBER = "#b26a00"
AMBER_LIGHT = "#fde29a"
GREEN = "#2e7d32"
GREEN_LIGHT = "#bfe5c4"
GREY_LIGHT = "#e4e7eb"

CHAR_WIDTH = 0.58
"""Average width of a sans-serif character, as a share of the font size (for layout)."""


def esc(value: object) -> str:
    """Text safe inside an SVG (or HTML) element or attribute."""
    return escape(str(value), quote=True)


def num(value: float) -> str:
    """A coordinate as short text: 12.0 -> '12', 12.345 -> '12.35'."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The approximate width of ``text`` at ``size`` pixels (bold runs wider)."""
    return len(text) * size * (CHAR_WIDTH + (0.08 if bold else 0.0))


def clip(text: str, width: float, size: float) -> str:
    """``text`` cut with an ellipsis so that it fits ``width`` pixels at ``size``."""
    text = " ".join(str(text).split())
    most = max(1, int(width / (size * CHAR_WIDTH)))
    return text if len(text) <= most else text[:max(1, most - 1)].rstrip() + "…"


def _attributes(pairs: Iterable[tuple[str, object]]) -> str:
    return "".join(f' {name}="{esc(value)}"' for name, value in pairs if value is not None)


class Canvas:
    """One SVG picture: shapes are appended in drawing order, then :meth:`render`."""

    def __init__(self, width: float, height: float, title: str, description: str = "") -> None:
        self.width = width
        self.height = height
        self.title = title
        self.description = description
        self._defs: dict[str, str] = {}
        self._parts: list[str] = []

    def rect(self, x: float, y: float, width: float, height: float, *, fill: str = "none",
             stroke: str | None = None, stroke_width: float = 1, rx: float = 0,
             dash: str | None = None, tooltip: str | None = None) -> None:
        attributes = _attributes((
            ("x", num(x)), ("y", num(y)), ("width", num(max(width, 0))),
            ("height", num(max(height, 0))), ("rx", num(rx) if rx else None), ("fill", fill),
            ("stroke", stroke), ("stroke-width", num(stroke_width) if stroke else None),
            ("stroke-dasharray", dash)))
        self._parts.append(self._with_tooltip("rect", attributes, tooltip))

    def text(self, x: float, y: float, content: object, *, size: float = 12,
             anchor: str = "start", weight: str | None = None, fill: str = INK,
             italic: bool = False, tooltip: str | None = None, vertical: bool = False
             ) -> None:
        """Text at (x, y), its baseline at y; ``vertical`` turns it to read upwards."""
        attributes = _attributes((
            ("x", num(x)), ("y", num(y)), ("font-size", num(size)),
            ("text-anchor", anchor if anchor != "start" else None), ("font-weight", weight),
            ("font-style", "italic" if italic else None), ("fill", fill),
            ("transform", f"rotate(-90 {num(x)} {num(y)})" if vertical else None)))
        inner = esc(content)
        if tooltip:
            inner = f"<title>{esc(tooltip)}</title>{inner}"
        self._parts.append(f"<text{attributes}>{inner}</text>")

    def line(self, x1: float, y1: float, x2: float, y2: float, *, stroke: str = INK,
             width: float = 1, dash: str | None = None, arrow: bool = False) -> None:
        attributes = _attributes((
            ("x1", num(x1)), ("y1", num(y1)), ("x2", num(x2)), ("y2", num(y2)),
            ("stroke", stroke), ("stroke-width", num(width)), ("stroke-dasharray", dash),
            ("marker-end", self._arrow(stroke) if arrow else None)))
        self._parts.append(f"<line{attributes}/>")

    def polyline(self, points: Sequence[tuple[float, float]], *, stroke: str = INK,
                 width: float = 1.5, dash: str | None = None, fill: str = "none") -> None:
        if len(points) < 2:
            return
        attributes = _attributes((
            ("points", " ".join(f"{num(x)},{num(y)}" for x, y in points)), ("fill", fill),
            ("stroke", stroke), ("stroke-width", num(width)), ("stroke-dasharray", dash),
            ("stroke-linejoin", "round")))
        self._parts.append(f"<polyline{attributes}/>")

    def polygon(self, points: Sequence[tuple[float, float]], *, fill: str = INK,
                stroke: str | None = None, tooltip: str | None = None) -> None:
        attributes = _attributes((
            ("points", " ".join(f"{num(x)},{num(y)}" for x, y in points)), ("fill", fill),
            ("stroke", stroke)))
        self._parts.append(self._with_tooltip("polygon", attributes, tooltip))

    def circle(self, cx: float, cy: float, r: float, *, fill: str = INK,
               stroke: str | None = None, tooltip: str | None = None) -> None:
        attributes = _attributes((("cx", num(cx)), ("cy", num(cy)), ("r", num(r)),
                                  ("fill", fill), ("stroke", stroke)))
        self._parts.append(self._with_tooltip("circle", attributes, tooltip))

    def path(self, commands: str, *, stroke: str = INK, width: float = 1,
             fill: str = "none", dash: str | None = None, arrow: bool = False) -> None:
        attributes = _attributes((
            ("d", commands), ("fill", fill), ("stroke", stroke), ("stroke-width", num(width)),
            ("stroke-dasharray", dash), ("marker-end", self._arrow(stroke) if arrow else None)))
        self._parts.append(f"<path{attributes}/>")

    def diamond(self, cx: float, cy: float, r: float, *, fill: str = INK,
                tooltip: str | None = None) -> None:
        self.polygon([(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)], fill=fill,
                     tooltip=tooltip)

    def _arrow(self, colour: str) -> str:
        name = "arrow-" + "".join(ch for ch in colour if ch.isalnum())
        if name not in self._defs:
            self._defs[name] = (
                f'<marker id="{esc(name)}" viewBox="0 0 10 10" refX="9" refY="5" '
                f'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
                f'<path d="M0,0 L10,5 L0,10 z" fill="{esc(colour)}"/></marker>')
        return f"url(#{name})"

    @staticmethod
    def _with_tooltip(tag: str, attributes: str, tooltip: str | None) -> str:
        if not tooltip:
            return f"<{tag}{attributes}/>"
        return f"<{tag}{attributes}><title>{esc(tooltip)}</title></{tag}>"

    def render(self) -> str:
        """The picture as one ``<svg>`` element (marker ids are made unique per picture by
        the page that holds several; see :func:`unique_ids`)."""
        head = (f'<svg viewBox="0 0 {num(self.width)} '
                f'{num(self.height)}" width="{num(self.width)}" height="{num(self.height)}" '
                f'role="img" font-family="{esc(FONT)}" class="picture">'
                f"<title>{esc(self.title)}</title>")
        if self.description:
            head += f"<desc>{esc(self.description)}</desc>"
        defs = f"<defs>{''.join(self._defs.values())}</defs>" if self._defs else ""
        return head + defs + f'<rect width="100%" height="100%" fill="{PAPER}"/>' \
            + "".join(self._parts) + "</svg>"


def unique_ids(svg: str, prefix: str) -> str:
    """The picture with its marker ids prefixed, so several pictures share one page."""
    return svg.replace('id="arrow-', f'id="{prefix}-arrow-').replace(
        "url(#arrow-", f"url(#{prefix}-arrow-")
