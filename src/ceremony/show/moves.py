"""Moving between cues: next, previous, goto, first, last, and the guards that keep a live show safe.

A clicker bounces, an operator double-taps, a host presses too early: every
guard here answers with a reason the presenter shows, never an exception.
"""

from __future__ import annotations

from dataclasses import replace

from ceremony.i18n import QT_TRANSLATE_NOOP, said
from ceremony.show.state import Outcome, Pending, ShowState, error, held, ignored, needs_confirmation, ok

BOUNCED = QT_TRANSLATE_NOOP("Outcome", "second press within {ms} ms ignored")


def enter(state: ShowState, index: int, now: float) -> ShowState:
    """Take cue ``index``: book the time spent on the cue we leave and start the new cue's clocks."""
    old = state.cue
    times = state.times
    if state.started_at is not None:
        spent = max(0.0, now - max(state.cue_entered_at, state.started_at))
        times = {**times, old.id: times.get(old.id, 0.0) + spent}
    new = state.show.cues[index]
    same_slide = new.slide_index == old.slide_index and index != state.cue_index
    return replace(
        state,
        cue_index=index,
        cue_entered_at=now,
        slide_entered_at=state.slide_entered_at if same_slide else now,
        last_change_at=now,
        times=times,
        pending=None,
        media_paused=False,
    )


def after_film(state: ShowState, now: float, cue_id: str | None) -> tuple[ShowState, Outcome]:
    """A film with ``then: next`` ended: go on, but only from the cue whose film it was (a key pressed at the
    same moment must not skip two cues), and never into an unrevealed winner."""
    if cue_id is None or state.cue.id != cue_id:
        return state, ignored(QT_TRANSLATE_NOOP("Outcome", "the film's cue is no longer on"))
    if state.cue_index >= len(state.show.cues) - 1:
        return state, ignored(QT_TRANSLATE_NOOP("Outcome", "the film ended at the last cue"))
    target = safe_target(state, state.cue_index + 1)
    if target <= state.cue_index:
        return state, held(QT_TRANSLATE_NOOP("Outcome", "the reveal has not fired"))
    new = enter(state, target, now)
    ended = QT_TRANSLATE_NOOP("Outcome", "film ended; cue {number}: {label}")
    return new, ok(ended, number=target + 1, label=new.cue.label)


def reveal_playing(state: ShowState, now: float) -> bool:
    """True while the reveal step's animation runs: next and previous are held then."""
    cue = state.cue
    return cue.kind == "reveal" and cue.step == "reveal" and now - state.cue_entered_at < cue.animation


def _settling(state: ShowState, now: float) -> float:
    """Seconds left of the current cue's transition or animation (0 when still)."""
    cue = state.cue
    return max(0.0, state.cue_entered_at + max(cue.transition.duration, cue.animation) - now)


def _bounced(state: ShowState, now: float) -> bool:
    return state.last_change_at is not None and now - state.last_change_at < state.show.double_fire


def safe_target(state: ShowState, index: int) -> int:
    """Where a jump to ``index`` lands: never on the reveal or winner step of an unrevealed class."""
    cues = state.show.cues
    index = min(max(index, 0), len(cues) - 1)
    cue = cues[index]
    if cue.names_winner and not state.is_revealed(cue.class_id) and cue.class_id is not None:
        lineup = state.show.step_index(cue.class_id, "lineup", index)
        if lineup is not None:
            return lineup
    return index


def revealed_crossed(state: ShowState, start: int, target: int) -> str | None:
    """The class whose shown winner a backward move leaves or passes, if any (that needs confirmation)."""
    if target >= start:
        return None
    for cue in state.show.cues[target : start + 1]:
        if cue.names_winner and state.is_revealed(cue.class_id):
            return cue.class_id
    return None


def go(
    state: ShowState, target: int, now: float, command: str, arg: str | None, confirmed: bool
) -> tuple[ShowState, Outcome]:
    """Move to ``target`` unless that leaves a revealed winner unconfirmed."""
    if target == state.cue_index:
        return state, ignored(QT_TRANSLATE_NOOP("Outcome", "already there"))
    crossed = revealed_crossed(state, state.cue_index, target)
    if crossed and not confirmed:
        asked = said(
            QT_TRANSLATE_NOOP(
                "Outcome", "Go back out of the revealed winner of '{name}'? Press again or confirm; Esc cancels."
            ),
            name=crossed,
        )
        pending = Pending("confirm", asked, now, command=command, arg=arg, class_id=crossed)
        return replace(state, pending=pending), needs_confirmation(asked)
    return enter(state, target, now), ok(
        QT_TRANSLATE_NOOP("Outcome", "cue {number}: {label}"), number=target + 1, label=state.show.cues[target].label
    )


def next_step(state: ShowState, now: float, auto_repeat: bool) -> tuple[ShowState, Outcome] | None:
    """The guards of "next" before the suspense rule; None when next may go on."""
    if auto_repeat:
        return state, ignored(QT_TRANSLATE_NOOP("Outcome", "key held down: next ignored"))
    if reveal_playing(state, now):
        return state, held(QT_TRANSLATE_NOOP("Outcome", "reveal animation playing"))
    return None


def advance(state: ShowState, now: float) -> tuple[ShowState, Outcome]:
    """Next, for a cue that is not an armed suspense: double-fire and transition guards, then one step."""
    if _bounced(state, now):
        return state, ignored(BOUNCED, ms=f"{state.show.double_fire * 1000:.0f}")
    left = _settling(state, now)
    if left > 0:
        return state, ignored(
            QT_TRANSLATE_NOOP("Outcome", "transition still running ({seconds} s)"), seconds=f"{left:.1f}"
        )
    if state.cue_index >= len(state.show.cues) - 1:
        return state, ignored(QT_TRANSLATE_NOOP("Outcome", "already at the last cue"))
    target = safe_target(state, state.cue_index + 1)
    if target <= state.cue_index:
        return state, held(QT_TRANSLATE_NOOP("Outcome", "the reveal has not fired"))
    new = enter(state, target, now)
    if new.started_at is None:
        new = replace(new, started_at=now)
    return new, ok(QT_TRANSLATE_NOOP("Outcome", "cue {number}: {label}"), number=target + 1, label=new.cue.label)


def previous(state: ShowState, now: float, auto_repeat: bool, confirmed: bool) -> tuple[ShowState, Outcome]:
    if auto_repeat:
        return state, ignored(QT_TRANSLATE_NOOP("Outcome", "key held down: previous ignored"))
    if reveal_playing(state, now):
        return state, held(QT_TRANSLATE_NOOP("Outcome", "reveal animation playing"))
    if _bounced(state, now) and not confirmed:
        return state, ignored(BOUNCED, ms=f"{state.show.double_fire * 1000:.0f}")
    if state.cue_index == 0:
        return state, ignored(QT_TRANSLATE_NOOP("Outcome", "already at the first cue"))
    return go(state, safe_target(state, state.cue_index - 1), now, "previous", None, confirmed)


def resolve(state: ShowState, arg: str | None) -> int | None:
    """A goto argument as a cue index: a 1-based number, a cue id or a slide id."""
    if arg is None:
        return None
    text = arg.strip()
    if text.isdigit():
        number = int(text)
        return number - 1 if 1 <= number <= len(state.show.cues) else None
    found = state.show.index_of(text)
    if found is not None:
        return found
    return next((c.index for c in state.show.cues if c.slide_id == text), None)


def goto(state: ShowState, now: float, arg: str | None, confirmed: bool) -> tuple[ShowState, Outcome]:
    index = resolve(state, arg)
    if index is None:
        return state, error(QT_TRANSLATE_NOOP("Outcome", "no cue '{arg}'"), arg=arg)
    return go(state, safe_target(state, index), now, "goto", arg, confirmed)


def first(state: ShowState, now: float, confirmed: bool) -> tuple[ShowState, Outcome]:
    return go(state, 0, now, "first", None, confirmed)


def last(state: ShowState, now: float, confirmed: bool) -> tuple[ShowState, Outcome]:
    return go(state, safe_target(state, len(state.show.cues) - 1), now, "last", None, confirmed)
