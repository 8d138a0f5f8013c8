"""The hall's picture kept for the next start (ui/firstframe.py): shown again only when nothing it depends on
has changed, on the stage's screen, with the stage's own pixels; never a winner, a moving picture, or a place
the start would not open at."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from tests.ui.conftest import REPO, FakeClock, close_show, open_show, settle, stage_image

from ceremony.show import persist
from ceremony.ui import firstframe, screens
from ceremony.ui.main import Show

ARGV = ["slides.yaml", "--fresh"]
PAST = ('until: "13:00"', 'until: "00:00"')
"""The walk-in's countdown to midnight has always run out: its digits ("00:00") stand still all day."""


@pytest.fixture
def script(tmp_path: Path) -> Path:
    """slides.yaml beside its own copy of the assets (a test touches a crest)."""
    folder = tmp_path / "show"
    shutil.copytree(REPO / "assets", folder / "assets")
    path = folder / "slides.yaml"
    path.write_text((REPO / "slides.yaml").read_text(encoding="utf-8").replace(*PAST), encoding="utf-8")
    return path


def _open(qtbot, clock: FakeClock, script: Path, **options: object) -> Show:  # type: ignore[no-untyped-def]
    return open_show(qtbot, clock, script, **{"windowed": False, "fresh": True, **options})


@pytest.fixture
def shows(qtbot) -> Iterator[list[Show]]:  # type: ignore[no-untyped-def]
    opened: list[Show] = []
    yield opened
    firstframe.hand_over()
    for show in opened:
        close_show(show)


def _kept_window() -> firstframe.KeptWindow | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, firstframe.KeptWindow) and w.isVisible()]
    assert len(found) <= 1
    return found[0] if found else None


def _keep(show: Show, argv: list[str] = ARGV) -> list[str]:
    kept = firstframe.keep(show, argv)
    firstframe.flush()
    return kept


def _shown_picture() -> QImage:
    window = _kept_window()
    assert window is not None
    return window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def _screen_of(widget) -> str:  # type: ignore[no-untyped-def]
    centre = widget.geometry().center()
    return next(s.name() for s in QApplication.screens() if s.geometry().contains(centre))


def test_a_still_stage_is_kept_and_put_up_again_on_its_screen_with_its_pixels(qtbot, clock, script, shows) -> None:  # type: ignore[no-untyped-def]
    show = _open(qtbot, clock, script)
    shows.append(show)
    assert _keep(show) == ["fresh"]  # no saved show yet: nothing to resume
    stage = stage_image(show)
    assert firstframe.show_kept(ARGV)
    window = _kept_window()
    assert window is not None
    assert window.isFullScreen()
    assert _screen_of(window) == _screen_of(show.stage) == "Projector"
    assert _shown_picture() == stage
    firstframe.hand_over()
    assert _kept_window() is None


def _touch(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


CHANGES = {
    "the script": lambda script, monkeypatch: _touch(script),
    "a crest it draws": lambda script, monkeypatch: _touch(script.parent / "assets/crests/kvitsoy.svg"),
    "ceremony's own files": lambda script, monkeypatch: monkeypatch.setattr(
        firstframe, "code_stamp", lambda: [["an edited module", 1, 2]]
    ),
    "the remembered stage screen": lambda script, monkeypatch: QSettings().setValue(screens.SETTINGS_KEY, "Laptop"),
    "the clock's digits": lambda script, monkeypatch: monkeypatch.setattr(
        "ceremony.render.countdown.countdown_text", lambda until, now: "09:59"
    ),
    "a damaged pixel": lambda script, monkeypatch: _flip_last_byte(),
    "the language": lambda script, monkeypatch: monkeypatch.setenv("LANGUAGE", "en"),
}


def _flip_last_byte() -> None:
    (record,) = firstframe.folder().glob("*-fresh.rgb32")
    data = bytearray(record.read_bytes())
    data[-1] ^= 0x01
    record.write_bytes(bytes(data))


@pytest.mark.parametrize("change", list(CHANGES))
def test_any_change_to_what_the_picture_depends_on_means_the_ordinary_start(  # type: ignore[no-untyped-def]
    qtbot, clock, script, shows, monkeypatch, change: str
) -> None:
    show = _open(qtbot, clock, script)
    shows.append(show)
    assert _keep(show) == ["fresh"]
    CHANGES[change](script, monkeypatch)
    assert not firstframe.show_kept(ARGV)
    assert _kept_window() is None


def test_another_command_line_has_nothing_kept(qtbot, clock, script, shows) -> None:  # type: ignore[no-untyped-def]
    show = _open(qtbot, clock, script)
    shows.append(show)
    assert _keep(show) == ["fresh"]
    assert not firstframe.show_kept(["slides.yaml", "--fresh", "--windowed"])
    assert firstframe.show_kept(ARGV)  # and the one that kept it still has it


def test_a_fresh_start_shows_the_first_cue_and_a_resumed_one_the_saved_place(qtbot, clock, script, shows) -> None:  # type: ignore[no-untyped-def]
    show = _open(qtbot, clock, script)
    shows.append(show)
    walk_in = stage_image(show)
    assert _keep(show) == ["fresh"]
    show.controller.run("goto", "nominee-hamaroy")
    settle(clock)
    assert persist.state_file(show.controller.loaded.path).exists()  # autosaved on the move
    assert _keep(show) == ["resume"]  # the first cue's picture is drawn only while the stage shows it
    hamaroy = stage_image(show)
    assert hamaroy != walk_in
    assert firstframe.show_kept(["slides.yaml", "--resume"])
    assert _shown_picture() == hamaroy
    firstframe.hand_over()
    assert firstframe.show_kept(["slides.yaml", "--fresh"])
    assert _shown_picture() == walk_in
    firstframe.hand_over()
    assert not firstframe.show_kept(["slides.yaml"])  # a saved show: that start asks whether to resume it
    show.controller.run("next")
    settle(clock)
    assert not firstframe.show_kept(["slides.yaml", "--resume"])  # the saved place has moved on since


def test_a_winner_is_never_kept(qtbot, clock, script, shows) -> None:  # type: ignore[no-untyped-def]
    show = _open(qtbot, clock, script)
    shows.append(show)
    show.controller.run("goto", "reveal-under-15000/lineup")
    settle(clock)
    show.controller.run("next")
    settle(clock, 6.0)
    show.controller.run("next")
    settle(clock, 6.0)
    assert show.controller.stage_frame().winner() == "kvitsoy"
    show.controller.run("next")
    settle(clock, 3.0)
    assert show.controller.stage_frame().cue.id == "reveal-under-15000/winner"
    assert _keep(show) == []
    assert not list(firstframe.folder().glob("*.rgb32"))
    show.controller.run("next")  # the next class's intro: the renderer is given no winner for it
    settle(clock, 3.0)
    assert show.controller.stage_frame().winners == {}
    assert _keep(show) == ["resume"]


def test_a_windowed_stage_keeps_nothing(qtbot, clock, script, shows) -> None:  # type: ignore[no-untyped-def]
    show = _open(qtbot, clock, script, windowed=True)
    shows.append(show)
    assert _keep(show) == []


def test_the_remembered_screen_is_read_under_the_stages_own_key() -> None:
    assert firstframe.SETTINGS_KEY == screens.SETTINGS_KEY


def test_a_second_start_of_the_same_show_puts_the_kept_picture_up_first(script: Path) -> None:
    """Two real processes: the first keeps the walk-in once the stage has stood still, the second shows it
    before it has even loaded the script (its start-up trace says so), then the real stage takes over."""
    env = {**os.environ, "CEREMONY_TRACE_STARTUP": "1", "PYTHONPATH": str(REPO / "src")}
    command = [sys.executable, "-m", "ceremony", script.name, "--fresh"]
    outputs = []
    for _ in range(2):
        try:
            run = subprocess.run(command, env=env, cwd=script.parent, capture_output=True, text=True, timeout=6)
            outputs.append(run.stdout)
        except subprocess.TimeoutExpired as stopped:  # the show runs until it is quit: stopped after 6 s
            out = stopped.stdout
            outputs.append(out.decode() if isinstance(out, bytes) else out or "")
    first, second = outputs
    assert "first stage frame painted" in first and "kept picture shown" not in first
    assert "kept picture shown" in second and "first stage frame painted" in second
    assert second.index("kept picture shown") < second.index("first stage frame painted")
