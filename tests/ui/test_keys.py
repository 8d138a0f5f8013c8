"""Key presses into the real windows, and what the stage then shows (by cue id and by pixels)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QApplication

from .conftest import FakeClock, rendered, settle, stage_image

Key = Qt.Key


def stage_cue(show) -> str:  # type: ignore[no-untyped-def]
    return show.controller.stage_frame().cue.id


def test_page_down_and_page_up_move_the_stage(qtbot, show, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    assert stage_cue(show) == "walk-in"
    qtbot.keyClick(show.presenter, Key.Key_PageDown)
    assert stage_cue(show) == "title"
    settle(clock)
    image = stage_image(show)
    assert image == rendered(show, "title", image.size())
    qtbot.keyClick(show.presenter, Key.Key_PageDown)
    settle(clock)
    assert stage_cue(show) == "quote-almlid"
    qtbot.keyClick(show.presenter, Key.Key_PageUp)
    settle(clock)
    assert stage_cue(show) == "title"
    assert stage_image(show) == rendered(show, "title", image.size())


def test_every_clicker_next_and_previous_key(qtbot, show, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    for key in (Key.Key_PageDown, Key.Key_Right, Key.Key_Down, Key.Key_Space, Key.Key_Return):
        before = show.controller.state.cue_index
        qtbot.keyClick(show.presenter, key)
        settle(clock)
        assert show.controller.state.cue_index == before + 1, key
    for key in (Key.Key_PageUp, Key.Key_Left, Key.Key_Up, Key.Key_Backspace):
        before = show.controller.state.cue_index
        qtbot.keyClick(show.presenter, key)
        settle(clock)
        assert show.controller.state.cue_index == before - 1, key


def test_a_double_click_of_the_clicker_advances_once(qtbot, show, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(show.presenter, Key.Key_PageDown)
    clock.advance(0.1)
    qtbot.keyClick(show.presenter, Key.Key_PageDown)
    assert stage_cue(show) == "title"
    assert show.presenter.hint.isVisible() and "Ignorert" in show.presenter.hint.text()


def test_a_held_key_does_not_run_away(qtbot, show, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(show.presenter, Key.Key_PageDown)
    settle(clock)
    for _ in range(5):
        event = QKeyEvent(QEvent.Type.KeyPress, Key.Key_PageDown, Qt.KeyboardModifier.NoModifier, "", True)
        QApplication.sendEvent(show.presenter, event)
        settle(clock)
    assert stage_cue(show) == "title"


def test_b_blacks_out_the_stage_and_back(qtbot, show, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(show.presenter, Key.Key_PageDown)
    settle(clock)
    qtbot.keyClick(show.presenter, Key.Key_B)
    settle(clock)
    image = stage_image(show)
    assert {
        image.pixelColor(x, y).name() for x in range(0, image.width(), 37) for y in range(0, image.height(), 23)
    } == {"#000000"}
    qtbot.keyClick(show.presenter, Key.Key_Period)  # Logitech's blank button
    settle(clock)
    assert stage_image(show) == rendered(show, "title", image.size())


def test_f5_and_esc_never_quit_nor_leave_the_show(qtbot, show, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(show.presenter, Key.Key_PageDown)
    settle(clock)
    quit_calls: list[bool] = []
    show.app.aboutToQuit.connect(lambda: quit_calls.append(True))
    for _ in range(3):
        qtbot.keyClick(show.presenter, Key.Key_F5)
        qtbot.keyClick(show.presenter, Key.Key_Escape)
        qtbot.keyClick(show.presenter, Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
        settle(clock, 0.5)
    assert not quit_calls
    assert show.stage.isVisible() and show.presenter.isVisible()
    assert stage_cue(show) == "title"
    assert show.controller.state.started  # F5 started the show clock, harmlessly


def test_number_then_enter_jumps(qtbot, show, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(show.presenter, "18")
    assert stage_cue(show) == "walk-in"
    qtbot.keyClick(show.presenter, Key.Key_Enter)
    settle(clock)
    assert show.controller.state.cue_index == 17
    assert stage_cue(show) == "nominee-asker"


def test_esc_cancels_a_typed_number(qtbot, show, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(show.presenter, "5")
    qtbot.keyClick(show.presenter, Key.Key_Escape)
    qtbot.keyClick(show.presenter, Key.Key_Return)
    settle(clock)
    assert stage_cue(show) == "title"  # Return was plain "next", not a jump to 5


def test_g_searches_and_jumps(qtbot, show, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(show.presenter, Key.Key_G)
    assert show.presenter.goto.isVisible()
    qtbot.keyClicks(show.presenter.goto.field, "sandef")
    assert stage_cue(show) == "walk-in"  # typing a search moves nothing
    qtbot.keyClick(show.presenter.goto.field, Key.Key_Return)
    settle(clock)
    assert not show.presenter.goto.isVisible()
    assert stage_cue(show) == "nominee-sandefjord"


def test_question_mark_shows_help_and_esc_closes_it(qtbot, show, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(show.presenter, Key.Key_Question, Qt.KeyboardModifier.ShiftModifier)
    assert show.presenter.help_overlay.isVisible()
    texts = [w.text() for w in show.presenter.help_overlay.findChildren(type(show.presenter.take_hint))]
    assert "Neste" in texts and any("PgDown" in t for t in texts)
    qtbot.keyClick(show.presenter, Key.Key_Escape)
    assert not show.presenter.help_overlay.isVisible()
    assert stage_cue(show) == "walk-in"


def test_keys_pressed_on_the_stage_window_drive_the_same_show(qtbot, show, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(show.stage, Key.Key_PageDown)
    assert stage_cue(show) == "title"
    assert show.presenter.mirror.isVisible()


def test_freeze_holds_the_stage_while_the_presenter_moves(qtbot, show, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(show.presenter, Key.Key_PageDown)
    settle(clock)
    frozen = stage_image(show)
    qtbot.keyClick(show.presenter, Key.Key_F)
    qtbot.keyClick(show.presenter, Key.Key_PageDown)
    settle(clock)
    assert show.controller.state.cue.id == "quote-almlid"
    assert stage_cue(show) == "title"
    assert stage_image(show) == frozen
    qtbot.keyClick(show.presenter, Key.Key_F)
    settle(clock)
    assert stage_cue(show) == "quote-almlid"


def test_key_tester_names_the_last_key(qtbot, show, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(show.presenter, Key.Key_Period)
    assert "." in show.presenter.status_key.text() and "blackout" in show.presenter.status_key.text()
    assert {"blackout"} <= show.controller.keys_seen


def test_white_screen(qtbot, show, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(show.presenter, Key.Key_W)
    settle(clock)
    image = stage_image(show)
    assert image.pixelColor(image.width() // 2, image.height() // 2) == QColor("#ffffff")


def test_the_stage_paints_a_key_before_the_presenter_does_its_bookkeeping(qtbot, show, clock) -> None:  # type: ignore[no-untyped-def]
    """The hall never waits on the operator's screen: the checklist's key tick comes after the stage frame."""
    panel = show.presenter.checklist
    qtbot.waitUntil(lambda: bool(panel.items), timeout=5000)  # the checklist is up, as before doors open
    seen_next_at: list[str] = []  # the cue the stage had painted when a refresh first showed 'next' seen
    original = panel.refresh

    def refresh(items):  # type: ignore[no-untyped-def]
        clicker = next(i for i in items if i.id == "clicker")
        if "next" not in clicker.detail.split("press ")[-1]:
            seen_next_at.append(show.stage.last_good_frame.cue.id)
        original(items)

    panel.refresh = refresh
    assert show.stage.last_good_frame.cue.id == "walk-in"
    qtbot.keyClick(show.presenter, Key.Key_PageDown)
    qtbot.waitUntil(lambda: bool(seen_next_at), timeout=2000)
    assert seen_next_at[0] == "title"  # the new cue was on stage before the checklist ticked 'next'


def test_the_media_keys_are_read_as_their_bindings_say() -> None:
    """Each is offered only as itself: named keys ('Esc', 'Up') count as letters, so Shift+Esc is never plain Esc."""
    from ceremony.ui.keys import key_texts

    def texts(key: Key, modifiers: Qt.KeyboardModifier, text: str = "") -> list[str]:
        return key_texts(QKeyEvent(QEvent.Type.KeyPress, key, modifiers, text))

    assert texts(Key.Key_Escape, Qt.KeyboardModifier.ShiftModifier) == ["Shift+Esc"]
    assert texts(Key.Key_Up, Qt.KeyboardModifier.ControlModifier) == ["Ctrl+Up"]
    assert texts(Key.Key_Down, Qt.KeyboardModifier.ControlModifier) == ["Ctrl+Down"]
    assert texts(Key.Key_K, Qt.KeyboardModifier.ShiftModifier, "K") == ["Shift+K"]
    assert texts(Key.Key_K, Qt.KeyboardModifier.NoModifier, "k") == ["K"]


def test_shift_esc_fades_the_sound_and_nothing_else(qtbot, show, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    """The panic wins Shift+Esc: no overlay closes, no confirmation is cancelled, the show does not quit."""
    show.presenter.toggle_help()
    assert show.presenter.help_overlay.isVisible()
    qtbot.keyClick(show.presenter, Key.Key_Escape, Qt.KeyboardModifier.ShiftModifier)
    assert show.controller.state.panic_at == clock.now
    assert show.presenter.help_overlay.isVisible()
    assert show.presenter.isVisible() and show.stage.isVisible()
    qtbot.keyClick(show.presenter, Key.Key_Escape)
    assert not show.presenter.help_overlay.isVisible()


def test_ctrl_up_and_down_move_the_master_volume(qtbot, show, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(show.presenter, Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(show.presenter, Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert show.controller.state.volume_db == -6.0
    assert show.controller.state.cue_index == 0  # Ctrl+Down is not Down: the show did not move
    qtbot.keyClick(show.presenter, Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert show.controller.state.volume_db == -3.0
