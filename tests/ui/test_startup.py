"""Start-up order: the hall gets its picture first, then the operator's window is built."""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication
from tests.ui.conftest import FakeClock, close_show

from ceremony.app import build_show
from ceremony.script.loader import load_script
from ceremony.ui.presenter import PresenterWindow
from ceremony.ui.stage import StageWindow

REPO = Path(__file__).resolve().parents[2]


def test_the_stage_has_painted_the_right_picture_before_the_presenter_exists(qtbot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}

    def first_frame() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        stages = [w for w in shown if isinstance(w, StageWindow)]
        assert len(stages) == 1
        seen["frames"] = stages[0].frames_painted
        seen["presenters"] = [w for w in shown if isinstance(w, PresenterWindow)]
        # The first cue is the countdown, whose clock follows the wall clock: the grab must equal what the
        # renderer draws just before or just after it (a second may tick over between them).
        before = _renderer_picture(stages[0])
        picture = stages[0].grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        seen["matches"] = picture in (before, _renderer_picture(stages[0]))

    loaded = load_script(REPO / "slides.yaml", cached=True)
    show = build_show(loaded, argparse.Namespace(fresh=True), interactive=False, clock=clock, first_frame=first_frame)
    show.presenter.confirm_quit = False
    qtbot.addWidget(show.presenter)
    qtbot.addWidget(show.stage)
    try:
        assert seen["frames"] >= 1  # type: ignore[operator]
        assert seen["presenters"] == []
        assert seen["matches"] is True
        # Then the operator's side: the presenter on the laptop, the stage fullscreen on the projector.
        assert show.presenter.isVisible()
        # (screens found through the application: a QScreen got from widget.screen() is tied to that widget
        # by PySide6 and goes invalid for every later test once the widget is deleted)
        assert _screen_under(show.presenter) == "Laptop"
        assert _screen_under(show.stage) == "Projector"
        assert show.stage.isFullScreen()
        assert "Projector" in show.presenter.status_screen.text()
    finally:
        close_show(show)


def _screen_under(widget) -> str:  # type: ignore[no-untyped-def]
    screen = QApplication.screenAt(widget.geometry().center())
    return screen.name() if screen is not None else "?"


def _renderer_picture(stage: StageWindow) -> QImage:
    """What the stage's renderer draws for the stage's current frame, at the stage's size."""
    image = QImage(stage.size(), QImage.Format.Format_RGB32)
    painter = QPainter(image)
    assert stage.renderer is not None and stage._frame_source is not None
    frame = stage._frame_source()
    assert frame is not None
    stage.renderer.paint(painter, QRectF(image.rect()), frame)
    painter.end()
    return image


def test_a_restart_draws_its_first_frame_over_the_backdrop_the_first_start_kept(
    qtbot, clock: FakeClock, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The show keeps the stage's backdrop on disk (render/kept.py): the next start reads it back instead of
    rasterising the background again, and it is the same picture."""
    from ceremony.render import kept

    read: list[bool] = []
    load = kept.load

    def spy(key, size):  # type: ignore[no-untyped-def]
        image = load(key, size)
        read.append(image is not None)
        return image

    monkeypatch.setattr(kept, "load", spy)
    backdrops = []
    for _ in range(2):
        loaded = load_script(REPO / "slides.yaml", cached=True)
        show = build_show(loaded, argparse.Namespace(fresh=True), interactive=False, clock=clock)
        show.presenter.confirm_quit = False
        qtbot.addWidget(show.presenter)
        qtbot.addWidget(show.stage)
        try:
            assert show.stage.frames_painted >= 1 and show.stage.isFullScreen()
            renderer = show.controller.renderer
            backdrops.append(renderer.layers.backdrop(show.stage.size()).copy())
            kept.flush()
        finally:
            show.app.removeEventFilter(show.presenter)
            show.stage.stop()
            show.presenter.mirror.stop()
            show.controller.renderer.close()
    assert read[0] is False and read[-1] is True, read
    assert backdrops[0] == backdrops[1]


def test_the_presenter_opens_whole_on_the_operators_screen(qtbot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    """With no size remembered, the presenter takes its layout's size, centred: not Qt's 640×480 centred, then
    grown to the right past the laptop's edge once shown."""
    loaded = load_script(REPO / "slides.yaml", cached=True)
    show = build_show(loaded, argparse.Namespace(fresh=True), interactive=False, clock=clock)
    show.presenter.confirm_quit = False
    qtbot.addWidget(show.presenter)
    qtbot.addWidget(show.stage)
    try:
        qtbot.waitExposed(show.presenter)
        laptop = next(s for s in QApplication.screens() if s.name() == "Laptop").availableGeometry()
        placed = show.presenter.frameGeometry()
        assert laptop.contains(placed), (placed, laptop)
        assert placed.width() > 640  # its own size, not Qt's default
        assert abs(placed.center().x() - laptop.center().x()) <= 1
    finally:
        close_show(show)
