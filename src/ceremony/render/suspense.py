"""The suspense: the nominees' cards pulse one after another and a soft light sweeps across them.

The same whoever wins. A raster target draws the pulsing outlines from kept pieces (an Outlines cache, owned
by the RevealPainter); a vector target strokes them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QLinearGradient, QPainter, QPainterPath, QPen, QTransform

from ceremony.render.cache import ByteCache
from ceremony.render.draw import ink_rect
from ceremony.render.geometry import Rect, smoothstep
from ceremony.render.style import Palette

OUTLINE_BYTES = 16 * 1024 * 1024
"""The kept outline pieces: 25 pen widths of a line-up's cards take ~5.5 MB at 3840x2160."""


def suspense_level(t: float) -> float:
    """How strongly the suspense light plays (eases in so t=0 looks exactly like the line-up)."""
    return smoothstep(0.0, 0.8, t)


def draw_suspense(
    painter: QPainter,
    cards: list[Rect],
    palette: Palette,
    t: float,
    radius: float = 28.0,
    outlines: Outlines | None = None,
) -> None:
    """Cards pulse one after another and a soft light sweeps across them: the same whoever wins.

    outlines: a raster target's cache of the pulsing outlines as pieces of sprites (see draw_outline);
    without it (vector targets) they are stroked."""
    level = suspense_level(t)
    if level <= 0.0:
        return
    n = len(cards)
    for i, (x, y, w, h) in enumerate(cards):
        width, alpha = outline_pulse(t, i, n, level)
        rect = QRectF(x + 1.5, y + 1.5, w - 3, h - 3)
        if outlines is not None and draw_outline(painter, outlines, rect, radius, width, palette.accent, alpha):
            continue
        painter.setPen(QPen(_c(palette.accent, alpha), width))
        painter.setBrush(QBrush())
        painter.drawRoundedRect(rect, radius, radius)
    # the light sweep: a slanted band across the whole row, once per period
    if not cards:
        return
    left = cards[0][0]
    right = cards[-1][0] + cards[-1][2]
    top = cards[0][1]
    bottom = cards[0][1] + cards[0][3]
    span = right - left + 800
    cx = left - 400 + span * ((t % 3.2) / 3.2)
    grad = QLinearGradient(QPointF(cx - 220, top), QPointF(cx + 220, bottom))
    grad.setColorAt(0.0, _c("#ffffff", 0.0))
    grad.setColorAt(0.5, _c("#ffffff", 0.10 * level))
    grad.setColorAt(1.0, _c("#ffffff", 0.0))
    clip = QPainterPath()
    for x, y, w, h in cards:
        clip.addRoundedRect(QRectF(x, y, w, h), radius, radius)
    painter.save()
    painter.setClipPath(clip)
    painter.setPen(QPen(QColor(0, 0, 0, 0), 0))
    painter.fillRect(QRectF(max(left, cx - 320), top, 640, bottom - top), QBrush(grad))
    painter.restore()


def outline_pulse(t: float, i: int, n: int, level: float) -> tuple[float, float]:
    """Card i's outline at t: its pen width (canvas units) and opacity."""
    phase = (t / SUSPENSE_PERIOD - i / max(1, n)) % 1.0
    pulse = 0.5 - 0.5 * math.cos(math.tau * phase)
    return 3 + 3 * pulse, level * (0.25 + 0.75 * pulse)


SUSPENSE_PERIOD = 2.4
OUTLINE_STEPS = 8
"""A raster frame draws a pulsing outline at its pen width rounded to 1/OUTLINE_STEPS canvas unit (from a kept
sprite); the widths run from 3 to 6 units, so 25 sprites. 1/8 unit is 1/8 px at 1920x1080."""


@dataclass(frozen=True, slots=True)
class Outline:
    """A card outline at one pen width in eight pieces at device size, placed from a whole-pixel origin: the
    four corners as drawn, and the four straight edges as one column or row of pixels repeated along them;
    each cut to its inked part, so that drawing them is eight small unscaled blits."""

    pieces: tuple[tuple[QImage, QPoint], ...]


Outlines = ByteCache[tuple[object, ...], Outline | None]


def new_outlines() -> Outlines:
    """An empty cache of outline pieces, bounded by OUTLINE_BYTES."""
    return ByteCache(OUTLINE_BYTES, _outline_bytes)


def _outline_bytes(outline: Outline | None) -> int:
    return 0 if outline is None else sum(image.sizeInBytes() for image, _ in outline.pieces)


def draw_outline(
    painter: QPainter, outlines: Outlines, rect: QRectF, radius: float, width: float, colour: str, alpha: float
) -> bool:
    """Draw the rounded outline of rect with a pen of width (canvas units) from kept pieces; False if it can't.

    The pen width is rounded to 1/OUTLINE_STEPS. Stroking a card-sized rounded rectangle with antialiasing
    costs ~1 ms at any size (Qt hands its rows to a thread pool); the pieces are a few small blits. The
    stroke's position within its first pixel is kept, so pieces hold the pixels a stroke would cover."""
    if alpha <= 0.0:
        return True
    device = painter.device()
    if device is None or device.devicePixelRatioF() != 1.0:
        return False
    found = outline_for(outlines, painter.transform(), rect, radius, width, colour)
    if found is None:
        return False
    outline, origin = found
    painter.save()
    painter.resetTransform()
    painter.setOpacity(alpha)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    for image, at in outline.pieces:
        painter.drawImage(at + origin, image)
    painter.restore()
    return True


def outline_for(
    outlines: Outlines, to_device: QTransform, rect: QRectF, radius: float, width: float, colour: str
) -> tuple[Outline, QPoint] | None:
    """The kept outline for this pen width (rounded) and placement, drawn now if need be, and its device origin."""
    m = to_device
    if m.isRotating() or m.m11() <= 0 or m.m22() <= 0:
        return None
    width = round(width * OUTLINE_STEPS) / OUTLINE_STEPS
    dev = m.mapRect(rect)
    hx, hy = width * m.m11() / 2, width * m.m22() / 2
    ox, oy = math.floor(dev.left() - hx) - 2, math.floor(dev.top() - hy) - 2
    key: tuple[object, ...] = (
        width,
        round(dev.left() - ox, 6),
        round(dev.top() - oy, 6),
        round(dev.width(), 6),
        round(dev.height(), 6),
        round(m.m11(), 9),
        round(m.m22(), 9),
        radius,
        colour,
    )
    to_sprite = QTransform(m.m11(), 0, 0, m.m22(), m.dx() - ox, m.dy() - oy)
    outline = outlines.get_or_make(key, lambda: _outline(rect, radius, width, colour, to_sprite))
    return None if outline is None else (outline, QPoint(ox, oy))


def prepare_outlines(
    outlines: Outlines, to_device: QTransform, cards: list[Rect], colour: str, width: float, radius: float = 28.0
) -> None:
    """Draw the outlines of these cards at one pen width ahead (the stage does it while still)."""
    for x, y, w, h in cards:
        outline_for(outlines, to_device, QRectF(x + 1.5, y + 1.5, w - 3, h - 3), radius, width, colour)


OUTLINE_WIDTHS = tuple(step / OUTLINE_STEPS for step in range(3 * OUTLINE_STEPS, 6 * OUTLINE_STEPS + 1))
"""Every pen width a pulsing outline is drawn at (see outline_pulse)."""


def _outline(rect: QRectF, radius: float, width: float, colour: str, to_sprite: QTransform) -> Outline | None:
    """Stroke the outline once into an image whose origin is the outline's whole-pixel origin, and cut it up."""
    dev = to_sprite.mapRect(rect)
    hx, hy = width * to_sprite.m11() / 2, width * to_sprite.m22() / 2
    w, h = math.ceil(dev.right() + hx) + 2, math.ceil(dev.bottom() + hy) + 2
    kx, ky = math.ceil(radius * to_sprite.m11() + hx) + 4, math.ceil(radius * to_sprite.m22() + hy) + 4
    if w <= 2 * kx or h <= 2 * ky:
        return None
    full = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    full.fill(Qt.GlobalColor.transparent)
    p = QPainter(full)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setTransform(to_sprite)
    p.setPen(QPen(QColor(colour), width))
    p.setBrush(QBrush())
    p.drawRoundedRect(rect, radius, radius)
    p.end()
    pieces: list[tuple[QImage, QPoint]] = []
    for corner in (
        QRect(0, 0, kx, ky),
        QRect(w - kx, 0, kx, ky),
        QRect(0, h - ky, kx, ky),
        QRect(w - kx, h - ky, kx, ky),
    ):
        image = full.copy(corner)
        ink = ink_rect(image)
        if not ink.isEmpty():
            pieces.append((image.copy(ink), corner.topLeft() + ink.topLeft()))
    # the straight edges: one column (row) of pixels across the edge, repeated along it
    for across, along in (
        (QRect(kx, 0, 1, ky), QRect(kx, 0, w - 2 * kx, ky)),
        (QRect(kx, h - ky, 1, ky), QRect(kx, h - ky, w - 2 * kx, ky)),
        (QRect(0, ky, kx, 1), QRect(0, ky, kx, h - 2 * ky)),
        (QRect(w - kx, ky, kx, 1), QRect(w - kx, ky, kx, h - 2 * ky)),
    ):
        image = full.copy(across)
        ink = ink_rect(image)
        if ink.isEmpty():
            continue
        image = image.copy(ink)
        if across.width() == 1:
            size, at = (along.width(), ink.height()), QPoint(along.x(), along.y() + ink.y())
        else:
            size, at = (ink.width(), along.height()), QPoint(along.x() + ink.x(), along.y())
        stretched = image.scaled(*size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.FastTransformation)
        pieces.append((stretched, at))
    return Outline(tuple(pieces))


def _c(hex_color: str, alpha: float) -> QColor:
    c = QColor(hex_color)
    c.setAlphaF(max(0.0, min(1.0, alpha)))
    return c
