"""One client's TCP connection to the remote server, with the deadline that keeps it from holding the server.

A ``Link`` owns its ``QTcpSocket`` for the socket's whole life; what is spoken on
it is a ``LinkProtocol`` — HTTP/1.1 (``http.HttpProtocol``, h11) until a
WebSocket upgrade swaps in ``ws.WebSocketProtocol`` (wsproto). Both are sans-IO
libraries driven from the socket's signals in the app's own event loop: no
thread serves the network.

Every link has one single-shot deadline whose meaning follows its phase: the
request must arrive, the keep-alive may idle, the reply must be taken, the
close must finish, or the WebSocket is due a ping. Reads are bounded
(``setReadBufferSize``), so a client that sends faster than the show reads waits
in the kernel, not in memory.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtNetwork import QAbstractSocket, QTcpSocket

if TYPE_CHECKING:
    from ceremony.remote.limits import Limits, RefusalLog

log = logging.getLogger(__name__)


class LinkProtocol(Protocol):
    """What is spoken on a link (HTTP or WebSocket); the link calls these from its socket's signals."""

    def on_readable(self) -> None:
        """Bytes are waiting in the socket."""

    def on_flushed(self) -> None:
        """Everything written so far has been handed to the kernel."""

    def on_deadline(self) -> None:
        """The phase's deadline passed (the link handles closing and unsent-reply deadlines itself)."""

    def on_gone(self) -> None:
        """The link is closed for good."""


class LinkOwner(Protocol):
    limits: Limits
    refusals: RefusalLog

    def forget(self, link: Link) -> None: ...


def client_address(socket: QTcpSocket) -> str:
    """The peer's address, an IPv4-mapped IPv6 address as plain IPv4 (one client, one key)."""
    text = socket.peerAddress().toString()
    return text[7:] if text.lower().startswith("::ffff:") and "." in text else text


class Link(QObject):
    """A client's socket: bounded reads, writes that must be taken in time, a close that must finish."""

    def __init__(self, socket: QTcpSocket, owner: LinkOwner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.socket: QTcpSocket | None = socket
        self.owner = owner
        self.limits = owner.limits
        socket.setParent(self)
        socket.setReadBufferSize(self.limits.read_buffer)
        socket.setSocketOption(QAbstractSocket.SocketOption.SendBufferSizeSocketOption, self.limits.send_buffer)
        self.peer = client_address(socket)
        self.peer_is_loopback = socket.peerAddress().isLoopback()
        self.kind: Literal["http", "websocket"] = "http"
        self.proven = False
        """The client has sent a request with valid credentials: it is the last to be evicted."""
        self.busy = False
        """A request is arriving or its reply is on its way."""
        self.since = time.monotonic()
        """When the current phase began (connection, request, idle): the oldest is evicted first."""
        self.closing = False
        self.written_total = 0
        self.protocol: LinkProtocol | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._expired)
        socket.readyRead.connect(self._readable)
        socket.bytesWritten.connect(self._written)
        socket.disconnected.connect(self.drop)

    @property
    def alive(self) -> bool:
        return self.socket is not None

    @property
    def pending_write(self) -> int:
        """Bytes written that the kernel has not taken yet (the client is not reading)."""
        return int(self.socket.bytesToWrite()) if self.socket is not None else 0

    def phase(self, *, busy: bool, deadline_ms: int) -> None:
        """Enter a new phase: busy (a request or reply under way) or not, with its deadline."""
        self.busy = busy
        self.since = time.monotonic()
        self._timer.start(deadline_ms)

    def deadline(self, ms: int) -> None:
        self._timer.start(ms)

    def read(self, size: int) -> bytes:
        if self.socket is None or not self.socket.bytesAvailable():
            return b""
        return bytes(self.socket.read(size).data())

    def send(self, data: bytes) -> bool:
        """Write and hand to the kernel at once (so a reply goes out even if the client half-closed); True when
        all of it was taken."""
        if self.socket is None or not data:
            return self.socket is not None
        self.socket.write(data)
        self.socket.flush()
        return self.socket is not None and not self.socket.bytesToWrite()

    def close(self) -> None:
        """Close after what was written has gone out; aborted if that does not happen within close_timeout."""
        if self.socket is None or self.closing:
            return
        self.closing = True
        self.busy = False
        self._timer.start(self.limits.close_timeout_ms)
        self.socket.disconnectFromHost()
        if self.socket is not None and self.socket.state() == QAbstractSocket.SocketState.UnconnectedState:
            self.drop()

    def drop(self) -> None:
        """Forget the link and free its socket now (idempotent)."""
        socket, self.socket = self.socket, None
        if socket is None:
            return
        self._timer.stop()
        with contextlib.suppress(RuntimeError, TypeError):  # already disconnected, or Qt deleted it at exit
            socket.readyRead.disconnect(self._readable)
            socket.bytesWritten.disconnect(self._written)
            socket.disconnected.disconnect(self.drop)
        with contextlib.suppress(RuntimeError):
            socket.abort()
            socket.deleteLater()
        self.owner.forget(self)
        if self.protocol is not None:
            self.protocol.on_gone()
        with contextlib.suppress(RuntimeError):
            self.deleteLater()

    def _guarded(self, call: Callable[[], None]) -> None:
        """Run a protocol callback; a bug in it costs this client its connection, never the show."""
        try:
            call()
        except Exception:
            log.exception("remote: a %s connection from %s failed", self.kind, self.peer)
            self.drop()

    def _readable(self) -> None:
        if self.protocol is not None and not self.closing:
            self._guarded(self.protocol.on_readable)

    def _written(self, count: int) -> None:
        self.written_total += int(count)
        if self.socket is not None and not self.socket.bytesToWrite() and not self.closing and self.protocol:
            self._guarded(self.protocol.on_flushed)

    def _expired(self) -> None:
        if self.socket is None:
            return
        if self.closing:
            self.owner.refusals.note("aborted a connection from %s that did not finish closing", self.peer)
            self.drop()
        elif self.kind == "http" and self.pending_write:
            self.owner.refusals.note("dropped a client at %s that does not read its replies", self.peer)
            self.drop()
        elif self.protocol is not None:
            self._guarded(self.protocol.on_deadline)
