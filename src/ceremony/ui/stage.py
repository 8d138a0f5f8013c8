"""The stage window: paints the current frame through the renderer, nothing else.

It never takes keyboard focus from the presenter (the operator types there), yet
a key it does receive is forwarded through ``keyPressed`` to the same handler.
It repaints on a timer only while the picture moves.
"""

from __future__ import annotations

import logging
import math
import sys
import time
from collections import deque
from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QKeyEvent, QPainter, QPaintEvent, QResizeEvent, QScreen
from PySide6.QtWidgets import QWidget

from ceremony.i18n import QT_TRANSLATE_NOOP, translate
from ceremony.render.frame import FRAME_INTERVAL, Frame
from ceremony.render.renderer import Renderer
from ceremony.ui.screens import (
    Placement,
    ScreenInfo,
    choose_stage_screen,
    describe,
    remember_screen,
    remembered_screen,
    show_on,
)

TITLE = QT_TRANSLATE_NOOP("Stage", "ceremony — Stage")

log = logging.getLogger(__name__)

_EPOCH = time.monotonic()
_EARLY = 0.002
"""A timer may fire up to a millisecond early (it is set in whole ms): a frame painted this close before its
tick counts as that tick's."""


def next_tick_ms(now: float, interval: float, phase: float = 0.0) -> int:
    """Milliseconds from ``now`` to the next tick of a clock that ticks every ``interval`` seconds.

    Animation frames go on a fixed clock (60 Hz: every 16.7 ms, whatever a frame took to paint and
    flush), not "one interval after the last frame": that paced the reveal at one frame every 21 ms on a
    real X server (issue 18). Every widget shares the clock's epoch; ``phase`` (a fraction of the
    interval) puts the presenter's previews half a frame away from the stage, so a preview's paint never
    holds the stage's frame back. Rounded down: a timer set in whole ms then fires at most 1 ms early.
    """
    offset = _EPOCH + phase * interval
    due = offset + (math.floor((now + _EARLY - offset) / interval) + 1) * interval
    return max(0, math.floor((due - now) * 1000))


def wake_ms(now: float, interval: float | None, film_due: float | None, phase: float = 0.0) -> int | None:
    """Milliseconds until a widget must paint again: its next animation tick or its film's next picture, whichever
    comes first; None when its picture is still.

    A film's pictures are due at their own times (every 33.3 ms at 30 fps, 16.7 ms at 60 fps, out of step with the
    60 Hz animation clock), so they are not put on that clock: on it, the stage painted a 60 fps film's frames a
    tick late or twice, and dropped 3.7 % of them (bench_media). Rounded up, never zero: a film frame painted a
    moment before its time would show the picture before it again.
    """
    wakes = [] if interval is None else [next_tick_ms(now, interval, phase)]
    if film_due is not None:
        wakes.append(max(1, math.ceil(film_due * 1000)))
    return min(wakes) if wakes else None


SPARE_MS = 40
"""Milliseconds to the next animation frame that leave room for a piece of drawing ahead."""
PRESENTED_KEPT = 20_000
"""Film pictures remembered as presented: over ten minutes at 30 fps."""

FrameSource = Callable[[], Frame | None]
_Prefetch = tuple[int, int, int, float, tuple[tuple[str, str], ...]]
"""What the stage last drew ahead for: cue index, width, height, device pixel ratio, the winners it shows."""
IntervalSource = Callable[[], float | None]


class StageWidget(QWidget):
    """Paints ``frame_source()`` with the renderer; schedules its own next repaint while animating."""

    prepares_ahead = False
    """Whether painting a frame queues the next cues' drawing at this widget's size. Only the stage does: the
    renderer holds one queue, so a preview painting after the stage would replace the stage's with its own
    small layers, and the stage would draw its next picture on the key press (measured on a real X server,
    issue 18: 7-30 ms of a Page Down)."""

    keyPressed = Signal(object)
    """A QKeyEvent, emitted synchronously (the event is only valid inside the slot)."""

    def __init__(
        self,
        renderer: Renderer | None = None,
        frame_source: FrameSource | None = None,
        interval_source: IntervalSource | None = None,
        parent: QWidget | None = None,
        due_source: IntervalSource | None = None,
    ) -> None:
        super().__init__(parent)
        self._renderer = renderer
        self._frame_source = frame_source
        self._interval_source = interval_source
        self._due_source = due_source
        """Seconds until a film's next picture is due (or None): the timer wakes exactly then."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.update)
        # Between frames, while the picture is still: decode and draw the next cues ahead (see _prepare).
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.timeout.connect(self._prepare)
        self._prefetch_for: _Prefetch | None = None
        self._prefetched: _Prefetch | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setMinimumSize(320, 180)
        self.frames_painted = 0
        self.last_good_frame: Frame | None = None
        self._last_media: object = None
        self.presented: deque[tuple[float, int, float]] = deque(maxlen=PRESENTED_KEPT)
        """(monotonic time, cue index, film time) of each paint that put a new film picture on screen: dropped
        frames are counted from what was shown, not from what was decoded (benchmarks, tests)."""

    # ---------------------------------------------------------------- wiring
    def set_renderer(self, renderer: Renderer) -> None:
        self._renderer = renderer
        self.refresh()

    def set_frame_source(self, source: FrameSource, interval_source: IntervalSource | None = None) -> None:
        self._frame_source = source
        self._interval_source = interval_source
        self.refresh()

    @property
    def renderer(self) -> Renderer | None:
        return self._renderer

    def refresh(self) -> None:
        """Repaint now (call on every show change); the timer keeps animations going by itself."""
        self.update()

    @property
    def animating(self) -> bool:
        return self._timer.isActive()

    def stop(self) -> None:
        self._timer.stop()
        self._prepare_timer.stop()

    # ---------------------------------------------------------------- Qt
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        frame: Frame | None = None
        try:
            frame = self._frame_source() if self._frame_source else None
            if self._renderer is None or frame is None:
                painter.fillRect(self.rect(), QColor("#000000"))
            else:
                self._renderer.paint(painter, QRectF(self.rect()), frame)
                self.last_good_frame = frame
        except Exception:
            # The hall keeps its last good picture (painting is a pure function of the frame); the error goes
            # to the log and the presenter through the excepthook, never to the stage.
            self._paint_last_good(painter)
            painter.end()
            sys.excepthook(*sys.exc_info())
            return
        painter.end()
        self.frames_painted += 1
        media = frame.media if frame is not None else None
        if media is not None and not media.poster and media is not self._last_media:
            self.presented.append((time.monotonic(), media.cue_index, media.pts))
        self._last_media = media
        self._schedule(frame)
        if frame is not None and self.prepares_ahead:
            winners = tuple(sorted(frame.winners.items()))
            self._prefetch_for = (frame.cue.index, self.width(), self.height(), self.devicePixelRatioF(), winners)
            if self._prefetch_for != self._prefetched or self._time_to_spare():
                self._prepare_timer.start(0)

    def _prepare(self) -> None:
        """Prefetch around the shown cue (next four, previous two); while still, draw ahead a slice at a time."""
        renderer = self._renderer
        if renderer is None or self._prefetch_for is None:
            return
        if self._prefetch_for != self._prefetched:
            self._prefetched = self._prefetch_for
            i, w, h, dpr, winners = self._prefetched
            # Decode around the cue, but draw ahead only the next cue (this one is drawn): the layer cache
            # holds three full frames, and another cue's layers (a reveal step brings its settled layer)
            # pushed the next one out again. With the winners the stage shows (once revealed), so
            # the winner step is drawn with its winner.
            near = [i + 1, i + 2, i + 3, i + 4, i - 1, i - 2]
            cue = renderer.cues[i] if 0 <= i < len(renderer.cues) else None
            if cue is not None and cue.kind == "reveal" and cue.step in ("suspense", "reveal"):
                # The reveal holds the stage for seconds and needs every byte it prepared: the cues after the
                # winner are decoded once it stands (the evening's peak memory was here, issue 18).
                near = [i + 1, i - 1]
            renderer.prefetch(near, QSize(w, h), dpr, prepare=1, revealed=dict(winners))
            renderer.let_go([i, *near], QSize(w, h), dpr)  # what the show has left, and stage-sized leftovers
        if self._time_to_spare() and renderer.prepare_step():
            self._prepare_timer.start(2)

    def _time_to_spare(self) -> bool:
        """Still, or the next frame far enough away for a piece of drawing ahead (up to ~30 ms): the walk-in
        countdown repaints four times a second, and the first cue after it was otherwise drawn on the key."""
        return not self._timer.isActive() or self._timer.remainingTime() > SPARE_MS

    def _paint_last_good(self, painter: QPainter) -> None:
        try:
            if self._renderer is not None and self.last_good_frame is not None:
                self._renderer.paint(painter, QRectF(self.rect()), self.last_good_frame)
                return
        except Exception:
            log.exception("the last good frame failed too")
        painter.fillRect(self.rect(), QColor("#000000"))

    def _schedule(self, frame: Frame | None) -> None:
        if self._interval_source is not None:
            interval = self._interval_source()
        elif frame is not None and self._renderer is not None:
            interval = self._renderer.frame_interval(frame)
        else:
            interval = None
        if interval is None and frame is not None and self._renderer is not None:
            # The show is still by now, but the frame just painted was still moving (a transition at 98 %, a
            # reveal a moment before its end): one more frame, so the picture left standing is the still one
            # (and the layers pinned are its own, not the transition's two).
            interval = FRAME_INTERVAL if self._renderer.frame_interval(frame) is not None else None
        due = self._due_source() if self._due_source is not None else None
        wait = wake_ms(time.monotonic(), interval, due, self.tick_phase)
        if wait is None:
            self._timer.stop()
        else:
            self._timer.start(wait)

    tick_phase = 0.5
    """Where in each frame interval this widget's animation frames fall (see next_tick_ms)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.keyPressed.emit(event)
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.update()


class StageWindow(StageWidget):
    """The top-level stage: frameless fullscreen on its screen, or a window; never steals focus."""

    prepares_ahead = True
    tick_phase = 0.0

    def __init__(
        self,
        renderer: Renderer | None = None,
        frame_source: FrameSource | None = None,
        interval_source: IntervalSource | None = None,
        due_source: IntervalSource | None = None,
    ) -> None:
        super().__init__(renderer, frame_source, interval_source, None, due_source)
        self.setWindowTitle(translate("Stage", TITLE))
        self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus, True)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.placement: Placement | None = None
        self.resize(960, 540)

    def place(
        self,
        screens: Sequence[QScreen],
        presenter_screen: QScreen | None,
        requested: str | None = None,
        windowed: bool = False,
        remember: bool = True,
    ) -> Placement:
        """Choose the screen (see choose_stage_screen), move there, and show. Raises ScreenChoiceError."""
        infos = describe(screens)
        presenter = screens.index(presenter_screen) if presenter_screen in screens else None
        wanted = requested
        if wanted is None:
            saved = remembered_screen()
            if saved and any(s.name == saved and s.index != presenter for s in infos):
                wanted = saved
        placement = choose_stage_screen(infos, presenter, wanted, windowed)
        self.show_on(screens[placement.screen.index], placement)
        if remember and (requested is not None or placement.fullscreen):
            remember_screen(placement.screen)
        return placement

    def show_on(self, screen: QScreen, placement: Placement) -> None:
        """Fullscreen on that screen, or a window centred on it."""
        self.placement = placement
        show_on(self, screen, placement)

    def make_windowed(self) -> None:
        """The stage's screen went away: become a normal window on the primary screen."""
        primary = QGuiApplication.primaryScreen()
        if primary is not None:
            g = primary.geometry()
            self.show_on(primary, Placement(ScreenInfo(0, primary.name(), g.x(), g.y(), g.width(), g.height()), False))
