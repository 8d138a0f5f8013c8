"""The cue list: the script flattened into the steps the show moves through.

A slide becomes one cue, a building line-up one cue per nominee brought in,
and a reveal four cues (line-up, suspense, reveal, winner). Cue ids derive
from slide ids, so a reloaded script keeps the operator's place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ceremony.script.ids import slide_ids
from ceremony.script.model import (
    ClassIntroSlide,
    LineupSlide,
    NomineeSlide,
    RevealSlide,
    Script,
    SlideBase,
    TitleSlide,
    Transition,
    VideoSlide,
)
from ceremony.script.wording import Wording

RevealStep = Literal["lineup", "suspense", "reveal", "winner"]
REVEAL_STEPS: tuple[RevealStep, ...] = ("lineup", "suspense", "reveal", "winner")

#: How long the reveal step's animation runs (seconds); "next" is held until it ends.
REVEAL_ANIMATION = 4.0

DEFAULT_TRANSITION = Transition(type="fade", duration=0.6)


@dataclass(frozen=True, slots=True)
class Cue:
    """One step of the show: what the stage shows after one press of "next"."""

    id: str
    index: int
    slide_index: int
    slide_id: str
    kind: str
    """The slide's kind: countdown, title, quote, text, class_intro, nominee, lineup, reveal, image, video, black."""
    title: str
    label: str = ""
    """The cue's title with its step, for cue lists: 'Vinneren under 15 000 innbyggere · spenning'."""
    step: str | None = None
    """A reveal's step (lineup, suspense, reveal, winner), or a building line-up's count as text."""
    shown: int | None = None
    """For a building line-up: how many nominees are visible."""
    class_id: str | None = None
    nominee_id: str | None = None
    notes: str | None = None
    duration: float | None = None
    """Planned seconds on this cue (a slide's planned time goes to its first cue)."""
    transition: Transition = DEFAULT_TRANSITION
    animation: float = 0.0
    """Seconds of animation that play when the cue is taken (0 for still cues)."""
    film: bool = False
    """The cue plays a film (a video slide, or a title or countdown with a film behind it)."""

    @property
    def is_reveal(self) -> bool:
        return self.kind == "reveal"

    @property
    def names_winner(self) -> bool:
        """True when this cue shows (or singles out) a class's winner."""
        return self.kind == "reveal" and self.step in ("reveal", "winner")


def cue_label(wording: Wording, title: str, kind: str, step: str | None, shown: int | None) -> str:
    """The cue's title with its step in the script's words, for cue lists."""
    if kind == "reveal" and step:
        return f"{title} · {wording.text('step_' + step)}"
    if shown is not None:
        return f"{title} · {shown}"
    return title


_CLASS_TITLES = {"class_intro": "class_title", "lineup": "cue_lineup", "reveal": "cue_reveal"}


def default_title(script: Script, slide: SlideBase, wording: Wording | None = None) -> str:
    """A human title for a slide without one, for cue lists and cue cards, in the script's words."""
    if slide.title:
        return slide.title
    words = wording or script.wording()
    kind = getattr(slide, "kind", "")
    if isinstance(slide, NomineeSlide):
        found = script.find_nominee(slide.nominee)
        return found[1].name if found else slide.nominee
    if isinstance(slide, ClassIntroSlide | LineupSlide | RevealSlide):
        award_class = script.award_class(slide.class_)
        return words.text(_CLASS_TITLES[kind], {"class": award_class.name if award_class else slide.class_})
    if isinstance(slide, TitleSlide):
        return words.text("closing") if slide.closing else script.event.title
    if kind in ("countdown", "quote", "text", "image", "black"):
        return words.text(f"cue_{kind}")
    if isinstance(slide, VideoSlide):
        return words.text("cue_video", {"file": Path(slide.video).stem})
    return kind.replace("_", " ").capitalize()


def build_cues(script: Script) -> list[Cue]:
    """Flatten the script's slides into the show's cues, in order."""
    cues: list[Cue] = []
    ids = slide_ids(list(script.slides))
    wording = script.wording()

    def add(slide: SlideBase, si: int, sid: str, **extra: object) -> None:
        first = not cues or cues[-1].slide_index != si
        fields: dict[str, object] = {
            "film": isinstance(slide, VideoSlide) or getattr(slide, "video", None) is not None,
            "index": len(cues),
            "slide_index": si,
            "slide_id": sid,
            "kind": getattr(slide, "kind", "slide"),
            "title": default_title(script, slide, wording),
            "notes": slide.notes,
            "duration": slide.duration if first else None,
            "transition": (slide.transition or DEFAULT_TRANSITION) if first else _BUILD_TRANSITION,
        }
        fields.update(extra)  # explicit fields (a step's own transition) win over the slide's
        fields.setdefault("id", sid)
        fields["label"] = cue_label(
            wording,
            str(fields["title"]),
            str(fields["kind"]),
            extra.get("step"),  # type: ignore[arg-type]
            extra.get("shown"),  # type: ignore[arg-type]
        )
        cues.append(Cue(**fields))  # type: ignore[arg-type]

    for si, (slide, sid) in enumerate(zip(script.slides, ids, strict=True)):
        if isinstance(slide, LineupSlide):
            count = len(_nominees(script, slide.class_))
            if slide.build and count > 1:
                for shown in range(1, count + 1):  # one cue per nominee brought in
                    add(slide, si, sid, id=f"{sid}/{shown}", step=str(shown), shown=shown, class_id=slide.class_)
            else:
                add(slide, si, sid, shown=count, class_id=slide.class_)
        elif isinstance(slide, RevealSlide):
            award_class = script.award_class(slide.class_)
            suspense = award_class.suspense if award_class else 4.0
            for step in REVEAL_STEPS:
                anim = {"suspense": suspense, "reveal": REVEAL_ANIMATION}.get(step, 0.0)
                own: dict[str, object] = {"transition": _WINNER_TRANSITION} if step == "winner" else {}
                add(slide, si, sid, id=f"{sid}/{step}", step=step, class_id=slide.class_, animation=anim, **own)
        elif isinstance(slide, ClassIntroSlide):
            add(slide, si, sid, class_id=slide.class_)
        elif isinstance(slide, NomineeSlide):
            found = script.find_nominee(slide.nominee)
            notes = slide.notes or (found[1].notes if found else None)  # the jury's full text by default
            add(slide, si, sid, nominee_id=slide.nominee, class_id=found[0].id if found else None, notes=notes)
        else:
            add(slide, si, sid)
    return cues


_BUILD_TRANSITION = Transition(type="cut", duration=0.0)
_WINNER_TRANSITION = Transition(type="fade", duration=0.8)


def _nominees(script: Script, class_id: str) -> list[str]:
    award_class = script.award_class(class_id)
    return award_class.nominee_ids if award_class else []
