"""The WebSocket on a link, framed by wsproto (sans-IO), after ``http.HttpProtocol`` answered 101.

Why wsproto and not ``QWebSocketServer``: h11 has already read the handshake
from the socket, and wsproto takes over that same socket and the bytes h11 read
past it, so one ``Link`` with one set of deadlines serves a client from its
first request to its last frame. wsproto hands out message data as it arrives,
frame piece by frame piece, so the message-size cap holds before anything is
buffered: a message claiming a gigabyte costs what one read costs, and the
client is closed with 1009 at ``max_ws_message``. The server pings a quiet
client every ``ws_ping_interval_ms``; one that sends nothing (no pong either)
for ``ws_idle_timeout_ms``, or does not read its pushes for a whole ping
interval, is dropped.

The remote does not act on what clients send (it only pushes the state); the
messages are counted against the cap and dropped.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Protocol

from wsproto.connection import Connection, ConnectionState, ConnectionType
from wsproto.events import CloseConnection, Event, Message, Ping, Pong, TextMessage
from wsproto.frame_protocol import CloseReason
from wsproto.utilities import LocalProtocolError

if TYPE_CHECKING:
    from ceremony.remote.limits import Limits, RefusalLog
    from ceremony.remote.link import Link


class WebSocketHost(Protocol):
    limits: Limits
    refusals: RefusalLog

    def websocket_closed(self, client: WebSocketProtocol) -> None: ...


class WebSocketProtocol:
    """One WebSocket client: pushes out, pings, and a cap on what comes in."""

    def __init__(self, link: Link, host: WebSocketHost, trailing: bytes = b"") -> None:
        self.link = link
        self.host = host
        self.limits = host.limits
        self.ws = Connection(ConnectionType.SERVER, extensions=[], trailing_data=trailing)
        self.last_seen = time.monotonic()
        self._message = 0
        self._beat_written = link.written_total
        link.kind = "websocket"
        link.proven = True  # the upgrade was authorised
        link.phase(busy=False, deadline_ms=self.limits.ws_ping_interval_ms)

    @property
    def peer(self) -> str:
        return self.link.peer

    @property
    def open(self) -> bool:
        return self.link.alive and not self.link.closing and self.ws.state is ConnectionState.OPEN

    @property
    def backlog(self) -> int:
        """Bytes pushed that the client has not taken yet."""
        return self.link.pending_write

    def start(self) -> None:
        """Handle the frames that came with the handshake and any already waiting."""
        self._events()
        self.on_readable()

    def send_text(self, text: str) -> None:
        if self.open:
            self._send(TextMessage(data=text))

    def close(self, code: int = CloseReason.GOING_AWAY, reason: str = "") -> None:
        """Say goodbye with a close frame, then close the socket (aborted if the client does not let go)."""
        if self.open:
            self._send(CloseConnection(code=code, reason=reason))
        self.link.close()

    def abort(self) -> None:
        self.link.drop()

    # ---------------------------------------------------------------- link events

    def on_readable(self) -> None:
        while self.link.alive and not self.link.closing:
            data = self.link.read(self.limits.read_buffer)
            if not data:
                return
            self.last_seen = time.monotonic()
            try:
                self.ws.receive_data(data)
            except LocalProtocolError:  # data after the close: nothing more to hear from this client
                self.link.close()
                return
            self._events()

    def on_flushed(self) -> None:
        pass

    def on_deadline(self) -> None:
        """The heartbeat: drop a client that stopped answering or stopped reading, else ping it."""
        link = self.link
        if time.monotonic() - self.last_seen > self.limits.ws_idle_timeout_ms / 1000:
            self.host.refusals.note("dropped a WebSocket client at %s that stopped answering pings", link.peer)
            link.drop()
            return
        if link.pending_write and link.written_total == self._beat_written:
            self.host.refusals.note("dropped a WebSocket client at %s that does not read", link.peer)
            link.drop()
            return
        self._beat_written = link.written_total
        if self.open:
            self._send(Ping(payload=b"ceremony"))
        link.deadline(self.limits.ws_ping_interval_ms)

    def on_gone(self) -> None:
        self.host.websocket_closed(self)

    # ---------------------------------------------------------------- frames

    def _events(self) -> None:
        for event in self.ws.events():
            if isinstance(event, Message):
                size = len(event.data.encode()) if isinstance(event.data, str) else len(event.data)
                self._message += size
                if self._message > self.limits.max_ws_message:
                    self.host.refusals.note("closed a WebSocket client at %s: message too big", self.link.peer)
                    cap = self.limits.max_ws_message
                    self.close(CloseReason.MESSAGE_TOO_BIG, f"messages may be at most {cap} bytes")
                    return
                if event.message_finished:
                    self._message = 0
            elif isinstance(event, Ping):
                self._send(event.response())
            elif isinstance(event, CloseConnection):
                self._closed_by_client(event)
                return
            elif not isinstance(event, Pong):  # pragma: no cover - wsproto has no other events after the handshake
                continue

    def _closed_by_client(self, event: CloseConnection) -> None:
        """The client said goodbye (or broke the protocol: wsproto then hands us the close it deserves)."""
        if self.ws.state is ConnectionState.REMOTE_CLOSING:
            self._send(event.response())
        elif self.ws.state is ConnectionState.OPEN:
            self._send(CloseConnection(code=event.code, reason=event.reason or ""))
        self.link.close()

    def _send(self, event: Event) -> None:
        try:
            data = self.ws.send(event)
        except LocalProtocolError:  # the connection is closing: nothing more may be sent
            return
        self.link.send(data)
