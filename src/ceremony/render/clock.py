"""The walk-in countdown's digits: drawn live over the walk-in layer, in fixed cells so they do not jitter."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QFontMetricsF, QPainter

from ceremony.render.fonts import make_font
from ceremony.render.geometry import Rect
from ceremony.render.style import Ctx
from ceremony.render.text import TextItem, TextStyle, draw_text, place


def clock_item(ctx: Ctx, text: str, box: Rect) -> TextItem:
    """The clock as a placed text (for the layout rules, and the size the digits are drawn at)."""
    style = TextStyle(280, 280, 300, ctx.palette.text, role="display", max_lines=1, line_height=1.0)
    return place("clock", text, box, style, ctx.family, ctx.palette.backdrop, "center")


def draw_clock(painter: QPainter, ctx: Ctx, text: str, box: Rect) -> None:
    """Digits in fixed cells, so the clock does not jitter as they change."""
    item = clock_item(ctx, text, box)
    font = make_font(item.family, item.px, item.weight)
    metrics = QFontMetricsF(font)
    cell = max(metrics.horizontalAdvance(d) for d in "0123456789")
    colon = metrics.horizontalAdvance(":") + item.px * 0.08
    widths = [colon if ch == ":" else cell for ch in text]
    x = box[0] + (box[2] - sum(widths)) / 2
    painter.setFont(font)
    for ch, w in zip(text, widths, strict=True):
        single = replace(item, text=ch, lines=(ch,), rect=(x, box[1], w, box[3]))
        draw_text(painter, single)
        x += w
