"""The host's confidence monitor: a window on its own screen, and the presenter's miniature of it.

Both paint ``render.confidence`` from the controller's state: the host's view
(``show.confidence``), with the stage's current frame in its corner painted by the
stage's renderer. Like the stage, the window never takes focus and follows the
screen rules (``ScreenWatch``); unlike the stage, it repaints only once a second
(the clocks), a little faster while a new message flashes or the stage animates,
and always after the stage has painted a change.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QScreen
from PySide6.QtWidgets import QWidget

from ceremony.i18n import QT_TRANSLATE_NOOP, translate
from ceremony.render.confidence import confidence_layout, is_animated, paint_confidence
from ceremony.render.items import Layout
from ceremony.show.confidence import ConfidenceView, confidence_view
from ceremony.ui.controller import ShowController
from ceremony.ui.screens import Placement, choose_confidence_screen, describe, show_on

TITLE = QT_TRANSLATE_NOOP("Confidence", "ceremony — Confidence")

log = logging.getLogger(__name__)

#: Milliseconds between repaints while a message flashes, and while the stage's picture moves.
FLASH_MS, LIVE_MS = 60, 100


@lru_cache(maxsize=8)
def _layout(view: ConfidenceView, wall: dt.datetime) -> Layout:
    return confidence_layout(view, wall)


def _whole_seconds(view: ConfidenceView) -> ConfidenceView:
    """The view as the screen shows it (whole seconds), so repaints within a second reuse one layout."""

    def whole(x: float | None) -> float | None:
        return None if x is None else float(round(x))

    age = view.message_age
    return replace(
        view,
        on_cue=float(round(view.on_cue)),
        show_left=whole(view.show_left),
        behind=whole(view.behind),
        countdown=whole(view.countdown),
        message_age=None if age is None else (round(age / 0.25) * 0.25 if age < 2.0 else 2.0),
    )


class ConfidenceWidget(QWidget):
    """Paints the host's view of the controller's show, scaled into whatever size it is given."""

    keyPressed = Signal(object)
    """A QKeyEvent the window received (it never asks for focus, but a click may give it one)."""

    def __init__(self, controller: ShowController, *, mirror: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.mirror = mirror
        self.frames_painted = 0
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(320, 180)
        self._tick = QTimer(self)
        self._tick.setSingleShot(True)
        self._tick.timeout.connect(self.update)
        self._after_stage = QTimer(self)  # a change reaches the host a moment after the hall
        self._after_stage.setSingleShot(True)
        self._after_stage.setInterval(0)
        self._after_stage.timeout.connect(self.repaint)
        controller.changed.connect(self._after_stage.start)

    def view(self) -> ConfidenceView:
        c = self.controller
        return confidence_view(c.loaded.script, c.state, c.clock())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        view = self.view()
        try:
            wall = dt.datetime.now().replace(microsecond=0)
            paint_confidence(
                painter, QRectF(self.rect()), _layout(_whole_seconds(view), wall), self._stage, mirror=self.mirror
            )
        except Exception:
            painter.fillRect(self.rect(), QColor("#000000"))
            painter.end()
            sys.excepthook(*sys.exc_info())  # to the log and the presenter's banner, never to the host
            return
        painter.end()
        self.frames_painted += 1
        self._schedule(view)

    def _stage(self, painter: QPainter, rect: QRectF) -> None:
        self.controller.renderer.paint(painter, rect, self.controller.stage_frame())

    def _schedule(self, view: ConfidenceView) -> None:
        if is_animated(view):
            wait = FLASH_MS
        elif self.controller.frame_interval() is not None or self.controller.film_due() is not None:
            wait = LIVE_MS
        else:
            wait = 1005 - dt.datetime.now().microsecond // 1000  # just after the next whole second
        self._tick.start(wait)

    def stop(self) -> None:
        self._tick.stop()
        self._after_stage.stop()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.keyPressed.emit(event)
        event.accept()


class ConfidenceWindow(ConfidenceWidget):
    """The top-level confidence monitor: frameless fullscreen on its screen, never taking focus."""

    def __init__(self, controller: ShowController, *, mirror: bool = False) -> None:
        super().__init__(controller, mirror=mirror)
        self.setWindowTitle(translate("Confidence", TITLE))
        self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus, True)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.placement: Placement | None = None
        self.resize(960, 540)

    def place(
        self, screens: Sequence[QScreen], requested: str, busy: Sequence[QScreen | None], windowed: bool = False
    ) -> Placement:
        """On the requested screen (by number or name); a window where the presenter or the stage already is.
        Raises ScreenChoiceError for a screen that does not exist."""
        taken = [screens.index(s) if s in screens else None for s in busy]
        placement = choose_confidence_screen(describe(screens), requested, taken, windowed)
        self.show_on(screens[placement.screen.index], placement)
        return placement

    def show_on(self, screen: QScreen, placement: Placement) -> None:
        self.placement = placement
        show_on(self, screen, placement, size=(640, 360))
