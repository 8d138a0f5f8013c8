"""The media commands as pure state: pause, restart, panic, volume, and a film's end moving the show on."""

from __future__ import annotations

from collections.abc import Callable

from ceremony.script.validate import validate_script
from ceremony.show.commands import REGISTRY
from ceremony.show.engine import Engine

from .conftest import FakeClock

CUT = {"type": "cut"}


def film_script():  # type: ignore[no-untyped-def]
    nominees = [{"id": n, "name": n.upper(), "county": "X", "crest": f"{n}.svg", "tagline": "t"} for n in "ab"]
    return validate_script(
        {
            "event": {"title": "T", "year": 2024},
            "classes": [{"id": "k", "name": "K", "winner": "a", "nominees": nominees}],
            "slides": [
                {"id": "intro", "kind": "title", "transition": CUT},
                {"id": "film", "kind": "video", "video": "film.mp4", "then": "next", "transition": CUT},
                {"kind": "reveal", "class": "k", "transition": CUT},
            ],
        }
    )


def test_pause_toggles_and_a_new_cue_always_plays(make_engine: Callable[..., Engine], clock: FakeClock) -> None:
    engine = make_engine(film_script())
    assert engine.run("media_pause").message == "media paused"
    assert engine.state.media_paused
    assert engine.run("media_pause").message == "media playing"
    engine.run("media_pause")
    clock.advance(1)
    engine.run("next")
    assert not engine.state.media_paused


def test_restart_applies_only_to_a_cue_with_a_film(make_engine: Callable[..., Engine], clock: FakeClock) -> None:
    engine = make_engine(film_script())
    assert not engine.available("media_restart")
    engine.run("next")
    assert engine.state.cue.film and engine.available("media_restart")
    engine.run("media_pause")
    engine.run("media_restart")
    assert engine.state.media_restarts == 1 and not engine.state.media_paused


def test_panic_and_volume(make_engine: Callable[..., Engine], clock: FakeClock) -> None:
    engine = make_engine(film_script())
    outcome = engine.run("sound_panic")
    assert outcome.ok and engine.state.panic_at == clock.now
    for _ in range(5):
        engine.run("volume_up")
    assert engine.state.volume_db == 6.0
    assert engine.run("volume_up").kind == "ignored"
    engine.run("volume_down")
    assert engine.state.volume_db == 3.0


def test_a_films_end_moves_on_only_from_its_own_cue(make_engine: Callable[..., Engine], clock: FakeClock) -> None:
    engine = make_engine(film_script())
    engine.run("next")
    clock.advance(5)
    assert engine.run("media_ended", "intro").kind == "ignored"  # a late report from a cue already left
    assert engine.state.cue.id == "film"
    assert engine.run("media_ended", "film").ok
    assert engine.state.cue.id.endswith("/lineup")
    assert engine.run("media_ended", "film").kind == "ignored"  # the same end reported twice moves once


def test_a_films_end_never_walks_into_an_unrevealed_winner(
    make_engine: Callable[..., Engine], clock: FakeClock
) -> None:
    engine = make_engine(film_script())
    for _ in range(2):
        clock.advance(1)
        engine.run("next")
    clock.advance(1)
    engine.run("next")  # to the suspense
    assert engine.state.cue.step == "suspense"
    assert engine.run("media_ended", engine.state.cue.id).kind == "held"


def test_the_remote_may_not_end_a_film_and_panic_wins_shift_esc() -> None:
    assert not REGISTRY["media_ended"].is_remote
    assert REGISTRY["sound_panic"].is_remote
    assert REGISTRY["sound_panic"].keys == ("Shift+Esc",)
    assert REGISTRY["sound_panic"].precedence > max(c.precedence for c in REGISTRY if "Esc" in c.keys)
