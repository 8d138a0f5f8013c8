"""Live-show reliability in the real windows: hot reload, bad scripts, lost screens, errors in a paint."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from ceremony.script.diagnostics import ScriptError
from ceremony.script.loader import load_script

from .conftest import REPO, FakeClock, open_show, settle, stage_image

SMALL = "under-15000"

# One bad edit of slides.yaml per error class of `ceremony check` (old text, new text).
BAD_EDITS = {
    "syntax": ("  year: 2024\n", "  year: [2024\n"),
    "not-utf8": ("Årets vertskapskommune for næringslivet\n", "\udcc5rets\n"),
    "top-level-list": ("version: 1\n", "- version: 1\n"),
    "unknown-key": ("  subtitle: En kåring fra KS og NHO\n", "  subtitel: En kåring fra KS og NHO\n"),
    "wrong-type": ("  year: 2024\n", "  year: tjuefire\n"),
    "missing-field": ("        county: Telemark\n", ""),
    "duplicate-id": ("      - id: hamaroy\n", "      - id: notodden\n"),
    "missing-reference": ("    nominee: sandefjord\n", "    nominee: sandefjor\n"),
    "winner-not-nominee": ("    winner: kvitsoy\n", "    winner: asker\n"),
    "missing-asset": ("crest: assets/crests/asker.svg", "crest: assets/crests/nope.svg"),
    "not-an-image": ("crest: assets/crests/asker.svg", "crest: slides.yaml"),
    "empty": ("*ALL*", ""),
    "too-large": ("*ALL*", "# padding\n" * 250_000),
    "python-tag": ("  year: 2024\n", "  year: !!python/object/apply:os.system ['true']\n"),
    "alias-bomb": (
        "version: 1\n",
        "version: 1\nx-a: &a [1,1,1,1,1,1,1,1,1,1]\n"
        + "".join(
            f"x-{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
            for p, c in zip("abcde", "bcdef", strict=True)
        ),
    ),
}


def write_variant(folder: Path, edit: tuple[str, str] | None) -> Path:
    """slides.yaml with one edit, in a folder that sees the real assets."""
    folder.mkdir(exist_ok=True)
    if not (folder / "assets").exists():
        (folder / "assets").symlink_to(REPO / "assets")
    text = (REPO / "slides.yaml").read_text(encoding="utf-8")
    if edit is not None and edit[0] == "*ALL*":
        text = edit[1]
    elif edit is not None:
        assert edit[0] in text, edit[0]
        text = text.replace(edit[0], edit[1], 1)
    path = folder / "slides.yaml"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    return path


@pytest.mark.parametrize("name", sorted(BAD_EDITS))
def test_starting_on_a_broken_script_exits_cleanly_with_positions(tmp_path: Path, name: str) -> None:
    path = write_variant(tmp_path / "show", BAD_EDITS[name])
    with pytest.raises(ScriptError) as caught:
        load_script(path)
    expected = [str(d) for d in caught.value.diagnostics]
    env = dict(os.environ, CEREMONY_NO_DIALOGS="1")
    result = subprocess.run(
        [sys.executable, "-m", "ceremony", str(path), "--windowed"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    for line in expected:
        assert line in result.stderr
    assert all(":" in line and line.startswith(str(path)) for line in expected)


@pytest.mark.parametrize("name", sorted(BAD_EDITS))
def test_reloading_into_a_broken_script_keeps_the_show(qtbot, clock: FakeClock, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    path = write_variant(tmp_path / "show", None)
    show = open_show(qtbot, clock, path)
    show.controller.run("goto", "nominee-kvitsoy")
    settle(clock)
    before = stage_image(show)
    write_variant(tmp_path / "show", BAD_EDITS[name])
    assert show.reloader.reload_now() is False
    settle(clock)
    assert show.controller.state.cue.id == "nominee-kvitsoy"
    assert stage_image(show) == before
    banner = show.presenter.banner
    assert banner.isVisible() and "IKKE" in banner.text()
    assert f"{path}:" in banner.text() and ": error: " in banner.text()
    write_variant(tmp_path / "show", None)
    assert show.reloader.reload_now() is True
    assert not banner.isVisible()
    assert show.controller.state.cue.id == "nominee-kvitsoy"


def test_a_sound_reload_keeps_the_place_and_shows_the_new_text(qtbot, clock: FakeClock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_variant(tmp_path / "show", None)
    show = open_show(qtbot, clock, path)
    show.controller.run("goto", "nominee-kvitsoy")
    settle(clock)
    before = stage_image(show)
    write_variant(tmp_path / "show", ("Tilrettelegger for uttesting", "Legger til rette for uttesting"))
    assert show.reloader.reload_now()
    assert show.controller.state.cue.id == "nominee-kvitsoy"
    assert show.controller.stage_frame().outgoing is None  # no transition: no flicker
    after = stage_image(show)
    assert after != before


def test_a_reload_that_removes_the_current_cue_lands_on_the_nearest_earlier(
    qtbot, clock: FakeClock, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = write_variant(tmp_path / "show", None)
    show = open_show(qtbot, clock, path)
    show.controller.run("goto", "quote-helgesen")
    settle(clock)
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: quote-helgesen")
    end = text.index("  - id: jury")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert show.reloader.reload_now()
    assert show.controller.state.cue.id == "quote-almlid"


def test_a_revealed_winner_survives_a_reload(qtbot, clock: FakeClock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_variant(tmp_path / "show", None)
    show = open_show(qtbot, clock, path)
    show.controller.run("goto", f"reveal-{SMALL}/suspense")
    settle(clock, 6)
    show.controller.run("next")
    settle(clock, 5)
    assert show.reloader.reload_now()
    assert show.controller.state.revealed == {SMALL: "kvitsoy"}
    assert show.controller.stage_frame().winner() == "kvitsoy"


def test_the_file_watcher_reloads_on_save(qtbot, clock: FakeClock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_variant(tmp_path / "show", None)
    show = open_show(qtbot, clock, path)
    with qtbot.waitSignal(show.reloader.failed, timeout=5000):
        write_variant(tmp_path / "show", BAD_EDITS["unknown-key"])
    assert "did you mean 'subtitle'" in show.presenter.banner.text()
    with qtbot.waitSignal(show.reloader.succeeded, timeout=5000):
        write_variant(tmp_path / "show", None)


def test_lost_stage_screen_becomes_a_window_and_comes_back(qtbot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert app is not None and [s.name() for s in app.screens()] == ["Laptop", "Projector"]
    show = open_show(qtbot, clock, windowed=False)
    laptop, projector = app.screens()
    assert show.stage.placement is not None and show.stage.placement.fullscreen
    assert show.stage.placement.screen.name == "Projector"
    show.controller.run("goto", "nominee-asker")
    # Qt moves the window before it reports the screen gone: that move is what we react to.
    show.screens.stage_screen_changed(laptop)
    assert not show.stage.isFullScreen()
    assert show.stage.screen().name() == "Laptop"
    assert show.stage.width() < 1000
    assert "BORTE" in show.presenter.status_screen.text() and show.presenter.banner.isVisible()
    show.screens.screen_added(projector)
    assert show.stage.placement.fullscreen and show.stage.placement.screen.name == "Projector"
    assert show.stage.screen().name() == "Projector"
    assert show.controller.stage_frame().cue.id == "nominee-asker"
    assert not show.presenter.banner.isVisible()


def test_an_error_while_painting_keeps_the_last_good_frame(qtbot, clock: FakeClock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    show = open_show(qtbot, clock)
    show.controller.run("goto", "title")
    settle(clock)
    good = stage_image(show)
    renderer = show.controller.renderer
    real_paint = renderer.paint
    calls = {"n": 0}

    def broken(painter, rect, frame):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if frame.cue.id == "quote-almlid":
            raise RuntimeError("simulated renderer bug")
        real_paint(painter, rect, frame)

    monkeypatch.setattr(renderer, "paint", broken)
    show.controller.run("next")
    settle(clock)
    assert stage_image(show) == good
    assert show.hook.count >= 1
    assert "Intern feil" in show.presenter.banner.text()
