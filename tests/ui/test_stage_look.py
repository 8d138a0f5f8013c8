"""The stage window shows what was looked at: its own pixels against a golden image, not the renderer's."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from tests.render import golden
from tests.ui.conftest import FakeClock, settle, stage_image

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


def test_the_stage_window_shows_the_golden_title(qtbot, show, clock: FakeClock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    show.stage.resize(480, 270)
    show.controller.run("goto", "title")
    settle(clock)
    qtbot.waitUntil(lambda: not show.stage.animating, timeout=2000)
    golden.check("02-title", stage_image(show), GOLDEN, tmp_path, update=False)


def test_the_stage_window_shows_the_golden_reveal(qtbot, show, clock: FakeClock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The preset winner revealed by the clicker's keys, at rest: the golden picture, card for card."""
    show.stage.resize(480, 270)
    show.controller.run("goto", "reveal-under-15000/lineup")
    settle(clock)
    for wait in (6.0, 5.0):  # into the suspense, then (once it has run its 5 s) the reveal
        qtbot.keyClick(show.presenter, Qt.Key.Key_PageDown)
        settle(clock, wait)
    assert show.controller.stage_frame().winner() == "kvitsoy"
    qtbot.waitUntil(lambda: not show.stage.animating, timeout=2000)
    golden.check("10-reveal-end", stage_image(show), GOLDEN, tmp_path, update=False)
