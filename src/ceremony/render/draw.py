"""Drawing placed items with a QPainter that already maps canvas units to the device."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QRadialGradient

from ceremony.render.geometry import CANVAS, Rect, qrect
from ceremony.render.images import ImageStore, fit_size
from ceremony.render.items import ImageItem, Item, ShapeItem
from ceremony.render.style import Palette, mix
from ceremony.render.text import TextItem, draw_text


def color(hex_color: str, alpha: float = 1.0) -> QColor:
    c = QColor(hex_color)
    c.setAlphaF(max(0.0, min(1.0, alpha)))
    return c


@dataclass
class _Planned:
    """An image of a PDF: the pixel size it goes in at, its draws still to come, and the picture meanwhile."""

    size: tuple[int, int]
    uses: int = 0
    image: QImage | None = None


def set_hints(painter: QPainter) -> None:
    """Antialiased shapes and text, filtered images: every picture the renderer draws uses these."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)


def blit_opaque(painter: QPainter, at: QPoint, image: QImage) -> None:
    """An opaque layer replaces what is under it: Source skips reading the destination."""
    mode = painter.compositionMode()
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
    painter.drawImage(at, image)
    painter.setCompositionMode(mode)


def ink_rect(image: QImage) -> QRect:
    """The smallest rectangle holding every pixel of image that is not fully transparent."""
    alpha = image.convertToFormat(QImage.Format.Format_Alpha8)
    w, h, stride = alpha.width(), alpha.height(), alpha.bytesPerLine()
    data = bytes(alpha.constBits())
    left, right, top, bottom = w, 0, h, 0
    for y in range(h):
        row = data[y * stride : y * stride + w]
        inked = row.lstrip(b"\0")
        if inked:
            top, bottom = min(top, y), y + 1
            left, right = min(left, w - len(inked)), max(right, len(row.rstrip(b"\0")))
    return QRect(left, top, right - left, bottom - top) if bottom > top else QRect()


def _placement(item: ImageItem, natural: QSize, scale: float, vector: bool, cover: bool) -> tuple[QRectF, int, int]:
    """Where an image goes (fitted and centred, or covering its box) and the pixel size to decode it at.

    Images go into a PDF as pixels (at least twice the canvas resolution), SVGs included: QtSvg's
    gradients with opacity come out of Qt's PDF engine as opaque shapes in common viewers.
    """
    box = qrect(item.rect)
    if cover:
        target = box
    else:
        fitted = fit_size(natural, box.width() * 1000, box.height() * 1000)
        w, h = fitted.width() / 1000.0, fitted.height() / 1000.0
        target = QRectF(box.x() + (box.width() - w) / 2, box.y() + (box.height() - h) / 2, w, h)
    px_scale = scale if not vector else max(scale, 2.0)
    return target, max(1, round(target.width() * px_scale)), max(1, round(target.height() * px_scale))


def drawn_size(item: ImageItem, natural: QSize, scale: float, cover: bool = False) -> tuple[int, int]:
    """The pixel size a raster target decodes an image item at, scale device pixels per canvas unit: what
    a check of the image must draw it at (``render.proof``)."""
    _target, width, height = _placement(item, natural, scale, False, cover)
    return width, height


def shield_path(r: QRectF) -> QPainterPath:
    """The crests' shield outline scaled into r (the same shape as the placeholder crests)."""
    path = QPainterPath()
    sx, sy = r.width() / 400.0, r.height() / 480.0

    def pt(x: float, y: float) -> QPointF:
        return QPointF(r.x() + x * sx, r.y() + y * sy)

    path.moveTo(pt(72, 44))
    path.lineTo(pt(328, 44))
    path.lineTo(pt(328, 222))
    path.cubicTo(pt(328, 318), pt(272, 372), pt(200, 412))
    path.cubicTo(pt(128, 372), pt(72, 318), pt(72, 222))
    path.closeSubpath()
    return path


class ItemPainter:
    """Draws layouts: the stage backdrop, shapes, images (from the store) and texts."""

    def __init__(self, store: ImageStore, palette: Palette, background: Path | None) -> None:
        self.store = store
        self.palette = palette
        self.background = background
        self.vector_plan: dict[tuple[str, Rect | None], _Planned] = {}
        """For a PDF: each image's largest pixel size in the document and its draws to come (plan_vector)."""

    # ---------------------------------------------------------------- backdrop
    def backdrop(self, painter: QPainter, kind: str, scale: float, vector: bool, *, keep: bool = True) -> None:
        """The canvas's backdrop: black, or the stage (the theme's colour and the background image, covering).

        keep=False: the background image decoded for this is not kept (the caller keeps the picture it drew)."""
        if kind == "black":
            painter.fillRect(CANVAS, QColor("#000000"))
            return
        painter.fillRect(CANVAS, QColor(self.palette.background))
        if self.background is not None:
            item = ImageItem("background", self.background, (0.0, 0.0, 1920.0, 1080.0))
            self.image(painter, item, scale, vector, cover=True, keep=keep)

    # ---------------------------------------------------------------- items
    def items(
        self, painter: QPainter, items: list[Item] | tuple[Item, ...], scale: float, vector: bool, opacity: float = 1.0
    ) -> None:
        for item in items:
            if isinstance(item, TextItem):
                draw_text(painter, item, opacity)
            elif isinstance(item, ImageItem):
                painter.setOpacity(opacity)
                self.image(painter, item, scale, vector)
                painter.setOpacity(1.0)
            else:
                self.shape(painter, item, opacity, vector)

    def image(
        self, painter: QPainter, item: ImageItem, scale: float, vector: bool, cover: bool = False, keep: bool = True
    ) -> None:
        path = item.path
        natural = self.store.natural(path, item.view_box) if path is not None else None
        if path is None or natural is None:
            self.placeholder(painter, item)
            return
        target, dw, dh = _placement(item, natural, scale, vector, cover)
        planned = self.vector_plan.get((str(path), item.view_box)) if vector else None
        if planned is not None and planned.size[0] >= dw and planned.size[1] >= dh:
            # One picture per image in a PDF: drawn at the largest size the document needs and kept until
            # its last draw, it is embedded once (Qt's PDF engine shares an image it has seen, by its
            # cache key) instead of once per size, or again after the image cache let it go.
            image = planned.image or self.store.get(path, *planned.size, item.view_box)
            planned.uses -= 1
            planned.image = image if planned.uses > 0 else None
        else:
            image = self.store.get(path, dw, dh, item.view_box)
        if image is None:
            self.placeholder(painter, item)
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, image)
        if not keep:
            self.store.forget(path, dw, dh, item.view_box)

    def plan_vector(self, items: list[Item] | tuple[Item, ...], scale: float) -> None:
        """Note the pixel size each image of items needs in a PDF (at scale device pixels per canvas
        unit), keeping the largest per image."""
        for item in items:
            if not isinstance(item, ImageItem) or item.path is None:
                continue
            natural = self.store.natural(item.path, item.view_box)
            if natural is None:
                continue
            _, dw, dh = _placement(item, natural, scale, True, False)
            planned = self.vector_plan.setdefault((str(item.path), item.view_box), _Planned((dw, dh)))
            planned.uses += 1
            if dw * dh > planned.size[0] * planned.size[1]:
                planned.size = (dw, dh)

    def placeholder(self, painter: QPainter, item: ImageItem) -> None:
        """A calm neutral shape where an image could not be read: never an error on stage."""
        if item.placeholder == "logo":
            return
        box = qrect(item.rect)
        fill = color(mix(self.palette.background, "#ffffff", 0.08))
        pen = QPen(color(self.palette.muted, 0.35), 3)
        painter.setPen(pen)
        painter.setBrush(fill)
        if item.placeholder == "crest":
            w = min(box.width(), box.height() * 400 / 480)
            h = w * 480 / 400
            painter.drawPath(shield_path(QRectF(box.center().x() - w / 2, box.center().y() - h / 2, w, h)))
        else:
            painter.drawRoundedRect(box, 16, 16)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def shape(self, painter: QPainter, item: ShapeItem, opacity: float = 1.0, vector: bool = False) -> None:
        r = qrect(item.rect)
        painter.setPen(Qt.PenStyle.NoPen)
        if item.shape == "glow" and vector:
            # A PDF gets the glow as pixels: Qt's PDF engine writes a gradient's alpha in a way common
            # viewers draw as an opaque disc.
            painter.drawImage(r, _glow_image(item.color, item.alpha * opacity))
        elif item.shape == "glow":
            grad = QRadialGradient(r.center(), max(r.width(), r.height()) / 2)
            grad.setColorAt(0.0, color(item.color, item.alpha * opacity))
            grad.setColorAt(0.45, color(item.color, item.alpha * opacity * 0.35))
            grad.setColorAt(1.0, color(item.color, 0.0))
            painter.setBrush(QBrush(grad))
            painter.drawEllipse(r)
        elif item.shape == "slot":
            pen = QPen(color(item.color, item.alpha * opacity), 3, Qt.PenStyle.DashLine)
            pen.setDashPattern([6.0, 6.0])
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(r.adjusted(2, 2, -2, -2), item.radius, item.radius)
        else:
            painter.setBrush(color(item.color, item.alpha * opacity))
            if item.border:
                painter.setPen(QPen(color(item.border, item.border_alpha * opacity), 3))
                r = r.adjusted(1.5, 1.5, -1.5, -1.5)
            painter.drawRoundedRect(r, item.radius, item.radius)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(Qt.BrushStyle.NoBrush)


def _glow_image(colour: str, alpha: float, size: int = 512) -> QImage:
    """The glow's radial gradient as a transparent image, for targets that cannot blend gradients."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    grad = QRadialGradient(QPointF(size / 2, size / 2), size / 2)
    grad.setColorAt(0.0, color(colour, alpha))
    grad.setColorAt(0.45, color(colour, alpha * 0.35))
    grad.setColorAt(1.0, color(colour, 0.0))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(grad))
    p.drawEllipse(QRectF(0, 0, size, size))
    p.end()
    return image
