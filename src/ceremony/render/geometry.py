"""The logical canvas, letterboxing, easing and small text helpers shared by every layout.

Everything on stage is laid out on a 1920×1080 canvas of abstract units; only the
final transform maps units to device pixels, so a projector, a 4K wall, a PDF page
and a thumbnail all show the same composition.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QTransform

from ceremony.render.countdown import countdown_text as countdown_text

CANVAS_W = 1920.0
CANVAS_H = 1080.0
CANVAS = QRectF(0.0, 0.0, CANVAS_W, CANVAS_H)

#: Minimum sizes the back row can read: body 3.5 %, names and headings 7 % of the canvas height.
MIN_BODY_PX = 38
MIN_HEADING_PX = 76

Rect = tuple[float, float, float, float]
"""x, y, width, height in canvas units (hashable, unlike QRectF)."""


def qrect(r: Rect) -> QRectF:
    return QRectF(r[0], r[1], r[2], r[3])


def letterbox(target: QRectF) -> tuple[QRectF, float]:
    """The 16:9 canvas's place inside target (centred, bars around it) and its scale."""
    if target.width() <= 0 or target.height() <= 0:
        return QRectF(target.x(), target.y(), 0.0, 0.0), 0.0
    scale = min(target.width() / CANVAS_W, target.height() / CANVAS_H)
    w, h = CANVAS_W * scale, CANVAS_H * scale
    x = target.x() + (target.width() - w) / 2
    y = target.y() + (target.height() - h) / 2
    return QRectF(x, y, w, h), scale


def canvas_transform(target: QRect) -> QTransform:
    """Canvas units to the device pixels of target (a whole-pixel rectangle the canvas fills)."""
    t = QTransform()
    t.translate(target.x(), target.y())
    t.scale(target.width() / CANVAS_W, target.height() / CANVAS_H)
    return t


def clamp(x: float, lo: float = 0.0, hi: float = 1.0) -> float:
    return lo if x < lo else hi if x > hi else x


def smoothstep(edge0: float, edge1: float, x: float) -> float:
    """0 before edge0, 1 after edge1, an S-curve between (Hermite smoothstep)."""
    if edge1 == edge0:
        return 1.0 if x >= edge1 else 0.0
    u = clamp((x - edge0) / (edge1 - edge0))
    return u * u * (3.0 - 2.0 * u)


def ease(p: float) -> float:
    """Smoothstep on 0..1: the easing of every transition."""
    return smoothstep(0.0, 1.0, p)


def lerp(a: float, b: float, p: float) -> float:
    return a + (b - a) * p


_NUM_SPACE = re.compile(r"(?<=\d) (?=\d)")


def nbsp_numbers(text: str) -> str:
    """'15 000' -> '15\u00a0000' so that a number never breaks across lines."""
    return _NUM_SPACE.sub("\u00a0", text)


MONTHS_NB = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)


def date_nb(date: dt.date) -> str:
    """A date as Norwegian bokmål writes it: '13. februar 2024'."""
    return f"{date.day}. {MONTHS_NB[date.month - 1]} {date.year}"
