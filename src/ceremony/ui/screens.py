"""Which screen the stage goes on: a pure choice over simple descriptors, plus Qt glue.

Default: the largest screen that is not the presenter's. One screen only: a normal
window (the operator must keep their presenter). A requested screen is matched by
number or name; an unknown one is an error naming the screens there are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRect, QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPaintEvent, QScreen
from PySide6.QtWidgets import QWidget

from ceremony.i18n import translate

SETTINGS_KEY = "stage/screen"


@dataclass(frozen=True, slots=True)
class ScreenInfo:
    """A screen as the choice needs it."""

    index: int
    name: str
    x: int
    y: int
    width: int
    height: int

    @property
    def area(self) -> int:
        return self.width * self.height

    def __str__(self) -> str:
        return f"{self.index}: {self.name} ({self.width}×{self.height})"


@dataclass(frozen=True, slots=True)
class Placement:
    """Where the stage goes and whether it covers that screen."""

    screen: ScreenInfo
    fullscreen: bool


class ScreenChoiceError(ValueError):
    """The requested stage screen does not exist; the message lists the screens there are."""


def screen_of(widget: QWidget) -> QScreen | None:
    """The screen a window is on, asked of the application.

    Not ``widget.screen()``: PySide6 ties the QScreen wrapper that returns to the widget, so once that
    widget is deleted the same wrapper, handed out by ``app.screens()`` too, raises "already deleted".
    """
    return QGuiApplication.screenAt(widget.frameGeometry().center()) or QGuiApplication.primaryScreen()


def describe(screens: Sequence[QScreen]) -> list[ScreenInfo]:
    out = []
    for i, screen in enumerate(screens):
        g = screen.geometry()
        out.append(ScreenInfo(i, screen.name() or f"screen {i}", g.x(), g.y(), g.width(), g.height()))
    return out


def find_screen(screens: Sequence[ScreenInfo], requested: str) -> ScreenInfo:
    """A screen by number ('1') or name (exact, any case, or a unique part of it)."""
    wanted = requested.strip()
    if wanted.isdigit():
        index = int(wanted)
        for s in screens:
            if s.index == index:
                return s
    exact = [s for s in screens if s.name == wanted] or [s for s in screens if s.name.lower() == wanted.lower()]
    if exact:
        return exact[0]
    partial = [s for s in screens if wanted.lower() in s.name.lower()]
    if len(partial) == 1 and wanted:
        return partial[0]
    listing = "; ".join(str(s) for s in screens) or translate("Screens", "none")
    problem = translate("Screens", "no screen '{requested}' for the stage; the screens are: {listing}")
    raise ScreenChoiceError(problem.format(requested=requested, listing=listing))


def choose_stage_screen(
    screens: Sequence[ScreenInfo], presenter_screen: int | None, requested: str | None = None, windowed: bool = False
) -> Placement:
    """Pick the stage's screen: requested, else the largest one that is not the presenter's."""
    if not screens:
        raise ScreenChoiceError(translate("Screens", "there is no screen to show the stage on"))
    if requested is not None and requested.strip():
        chosen = find_screen(screens, requested)
    else:
        others = [s for s in screens if s.index != presenter_screen]
        if not others:
            return Placement(screens[0], False)
        chosen = max(others, key=lambda s: (s.area, -s.index))
    fullscreen = not windowed and len(screens) > 1 and chosen.index != presenter_screen
    return Placement(chosen, fullscreen)


def choose_confidence_screen(
    screens: Sequence[ScreenInfo], requested: str, busy: Sequence[int | None] = (), windowed: bool = False
) -> Placement:
    """The host's confidence monitor on the requested screen: fullscreen there unless that screen is the
    presenter's or the stage's (``busy``), where it is a window."""
    chosen = find_screen(screens, requested)
    return Placement(chosen, not windowed and chosen.index not in busy)


def show_on(window: QWidget, screen: QScreen, placement: Placement, size: tuple[int, int] = (960, 540)) -> None:
    """Set the screen and geometry first, then go fullscreen (Qt then keeps it on that screen); a window is
    centred on the screen at ``size`` (at most two thirds of it)."""
    window.hide()
    window.setScreen(screen)
    geometry = screen.geometry()
    if placement.fullscreen:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.setGeometry(geometry)
        window.showFullScreen()
    else:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, False)
        w, h = min(size[0], geometry.width() * 2 // 3), min(size[1], geometry.height() * 2 // 3)
        window.setGeometry(
            geometry.x() + (geometry.width() - w) // 2, geometry.y() + (geometry.height() - h) // 2, w, h
        )
        window.showNormal()


def remembered_screen() -> str | None:
    value = QSettings().value(SETTINGS_KEY)
    return str(value) if value else None


def remember_screen(screen: ScreenInfo) -> None:
    QSettings().setValue(SETTINGS_KEY, screen.name)


class _Identify(QWidget):
    def __init__(self, screen: QScreen, index: int) -> None:
        super().__init__(
            None,
            Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowDoesNotAcceptFocus,
        )
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(translate("Screens", "ceremony — screen {index}").format(index=index))
        self.label = f"{index}\n{screen.name()}"
        self.setScreen(screen)
        g = screen.geometry()
        self.setGeometry(QRect(g.x() + g.width() // 4, g.y() + g.height() // 4, g.width() // 2, g.height() // 2))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#0b1630"))
        painter.setPen(QColor("#f2c14e"))
        font = QFont("Inter")
        font.setPixelSize(max(24, self.height() // 5))
        font.setWeight(QFont.Weight.Bold)
        painter.setFont(font)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.label)
        painter.end()


def identify_screens(app: QGuiApplication, seconds: float = 3.0) -> list[QWidget]:
    """Show each screen's number and name in large type on that screen for a few seconds."""
    windows: list[QWidget] = []
    for i, screen in enumerate(app.screens()):
        w = _Identify(screen, i)
        w.show()
        QTimer.singleShot(round(seconds * 1000), w.close)
        windows.append(w)
    return windows
