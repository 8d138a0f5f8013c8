"""The show's media commands: pause, restart, the sound's panic, the master volume, and a film's end.

Pure functions of the show state like every other command (``actions``): they say what the sound
and the films should do, and the player (``ui.media``) makes it so when the state changes. So a
key, a button, the remote and OSC all drive the same state, and a restored or mirrored show plays
as the state says. No Qt here.
"""

from __future__ import annotations

from dataclasses import replace

from ceremony.show import moves
from ceremony.show.commands import command
from ceremony.show.state import Call, Outcome, ShowState, ignored, ok

Result = tuple[ShowState, Outcome]

#: The master volume's step (dB) and its range: quiet enough to talk over, never more than +6 dB.
VOLUME_STEP = 3.0
VOLUME_MIN, VOLUME_MAX = -48.0, 6.0


@command("media_pause", "Pause lyd/film", keys=("K",), icon="fa5s.pause", safe_during_reveal=True, toolbar=6)
def media_pause(state: ShowState, call: Call) -> Result:
    """Pause the film and every sound, or play on from where they stopped (a new cue always plays)."""
    paused = not state.media_paused
    return replace(state, media_paused=paused), ok("media paused" if paused else "media playing")


@command(
    "media_restart",
    "Start filmen på nytt",
    keys=("Shift+K",),
    icon="fa5s.redo",
    guard=lambda state, now: state.cue.film,
)
def media_restart(state: ShowState, call: Call) -> Result:
    """Start the current cue's film again from its start."""
    if not state.cue.film:
        return state, ignored("this cue has no film")
    return replace(state, media_restarts=state.media_restarts + 1, media_paused=False), ok("film restarted")


@command(
    "sound_panic",
    "Lyd av",
    keys=("Shift+Esc",),
    icon="fa5s.volume-mute",
    safe_during_reveal=True,
    toolbar=6,  # beside freeze and pause (after them in the registry's order): never pushed out of sight
    precedence=40,
)
def sound_panic(state: ShowState, call: Call) -> Result:
    """Fade every sound out in one second (films keep their picture); never quits or leaves the stage."""
    return replace(state, panic_at=call.now), ok("all sound fading out")


def _volume(state: ShowState, step: float) -> Result:
    level = min(VOLUME_MAX, max(VOLUME_MIN, state.volume_db + step))
    if level == state.volume_db:
        return state, ignored(f"volume already at {level:+.0f} dB")
    return replace(state, volume_db=level), ok(f"volume {level:+.0f} dB")


@command("volume_up", "Volum opp", keys=("Ctrl+Up",), icon="fa5s.volume-up", safe_during_reveal=True)
def volume_up(state: ShowState, call: Call) -> Result:
    """Master volume up 3 dB (at most +6 dB)."""
    return _volume(state, VOLUME_STEP)


@command("volume_down", "Volum ned", keys=("Ctrl+Down",), icon="fa5s.volume-down", safe_during_reveal=True)
def volume_down(state: ShowState, call: Call) -> Result:
    """Master volume down 3 dB."""
    return _volume(state, -VOLUME_STEP)


@command("media_ended", "Filmen er slutt", arg="required", remote=False, menu=None)
def media_ended(state: ShowState, call: Call) -> Result:
    """A film with 'then: next' has ended: go to the next cue if its cue is still on (the player runs this)."""
    return moves.after_film(state, call.now, call.arg)
