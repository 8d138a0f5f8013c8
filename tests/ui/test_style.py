"""The presenter is dark all over: no light scroll bar, menu or dialog in a dark hall."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox, QScrollBar, QWidget
from tests.ui.conftest import FakeClock

LIGHT = 150
"""Of 255: a pixel lighter than this in a control's chrome is a light bar in a dark window."""


def _lightness(widget: QWidget) -> tuple[float, int]:
    """The mean and largest lightness of the widget's pixels as it paints itself."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    values = [
        QColor(image.pixel(x, y)).lightness() for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
    ]
    assert values, "the widget painted something"
    return sum(values) / len(values), max(values)


def test_every_scroll_bar_is_dark(qtbot, show, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    show.presenter.resize(1440, 900)
    show.controller.run("goto", "nominee-notodden")  # the jury's full text: the notes scroll
    qtbot.wait(100)
    bars = [bar for bar in show.presenter.findChildren(QScrollBar) if bar.isVisible()]
    assert len(bars) >= 2, "the notes and the cue list scroll"
    for bar in bars:
        mean, lightest = _lightness(bar)
        assert lightest < LIGHT, f"{bar.parent().objectName() or bar.parent()}: a pixel of lightness {lightest}"
        assert mean < 60, f"{bar.parent().objectName()}: mean lightness {mean:.0f}"


def test_menus_and_dialogs_are_dark(qtbot, show) -> None:  # type: ignore[no-untyped-def]
    menus = [action.menu() for action in show.presenter.menuBar().actions() if action.menu() is not None]
    assert menus
    for menu in menus:
        menu.adjustSize()
        mean, _ = _lightness(menu)
        assert mean < 60, f"menu {menu.title()}: mean lightness {mean:.0f}"
    mean, _ = _lightness(show.presenter.menuBar())
    assert mean < 60
    box = QMessageBox(QMessageBox.Icon.Question, "Gå til cue", "Sett cue 3 på scenen nå?", parent=show.presenter)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.adjustSize()
    mean, _ = _lightness(box)
    assert mean < 60, f"a question: mean lightness {mean:.0f}"
