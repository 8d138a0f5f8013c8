"""The stage widget: title, focus, cursor, key forwarding, repaint only while moving; the screen choice."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from tests.conftest import SLIDES

from ceremony.render import Frame, Renderer
from ceremony.script.loader import load_script
from ceremony.ui.screens import ScreenChoiceError, ScreenInfo, choose_stage_screen
from ceremony.ui.stage import TITLE, StageWindow

LAPTOP = ScreenInfo(0, "Laptop", 0, 0, 1440, 900)
PROJECTOR = ScreenInfo(1, "Projector", 1440, 0, 1920, 1080)
WALL = ScreenInfo(2, "LED wall", 3360, 0, 3840, 2160)


def test_default_is_the_largest_screen_not_the_presenters() -> None:
    assert choose_stage_screen([LAPTOP, PROJECTOR], 0).screen == PROJECTOR
    assert choose_stage_screen([LAPTOP, PROJECTOR, WALL], 0).screen == WALL
    assert choose_stage_screen([LAPTOP, PROJECTOR, WALL], 2).screen == PROJECTOR
    assert choose_stage_screen([LAPTOP, PROJECTOR], 0).fullscreen


def test_one_screen_is_a_window() -> None:
    placement = choose_stage_screen([LAPTOP], 0)
    assert placement.screen == LAPTOP
    assert not placement.fullscreen


def test_by_number_and_by_name() -> None:
    screens = [LAPTOP, PROJECTOR, WALL]
    assert choose_stage_screen(screens, 0, "1").screen == PROJECTOR
    assert choose_stage_screen(screens, 0, "LED wall").screen == WALL
    assert choose_stage_screen(screens, 0, "projector").screen == PROJECTOR
    assert choose_stage_screen(screens, 0, "wall").screen == WALL
    assert not choose_stage_screen(screens, 0, "1", windowed=True).fullscreen


def test_unknown_screen_lists_the_screens() -> None:
    with pytest.raises(ScreenChoiceError) as info:
        choose_stage_screen([LAPTOP, PROJECTOR], 0, "HDMI-9")
    message = str(info.value)
    assert "HDMI-9" in message
    assert "0: Laptop" in message
    assert "1: Projector" in message
    with pytest.raises(ScreenChoiceError):
        choose_stage_screen([LAPTOP, PROJECTOR], 0, "7")


@pytest.fixture
def stage(qtbot):  # type: ignore[no-untyped-def]
    loaded = load_script(SLIDES)
    renderer = Renderer(loaded)
    cues = renderer.cues
    current = {"frame": Frame(cue=cues[1])}
    window = StageWindow(renderer, lambda: current["frame"])
    qtbot.addWidget(window)
    yield window, current, cues
    window.stop()
    renderer.close()


def test_window_flags_and_title(stage) -> None:  # type: ignore[no-untyped-def]
    window, _, _ = stage
    assert TITLE == "ceremony — Stage" and window.windowTitle() == "ceremony — Scene"  # the tests' operator: nb
    assert window.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert window.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert window.cursor().shape() == Qt.CursorShape.BlankCursor


def test_keys_are_forwarded(stage, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _, _ = stage
    seen: list[int] = []
    window.keyPressed.connect(lambda e: seen.append(e.key()))
    window.keyPressEvent(QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier))
    assert seen == [Qt.Key.Key_PageDown]


def test_timer_runs_only_while_animating(stage, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, current, cues = stage
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.frames_painted > 0, timeout=2000)
    assert not window.animating
    suspense = next(c for c in cues if c.step == "suspense")
    current["frame"] = Frame(cue=suspense, t=1.0)
    window.refresh()
    qtbot.waitUntil(lambda: window.animating, timeout=2000)
    before = window.frames_painted
    qtbot.waitUntil(lambda: window.frames_painted > before + 3, timeout=2000)
    current["frame"] = Frame(cue=cues[1])
    window.refresh()
    qtbot.waitUntil(lambda: not window.animating, timeout=2000)


def test_during_a_reveal_the_stage_decodes_only_the_cues_beside_it(qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    """The suspense and the reveal hold the stage for seconds and need what they prepared: the next class's
    crests (three and more cues on) are decoded once the winner stands, not during the reveal (issue 18:
    the evening's peak memory was there)."""
    from tests.ui.conftest import open_show, settle

    show = open_show(qtbot, clock, windowed=False)
    try:
        store = show.controller.renderer.store

        def next_class_crests() -> set[str]:
            qtbot.wait(300)  # the stage's drawing ahead, and the decodes it starts
            store.wait()
            return {Path(key[0]).name for key, _ in store._images.items() if key[1] >= 300} & {
                "asker.svg",
                "kongsvinger.svg",
                "sandefjord.svg",
            }

        show.controller.run("goto", "reveal-under-15000/lineup")
        settle(clock)
        show.controller.run("next")
        settle(clock, 1.0)
        assert show.controller.stage_frame().cue.id == "reveal-under-15000/suspense"
        assert next_class_crests() == set()
        settle(clock, 5.0)
        show.controller.run("next")
        settle(clock, 5.0)
        show.controller.run("next")
        settle(clock, 2.0)
        assert show.controller.stage_frame().cue.id == "reveal-under-15000/winner"
        assert next_class_crests() == {"asker.svg", "kongsvinger.svg", "sandefjord.svg"}
    finally:
        show.app.removeEventFilter(show.presenter)
        show.stage.stop()
        show.presenter.mirror.stop()
        show.controller.renderer.close()
