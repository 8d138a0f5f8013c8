"""Moving through the show: double-fire, transitions, auto-repeat, jumps that never land on an unrevealed winner."""

from __future__ import annotations

from collections.abc import Callable

from ceremony.script.loader import LoadedScript
from ceremony.show.commands import REGISTRY, Command
from ceremony.show.engine import Engine

from .conftest import FakeClock, tiny_script

Make = Callable[..., Engine]

# tiny_script's cues
INTRO, L1, L3, R_LINEUP, SUSPENSE, REVEAL, WINNER, OUTRO = 0, 1, 3, 4, 5, 6, 7, 8


def walk_to(engine: Engine, clock: FakeClock, index: int) -> None:
    while engine.state.cue_index < index:
        clock.advance(5)
        outcome = engine.run("next")
        assert outcome.ok, outcome


def test_cue_ids(make_engine: Make) -> None:
    ids = [c.id for c in make_engine().cues]
    assert ids == [
        "intro",
        "lineup-k/1",
        "lineup-k/2",
        "lineup-k/3",
        "reveal-k/lineup",
        "reveal-k/suspense",
        "reveal-k/reveal",
        "reveal-k/winner",
        "outro",
    ]


def test_double_fire_ignored_with_reason(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine()
    assert engine.run("next").ok
    clock.advance(0.1)
    outcome = engine.run("next")
    assert outcome.kind == "ignored"
    assert "300 ms" in outcome.message
    assert engine.state.cue_index == L1
    clock.advance(0.25)
    assert engine.run("next").ok


def test_double_fire_window_comes_from_settings(clock: FakeClock) -> None:
    engine = Engine(None, tiny_script(double_fire_ms=1000), clock=clock)
    engine.run("next")
    clock.advance(0.5)
    assert engine.run("next").kind == "ignored"
    clock.advance(0.6)
    assert engine.run("next").ok


def test_next_ignored_while_transition_runs(slides: LoadedScript, clock: FakeClock) -> None:
    engine = Engine(None, slides.script, clock=clock)
    engine.run("next")  # into 'title': a 0.6 s fade
    clock.advance(0.4)
    outcome = engine.run("next")
    assert outcome.kind == "ignored"
    assert "transition" in outcome.message
    clock.advance(0.3)
    assert engine.run("next").ok


def test_auto_repeat_ignored(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine()
    clock.advance(5)
    assert engine.run("next", auto_repeat=True).kind == "ignored"
    assert engine.run("previous", auto_repeat=True).kind == "ignored"
    assert engine.state.cue_index == INTRO


def test_goto_by_number_id_and_slide(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine()
    assert engine.run("goto", 3).ok
    assert engine.state.cue.id == "lineup-k/2"
    assert engine.run("goto", "outro").ok
    assert engine.run("goto", "lineup-k").ok
    assert engine.state.cue.id == "lineup-k/1"
    assert engine.run("goto", "nope").kind == "error"
    assert engine.run("goto", 99).kind == "error"
    assert engine.run("goto").kind == "error"


def test_jumps_never_land_on_an_unrevealed_winner(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine()
    for target in ("reveal-k/reveal", "reveal-k/winner", "7", "8"):
        engine.run("first")
        clock.advance(5)
        assert engine.run("goto", target).ok
        assert engine.state.cue_index == R_LINEUP
        assert engine.state.revealed == {}


def test_last_and_jumping_past_an_unrevealed_reveal(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine()
    assert engine.run("last").ok
    assert engine.state.cue_index == OUTRO
    assert engine.state.revealed == {}
    # stepping back from after it never lands on the unrevealed winner either
    clock.advance(5)
    assert engine.run("previous").ok
    assert engine.state.cue_index == R_LINEUP


def test_first_and_last_at_the_ends(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine()
    assert engine.run("first").kind == "ignored"
    assert engine.run("previous").kind == "ignored"
    engine.run("last")
    clock.advance(5)
    assert engine.run("next").kind == "ignored"


def test_blackout_whiteout_freeze(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine()
    engine.run("blackout")
    assert engine.state.blackout == "black"
    engine.run("whiteout")
    assert engine.state.blackout == "white"
    engine.run("whiteout")
    assert engine.state.blackout == "none"
    clock.advance(5)
    engine.run("next")
    engine.run("freeze")
    assert engine.state.frozen
    assert engine.state.frozen_cue_index == L1
    clock.advance(5)
    engine.run("next")
    assert engine.state.cue_index == L1 + 1
    assert engine.state.stage_cue_index == L1
    engine.run("freeze")
    assert not engine.state.frozen
    assert engine.state.stage_cue_index == L1 + 1


def test_window_and_unknown_commands(make_engine: Make) -> None:
    engine = make_engine()
    window = Command("wave", "Vink", "Wave at the operator.", lambda ui, arg: True, scope="window")
    with REGISTRY.temporarily(window):
        outcome = engine.run("wave")
        assert (outcome.kind, outcome.message) == ("ignored", "'wave' is handled by the window")
        assert not engine.available("wave")
    assert engine.run("wave").kind == "error"
    assert engine.run("does-not-exist").kind == "error"


def test_start_show_is_harmless_and_starts_the_clock(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine()
    assert not engine.state.started
    assert engine.run("start_show").ok
    assert engine.state.started
    assert engine.state.cue_index == INTRO
    assert engine.run("start_show").kind == "ignored"


def test_first_next_starts_the_clock(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine()
    clock.advance(7)
    engine.run("next")
    assert engine.state.started_at == clock.now


def test_listeners_hear_every_command(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine()
    heard: list[str] = []
    unsubscribe = engine.subscribe(lambda old, new, outcome: heard.append(f"{outcome.command}:{outcome.kind}"))
    engine.subscribe(lambda old, new, outcome: 1 / 0)  # a broken listener must not break the show
    clock.advance(5)
    engine.run("next")
    engine.run("next")
    unsubscribe()
    engine.run("blackout")
    assert heard == ["next:ok", "next:ignored"]
