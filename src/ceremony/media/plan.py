"""The media rules of a show, as data: which film and sound each cue has, what to prepare ahead, and what
happens to the sound when the show moves (QLab's cue behaviour, reduced to what an award show needs).

A slide's ``audio`` starts when the show enters the slide from another one and fades out (by its own
``fade_out``) when the show leaves it, unless ``continue`` lets it run under the following slides until
one sets other sound or ``audio: stop``. A film belongs to its cue: it starts with it and stops when
the show leaves it. Pure functions, tested without Qt or sound.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ceremony.script.model import (
    AudioCue,
    CountdownSlide,
    RevealSlide,
    Script,
    TitleSlide,
    VideoSlide,
)
from ceremony.show.cues import Cue

Then = Literal["hold", "next", "black"]
STING_STEPS = ("suspense", "reveal", "winner")
#: Seconds a film's sound takes to go when the show leaves its cue (short: the next cue has the floor).
FILM_FADE = 0.3
#: Seconds the drumroll takes to stop when the suspense is left.
STING_FADE = 0.2


@dataclass(frozen=True, slots=True)
class Film:
    """A film a cue plays: on the whole stage (``kind: video``) or behind a title or countdown."""

    file: str
    start: float = 0.0
    end: float | None = None
    loop: bool = False
    volume: float = 1.0
    then: Then = "hold"
    poster: str | None = None
    background: bool = False


@dataclass(frozen=True, slots=True)
class Sound:
    """A slide's sound (its ``audio:``): where it came from, and how it plays and goes."""

    slide_index: int
    files: tuple[str, ...]
    volume: float = 1.0
    loop: bool = False
    fade_in: float = 0.0
    fade_out: float = 1.0
    continues: bool = False

    @property
    def name(self) -> str:
        """Its voice's name in the mixer (one bed per slide)."""
        return f"bed:{self.slide_index}"


def film_of(script: Script, cue: Cue) -> Film | None:
    """The film cue plays, if any."""
    slide = _slide(script, cue)
    if isinstance(slide, VideoSlide):
        return Film(
            slide.video, slide.start, slide.end, slide.loop, slide.volume, slide.then, slide.poster, background=False
        )
    if isinstance(slide, TitleSlide | CountdownSlide) and slide.video is not None:
        ref = slide.video
        return Film(ref.file, ref.start, ref.end, ref.loop, ref.volume, background=True)
    return None


def sound_of(script: Script, slide_index: int) -> Sound | Literal["stop"] | None:
    """What a slide says about sound: its own, 'stop', or nothing."""
    slide = script.slides[slide_index] if 0 <= slide_index < len(script.slides) else None
    audio = None if slide is None else slide.audio
    if isinstance(audio, AudioCue):
        return Sound(
            slide_index,
            tuple(audio.files),
            audio.volume,
            audio.loop,
            audio.fade_in,
            audio.fade_out,
            audio.continue_,
        )
    return "stop" if audio == "stop" else None


def sting_of(script: Script, cue: Cue) -> str | None:
    """The reveal step whose sound cue starts ('suspense', 'reveal', 'winner'), if the slide plays sound."""
    slide = _slide(script, cue)
    if not isinstance(slide, RevealSlide) or not slide.sound or cue.step not in STING_STEPS:
        return None
    return cue.step


def sting_files(script: Script, cue: Cue) -> dict[str, str]:
    """The script's own files for a reveal's steps (``sounds:``); the built-in ones fill the rest."""
    slide = _slide(script, cue)
    if not isinstance(slide, RevealSlide) or slide.sounds is None:
        return {}
    return {step: name for step in STING_STEPS if (name := getattr(slide.sounds, step))}


def _slide(script: Script, cue: Cue) -> object:
    return script.slides[cue.slide_index] if 0 <= cue.slide_index < len(script.slides) else None


# ---------------------------------------------------------------- moving


@dataclass(frozen=True, slots=True)
class FadeOut:
    """Fade a voice to silence over ``seconds`` and drop it."""

    voice: str
    seconds: float


@dataclass(frozen=True, slots=True)
class StartSound:
    sound: Sound


@dataclass(frozen=True, slots=True)
class StartFilm:
    cue_index: int
    film: Film


@dataclass(frozen=True, slots=True)
class StopFilm:
    cue_index: int


@dataclass(frozen=True, slots=True)
class PlaySting:
    step: str


Action = FadeOut | StartSound | StartFilm | StopFilm | PlaySting


def on_move(script: Script, old: Cue | None, new: Cue, bed: Sound | None) -> list[Action]:
    """What the sound and films do when the show moves from ``old`` to ``new`` with ``bed`` playing."""
    actions: list[Action] = []
    if old is not None and old.index != new.index:
        if film_of(script, old) is not None:
            actions.append(StopFilm(old.index))
        if old.step == "suspense" and sting_of(script, old) and new.step != "suspense":
            actions.append(FadeOut("sting:suspense", STING_FADE))
    new_slide = old is None or old.slide_index != new.slide_index
    if new_slide:
        own = sound_of(script, new.slide_index)
        if bed is not None and (own is not None or not bed.continues):
            actions.append(FadeOut(bed.name, bed.fade_out))
        if isinstance(own, Sound):
            actions.append(StartSound(own))
    film = film_of(script, new)
    if film is not None and (old is None or old.index != new.index):
        actions.append(StartFilm(new.index, film))
    sting = sting_of(script, new)
    if sting is not None and (old is None or old.index != new.index):
        actions.append(PlaySting(sting))
    return actions


def to_prepare(cues: Sequence[Cue], index: int, script: Script) -> list[int]:
    """The cues whose films should be ready while cue ``index`` is on: the next, then the previous."""
    return [i for i in (index + 1, index - 1) if 0 <= i < len(cues) and film_of(script, cues[i]) is not None]


def sound_files(script: Script, cue: Cue) -> list[str]:
    """Every sound file cue may start (its slide's audio and its reveal sting), to decode ahead."""
    own = sound_of(script, cue.slide_index)
    files = list(own.files) if isinstance(own, Sound) else []
    step = sting_of(script, cue)
    if step is not None:
        files += [name for s, name in sting_files(script, cue).items() if s == step]
    return files
