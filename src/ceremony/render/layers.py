"""Layers: the still part of a frame, drawn once per (key, device size) into an opaque image and kept.

A still slide is one layer blitted per frame; a moving one (walk-in clock, suspense, reveal) is a layer
with its moving parts drawn over it. The cache pins what each target showed last (see ByteCache.pinning).

Every layer on the stage's backdrop starts as a copy of the backdrop alone at its size (the theme's colour
and the background image), kept apart: the reveal draws over it too, and once it is drawn the background
image decoded at that size is not kept (8 MB at 1920x1080, 33 MB at 3840x2160).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from contextlib import AbstractContextManager

from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QImage, QPainter, QTransform

from ceremony.render import kept
from ceremony.render.cache import ByteCache
from ceremony.render.draw import ItemPainter, blit_opaque, set_hints
from ceremony.render.geometry import CANVAS_H, CANVAS_W
from ceremony.render.items import Layout

LAYER_BYTES = 24 * 1024 * 1024
LAYERS_AT_ONCE = 3
"""The cache always holds at least this many full frames: the one shown and the one drawn ahead (or, at a
reveal, its settled picture), and one behind; a transition shows two of them."""
BACKDROP_BYTES = 40 * 1024 * 1024
"""Backdrops kept, one per size: the stage's at 3840x2160 (33 MB) and the presenter's small ones."""

LayerKey = tuple[Hashable, int, int]


class Layers:
    """Opaque canvas-sized pictures by (key, width, height), LRU-bounded in bytes."""

    def __init__(self, items: ItemPainter, limit: int = LAYER_BYTES, *, keep_on_disk: bool = False) -> None:
        self.items = items
        self.keep_on_disk = keep_on_disk
        """Stage-sized backdrops are kept on disk for the next start, and read from there (kept.py)."""
        self.cache: ByteCache[LayerKey, QImage] = ByteCache(
            limit, lambda image: image.sizeInBytes(), keep_at_least=LAYERS_AT_ONCE
        )
        self.backdrops: ByteCache[tuple[int, int], QImage] = ByteCache(BACKDROP_BYTES, lambda i: i.sizeInBytes())

    def backdrop(self, size: QSize) -> QImage:
        """The stage's backdrop alone at size (kept; the background image decoded for it is let go). With
        keep_on_disk, at a stage's size it is also kept on disk for the next start, and read from there."""

        def make() -> QImage:
            key = self._kept_key() if self.keep_on_disk and kept.worth_keeping(size) else None
            image = kept.load(key, size) if key is not None else None
            if image is not None:
                return image
            image = QImage(size, QImage.Format.Format_RGB32)
            painter = QPainter(image)
            set_hints(painter)
            painter.setTransform(_to_device(size))
            self.items.backdrop(painter, "stage", size.width() / CANVAS_W, False, keep=False)
            painter.end()
            if key is not None:
                kept.store(key, image)
            return image

        return self.backdrops.get_or_make((size.width(), size.height()), make)

    def _kept_key(self) -> str | None:
        """What the backdrop is drawn from, as kept.py's key (None without a background image)."""
        background = self.items.background
        source = self.items.store.source(background) if background is not None else None
        return kept.key(source, self.items.palette.background) if source is not None else None

    def has_backdrop(self, size: QSize) -> bool:
        return (size.width(), size.height()) in self.backdrops

    def of_layout(self, key: Hashable, size: QSize, layout: Layout) -> QImage:
        """The layout over its backdrop, at size."""

        def draw(painter: QPainter, scale: float) -> None:
            self.items.items(painter, layout.items, scale, False)

        return self._get(key, size, draw, layout.backdrop)

    def over_film(self, key: Hashable, size: QSize, layout: Layout) -> QImage:
        """The layout's items without their backdrop, on transparency, at size: drawn over a film."""

        def draw(painter: QPainter, scale: float) -> None:
            self.items.items(painter, layout.items, scale, False)

        return self._get(("over-film", key), size, draw, None, QImage.Format.Format_ARGB32_Premultiplied)

    def drawn(self, key: Hashable, size: QSize, paint: Callable[[QPainter], None]) -> QImage:
        """The stage backdrop with what paint draws over it (in canvas units), at size."""
        return self._get(key, size, lambda painter, _scale: paint(painter))

    def pinning(self, size: QSize) -> AbstractContextManager[None]:
        """Pin every layer used while painting one frame at size, in place of the last frame's at that size."""
        return self.cache.pinning((size.width(), size.height()))

    def clear(self) -> None:
        self.cache.clear()
        self.backdrops.clear()

    def _get(
        self,
        key: Hashable,
        size: QSize,
        draw: Callable[[QPainter, float], None],
        backdrop: str | None = "stage",
        form: QImage.Format = QImage.Format.Format_RGB32,
    ) -> QImage:
        def make() -> QImage:
            image = QImage(size, form)
            if image.hasAlphaChannel():
                image.fill(0)
            painter = QPainter(image)
            set_hints(painter)
            if backdrop == "stage":
                blit_opaque(painter, QPoint(0, 0), self.backdrop(size))
            painter.setTransform(_to_device(size))
            if backdrop is not None and backdrop != "stage":
                self.items.backdrop(painter, backdrop, size.width() / CANVAS_W, False)
            draw(painter, size.width() / CANVAS_W)
            painter.end()
            return image

        return self.cache.get_or_make((key, size.width(), size.height()), make, 4 * size.width() * size.height())

    def keep(self, key: Hashable, size: QSize) -> None:
        """Pin the layer under key at size, if it is kept, for the frame being painted (see pinning)."""
        self.cache.get((key, size.width(), size.height()))


def _to_device(size: QSize) -> QTransform:
    """Canvas units to the pixels of an image of size."""
    return QTransform.fromScale(size.width() / CANVAS_W, size.height() / CANVAS_H)
