"""The show engine: ``apply(state, command, now)`` as a pure function, and a thin ``Engine`` that holds the state.

Keys, buttons, the remote and the tests all run commands by id through here;
the Qt layer only subscribes to changes. No command sequence raises: every
refusal is an ``Outcome`` with a reason for the presenter.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from ceremony.i18n import QT_TRANSLATE_NOOP
from ceremony.script.model import Script
from ceremony.show import (
    actions,  # noqa: F401  (registers the show's commands)
    moves,
    reveals,
)
from ceremony.show.commands import REGISTRY
from ceremony.show.cues import Cue
from ceremony.show.state import (
    Call,
    Outcome,
    Show,
    ShowState,
    error,
    held,
    ignored,
    ok,
)
from ceremony.show.timers import Timers, timers
from ceremony.show.winners import winners_for_preview, winners_for_render

log = logging.getLogger(__name__)


def expire(state: ShowState, now: float) -> ShowState:
    """Drop a confirmation nobody confirmed in time."""
    if state.pending is not None and state.pending.expired(now):
        return replace(state, pending=None)
    return state


def apply(
    state: ShowState, command_id: str, now: float, arg: str | int | None = None, *, auto_repeat: bool = False
) -> tuple[ShowState, Outcome]:
    """Run one command on a state: the new state (the same object when nothing changed) and what happened."""
    text = None if arg is None else str(arg)
    new, outcome = _apply(state, command_id, now, text, auto_repeat)
    return new, outcome if outcome.command else replace(outcome, command=command_id)


def _apply(
    state: ShowState, command_id: str, now: float, arg: str | None, auto_repeat: bool
) -> tuple[ShowState, Outcome]:
    cmd = REGISTRY.get(command_id)
    if cmd is None:
        return state, error(QT_TRANSLATE_NOOP("Outcome", "unknown command '{command}'"), command=command_id)
    if cmd.scope != "show":
        return state, ignored(QT_TRANSLATE_NOOP("Outcome", "'{command}' is handled by the window"), command=command_id)
    state = expire(state, now)
    pending, confirmed = state.pending, False
    if pending is not None and pending.kind == "confirm" and (pending.command, pending.arg) == (command_id, arg):
        if now - pending.since < state.show.double_fire:
            return state, ignored(QT_TRANSLATE_NOOP("Outcome", "press again to confirm"))
        confirmed = True  # the same command again, after a pause: that is the confirmation
    if moves.reveal_playing(state, now) and not cmd.safe_during_reveal:
        return state, held(QT_TRANSLATE_NOOP("Outcome", "reveal animation playing"))
    new, outcome = cmd.run(state, Call(now, arg, auto_repeat, confirmed))
    if confirmed and new.pending is pending:
        new = replace(new, pending=None)
    return new, outcome


def available(state: ShowState, command_id: str, now: float) -> bool:
    """Whether a show command applies now (its guard): a key bound to several commands runs the first
    that does, the remote lists it, the presenter enables its button."""
    cmd = REGISTRY.get(command_id)
    if cmd is None or cmd.scope != "show":
        return False
    return cmd.guard is None or bool(cmd.guard(expire(state, now), now))


def initial_state(
    show: Show,
    now: float,
    *,
    rehearsal: bool = False,
    stand_in: str | Mapping[str, str] | None = None,
    seed: int = 0,
) -> ShowState:
    """A show at its first cue, clock not started."""
    stand_ins, problems = reveals.choose_stand_ins(show.classes, stand_in, seed)
    for problem in problems:
        log.warning("rehearsal: %s", problem)
    return ShowState(
        show=show,
        rehearsal=rehearsal,
        stand_ins=stand_ins,
        show_winners_in_preview=show.show_winners_in_preview,
        cue_entered_at=now,
        slide_entered_at=now,
    )


def existing(results: Mapping[str, str], show: Show) -> dict[str, str]:
    """The class -> nominee entries whose class and nominee the show still has."""
    return {c: n for c, n in results.items() if c in show.classes and n in show.classes[c].nominees}


def relocate(old: Show, new: Show, index: int) -> int:
    """Where cue ``index`` of the old show is in the new one: same id, else the nearest earlier surviving cue."""
    for cue in reversed(old.cues[: index + 1]):
        found = new.index_of(cue.id)
        if found is not None:
            return found
    return 0


def reload_state(state: ShowState, show: Show, now: float) -> ShowState:
    """The same evening on a re-read script: position by cue id, revealed winners kept where they still exist."""
    index = relocate(state.show, show, state.cue_index)
    stand_ins, _ = reveals.choose_stand_ins(show.classes, None, 0)
    stand_ins.update(existing(state.stand_ins, show))
    new = replace(
        state,
        show=show,
        cue_index=index,
        revealed=existing(state.revealed, show),
        rehearsal_revealed=existing(state.rehearsal_revealed, show),
        live_picks=existing(state.live_picks, show),
        confirmed_picks=existing(state.confirmed_picks, show),
        stand_ins=stand_ins,
        pending=None,
    )
    if state.frozen and state.frozen_cue_index is not None:
        frozen = relocate(state.show, show, state.frozen_cue_index)
        new = replace(new, frozen_cue_index=moves.safe_target(new, frozen))
    same = show.cues[index].id == state.cue.id
    if not same:
        new = replace(new, cue_entered_at=now, slide_entered_at=now)
    target = moves.safe_target(new, index)
    return new if target == index else replace(new, cue_index=target, cue_entered_at=now, slide_entered_at=now)


Listener = Callable[[ShowState, ShowState, Outcome], None]


class Engine:
    """Holds the show's state, runs commands on it and tells listeners about every change."""

    def __init__(
        self,
        cues: Sequence[Cue] | None,
        script: Script,
        *,
        clock: Callable[[], float] = time.monotonic,
        rehearsal: bool = False,
        stand_in: str | Mapping[str, str] | None = None,
        seed: int = 0,
    ) -> None:
        self.clock = clock
        self.script = script
        self._state = initial_state(
            Show.from_script(script, cues), clock(), rehearsal=rehearsal, stand_in=stand_in, seed=seed
        )
        self._listeners: list[Listener] = []

    @property
    def state(self) -> ShowState:
        return self._state

    @property
    def cues(self) -> tuple[Cue, ...]:
        return self._state.show.cues

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(old, new, outcome)`` after every command (``old is new`` when nothing changed) and
        every other change; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def run(self, command_id: str, arg: str | int | None = None, *, auto_repeat: bool = False) -> Outcome:
        """Run a command by id now; never raises."""
        now = self.clock()
        try:
            new, outcome = apply(self._state, command_id, now, arg, auto_repeat=auto_repeat)
        except Exception as exc:  # a bug must not stop the show
            log.exception("command %s failed", command_id)
            return replace(
                error(QT_TRANSLATE_NOOP("Outcome", "internal error: {error}"), error=exc), command=command_id
            )
        self._set(new, outcome, always=True)
        return outcome

    def available(self, command_id: str) -> bool:
        return available(self._state, command_id, self.clock())

    def tick(self) -> None:
        """Expire an unanswered confirmation; the UI may call this from its once-a-second timer."""
        self._set(expire(self._state, self.clock()), ok(QT_TRANSLATE_NOOP("Outcome", "confirmation expired")))

    def reload(self, cues: Sequence[Cue] | None, script: Script) -> Outcome:
        """Swap in a re-read script, keeping the place by cue id and the revealed winners."""
        try:
            new = reload_state(self._state, Show.from_script(script, cues), self.clock())
        except Exception as exc:
            log.exception("reload failed")
            return replace(error(QT_TRANSLATE_NOOP("Outcome", "internal error: {error}"), error=exc), command="reload")
        self.script = script
        outcome = ok(
            QT_TRANSLATE_NOOP("Outcome", "reloaded; at cue {number}: {label}"),
            number=new.cue_index + 1,
            label=new.cue.label,
        )
        self._set(new, outcome)
        return outcome

    def replace_state(self, state: ShowState, outcome: Outcome) -> None:
        """Install a state built elsewhere (a restore from disk) and tell the listeners."""
        self._set(state, outcome)

    def timers(self) -> Timers:
        return timers(self._state, self.clock())

    def winners_for_render(self, cue: Cue) -> Mapping[str, str]:
        return winners_for_render(self._state, cue)

    def winners_for_preview(self, cue: Cue) -> Mapping[str, str]:
        return winners_for_preview(self._state, cue)

    def _set(self, new: ShowState, outcome: Outcome, *, always: bool = False) -> None:
        old, self._state = self._state, new
        if new is old and not always:
            return
        for listener in list(self._listeners):
            try:
                listener(old, new, outcome)
            except Exception:
                log.exception("a show listener failed")
