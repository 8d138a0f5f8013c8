"""The Qt side of the show: one object both windows listen to and send keys through.

The engine decides; this class turns its state into stage frames (transitions,
blackout fades and freeze are presentation, so they live here), routes key
presses to commands by the keymap, and tells the windows what happened.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent

from ceremony.i18n import QT_TRANSLATE_NOOP
from ceremony.media import plan
from ceremony.render.frame import Frame
from ceremony.render.renderer import Renderer
from ceremony.script.loader import LoadedScript
from ceremony.show.commands import REGISTRY, Keymap, build_keymap
from ceremony.show.cues import Cue
from ceremony.show.engine import Engine
from ceremony.show.state import Outcome, ShowState, ignored
from ceremony.show.winners import winners_for_render
from ceremony.ui.keys import describe, invalid_bindings, key_texts
from ceremony.ui.window_commands import Operator

if TYPE_CHECKING:
    from ceremony.ui.media import MediaDirector

log = logging.getLogger(__name__)

#: Seconds a black- or whiteout takes to fade in or out.
BLACKOUT_FADE = 0.4


class ShowController(QObject):
    """Holds the engine and the renderer for both windows."""

    changed = Signal()
    """The show state changed (cue, blackout, freeze, winners, pending …)."""
    message = Signal(str, str)
    """(kind, text): ok, ignored, held, needs_confirmation or error — for the presenter's status line."""
    keySeen = Signal(str, str)
    """(key description, command ids it ran) — for the key tester."""
    scriptReloaded = Signal(list)
    """Problems of the last reload (empty when the new script was swapped in)."""

    def __init__(
        self,
        loaded: LoadedScript,
        engine: Engine,
        renderer: Renderer,
        *,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.loaded = loaded
        self.engine = engine
        self.renderer = renderer
        self.clock = clock
        self.keymap, self.key_problems = self._keymap(loaded)
        self.operator: Operator | None = None
        """The presenter window, once it exists: window commands act on it."""
        self.following: str | None = None
        """The leader's URL when this machine only mirrors another's show."""
        self.media: MediaDirector | None = None
        """The player of the show's films and sounds, once it is wired (ui.main)."""
        self._film_black: dict[int, float] = {}
        """Cue index -> when its film ended with 'then: black' (the stage fades to black from then)."""
        self.keys_seen: set[str] = set()
        """Command ids the key tester has seen keys for (next, previous, blackout … for the checklist)."""
        self._frozen_frame: Frame | None = None
        self._outgoing: Frame | None = None
        self._stage_index = engine.state.stage_cue_index
        self._stage_since = engine.state.cue_entered_at
        self._blackout_from = engine.state.blackout
        self._blackout_since = -1e9
        engine.subscribe(self._on_engine)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.engine.tick)
        self._tick.start()

    # ---------------------------------------------------------------- keys

    @staticmethod
    def _keymap(loaded: LoadedScript) -> tuple[Keymap, list[str]]:
        keymap, problems = build_keymap(loaded.script.settings.keys)
        return keymap, [*problems, *invalid_bindings(keymap)]

    def handle_key(self, event: QKeyEvent) -> bool:
        """Run what a key press means; True when the show used it (both windows call this)."""
        texts = key_texts(event)
        if not texts:
            return False
        for text in texts:
            ids = self.keymap.commands_for(text)
            if ids:
                self.keys_seen.update(ids)
                self.keySeen.emit(describe(event), ", ".join(ids))
                self.dispatch(ids, text, auto_repeat=event.isAutoRepeat())
                return True
        self.keySeen.emit(describe(event), "")
        return False

    def dispatch(self, ids: Sequence[str], key: str | None = None, *, auto_repeat: bool = False) -> Outcome:
        """Run the first of a key's commands that applies now; a command that takes an argument gets the
        key's text (the digit of a nominee or of a cue number)."""
        for command_id in ids:
            cmd = REGISTRY.get(command_id)
            if cmd is None:
                continue
            arg = key if cmd.takes_arg else None
            if cmd.scope == "window":
                if self._run_window(command_id, arg):
                    return Outcome("ok", "", command_id)
            elif self.engine.available(command_id):
                return self.run(command_id, arg, auto_repeat=auto_repeat)
        return ignored(QT_TRANSLATE_NOOP("Outcome", "nothing to do for this key now"))

    def run(self, command_id: str, arg: str | int | None = None, *, auto_repeat: bool = False) -> Outcome:
        """Run one command by id (buttons, menus, keys, the remote, tests)."""
        cmd = REGISTRY.get(command_id)
        if cmd is not None and cmd.scope == "window":
            done = self._run_window(command_id, None if arg is None else str(arg))
            return Outcome("ok" if done else "ignored", "", command_id)
        if self.following and not (cmd is not None and cmd.in_follower):
            text = QT_TRANSLATE_NOOP("Outcome", "this machine follows {leader}; drive the show there")
            outcome = replace(ignored(text, leader=self.following), command=command_id)
            self.message.emit(outcome.kind, outcome.translated())
            return outcome
        outcome = self.engine.run(command_id, arg, auto_repeat=auto_repeat)
        if outcome.kind != "ok" or outcome.message:
            self.message.emit(outcome.kind, outcome.translated())
        return outcome

    def _run_window(self, command_id: str, arg: str | None) -> bool:
        """A window command on the presenter; False when there is none yet or the command does not apply."""
        return self.operator is not None and bool(REGISTRY[command_id].run(self.operator, arg))

    def picking(self) -> bool:
        """True at a reveal whose winner the operator keys in now (live, or checked against the envelope)."""
        return self.engine.available("pick_winner")

    # ---------------------------------------------------------------- engine changes

    @property
    def state(self) -> ShowState:
        return self.engine.state

    @property
    def cues(self) -> tuple[Cue, ...]:
        return self.engine.cues

    def _on_engine(self, old: ShowState, new: ShowState, outcome: Outcome) -> None:
        now = self.clock()
        if new.cue_index != old.cue_index or new.media_restarts != old.media_restarts or new.show is not old.show:
            self._film_black.clear()
        if new.frozen and not old.frozen:
            self._frozen_frame = self.stage_frame(now, state=old)
        elif not new.frozen:
            self._frozen_frame = None
        reloaded = new.show is not old.show
        if reloaded and new.show.cues[new.stage_cue_index].id == old.show.cues[old.stage_cue_index].id:
            self._stage_index = new.stage_cue_index  # same cue after a reload: no transition, no flicker
        elif new.stage_cue_index != self._stage_index or reloaded:
            if not new.frozen and not reloaded:
                previous = self.stage_frame(now, state=old)
                self._outgoing = replace(previous, outgoing=None, progress=1.0)
            self._stage_index = new.stage_cue_index
            self._stage_since = new.cue_entered_at
        if new.blackout != old.blackout:
            self._blackout_from = old.blackout
            self._blackout_since = now
        if new is not old:
            self.changed.emit()

    # ---------------------------------------------------------------- films

    def film_ended(self, cue_id: str) -> None:
        """A film reached its end: hold it, go on to the next cue, or fade to black, as its script says."""
        index = self.engine.state.show.index_of(cue_id)
        if index is None:
            return
        film = plan.film_of(self.loaded.script, self.cues[index])
        if film is None or film.then == "hold":
            return
        if film.then == "next":
            self.run("media_ended", cue_id)
        else:
            self._film_black[index] = self.clock()
            self.changed.emit()

    def media_json(self) -> dict[str, Any] | None:
        """The current cue's film for the remote: where it is, so a follower can play its copy in step."""
        film = self.media.film_state(self.state.cue_index) if self.media is not None else None
        if film is None:
            return None
        return {
            "cue_id": self.state.cue.id,
            "status": film.status,
            "position": round(film.position, 3),
            "duration": None if film.duration is None else round(film.duration, 3),
            "paused": self.state.media_paused,
        }

    # ---------------------------------------------------------------- frames

    def stage_frame(self, now: float | None = None, *, state: ShowState | None = None) -> Frame:
        """What the stage shows now: the same frame the presenter's mirror draws."""
        now = self.clock() if now is None else now
        state = state or self.engine.state
        if state is self.engine.state and self._frozen_frame is not None:
            return self._frozen_frame
        cue = state.show.cues[state.stage_cue_index]
        t = max(0.0, now - state.cue_entered_at)
        frame = Frame(
            cue=cue,
            t=t,
            winners=winners_for_render(state, cue),
            rehearsal=state.rehearsal,
            now=dt.datetime.now(),
            media=self.media.picture(cue.index) if self.media is not None and cue.film else None,
        )
        frame = self._with_blackout(frame, state, now)
        duration = cue.transition.duration
        if self._outgoing is not None and state is self.engine.state and cue.transition.type != "cut" and duration > 0:
            progress = min(1.0, t / duration)
            if progress < 1.0:
                return replace(frame, outgoing=self._outgoing, progress=progress)
        return frame

    def _with_blackout(self, frame: Frame, state: ShowState, now: float) -> Frame:
        fade = min(1.0, max(0.0, (now - self._blackout_since) / BLACKOUT_FADE))
        if state.blackout != "none":
            return replace(frame, blackout=state.blackout, blackout_level=fade)
        if self._blackout_from != "none" and fade < 1.0:
            return replace(frame, blackout=self._blackout_from, blackout_level=1.0 - fade)
        ended = self._film_black.get(state.stage_cue_index)
        if ended is not None:  # a film with 'then: black' has ended: the stage fades to black, the cue stays
            return replace(frame, blackout="black", blackout_level=min(1.0, max(0.0, (now - ended) / BLACKOUT_FADE)))
        return frame

    def preview_frame(self, index: int) -> Frame:
        """A cue as the presenter previews it: at rest, winners only when previews may show them."""
        cue = self.cues[index]
        winners = self.engine.winners_for_preview(cue)
        # At rest: a reveal settled, a suspense at its first frame (no card lit, so no one reads a hint into it).
        t = 0.0 if cue.step == "suspense" else cue.animation + 60.0
        poster = self.media.poster(index) if self.media is not None and cue.film else None
        return Frame(cue=cue, t=t, winners=winners, rehearsal=self.state.rehearsal, media=poster)

    def next_index(self) -> int | None:
        """The cue "next" moves to (what the Next preview shows); None at the end."""
        index = self.state.cue_index + 1
        return index if index < len(self.cues) else None

    def frame_interval(self) -> float | None:
        """Seconds between the stage's animation frames (on the 60 Hz clock); None when nothing animates.

        A film frame's own time is ``film_due``: the stage wakes for it exactly, not on the animation clock."""
        now = self.clock()
        fading = [self._blackout_since, *self._film_black.values()]
        if any(now - since < BLACKOUT_FADE for since in fading):
            return 1 / 60
        return self.renderer.frame_interval(self.stage_frame(now))

    def film_due(self) -> float | None:
        """Seconds until the next picture of the film on stage is due; None when no film plays there (or the stage
        is frozen). The stage's timer wakes exactly then: a film's frames do not fall on the 60 Hz clock."""
        if self.media is None or self._frozen_frame is not None:
            return None
        return self.media.next_due(self.engine.state.stage_cue_index)

    # ---------------------------------------------------------------- reload

    def swap_script(self, loaded: LoadedScript, renderer: Renderer) -> Outcome:
        """Put a re-read, sound script in place; the engine keeps the place by cue id."""
        self.loaded = loaded
        self.renderer = renderer
        self.keymap, self.key_problems = self._keymap(loaded)
        outcome = self.engine.reload(renderer.cues, loaded.script)
        self.message.emit(outcome.kind, outcome.translated())
        return outcome
