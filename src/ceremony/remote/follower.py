"""A follower: a stage or confidence monitor on another machine that mirrors a leader over its WebSocket.

It runs its own copy of the script in its own ``Engine`` and only installs the
leader's position into it (cue, stage cue, blackout, freeze, rehearsal, revealed
winners, the host's message), so it renders every frame itself. The scripts must be the same file:
the leader's digest is checked against the local one and a mismatch stops the
mirroring with a clear message. If the leader vanishes the engine keeps its last
state (the stage holds its frame), ``leader_lost`` turns true, and the follower
reconnects on its own with backoff. A follower that is the host's confidence
monitor (``lost_message``) puts that message on it meanwhile: a monitor that
silently stopped would tell the host the wrong time; the leader's next state
takes it down.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import quote, urlsplit

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtNetwork import QAbstractSocket
from PySide6.QtWebSockets import QWebSocket

from ceremony.i18n import QT_TRANSLATE_NOOP
from ceremony.remote.snapshot import EVENTS_PATH
from ceremony.show import moves
from ceremony.show.actions import MESSAGE_MAX
from ceremony.show.engine import Engine
from ceremony.show.state import BLACKOUT_VALUES, Blackout, HostMessage, ShowState, ok

log = logging.getLogger(__name__)


class MirrorError(ValueError):
    """The leader's state does not fit this script (a cue or class it does not have)."""


def events_url(leader: str, token: str | None) -> str:
    """The WebSocket URL for a leader given as ``http://host:port``, ``host:port`` or a ``ws://`` URL."""
    text = leader.strip()
    if "://" not in text:
        text = "http://" + text
    parts = urlsplit(text)
    scheme = {"http": "ws", "https": "wss", "ws": "ws", "wss": "wss"}.get(parts.scheme)
    if scheme is None or not parts.netloc:
        raise ValueError(f"not a leader address: {leader!r} (use http://host:port)")
    path = parts.path if parts.path not in ("", "/") else EVENTS_PATH
    query = f"?token={quote(token, safe='')}" if token else ""
    return f"{scheme}://{parts.netloc}{path}{query}"


def _index(state: ShowState, cue_id: object, what: str) -> int:
    index = state.show.index_of(cue_id) if isinstance(cue_id, str) else None
    if index is None:
        raise MirrorError(f"the leader's {what} '{cue_id}' is not in this script")
    return index


def mirror(state: ShowState, doc: Mapping[str, Any], now: float) -> ShowState:
    """This follower's state moved to where the leader's state document says (pure; raises MirrorError)."""
    try:
        cue = doc["cue"]
        index = _index(state, cue["id"], "cue")
        stage = _index(state, doc.get("stage_cue_id", cue["id"]), "stage cue")
        timers = doc["timers"]
        on_cue, on_slide = float(timers["on_cue"]), float(timers["on_slide"])
        elapsed = float(timers["elapsed"])
        blackout = doc["blackout"]
        rehearsal, frozen, started = bool(doc["rehearsal"]), bool(doc["frozen"]), bool(doc.get("started"))
        revealed = doc["revealed"]
        results = {str(r["class_id"]): str(r["winner"]["id"]) for r in revealed}
        message = _message(state.message, doc.get("message"), now)
    except (KeyError, TypeError, ValueError) as exc:
        raise MirrorError(f"the leader sent a state this follower cannot read ({exc})") from None
    if blackout not in BLACKOUT_VALUES:
        raise MirrorError(f"unknown blackout '{blackout}'")
    for class_id, nominee in results.items():
        rule = state.show.classes.get(class_id)
        if rule is None or nominee not in rule.nominees:
            raise MirrorError(f"the leader revealed '{nominee}' in '{class_id}', which this script does not have")
    new = state
    if index != state.cue_index:
        new = moves.enter(new, index, now)
        new = replace(new, cue_entered_at=now - on_cue, slide_entered_at=now - on_slide)
    mode: dict[str, Any] = {"rehearsal_revealed": results} if rehearsal else {"revealed": results}
    value: Blackout = blackout
    return replace(
        new,
        blackout=value,
        frozen=frozen,
        frozen_cue_index=stage if frozen else None,
        rehearsal=rehearsal,
        media_paused=bool((doc.get("media") or {}).get("paused", False)),
        started_at=(now - elapsed) if started else None,
        pending=None,
        message=message,
        **mode,
    )


def _message(current: HostMessage | None, data: Any, now: float) -> HostMessage | None:
    """The leader's message (``{"text", "countdown", "sent_at_age"}`` or null) on this follower's clock.

    The message already shown is kept while the leader's is the same one, so its
    arrival flash and countdown run on undisturbed by each push.
    """
    if data is None:
        return None
    text, age = data["text"], float(data["sent_at_age"])
    left = None if data["countdown"] is None else float(data["countdown"])
    if not isinstance(text, str) or len(text) > 2 * MESSAGE_MAX or not 0 <= age < 1e7:
        raise ValueError("a message that is not one")
    if left is not None and not 0 <= left <= 86400:
        raise ValueError("a countdown that is not one")
    sent_at = now - age
    countdown = None if left is None else left + age  # the whole countdown, from what is left of it
    same = current is not None and current.text == text and abs(current.sent_at - sent_at) < 1.0
    if same and current is not None and (current.countdown is None) == (countdown is None):
        return current
    return HostMessage(text, sent_at, countdown)


class Follower(QObject):
    """Mirrors a leader into ``engine``; ``start()`` connects and keeps reconnecting until ``stop()``."""

    leaderLost = Signal(bool)
    """True when the leader went away (the stage holds its frame), False when it is back."""
    problem = Signal(str)
    """A clear message when following cannot work: another script, a refused token, an unknown cue."""
    mirrored = Signal(str)
    """The cue id after each mirrored state."""
    film = Signal(object)
    """The leader's film as it sent it (cue_id, status, position, paused): this machine plays its own copy in step."""

    def __init__(
        self,
        engine: Engine,
        digest: str,
        leader: str,
        token: str | None = None,
        *,
        min_backoff: float = 0.2,
        max_backoff: float = 3.0,
        heartbeat: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        lost_message: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.lost_message = lost_message
        """Shown as the host's message while no leader answers (None: nothing is shown)."""
        self.digest = digest
        self.url = events_url(leader, token)
        self.min_backoff, self.max_backoff = min_backoff, max_backoff
        self.heartbeat = heartbeat
        self.clock = clock
        self.error: str | None = None
        """The current problem, or None while following works."""
        self.last_state: dict[str, Any] | None = None
        self.reconnects = 0
        self._live = False
        self._running = False
        self._attempt = 0
        self._last_seen = 0.0
        self._socket = QWebSocket("", parent=self)
        self._socket.textMessageReceived.connect(self._on_text)
        self._socket.connected.connect(self._on_connected)
        self._socket.disconnected.connect(self._on_disconnected)
        self._socket.pong.connect(self._on_pong)
        self._socket.errorOccurred.connect(self._on_error)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._open)
        self._beat = QTimer(self)
        self._beat.setInterval(int(heartbeat * 1000))
        self._beat.timeout.connect(self._check_alive)

    @property
    def leader_lost(self) -> bool:
        """True until the leader's state arrives, and whenever it stops arriving."""
        return not self._live

    def start(self) -> None:
        self._running = True
        self._say_lost()  # until the leader's first state arrives
        self._open()
        self._beat.start()

    def stop(self) -> None:
        self._running = False
        self._retry.stop()
        self._beat.stop()
        self._socket.abort()

    # ---------------------------------------------------------------- connection

    def _open(self) -> None:
        if not self._running:
            return
        if self._socket.state() != QAbstractSocket.SocketState.UnconnectedState:
            self._socket.abort()
        self._socket.open(QUrl(self.url))

    def _on_connected(self) -> None:
        self._attempt = 0
        self._last_seen = self.clock()

    def _on_disconnected(self) -> None:
        self._set_live(False)
        if self._running and not self._retry.isActive():
            delay = min(self.max_backoff, self.min_backoff * (2**self._attempt))
            self._attempt += 1
            self.reconnects += 1
            self._retry.start(int(delay * 1000))

    def _on_error(self, error: QAbstractSocket.SocketError) -> None:
        text = self._socket.errorString()
        if "401" in text or "403" in text:
            self._report(f"the leader refused this follower: check --token ({text})")
        log.info("follower: %s", text)
        if self._socket.state() == QAbstractSocket.SocketState.UnconnectedState:
            self._on_disconnected()

    def _on_pong(self, elapsed: int, payload: bytes) -> None:
        self._last_seen = self.clock()

    def _check_alive(self) -> None:
        """A leader whose cable was pulled sends no close: no pong for three beats counts as gone."""
        if self._socket.state() != QAbstractSocket.SocketState.ConnectedState:
            return
        if self.clock() - self._last_seen > 3 * self.heartbeat:
            log.warning("follower: the leader stopped answering")
            self._socket.abort()
            return
        self._socket.ping()

    # ---------------------------------------------------------------- state

    def _on_text(self, text: str) -> None:
        self._last_seen = self.clock()
        try:
            doc = json.loads(text)
        except ValueError:
            self._report("the leader sent something that is not JSON")
            return
        if not isinstance(doc, dict):
            return
        self.apply(doc)

    def apply(self, doc: dict[str, Any]) -> bool:
        """Mirror one state document; False (and ``problem``) when it cannot be followed."""
        self.last_state = doc
        leader_digest = str(doc.get("digest", ""))
        if leader_digest != self.digest:
            self._set_live(True)
            self._report(
                "the leader runs a different script: its sha256 is "
                f"{leader_digest[:12]}…, this machine's is {self.digest[:12]}… — copy the leader's script file here"
            )
            return False
        try:
            new = mirror(self.engine.state, doc, self.engine.clock())
        except MirrorError as exc:
            self._report(str(exc))
            return False
        if new != self.engine.state:
            self.engine.replace_state(new, ok(QT_TRANSLATE_NOOP("Outcome", "mirrored from the leader")))
        self.error = None
        self._set_live(True)
        self.mirrored.emit(new.cue.id)
        if isinstance(doc.get("media"), dict):
            self.film.emit(doc["media"])
        return True

    def _set_live(self, live: bool) -> None:
        if live != self._live:
            self._live = live
            if not live:
                self._say_lost()
            self.leaderLost.emit(not live)

    def _say_lost(self) -> None:
        if self.lost_message:
            state = self.engine.state
            message = HostMessage(self.lost_message, self.engine.clock())
            self.engine.replace_state(
                replace(state, message=message), ok(QT_TRANSLATE_NOOP("Outcome", "the leader does not answer"))
            )

    def _report(self, message: str) -> None:
        if message != self.error:
            self.error = message
            log.error("follower: %s", message)
            self.problem.emit(message)
