"""The reveal: only from the suspense step, on purpose, with a known winner; never taken back by accident."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from ceremony.script.loader import LoadedScript
from ceremony.show.engine import Engine
from ceremony.show.reveals import NOT_AT_SUSPENSE, choose_stand_ins
from ceremony.show.state import CONFIRM_WINDOW, Show
from ceremony.show.winners import winners_for_preview, winners_for_render

from .conftest import FakeClock, tiny_script
from .test_moves import OUTRO, R_LINEUP, REVEAL, SUSPENSE, WINNER, walk_to

Make = Callable[..., Engine]


def at_suspense(engine: Engine, clock: FakeClock) -> None:
    walk_to(engine, clock, SUSPENSE)


def test_next_held_until_suspense_has_run(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine()
    at_suspense(engine, clock)
    clock.advance(1.5)
    outcome = engine.run("next")
    assert outcome.kind == "held"
    assert "suspense still running" in outcome.message
    assert engine.state.revealed == {}
    clock.advance(0.6)
    assert engine.run("next").ok
    assert engine.state.cue_index == REVEAL
    assert engine.state.revealed == {"k": "b"}


def test_reveal_command_fires_at_once_but_only_when_armed(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine()
    assert engine.run("reveal").kind == "ignored"
    walk_to(engine, clock, R_LINEUP)
    assert engine.run("reveal").kind == "held"
    clock.advance(1)
    engine.run("next")
    assert engine.run("reveal").ok
    assert engine.state.revealed == {"k": "b"}


def test_next_and_previous_held_during_reveal_animation(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine()
    at_suspense(engine, clock)
    engine.run("reveal")
    for seconds in (0.5, 3.0):
        clock.advance(seconds)
        assert engine.run("next").kind == "held"
        assert engine.run("previous").kind == "held"
        assert engine.run("goto", 1).kind == "held"
    assert engine.run("blackout").ok
    assert engine.run("freeze").ok
    assert engine.state.blackout == "black"
    assert engine.state.frozen
    clock.advance(1)
    assert engine.run("next").ok
    assert engine.state.cue_index == WINNER


def test_reveal_held_while_stage_frozen(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine()
    at_suspense(engine, clock)
    engine.run("freeze")
    assert engine.run("reveal").kind == "held"
    engine.run("freeze")
    assert engine.run("reveal").ok


def test_previous_out_of_a_revealed_winner_needs_confirmation(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine()
    at_suspense(engine, clock)
    engine.run("reveal")
    clock.advance(5)
    engine.run("next")
    clock.advance(5)
    assert engine.run("previous").kind == "needs_confirmation"
    assert engine.state.cue_index == WINNER
    assert engine.state.pending is not None
    assert engine.run("escape").ok
    assert engine.state.pending is None
    # a second identical press confirms, but not a bounce
    assert engine.run("previous").kind == "needs_confirmation"
    clock.advance(0.05)
    assert engine.run("previous").kind == "ignored"
    assert engine.state.cue_index == WINNER
    clock.advance(1)
    assert engine.run("previous").ok
    assert engine.state.cue_index == REVEAL
    assert engine.state.revealed == {"k": "b"}


def test_confirm_command_and_expiry(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine()
    at_suspense(engine, clock)
    engine.run("reveal")
    clock.advance(5)
    engine.run("next")
    clock.advance(5)
    engine.run("next")
    assert engine.state.cue_index == OUTRO
    clock.advance(5)
    assert engine.run("goto", 1).kind == "needs_confirmation"  # back past a revealed reveal
    assert engine.run("confirm").ok
    assert engine.state.cue_index == 0
    engine.run("last")
    clock.advance(5)
    assert engine.run("previous").kind == "needs_confirmation"
    clock.advance(CONFIRM_WINDOW + 1)
    assert engine.run("confirm").kind == "ignored"
    assert engine.state.cue_index == OUTRO


def test_revealed_class_stays_revealed_until_reset(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine()
    at_suspense(engine, clock)
    engine.run("reveal")
    clock.advance(5)
    engine.run("goto", "intro")
    engine.run("confirm")
    walk_to(engine, clock, SUSPENSE)
    assert engine.run("reveal").kind == "ignored"
    assert engine.state.revealed == {"k": "b"}
    assert engine.run("reset_reveal").kind == "needs_confirmation"
    assert engine.state.revealed == {"k": "b"}
    assert engine.run("confirm").ok
    assert engine.state.revealed == {}
    assert engine.run("reveal").ok


def test_reset_while_on_winner_moves_to_lineup(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine()
    at_suspense(engine, clock)
    engine.run("reveal")
    clock.advance(5)
    engine.run("next")
    engine.run("reset_reveal", "k")
    engine.run("confirm")
    assert engine.state.cue_index == R_LINEUP
    assert winners_for_render(engine.state, engine.cues[WINNER]) == {}


def test_live_class_needs_a_confirmed_pick(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine(tiny_script(winner="live"))
    at_suspense(engine, clock)
    clock.advance(10)
    outcome = engine.run("next")
    assert outcome.kind == "held"
    assert outcome.message == "pick the winner first"
    assert engine.run("pick_winner", 4).kind == "error"
    assert engine.run("pick_winner", 3).ok
    assert engine.run("reveal").kind == "held"
    assert engine.run("confirm_pick").ok
    assert engine.state.cue_index == SUSPENSE  # a live confirm does not fire by itself
    assert engine.run("reveal").ok
    assert engine.state.revealed == {"k": "c"}
    assert engine.run("pick_winner", 1).kind == "held"  # during the animation


def test_preset_class_ignores_picks(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine()
    at_suspense(engine, clock)
    assert engine.run("pick_winner", 1).kind == "ignored"


def test_confirm_match_fires(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine(tiny_script(confirm=True))
    at_suspense(engine, clock)
    assert engine.run("reveal").message == "pick the winner first"
    engine.run("pick_winner", 2)
    assert engine.run("confirm_pick").ok
    assert engine.state.cue_index == REVEAL
    assert engine.state.revealed == {"k": "b"}


@pytest.mark.parametrize(("choice", "winner"), [("choose_script_winner", "b"), ("choose_read_winner", "a")])
def test_confirm_mismatch_offers_a_choice(make_engine: Make, clock: FakeClock, choice: str, winner: str) -> None:
    engine = make_engine(tiny_script(confirm=True))
    at_suspense(engine, clock)
    engine.run("pick_winner", 1)
    assert engine.run("confirm_pick").kind == "needs_confirmation"
    pending = engine.state.pending
    assert pending is not None
    assert (pending.kind, pending.script_winner, pending.read_winner) == ("mismatch", "b", "a")
    assert engine.available(choice)
    assert engine.run("reveal").kind == "held"
    clock.advance(60)  # a mismatch waits for a decision; it does not expire
    assert engine.run(choice).ok
    assert engine.state.revealed == {"k": winner}
    assert engine.state.cue_index == REVEAL


def test_escape_cancels_a_mismatch_and_the_pick(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine(tiny_script(confirm=True))
    at_suspense(engine, clock)
    engine.run("pick_winner", 1)
    engine.run("confirm_pick")
    engine.run("escape")
    assert engine.state.pending is None
    assert engine.state.live_picks == {}
    assert engine.run("choose_read_winner").kind == "ignored"


def test_rehearsal_uses_stand_in_and_keeps_real_results_clean(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine(rehearsal=True, stand_in="c")
    at_suspense(engine, clock)
    engine.run("reveal")
    assert engine.state.revealed == {}
    assert engine.state.rehearsal_revealed == {"k": "c"}
    assert winners_for_render(engine.state, engine.cues[REVEAL]) == {"k": "c"}
    clock.advance(5)
    assert engine.run("rehearsal").kind == "needs_confirmation"
    assert engine.run("confirm").ok
    state = engine.state
    assert (state.rehearsal, state.started, state.cue_index, state.revealed) == (False, False, 0, {})
    assert state.rehearsal_times
    assert winners_for_render(state, engine.cues[REVEAL]) == {}


def test_rehearsal_only_before_the_show_starts(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine()
    assert engine.run("rehearsal").ok
    assert engine.run("rehearsal").ok
    assert not engine.state.rehearsal
    clock.advance(5)
    engine.run("next")
    assert engine.run("rehearsal").kind == "ignored"
    assert not engine.state.rehearsal


def test_random_stand_ins_are_seeded_and_blind_to_the_winner(slides: LoadedScript) -> None:
    show = Show.from_script(slides.script)
    other = Show.from_script(
        replace(slides.script, classes=[replace(c, winner=c.nominee_ids[0]) for c in slides.script.classes])
    )
    assert [r.winner for r in other.classes.values()] != [r.winner for r in show.classes.values()]
    seen: dict[str, set[str]] = {c: set() for c in show.classes}
    for seed in range(40):
        chosen, problems = choose_stand_ins(show.classes, None, seed)
        assert problems == []
        assert chosen == choose_stand_ins(show.classes, "random", seed)[0]
        assert chosen == choose_stand_ins(other.classes, None, seed)[0]  # the winner plays no part
        for class_id, nominee in chosen.items():
            seen[class_id].add(nominee)
    # Every nominee stands in for some seed, the real winner too: skipping it would name it by elimination.
    assert seen == {c: set(rule.nominees) for c, rule in show.classes.items()}
    assert choose_stand_ins(show.classes, "kvitsoy") == (
        {**choose_stand_ins(show.classes)[0], "under-15000": "kvitsoy"},
        [],
    )
    _, problems = choose_stand_ins(show.classes, {"nope": "x"})
    assert problems


def test_a_winner_is_keyed_in_only_at_its_suspense(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine(tiny_script(confirm=True))
    for index in (0, R_LINEUP):  # the walk-in, the line-up: a pick there would be an early winner oracle
        walk_to(engine, clock, index)
        assert not engine.available("pick_winner")
        outcome = engine.run("pick_winner", 2)
        assert (outcome.kind, outcome.message) == ("ignored", NOT_AT_SUSPENSE)
        assert engine.state.live_picks == {}
        assert engine.run("confirm_pick").kind == "ignored"
    at_suspense(engine, clock)
    assert engine.available("pick_winner")
    assert engine.run("pick_winner", 2).ok


@pytest.mark.parametrize("number", [1, 2])
def test_confirm_on_a_frozen_stage_is_refused_before_comparing(
    make_engine: Make, clock: FakeClock, number: int
) -> None:
    engine = make_engine(tiny_script(confirm=True))
    at_suspense(engine, clock)
    engine.run("freeze")
    engine.run("pick_winner", number)  # 2 is the script's winner, 1 is not: the answer is the same
    outcome = engine.run("confirm_pick")
    assert (outcome.kind, outcome.message) == ("held", "the stage is frozen: unfreeze before confirming the winner")
    assert engine.state.pending is None
    assert engine.state.confirmed_picks == {}


def test_winners_for_render_only_on_naming_cues(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine()
    at_suspense(engine, clock)
    engine.run("reveal")
    for cue in engine.cues:
        expected = {"k": "b"} if cue.step in ("reveal", "winner") else {}
        assert winners_for_render(engine.state, cue) == expected


def test_preview_shows_winners_only_when_switched_on(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine()
    reveal_cue = engine.cues[REVEAL]
    assert winners_for_preview(engine.state, reveal_cue) == {}
    assert winners_for_render(engine.state, reveal_cue) == {}
    engine.run("show_winners_in_preview")
    assert winners_for_preview(engine.state, reveal_cue) == {"k": "b"}
    assert winners_for_preview(engine.state, engine.cues[SUSPENSE]) == {}
    assert winners_for_render(engine.state, reveal_cue) == {}
    on = make_engine(tiny_script(show_winners_in_preview=True))
    assert on.winners_for_preview(reveal_cue) == {"k": "b"}


def test_rehearsal_envelope_check_compares_with_the_stand_in(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine(tiny_script(confirm=True), rehearsal=True, stand_in="a")
    at_suspense(engine, clock)
    engine.run("pick_winner", 2)  # the real winner's number: a mismatch in rehearsal
    assert engine.run("confirm_pick").kind == "needs_confirmation"
    engine.run("pick_winner", 1)
    assert engine.run("confirm_pick").ok
    assert engine.state.rehearsal_revealed == {"k": "a"}
    assert engine.state.revealed == {}
