"""Films and sound through the real windows, with the show's clock in the test's hand.

The show plays into a MemoryOutput (``--audio-device memory:``) that renders the mixer at the pace of the
show's clock, so a test reads exactly the samples the show produced; the stage's pictures are read back
by the frame number burnt into each film frame. No timing is asserted: what was heard and what was shown.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from ceremony.media import testcard
from ceremony.ui.audio_out import MemoryOutput
from ceremony.ui.main import Show

from .conftest import FakeClock, open_show, press, settle, stage_image

BED_SHOW = """event:
  title: Prøve
  year: 2026
slides:
  - kind: countdown
    id: walk-in
    until: '23:59'
    audio: {file: bed.wav, loop: true, fade_out: 1}
  - kind: text
    id: welcome
    title: Velkommen
"""


def number(image) -> int:  # type: ignore[no-untyped-def]
    """The frame number burnt into a film that fills the picture (the stage's 16:9 canvas)."""
    from PySide6.QtGui import QImage

    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = np.frombuffer(rgb.constBits(), np.uint8).reshape(rgb.height(), rgb.bytesPerLine())
    return testcard.read_barcode(data[:, : rgb.width() * 3].reshape(rgb.height(), rgb.width(), 3))


def on_stage(show: Show) -> int:
    return number(stage_image(show))


def memory(show: Show) -> MemoryOutput:
    assert show.media is not None
    output = show.media.output.output
    assert isinstance(output, MemoryOutput)
    return output


def begun(qtbot, show: Show) -> MemoryOutput:  # type: ignore[no-untyped-def]
    """Wait until the show's sound runs (a moment after the stage's first frame)."""
    qtbot.waitUntil(lambda: show.media is not None and show.media.begun, timeout=5000)
    return memory(show)


def run_for(show: Show, clock: FakeClock, seconds: float, step: float = 0.05) -> None:
    """Move the show's clock on, letting the output render each step as it would in real time."""
    output = memory(show)
    for _ in range(round(seconds / step)):
        clock.advance(step)
        output.pump()


@pytest.fixture
def bed_show(tmp_path: Path) -> Path:
    testcard.write_sound(tmp_path / "bed.wav", testcard.bed(1.0, level=0.5))
    script = tmp_path / "show.yaml"
    script.write_text(BED_SHOW, encoding="utf-8")
    return script


def test_the_walk_in_bed_loops_and_fades_out_on_next(qtbot, clock: FakeClock, bed_show: Path) -> None:  # type: ignore[no-untyped-def]
    show = open_show(qtbot, clock, bed_show, audio_device="memory:")
    output = begun(qtbot, show)
    run_for(show, clock, 3.5)
    press(qtbot, show.presenter, Qt.Key.Key_PageDown)
    assert show.controller.state.cue.id == "welcome"
    run_for(show, clock, 2.0)
    mono = output.recorded()[:, 0]

    pips = testcard.onsets(testcard.tone_level(mono, 1000.0) > 0.25)
    assert len(pips) == 4  # the 1 s bed played four times (at 0, 1, 2 and 3 s) ...
    assert np.diff(pips).tolist() == [200, 200, 200]  # ... each loop exactly a second (200 windows of 5 ms)
    env = testcard.envelope(mono)
    window = 218 / 48000
    fade_from = round(3.5 / window)
    steady = env[: fade_from - 2]
    pip_windows = np.zeros(len(env), bool)
    for p in pips:
        pip_windows[round(p * 240 / 218) : round((p + 5) * 240 / 218) + 1] = True
    assert steady[~pip_windows[: len(steady)]].min() > 0.34  # no gap at the seams (0.5 / √2 = 0.354)
    for tenth in range(1, 10):  # the fade follows the mixer's curve from full to silence over one second
        at = fade_from + round(tenth / 10 / window)
        expected = 0.354 * (1 - math.sin(tenth / 10 * math.pi / 2) ** 2)
        assert env[at] == pytest.approx(expected, abs=0.03), tenth
    assert env[fade_from + round(1.05 / window) :].max() < 1e-4  # and then silence
    assert show.media is not None and show.media.bed_state() is None


FILM_SHOW = """event:
  title: Prøve
  year: 2026
slides:
  - kind: countdown
    id: walk-in
    until: '23:59'
    audio: {file: bed.wav, loop: true, fade_out: 1}
  - kind: video
    id: film
    video: film.mp4
    then: next
  - kind: text
    id: after
    title: Etter filmen
  - kind: video
    id: second
    video: second.mp4
  - kind: text
    id: end
    title: Takk
"""


@pytest.fixture(scope="module")
def film_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("films")
    testcard.write_video(folder / "film.mp4", (320, 180), 30, 3.0)
    testcard.write_sound(folder / "bed.wav", testcard.bed(1.0, level=0.5))
    return folder


@pytest.fixture
def film_show(tmp_path: Path, film_files: Path) -> Path:
    for name in ("film.mp4", "bed.wav"):
        (tmp_path / name).write_bytes((film_files / name).read_bytes())
    (tmp_path / "second.mp4").write_bytes((film_files / "film.mp4").read_bytes())
    script = tmp_path / "show.yaml"
    script.write_text(FILM_SHOW, encoding="utf-8")
    return script


def film_status(show: Show, index: int) -> str | None:
    assert show.media is not None
    state = show.media.film_state(index)
    return None if state is None else state.status


def test_the_next_cues_film_is_ready_before_it_is_reached(qtbot, clock: FakeClock, film_show: Path) -> None:  # type: ignore[no-untyped-def]
    show = open_show(qtbot, clock, film_show, audio_device="memory:")
    begun(qtbot, show)
    qtbot.waitUntil(lambda: film_status(show, 1) == "ready", timeout=10000)
    assert show.controller.state.cue.id == "walk-in"
    run_for(show, clock, 0.5)
    panel = show.presenter.media_panel
    panel.refresh()
    assert panel.isVisible() and panel.next.text() == "Neste film: klar"
    assert panel.bed.text() == "Lyd: bed.wav"


def test_the_media_panel_and_the_sound_check_speak_the_operators_language(  # type: ignore[no-untyped-def]
    qtbot, clock: FakeClock, film_show: Path, english
) -> None:
    show = open_show(qtbot, clock, film_show, audio_device="memory:")
    begun(qtbot, show)
    qtbot.waitUntil(lambda: film_status(show, 1) == "ready", timeout=10000)
    panel = show.presenter.media_panel
    panel.refresh()
    assert panel.next.text() == "Next film: ready" and panel.bed.text() == "Sound: bed.wav"
    assert panel.output.text() == "Output: memory (tests)"
    checklist = show.presenter.checklist
    qtbot.waitUntil(lambda: checklist.detail_of("media") == "all 3 play", timeout=10000)
    assert checklist.tone_button.text() == "Play test tone"
    press(qtbot, show.presenter, Qt.Key.Key_K)
    panel.refresh()
    assert panel.output.text().endswith("PAUSED")


def test_a_film_with_then_next_moves_the_show_on_by_itself(qtbot, clock: FakeClock, film_show: Path) -> None:  # type: ignore[no-untyped-def]
    show = open_show(qtbot, clock, film_show, audio_device="memory:")
    output = begun(qtbot, show)
    qtbot.waitUntil(lambda: film_status(show, 1) == "ready", timeout=10000)
    run_for(show, clock, 1.0)
    press(qtbot, show.presenter, Qt.Key.Key_PageDown)
    assert show.controller.state.cue.id == "film" and film_status(show, 1) == "playing"
    played = []

    def step() -> bool:  # the show's clock moves a little at each look; the decoder keeps up in its own thread
        run_for(show, clock, 0.02, step=0.02)
        played.append(clock.now)
        return show.controller.state.cue.id != "film"

    qtbot.waitUntil(step, timeout=30000)  # 3 s of film: the show moves on when its last frame has had its time
    assert show.controller.state.cue.id == "after"
    assert played[-1] - played[0] == pytest.approx(3.0, abs=0.3)
    mono = output.recorded()[:, 0]
    pips = testcard.onsets(testcard.tone_level(mono, 1000.0) > 0.2)
    assert len(pips) >= 3  # the film's sound played its seconds (and the bed's pips before it)


def test_panic_fades_every_sound_to_silence_in_a_second(qtbot, clock: FakeClock, film_show: Path) -> None:  # type: ignore[no-untyped-def]
    show = open_show(qtbot, clock, film_show, audio_device="memory:")
    output = begun(qtbot, show)
    run_for(show, clock, 1.0)
    before = len(output.recorded())
    qtbot.keyClick(show.presenter, Qt.Key.Key_Escape, Qt.KeyboardModifier.ShiftModifier)
    run_for(show, clock, 1.5)
    after = output.recorded()[before:, 0]
    env = testcard.envelope(after)
    window = 218 / 48000
    assert env[: round(0.2 / window)].max() > 0.2  # still sounding as the fade begins ...
    assert env[round(0.5 / window)] < env[2] and env[round(0.5 / window)] > 0.05  # ... half way down ...
    assert env[round(1.01 / window) :].max() < 1e-4  # ... silent from one second on
    assert show.controller.state.cue.id == "walk-in" and show.stage.isVisible()


def test_a_film_missing_before_its_cue_is_red_in_the_presenter_and_the_show_goes_on(  # type: ignore[no-untyped-def]
    qtbot, clock: FakeClock, film_show: Path
) -> None:
    show = open_show(qtbot, clock, film_show, audio_device="memory:")
    begun(qtbot, show)
    (film_show.parent / "second.mp4").unlink()  # the USB stick is pulled after the script was loaded
    show.controller.run("goto", "after")
    qtbot.waitUntil(lambda: film_status(show, 3) == "failed", timeout=10000)
    panel = show.presenter.media_panel
    panel.refresh()
    assert panel.next.text().startswith("Neste film: FEIL: 'second.mp4' cannot be played: file not found")
    settle(clock)
    press(qtbot, show.presenter, Qt.Key.Key_PageDown)
    assert show.controller.state.cue.id == "second"
    assert show.presenter.banner.isVisible()
    assert "Filmen på cue 4 kan ikke spilles" in show.presenter.banner.text()
    settle(clock)
    press(qtbot, show.presenter, Qt.Key.Key_PageDown)
    assert show.controller.state.cue.id == "end"


def test_a_closed_show_lets_go_of_its_films_and_its_sound(qtbot, clock: FakeClock, film_show: Path, request) -> None:  # type: ignore[no-untyped-def]
    """The presenter gone, its show's players stop and its output falls silent; a poster decoded afterwards
    reaches no deleted widget (it raised into the next show's presenter as an unhandled error)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    show = open_show(qtbot, clock, film_show, audio_device="memory:")
    output = begun(qtbot, show)
    qtbot.waitUntil(lambda: film_status(show, 1) == "ready", timeout=10000)
    director = show.media
    assert director is not None and director.players
    presenter = show.presenter
    request.node.qt_widgets = [(w, f) for w, f in request.node.qt_widgets if w() is not presenter]  # gone here
    presenter.close()
    presenter.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not director.players  # every film's decoder told to stop
    heard = len(output.recorded())
    clock.advance(1.0)
    qtbot.wait(100)  # the output's timer would have rendered a second by now
    assert len(output.recorded()) == heard
    director.postersReady.emit([1, 3])  # a poster that comes in late: nothing raises (pytest-qt would fail here)
    show.controller.run("goto", "after")  # the engine outlives the windows here: the director no longer follows
    qtbot.wait(10)
    assert not director.players


def test_a_show_closed_before_its_sound_began_never_begins(qtbot, clock: FakeClock, film_show: Path, request) -> None:  # type: ignore[no-untyped-def]
    """The sound starts a moment after the stage's first frame; a show gone by then (a window closed at once)
    starts nothing (it raised 'cannot schedule new futures after shutdown' into the next show)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    show = open_show(qtbot, clock, film_show, audio_device="memory:")
    director = show.media
    assert director is not None and not director.begun
    presenter = show.presenter
    request.node.qt_widgets = [(w, f) for w, f in request.node.qt_widgets if w() is not presenter]
    presenter.close()
    presenter.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert director.closed
    qtbot.wait(500)  # past the moment the sound would have begun
    assert not director.begun and director.output.status.detail == "sound not started yet"


def test_the_checklist_says_where_the_sound_goes_and_plays_a_test_tone(
    qtbot, clock: FakeClock, film_show: Path
) -> None:  # type: ignore[no-untyped-def]
    show = open_show(qtbot, clock, film_show, audio_device="memory:")
    output = begun(qtbot, show)
    panel = show.presenter.checklist
    qtbot.waitUntil(lambda: panel.status_of("sound") is not None, timeout=10000)
    assert panel.status_of("sound") == "green"
    assert panel.status_of("media") == "green" and panel.detail_of("media") == "alle 3 kan spilles"
    show.controller.run("blackout")
    run_for(show, clock, 1.0)
    start = len(output.recorded())
    qtbot.mouseClick(panel.tone_button, Qt.MouseButton.LeftButton)
    run_for(show, clock, 1.2)
    heard = output.recorded()[start:, 0]
    level = testcard.tone_level(heard, 1000.0)
    assert level[2 : round(0.9 * 200)].min() > 0.09  # 1 kHz at -20 dBFS (after its 10 ms ramp), in a blackout ...
    assert level[round(1.05 * 200) :].max() < 0.01  # ... for one second
    assert testcard.envelope(heard).max() < 0.11  # and nothing else: the blackout has taken the bed away


def test_a_missing_sound_device_is_red_and_the_show_runs_silently(qtbot, clock: FakeClock, film_show: Path) -> None:  # type: ignore[no-untyped-def]
    level, words = "red", "'No Such Speaker' er ikke koblet til; ingenting høres"
    show = open_show(qtbot, clock, film_show, audio_device="No Such Speaker")
    qtbot.waitUntil(lambda: show.media is not None and show.media.begun, timeout=5000)
    panel = show.presenter.checklist
    qtbot.waitUntil(lambda: panel.status_of("sound") == level, timeout=10000)
    assert words in (panel.detail_of("sound") or "")
    settle(clock)
    press(qtbot, show.presenter, Qt.Key.Key_PageDown)
    assert show.controller.state.cue.id == "film"


def test_the_script_chooses_the_sound_output_and_the_command_line_wins(  # type: ignore[no-untyped-def]
    qtbot, clock: FakeClock, film_show: Path
) -> None:
    from ceremony import cli

    text = film_show.read_text(encoding="utf-8").replace(
        "slides:\n", "settings:\n  audio_device: Hall PA\nslides:\n", 1
    )
    film_show.write_text(text, encoding="utf-8")
    show = open_show(qtbot, clock, film_show)  # settings.audio_device: a device this machine does not have
    panel = show.presenter.checklist
    qtbot.waitUntil(lambda: panel.status_of("sound") == "red", timeout=10000)
    assert "'Hall PA' er ikke koblet til" in (panel.detail_of("sound") or "")
    args = cli._run_parser().parse_args([str(film_show), "--audio-device", "memory:", "--mute"])
    assert (args.audio_device, args.mute) == ("memory:", True)  # the options as the command line gives them
    show = open_show(qtbot, clock, film_show, audio_device=args.audio_device)
    begun(qtbot, show)  # --audio-device wins over the script's choice
    assert show.media is not None and show.media.output.status.detail == "memory (tests)"


def test_no_device_at_all_is_amber_never_a_crash(qtbot, clock: FakeClock, film_show: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import ceremony.ui.audio_out as audio_out

    monkeypatch.setattr(audio_out, "device_names", list)
    monkeypatch.setattr(audio_out, "find_device", lambda name: None)
    show = open_show(qtbot, clock, film_show)
    qtbot.waitUntil(lambda: show.media is not None and show.media.begun, timeout=5000)
    panel = show.presenter.checklist
    qtbot.waitUntil(lambda: panel.detail_of("sound") == "ingen lydutgang på denne maskinen", timeout=10000)
    assert panel.status_of("sound") == "amber"


def test_the_remote_state_says_where_the_film_is(qtbot, clock: FakeClock, film_show: Path) -> None:  # type: ignore[no-untyped-def]
    from ceremony.remote.adapter import ControllerAdapter
    from ceremony.remote.snapshot import state_json

    show = open_show(qtbot, clock, film_show, audio_device="memory:")
    begun(qtbot, show)
    adapter = ControllerAdapter(show.controller)
    assert state_json(adapter)["media"] is None  # the walk-in has no film
    qtbot.waitUntil(lambda: film_status(show, 1) == "ready", timeout=10000)
    run_for(show, clock, 1.0)
    press(qtbot, show.presenter, Qt.Key.Key_PageDown)
    run_for(show, clock, 1.0)
    media = state_json(adapter)["media"]
    assert media["cue_id"] == "film" and media["status"] == "playing" and not media["paused"]
    assert media["position"] == pytest.approx(1.0, abs=0.07) and media["duration"] == 3.0


def test_a_follower_that_is_behind_catches_up_by_seeking(qtbot, clock: FakeClock, film_show: Path) -> None:  # type: ignore[no-untyped-def]
    """The leader says its film is a second further on: this copy starts half a second beyond that, when the
    leader gets there, and from then on the two are within 0.1 s."""
    show = open_show(qtbot, clock, film_show, audio_device="memory:")
    begun(qtbot, show)
    media = show.media
    assert media is not None
    qtbot.waitUntil(lambda: film_status(show, 1) == "ready", timeout=10000)
    run_for(show, clock, 1.0)
    press(qtbot, show.presenter, Qt.Key.Key_PageDown)
    run_for(show, clock, 0.2)
    ours = media.players[1].position()
    leader_at, leader_position = clock.now, ours + 1.0
    media.follow({"cue_id": "film", "status": "playing", "position": leader_position, "paused": False})

    def caught_up() -> bool:
        run_for(show, clock, 0.02, step=0.02)
        return not media._seeks

    qtbot.waitUntil(caught_up, timeout=10000)
    run_for(show, clock, 0.1)
    leader_now = leader_position + (clock.now - leader_at)
    assert media.players[1].position() == pytest.approx(leader_now, abs=0.1)
    assert media.players[1].status == "playing"


def test_a_muted_rehearsal_plays_the_films_and_reports_them(qtbot, clock: FakeClock, film_show: Path) -> None:  # type: ignore[no-untyped-def]
    """--mute: nothing is heard, yet the film runs on the show's clock, moves the show on, and is reported."""
    from ceremony.show.persist import state_dir

    show = open_show(qtbot, clock, film_show, rehearse=True, mute=True)
    qtbot.waitUntil(lambda: show.media is not None and show.media.begun, timeout=5000)
    assert show.media is not None and "muted" in show.media.output.status.detail
    qtbot.waitUntil(lambda: film_status(show, 1) == "ready", timeout=10000)
    show.controller.run("start_show")
    settle(clock, 1.0)
    press(qtbot, show.presenter, Qt.Key.Key_PageDown)

    def step() -> bool:
        clock.advance(0.02)
        return show.controller.state.cue.id != "film"

    qtbot.waitUntil(step, timeout=30000)
    assert show.controller.state.cue.id == "after"
    show.controller.run("rehearsal")
    show.controller.run("confirm")
    (report,) = sorted((state_dir() / "reports").glob("rehearsal-*.md"))
    text = report.read_text(encoding="utf-8")
    assert "## Films and sounds" in text
    assert "film film.mp4 0:03, played 0:03" in text
    assert "sound bed.wav (loop)" in text


def test_a_film_cut_short_while_it_plays_fails_to_its_poster_with_a_red_banner(  # type: ignore[no-untyped-def]
    qtbot, clock: FakeClock, tmp_path: Path
) -> None:
    """The file is truncated under the open player (a copy still being written, a stick going bad): the
    watchdog sees the pictures stop before the film's end, the presenter turns red, the show goes on."""
    testcard.write_video(tmp_path / "film.mp4", (320, 180), 30, 4.0, faststart=True)
    script = tmp_path / "show.yaml"
    script.write_text(
        "event: {title: Prøve, year: 2026}\nslides:\n  - kind: title\n"
        "  - kind: video\n    id: film\n    video: film.mp4\n  - kind: text\n    id: after\n    title: Etter\n",
        encoding="utf-8",
    )
    show = open_show(qtbot, clock, script, audio_device="memory:")
    begun(qtbot, show)
    qtbot.waitUntil(lambda: film_status(show, 1) == "ready", timeout=10000)
    os.truncate(tmp_path / "film.mp4", (tmp_path / "film.mp4").stat().st_size * 2 // 5)
    run_for(show, clock, 1.0)
    press(qtbot, show.presenter, Qt.Key.Key_PageDown)

    def step() -> bool:
        run_for(show, clock, 0.02, step=0.02)
        return film_status(show, 1) != "playing"

    qtbot.waitUntil(step, timeout=30000)
    assert film_status(show, 1) == "failed"
    assert show.media is not None
    assert "the film ends early" in show.media.players[1].message
    assert show.presenter.banner.isVisible() and "Filmen på cue 2 kan ikke spilles" in show.presenter.banner.text()
    picture = show.media.picture(1)
    assert picture is not None and picture.poster  # the stage keeps the film's first picture, never a black hole
    settle(clock)
    press(qtbot, show.presenter, Qt.Key.Key_PageDown)
    assert show.controller.state.cue.id == "after"


def test_a_film_with_then_black_fades_the_stage_to_black_and_stays_on_its_cue(  # type: ignore[no-untyped-def]
    qtbot, clock: FakeClock, film_show: Path
) -> None:
    text = film_show.read_text(encoding="utf-8").replace("    then: next\n", "    then: black\n")
    film_show.write_text(text, encoding="utf-8")
    show = open_show(qtbot, clock, film_show, audio_device="memory:")
    begun(qtbot, show)
    qtbot.waitUntil(lambda: film_status(show, 1) == "ready", timeout=10000)
    run_for(show, clock, 1.0)
    press(qtbot, show.presenter, Qt.Key.Key_PageDown)
    assert show.controller.stage_frame().blackout == "none"

    def step() -> bool:
        run_for(show, clock, 0.02, step=0.02)
        return film_status(show, 1) == "ended"

    qtbot.waitUntil(step, timeout=30000)
    qtbot.wait(10)
    run_for(show, clock, 0.2)
    halfway = show.controller.stage_frame()
    assert halfway.blackout == "black" and 0.2 < halfway.blackout_level < 1.0
    run_for(show, clock, 0.5)
    assert show.controller.stage_frame().blackout_level == 1.0
    assert show.controller.state.cue.id == "film" and show.controller.state.blackout == "none"


def test_a_missing_film_still_has_its_poster(qtbot, clock: FakeClock, film_show: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor, QImage

    poster = QImage(160, 90, QImage.Format.Format_RGB32)
    poster.fill(QColor("#336699"))
    assert poster.save(str(film_show.parent / "poster.png"))
    text = film_show.read_text(encoding="utf-8").replace(
        "    video: second.mp4\n", "    video: second.mp4\n    poster: poster.png\n"
    )
    film_show.write_text(text, encoding="utf-8")
    show = open_show(qtbot, clock, film_show, audio_device="memory:")
    begun(qtbot, show)
    (film_show.parent / "second.mp4").unlink()
    show.controller.run("goto", "after")
    qtbot.waitUntil(lambda: film_status(show, 3) == "failed", timeout=10000)
    assert show.media is not None
    qtbot.waitUntil(lambda: show.media.picture(3) is not None, timeout=5000)  # type: ignore[union-attr]
    picture = show.media.picture(3)
    assert picture is not None and picture.poster and picture.image.pixelColor(80, 45) == QColor("#336699")


def start_film(qtbot, clock: FakeClock, film_show: Path) -> Show:  # type: ignore[no-untyped-def]
    show = open_show(qtbot, clock, film_show, audio_device="memory:")
    begun(qtbot, show)
    qtbot.waitUntil(lambda: film_status(show, 1) == "ready", timeout=10000)
    run_for(show, clock, 1.0)
    press(qtbot, show.presenter, Qt.Key.Key_PageDown)
    return show


def play_until(qtbot, show: Show, clock: FakeClock, frame: int) -> None:  # type: ignore[no-untyped-def]
    """Move the show's clock on in small steps until the stage shows film frame ``frame`` or later."""

    def step() -> bool:
        run_for(show, clock, 0.02, step=0.02)
        return on_stage(show) >= frame

    qtbot.waitUntil(step, timeout=30000)


def test_the_next_preview_shows_the_films_poster_and_next_puts_its_first_frame_on_stage(  # type: ignore[no-untyped-def]
    qtbot, clock: FakeClock, film_show: Path
) -> None:
    show = open_show(qtbot, clock, film_show, audio_device="memory:")
    begun(qtbot, show)
    qtbot.waitUntil(lambda: film_status(show, 1) == "ready", timeout=10000)
    preview = show.presenter.next_view
    preview.resize(640, 360)
    preview.repaint()
    assert number(preview.grab().toImage()) == 0  # the Next preview shows the film's first frame as its poster
    run_for(show, clock, 1.0)
    press(qtbot, show.presenter, Qt.Key.Key_PageDown)
    assert on_stage(show) == 0  # at once, before the show's clock has moved: the frame was decoded ahead
    play_until(qtbot, show, clock, 30)
    assert 30 <= on_stage(show) <= 33  # a second in: the picture follows the sound's clock
    shown = [round(pts * 30) for _, cue, pts in show.stage.presented if cue == 1]
    assert shown[0] == 0 and shown == sorted(shown)
    mirror = show.presenter.mirror
    mirror.resize(640, 360)
    mirror.repaint()
    assert number(mirror.grab().toImage()) == on_stage(show)  # the presenter's mirror shows the stage's frame


def test_freeze_holds_the_picture_while_the_sound_runs_on(qtbot, clock: FakeClock, film_show: Path) -> None:  # type: ignore[no-untyped-def]
    show = start_film(qtbot, clock, film_show)
    output = memory(show)
    play_until(qtbot, show, clock, 15)
    show.controller.run("freeze")
    held = on_stage(show)
    before = len(output.recorded())
    run_for(show, clock, 1.0)
    qtbot.wait(50)
    assert on_stage(show) == held  # the stage holds its frame ...
    heard = output.recorded()[before:, 0]
    pips = testcard.tone_level(heard, 1000.0) > 0.2
    assert testcard.envelope(heard).min() > 0.15 and pips.any()  # ... while the film's sound plays on
    show.controller.run("freeze")
    play_until(qtbot, show, clock, held + 31)  # unfrozen: the picture is where the sound is


def test_panic_during_a_film_silences_it_in_a_second_and_the_picture_plays_on(  # type: ignore[no-untyped-def]
    qtbot, clock: FakeClock, film_show: Path
) -> None:
    """Shift+Esc in the middle of a film: its sound fades out in exactly a second, its pictures go on (their clock
    runs on without the sound), nothing fails, and the show moves on as usual."""
    show = start_film(qtbot, clock, film_show)
    output = memory(show)
    play_until(qtbot, show, clock, 10)
    before = len(output.recorded())
    qtbot.keyClick(show.presenter, Qt.Key.Key_Escape, Qt.KeyboardModifier.ShiftModifier)
    at_panic = on_stage(show)
    run_for(show, clock, 1.3)
    heard = output.recorded()[before:, 0]
    env = testcard.envelope(heard)
    window = 218 / 48000
    assert env[: round(0.1 / window)].max() > 0.15  # the film's sound as the fade begins ...
    assert env[round(1.01 / window) :].max() < 1e-4  # ... silent from one second on
    play_until(qtbot, show, clock, at_panic + 45)  # the picture runs on, a second and a half further
    assert film_status(show, 1) == "playing" and not show.presenter.banner.isVisible()
    assert show.controller.state.cue.id == "film" and show.stage.isVisible()  # panic never quits nor moves the show
    press(qtbot, show.presenter, Qt.Key.Key_PageDown)
    assert show.controller.state.cue.id == "after"


def test_previous_and_next_during_a_film_ask_nothing_and_it_starts_again_from_its_first_frame(  # type: ignore[no-untyped-def]
    qtbot, clock: FakeClock, film_show: Path
) -> None:
    show = start_film(qtbot, clock, film_show)
    play_until(qtbot, show, clock, 20)
    assert show.media is not None and show.media.mixer.find("video:film") is not None
    press(qtbot, show.presenter, Qt.Key.Key_PageUp)
    assert show.controller.state.cue.id == "walk-in" and show.controller.state.pending is None  # no question
    run_for(show, clock, 1.0)
    assert show.media is not None and show.media.mixer.find("video:film") is None  # the film's sound has gone
    qtbot.waitUntil(lambda: film_status(show, 1) == "ready", timeout=10000)  # prepared again, from its start
    press(qtbot, show.presenter, Qt.Key.Key_PageDown)
    assert show.controller.state.cue.id == "film" and show.controller.state.pending is None
    assert on_stage(show) == 0  # from the top, at once
    play_until(qtbot, show, clock, 30)  # past its 0.6 s fade in (next waits for a transition, on any cue)
    press(qtbot, show.presenter, Qt.Key.Key_PageDown)  # next in the middle: the film gives way like any cue
    assert show.controller.state.cue.id == "after" and show.controller.state.pending is None
    assert film_status(show, 1) is None or film_status(show, 1) != "playing"


def test_blackout_fades_the_film_and_its_sound_together(qtbot, clock: FakeClock, film_show: Path) -> None:  # type: ignore[no-untyped-def]
    show = start_film(qtbot, clock, film_show)
    output = memory(show)
    play_until(qtbot, show, clock, 10)
    before = len(output.recorded())
    show.controller.run("blackout")
    run_for(show, clock, 0.2)
    half = stage_image(show)
    run_for(show, clock, 0.4)
    black = stage_image(show)
    assert black.pixelColor(black.width() // 2, black.height() // 2).value() == 0
    assert black.pixelColor(5, black.height() - 5).value() == 0
    assert half.pixelColor(5, half.height() - 5).value() > 0  # half way through the 0.4 s fade
    env = testcard.envelope(output.recorded()[before:, 0])
    window = 218 / 48000
    assert env[1] > 0.15 and env[round(0.2 / window)] < env[1]  # the sound fades with the picture ...
    assert env[round(0.45 / window) :].max() < 1e-3  # ... to silence
    assert film_status(show, 1) == "playing"  # the film runs on under the blackout


def test_a_film_behind_the_title_plays_under_its_text(
    qtbot, clock: FakeClock, tmp_path: Path, film_files: Path
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "film.mp4").write_bytes((film_files / "film.mp4").read_bytes())
    script = tmp_path / "show.yaml"
    script.write_text(
        "event: {title: Prøve, year: 2026}\nslides:\n  - kind: black\n"
        "  - kind: title\n    id: title\n    video: {file: film.mp4, volume: 0}\n",
        encoding="utf-8",
    )
    show = open_show(qtbot, clock, script, audio_device="memory:")
    begun(qtbot, show)
    qtbot.waitUntil(lambda: film_status(show, 1) == "ready", timeout=10000)
    run_for(show, clock, 1.0)
    press(qtbot, show.presenter, Qt.Key.Key_PageDown)
    run_for(show, clock, 1.0)  # past the title's fade in
    play_until(qtbot, show, clock, 45)
    image = stage_image(show)
    image.save(str(tmp_path / "title.png"))
    film_only = show.media.picture(1)  # type: ignore[union-attr]
    assert film_only is not None and not film_only.poster
    assert image != film_only.image.scaled(image.size())  # the title's text and scrim are over the film


def test_picture_and_sound_stay_together(qtbot, clock: FakeClock, film_show: Path) -> None:  # type: ignore[no-untyped-def]
    """Read from what the show produced: the film's pips (one a second) sit where its seconds begin, and the frame
    on stage is within two frames of the sound that has been played."""
    show = open_show(qtbot, clock, film_show, audio_device="memory:")
    output = begun(qtbot, show)
    qtbot.waitUntil(lambda: film_status(show, 1) == "ready", timeout=10000)
    run_for(show, clock, 1.2)  # the walk-in's bed fades out over 1 s after 'next'; start from a pip-free point
    press(qtbot, show.presenter, Qt.Key.Key_PageDown)
    start = len(output.recorded())
    offsets = []

    def step() -> bool:
        run_for(show, clock, 0.02, step=0.02)
        heard = (len(output.recorded()) - start) / 48000
        offsets.append(on_stage(show) / 30 - heard)
        return heard > 2.5

    qtbot.waitUntil(step, timeout=30000)
    settled = offsets[round(0.7 / 0.02) :]  # after the cue's 0.6 s fade in (a blend is no frame to read)
    assert max(abs(o) for o in settled) <= 2 / 30, [round(o, 3) for o in settled]
    film_sound = output.recorded()[start:, 0]
    pips = testcard.onsets(testcard.tone_level(film_sound, 1000.0) > 0.2)
    assert [round(p * 240 / 48000, 2) for p in pips[:3]] == [0.0, 1.0, 2.0]


def test_k_pauses_the_film_and_its_sound_and_plays_on_from_there(qtbot, clock: FakeClock, film_show: Path) -> None:  # type: ignore[no-untyped-def]
    show = start_film(qtbot, clock, film_show)
    output = memory(show)
    play_until(qtbot, show, clock, 20)
    press(qtbot, show.presenter, Qt.Key.Key_K)
    held = on_stage(show)
    before = len(output.recorded())
    run_for(show, clock, 1.0)
    qtbot.wait(50)
    assert on_stage(show) == held  # the picture holds ...
    assert np.abs(output.recorded()[before + 480 :, 0]).max() == 0  # ... and, after its 10 ms ramp, the sound is silent
    show.presenter.media_panel.refresh()
    assert "PAUSE" in show.presenter.media_panel.output.text()
    press(qtbot, show.presenter, Qt.Key.Key_K)
    run_for(show, clock, 0.2)
    qtbot.wait(50)
    assert held < on_stage(show) <= held + 8  # on from where it was, not from where the clock would have taken it
