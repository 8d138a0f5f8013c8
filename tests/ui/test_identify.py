"""'Identify screens': each screen shows its number and name for a few seconds, then nothing."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QApplication

from ceremony.ui.screens import identify_screens


def test_each_screen_shows_its_number_and_name_then_closes(qtbot) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    windows = identify_screens(app, seconds=0.2)
    assert [w.label for w in windows] == ["0\nLaptop", "1\nProjector"]  # type: ignore[attr-defined]
    assert [w.screen().name() for w in windows] == ["Laptop", "Projector"]
    assert all(w.isVisible() for w in windows)
    image = windows[1].grab().toImage()
    assert image.pixelColor(2, 2).name() == "#0b1630"
    gold = [
        (x, y)
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
        if image.pixelColor(x, y).name() == "#f2c14e"
    ]
    assert len(gold) > 100  # the number and name, in large gold type
    # They close themselves (and are deleted: WA_DeleteOnClose).
    qtbot.waitUntil(lambda: not any(shiboken6.isValid(w) and w.isVisible() for w in windows), timeout=3000)
