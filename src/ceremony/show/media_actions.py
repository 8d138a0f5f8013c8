"""The show's media commands: pause, restart, the sound's panic, the master volume, and a film's end.

Pure functions of the show state like every other command (``actions``): they say what the sound
and the films should do, and the player (``ui.media``) makes it so when the state changes. So a
key, a button, the remote and OSC all drive the same state, and a restored or mirrored show plays
as the state says. No Qt here.
"""

from __future__ import annotations

from dataclasses import replace

from ceremony.i18n import QT_TRANSLATE_NOOP
from ceremony.show import moves
from ceremony.show.commands import command
from ceremony.show.state import Call, Outcome, ShowState, ignored, ok

Result = tuple[ShowState, Outcome]

#: The master volume's step (dB) and its range: quiet enough to talk over, never more than +6 dB.
VOLUME_STEP = 3.0
VOLUME_MIN, VOLUME_MAX = -48.0, 6.0


@command(
    "media_pause",
    QT_TRANSLATE_NOOP("Command", "Pause sound/film"),
    keys=("K",),
    icon="fa5s.pause",
    safe_during_reveal=True,
    toolbar=6,
    help=QT_TRANSLATE_NOOP(
        "Command", "Pause the film and every sound, or play on from where they stopped (a new cue always plays)."
    ),
)
def media_pause(state: ShowState, call: Call) -> Result:
    paused = not state.media_paused
    said = QT_TRANSLATE_NOOP("Outcome", "media paused") if paused else QT_TRANSLATE_NOOP("Outcome", "media playing")
    return replace(state, media_paused=paused), ok(said)


@command(
    "media_restart",
    QT_TRANSLATE_NOOP("Command", "Restart the film"),
    keys=("Shift+K",),
    icon="fa5s.redo",
    guard=lambda state, now: state.cue.film,
    help=QT_TRANSLATE_NOOP("Command", "Start the current cue's film again from its start."),
)
def media_restart(state: ShowState, call: Call) -> Result:
    if not state.cue.film:
        return state, ignored(QT_TRANSLATE_NOOP("Outcome", "this cue has no film"))
    restarted = replace(state, media_restarts=state.media_restarts + 1, media_paused=False)
    return restarted, ok(QT_TRANSLATE_NOOP("Outcome", "film restarted"))


@command(
    "sound_panic",
    QT_TRANSLATE_NOOP("Command", "Sound off"),
    keys=("Shift+Esc",),
    icon="fa5s.volume-mute",
    safe_during_reveal=True,
    toolbar=6,  # beside freeze and pause (after them in the registry's order): never pushed out of sight
    precedence=40,
    help=QT_TRANSLATE_NOOP(
        "Command", "Fade every sound out in one second (films keep their picture); never quits or leaves the stage."
    ),
)
def sound_panic(state: ShowState, call: Call) -> Result:
    return replace(state, panic_at=call.now), ok(QT_TRANSLATE_NOOP("Outcome", "all sound fading out"))


def _volume(state: ShowState, step: float) -> Result:
    level = min(VOLUME_MAX, max(VOLUME_MIN, state.volume_db + step))
    if level == state.volume_db:
        return state, ignored(QT_TRANSLATE_NOOP("Outcome", "volume already at {level} dB"), level=f"{level:+.0f}")
    return replace(state, volume_db=level), ok(QT_TRANSLATE_NOOP("Outcome", "volume {level} dB"), level=f"{level:+.0f}")


@command(
    "volume_up",
    QT_TRANSLATE_NOOP("Command", "Volume up"),
    keys=("Ctrl+Up",),
    icon="fa5s.volume-up",
    safe_during_reveal=True,
    help=QT_TRANSLATE_NOOP("Command", "Master volume up 3 dB (at most +6 dB)."),
)
def volume_up(state: ShowState, call: Call) -> Result:
    return _volume(state, VOLUME_STEP)


@command(
    "volume_down",
    QT_TRANSLATE_NOOP("Command", "Volume down"),
    keys=("Ctrl+Down",),
    icon="fa5s.volume-down",
    safe_during_reveal=True,
    help=QT_TRANSLATE_NOOP("Command", "Master volume down 3 dB."),
)
def volume_down(state: ShowState, call: Call) -> Result:
    return _volume(state, -VOLUME_STEP)


@command(
    "media_ended",
    QT_TRANSLATE_NOOP("Command", "The film has ended"),
    arg="required",
    remote=False,
    menu=None,
    help=QT_TRANSLATE_NOOP(
        "Command",
        "A film with 'then: next' has ended: go to the next cue if its cue is still on (the player runs this).",
    ),
)
def media_ended(state: ShowState, call: Call) -> Result:
    return moves.after_film(state, call.now, call.arg)
