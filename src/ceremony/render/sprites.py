"""Sprites: pictures drawn once at the device size they reach at most, then placed per frame.

The reveal draws its cards, titles and glow from these: a frame costs a few image blits, not a relayout.
Placing goes through Qt's fast paths (see Sprites.place), which is most of what keeps a 4K reveal frame
within its budget.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QImage, QPainter, QTransform

from ceremony.render.cache import ByteCache
from ceremony.render.draw import ItemPainter, ink_rect, set_hints
from ceremony.render.items import Item

SPRITE_BYTES = 128 * 1024 * 1024
"""Sprites kept: a class with an open winner prepares ~106 MB of them at 3840x2160 (~27 MB at 1920x1080);
the least recently used (another class's, a nominee that did not win) go first."""
FADED_BYTES = 48 * 1024 * 1024
"""Faded copies of the losing cards (one each, ~5.5 MB at 3840x2160)."""
_BAND = 64
"""Rows per fill: Qt's raster engine splits a span fill of 96 rows or more over its thread pool."""


@dataclass(frozen=True, slots=True)
class Sprite:
    image: QImage
    ink: QRect | None = None
    """The inked part (every pixel not fully transparent), for sprites mostly empty: only it is blended."""


class Sprites:
    """Sprites by key and device scale, with their faded and smoothly scaled copies; all bounded in bytes."""

    def __init__(self, items: ItemPainter) -> None:
        self.items = items
        self.cache: ByteCache[tuple[object, ...], Sprite] = ByteCache(SPRITE_BYTES, lambda s: s.image.sizeInBytes())
        self.faded: ByteCache[int, tuple[float, QImage]] = ByteCache(FADED_BYTES, lambda f: f[1].sizeInBytes())
        """Moving translucent sprites at their opacity, by the sprite image's cacheKey."""

    def clear(self) -> None:
        self.cache.clear()
        self.faded.clear()

    def drawn(
        self, key: tuple[object, ...], w: int, h: int, paint: Callable[[QPainter], None], *, inked: bool = False
    ) -> Sprite:
        """The sprite under key: a transparent w x h image that paint drew (drawn now if it is not kept)."""

        def make() -> Sprite:
            image = QImage(max(1, w), max(1, h), QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            paint(painter)
            painter.end()
            return Sprite(image, ink_rect(image) if inked else None)

        return self.cache.get_or_make(key, make)

    def of_items(
        self, key: tuple[object, ...], w: float, h: float, scale: float, items: list[Item], *, inked: bool = False
    ) -> Sprite:
        """Items laid out in a w x h box (canvas units), drawn at scale device pixels per unit."""

        def paint(p: QPainter) -> None:
            set_hints(p)
            p.scale(scale, scale)
            self.items.items(p, items, scale, False)

        full = (*key, round(scale * 1000))
        return self.drawn(full, round(w * scale), round(h * scale), paint, inked=inked)

    def place(
        self,
        painter: QPainter,
        sprite: Sprite,
        target: QRectF,
        opacity: float,
        *,
        smooth: bool,
        steady: bool = False,
    ) -> None:
        """Draw a sprite into target (canvas units) with opacity, through Qt's fast paths.

        A sprite already at its device size is blitted at a whole device pixel (only its inked part, if
        known). A scaled one with opacity below 1 goes at a whole device pixel too, at its rounded device
        size: Qt's scaled drawImage with a constant alpha is several times slower than a plain scale plus an
        unscaled blend. Still (smooth), its bilinear scale is kept, as the same one comes every frame.
        Moving while its opacity changes, it is scaled (nearest) and blended in one pass by a texture fill.
        Moving at a steady opacity (a loser card from t = 1 s), it is faded once and drawn by Qt's
        nearest-pixel scaler like an opaque card: a third cheaper.
        """
        if opacity <= 0.0:
            return
        image = sprite.image
        dev = painter.transform().mapRect(target)
        exact = abs(dev.width() - image.width()) < 0.5 and abs(dev.height() - image.height()) < 0.5
        if not exact and opacity >= 1.0:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
            painter.drawImage(target, image)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            return
        w, h = round(dev.width()), round(dev.height())
        at = QPoint(round(dev.x()), round(dev.y()))
        painter.save()
        painter.resetTransform()
        painter.setOpacity(opacity)
        # unscaled at a whole pixel, filtering changes nothing; with it on, Qt leaves its SIMD blend for a
        # per-pixel texture fill that it hands to its thread pool in bands
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        if exact:
            part = QRect(0, 0, w, h) if sprite.ink is None else sprite.ink
            if not part.isEmpty():
                painter.drawImage(at + part.topLeft(), image, part)
        elif smooth:
            painter.drawImage(at, self._smooth_scaled(image, w, h))
        elif steady:
            painter.setOpacity(1.0)
            painter.drawImage(QRectF(at.x(), at.y(), w, h), self.fade(image, opacity))
        else:
            _scaled_blend(painter, image, at, w, h)
        painter.restore()

    def fade(self, image: QImage, opacity: float) -> QImage:
        """image at opacity (premultiplied): one buffer per sprite, refaded only when the opacity changes."""
        kept = self.faded.get(image.cacheKey())
        if kept is not None and kept[0] == opacity:
            return kept[1]
        faded = kept[1] if kept is not None else QImage(image.size(), QImage.Format.Format_ARGB32_Premultiplied)
        faded.fill(Qt.GlobalColor.transparent)
        p = QPainter(faded)
        p.setOpacity(opacity)  # over transparent: each pixel times the constant alpha, as a faded blit would
        p.drawImage(0, 0, image)
        p.end()
        self.faded.put(image.cacheKey(), (opacity, faded))
        return faded

    def _smooth_scaled(self, image: QImage, w: int, h: int) -> QImage:
        """image scaled to w x h with bilinear filtering, kept: a card at rest is drawn at that size every frame."""

        def paint(p: QPainter) -> None:
            p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            p.drawImage(QRectF(0, 0, w, h), image)

        return self.drawn(("smooth", image.cacheKey(), w, h), w, h, paint).image


def _scaled_blend(painter: QPainter, image: QImage, at: QPoint, w: int, h: int) -> None:
    """The same pixels as scaling image into a scratch image (nearest) and blending that, in one pass; in
    bands of rows, as Qt hands a fill of more rows to its thread pool (slower when cores are busy)."""
    brush = QBrush(image)
    brush.setTransform(QTransform(w / image.width(), 0.0, 0.0, h / image.height(), at.x(), at.y()))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for y in range(at.y(), at.y() + h, _BAND):
        painter.fillRect(QRect(at.x(), y, w, min(_BAND, at.y() + h - y)), brush)
