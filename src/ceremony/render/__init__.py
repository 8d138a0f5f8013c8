"""The one renderer: every cue, into any QPainter target, on a letterboxed 1920×1080 canvas.

The names below are imported on first use, so importing one submodule does not pull in the whole renderer.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ceremony.render.frame import Frame, StageView
    from ceremony.render.geometry import CANVAS_H, CANVAS_W, MIN_BODY_PX, MIN_HEADING_PX, letterbox
    from ceremony.render.items import ImageItem, Layout, ShapeItem
    from ceremony.render.renderer import Renderer
    from ceremony.render.text import TextItem

_WHERE = {
    "Frame": "frame",
    "StageView": "frame",
    "CANVAS_H": "geometry",
    "CANVAS_W": "geometry",
    "MIN_BODY_PX": "geometry",
    "MIN_HEADING_PX": "geometry",
    "letterbox": "geometry",
    "ImageItem": "items",
    "Layout": "items",
    "ShapeItem": "items",
    "Renderer": "renderer",
    "TextItem": "text",
}


def __getattr__(name: str) -> object:
    if name not in _WHERE:
        raise AttributeError(f"module 'ceremony.render' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"ceremony.render.{_WHERE[name]}"), name)
    globals()[name] = value
    return value


__all__ = [
    "CANVAS_H",
    "CANVAS_W",
    "MIN_BODY_PX",
    "MIN_HEADING_PX",
    "Frame",
    "ImageItem",
    "Layout",
    "Renderer",
    "ShapeItem",
    "StageView",
    "TextItem",
    "letterbox",
]
