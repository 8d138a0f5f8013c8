"""The warm light behind the winner: one sprite, faded in GLOW_LEVELS steps, and at 4K built into the stage.

The glow's gradient costs some 50 ms at 4K, so it is drawn once into a sprite and blended at its level.
On large frames even the blend counts: the stage with the glow at the coming step is built ahead, a band
of rows per frame, and then blitted instead (GlowBases).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QImage, QPainter, QRadialGradient, QTransform

from ceremony.render import show_layout as S
from ceremony.render.draw import color
from ceremony.render.motion import glow_level
from ceremony.render.sprites import Sprites

GLOW_LEVELS = 8
GLOW_BASE_MIN_PIXELS = 2 * 1920 * 1080
"""Frames at least this large get the stage with the glow at its step built ahead (see GlowBases.advance).

At 3840x2160 the stage blit plus the glow's blend is ~7 ms of a frame, a built base one ~3.5 ms blit; the
two bases cost two frames of memory while the glow fades in. At 1920x1080 the blend is ~1 ms: not worth it."""
GLOW_BASE_LEAD = 0.25
"""Seconds before the glow's first step that building its base begins (spread thin over those frames)."""
_GLOW_BOX = QRectF(S.WINNER_CENTRE[0] - 720.0, 0.0, 1440.0, 1080.0)
"""Where the glow has any light on the canvas (its circle, cut to the canvas)."""


def glow_step(t: float) -> int:
    """The glow's intensity quantised to GLOW_LEVELS steps, so each step's backdrop can be cached."""
    return round(glow_level(t) * GLOW_LEVELS)


@functools.cache
def glow_step_start(step: int) -> float:
    """The first t at which glow_step(t) reaches step (glow_level rises from t = 0.9 to 1.9)."""
    lo, hi = 0.9, 1.9
    for _ in range(60):
        mid = (lo + hi) / 2
        if glow_step(mid) >= step:
            hi = mid
        else:
            lo = mid
    return hi


def draw_glow(painter: QPainter, accent: str, level: float) -> None:
    """A warm light behind the winner's final place."""
    if level <= 0:
        return
    cx, cy = S.WINNER_CENTRE
    r = 720.0
    grad = QRadialGradient(QPointF(cx, cy), r)
    grad.setColorAt(0.0, color(accent, 0.30 * level))
    grad.setColorAt(0.4, color(accent, 0.10 * level))
    grad.setColorAt(1.0, color(accent, 0.0))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(grad))
    painter.drawEllipse(QPointF(cx, cy), r, r)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def draw_glow_sprite(sprites: Sprites, accent: str, painter: QPainter, level: float, scale: float) -> None:
    """The glow at level, from one sprite at device size (scale device pixels per canvas unit)."""
    if level <= 0:
        return

    def paint(p: QPainter) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.scale(scale, scale)
        p.translate(-_GLOW_BOX.x(), -_GLOW_BOX.y())
        draw_glow(p, accent, 1.0)

    w, h = round(_GLOW_BOX.width() * scale), round(_GLOW_BOX.height() * scale)
    sprite = sprites.drawn(("glow", round(scale * 1000)), w, h, paint)
    sprites.place(painter, sprite, _GLOW_BOX, level, smooth=True)


@dataclass
class GlowBase:
    """A frame-sized image: the stage layer with the glow at step blended over it, rows [0, rows) done."""

    image: QImage
    stage: int
    """The cacheKey of the stage layer it is built from."""
    step: int = 0
    rows: int = 0

    def ready(self, stage: QImage, step: int) -> bool:
        return self.step == step and self.stage == stage.cacheKey() and self.rows >= self.image.height()


class GlowBases:
    """Per frame size, two stage-plus-glow images: the one shown and the one being built for the next step."""

    def __init__(self, sprites: Sprites, accent: str) -> None:
        self.sprites = sprites
        self.accent = accent
        self.bases: dict[tuple[int, int], list[GlowBase]] = {}

    @staticmethod
    def worth_it(width: int, height: int) -> bool:
        return width * height >= GLOW_BASE_MIN_PIXELS

    def ready(self, stage: QImage, step: int) -> QImage | None:
        """The stage with the glow at step over it, if it has been built whole."""
        for base in self.bases.get((stage.width(), stage.height()), ()):
            if base.ready(stage, step):
                return base.image
        return None

    def drop(self, width: int, height: int) -> None:
        """Forget the bases of this size (the reveal has settled: they will not be shown again)."""
        self.bases.pop((width, height), None)

    def advance(self, stage: QImage, t: float, to_device: QTransform, frame: float) -> None:
        """Build a band of rows of the next step's base, so that it is done by the last frame before that step.

        Called after each raster reveal frame (t, at most every frame seconds) that is not settled. The stage
        then blits the base instead of blitting the stage and blending the glow over it: the same pixels, as
        the base is built with the same two draws.
        """
        step = glow_step(t) + 1
        if not self.worth_it(stage.width(), stage.height()) or step >= GLOW_LEVELS:  # the last shows settled
            return
        start = glow_step_start(step)
        if start - t > GLOW_BASE_LEAD:
            return
        base = self._base_for(stage, step)
        left = stage.height() - base.rows if base is not None else 0
        if base is not None and left > 0:
            # the frames before the step shows, this one included (one due less than a quarter frame before it
            # is not counted: a late frame would find the base unfinished), so the work is spread evenly
            frames = max(1, math.ceil((start - t) / frame - 0.25))
            self._build(base, stage, min(left, math.ceil(left / frames)), to_device)

    def prepare(self, stage: QImage, step: int, to_device: QTransform) -> None:
        """Build the base of an early step whole, ahead of the reveal (the stage prepares it while still).

        Besides the blend it saves, it takes the page faults of first touching the base's memory (some 9 ms
        for a 3840x2160 image) out of the animation."""
        if not self.worth_it(stage.width(), stage.height()) or not 0 < step < GLOW_LEVELS:
            return
        base = self._base_for(stage, step)
        if base is not None:
            self._build(base, stage, stage.height() - base.rows, to_device)

    def _base_for(self, stage: QImage, step: int) -> GlowBase | None:
        """The base to build step in: the one already on it, else one not shown at the step before, else new."""
        w, h = stage.width(), stage.height()
        bases = self.bases.setdefault((w, h), [])
        key = stage.cacheKey()
        base = next((b for b in bases if b.step == step and b.stage == key), None)
        if base is None:
            base = next((b for b in bases if not b.ready(stage, step - 1)), None)
            if base is None:
                if len(bases) >= 2:
                    return None
                base = GlowBase(QImage(w, h, QImage.Format.Format_RGB32), key)
                bases.append(base)
            base.stage, base.step, base.rows = key, step, 0
        return base

    def _build(self, base: GlowBase, stage: QImage, rows: int, to_device: QTransform) -> None:
        """The next rows of base: the stage copied, the glow at base.step blended over it (as a frame draws)."""
        if rows <= 0:
            return
        band = QRect(0, base.rows, stage.width(), rows)
        p = QPainter(base.image)
        p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        p.drawImage(band.topLeft(), stage, band)
        p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        p.setClipRect(band)
        p.setTransform(to_device)
        draw_glow_sprite(self.sprites, self.accent, p, base.step / GLOW_LEVELS, to_device.m11())
        p.end()
        base.rows += rows
