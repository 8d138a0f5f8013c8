"""What the stage shows at one instant: an immutable description the renderer paints."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from ceremony.script.model import CountdownSlide, Script
from ceremony.show.cues import Cue
from ceremony.show.state import Blackout

if TYPE_CHECKING:
    from ceremony.render.film import MediaImage

FRAME_INTERVAL = 1 / 60
"""Seconds between the stage's frames while something moves."""

_EMPTY: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Frame:
    """One stage frame. Everything the picture depends on is here, so painting is a pure function of it."""

    cue: Cue
    t: float = 0.0
    """Seconds since the cue was taken; animations are functions of it."""
    winners: Mapping[str, str] = field(default_factory=lambda: _EMPTY)
    """class id -> winning nominee id; the engine passes a class's winner only for cues that name it."""
    rehearsal: bool = False
    """Draw the script's rehearsal mark ('PRØVE') in a corner."""
    now: dt.datetime | None = None
    """The wall clock for the countdown (None: the current local time)."""
    blackout: Blackout = "none"
    blackout_level: float = 1.0
    """How far the black-/whiteout has faded in (0..1)."""
    outgoing: Frame | None = None
    """The frame being left during a transition."""
    progress: float = 1.0
    """Transition progress 0..1 (1: the transition is over; the cue's transition says how it looks)."""
    media: MediaImage | None = None
    """The cue's film at this moment (its poster before it plays): the whole picture of a video cue, drawn
    letterboxed, or the backdrop of a title or countdown. None: no film, or none ready."""

    def winner(self) -> str | None:
        """The winner this frame may show: only for a cue that names it, never otherwise."""
        if not self.cue.names_winner or self.cue.class_id is None:
            return None
        return self.winners.get(self.cue.class_id)

    @property
    def in_transition(self) -> bool:
        return self.outgoing is not None and self.progress < 1.0 and self.cue.transition.type != "cut"


StageView = Frame


def planned_now(script: Script, cue: Cue) -> dt.datetime | None:
    """The wall clock an export shows cue at: for the walk-in, its planned start (the countdown at its
    full planned length); None for every other cue (their picture does not depend on the time)."""
    slide = script.slides[cue.slide_index]
    if not isinstance(slide, CountdownSlide):
        return None
    day = script.event.date or dt.date.today()
    return dt.datetime.combine(day, slide.until) - dt.timedelta(seconds=slide.duration or 0)


def planned_frame(script: Script, cue: Cue, winners: Mapping[str, str], t: float | None = None) -> Frame:
    """The frame an export draws for cue: at rest (its animation finished; the suspense at its start, as the
    line-up), the walk-in's countdown at its planned length. Never the wall clock: the same PNG, PDF page or
    cue card whenever it is made (the live stage keeps counting down)."""
    at = t if t is not None else (cue.animation if cue.step != "suspense" else 0.0)
    return Frame(cue=cue, t=at, winners=winners, now=planned_now(script, cue))
