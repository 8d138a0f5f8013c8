"""Random command sequences with random clock steps: nothing raises and the show's safety rules always hold."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ceremony.script.loader import load_script
from ceremony.script.model import Script, as_data
from ceremony.script.validate import validate_script
from ceremony.show.engine import apply, initial_state, reload_state
from ceremony.show.state import BLACKOUT_VALUES, Show, ShowState
from ceremony.show.winners import winners_for_preview, winners_for_render

from .conftest import tiny_script

SLIDES = load_script(Path(__file__).resolve().parents[2] / "slides.yaml").script


def _variant(script: Script) -> Script:
    """The same script with the first slide dropped and the first class's last nominee gone: a reload target."""
    data = as_data(script)
    data["slides"] = data["slides"][1:]
    first = data["classes"][0]
    gone = first["nominees"][-1]["id"]
    first["nominees"] = first["nominees"][:-1]
    if first["winner"] == gone:
        first["winner"] = first["nominees"][0]["id"]
    return validate_script(data)


_SCRIPTS = [tiny_script(), tiny_script(winner="live"), tiny_script(confirm=True), SLIDES]
PAIRS = [(Show.from_script(s), Show.from_script(_variant(s))) for s in _SCRIPTS]

COMMANDS = [
    "next",
    "next",
    "next",
    "next",
    "next",
    "previous",
    "previous",
    "goto",
    "first",
    "last",
    "blackout",
    "whiteout",
    "freeze",
    "reveal",
    "reveal",
    "pick_winner",
    "confirm_pick",
    "choose_script_winner",
    "choose_read_winner",
    "confirm",
    "escape",
    "reset_reveal",
    "rehearsal",
    "start_show",
    "show_winners_in_preview",
    "help",
    "reload",
]
ARGS = [
    None,
    None,
    1,
    2,
    3,
    4,
    9,
    27,
    "k",
    "under-15000",
    "reveal-k/winner",
    "reveal-under-15000/reveal",
    "reveal-over-15000/winner",
    "outro",
    "closing",
    "nope",
    "0",
]
DTS = [0.0, 0.05, 0.2, 0.31, 0.7, 1.0, 2.5, 4.5, 6.0, 30.0]

step = st.tuples(st.sampled_from(COMMANDS), st.sampled_from(ARGS), st.sampled_from(DTS), st.booleans())


@dataclass
class Run:
    state: ShowState
    now: float


def check(old: ShowState, new: ShowState, command: str) -> None:
    cues = new.show.cues
    assert 0 <= new.cue_index < len(cues)
    assert new.blackout in BLACKOUT_VALUES
    if new.frozen:
        assert new.frozen_cue_index is not None
        assert 0 <= new.frozen_cue_index < len(cues)
    else:
        assert new.frozen_cue_index is None
    same_show = new.show is old.show
    if same_show and command not in ("reset_reveal", "confirm"):
        assert old.revealed.items() <= new.revealed.items(), "a real result was lost"
        if command != "rehearsal":
            assert old.rehearsal_revealed.items() <= new.rehearsal_revealed.items()
    if same_show and new.cue_index != old.cue_index:
        cue = new.cue
        if cue.step == "reveal" and not old.is_revealed(cue.class_id):
            before = old.cue
            assert (before.step, before.class_id, before.index) == ("suspense", cue.class_id, cue.index - 1)
    if same_show:
        gained = set(new.results) - set(old.results) if new.rehearsal == old.rehearsal else set()
        for class_id in gained:
            assert (new.cue.step, new.cue.class_id) == ("reveal", class_id)
            assert (old.cue.step, old.cue.class_id) == ("suspense", class_id)
    if not new.rehearsal:
        assert not (set(new.rehearsal_revealed) - set(old.rehearsal_revealed)), "rehearsal result outside rehearsal"
    else:
        assert not (set(new.revealed) - set(old.revealed)), "real result recorded in rehearsal"
    for c in cues:
        shown = winners_for_render(new, c)
        if not c.names_winner or not new.is_revealed(c.class_id):
            assert shown == {}
        else:
            assert shown == {c.class_id: new.results[c.class_id]}
        if not new.show_winners_in_preview or not c.names_winner:
            assert winners_for_preview(new, c) == {}
    # a names-winner cue on stage always belongs to a revealed class
    for index in {new.cue_index, new.stage_cue_index}:
        if cues[index].names_winner:
            assert new.is_revealed(cues[index].class_id)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pair=st.sampled_from(PAIRS),
    rehearsal=st.booleans(),
    seed=st.integers(0, 3),
    steps=st.lists(step, max_size=60),
)
def test_random_command_sequences_keep_the_show_safe(
    pair: tuple[Show, Show], rehearsal: bool, seed: int, steps: list[tuple[str, object, float, bool]]
) -> None:
    run = Run(initial_state(pair[0], 100.0, rehearsal=rehearsal, seed=seed), 100.0)
    for command, arg, dt, auto_repeat in steps:
        run.now += dt
        old = run.state
        if command == "reload":
            target = pair[1] if old.show is pair[0] else pair[0]
            new = reload_state(old, target, run.now)
        else:
            assert arg is None or isinstance(arg, int | str)
            new, outcome = apply(old, command, run.now, arg, auto_repeat=auto_repeat)
            assert outcome.command == command
            assert outcome.kind in ("ok", "ignored", "held", "needs_confirmation", "error")
            if outcome.kind != "ok":
                assert outcome.message
        check(old, new, command)
        run.state = new
