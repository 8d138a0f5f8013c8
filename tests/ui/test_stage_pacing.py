"""The stage's timing on the night: the next cue drawn before the key that shows it."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication

from .conftest import press, settle


@pytest.mark.parametrize("cue_id", ["jury", "lineup-under-15000/3"])
def test_the_next_cue_is_drawn_before_the_key_that_shows_it(show, clock, qtbot, cue_id: str) -> None:  # type: ignore[no-untyped-def]
    """The presenter's previews paint after the stage; they must not take the stage's drawing-ahead away, and
    what is drawn for the reveal after it must not push it out of the cache, or the stage draws the incoming
    picture inside the key press (7-30 ms on a real X server). At the projector's size, where four frames
    fill the layer cache."""
    stage, renderer = show.stage, show.controller.renderer
    stage.resize(1920, 1080)
    target = next(c.index for c in show.controller.cues if c.id == cue_id)
    for _ in range(target - 1):  # to the cue before, as on the night
        settle(clock)
        _rest(show)
        press(qtbot, show.presenter, Qt.Key.Key_PageDown)
    settle(clock)
    _rest(show)
    layer = QSize(stage.width(), stage.height())
    drawn: list[QSize] = []
    items = renderer.items.items

    def spy(painter, *args, **kwargs):  # type: ignore[no-untyped-def]
        drawn.append(painter.device().size())
        return items(painter, *args, **kwargs)

    renderer.items.items = spy  # type: ignore[method-assign]
    before, cue = stage.frames_painted, show.controller.state.cue_index
    press(qtbot, show.presenter, Qt.Key.Key_PageDown)
    assert show.controller.state.cue_index == cue + 1 == target
    assert stage.frames_painted > before  # painted inside the key press
    assert layer not in drawn  # ... from layers drawn ahead, none drawn now at the stage's size


def _rest(show) -> None:  # type: ignore[no-untyped-def]
    """Let the stage be still and draw ahead, as between two of the host's clicks (at most 3 s)."""
    renderer = show.controller.renderer
    end = time.monotonic() + 3.0
    while time.monotonic() < end and (renderer.preparing or show.stage.animating or renderer.store.pending):
        QApplication.processEvents()
    QApplication.processEvents()
