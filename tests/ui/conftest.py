"""The real windows on the real slides.yaml, with a clock the test steps by hand."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from ceremony.app import build_show
from ceremony.script.loader import load_script
from ceremony.ui.main import Show

REPO = Path(__file__).resolve().parents[2]


class FakeClock:
    """Monotonic seconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def fresh_settings() -> None:
    """Forget remembered window layouts and screens, so no test sees another's."""
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName("ceremony")
    QCoreApplication.setApplicationName("ceremony")
    QSettings().clear()


@pytest.fixture(autouse=True)
def _fresh_settings() -> None:
    fresh_settings()


def open_show(
    qtbot, clock: FakeClock, script: Path | None = None, *, keep_settings: bool = False, **options: object
) -> Show:  # type: ignore[no-untyped-def]
    if not keep_settings:
        fresh_settings()
    loaded = load_script(script or REPO / "slides.yaml")
    args = argparse.Namespace(**{"windowed": True, "fresh": True, **options})
    show = build_show(loaded, args, interactive=False, clock=clock)
    show.presenter.confirm_quit = False
    qtbot.addWidget(show.presenter)
    qtbot.addWidget(show.stage)
    if args.windowed:
        show.stage.resize(640, 360)
    qtbot.waitExposed(show.presenter)
    return show


def close_show(show: Show) -> None:
    """Stop a show's timers and let its renderer go (its windows go with qtbot)."""
    show.app.removeEventFilter(show.presenter)
    show.stage.stop()
    show.presenter.mirror.stop()
    show.controller.renderer.close()


@pytest.fixture
def show(qtbot, clock: FakeClock) -> Iterator[Show]:  # type: ignore[no-untyped-def]
    opened = open_show(qtbot, clock)
    yield opened
    close_show(opened)


def press(qtbot, widget, key: Qt.Key, text: str = "", modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(widget, key, modifier)


def stage_image(show: Show) -> QImage:
    """What the stage widget paints right now."""
    show.stage.repaint()
    return show.stage.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def rendered(show: Show, cue_id: str, size, winners=None) -> QImage:  # type: ignore[no-untyped-def]
    """The renderer's own picture of a cue at rest, at the stage's size, to compare pixels with."""
    from ceremony.render.frame import Frame

    controller = show.controller
    cue = next(c for c in controller.cues if c.id == cue_id)
    image = QImage(size, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    controller.renderer.paint(
        painter, QRectF(0, 0, size.width(), size.height()), Frame(cue=cue, t=60.0, winners=winners or {})
    )
    painter.end()
    return image


def settle(clock: FakeClock, seconds: float = 2.0) -> None:
    """Let transitions, fades and double-fire windows pass."""
    clock.advance(seconds)
    QApplication.processEvents()


@pytest.fixture
def script_variant(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write slides.yaml with some text replaced, beside the real assets; returns its path."""

    def make(*replacements: tuple[str, str]) -> Path:
        text = (REPO / "slides.yaml").read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text, old
            text = text.replace(old, new)
        folder = tmp_path / f"variant{len(list(tmp_path.iterdir()))}"
        folder.mkdir()
        (folder / "assets").symlink_to(REPO / "assets")
        path = folder / "slides.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return make


def presented() -> None:
    """Let the presenter catch up: it refreshes just after the stage has painted."""
    QApplication.processEvents()
