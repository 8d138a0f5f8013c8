"""The one renderer: every cue, into any QPainter target, on a letterboxed 1920×1080 canvas."""

from ceremony.render import pyside_fix  # noqa: F401  (must run before any painting)
from ceremony.render.frame import Blackout, Frame, StageView
from ceremony.render.geometry import CANVAS_H, CANVAS_W, MIN_BODY_PX, MIN_HEADING_PX, letterbox
from ceremony.render.items import ImageItem, Layout, ShapeItem
from ceremony.render.renderer import Renderer
from ceremony.render.text import TextItem

__all__ = [
    "CANVAS_H",
    "CANVAS_W",
    "MIN_BODY_PX",
    "MIN_HEADING_PX",
    "Blackout",
    "Frame",
    "ImageItem",
    "Layout",
    "Renderer",
    "ShapeItem",
    "StageView",
    "TextItem",
    "letterbox",
]
