"""The media rules as data: which sound starts, which fades, what stays, what is prepared ahead."""

from __future__ import annotations

import itertools
from typing import Any

from ceremony.media.plan import (
    FILM_FADE,
    FadeOut,
    Film,
    PlaySting,
    StartFilm,
    StartSound,
    StopFilm,
    film_of,
    on_move,
    sound_files,
    sound_of,
    to_prepare,
)
from ceremony.script.model import Script
from ceremony.script.validate import validate_script
from ceremony.show.cues import Cue, build_cues

CUT = {"type": "cut"}


def script(*slides: dict[str, Any]) -> tuple[Script, list[Cue]]:
    nominees = [{"id": n, "name": n.upper(), "county": "X", "crest": f"{n}.svg", "tagline": "t"} for n in "ab"]
    made = validate_script(
        {
            "event": {"title": "T", "year": 2024},
            "classes": [{"id": "k", "name": "K", "winner": "a", "nominees": nominees}],
            "slides": [{**s, "transition": CUT} for s in slides],
        }
    )
    return made, build_cues(made)


WALK_IN = {"kind": "countdown", "until": "19:00", "audio": {"file": "walkin.mp3", "loop": True, "fade_out": 2}}


def test_a_bed_starts_with_its_slide_and_fades_by_its_own_fade_out_when_the_show_leaves() -> None:
    s, cues = script(WALK_IN, {"kind": "title"})
    (start,) = on_move(s, None, cues[0], None)
    assert isinstance(start, StartSound) and start.sound.files == ("walkin.mp3",) and start.sound.loop
    assert on_move(s, cues[0], cues[1], start.sound) == [FadeOut("bed:0", 2.0)]


def test_continue_runs_under_the_next_slides_until_one_brings_its_own_sound_or_stop() -> None:
    s, cues = script(
        {"kind": "title", "audio": {"file": "theme.mp3", "continue": True}},
        {"kind": "text", "title": "A"},
        {"kind": "text", "title": "B", "audio": "sting.wav"},
        {"kind": "text", "title": "C", "audio": "stop"},
    )
    bed = sound_of(s, 0)
    assert not isinstance(bed, str) and bed is not None
    assert on_move(s, cues[0], cues[1], bed) == []
    actions = on_move(s, cues[1], cues[2], bed)
    assert actions[0] == FadeOut("bed:0", 1.0)
    assert isinstance(actions[1], StartSound) and actions[1].sound.files == ("sting.wav",)
    assert on_move(s, cues[2], cues[3], actions[1].sound) == [FadeOut("bed:2", 1.0)]


def test_a_film_starts_with_its_cue_stops_when_left_and_the_next_ones_are_prepared() -> None:
    s, cues = script(
        {"kind": "title"},
        {"kind": "video", "video": "film.mp4", "then": "next", "start": 2, "volume": 0.8},
        {"kind": "title", "video": "loop.mp4"},
    )
    assert film_of(s, cues[1]) == Film("film.mp4", 2.0, None, False, 0.8, "next")
    assert film_of(s, cues[2]) == Film("loop.mp4", loop=True, background=True)
    assert on_move(s, cues[0], cues[1], None) == [StartFilm(1, Film("film.mp4", 2.0, None, False, 0.8, "next"))]
    assert on_move(s, cues[1], cues[2], None) == [StopFilm(1), StartFilm(2, film_of(s, cues[2]))]  # type: ignore[arg-type]
    assert to_prepare(cues, 0, s) == [1]
    assert to_prepare(cues, 1, s) == [2]
    assert to_prepare(cues, 2, s) == [1]
    assert FILM_FADE < 1


def test_the_reveal_plays_a_sting_per_step_and_stops_the_drumroll_when_the_suspense_is_left() -> None:
    s, cues = script({"kind": "reveal", "class": "k", "sounds": {"winner": "applause.wav"}})
    lineup, suspense, reveal, winner = cues
    assert on_move(s, lineup, suspense, None) == [PlaySting("suspense")]
    assert on_move(s, suspense, reveal, None) == [FadeOut("sting:suspense", 0.2), PlaySting("reveal")]
    assert on_move(s, reveal, winner, None) == [PlaySting("winner")]
    assert sound_files(s, winner) == ["applause.wav"]


def test_a_silent_reveal_plays_no_sting() -> None:
    s, cues = script({"kind": "reveal", "class": "k", "sound": False})
    assert on_move(s, cues[0], cues[1], None) == []


def test_the_stings_are_the_same_whoever_wins() -> None:
    """Never a spoiler: what a reveal plays (and so what is decoded ahead) does not depend on the winner."""
    plays = []
    for winner in "ab":
        made = validate_script(
            {
                "event": {"title": "T", "year": 2024},
                "classes": [
                    {
                        "id": "k",
                        "name": "K",
                        "winner": winner,
                        "nominees": [
                            {"id": n, "name": n, "county": "X", "crest": f"{n}.svg", "tagline": "t"} for n in "ab"
                        ],
                    }
                ],
                "slides": [{"kind": "reveal", "class": "k", "sounds": {"reveal": "r.wav"}}],
            }
        )
        cues = build_cues(made)
        plays.append([(on_move(made, a, b, None), sound_files(made, b)) for a, b in itertools.pairwise(cues)])
    assert plays[0] == plays[1]
