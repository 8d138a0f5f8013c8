"""Placed text: wrapping, shrink-to-fit and the TextItem both the painter and the tests read."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFontMetricsF, QPainter

from ceremony.render.fonts import make_font
from ceremony.render.geometry import Rect, nbsp_numbers

Role = Literal["body", "heading", "name", "display"]
Align = Literal["left", "center", "right"]

LINE_HEIGHT = 1.22


@dataclass(frozen=True, slots=True)
class TextStyle:
    """How a text is set: the size it wants, the smallest it may shrink to, weight and colour."""

    px: int
    min_px: int
    weight: int = 400
    color: str = "#ffffff"
    italic: bool = False
    spacing: float = 0.0
    line_height: float = LINE_HEIGHT
    role: Role = "body"
    max_lines: int = 0
    """0: as many lines as the box holds."""
    balance: bool = True
    upper: bool = False


@dataclass(frozen=True, slots=True)
class TextItem:
    """A text as placed on the canvas; rules (size, contrast, fit) are checked on these."""

    field: str
    text: str
    rect: Rect
    """The box the text was fitted into; lines start at its top."""
    px: int
    weight: int
    italic: bool
    color: str
    background: str
    """The colour directly behind the text (stage backdrop or card), for the contrast rule."""
    lines: tuple[str, ...]
    fits: bool
    align: Align
    role: Role
    family: str
    spacing: float = 0.0
    line_height: float = LINE_HEIGHT
    dimmed: bool = False
    """Deliberately stepped back (a non-winner during the reveal); not held to the reading rules."""

    @property
    def height(self) -> float:
        return len(self.lines) * self.px * self.line_height

    @property
    def text_rect(self) -> Rect:
        """Where the lines actually are: the box's top, as tall as the lines."""
        return (self.rect[0], self.rect[1], self.rect[2], self.height)


@lru_cache(maxsize=4096)
def _advance(family: str, px: int, weight: int, italic: bool, spacing: float, text: str) -> float:
    return QFontMetricsF(make_font(family, px, weight, italic, spacing)).horizontalAdvance(text)


def text_width(text: str, family: str, style: TextStyle, px: int | None = None) -> float:
    return _advance(family, px or style.px, style.weight, style.italic, style.spacing, text)


def wrap(text: str, width: float, family: str, style: TextStyle, px: int) -> list[str]:
    """Greedy word wrap at width; a single word wider than the box gets its own (overlong) line."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            if current and text_width(candidate, family, style, px) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return lines


def _balanced(text: str, width: float, family: str, style: TextStyle, px: int) -> list[str]:
    """The same number of lines as greedy wrapping, but as even as possible (no lonely last word)."""
    return wrap(text, narrowest(text, width, family, style, px), family, style, px)


def narrowest(text: str, width: float, family: str, style: TextStyle, px: int) -> float:
    """The narrowest width (down to half of width) at which text wraps into no more lines than at width."""
    lines = wrap(text, width, family, style, px)
    if len(lines) < 2 or "\n" in text:
        return width if len(lines) > 1 else text_width(lines[0], family, style, px)
    lo, hi = width * 0.5, width
    for _ in range(10):
        mid = (lo + hi) / 2
        if len(wrap(text, mid, family, style, px)) == len(lines):
            hi = mid
        else:
            lo = mid
    return hi


def _fits(lines: list[str], rect: Rect, family: str, style: TextStyle, px: int) -> bool:
    height = len(lines) * px * style.line_height
    if style.max_lines and len(lines) > style.max_lines:
        return False
    widest = max((text_width(line, family, style, px) for line in lines), default=0.0)
    return height <= rect[3] + 0.5 and widest <= rect[2] + 0.5


def fit_lines(text: str, rect: Rect, family: str, style: TextStyle) -> tuple[int, list[str], bool]:
    """Shrink to fit on one line (down to min_px), then wrap at the largest size that fits the box."""
    sizes = list(range(style.px, style.min_px - 1, -2))
    if sizes[-1] != style.min_px:
        sizes.append(style.min_px)
    if "\n" not in text:
        for px in sizes:
            if _fits([text], rect, family, style, px):
                return px, [text], True
    for px in sizes:
        lines = wrap(text, rect[2], family, style, px)
        if _fits(lines, rect, family, style, px):
            if style.balance:
                lines = _balanced(text, rect[2], family, style, px)
            return px, lines, True
    px = style.min_px
    return px, wrap(text, rect[2], family, style, px), False


def place(
    field: str,
    text: str,
    rect: Rect,
    style: TextStyle,
    family: str,
    background: str,
    align: Align = "left",
    dimmed: bool = False,
) -> TextItem:
    """Fit text into the box rect (lines start at its top) and return it placed."""
    clean = nbsp_numbers(text.strip())
    if style.upper:
        clean = clean.upper()
    px, lines, fits = fit_lines(clean, rect, family, style)
    return place_lines(field, clean, lines, rect, replace(style, px=px), family, background, align, dimmed, fits)


def place_lines(
    field: str,
    text: str,
    lines: list[str],
    rect: Rect,
    style: TextStyle,
    family: str,
    background: str,
    align: Align = "left",
    dimmed: bool = False,
    fits: bool = True,
) -> TextItem:
    """Text already broken into lines, at style.px, placed in rect."""
    return TextItem(
        field=field,
        text=text,
        rect=rect,
        px=style.px,
        weight=style.weight,
        italic=style.italic,
        color=style.color,
        background=background,
        lines=tuple(lines),
        fits=fits,
        align=align,
        role=style.role,
        family=family,
        spacing=style.spacing,
        line_height=style.line_height,
        dimmed=dimmed,
    )


def line_boxes(item: TextItem) -> list[Rect]:
    """Where each line of a placed text is drawn: as wide as its glyphs advance, placed by the alignment,
    as tall as its line. draw_text draws there; the layout rules check there."""
    step = item.px * item.line_height
    x0, y0, w, _ = item.rect
    boxes: list[Rect] = []
    for i, line in enumerate(item.lines):
        advance = _advance(item.family, item.px, item.weight, item.italic, item.spacing, line) - item.spacing
        if item.align == "center":
            x = x0 + (w - advance) / 2
        elif item.align == "right":
            x = x0 + w - advance
        else:
            x = x0
        boxes.append((x, y0 + i * step, advance, step))
    return boxes


def draw_text(painter: QPainter, item: TextItem, opacity: float = 1.0) -> None:
    """Draw a placed text in canvas units (the painter carries the canvas transform)."""
    font = make_font(item.family, item.px, item.weight, item.italic, item.spacing)
    painter.setFont(font)
    color = QColor(item.color)
    if opacity < 1.0:
        color.setAlphaF(color.alphaF() * opacity)
    painter.setPen(color)
    metrics = QFontMetricsF(font)
    # Centre the glyph box (ascent + descent) in each line box.
    lead = (item.px * item.line_height - (metrics.ascent() + metrics.descent())) / 2 + metrics.ascent()
    for line, (x, y, _, _) in zip(item.lines, line_boxes(item), strict=True):
        painter.drawText(QPointF(x, y + lead), line)
