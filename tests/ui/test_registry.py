"""The command registry as the operator meets it: one function registered in one place reaches every door.

A command added here, in the test, must get a key, a toolbar button, a menu item, a
line in the help overlay, a remote endpoint, an OSC address and an entry in the
OpenAPI document — with nothing written anywhere else.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QMenu, QToolBar
from pytestqt.qtbot import QtBot

from ceremony.remote.adapter import ControllerAdapter
from ceremony.remote.openapi import openapi_document
from ceremony.remote.osc import OscServer
from ceremony.remote.snapshot import remote_commands
from ceremony.show.commands import NEVER_QUIT_KEYS, REGISTRY, build_keymap, command
from ceremony.show.state import Call, Outcome, ShowState, ok
from ceremony.ui import window_commands  # noqa: F401  (registers the window commands)

from .conftest import FakeClock, open_show, settle, stage_image

Key = Qt.Key


def test_the_whole_keymap_has_no_problems_and_shared_keys_fall_through_in_order() -> None:
    keymap, problems = build_keymap()
    assert problems == []
    assert keymap.commands_for("Return") == ("take_preview", "jump_to_typed", "confirm_pick", "next")
    assert keymap.commands_for("Esc") == ("cancel_typed", "close_overlay", "escape")
    assert keymap.commands_for("3") == ("type_digit", "pick_winner")
    for key in NEVER_QUIT_KEYS:
        assert "quit" not in keymap.commands_for(key)
    keymap, problems = build_keymap({"quit": ["F5", "Esc", "Shift+F5", "Ctrl+W"]})
    assert keymap.keys_for("quit") == ("Ctrl+W",)
    assert len(problems) == 3


@pytest.fixture
def added() -> Iterator[list[str]]:
    """A show command and a window command, each one decorated function, as a contributor would add them."""
    heard: list[str] = []

    @command("whiten", "Hvitt lys", keys=("X",), icon="fa5s.sun", toolbar=99)
    def whiten(state: ShowState, call: Call) -> tuple[ShowState, Outcome]:
        """Light the stage white (a command a test adds)."""
        return replace(state, blackout="white"), ok("white light")

    @command("wave", "Vink", keys=("Y",), scope="window", menu="view")
    def wave(ui: object, arg: str | None) -> bool:
        """Wave at the operator (a window command a test adds)."""
        heard.append(type(ui).__name__)
        return True

    yield heard
    REGISTRY.remove("whiten")
    REGISTRY.remove("wave")


def test_a_command_added_in_one_place_reaches_every_door(qtbot: QtBot, clock: FakeClock, added: list[str]) -> None:
    show = open_show(qtbot, clock)
    presenter = show.presenter
    toolbar = [a.text() for a in presenter.findChild(QToolBar, "showToolbar").actions()]
    assert toolbar[-1] == "Hvitt lys"
    menus = {m.title(): [a.text() for a in m.actions()] for m in presenter.menuBar().findChildren(QMenu)}
    assert "Hvitt lys" in menus["&Show"] and "Vink" in menus["&Vis"]
    presenter.toggle_help()
    helped = [w.text() for w in presenter.help_overlay.findChildren(QLabel)]
    assert "Light the stage white (a command a test adds)." in helped and "X" in helped
    presenter.toggle_help()

    qtbot.keyClick(presenter, Key.Key_X)
    settle(clock)
    assert show.controller.state.blackout == "white"
    assert QColor(stage_image(show).pixel(5, 5)) == QColor("white")
    qtbot.keyClick(presenter, Key.Key_Y)
    assert added == ["PresenterWindow"]

    adapter = ControllerAdapter(show.controller)
    assert "whiten" in [c.id for c in remote_commands()] and "wave" not in [c.id for c in remote_commands()]
    path = openapi_document()["paths"]["/api/commands/{id}"]["post"]
    assert "whiten" in path["parameters"][0]["schema"]["enum"]
    osc = OscServer(adapter, port=0)
    show.controller.run("whiteout")  # the stage back from white: the OSC message below lights it again
    assert show.controller.state.blackout == "none"
    outcome = osc.handle_message("/ceremony/whiten", [])
    assert outcome is not None and outcome.ok
    assert show.controller.state.blackout == "white"
    show.stage.stop()
    presenter.mirror.stop()
    show.controller.renderer.close()
