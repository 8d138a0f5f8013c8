"""Screens that come and go: a pulled projector cable must not put the stage fullscreen on the laptop.

Qt moves a window to another screen *before* it emits ``screenRemoved``, so we
watch the stage window's own ``screenChanged``: the moment the stage lands on a
screen that is not the one it was placed on, it becomes a small window on the
presenter's screen (or hides), and the presenter says so in red. When a screen
with the lost one's name (else its geometry) comes back, the stage returns to
it fullscreen, on the same cue.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen, QWindow

from ceremony.i18n import QT_TRANSLATE_NOOP, translate
from ceremony.ui.screens import Placement, ScreenInfo, describe

log = logging.getLogger(__name__)

#: Seconds after a window returns to its screen in which a move by the window system is checked, not obeyed.
RESTORE_GRACE = 1.0


class Placed(Protocol):
    """A window placed on a screen: the stage, the host's confidence monitor."""

    placement: Placement | None

    def show_on(self, screen: QScreen, placement: Placement) -> None: ...
    def hide(self) -> None: ...
    def resize(self, w: int, h: int) -> None: ...
    def windowHandle(self) -> QWindow | None: ...


@dataclass(frozen=True, slots=True)
class LostScreen:
    """What we remember of the stage's screen, to know it again when it comes back."""

    name: str
    geometry: tuple[int, int, int, int]


WindowKind = Literal["stage", "host"]

_SAID: dict[WindowKind, dict[str, str]] = {
    "stage": {
        "missing": QT_TRANSLATE_NOOP("Screens", "The stage's screen “{name}” is still missing (new screen: {new})"),
        "hidden": QT_TRANSLATE_NOOP("Screens", "THE STAGE'S SCREEN “{name}” IS GONE — the stage is now hidden"),
        "window": QT_TRANSLATE_NOOP(
            "Screens",
            "THE STAGE'S SCREEN “{name}” IS GONE — the stage is now a small window on the operator's screen",
        ),
        "back": QT_TRANSLATE_NOOP("Screens", "Stage: {index}: {name} {width}×{height} (fullscreen)"),
    },
    "host": {
        "missing": QT_TRANSLATE_NOOP(
            "Screens", "The host monitor's screen “{name}” is still missing (new screen: {new})"
        ),
        "hidden": QT_TRANSLATE_NOOP(
            "Screens", "THE HOST MONITOR'S SCREEN “{name}” IS GONE — the host monitor is now hidden"
        ),
        "window": QT_TRANSLATE_NOOP(
            "Screens",
            "THE HOST MONITOR'S SCREEN “{name}” IS GONE — the host monitor is now a small window on the "
            "operator's screen",
        ),
        "back": QT_TRANSLATE_NOOP("Screens", "Host monitor: {index}: {name} {width}×{height} (fullscreen)"),
    },
}
"""What the operator reads when a window's screen goes and comes back (marked for translation here)."""


class ScreenWatch(QObject):
    """Keeps a window (the stage, the confidence monitor) on its screen, or safely off the operator's when
    that screen is gone."""

    changed = Signal(str, bool)
    """(status text for the presenter, lost?)"""

    def __init__(
        self,
        app: QGuiApplication,
        stage: Placed,
        presenter_screen: Callable[[], QScreen | None],
        *,
        on_lost: str = "window",
        kind: WindowKind = "stage",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.stage = stage
        self.kind = kind
        """Which window this watches, for the operator's messages: the stage or the host monitor."""
        self.presenter_screen = presenter_screen
        self.on_lost = on_lost
        self.lost: LostScreen | None = None
        self.target: LostScreen | None = None
        self._moving = False
        self._grace_until = 0.0
        self._verify_timer = QTimer(self)
        self._verify_timer.setSingleShot(True)
        self._verify_timer.setInterval(round(RESTORE_GRACE * 1000))
        self._verify_timer.timeout.connect(self._verify)
        self.remember_target()
        app.screenAdded.connect(self.screen_added)
        app.screenRemoved.connect(self.screen_removed)
        handle = stage.windowHandle()
        if handle is not None:
            handle.screenChanged.connect(self.stage_screen_changed)

    def remember_target(self) -> None:
        """Note the screen the stage was placed on fullscreen (none when it is a window by choice)."""
        placement = self.stage.placement
        if placement is not None and placement.fullscreen:
            info = placement.screen
            self.target = LostScreen(info.name, (info.x, info.y, info.width, info.height))
        else:
            self.target = None

    # ---------------------------------------------------------------- Qt's screen signals call these

    def stage_screen_changed(self, screen: QScreen | None) -> None:
        """The stage window moved to another screen: if it was not us, its screen is going away.

        Just after a screen came back, the window system may still move the window about while it settles it
        there (seen on Xorg with openbox: one stray screenChanged ~15 ms after the return). Within that grace
        the move is checked once things are quiet instead of taken as a loss.
        """
        if self._moving or self.target is None or self.lost is not None:
            return
        if screen is not None and screen.name() == self.target.name:
            return
        if time.monotonic() < self._grace_until:
            self._verify_timer.start()
            return
        self._lose()

    def _verify(self) -> None:
        """After the grace: lost if its screen is really gone, else put it back on that screen."""
        if self.lost is not None or self.target is None:
            return
        home = next((s for s in self.app.screens() if s.name() == self.target.name), None)
        if home is None:
            self._lose()
            return
        handle = self.stage.windowHandle()
        current = handle.screen() if handle is not None else None
        if current is None or current.name() != home.name():
            self._restore(home)

    def screen_removed(self, screen: QScreen) -> None:
        if self.target is not None and self.lost is None and screen.name() == self.target.name:
            self._lose()

    def screen_added(self, screen: QScreen) -> None:
        """A screen came (back): if it is the stage's, return there fullscreen."""
        if self.lost is None:
            return
        if not self._matches(screen):
            missing = translate("Screens", _SAID[self.kind]["missing"])
            self.changed.emit(missing.format(name=self.lost.name, new=screen.name()), True)
            return
        self._restore(screen)

    # ---------------------------------------------------------------- moves

    def _matches(self, screen: QScreen) -> bool:
        assert self.lost is not None
        if screen.name() == self.lost.name:
            return True
        g = screen.geometry()
        same_geometry = (g.x(), g.y(), g.width(), g.height()) == self.lost.geometry
        return same_geometry and not any(s.name() == self.lost.name for s in self.app.screens())

    def _lose(self) -> None:
        assert self.target is not None
        self.lost = self.target
        log.warning("%s screen %s lost", self.kind, self.lost.name)
        self._moving = True
        try:
            if self.on_lost == "hide":
                self.stage.hide()
            else:
                home = self.presenter_screen() or QGuiApplication.primaryScreen()
                if home is not None:
                    info = _info(home, self.app)
                    self.stage.show_on(home, Placement(info, False))
                    self.stage.resize(480, 270)
        finally:
            self._moving = False
        gone = translate("Screens", _SAID[self.kind]["hidden" if self.on_lost == "hide" else "window"])
        self.changed.emit(gone.format(name=self.lost.name), True)

    def _restore(self, screen: QScreen) -> None:
        info = _info(screen, self.app)
        self._moving = True
        try:
            self.stage.show_on(screen, Placement(info, True))
        finally:
            self._moving = False
        log.info("%s back on %s", self.kind, screen.name())
        self._grace_until = time.monotonic() + RESTORE_GRACE
        self.lost = None
        self.remember_target()
        back = translate("Screens", _SAID[self.kind]["back"])
        self.changed.emit(back.format(index=info.index, name=info.name, width=info.width, height=info.height), False)


def _info(screen: QScreen, app: QGuiApplication) -> ScreenInfo:
    screens = app.screens()
    infos = describe(screens)
    return infos[screens.index(screen)] if screen in screens else describe([screen])[0]
