"""The host's confidence monitor on a third screen: every window on its own screen, messages reach the host
and never the hall. Runs in its own process with three fake screens (see conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ceremony.render.confidence import BAND, BAND_FLASH
from ceremony.ui.main import Show
from ceremony.ui.screens import screen_of

from ..ui.conftest import FakeClock, open_show, settle

Key = Qt.Key


@pytest.fixture
def show(qtbot: QtBot) -> Iterator[Show]:
    clock = FakeClock()
    opened = open_show(qtbot, clock, windowed=False, confidence_screen="2")
    opened.clock = clock  # type: ignore[attr-defined]
    opened.presenter.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is opened.presenter)
    yield opened
    assert opened.confidence is not None
    for widget in (opened.stage, opened.presenter.mirror, opened.presenter.next_view, opened.confidence):
        widget.stop()
    opened.presenter.host_view.stop()
    opened.app.removeEventFilter(opened.presenter)
    opened.controller.renderer.close()


def _grab(widget) -> QImage:  # type: ignore[no-untyped-def]
    widget.repaint()
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_every_window_is_on_its_own_screen(show: Show) -> None:
    assert [s.name() for s in QApplication.screens()] == ["Laptop", "Projector", "StageFloor"]
    assert show.confidence is not None
    assert screen_of(show.presenter).name() == "Laptop"
    assert screen_of(show.stage).name() == "Projector" and show.stage.isFullScreen()
    assert screen_of(show.confidence).name() == "StageFloor" and show.confidence.isFullScreen()
    assert show.confidence.geometry().getRect() == (3360, 0, 1280, 720)
    flags = show.confidence.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint and flags & Qt.WindowType.WindowDoesNotAcceptFocus
    assert show.confidence.windowTitle() == "ceremony — Vertsskjerm"  # in the tests' Norwegian


def test_a_message_reaches_the_host_within_a_frame_and_never_the_stage(show: Show, qtbot: QtBot) -> None:
    assert show.confidence is not None
    stage_before = _grab(show.stage)
    host_before = _grab(show.confidence)
    band = (show.confidence.width() // 2, show.confidence.height() - 20)  # where the message band goes
    assert QColor(host_before.pixel(*band)) == QColor("#000000")
    qtbot.keyClick(show.presenter, Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is show.presenter.messages.field
    qtbot.keyClicks(show.presenter.messages.field, "Kutt")
    painted = show.confidence.frames_painted
    qtbot.keyClick(show.presenter.messages.field, Key.Key_Return)
    QApplication.processEvents()  # one turn of the event loop: the stage first, then the host's screen
    assert show.confidence.frames_painted > painted
    host = _grab(show.confidence)
    assert QColor(host.pixel(*band)).name() in (BAND, BAND_FLASH)
    assert _grab(show.stage) == stage_before  # the hall sees nothing of it
    assert show.controller.state.message is not None and show.controller.state.message.text == "Kutt"
    assert QApplication.focusWidget() is not show.presenter.messages.field  # the keys are the show's again
    qtbot.keyClick(show.presenter, Key.Key_PageDown)
    assert show.controller.state.cue_index == 1


def test_esc_in_the_message_field_takes_the_message_down(show: Show, qtbot: QtBot) -> None:
    show.controller.run("send_message", "Strekk 30 s")
    show.presenter.focus_message()
    qtbot.keyClick(show.presenter.messages.field, Key.Key_Escape)
    assert show.controller.state.message is None


def test_a_clicker_still_moves_the_show_while_a_message_is_typed(show: Show, qtbot: QtBot) -> None:
    show.presenter.focus_message()
    qtbot.keyClicks(show.presenter.messages.field, "Strekk")
    qtbot.keyClick(show.presenter.messages.field, Key.Key_PageDown)
    assert show.controller.state.cue_index == 1
    assert show.presenter.messages.field.text() == "Strekk"


def test_a_preset_button_sends_and_the_countdown_counts(show: Show, qtbot: QtBot) -> None:
    buttons = {b.text(): b for b in show.presenter.messages.findChildren(type(show.presenter.messages.clear_button))}
    qtbot.mouseClick(buttons["30 s"], Qt.MouseButton.LeftButton)
    message = show.controller.state.message
    assert message is not None and message.countdown == 30.0
    show.clock.advance(12)  # type: ignore[attr-defined]
    settle(show.clock)  # type: ignore[attr-defined]
    assert show.presenter.host_view.view().countdown == 16.0
