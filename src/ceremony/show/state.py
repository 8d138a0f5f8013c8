"""The show's state as immutable values, so every change is a new value the UI can compare and redraw from.

``Show`` is what a script says about running the show (its cues and the rules of
each class); ``ShowState`` is where the evening is. Neither imports Qt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from ceremony.i18n import Text, said
from ceremony.script.model import Script
from ceremony.show.cues import Cue, build_cues

Blackout = Literal["none", "black", "white"]
BLACKOUT_VALUES: tuple[Blackout, ...] = ("none", "black", "white")

#: Seconds a confirmation waits for its confirm (or a second identical press).
CONFIRM_WINDOW = 8.0


@dataclass(frozen=True, slots=True)
class ClassRule:
    """What the engine needs to know about a class to reveal its winner."""

    id: str
    nominees: tuple[str, ...]
    winner: str
    """A nominee id, or 'live' when the envelope is opened on the night."""
    confirm: bool = False
    suspense: float = 4.0

    @property
    def is_live(self) -> bool:
        return self.winner == "live"

    @property
    def needs_pick(self) -> bool:
        """True when the operator keys in the name the host reads before the reveal can fire."""
        return self.is_live or self.confirm


@dataclass(frozen=True, slots=True)
class Show:
    """A script reduced to what running it needs: the cues and each class's reveal rules."""

    cues: tuple[Cue, ...]
    classes: Mapping[str, ClassRule]
    double_fire: float = 0.3
    show_winners_in_preview: bool = False

    @classmethod
    def from_script(cls, script: Script, cues: Sequence[Cue] | None = None) -> Show:
        rules = {c.id: ClassRule(c.id, tuple(c.nominee_ids), c.winner, c.confirm, c.suspense) for c in script.classes}
        return cls(
            cues=tuple(build_cues(script) if cues is None else cues),
            classes=rules,
            double_fire=script.settings.double_fire_ms / 1000,
            show_winners_in_preview=script.settings.show_winners_in_preview,
        )

    _index_by_id: Mapping[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index_by_id", {c.id: i for i, c in enumerate(self.cues)})

    def index_of(self, cue_id: str) -> int | None:
        return self._index_by_id.get(cue_id)

    def step_index(self, class_id: str, step: str, near: int) -> int | None:
        """The index of a reveal slide's step for a class, preferring the slide that holds cue ``near``."""
        slide = self.cues[near].slide_index if 0 <= near < len(self.cues) else -1
        found = [i for i, c in enumerate(self.cues) if c.kind == "reveal" and c.class_id == class_id and c.step == step]
        same = [i for i in found if self.cues[i].slide_index == slide]
        return (same or found)[0] if found else None


@dataclass(frozen=True, slots=True)
class Pending:
    """Something waiting for the operator: a confirmation, or an envelope that differs from the script."""

    kind: Literal["confirm", "mismatch"]
    text: Text
    """What is asked, in English as str(), in the operator's language as text.translated()."""
    since: float
    command: str = ""
    """For a confirmation: the command that asked, run again when confirmed."""
    arg: str | None = None
    class_id: str | None = None
    script_winner: str | None = None
    read_winner: str | None = None

    @property
    def message(self) -> str:
        return str(self.text)

    def expired(self, now: float) -> bool:
        return self.kind == "confirm" and now - self.since > CONFIRM_WINDOW


@dataclass(frozen=True, slots=True)
class HostMessage:
    """A private message from the operator or producer to the host's confidence monitor (never the stage)."""

    text: str
    sent_at: float
    """On the engine's clock."""
    countdown: float | None = None
    """Seconds to count down from, when the message is only a duration ('30 s')."""
    cleared_at: float | None = None
    """Set in the log when the message was taken down."""

    def remaining(self, now: float) -> float | None:
        """Seconds left of a countdown message (never below 0); None for a plain message."""
        return None if self.countdown is None else max(0.0, self.sent_at + self.countdown - now)


#: Messages kept for the rehearsal report; the oldest go first beyond this.
MESSAGE_LOG_SIZE = 200


def _empty() -> Mapping[str, str]:
    return {}


def _no_times() -> Mapping[str, float]:
    return {}


@dataclass(frozen=True, slots=True)
class ShowState:
    """Where the show is. Maps are never mutated: a change makes a new state with new maps."""

    show: Show = field(repr=False)
    cue_index: int = 0
    blackout: Blackout = "none"
    frozen: bool = False
    frozen_cue_index: int | None = None
    """The cue the stage keeps showing while frozen; the presenter moves on from cue_index."""
    revealed: Mapping[str, str] = field(default_factory=_empty)
    """The real results: class id -> the nominee revealed on stage. Never touched in rehearsal."""
    rehearsal_revealed: Mapping[str, str] = field(default_factory=_empty)
    live_picks: Mapping[str, str] = field(default_factory=_empty)
    """Keyed-in names, not yet confirmed."""
    confirmed_picks: Mapping[str, str] = field(default_factory=_empty)
    """Confirmed names: the winner a live or confirm class's reveal will show."""
    pending: Pending | None = None
    rehearsal: bool = False
    stand_ins: Mapping[str, str] = field(default_factory=_empty)
    show_winners_in_preview: bool = False
    started_at: float | None = None
    """Clock time the show started (start_show or the first next); None before."""
    cue_entered_at: float = 0.0
    slide_entered_at: float = 0.0
    last_change_at: float | None = None
    times: Mapping[str, float] = field(default_factory=_no_times)
    """Seconds spent on each cue (finished visits, after the start): the rehearsal recording."""
    rehearsal_times: Mapping[str, float] = field(default_factory=_no_times)
    """The last finished rehearsal's times, kept when rehearsal mode ends."""
    message: HostMessage | None = None
    """The message on the host's confidence monitor now."""
    message_log: tuple[HostMessage, ...] = ()
    """Every message sent (with when it was cleared), for the rehearsal report."""
    media_paused: bool = False
    """The current cue's film and every sound are paused (a new cue plays again)."""
    media_restarts: int = 0
    """Counts restarts of the current cue's film: the player starts it again from its start when it changes."""
    panic_at: float | None = None
    """When the operator last faded every sound out (the sound's panic)."""
    volume_db: float = 0.0
    """The master volume in dB (0: as mixed; the operator's up and down)."""

    @property
    def started(self) -> bool:
        return self.started_at is not None

    @property
    def cue(self) -> Cue:
        return self.show.cues[self.cue_index]

    @property
    def stage_cue_index(self) -> int:
        """The cue the stage shows: the frozen one while frozen."""
        if self.frozen and self.frozen_cue_index is not None:
            return self.frozen_cue_index
        return self.cue_index

    @property
    def results(self) -> Mapping[str, str]:
        """The revealed winners that count in the current mode (rehearsal's own while rehearsing)."""
        return self.rehearsal_revealed if self.rehearsal else self.revealed

    def is_revealed(self, class_id: str | None) -> bool:
        return class_id is not None and class_id in self.results


@dataclass(frozen=True, slots=True)
class Call:
    """One command call as a command's function sees it."""

    now: float
    arg: str | None = None
    auto_repeat: bool = False
    confirmed: bool = False
    """A confirmation: the command asked before and this call is the answer."""


OutcomeKind = Literal["ok", "ignored", "held", "needs_confirmation", "error"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a command did, with a message for the presenter's status line.

    ``message`` is English (the remote API, logs, tests read it); ``text`` is the same message as a
    translatable Text, which the presenter shows in the operator's language.
    """

    kind: OutcomeKind
    message: str = ""
    command: str = ""
    text: Text | None = None

    @property
    def ok(self) -> bool:
        return self.kind == "ok"

    def translated(self) -> str:
        return self.text.translated() if self.text is not None else self.message

    def __str__(self) -> str:
        return f"{self.kind}: {self.message}" if self.message else self.kind


def outcome(kind: OutcomeKind, message: Text | str) -> Outcome:
    if isinstance(message, Text):
        return Outcome(kind, str(message), text=message)
    return Outcome(kind, message)


def ok(template: str = "", /, **values: object) -> Outcome:
    """An outcome whose message is template (marked with QT_TRANSLATE_NOOP("Outcome", …)) filled with values."""
    return outcome("ok", said(template, **values)) if template else Outcome("ok")


def ignored(reason: Text | str, /, **values: object) -> Outcome:
    return outcome("ignored", reason if isinstance(reason, Text) else said(reason, **values))


def held(reason: Text | str, /, **values: object) -> Outcome:
    return outcome("held", reason if isinstance(reason, Text) else said(reason, **values))


def needs_confirmation(message: Text) -> Outcome:
    return outcome("needs_confirmation", message)


def error(message: Text | str, /, **values: object) -> Outcome:
    return outcome("error", message if isinstance(message, Text) else said(message, **values))
