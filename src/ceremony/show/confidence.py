"""What the host's confidence monitor shows, as plain data: where the show is, what comes next, what to say.

The confidence window, the presenter's miniature of it, a follower in confidence
mode and a tablet's browser (``/confidence``) all draw this one value, built here
from the show state alone. Like the Next preview, it never names a winner before
that class's reveal has happened on stage: names to say are given for a reveal or
winner step only once the class is revealed, and on a reveal's earlier cues any
text that names a nominee of an unrevealed class (a title, a say line, the notes)
is held back. No Qt here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ceremony.script.model import QuoteSlide, Script, SlideBase
from ceremony.show.cues import Cue
from ceremony.show.secrets import guarded, mentions, secret_words
from ceremony.show.state import ShowState
from ceremony.show.timers import Status, timers

#: Characters of the operator's notes shown when a slide has no ``host:`` text.
NOTES_FALLBACK = 280


@dataclass(frozen=True, slots=True)
class ConfidenceView:
    """Everything on the host's screen at one moment; times in seconds."""

    stage_label: str
    """The cue on stage (the frozen one while frozen)."""
    stage_state: str | None
    """'SVART', 'HVIT' or 'FRYST' when the hall does not see the live cue; None otherwise."""
    number: int
    count: int
    next_title: str | None
    """None at the last cue."""
    next_names: tuple[str, ...]
    """The names the host says next: nominees, the person quoted, a revealed winner."""
    say: str | None
    host_notes: str
    page: tuple[int, int] | None
    """(page, pages) when the slide's host text is paged by its clicks."""
    started: bool
    on_cue: float
    planned: float | None
    cue_status: Status
    show_left: float | None
    """Seconds to the planned end (from the plan alone before the start); negative once past it."""
    behind: float | None
    """Seconds the show runs late (negative: early); None before the start."""
    message: str | None
    message_age: float | None
    """Seconds since the message arrived (it flashes at first)."""
    countdown: float | None
    """Seconds left of a countdown message."""
    rehearsal: bool


def confidence_view(script: Script, state: ShowState, now: float) -> ConfidenceView:
    """The host's view of ``state`` at ``now`` (the engine's clock)."""
    cues = state.show.cues
    secrets = secret_words(script, state)
    following = cues[state.cue_index + 1] if state.cue_index + 1 < len(cues) else None
    upcoming = following if following is not None else state.cue
    clocks = timers(state, now)
    notes, page = host_notes(script, state.cue, cues)
    message = state.message
    words = script.wording()
    neutral = words.text("winner")  # the script's word for "the winner": names no one
    return ConfidenceView(
        stage_label=cues[state.stage_cue_index].label,
        stage_state=_stage_state(state),
        number=state.cue_index + 1,
        count=len(cues),
        next_title=None if following is None else _safe(following.title, following, state, secrets, neutral),
        next_names=() if following is None else names_to_say(script, state, following),
        say=_say(script, state, upcoming, secrets),
        host_notes=_safe(notes, state.cue, state, secrets, words.text("hidden")),
        page=page,
        started=clocks.started,
        on_cue=clocks.on_slide,
        planned=clocks.planned,
        cue_status=clocks.status,
        show_left=_show_left(clocks.planned_end, clocks.planned_total, now, clocks.started),
        behind=clocks.behind,
        message=None if message is None else message.text,
        message_age=None if message is None else max(0.0, now - message.sent_at),
        countdown=None if message is None else message.remaining(now),
        rehearsal=state.rehearsal,
    )


def _stage_state(state: ShowState) -> str | None:
    if state.blackout == "black":
        return "SVART"
    if state.blackout == "white":
        return "HVIT"
    return "FRYST" if state.frozen else None


def _show_left(planned_end: float | None, planned_total: float, now: float, started: bool) -> float | None:
    if not planned_total:
        return None
    return planned_end - now if started and planned_end is not None else planned_total


def _safe(text: str, cue: Cue, state: ShowState, secrets: Sequence[str], instead: str) -> str:
    return instead if text and guarded(cue, state) and mentions(text, secrets) else text


def _slide(script: Script, cue: Cue) -> SlideBase | None:
    slides = script.slides
    return slides[cue.slide_index] if 0 <= cue.slide_index < len(slides) else None


def _say(script: Script, state: ShowState, cue: Cue, secrets: Sequence[str]) -> str | None:
    slide = _slide(script, cue)
    if slide is None or not slide.say:
        return None
    return _safe(slide.say, cue, state, secrets, script.wording().text("hidden"))


def host_notes(script: Script, cue: Cue, cues: Sequence[Cue]) -> tuple[str, tuple[int, int] | None]:
    """The host's text for a cue: its page of the slide's ``host:``, else the start of the notes."""
    slide = _slide(script, cue)
    host = slide.host if slide is not None else None
    if isinstance(host, list) and host:
        click = sum(1 for c in cues[: cue.index] if c.slide_index == cue.slide_index)
        page = min(click, len(host) - 1)
        return host[page], (page + 1, len(host))
    if isinstance(host, str) and host.strip():
        return host.strip(), None
    return _opening(cue.notes or ""), None


def _opening(notes: str) -> str:
    """The first paragraph of the notes, cut at a sentence near NOTES_FALLBACK characters."""
    first = notes.strip().split("\n\n", 1)[0]
    text = " ".join(first.split())
    if len(text) <= NOTES_FALLBACK:
        return text
    cut = text.rfind(". ", 0, NOTES_FALLBACK)
    return text[: cut + 1] if cut > NOTES_FALLBACK // 3 else text[:NOTES_FALLBACK].rsplit(" ", 1)[0] + " …"


def names_to_say(script: Script, state: ShowState, cue: Cue) -> tuple[str, ...]:
    """Who the host names on ``cue``: a nominee, the nominees of a class, the person quoted, a revealed winner."""
    slide = _slide(script, cue)
    if isinstance(slide, QuoteSlide):
        return (slide.by,)
    if cue.nominee_id is not None:
        found = script.find_nominee(cue.nominee_id)
        return (found[1].name,) if found else ()
    award_class = script.award_class(cue.class_id) if cue.class_id else None
    if award_class is None:
        return ()
    if cue.names_winner:
        winner = state.results.get(award_class.id)
        found = script.find_nominee(winner) if winner else None
        return (found[1].name,) if found else ()
    if cue.kind == "lineup" and cue.shown is not None and cue.step is not None:
        return (award_class.nominees[cue.shown - 1].name,)  # a building line-up brings in one name a click
    return tuple(n.name for n in award_class.nominees)
