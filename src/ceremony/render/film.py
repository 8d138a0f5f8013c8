"""A film's picture in a frame: what the renderer paints for a video cue, or behind a title or countdown.

The picture is decoded and converted to the size it is painted off the GUI thread (``ui.media_player``);
here it is only placed: letterboxed inside the 16:9 canvas, as every slide is. Exports take a film's poster
(its ``poster:`` image, or the frame at its ``start``), decoded synchronously, without an event loop.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from ceremony.media import plan
from ceremony.script.assets import resolve
from ceremony.script.loader import LoadedScript
from ceremony.show.cues import Cue

BLACK = QColor("#000000")


@dataclass(frozen=True, slots=True, eq=False)
class MediaImage:
    """A film's picture at one moment; it keeps the pixels its QImage points into alive. Compared by identity
    (a frame holding the same picture is the same frame; comparing pixels would cost a frame's time)."""

    image: QImage
    pts: float
    """Seconds from the film's start (the poster: 0)."""
    cue_index: int
    poster: bool = False
    pixels: object = None
    """The numpy array the image's pixels live in (the QImage does not own them), or None."""


def film_rect(canvas: QRectF, width: int, height: int) -> QRectF:
    """Where a picture of width x height goes in the canvas: as large as fits, centred (letterboxed)."""
    if width <= 0 or height <= 0:
        return canvas
    scale = min(canvas.width() / width, canvas.height() / height)
    w, h = width * scale, height * scale
    return QRectF(canvas.x() + (canvas.width() - w) / 2, canvas.y() + (canvas.height() - h) / 2, w, h)


def draw_film(painter: QPainter, canvas: QRectF, media: MediaImage) -> None:
    """The film's picture letterboxed in the canvas, over black (smooth only when it must be scaled)."""
    image = media.image
    target = film_rect(canvas, image.width(), image.height())
    painter.fillRect(canvas, BLACK)
    same = round(target.width()) == image.width() and round(target.height()) == image.height()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, not same)
    painter.drawImage(target, image)


def poster_for(loaded: LoadedScript, cue: Cue) -> MediaImage | None:
    """A film cue's poster for an export: its ``poster:`` picture, else the film's frame at its start (decoded
    now, synchronously); None for a cue without a film, or a film that cannot be opened."""
    film = plan.film_of(loaded.script, cue)
    return None if film is None else poster_of(loaded.base_dir, film, cue.index)


def poster_of(base_dir: Path, film: plan.Film, cue_index: int, width: int | None = None) -> MediaImage | None:
    """A film's poster (``poster:``, else its frame at ``start``), at most ``width`` pixels wide if given.
    Decodes synchronously: call it off the GUI thread while the show runs."""
    image = QImage(str(resolve(base_dir, film.poster))) if film.poster else QImage()
    if image.isNull():
        image = _first_frame(resolve(base_dir, film.file), film.start)
    if image.isNull():
        return None
    if width is not None and image.width() > width:
        image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    return MediaImage(image, 0.0, cue_index, poster=True)


def _first_frame(path: Path, start: float) -> QImage:
    from ceremony.media.decode import VideoTrack

    track = VideoTrack(path, start=start, ahead=2)
    try:
        frame = track.first() if track.wait_first(10.0) else None
    finally:
        track.close()
    if frame is None:
        return QImage()
    pixels = frame.pixels
    height, width = pixels.shape[:2]
    return QImage(pixels.data, width, height, pixels.strides[0], QImage.Format.Format_RGB32).copy()
