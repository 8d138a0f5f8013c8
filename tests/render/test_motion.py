"""The suspense's pulsing outlines drawn from kept pieces look like the stroke they stand for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QTransform

from ceremony.render import show_layout as S
from ceremony.render.suspense import OUTLINE_STEPS, OUTLINE_WIDTHS, draw_outline, new_outlines, prepare_outlines

ACCENT = "#f2c14e"
BACKDROP = 0xFF0B1630


def _drawn(size: tuple[int, int], draw) -> QImage:  # type: ignore[no-untyped-def]
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    image.fill(BACKDROP)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setTransform(QTransform.fromScale(size[0] / 1920, size[1] / 1080))
    draw(painter)
    painter.end()
    return image


def _largest_difference(a: QImage, b: QImage) -> int:
    data_a, data_b = bytes(a.constBits()), bytes(b.constBits())
    return max((abs(x - y) for x, y in zip(data_a, data_b, strict=True) if x != y), default=0)


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720), (1000, 563)])
@pytest.mark.parametrize("width", [3.0, 4.4, 6.0])
def test_outline_pieces_draw_what_the_stroke_draws(qapp: object, size: tuple[int, int], width: float) -> None:
    x, y, w, h = S.card_rects(3)[1]
    rect = QRectF(x + 1.5, y + 1.5, w - 3, h - 3)
    outlines = new_outlines()
    alpha = 0.7

    def pieces(painter: QPainter) -> None:
        assert draw_outline(painter, outlines, rect, 28.0, width, ACCENT, alpha)

    def stroke(painter: QPainter) -> None:
        colour = QColor(ACCENT)
        colour.setAlphaF(alpha)
        painter.setPen(QPen(colour, round(width * OUTLINE_STEPS) / OUTLINE_STEPS))
        painter.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        painter.drawRoundedRect(rect, 28.0, 28.0)

    drawn, stroked = _drawn(size, pieces), _drawn(size, stroke)
    assert drawn != _drawn(size, lambda p: None), "the outline was drawn"
    assert _largest_difference(drawn, stroked) <= 3, "only the rounding of a premultiplied sprite faded"


def test_outlines_prepared_ahead_are_the_ones_drawn(qapp: object) -> None:
    outlines = new_outlines()
    to_device = QTransform.fromScale(2.0, 2.0)
    cards = S.card_rects(3)
    for width in OUTLINE_WIDTHS:
        prepare_outlines(outlines, to_device, cards, ACCENT, width)
    prepared = len(outlines)
    assert prepared == len(OUTLINE_WIDTHS), "the three cards share their pieces at 3840x2160"
    x, y, w, h = cards[0]

    def pieces(painter: QPainter) -> None:
        assert draw_outline(painter, outlines, QRectF(x + 1.5, y + 1.5, w - 3, h - 3), 28.0, 4.07, ACCENT, 0.5)

    _drawn((3840, 2160), pieces)
    assert len(outlines) == prepared, "4.07 rounds to a prepared width"
