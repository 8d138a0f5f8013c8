"""A vertical stack of placed items, centred in a band once everything is measured."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ceremony.render.bullets import bullet_list
from ceremony.render.geometry import Rect
from ceremony.render.items import ImageItem, Item, Placeholder, ShapeItem, offset
from ceremony.render.style import Ctx
from ceremony.render.text import Align, TextItem, TextStyle, place


class Column:
    """Items stacked top-down from y=0 at x..x+w; ``centred(top, bottom)`` moves them into place."""

    def __init__(self, ctx: Ctx, x: float, w: float, background: str, align: Align = "left") -> None:
        self.ctx = ctx
        self.x = x
        self.w = w
        self.background = background
        self.align = align
        self.y = 0.0
        self.items: list[Item] = []

    def gap(self, h: float) -> None:
        self.y += h

    def text(
        self,
        field: str,
        text: str,
        style: TextStyle,
        max_h: float | None = None,
        after: float = 0.0,
        align: Align | None = None,
    ) -> TextItem:
        lines = style.max_lines or 1
        box_h = max_h if max_h is not None else lines * style.px * style.line_height
        item = place(
            field, text, (self.x, self.y, self.w, box_h), style, self.ctx.family, self.background, align or self.align
        )
        item = _trim(item)
        self.items.append(item)
        self.y += item.height + after
        return item

    def rule(self, width: float, color: str, height: float = 4.0, after: float = 0.0, alpha: float = 1.0) -> None:
        if self.align == "center":
            x = self.x + (self.w - width) / 2
        elif self.align == "right":
            x = self.x + self.w - width
        else:
            x = self.x
        self.items.append(ShapeItem("rule", "rule", (x, self.y, width, height), color, alpha, radius=height / 2))
        self.y += height + after

    def image(
        self,
        field: str,
        path: Path | None,
        w: float,
        h: float,
        placeholder: Placeholder = "image",
        after: float = 0.0,
        view_box: Rect | None = None,
    ) -> None:
        x = self.x + (self.w - w) / 2 if self.align == "center" else self.x
        self.items.append(ImageItem(field, path, (x, self.y, w, h), placeholder, view_box))
        self.y += h + after

    def bullets(
        self,
        field: str,
        texts: list[str],
        style: TextStyle,
        max_h: float,
        gap: float,
        marker: str,
        indent: float = 48.0,
        after: float = 0.0,
    ) -> None:
        """A list whose items share one size: the largest at which the whole list fits max_h."""
        items = bullet_list(
            self.ctx, field, texts, (self.x, self.y, self.w, max_h), style, gap, marker, indent, self.background
        )
        self.items.extend(items)
        bottom = max((i.rect[1] + i.rect[3] for i in items), default=self.y)
        self.y = bottom + after

    def centred(self, top: float, bottom: float) -> list[Item]:
        """The items moved so the stack sits in the middle of top..bottom (or at top when too tall)."""
        dy = top + max(0.0, (bottom - top - self.y) / 2)
        return [offset(i, 0.0, dy) for i in self.items]


def _trim(item: TextItem) -> TextItem:
    """A fitted text's box shrunk to its lines, so the next block follows directly."""
    if not item.fits:
        return item
    x, y, w, _ = item.rect
    return replace(item, rect=(x, y, w, item.height))
