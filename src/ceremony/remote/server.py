"""Accepting clients fairly: per-client and total caps, eviction of the idle and the unauthenticated, a file-handle
budget, WebSocket clients counted — so whoever floods the port, an authenticated request is still served.

Admission happens at ``accept``, before a byte is read. When a client address
is at ``max_per_client``, or the server at ``max_connections`` or its socket
budget, the connection most worth losing makes room: one already closing, then
unauthenticated before authenticated, idle before busy, oldest first. A
connection whose client has proven the token and is mid-request is never
evicted; only when nothing else can go is the newcomer refused with a 503.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QAbstractSocket, QHostAddress, QTcpServer, QTcpSocket

from ceremony.remote.http import HttpProtocol, Request, Response, error_response
from ceremony.remote.limits import Limits, RefusalLog, socket_budget
from ceremony.remote.link import Link, client_address
from ceremony.remote.ws import WebSocketProtocol

log = logging.getLogger(__name__)

_REFUSAL = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: 38\r\n"
    b"Connection: close\r\nRetry-After: 1\r\n\r\n"
    b'{"error":"too many connections, retry"}'
)


class Service(Protocol):
    """What the server serves (``api.RemoteServer``)."""

    def respond(self, request: Request) -> Response: ...

    def websocket(self, request: Request) -> Response | None:
        """None when this WebSocket may open, else the refusal (401, 403, 404 …)."""

    def websocket_opened(self, client: WebSocketProtocol) -> None: ...

    def websocket_closed(self, client: WebSocketProtocol) -> None: ...


class HttpServer(QObject):
    """Listens, admits connections within the limits, and gives each an ``HttpProtocol``."""

    def __init__(self, service: Service, limits: Limits | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.limits = limits or Limits()
        self.refusals = RefusalLog(self.limits.refusal_logs_per_minute)
        self.budget = self.limits.max_connections + self.limits.max_websockets
        """Sockets the server may hold (set from the file-handle limit at ``listen``)."""
        self.refused = 0
        self.evicted = 0
        self._server = QTcpServer(self)
        self._server.newConnection.connect(self._accept)
        self._server.acceptError.connect(self._accept_error)
        self._links: dict[Link, None] = {}  # insertion-ordered set

    def listen(self, host: str, port: int) -> bool:
        self.budget = socket_budget(self.limits)
        if self.budget < self.limits.max_connections + self.limits.max_websockets:
            log.warning("remote: file handles allow only %d client connections", self.budget)
        return self._server.listen(QHostAddress(host), port)

    def error_string(self) -> str:
        return self._server.errorString()

    @property
    def port(self) -> int:
        return self._server.serverPort()

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    @property
    def connection_count(self) -> int:
        """HTTP connections open now (WebSocket clients not included)."""
        return sum(1 for link in self._links if link.kind == "http")

    @property
    def websocket_count(self) -> int:
        return sum(1 for link in self._links if link.kind == "websocket")

    def close(self) -> None:
        self._server.close()
        for link in list(self._links):
            link.drop()

    def forget(self, link: Link) -> None:
        self._links.pop(link, None)

    # ---------------------------------------------------------------- admission

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket is None:  # pragma: no cover - Qt said there was one
                return
            if not self._make_room(client_address(socket)):
                self._refuse(socket)
                continue
            link = Link(socket, self, self)
            link.protocol = HttpProtocol(link, self)
            self._links[link] = None
            # A request sent right after the connect is usually in the kernel already: read it now (a 0 ms poll,
            # not a wait), so the client can prove its token before a flood of newcomers could evict it.
            socket.waitForReadyRead(0)

    def _make_room(self, peer: str) -> bool:
        http = [link for link in self._links if link.kind == "http"]
        mine = [link for link in http if link.peer == peer]
        if len(mine) >= self.limits.max_per_client and not self._evict(mine):
            return False
        http = [link for link in http if link.alive]
        full = len(http) >= self.limits.max_connections or len(self._links) >= self.budget
        return not full or self._evict(http)

    def _evict(self, links: Iterable[Link]) -> bool:
        """Drop the connection most worth losing among ``links``; False when every one is an authenticated
        request under way."""
        victims = [link for link in links if link.alive and not (link.proven and link.busy and not link.closing)]
        if not victims:
            return False
        victim = min(victims, key=lambda link: (not link.closing, link.proven, link.busy, link.since))
        self.evicted += 1
        self.refusals.note(
            "evicted %s %s connection from %s to make room",
            "an idle" if not victim.busy else "a busy",
            "authenticated" if victim.proven else "unauthenticated",
            victim.peer,
        )
        victim.drop()
        return True

    def _refuse(self, socket: QTcpSocket) -> None:
        """No room even after eviction: a 503 if the kernel takes it at once, and the handle freed now."""
        self.refused += 1
        self.refusals.note("refused a connection from %s: the server is full", client_address(socket))
        socket.write(_REFUSAL)
        socket.flush()
        socket.abort()
        socket.deleteLater()

    def _accept_error(self, error: QAbstractSocket.SocketError) -> None:
        self.refusals.note("accepting a connection failed: %s", self._server.errorString())

    # ---------------------------------------------------------------- HttpHost, WebSocketHost

    def respond(self, request: Request) -> Response:
        return self.service.respond(request)

    def websocket_refusal(self, link: Link, request: Request) -> Response | None:
        refusal = self.service.websocket(request)
        if refusal is not None:
            return refusal
        sockets = [other for other in self._links if other.kind == "websocket"]
        if len(sockets) >= self.limits.max_websockets:
            self.refusals.note("refused a WebSocket from %s: %d clients already", link.peer, len(sockets))
            return error_response(503, "too many WebSocket clients", close=True, headers=(("Retry-After", "5"),))
        if sum(1 for other in sockets if other.peer == link.peer) >= self.limits.max_websockets_per_client:
            self.refusals.note("refused a WebSocket from %s: too many from that address", link.peer)
            return error_response(503, "too many WebSocket clients from this address", close=True)
        return None

    def open_websocket(self, link: Link, trailing: bytes) -> None:
        client = WebSocketProtocol(link, self, trailing)
        link.protocol = client
        self.service.websocket_opened(client)
        client.start()

    def websocket_closed(self, client: WebSocketProtocol) -> None:
        self.service.websocket_closed(client)
