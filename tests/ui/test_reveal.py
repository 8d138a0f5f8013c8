"""The winner reveal through the real windows: preset, live and rehearsal, and nothing spoiled early."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from .conftest import FakeClock, open_show, presented, rendered, settle, stage_image

Key = Qt.Key
SMALL = "under-15000"
LINEUP, SUSPENSE, REVEAL, WINNER = (f"reveal-{SMALL}/{s}" for s in ("lineup", "suspense", "reveal", "winner"))


def at(show, cue_id: str, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    show.controller.run("goto", cue_id)
    settle(clock)


def stage_cue(show) -> str:  # type: ignore[no-untyped-def]
    return show.controller.stage_frame().cue.id


def winner_on_stage(show) -> str | None:  # type: ignore[no-untyped-def]
    return show.controller.stage_frame().winner()


def test_preset_reveal_step_by_step(qtbot, show, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    at(show, LINEUP, clock)
    qtbot.keyClick(show.presenter, Key.Key_PageDown)
    assert stage_cue(show) == SUSPENSE
    clock.advance(1.0)
    qtbot.keyClick(show.presenter, Key.Key_PageDown)  # too early: the suspense runs 5 s
    assert stage_cue(show) == SUSPENSE
    assert "Holdt" in show.presenter.hint.text()
    assert show.controller.state.revealed == {}
    clock.advance(4.5)
    qtbot.keyClick(show.presenter, Key.Key_PageDown)
    assert stage_cue(show) == REVEAL
    assert winner_on_stage(show) == "kvitsoy"
    assert show.controller.state.revealed == {SMALL: "kvitsoy"}
    for _ in range(3):  # an eager clicker during the animation does not skip it
        clock.advance(0.5)
        qtbot.keyClick(show.presenter, Key.Key_PageDown)
        assert stage_cue(show) == REVEAL
    settle(clock, 4.0)
    qtbot.keyClick(show.presenter, Key.Key_PageDown)
    settle(clock)
    assert stage_cue(show) == WINNER
    image = stage_image(show)
    assert image == rendered(show, WINNER, image.size(), {SMALL: "kvitsoy"})
    assert image != rendered(show, WINNER, image.size(), {SMALL: "notodden"})


def test_leaving_a_revealed_winner_backwards_asks_first(qtbot, show, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    at(show, SUSPENSE, clock)
    settle(clock, 6)
    show.controller.run("next")
    settle(clock, 5)
    show.controller.run("next")
    settle(clock)
    assert stage_cue(show) == WINNER
    qtbot.keyClick(show.presenter, Key.Key_PageUp)
    assert stage_cue(show) == WINNER
    presented()
    assert show.presenter.confirm_bar.isVisible()
    qtbot.keyClick(show.presenter, Key.Key_Escape)
    presented()
    assert not show.presenter.confirm_bar.isVisible()
    assert stage_cue(show) == WINNER
    assert show.controller.state.revealed == {SMALL: "kvitsoy"}


def test_live_winner_is_keyed_in_by_the_operator(qtbot, clock: FakeClock, script_variant) -> None:  # type: ignore[no-untyped-def]
    path = script_variant(("    winner: kvitsoy\n", "    winner: live\n"))
    show = open_show(qtbot, clock, path)
    at(show, LINEUP, clock)
    qtbot.keyClick(show.presenter, Key.Key_PageDown)
    assert stage_cue(show) == SUSPENSE
    presented()
    assert show.presenter.picker.isVisible()
    assert [b.text() for b in show.presenter.picker.buttons] == ["1   Notodden", "2   Hamarøy", "3   Kvitsøy"]
    settle(clock, 6)
    qtbot.keyClick(show.presenter, Key.Key_PageDown)
    assert stage_cue(show) == SUSPENSE  # no winner picked: held
    qtbot.keyClick(show.presenter, Key.Key_2)
    presented()
    assert show.presenter.picker.buttons[1].isChecked()
    qtbot.keyClick(show.presenter, Key.Key_Return)  # confirms the pick, does not advance
    assert stage_cue(show) == SUSPENSE
    settle(clock, 0.5)
    qtbot.keyClick(show.presenter, Key.Key_PageDown)
    assert stage_cue(show) == REVEAL
    assert winner_on_stage(show) == "hamaroy"
    assert show.controller.state.revealed == {SMALL: "hamaroy"}


def test_envelope_mismatch_stops_and_lets_the_operator_choose(qtbot, clock: FakeClock, script_variant) -> None:  # type: ignore[no-untyped-def]
    path = script_variant(("    winner: kvitsoy\n", "    winner: kvitsoy\n    confirm: true\n"))
    show = open_show(qtbot, clock, path)
    at(show, SUSPENSE, clock)
    settle(clock, 6)
    qtbot.keyClick(show.presenter, Key.Key_1)  # the host reads Notodden
    qtbot.keyClick(show.presenter, Key.Key_Return)
    assert stage_cue(show) == SUSPENSE
    presented()
    title = show.presenter.picker.title.text()
    assert "Kvitsøy" in title and "Notodden" in title and "#ff5c5c" in title
    assert show.presenter.picker.read_choice.isVisible()
    qtbot.keyClick(show.presenter, Key.Key_O)  # reveal the name the host read
    assert stage_cue(show) == REVEAL
    assert winner_on_stage(show) == "notodden"


def test_rehearsal_uses_a_stand_in_and_marks_the_stage(qtbot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    show = open_show(qtbot, clock, rehearse=True, stand_in="hamaroy")
    assert show.presenter.rehearsal_bar.isVisible()
    at(show, SUSPENSE, clock)
    settle(clock, 6)
    qtbot.keyClick(show.presenter, Key.Key_PageDown)
    assert stage_cue(show) == REVEAL
    assert winner_on_stage(show) == "hamaroy"
    assert show.controller.stage_frame().rehearsal
    assert show.controller.state.revealed == {}  # the real result is untouched


def test_nothing_before_the_reveal_depends_on_the_winner(qtbot, clock: FakeClock, script_variant) -> None:  # type: ignore[no-untyped-def]
    """Line-up and suspense frames, and the presenter's Next preview, are the same pixels whoever wins."""
    pictures: dict[str, list[QImage]] = {}
    for nominee in ("notodden", "hamaroy", "kvitsoy"):
        path = script_variant(("    winner: kvitsoy\n", f"    winner: {nominee}\n"))
        show = open_show(qtbot, clock, path)
        show.presenter.resize(1280, 800)
        show.presenter.next_view.setFixedSize(480, 270)  # hints come and go in real time and move the layout
        frames: list[QImage] = []
        at(show, LINEUP, clock)
        frames.append(stage_image(show))
        frames.append(show.presenter.next_view.grab().toImage())
        show.controller.run("next")
        for _ in range(8):
            clock.advance(0.6)
            frames.append(stage_image(show))
            frames.append(show.presenter.next_view.grab().toImage())
        pictures[nominee] = frames
        show.stage.close()
        show.presenter.close()
    for index, (a, b, c) in enumerate(zip(pictures["notodden"], pictures["hamaroy"], pictures["kvitsoy"], strict=True)):
        assert a == b == c, index
    stage_frames = pictures["kvitsoy"][2::2]
    assert stage_frames[0] != stage_frames[1]  # the suspense animates: the comparison is of moving pictures
    assert not stage_frames[0].isNull() and stage_frames[0].width() == 640


def test_reveal_sounds_are_decoded_ahead_not_at_the_first_suspense(qtbot, show) -> None:  # type: ignore[no-untyped-def]
    """Decoding the drumroll at the suspense would start it late: the show has both stings ready at the walk-in."""
    media = show.media
    assert media is not None
    qtbot.waitUntil(lambda: media.begun, timeout=5000)
    qtbot.waitUntil(lambda: all(media.sting_ready(step) for step in ("suspense", "reveal")), timeout=5000)
    assert show.controller.state.cue.id == "walk-in"  # still the walk-in: no reveal has been near
    assert not any(v.name.startswith("sting:") for v in media.mixer.voices)


def test_the_winner_stays_on_stage_as_the_next_cue_comes_in(qtbot, show, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    """The outgoing picture of a transition is what the hall saw: leaving the winner, the winner (not the
    sealed line-up for the first frames of the next cue's zoom)."""
    at(show, LINEUP, clock)
    for _ in range(3):  # suspense, reveal, winner
        clock.advance(6.0)
        qtbot.keyClick(show.presenter, Key.Key_PageDown)
    settle(clock, 6.0)
    assert stage_cue(show) == WINNER
    image = stage_image(show)
    assert image == rendered(show, WINNER, image.size(), {SMALL: "kvitsoy"})
    qtbot.keyClick(show.presenter, Key.Key_PageDown)  # into the next class's intro: a zoom, at progress 0
    assert stage_cue(show) != WINNER
    assert stage_image(show) == image
