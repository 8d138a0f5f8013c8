"""The show's commands: each one pure function of the show state, registered where it is written.

Each ``@command`` here says everything about one command — id, title, keys, icon,
toolbar place, guard, remote rules, and the help the presenter, the help overlay and
the remote API show (title and help in English, marked for the presenter's
translation). The function takes the state and the
call and returns the new state and what happened; the moves and the reveal rules
it uses live in ``moves`` and ``reveals``. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ceremony.i18n import QT_TRANSLATE_NOOP, said
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
    QT_TRANSLATE_NOOP("Command", "Next"),
    keys=("PgDown", "Right", "Down", "Space", "Return", "Enter"),
    icon="fa5s.forward",
    toolbar=2,
    help=QT_TRANSLATE_NOOP(
        "Command", "Go to the next cue; at the suspense step, fire the reveal once the suspense has run."
    ),
)
def next_cue(state: ShowState, call: Call) -> Result:
    stopped = moves.next_step(state, call.now, call.auto_repeat)
    if stopped is not None:
        return stopped
    if reveals.armed(state):
        return reveals.next_from_suspense(state, call.now)
    return moves.advance(state, call.now)


@command(
    "previous",
    QT_TRANSLATE_NOOP("Command", "Previous"),
    keys=("PgUp", "Left", "Up", "Backspace"),
    icon="fa5s.backward",
    toolbar=1,
    help=QT_TRANSLATE_NOOP("Command", "Go back one cue; leaving a revealed winner asks for confirmation."),
)
def previous(state: ShowState, call: Call) -> Result:
    return moves.previous(state, call.now, call.auto_repeat, call.confirmed)


@command(
    "first",
    QT_TRANSLATE_NOOP("Command", "First"),
    keys=("Home",),
    icon="fa5s.fast-backward",
    help=QT_TRANSLATE_NOOP("Command", "Go to the first cue."),
)
def first(state: ShowState, call: Call) -> Result:
    return moves.first(state, call.now, call.confirmed)


@command(
    "last",
    QT_TRANSLATE_NOOP("Command", "Last"),
    keys=("End",),
    icon="fa5s.fast-forward",
    help=QT_TRANSLATE_NOOP("Command", "Go to the last cue (never into an unrevealed winner)."),
)
def last(state: ShowState, call: Call) -> Result:
    return moves.last(state, call.now, call.confirmed)


@command(
    "goto",
    QT_TRANSLATE_NOOP("Command", "Go to"),
    icon="fa5s.location-arrow",
    arg="required",
    help=QT_TRANSLATE_NOOP("Command", "Go to a cue by id, slide id or number (1-based)."),
)
def goto(state: ShowState, call: Call) -> Result:
    return moves.goto(state, call.now, call.arg, call.confirmed)


def _toggle_screen(state: ShowState, colour: Blackout) -> Result:
    value: Blackout = "none" if state.blackout == colour else colour
    stage_text = {
        "black": QT_TRANSLATE_NOOP("Outcome", "stage black"),
        "white": QT_TRANSLATE_NOOP("Outcome", "stage white"),
        "none": QT_TRANSLATE_NOOP("Outcome", "stage back"),
    }
    return replace(state, blackout=value), ok(stage_text[value])


@command(
    "blackout",
    QT_TRANSLATE_NOOP("Command", "Black"),
    keys=("B", "."),
    icon="fa5s.square",
    safe_during_reveal=True,
    toolbar=4,
    help=QT_TRANSLATE_NOOP("Command", "Black out the stage, or bring it back."),
)
def blackout(state: ShowState, call: Call) -> Result:
    return _toggle_screen(state, "black")


@command(
    "whiteout",
    QT_TRANSLATE_NOOP("Command", "White"),
    keys=("W", ","),
    icon="fa5.square",
    safe_during_reveal=True,
    toolbar=5,
    help=QT_TRANSLATE_NOOP("Command", "White out the stage, or bring it back."),
)
def whiteout(state: ShowState, call: Call) -> Result:
    return _toggle_screen(state, "white")


@command(
    "freeze",
    QT_TRANSLATE_NOOP("Command", "Freeze"),
    keys=("F",),
    icon="fa5s.snowflake",
    safe_during_reveal=True,
    toolbar=6,
    help=QT_TRANSLATE_NOOP(
        "Command", "Freeze the stage on what it shows while the presenter keeps moving; again to unfreeze."
    ),
)
def freeze(state: ShowState, call: Call) -> Result:
    if state.frozen:
        return replace(state, frozen=False, frozen_cue_index=None), ok(QT_TRANSLATE_NOOP("Outcome", "stage unfrozen"))
    return replace(state, frozen=True, frozen_cue_index=state.cue_index), ok(
        QT_TRANSLATE_NOOP("Outcome", "stage frozen")
    )


@command(
    "reveal",
    QT_TRANSLATE_NOOP("Command", "Reveal"),
    icon="fa5s.trophy",
    guard=lambda state, now: reveals.armed(state),
    toolbar=3,
    help=QT_TRANSLATE_NOOP("Command", "Fire the armed reveal now, without waiting for the suspense to run out."),
)
def reveal(state: ShowState, call: Call) -> Result:
    return reveals.reveal(state, call.now)


@command(
    "pick_winner",
    QT_TRANSLATE_NOOP("Command", "Pick the winner"),
    keys=tuple("123456789"),
    icon="fa5s.hand-pointer",
    arg="required",
    guard=_can_pick,
    help=QT_TRANSLATE_NOOP(
        "Command", "Key in the winner the host reads (nominee number, 1-based), at the reveal's suspense step."
    ),
)
def pick_winner(state: ShowState, call: Call) -> Result:
    return reveals.pick(state, call.arg)


@command(
    "confirm_pick",
    QT_TRANSLATE_NOOP("Command", "Confirm the winner"),
    keys=("Return", "Enter"),
    icon="fa5s.check",
    guard=_picked,
    precedence=10,
    help=QT_TRANSLATE_NOOP(
        "Command", "Confirm the winner keyed in with 1–3 (only while one is keyed in, at the suspense step)."
    ),
)
def confirm_pick(state: ShowState, call: Call) -> Result:
    return reveals.confirm_pick(state, call.now)


@command(
    "choose_script_winner",
    QT_TRANSLATE_NOOP("Command", "Use the script's winner"),
    keys=("M",),
    icon="fa5s.file-alt",
    guard=_pending("mismatch"),
    remote=False,
    help=QT_TRANSLATE_NOOP("Command", "The name read differs from the script: reveal the script's winner."),
)
def choose_script_winner(state: ShowState, call: Call) -> Result:
    return reveals.choose(state, call.now, read=False)


@command(
    "choose_read_winner",
    QT_TRANSLATE_NOOP("Command", "Use the winner read out"),
    keys=("O",),
    icon="fa5s.envelope-open",
    guard=_pending("mismatch"),
    remote=False,
    help=QT_TRANSLATE_NOOP("Command", "The name read differs from the script: reveal the name the host read."),
)
def choose_read_winner(state: ShowState, call: Call) -> Result:
    return reveals.choose(state, call.now, read=True)


@command(
    "confirm",
    QT_TRANSLATE_NOOP("Command", "Confirm"),
    icon="fa5s.check-double",
    guard=_pending("confirm"),
    safe_during_reveal=True,
    help=QT_TRANSLATE_NOOP("Command", "Carry out the action waiting for confirmation."),
)
def confirm(state: ShowState, call: Call) -> Result:
    pending = state.pending
    waiting = REGISTRY.get(pending.command) if pending is not None and pending.kind == "confirm" else None
    if pending is None or waiting is None:
        return state, ignored(QT_TRANSLATE_NOOP("Outcome", "nothing to confirm"))
    if moves.reveal_playing(state, call.now) and not waiting.safe_during_reveal:
        return state, held(QT_TRANSLATE_NOOP("Outcome", "reveal animation playing"))
    new, outcome = waiting.run(state, replace(call, arg=pending.arg, confirmed=True))
    if new.pending is pending:
        new = replace(new, pending=None)
    return new, outcome


@command(
    "reset_reveal",
    QT_TRANSLATE_NOOP("Command", "Reset the reveal"),
    icon="fa5s.undo",
    arg="optional",
    guard=lambda state, now: state.is_revealed(state.cue.class_id),
    help=QT_TRANSLATE_NOOP(
        "Command",
        "Forget a class's revealed winner (the current cue's class by default) so it can be revealed again; "
        "asks for confirmation.",
    ),
)
def reset_reveal(state: ShowState, call: Call) -> Result:
    return reveals.reset(state, call.now, call.arg, call.confirmed)


@command(
    "rehearsal",
    QT_TRANSLATE_NOOP("Command", "Rehearsal mode"),
    icon="fa5s.theater-masks",
    guard=lambda state, now: not state.started or state.rehearsal,
    toolbar=8,
    help=QT_TRANSLATE_NOOP(
        "Command",
        "Rehearsal on/off: reveals use stand-ins drawn without looking at the winner. Only before the show starts.",
    ),
)
def rehearsal(state: ShowState, call: Call) -> Result:
    if not state.started:
        on = not state.rehearsal
        new = replace(state, rehearsal=on, live_picks={}, confirmed_picks={}, pending=None)
        return new, ok(
            QT_TRANSLATE_NOOP("Outcome", "rehearsal on: reveals show stand-ins")
            if on
            else QT_TRANSLATE_NOOP("Outcome", "rehearsal off")
        )
    if not state.rehearsal:
        return state, ignored(
            QT_TRANSLATE_NOOP("Outcome", "the show has started; rehearsal can only be switched before it starts")
        )
    if not call.confirmed:
        asked = said(
            QT_TRANSLATE_NOOP("Outcome", "End the rehearsal? The clock resets and the show goes back to the first cue.")
        )
        pending = Pending("confirm", asked, call.now, command="rehearsal", arg=call.arg)
        return replace(state, pending=pending), needs_confirmation(asked)
    return _end_rehearsal(state, call.now), ok(QT_TRANSLATE_NOOP("Outcome", "rehearsal ended; ready for the show"))


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
    QT_TRANSLATE_NOOP("Command", "Winner in the preview"),
    icon="fa5s.eye",
    safe_during_reveal=True,
    remote=False,
    in_follower=True,
    toolbar=9,
    menu="view",
    help=QT_TRANSLATE_NOOP("Command", "Let the Next preview show reveals with their winner."),
)
def show_winners_in_preview(state: ShowState, call: Call) -> Result:
    on = not state.show_winners_in_preview
    return replace(state, show_winners_in_preview=on), ok(
        QT_TRANSLATE_NOOP("Outcome", "winners in preview on")
        if on
        else QT_TRANSLATE_NOOP("Outcome", "winners in preview off")
    )


@command(
    "start_show",
    QT_TRANSLATE_NOOP("Command", "Start the show"),
    keys=("F5", "Shift+F5"),
    icon="fa5s.play",
    safe_during_reveal=True,
    toolbar=7,
    help=QT_TRANSLATE_NOOP("Command", "Start the show clock if it is not running; never leaves fullscreen or quits."),
)
def start_show(state: ShowState, call: Call) -> Result:
    if state.started:
        return state, ignored(QT_TRANSLATE_NOOP("Outcome", "the show clock is already running"))
    started = replace(state, started_at=call.now, cue_entered_at=call.now, slide_entered_at=call.now)
    return started, ok(QT_TRANSLATE_NOOP("Outcome", "show clock started"))


@command(
    "escape",
    QT_TRANSLATE_NOOP("Command", "Cancel"),
    keys=("Esc",),
    icon="fa5s.times",
    guard=lambda state, now: state.pending is not None,
    safe_during_reveal=True,
    in_follower=True,
    help=QT_TRANSLATE_NOOP("Command", "Cancel a pending confirmation or envelope mismatch; never quits."),
)
def escape(state: ShowState, call: Call) -> Result:
    if state.pending is None:
        return state, ignored(QT_TRANSLATE_NOOP("Outcome", "nothing to cancel"))
    pending = state.pending
    picks = state.live_picks
    if pending.kind == "mismatch" and pending.class_id is not None:
        picks = {k: v for k, v in picks.items() if k != pending.class_id}
    return replace(state, pending=None, live_picks=picks), ok(QT_TRANSLATE_NOOP("Outcome", "cancelled"))


#: The longest message the confidence monitor is asked to show (it is read from metres away).
MESSAGE_MAX = 80


@command(
    "send_message",
    QT_TRANSLATE_NOOP("Command", "Message to the host"),
    arg="required",
    safe_during_reveal=True,
    in_follower=False,
    menu=None,
    help=QT_TRANSLATE_NOOP(
        "Command",
        "Put a private message on the host's confidence monitor (never on the stage); a message that is only a "
        "duration, such as '30 s', counts down there.",
    ),
)
def send_message(state: ShowState, call: Call) -> Result:
    text = " ".join((call.arg or "").split())
    if not text:
        return state, error(QT_TRANSLATE_NOOP("Outcome", "an empty message"))
    if len(text) > MESSAGE_MAX:
        return state, error(
            QT_TRANSLATE_NOOP("Outcome", "a message is at most {count} characters (the host reads it from afar)"),
            count=MESSAGE_MAX,
        )
    message = HostMessage(text, call.now, _countdown(text))
    log = _close_message(state, call.now)
    return replace(state, message=message, message_log=(*log, message)[-MESSAGE_LOG_SIZE:]), ok(
        QT_TRANSLATE_NOOP("Outcome", "message: {text}"), text=text
    )


@command(
    "clear_message",
    QT_TRANSLATE_NOOP("Command", "Clear the message"),
    safe_during_reveal=True,
    guard=lambda state, now: state.message is not None,
    menu=None,
    help=QT_TRANSLATE_NOOP("Command", "Take the message off the host's confidence monitor."),
)
def clear_message(state: ShowState, call: Call) -> Result:
    if state.message is None:
        return state, ignored(QT_TRANSLATE_NOOP("Outcome", "no message to clear"))
    return replace(state, message=None, message_log=_close_message(state, call.now)), ok(
        QT_TRANSLATE_NOOP("Outcome", "message cleared")
    )


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


from ceremony.show import media_actions  # noqa: E402, F401  (registers the media commands after these)
