"""The host's confidence view as data: what comes next, who to name, the notes, the clocks, the message —
and never a winner before its reveal."""

from __future__ import annotations

from dataclasses import asdict, replace

import pytest

from ceremony.script.loader import LoadedScript
from ceremony.script.model import Script
from ceremony.show.confidence import confidence_view
from ceremony.show.engine import Engine

from .conftest import FakeClock, tiny_script


def _with_winners(script: Script, **winners: str) -> Script:
    return replace(
        script, classes=[replace(c, winner=winners.get(c.id.replace("-", "_"), c.winner)) for c in script.classes]
    )


def _walk(engine: Engine, clock: FakeClock) -> list[dict[str, object]]:
    """Every cue of the show, next by next (reveals fired when their suspense has run): each cue's view."""
    views = []
    while True:
        views.append(asdict(confidence_view(engine.script, engine.state, clock())))
        views[-1]["revealed"] = dict(engine.state.revealed)
        if engine.state.cue_index == len(engine.cues) - 1:
            return views
        clock.advance(8)
        assert engine.run("next").ok, engine.state.cue.id


@pytest.mark.parametrize(("class_id", "other"), [("under_15000", "notodden"), ("over_15000", "asker")])
def test_nothing_depends_on_the_winner_before_its_reveal(slides: LoadedScript, class_id: str, other: str) -> None:
    """Two shows that differ only in one class's winner look the same to the host until that reveal."""
    clocks = FakeClock(), FakeClock()
    real = Engine(None, slides.script, clock=clocks[0])
    fake = Engine(None, _with_winners(slides.script, **{class_id: other}), clock=clocks[1])
    compared = 0
    for a, b in zip(_walk(real, clocks[0]), _walk(fake, clocks[1]), strict=True):
        if class_id.replace("_", "-") in a["revealed"]:
            break
        assert a == b
        compared += 1
    assert compared > 10  # the walk reached the reveal's suspense, not just the first cue


def test_the_names_to_say_next(slides: LoadedScript, clock: FakeClock) -> None:
    engine = Engine(None, slides.script, clock=clock)
    seen = {}
    for view in _walk(engine, clock):
        seen.setdefault(view["next_title"], view["next_names"])
    assert seen["NHO om kåringen"] == ("Ole Erik Almlid",)
    assert seen["Hamarøy"] == ("Hamarøy",)
    assert seen["Klassen under 15 000 innbyggere"] == ("Notodden", "Hamarøy", "Kvitsøy")
    assert seen["De nominerte under 15 000 innbyggere"] == ("Notodden",)  # a building line-up: one a click
    assert seen["Vinneren under 15 000 innbyggere"] == ("Notodden", "Hamarøy", "Kvitsøy")


def test_a_winner_is_named_only_once_revealed(slides: LoadedScript, clock: FakeClock) -> None:
    engine = Engine(None, slides.script, clock=clock)
    engine.run("goto", "reveal-under-15000/suspense")
    view = confidence_view(slides.script, engine.state, clock())
    assert view.next_title == "Vinneren under 15 000 innbyggere"
    assert view.next_names == ()  # the reveal step is next, its winner unknown to the host
    clock.advance(6)
    engine.run("next")  # the reveal fires
    view = confidence_view(slides.script, engine.state, clock())
    assert view.next_names == ("Kvitsøy",)


def test_texts_naming_a_nominee_are_held_back_on_an_unrevealed_reveal() -> None:
    script = tiny_script()
    reveal = next(i for i, s in enumerate(script.slides) if getattr(s, "kind", "") == "reveal")
    slides = list(script.slides)
    slides[reveal] = replace(slides[reveal], host="Takk, B!", say="Si: «Og vinneren er … B»")
    engine = Engine(None, replace(script, slides=slides), clock=FakeClock())
    engine.run("goto", "reveal-k/suspense")
    view = confidence_view(engine.script, engine.state, 1000.0)
    assert (view.host_notes, view.say) == ("(skjult til avsløringen)", "(skjult til avsløringen)")
    english = replace(engine.script, language="en")
    view = confidence_view(english, engine.state, 1000.0)
    assert (view.host_notes, view.say) == ("(hidden until the reveal)", "(hidden until the reveal)")


def test_host_text_pages_with_the_slide_s_clicks(clock: FakeClock) -> None:
    script = tiny_script()
    slides = list(script.slides)
    slides[2] = replace(slides[2], host=["Line-up: name all three.", "Drumroll: wait for the envelope."])
    engine = Engine(None, replace(script, slides=slides), clock=clock)
    engine.run("goto", "reveal-k/lineup")
    assert confidence_view(engine.script, engine.state, clock()).host_notes == "Line-up: name all three."
    assert confidence_view(engine.script, engine.state, clock()).page == (1, 2)
    clock.advance(1)
    engine.run("next")
    view = confidence_view(engine.script, engine.state, clock())
    assert (view.host_notes, view.page) == ("Drumroll: wait for the envelope.", (2, 2))


def test_notes_fall_back_to_their_opening(slides: LoadedScript, clock: FakeClock) -> None:
    engine = Engine(None, slides.script, clock=clock)
    engine.run("goto", "nominee-notodden")
    view = confidence_view(slides.script, engine.state, clock())
    assert view.host_notes.startswith("Notodden kommune har organisert næringsarbeidet")
    assert len(view.host_notes) <= 280
    assert view.host_notes.endswith(".")


def test_stage_state_clocks_and_messages(slides: LoadedScript, clock: FakeClock) -> None:
    engine = Engine(None, slides.script, clock=clock)
    view = confidence_view(slides.script, engine.state, clock())
    assert (view.stage_state, view.started, view.show_left) == (None, False, view.show_left)
    assert view.show_left is not None and view.show_left > 15 * 60  # the whole plan, before the start
    engine.run("blackout")
    assert confidence_view(slides.script, engine.state, clock()).stage_state == "SVART"
    engine.run("blackout")
    engine.run("freeze")
    assert confidence_view(slides.script, engine.state, clock()).stage_state == "FRYST"
    assert engine.run("send_message", "Strekk 30 s").ok
    clock.advance(3)
    view = confidence_view(slides.script, engine.state, clock())
    assert (view.message, view.message_age, view.countdown) == ("Strekk 30 s", 3.0, None)
    assert engine.run("send_message", "30 s").ok
    clock.advance(12)
    assert confidence_view(slides.script, engine.state, clock()).countdown == 18.0
    clock.advance(60)
    assert confidence_view(slides.script, engine.state, clock()).countdown == 0.0
    assert engine.run("clear_message").ok
    assert confidence_view(slides.script, engine.state, clock()).message is None
    log = engine.state.message_log
    assert [(m.text, m.cleared_at is not None) for m in log] == [("Strekk 30 s", True), ("30 s", True)]


def test_bad_messages_are_refused(slides: LoadedScript) -> None:
    engine = Engine(None, slides.script, clock=FakeClock())
    assert engine.run("send_message", "   ").kind == "error"
    assert engine.run("send_message", "x" * 81).kind == "error"
    assert engine.run("clear_message").kind == "ignored"
    assert engine.state.message is None
