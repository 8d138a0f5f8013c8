"""The presenter's panels: clocks, host notes and the cue list.

Each panel reads the controller's state when told it changed; none holds show
state of its own, so they can never disagree with the stage.
"""

from __future__ import annotations

import datetime as dt
import time

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ceremony.i18n import translate
from ceremony.show.timers import Status
from ceremony.ui.controller import ShowController
from ceremony.ui.style import restyle

STATUS_COLOURS: dict[Status, str] = {"ok": "#e8eef8", "amber": "#ffbf47", "red": "#ff5c5c"}
THUMB = QSize(192, 108)


def clock_text(seconds: float | None, *, signed: bool = False) -> str:
    """'1:05' for 65 s, '1:02:03' past an hour; '+0:30' / '−0:30' when signed; '–' for none."""
    if seconds is None:
        return "–"
    sign = ""
    if signed:
        sign = "+" if seconds > 0.5 else ("−" if seconds < -0.5 else "±")
    total = round(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}" if hours else f"{sign}{minutes}:{secs:02d}"


class Clocks(QFrame):
    """Time of day, show elapsed, time on this slide against its plan, and the time to the planned end."""

    def __init__(self, controller: ShowController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("clocks")
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setHorizontalSpacing(18)
        self.values: dict[str, QLabel] = {}
        for column, (key, caption) in enumerate(
            [
                ("time", translate("Panels", "TIME")),
                ("elapsed", translate("Panels", "SHOW")),
                ("cue", translate("Panels", "ON THE SLIDE")),
                ("end", translate("Panels", "TO THE END")),
            ]
        ):
            label = QLabel(caption)
            label.setObjectName("caption")
            value = QLabel("–")
            value.setObjectName("clock")
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(label, 0, column)
            grid.addWidget(value, 1, column)
            self.values[key] = value
        self.refresh()

    def refresh(self) -> None:
        timers = self.controller.engine.timers()
        self.values["time"].setText(dt.datetime.now().strftime("%H:%M:%S"))
        self.values["elapsed"].setText(
            clock_text(timers.elapsed) if timers.started else translate("Panels", "not started")
        )
        planned = f" / {clock_text(timers.planned)}" if timers.planned else ""
        cue = self.values["cue"]
        cue.setText(f"{clock_text(timers.on_slide)}{planned}")
        restyle(cue, f"color: {STATUS_COLOURS[timers.status]}")
        end = self.values["end"]
        if timers.planned_end is not None:
            left = timers.planned_end - self.controller.clock()
            behind = timers.behind
            late = f"  ({clock_text(behind, signed=True)})" if behind is not None and abs(behind) >= 1 else ""
            end.setText(f"{clock_text(left, signed=left < 0)}{late}")
            restyle(end, f"color: {STATUS_COLOURS['red' if behind and behind > 60 else 'ok']}")
        else:
            end.setText(clock_text(timers.planned_total))
            restyle(end, "")


class Notes(QTextBrowser):
    """The host notes of the current cue, in large type the operator can size."""

    MIN_PT, MAX_PT = 12, 48

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notes")
        self.setOpenLinks(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.point_size = 20
        self._apply()

    def set_point_size(self, size: int) -> None:
        self.point_size = max(self.MIN_PT, min(self.MAX_PT, size))
        self._apply()

    def _apply(self) -> None:
        # A style sheet, not setFont: the presenter's sheet sets font-size on every widget and would win.
        self.setStyleSheet(f"QTextBrowser#notes {{ font-size: {self.point_size}pt; line-height: 130%; }}")

    def show_notes(self, title: str, notes: str | None) -> None:
        self.setPlainText(notes.strip() if notes else "")
        self.setPlaceholderText(translate("Panels", "No notes for “{title}”.").format(title=title))


class CueList(QListWidget):
    """Every cue with its thumbnail, number, title and planned time; the current one highlighted."""

    previewRequested = Signal(int)
    """The operator selected a cue to preview (not taken)."""
    jumpRequested = Signal(int)
    """The operator double-clicked a cue."""

    def __init__(self, controller: ShowController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("cuelist")
        self.setIconSize(THUMB)
        self.setUniformItemSizes(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.itemClicked.connect(lambda item: self.previewRequested.emit(self.row(item)))
        self.itemDoubleClicked.connect(lambda item: self.jumpRequested.emit(self.row(item)))
        self._current = -1
        self._pending_thumbs: list[int] = []
        self._thumb_timer = QTimer(self)
        self._thumb_timer.setInterval(0)
        self._thumb_timer.timeout.connect(self._draw_some_thumbnails)
        self.rebuild()

    def rebuild(self) -> None:
        """Fill the list from the cues (after start or a reload)."""
        self.clear()
        for cue in self.controller.cues:
            planned = f"   ·   {_duration(cue.duration)}" if cue.duration else ""
            item = QListWidgetItem(f"{cue.index + 1:>2}   {cue.label}{planned}")
            item.setToolTip(f"{cue.id}\n{(cue.notes or '').strip()[:300]}")
            item.setSizeHint(QSize(THUMB.width() + 320, THUMB.height() + 12))
            self.addItem(item)
        self._current = -1
        self.update_thumbnails()
        self.follow()

    def update_thumbnails(self) -> None:
        """Draw the cues' thumbnails with the renderer (preview rules: no unrevealed winners), a few at a
        time from the event loop: the stage's first frame must not wait for thirty thumbnails."""
        current = self.controller.state.cue_index
        rows = list(range(self.count()))
        self._pending_thumbs = sorted(rows, key=lambda row: abs(row - current))  # nearest first
        self._thumb_timer.start()

    def redraw_thumbnails(self, rows: list[int]) -> None:
        """Draw these cues' thumbnails again (a film's poster has been decoded)."""
        self._pending_thumbs = [*rows, *(r for r in self._pending_thumbs if r not in rows)]
        self._thumb_timer.start()

    def _draw_some_thumbnails(self, budget: int = 3) -> None:
        renderer = self.controller.renderer
        for _ in range(budget):
            if not self._pending_thumbs:
                self._thumb_timer.stop()
                return
            row = self._pending_thumbs.pop(0)
            item = self.item(row)
            if item is None or row >= len(self.controller.cues):
                continue
            image = QImage(THUMB, QImage.Format.Format_RGB32)
            painter = QPainter(image)
            renderer.paint(painter, QRectF(0, 0, THUMB.width(), THUMB.height()), self.controller.preview_frame(row))
            painter.end()
            item.setIcon(QIcon(QPixmap.fromImage(image)))

    def finish_thumbnails(self) -> None:
        """Draw every thumbnail still to do now (tests and screenshots)."""
        while self._pending_thumbs:
            self._draw_some_thumbnails(len(self._pending_thumbs))
        self._thumb_timer.stop()

    def follow(self) -> None:
        """Highlight the current cue and keep it in view."""
        index = self.controller.state.cue_index
        if index == self._current:
            return
        for row in (self._current, index):
            item = self.item(row) if 0 <= row < self.count() else None
            if item is not None:
                font = QFont(item.font())
                font.setBold(row == index)
                item.setFont(font)
                item.setBackground(QColor("#1f3d73") if row == index else QColor(0, 0, 0, 0))
        self._current = index
        item = self.item(index)
        if item is not None:
            self.scrollToItem(item, QListWidget.ScrollHint.PositionAtCenter)


def _duration(seconds: float) -> str:
    return clock_text(seconds)


class Titled(QWidget):
    """A caption above a widget: 'PÅ SCENEN' over the mirror, 'NESTE' over the preview."""

    def __init__(self, caption: str, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.caption = QLabel(caption)
        self.caption.setObjectName("caption")
        layout.addWidget(self.caption)
        layout.addWidget(body, 1)


def now_text() -> str:
    return time.strftime("%H:%M:%S")
