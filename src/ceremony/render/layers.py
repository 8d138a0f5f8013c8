"""Layers: the still part of a frame, drawn once per (key, device size) into an opaque image and kept.

A still slide is one layer blitted per frame; a moving one (walk-in clock, suspense, reveal) is a layer
with its moving parts drawn over it. The cache pins what each target showed last (see ByteCache.pinning).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from contextlib import AbstractContextManager

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPainter, QTransform

from ceremony.render.cache import ByteCache
from ceremony.render.draw import ItemPainter, set_hints
from ceremony.render.geometry import CANVAS_H, CANVAS_W
from ceremony.render.items import Layout

LAYER_BYTES = 32 * 1024 * 1024
LAYERS_AT_ONCE = 4
"""The cache always holds at least this many full frames (a reveal needs line-up, stage, settled)."""

LayerKey = tuple[Hashable, int, int]


class Layers:
    """Opaque canvas-sized pictures by (key, width, height), LRU-bounded in bytes."""

    def __init__(self, items: ItemPainter, limit: int = LAYER_BYTES) -> None:
        self.items = items
        self.cache: ByteCache[LayerKey, QImage] = ByteCache(
            limit, lambda image: image.sizeInBytes(), keep_at_least=LAYERS_AT_ONCE
        )

    def of_layout(self, key: Hashable, size: QSize, layout: Layout) -> QImage:
        """The layout over its backdrop, at size."""

        def draw(painter: QPainter, scale: float) -> None:
            self.items.backdrop(painter, layout.backdrop, scale, False)
            self.items.items(painter, layout.items, scale, False)

        return self._get(key, size, draw)

    def over_film(self, key: Hashable, size: QSize, layout: Layout) -> QImage:
        """The layout's items without their backdrop, on transparency, at size: drawn over a film."""

        def draw(painter: QPainter, scale: float) -> None:
            self.items.items(painter, layout.items, scale, False)

        return self._get(("over-film", key), size, draw, QImage.Format.Format_ARGB32_Premultiplied)

    def drawn(self, key: Hashable, size: QSize, paint: Callable[[QPainter], None]) -> QImage:
        """The stage backdrop with what paint draws over it (in canvas units), at size."""

        def draw(painter: QPainter, scale: float) -> None:
            self.items.backdrop(painter, "stage", scale, False)
            paint(painter)

        return self._get(key, size, draw)

    def pinning(self, size: QSize) -> AbstractContextManager[None]:
        """Pin every layer used while painting one frame at size, in place of the last frame's at that size."""
        return self.cache.pinning((size.width(), size.height()))

    def clear(self) -> None:
        self.cache.clear()

    def _get(
        self,
        key: Hashable,
        size: QSize,
        draw: Callable[[QPainter, float], None],
        form: QImage.Format = QImage.Format.Format_RGB32,
    ) -> QImage:
        def make() -> QImage:
            image = QImage(size, form)
            if image.hasAlphaChannel():
                image.fill(0)
            painter = QPainter(image)
            set_hints(painter)
            painter.setTransform(QTransform.fromScale(size.width() / CANVAS_W, size.height() / CANVAS_H))
            draw(painter, size.width() / CANVAS_W)
            painter.end()
            return image

        return self.cache.get_or_make((key, size.width(), size.height()), make)
