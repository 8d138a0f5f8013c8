"""Reload keeps the place and the winners; the saved show survives restarts and shrugs off bad files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from ceremony.script.loader import LoadedScript
from ceremony.script.model import Script, as_data
from ceremony.script.validate import validate_script
from ceremony.show import persist
from ceremony.show.engine import Engine

from .conftest import FakeClock, tiny_script
from .test_moves import R_LINEUP, REVEAL, SUSPENSE, WINNER, walk_to

Make = Callable[..., Engine]


def without_slide(script: Script, slide_id: str) -> Script:
    data = as_data(script)
    data["slides"] = [s for s in data["slides"] if s.get("id") != slide_id]
    return validate_script(data)


def revealed_engine(make_engine: Make, clock: FakeClock) -> Engine:
    engine = make_engine()
    walk_to(engine, clock, SUSPENSE)
    engine.run("reveal")
    clock.advance(5)
    engine.run("next")
    assert engine.state.cue_index == WINNER
    return engine


def test_reload_keeps_position_by_cue_id(slides: LoadedScript, clock: FakeClock) -> None:
    engine = Engine(None, slides.script, clock=clock)
    engine.run("goto", "nominee-hamaroy")
    data = as_data(slides.script)
    data["slides"].insert(0, {"id": "extra", "kind": "black"})
    assert engine.reload(None, validate_script(data)).ok
    assert engine.state.cue.id == "nominee-hamaroy"


def test_reload_falls_back_to_the_nearest_earlier_cue(slides: LoadedScript, clock: FakeClock) -> None:
    engine = Engine(None, slides.script, clock=clock)
    engine.run("goto", "quote-helgesen")
    engine.reload(None, without_slide(without_slide(slides.script, "quote-helgesen"), "quote-almlid"))
    assert engine.state.cue.id == "title"


def test_reload_keeps_winners_and_drops_vanished_ones(make_engine: Make, clock: FakeClock) -> None:
    engine = revealed_engine(make_engine, clock)
    engine.reload(None, tiny_script())
    assert engine.state.revealed == {"k": "b"}
    assert engine.state.cue_index == WINNER
    data = as_data(tiny_script())
    data["classes"][0]["nominees"] = [n for n in data["classes"][0]["nominees"] if n["id"] != "b"]
    data["classes"][0]["winner"] = "a"
    engine.reload(None, validate_script(data))
    assert engine.state.revealed == {}
    assert engine.state.cue.id == "reveal-k/lineup"  # not left on a winner that is no longer revealed


def test_round_trip(make_engine: Make, clock: FakeClock, tmp_path: Path) -> None:
    script_path = tmp_path / "slides.yaml"
    engine = revealed_engine(make_engine, clock)
    engine.run("blackout")
    path = persist.save(persist.snapshot(engine.state, script_path, "digest", clock.now))
    assert path.parent == persist.state_dir()
    assert path == persist.state_file(script_path)
    assert not list(path.parent.glob(".show-*"))  # no temp file left behind
    saved, reason = persist.load(script_path)
    assert saved is not None, reason
    fresh = make_engine()
    assert persist.restore(fresh, saved).ok
    state = fresh.state
    assert (state.cue.id, state.revealed, state.blackout, state.started) == (
        "reveal-k/winner",
        {"k": "b"},
        "black",
        True,
    )
    assert state.times == engine.state.times


def test_restore_by_id_after_script_change(make_engine: Make, clock: FakeClock, tmp_path: Path) -> None:
    script_path = tmp_path / "s.yaml"
    engine = make_engine()
    engine.run("goto", "outro")
    persist.save(persist.snapshot(engine.state, script_path, "d", clock.now))
    saved, _ = persist.load(script_path)
    assert saved is not None
    fresh = make_engine(without_slide(tiny_script(), "outro"))
    persist.restore(fresh, saved)
    assert fresh.state.cue_index == R_LINEUP  # the nearest earlier cue would be the unrevealed winner


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"\xff\xfe", b"[]", b'{"format": 99}', b'{"format": 1, "script_path": "/elsewhere"}', b""],
)
def test_bad_files_are_refused_not_raised(tmp_path: Path, content: bytes) -> None:
    script_path = tmp_path / "s.yaml"
    path = persist.state_file(script_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    saved, reason = persist.load(script_path)
    assert saved is None
    assert reason


def test_damaged_fields_are_refused(make_engine: Make, clock: FakeClock, tmp_path: Path) -> None:
    script_path = tmp_path / "s.yaml"
    path = persist.save(persist.snapshot(make_engine().state, script_path, "d", clock.now))
    for key, value in (("revealed", [1]), ("blackout", "grey"), ("cue_id", 3), ("times", {"x": "y"})):
        data = json.loads(path.read_text(encoding="utf-8"))
        data[key] = value
        path.write_text(json.dumps(data), encoding="utf-8")
        saved, reason = persist.load(script_path)
        assert saved is None, key
        assert "damaged" in reason


def test_missing_file(tmp_path: Path) -> None:
    assert persist.load(tmp_path / "none.yaml") == (None, "no saved show")


def test_autosave_writes_on_change(make_engine: Make, clock: FakeClock, tmp_path: Path) -> None:
    script_path = tmp_path / "s.yaml"
    engine = make_engine()
    stop = persist.autosave(engine, script_path, "d")
    clock.advance(5)
    engine.run("next")
    saved, _ = persist.load(script_path)
    assert saved is not None
    assert saved.cue_id == "lineup-k/1"
    stop()
    clock.advance(5)
    engine.run("next")
    saved, _ = persist.load(script_path)
    assert saved is not None
    assert saved.cue_id == "lineup-k/1"


def test_state_dir_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CEREMONY_STATE_DIR", str(tmp_path / "x"))
    assert persist.state_dir() == tmp_path / "x"
    assert persist.state_file("a.yaml") != persist.state_file("b.yaml")
    assert persist.state_file("a.yaml").parent == tmp_path / "x"


def test_reveal_step_is_kept_across_restore(make_engine: Make, clock: FakeClock, tmp_path: Path) -> None:
    engine = make_engine()
    walk_to(engine, clock, SUSPENSE)
    engine.run("reveal")
    assert engine.state.cue_index == REVEAL
    persist.save(persist.snapshot(engine.state, tmp_path / "s.yaml", "d", clock.now))
    saved, _ = persist.load(tmp_path / "s.yaml")
    assert saved is not None
    fresh = make_engine()
    persist.restore(fresh, saved)
    assert fresh.state.cue_index == REVEAL
    clock.advance(5)  # a restored reveal step plays its animation again
    assert fresh.run("reset_reveal").kind == "needs_confirmation"
