"""Host cue cards: one A4 landscape page per cue with a thumbnail, the title, notes in large type, the time."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from ceremony.render.frame import Frame
from ceremony.render.renderer import Renderer
from ceremony.show.cues import Cue

T = TypeVar("T")


def _duration(seconds: float | None) -> str:
    if not seconds:
        return ""
    m, s = divmod(round(seconds), 60)
    return f"{m}:{s:02d}" if m else f"{s} s"


def write_cards(
    renderer: Renderer,
    path: Path,
    winners: Callable[[Cue], Mapping[str, str]],
    progress: Callable[[Iterable[Cue], str], Iterator[Cue]],
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(150)
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape, QMarginsF(0, 0, 0, 0))
    )
    writer.setTitle(f"{renderer.script.event.title} – cue cards")
    painter = QPainter(writer)
    if not painter.isActive():
        raise OSError(f"could not open {path} for writing")
    w, h = float(writer.width()), float(writer.height())
    m = w * 0.04
    family = renderer.ctx.family
    total = len(renderer.cues)
    for i, cue in enumerate(progress(renderer.cues, "cards")):
        if i:
            writer.newPage()
        painter.fillRect(QRectF(0, 0, w, h), QColor("#ffffff"))
        thumb = QRectF(m, m, w * 0.42, w * 0.42 * 9 / 16)
        renderer.paint(painter, thumb, Frame(cue=cue, t=cue.animation, winners=winners(cue)))
        painter.setPen(QPen(QColor("#111111")))
        painter.setFont(_font(family, h * 0.022, 600))
        tx = thumb.right() + m
        painter.drawText(
            QRectF(tx, m, w - tx - m, h * 0.05),
            Qt.AlignmentFlag.AlignLeft,
            f"Cue {cue.index + 1} / {total}   {_duration(cue.duration)}",
        )
        painter.setFont(_font(family, h * 0.04, 700))
        painter.drawText(
            QRectF(tx, m + h * 0.05, w - tx - m, thumb.height() - h * 0.05),
            Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft,
            cue.label,
        )
        notes_font = _font(family, h * 0.034, 400)
        painter.setFont(notes_font)
        box = QRectF(m, thumb.bottom() + m, w - 2 * m, h - thumb.bottom() - 2 * m)
        page, rest = _fit(QFontMetricsF(notes_font, writer), box, (cue.notes or "").strip() or "—")
        painter.drawText(box, _WRAP, page)
        while rest:  # long notes go on over as many pages as they need; none is cut off
            writer.newPage()
            painter.fillRect(QRectF(0, 0, w, h), QColor("#ffffff"))
            painter.setFont(_font(family, h * 0.022, 600))
            painter.drawText(
                QRectF(m, m, w - 2 * m, h * 0.05),
                Qt.AlignmentFlag.AlignLeft,
                f"Cue {cue.index + 1} / {total}   {cue.label} (forts.)",
            )
            painter.setFont(notes_font)
            box = QRectF(m, m + h * 0.07, w - 2 * m, h - 2 * m - h * 0.07)
            page, rest = _fit(QFontMetricsF(notes_font, writer), box, rest)
            painter.drawText(box, _WRAP, page)
    painter.end()


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
