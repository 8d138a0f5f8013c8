"""What a layout is made of: placed texts, images and shapes, in paint order."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from ceremony.render.geometry import Rect
from ceremony.render.text import TextItem

Placeholder = Literal["crest", "image", "logo"]
Shape = Literal["card", "slot", "rule", "glow", "pill"]


@dataclass(frozen=True, slots=True)
class ImageItem:
    """An image fitted (aspect kept) and centred in rect; a placeholder if it cannot be read."""

    field: str
    path: Path | None
    rect: Rect
    placeholder: Placeholder = "image"
    view_box: Rect | None = None
    """Draw only this part of an SVG (the logo's ring mark, say)."""


@dataclass(frozen=True, slots=True)
class ShapeItem:
    """A flat shape: a card, an empty place, a rule, a soft glow."""

    field: str
    shape: Shape
    rect: Rect
    color: str
    alpha: float = 1.0
    radius: float = 0.0
    border: str | None = None
    border_alpha: float = 1.0


Item = TextItem | ImageItem | ShapeItem


@dataclass(frozen=True, slots=True)
class Layout:
    """One cue's composition on the 1920×1080 canvas."""

    items: tuple[Item, ...] = ()
    backdrop: Literal["stage", "black"] = "stage"
    notes: tuple[str, ...] = field(default=())

    @property
    def texts(self) -> list[TextItem]:
        return [i for i in self.items if isinstance(i, TextItem)]

    @property
    def images(self) -> list[ImageItem]:
        return [i for i in self.items if isinstance(i, ImageItem)]


def offset(item: Item, dx: float, dy: float) -> Item:
    """The item moved by (dx, dy)."""
    x, y, w, h = item.rect
    return _replace_rect(item, (x + dx, y + dy, w, h))


def _replace_rect(item: Item, rect: Rect) -> Item:
    return replace(item, rect=rect)
