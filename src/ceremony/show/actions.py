"""The show's commands: each one pure function of the show state, registered where it is written.

Each ``@command`` here says everything about one command — id, title, keys, icon,
toolbar place, guard, remote rules — and its docstring is the help the presenter,
the help overlay and the remote API show. The function takes the state and the
call and returns the new state and what happened; the moves and the reveal rules
it uses live in ``moves`` and ``reveals``. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ceremony.script.model import parse_duration
from ceremony.show import moves, reveals
from ceremony.show.commands import REGISTRY, command
from ceremony.show.state import (
    MESSAGE_LOG_SIZE,
    Blackout,
    Call,
    HostMessage,
    Outcome,
    Pending,
    ShowState,
    error,
    held,
    ignored,
    needs_confirmation,
    ok,
)

Result = tuple[ShowState, Outcome]


def _pending(kind: str) -> Callable[[ShowState, float], bool]:
    def guard(state: ShowState, now: float) -> bool:
        return state.pending is not None and state.pending.kind == kind

    return guard


def _can_pick(state: ShowState, now: float) -> bool:
    rule = state.show.classes.get(reveals.pick_class(state) or "")
    return rule is not None and rule.needs_pick


def _picked(state: ShowState, now: float) -> bool:
    return _can_pick(state, now) and state.cue.class_id in state.live_picks


@command(
    "next",
    "Neste",
    keys=("PgDown", "Right", "Down", "Space", "Return", "Enter"),
    icon="fa5s.forward",
    toolbar=2,
)
def next_cue(state: ShowState, call: Call) -> Result:
    """Go to the next cue; at the suspense step, fire the reveal once the suspense has run."""
    stopped = moves.next_step(state, call.now, call.auto_repeat)
    if stopped is not None:
        return stopped
    if reveals.armed(state):
        return reveals.next_from_suspense(state, call.now)
    return moves.advance(state, call.now)


@command("previous", "Forrige", keys=("PgUp", "Left", "Up", "Backspace"), icon="fa5s.backward", toolbar=1)
def previous(state: ShowState, call: Call) -> Result:
    """Go back one cue; leaving a revealed winner asks for confirmation."""
    return moves.previous(state, call.now, call.auto_repeat, call.confirmed)


@command("first", "Første", keys=("Home",), icon="fa5s.fast-backward")
def first(state: ShowState, call: Call) -> Result:
    """Go to the first cue."""
    return moves.first(state, call.now, call.confirmed)


@command("last", "Siste", keys=("End",), icon="fa5s.fast-forward")
def last(state: ShowState, call: Call) -> Result:
    """Go to the last cue (never into an unrevealed winner)."""
    return moves.last(state, call.now, call.confirmed)


@command("goto", "Gå til", icon="fa5s.location-arrow", arg="required")
def goto(state: ShowState, call: Call) -> Result:
    """Go to a cue by id, slide id or number (1-based)."""
    return moves.goto(state, call.now, call.arg, call.confirmed)


def _toggle_screen(state: ShowState, colour: Blackout) -> Result:
    value: Blackout = "none" if state.blackout == colour else colour
    return replace(state, blackout=value), ok(f"stage {value if value != 'none' else 'back'}")


@command("blackout", "Svart", keys=("B", "."), icon="fa5s.square", safe_during_reveal=True, toolbar=4)
def blackout(state: ShowState, call: Call) -> Result:
    """Black out the stage, or bring it back."""
    return _toggle_screen(state, "black")


@command("whiteout", "Hvit", keys=("W", ","), icon="fa5.square", safe_during_reveal=True, toolbar=5)
def whiteout(state: ShowState, call: Call) -> Result:
    """White out the stage, or bring it back."""
    return _toggle_screen(state, "white")


@command("freeze", "Frys", keys=("F",), icon="fa5s.snowflake", safe_during_reveal=True, toolbar=6)
def freeze(state: ShowState, call: Call) -> Result:
    """Freeze the stage on what it shows while the presenter keeps moving; again to unfreeze."""
    if state.frozen:
        return replace(state, frozen=False, frozen_cue_index=None), ok("stage unfrozen")
    return replace(state, frozen=True, frozen_cue_index=state.cue_index), ok("stage frozen")


@command("reveal", "Avslør", icon="fa5s.trophy", guard=lambda state, now: reveals.armed(state), toolbar=3)
def reveal(state: ShowState, call: Call) -> Result:
    """Fire the armed reveal now, without waiting for the suspense to run out."""
    return reveals.reveal(state, call.now)


@command(
    "pick_winner",
    "Velg vinner",
    keys=tuple("123456789"),
    icon="fa5s.hand-pointer",
    arg="required",
    guard=_can_pick,
)
def pick_winner(state: ShowState, call: Call) -> Result:
    """Key in the winner the host reads (nominee number, 1-based), at the reveal's suspense step."""
    return reveals.pick(state, call.arg)


@command(
    "confirm_pick",
    "Bekreft vinner",
    keys=("Return", "Enter"),
    icon="fa5s.check",
    guard=_picked,
    precedence=10,
)
def confirm_pick(state: ShowState, call: Call) -> Result:
    """Confirm the winner keyed in with 1–3 (only while one is keyed in, at the suspense step)."""
    return reveals.confirm_pick(state, call.now)


@command(
    "choose_script_winner",
    "Bruk manusets vinner",
    keys=("M",),
    icon="fa5s.file-alt",
    guard=_pending("mismatch"),
    remote=False,
)
def choose_script_winner(state: ShowState, call: Call) -> Result:
    """The name read differs from the script: reveal the script's winner."""
    return reveals.choose(state, call.now, read=False)


@command(
    "choose_read_winner",
    "Bruk opplest vinner",
    keys=("O",),
    icon="fa5s.envelope-open",
    guard=_pending("mismatch"),
    remote=False,
)
def choose_read_winner(state: ShowState, call: Call) -> Result:
    """The name read differs from the script: reveal the name the host read."""
    return reveals.choose(state, call.now, read=True)


@command(
    "confirm",
    "Bekreft",
    icon="fa5s.check-double",
    guard=_pending("confirm"),
    safe_during_reveal=True,
)
def confirm(state: ShowState, call: Call) -> Result:
    """Carry out the action waiting for confirmation."""
    pending = state.pending
    waiting = REGISTRY.get(pending.command) if pending is not None and pending.kind == "confirm" else None
    if pending is None or waiting is None:
        return state, ignored("nothing to confirm")
    if moves.reveal_playing(state, call.now) and not waiting.safe_during_reveal:
        return state, held("reveal animation playing")
    new, outcome = waiting.run(state, replace(call, arg=pending.arg, confirmed=True))
    if new.pending is pending:
        new = replace(new, pending=None)
    return new, outcome


@command(
    "reset_reveal",
    "Nullstill avsløring",
    icon="fa5s.undo",
    arg="optional",
    guard=lambda state, now: state.is_revealed(state.cue.class_id),
)
def reset_reveal(state: ShowState, call: Call) -> Result:
    """Forget a class's revealed winner (the current cue's class by default) so it can be revealed again;
    asks for confirmation."""
    return reveals.reset(state, call.now, call.arg, call.confirmed)


@command(
    "rehearsal",
    "Prøvemodus",
    icon="fa5s.theater-masks",
    guard=lambda state, now: not state.started or state.rehearsal,
    toolbar=8,
)
def rehearsal(state: ShowState, call: Call) -> Result:
    """Rehearsal on/off: reveals use stand-ins drawn without looking at the winner. Only before the show
    starts."""
    if not state.started:
        on = not state.rehearsal
        new = replace(state, rehearsal=on, live_picks={}, confirmed_picks={}, pending=None)
        return new, ok("rehearsal on: reveals show stand-ins" if on else "rehearsal off")
    if not state.rehearsal:
        return state, ignored("the show has started; rehearsal can only be switched before it starts")
    if not call.confirmed:
        message = "End the rehearsal? The clock resets and the show goes back to the first cue."
        pending = Pending("confirm", message, call.now, command="rehearsal", arg=call.arg)
        return replace(state, pending=pending), needs_confirmation(message)
    return _end_rehearsal(state, call.now), ok("rehearsal ended; ready for the show")


def _end_rehearsal(state: ShowState, now: float) -> ShowState:
    back = moves.enter(state, 0, now) if state.cue_index else state
    return replace(
        back,
        rehearsal=False,
        started_at=None,
        rehearsal_times=back.times,
        times={},
        rehearsal_revealed={},
        live_picks={},
        confirmed_picks={},
        pending=None,
        blackout="none",
        frozen=False,
        frozen_cue_index=None,
        message=None,
        message_log=(),
    )


@command(
    "show_winners_in_preview",
    "Vinner i forhåndsvisning",
    icon="fa5s.eye",
    safe_during_reveal=True,
    remote=False,
    in_follower=True,
    toolbar=9,
    menu="view",
)
def show_winners_in_preview(state: ShowState, call: Call) -> Result:
    """Let the Next preview show reveals with their winner."""
    on = not state.show_winners_in_preview
    return replace(state, show_winners_in_preview=on), ok("winners in preview " + ("on" if on else "off"))


@command(
    "start_show",
    "Start showet",
    keys=("F5", "Shift+F5"),
    icon="fa5s.play",
    safe_during_reveal=True,
    toolbar=7,
)
def start_show(state: ShowState, call: Call) -> Result:
    """Start the show clock if it is not running; never leaves fullscreen or quits."""
    if state.started:
        return state, ignored("the show clock is already running")
    started = replace(state, started_at=call.now, cue_entered_at=call.now, slide_entered_at=call.now)
    return started, ok("show clock started")


@command(
    "escape",
    "Avbryt",
    keys=("Esc",),
    icon="fa5s.times",
    guard=lambda state, now: state.pending is not None,
    safe_during_reveal=True,
    in_follower=True,
)
def escape(state: ShowState, call: Call) -> Result:
    """Cancel a pending confirmation or envelope mismatch; never quits."""
    if state.pending is None:
        return state, ignored("nothing to cancel")
    pending = state.pending
    picks = state.live_picks
    if pending.kind == "mismatch" and pending.class_id is not None:
        picks = {k: v for k, v in picks.items() if k != pending.class_id}
    return replace(state, pending=None, live_picks=picks), ok("cancelled")


#: The longest message the confidence monitor is asked to show (it is read from metres away).
MESSAGE_MAX = 80


@command(
    "send_message",
    "Melding til verten",
    arg="required",
    safe_during_reveal=True,
    in_follower=False,
    menu=None,
)
def send_message(state: ShowState, call: Call) -> Result:
    """Put a private message on the host's confidence monitor (never on the stage); a message that is only a
    duration, such as '30 s', counts down there."""
    text = " ".join((call.arg or "").split())
    if not text:
        return state, error("an empty message")
    if len(text) > MESSAGE_MAX:
        return state, error(f"a message is at most {MESSAGE_MAX} characters (the host reads it from afar)")
    message = HostMessage(text, call.now, _countdown(text))
    log = _close_message(state, call.now)
    return replace(state, message=message, message_log=(*log, message)[-MESSAGE_LOG_SIZE:]), ok(f"message: {text}")


@command(
    "clear_message",
    "Fjern meldingen",
    safe_during_reveal=True,
    guard=lambda state, now: state.message is not None,
    menu=None,
)
def clear_message(state: ShowState, call: Call) -> Result:
    """Take the message off the host's confidence monitor."""
    if state.message is None:
        return state, ignored("no message to clear")
    return replace(state, message=None, message_log=_close_message(state, call.now)), ok("message cleared")


def _countdown(text: str) -> float | None:
    try:
        seconds = parse_duration(text)
    except ValueError:
        return None
    return seconds if 0 < seconds <= 3600 else None


def _close_message(state: ShowState, now: float) -> tuple[HostMessage, ...]:
    """The log with the message on screen marked as cleared now."""
    log = state.message_log
    if state.message is not None and log and log[-1] is state.message:
        return (*log[:-1], replace(state.message, cleared_at=now))
    return log
