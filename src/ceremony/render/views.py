"""What a cue shows, resolved: which composition, what moves on top, and the key of its still picture.

Pure and Qt-free (the script model and the cues only), so the question "what does this cue show, for
this winner" is answered and tested without drawing anything. compose.py turns a View into a placed
layout; the renderer draws it.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Literal

from ceremony.script.model import CountdownSlide, ImageSlide, QuoteSlide, Script, TextSlide, TitleSlide, VideoSlide
from ceremony.show.cues import Cue

Composition = Literal[
    "stage",
    "black",
    "countdown",
    "title",
    "quote",
    "text",
    "image",
    "class_intro",
    "nominee",
    "lineup",
    "winner",
    "film",
]
Motion = Literal["countdown", "suspense", "reveal"]

_SLIDE_COMPOSITIONS: tuple[tuple[type, Composition], ...] = (
    (CountdownSlide, "countdown"),
    (TitleSlide, "title"),
    (QuoteSlide, "quote"),
    (TextSlide, "text"),
    (ImageSlide, "image"),
)


@dataclass(frozen=True, slots=True)
class View:
    """A cue resolved for a winner (or none): two views with the same key show the same still picture."""

    key: Hashable
    composition: Composition
    motion: Motion | None = None
    """What is drawn over the still picture each frame: the walk-in clock, the suspense, the reveal."""
    class_id: str | None = None
    winner: str | None = None
    slide_index: int | None = None
    nominee_id: str | None = None
    shown: int | None = None
    """A line-up's visible nominees."""
    film: bool = False
    """A film plays as this picture (a video cue) or behind it (a title or countdown): the frame's film picture
    is drawn first, letterboxed, and the still picture's items over it without their backdrop."""


def resolve(script: Script, cue: Cue, winner: str | None) -> View:
    """The view of cue; winner counts only where the cue names one and the winner is a nominee of its class."""
    award_class = script.award_class(cue.class_id) if cue.class_id else None
    if cue.kind in ("lineup", "reveal") and award_class is not None:
        if winner is not None and (not cue.names_winner or winner not in award_class.nominee_ids):
            winner = None
        n = len(award_class.nominees)
        shown = cue.shown if cue.kind == "lineup" and cue.shown is not None else n
        lineup = View(("lineup", award_class.id, min(shown, n)), "lineup", None, award_class.id, shown=min(shown, n))
        if cue.step == "suspense":
            return View(lineup.key, "lineup", "suspense", award_class.id, shown=lineup.shown)
        if cue.kind == "lineup" or winner is None or cue.step == "lineup":
            return lineup
        if cue.step == "reveal":
            return View(("stage",), "stage", "reveal", award_class.id, winner)
        return View(("winner", award_class.id, winner), "winner", None, award_class.id, winner)
    if cue.kind == "class_intro" and award_class is not None:
        return View(("cue", cue.id), "class_intro", class_id=award_class.id)
    if cue.kind == "nominee" and cue.nominee_id and script.find_nominee(cue.nominee_id):
        return View(("cue", cue.id), "nominee", nominee_id=cue.nominee_id)
    slide = script.slides[cue.slide_index]
    if isinstance(slide, VideoSlide):
        return View(("film",), "film", film=True)
    for kind, composition in _SLIDE_COMPOSITIONS:
        if isinstance(slide, kind):
            motion: Motion | None = "countdown" if composition == "countdown" else None
            behind = getattr(slide, "video", None) is not None
            return View(("cue", cue.id), composition, motion, slide_index=cue.slide_index, film=behind)
    if cue.kind == "black":
        return View(("black",), "black")
    return View(("stage",), "stage")
