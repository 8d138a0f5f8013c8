"""Stable slide ids: given in the script, or derived from what a slide shows.

Cue ids and the saved show position build on these, so a derived id must not
change when unrelated slides are added, moved or edited.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath

from ceremony.script.model import (
    ClassIntroSlide,
    ImageSlide,
    LineupSlide,
    NomineeSlide,
    QuoteSlide,
    RevealSlide,
    SlideBase,
    TextSlide,
    VideoSlide,
)

_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a"})


def slug(text: str, limit: int = 40) -> str:
    """A lower-case ascii id from any text: 'Juryens nominasjoner' -> 'juryens-nominasjoner'."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD)).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return words[:limit].rstrip("-") or "x"


def natural_id(slide: SlideBase) -> str:
    """The id a slide gets when the script gives none."""
    kind = getattr(slide, "kind", "slide")
    if isinstance(slide, NomineeSlide):
        return f"nominee-{slide.nominee}"
    if isinstance(slide, ClassIntroSlide):
        return f"intro-{slide.class_}"
    if isinstance(slide, LineupSlide):
        return f"lineup-{slide.class_}"
    if isinstance(slide, RevealSlide):
        return f"reveal-{slide.class_}"
    if isinstance(slide, QuoteSlide):
        return f"quote-{slug(slide.by)}"
    if isinstance(slide, ImageSlide):
        return f"image-{slug(PurePath(slide.image).stem)}"
    if isinstance(slide, VideoSlide):
        return f"video-{slug(PurePath(slide.video).stem)}"
    if isinstance(slide, TextSlide) and slide.title:
        return f"text-{slug(slide.title)}"
    return str(kind)


def slide_ids(slides: list[SlideBase]) -> list[str]:
    """Each slide's id; derived ids that collide get -2, -3 … in script order."""
    ids: list[str] = []
    used: set[str] = {s.id for s in slides if s.id}
    for slide in slides:
        if slide.id:
            ids.append(slide.id)
            continue
        base = natural_id(slide)
        candidate, n = base, 1
        while candidate in used:
            n += 1
            candidate = f"{base}-{n}"
        used.add(candidate)
        ids.append(candidate)
    return ids
