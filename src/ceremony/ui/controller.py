"""The Qt side of the show: one object both windows listen to and send keys through.

The engine decides; this class turns its state into stage frames (transitions,
blackout fades and freeze are presentation, so they live here), routes key
presses to commands by the keymap, and tells the windows what happened.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent

from ceremony.render.frame import Frame
from ceremony.render.renderer import Renderer
from ceremony.script.loader import LoadedScript
from ceremony.show.commands import COMMANDS_BY_ID, Keymap, build_keymap
from ceremony.show.cues import Cue
from ceremony.show.engine import Engine
from ceremony.show.state import Outcome, ShowState, ignored
from ceremony.ui.keys import describe, invalid_bindings, key_texts

log = logging.getLogger(__name__)

#: Seconds a black- or whiteout takes to fade in or out.
BLACKOUT_FADE = 0.4

#: Commands a follower still runs itself (the rest come from the leader).
_LOCAL_IN_FOLLOWER = frozenset({"escape", "show_winners_in_preview"})

UiHandler = Callable[[], bool]
"""A window's handler for a UI-only command; returns False when it does not apply now (try the next command)."""


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
        self.ui_handlers: dict[str, UiHandler] = {}
        self.digits = ""
        self.following: str | None = None
        """The leader's URL when this machine only mirrors another's show."""
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
        if self._digit(event, texts[0]):
            return True
        for text in texts:
            ids = self.keymap.commands_for(text)
            if ids:
                self.keys_seen.update(ids)
                self.keySeen.emit(describe(event), ", ".join(ids))
                if text in ("Return", "Enter") and self.digits:
                    self._goto_digits()
                    return True
                self.dispatch(ids, auto_repeat=event.isAutoRepeat())
                return True
        self.keySeen.emit(describe(event), "")
        return False

    def _digit(self, event: QKeyEvent, text: str) -> bool:
        """Digits build a cue number (then Enter jumps); while a winner is to be keyed in, 1–9 pick."""
        if not (len(text) == 1 and text.isdigit()):
            return False
        self.keySeen.emit(describe(event), "digit")
        if self.picking() and not self.digits:
            self.run("pick_winner", text)
            return True
        self.digits = (self.digits + text)[-4:]
        self.message.emit("ok", f"go to cue {self.digits} — Enter to jump, Esc to cancel")
        return True

    def picking(self) -> bool:
        """True at a reveal whose winner the operator keys in (live, or checked against the envelope)."""
        return self.state.cue.kind == "reveal" and self.engine.available("pick_winner")

    def _goto_digits(self) -> None:
        number, self.digits = self.digits, ""
        self.run("goto", number)

    def dispatch(self, ids: tuple[str, ...] | list[str], *, auto_repeat: bool = False) -> Outcome:
        """Run the first of a key's commands that applies now; UI commands first ask their window."""
        for command_id in ids:
            command = COMMANDS_BY_ID.get(command_id)
            if command is None:
                continue
            if not command.engine:
                handler = self.ui_handlers.get(command_id)
                if handler is not None and handler():
                    return Outcome("ok", "", command_id)
                continue
            if command_id == "escape" and self.digits:
                self.digits = ""
                self.message.emit("ok", "cue number cancelled")
                return Outcome("ok", "", command_id)
            if command_id == "escape":
                handler = self.ui_handlers.get("close_overlays")
                if handler is not None and handler():
                    return Outcome("ok", "", command_id)
            if self.engine.available(command_id):
                return self.run(command_id, auto_repeat=auto_repeat)
        return ignored("nothing to do for this key now")

    def run(self, command_id: str, arg: str | int | None = None, *, auto_repeat: bool = False) -> Outcome:
        """Run one command (buttons, menus, keys, tests); UI commands go to their window's handler."""
        command = COMMANDS_BY_ID.get(command_id)
        if command is not None and not command.engine:
            handler = self.ui_handlers.get(command_id)
            done = handler() if handler is not None else False
            return Outcome("ok" if done else "ignored", "", command_id)
        if self.following and not (command is not None and command.id in _LOCAL_IN_FOLLOWER):
            outcome = Outcome("ignored", f"this machine follows {self.following}; drive the show there", command_id)
            self.message.emit(outcome.kind, outcome.message)
            return outcome
        outcome = self.engine.run(command_id, arg, auto_repeat=auto_repeat)
        if outcome.kind != "ok" or outcome.message:
            self.message.emit(outcome.kind, outcome.message)
        return outcome

    # ---------------------------------------------------------------- engine changes

    @property
    def state(self) -> ShowState:
        return self.engine.state

    @property
    def cues(self) -> tuple[Cue, ...]:
        return self.engine.cues

    def _on_engine(self, old: ShowState, new: ShowState, outcome: Outcome) -> None:
        now = self.clock()
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
            winners=self.engine.winners_for_render(cue) if state is self.engine.state else {},
            rehearsal=state.rehearsal,
            now=dt.datetime.now(),
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
        return frame

    def preview_frame(self, index: int) -> Frame:
        """A cue as the presenter previews it: at rest, winners only when previews may show them."""
        cue = self.cues[index]
        winners = self.engine.winners_for_preview(cue)
        # At rest: a reveal settled, a suspense at its first frame (no card lit, so no one reads a hint into it).
        t = 0.0 if cue.step == "suspense" else cue.animation + 60.0
        return Frame(cue=cue, t=t, winners=winners, rehearsal=self.state.rehearsal)

    def next_index(self) -> int | None:
        """The cue "next" moves to (what the Next preview shows); None at the end."""
        index = self.state.cue_index + 1
        return index if index < len(self.cues) else None

    def frame_interval(self) -> float | None:
        """Seconds until the stage picture changes by itself; None when it is still."""
        now = self.clock()
        if now - self._blackout_since < BLACKOUT_FADE:
            return 1 / 60
        return self.renderer.frame_interval(self.stage_frame(now))

    # ---------------------------------------------------------------- reload

    def swap_script(self, loaded: LoadedScript, renderer: Renderer) -> Outcome:
        """Put a re-read, sound script in place; the engine keeps the place by cue id."""
        self.loaded = loaded
        self.renderer = renderer
        self.keymap, self.key_problems = self._keymap(loaded)
        outcome = self.engine.reload(renderer.cues, loaded.script)
        self.message.emit(outcome.kind, outcome.message)
        return outcome
