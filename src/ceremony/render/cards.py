"""Host cue cards: one A4 landscape page per cue with a thumbnail, the title, notes in large type, the time."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from ceremony.i18n import translate
from ceremony.render.frame import Frame
from ceremony.render.renderer import Renderer
from ceremony.show.cues import Cue

T = TypeVar("T")


def _duration(seconds: float | None) -> str:
    if not seconds:
        return ""
    m, s = divmod(round(seconds), 60)
    return f"{m}:{s:02d}" if m else f"{s} s"


def _film_length(renderer: Renderer, cue: Cue) -> str:
    """'   Film 0:42' for a cue that plays a film (its length as played: trims applied); '' otherwise."""
    from ceremony.media import plan
    from ceremony.media.probe import format_duration, probe_cached
    from ceremony.script.assets import resolve

    film = plan.film_of(renderer.script, cue) if cue.film else None
    if film is None:
        return ""
    info = probe_cached(resolve(renderer.loaded.base_dir, film.file))
    end = film.end if film.end is not None else info.duration
    if end is None or film.loop:
        return "   Film (loop)" if film.loop else ""
    return f"   Film {format_duration(end - film.start)}"


def write_cards(
    renderer: Renderer,
    path: Path,
    frame_for: Callable[[Cue], Frame],
    progress: Callable[[Iterable[Cue], str], Iterator[Cue]],
) -> None:
    """A card per cue, its thumbnail drawn from frame_for(cue) (an export's planned frame: no wall clock)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(150)
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape, QMarginsF(0, 0, 0, 0))
    )
    writer.setTitle(translate("Export", "{title} – cue cards").format(title=renderer.script.event.title))
    painter = QPainter(writer)
    if not painter.isActive():
        raise OSError(translate("Export", "could not open {path} for writing").format(path=path))
    page = _Page(writer, painter, renderer.ctx.family, len(renderer.cues), renderer.ctx.say("continued"))
    for i, cue in enumerate(progress(renderer.cues, translate("Export", "cards"))):
        if i:
            writer.newPage()
        page.card(renderer, cue, frame_for(cue))
    painter.end()


class _Page:
    """Draws one cue's card, and the pages its notes run on to."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, family: str, total: int, continued: str) -> None:
        self.writer, self.painter, self.family, self.total = writer, painter, family, total
        self.continued = continued
        """After the cue's name on a page its notes ran on to: the script's word for it ('(forts.)')."""
        self.w, self.h = float(writer.width()), float(writer.height())
        self.m = self.w * 0.04

    def card(self, renderer: Renderer, cue: Cue, frame: Frame) -> None:
        painter, w, h, m = self.painter, self.w, self.h, self.m
        painter.fillRect(QRectF(0, 0, w, h), QColor("#ffffff"))
        thumb = QRectF(m, m, w * 0.42, w * 0.42 * 9 / 16)
        renderer.paint(painter, thumb, frame)
        painter.setPen(QPen(QColor("#111111")))
        painter.setFont(_font(self.family, h * 0.022, 600))
        tx = thumb.right() + m
        head = f"Cue {cue.index + 1} / {self.total}   {_duration(cue.duration)}{_film_length(renderer, cue)}"
        painter.drawText(QRectF(tx, m, w - tx - m, h * 0.05), Qt.AlignmentFlag.AlignLeft, head)
        painter.setFont(_font(self.family, h * 0.04, 700))
        title = QRectF(tx, m + h * 0.05, w - tx - m, thumb.height() - h * 0.05)
        painter.drawText(title, Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft, cue.label)
        box = QRectF(m, thumb.bottom() + m, w - 2 * m, h - thumb.bottom() - 2 * m)
        rest = self._notes(box, (cue.notes or "").strip() or "—")
        while rest:  # long notes go on over as many pages as they need; none is cut off
            self.writer.newPage()
            painter.fillRect(QRectF(0, 0, w, h), QColor("#ffffff"))
            painter.setFont(_font(self.family, h * 0.022, 600))
            head = f"Cue {cue.index + 1} / {self.total}   {cue.label} {self.continued}"
            painter.drawText(QRectF(m, m, w - 2 * m, h * 0.05), Qt.AlignmentFlag.AlignLeft, head)
            rest = self._notes(QRectF(m, m + h * 0.07, w - 2 * m, h - 2 * m - h * 0.07), rest)

    def _notes(self, box: QRectF, text: str) -> str:
        """As much of text as fits box, drawn there; what is left."""
        font = _font(self.family, self.h * 0.034, 400)
        self.painter.setFont(font)
        page, rest = _fit(QFontMetricsF(font, self.writer), box, text)
        self.painter.drawText(box, _WRAP, page)
        return rest


_WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft


def _fit(metrics: QFontMetricsF, box: QRectF, text: str) -> tuple[str, str]:
    """The longest head of text (whole words) that fits the box when wrapped, and what is left."""
    tokens = re.split(r"(\s+)", text)

    def fits(n: int) -> bool:
        head = "".join(tokens[:n]).rstrip()
        return metrics.boundingRect(QRectF(0, 0, box.width(), 1e7), _WRAP, head).height() <= box.height()

    if fits(len(tokens)):
        return text, ""
    lo, hi = 1, len(tokens)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(mid):
            lo = mid
        else:
            hi = mid - 1
    return "".join(tokens[:lo]).rstrip(), "".join(tokens[lo:]).lstrip()


def _font(family: str, px: float, weight: int) -> QFont:
    font = QFont(family)
    font.setPixelSize(max(1, round(px)))
    font.setWeight(QFont.Weight(weight))
    return font
