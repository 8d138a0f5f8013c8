"""The show state as JSON for the remote: what a phone, a Stream Deck or a follower may know.

The one rule: nothing here names a winner before the stage has. Revealed
classes carry their winner; an unrevealed class carries nothing — not the
script's winner, not a rehearsal stand-in, not a keyed-in or confirmed pick —
and text that could name one (an envelope-mismatch message, notes or titles on
a reveal that mention a nominee) is replaced by a neutral line. The host's
confidence view rides along (``confidence``: winner-blind by construction, see
``show.confidence``) with the operator's message to the host, so a tablet or a
follower in confidence mode needs nothing but the pushes. No Qt here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ceremony import __version__
from ceremony.remote.adapter import ShowAdapter
from ceremony.remote.confidence import confidence_json, message_json
from ceremony.show.commands import REGISTRY, Command
from ceremony.show.confidence import confidence_view
from ceremony.show.cues import Cue
from ceremony.show.secrets import guarded, mentions
from ceremony.show.secrets import secret_words as _secret_words
from ceremony.show.state import Outcome, ShowState
from ceremony.show.timers import Timers

#: Bumped when the state JSON changes shape incompatibly.
STATE_VERSION = 1

EVENTS_PATH = "/api/events"
HIDDEN_NOTES = "(notes hidden until the reveal: they name a nominee)"
MISMATCH_MESSAGE = "The name read differs from the script: choose on the presenter which winner to reveal."


def remote_commands() -> tuple[Command, ...]:
    """The commands the remote may run: engine commands not kept for the presenter (quit, help, settling an
    envelope mismatch, winners in the preview are not remote)."""
    return REGISTRY.remote()


def find_command(command_id: str) -> Command | None:
    """The command with this id, remote or not (None when there is none).

    This and ``remote_commands`` are the remote's only touchpoints with the
    show's command table (HTTP and OSC both come through here).
    """
    return REGISTRY.get(command_id)


def _names(show: ShowAdapter) -> dict[str, str]:
    return {n.id: n.name for c in show.script.classes for n in c.nominees}


def _class_names(show: ShowAdapter) -> dict[str, str]:
    return {c.id: c.name for c in show.script.classes}


def secret_words(show: ShowAdapter, state: ShowState) -> list[str]:
    """Ids and names of every nominee of every class not yet revealed (in the current mode)."""
    return _secret_words(show.script, state)


def _cue_json(cue: Cue, state: ShowState, secrets: list[str], *, notes: bool, neutral: str) -> dict[str, Any]:
    title, label = cue.title, cue.label
    if guarded(cue, state) and mentions(title, secrets):
        title = label = neutral
    data: dict[str, Any] = {
        "id": cue.id,
        "index": cue.index,
        "number": cue.index + 1,
        "slide_id": cue.slide_id,
        "kind": cue.kind,
        "step": cue.step,
        "title": title,
        "label": label,
        "class_id": cue.class_id,
        "duration": cue.duration,
    }
    if notes:
        text = cue.notes or ""
        data["notes"] = HIDDEN_NOTES if text and mentions(text, secrets) else text
    return data


def timers_json(timers: Timers) -> dict[str, Any]:
    """The clocks as seconds; clock readings (planned/projected end) become a lateness figure."""
    remaining = None if timers.planned is None else timers.planned - timers.on_slide
    return {
        "started": timers.started,
        "elapsed": round(timers.elapsed, 3),
        "on_cue": round(timers.on_cue, 3),
        "on_slide": round(timers.on_slide, 3),
        "planned": timers.planned,
        "remaining": None if remaining is None else round(remaining, 3),
        "status": timers.status,
        "planned_total": timers.planned_total,
        "behind": None if timers.behind is None else round(timers.behind, 3),
    }


def _pending_json(state: ShowState) -> dict[str, Any] | None:
    pending = state.pending
    if pending is None:
        return None
    if pending.kind == "mismatch":
        return {"kind": "mismatch", "message": MISMATCH_MESSAGE, "command": "", "class_id": pending.class_id}
    return {"kind": pending.kind, "message": pending.message, "command": pending.command, "class_id": pending.class_id}


def state_json(show: ShowAdapter, *, events_port: int | None = None, wall: dt.datetime | None = None) -> dict[str, Any]:
    """The state document served at /api/state and pushed over /api/events; ``wall`` is the wall-clock time
    (now by default) the confidence view carries."""
    state, now = show.state(), show.now()
    cues = state.show.cues
    secrets = secret_words(show, state)
    names = _names(show)
    class_names = _class_names(show)
    following = cues[state.cue_index + 1] if state.cue_index + 1 < len(cues) else None
    neutral = show.script.wording().text("winner")  # the script's word for "the winner", names no one
    revealed = [
        {
            "class_id": class_id,
            "class_name": class_names.get(class_id, class_id),
            "winner": {"id": nominee, "name": names.get(nominee, nominee)},
        }
        for class_id, nominee in state.results.items()
    ]
    return {
        "version": STATE_VERSION,
        "ceremony_version": __version__,
        "title": show.script.event.title,
        "digest": show.digest,
        "cue": _cue_json(state.cue, state, secrets, notes=True, neutral=neutral),
        "next": None if following is None else _cue_json(following, state, secrets, notes=False, neutral=neutral),
        "cue_count": len(cues),
        "stage_cue_id": cues[state.stage_cue_index].id,
        "blackout": state.blackout,
        "frozen": state.frozen,
        "rehearsal": state.rehearsal,
        "started": state.started,
        "armed": state.cue.kind == "reveal"
        and state.cue.step == "suspense"
        and not state.is_revealed(state.cue.class_id),
        "timers": timers_json(show.timers()),
        "revealed": revealed,
        "pending": _pending_json(state),
        "available": [c.id for c in remote_commands() if show.available(c.id)],
        "media": show.media(),
        "events": {"path": EVENTS_PATH, "port": events_port},
        "message": message_json(state, now),
        "message_presets": show.script.host_messages(),
        "confidence": confidence_document(show, wall, state=state, now=now),
    }


def confidence_document(
    show: ShowAdapter, wall: dt.datetime | None = None, *, state: ShowState | None = None, now: float | None = None
) -> dict[str, Any]:
    """The host's confidence view (``GET /api/confidence``, and ``confidence`` in every state document)."""
    state = show.state() if state is None else state
    now = show.now() if now is None else now
    wall = dt.datetime.now().astimezone() if wall is None else wall
    return confidence_json(confidence_view(show.script, state, now), wall)


def outcome_json(show: ShowAdapter, outcome: Outcome, command_id: str) -> dict[str, Any]:
    """A command's result for the remote; a message naming any nominee of an unrevealed class becomes neutral.

    The replacement does not depend on *which* nominee is named, so it cannot
    tell a caller whether a pick matched the script's winner.
    """
    message = outcome.message
    if message and mentions(message, secret_words(show, show.state())):
        message = _NEUTRAL.get(outcome.kind, outcome.kind)
    return {"command": command_id, "kind": outcome.kind, "ok": outcome.ok, "message": message}


_NEUTRAL = {
    "ok": "done; the presenter shows the details",
    "ignored": "ignored; the presenter shows why",
    "held": "held; the presenter shows why",
    "needs_confirmation": MISMATCH_MESSAGE,
    "error": "refused; the presenter shows why",
}
