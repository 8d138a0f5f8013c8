"""A small HTTP/1.1 server on ``QTcpServer`` in the app's own event loop, with the WebSocket upgrade on the same port.

Why not ``QtHttpServer``: in PySide6 6.12 its Python binding cannot answer with a
status code (a route returning a ``QHttpServerResponse`` sends an empty 200),
``<arg>`` routes fail to register, the missing-path handler cannot be set and the
WebSocket upgrade API is not bound. An API that must answer 401, 404, 409 and
413 with JSON errors cannot be built on that, so this module reads requests
itself: request line, headers, a ``Content-Length`` body, keep-alive. Limits
keep a flood or a slow client from holding the show: header and body sizes,
connection count, and a deadline for each request.

A request for ``/api/events`` with ``Upgrade: websocket`` is left unread in the
socket and handed to a ``QWebSocketServer`` (``handleConnection``), which does
the handshake itself — so HTTP and WebSocket share one port.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

from PySide6.QtCore import QObject, QTimer
from PySide6.QtNetwork import QHostAddress, QTcpServer, QTcpSocket

log = logging.getLogger(__name__)

REASONS = {
    100: "Continue",
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    408: "Request Timeout",
    409: "Conflict",
    411: "Length Required",
    413: "Content Too Large",
    415: "Unsupported Media Type",
    421: "Misdirected Request",
    426: "Upgrade Required",
    431: "Request Header Fields Too Large",
    500: "Internal Server Error",
    501: "Not Implemented",
    503: "Service Unavailable",
}


@dataclass(frozen=True, slots=True)
class Limits:
    """What one client may send; beyond these the server answers 4xx/503 and closes."""

    max_head: int = 8192
    max_body: int = 4096
    max_connections: int = 64
    request_timeout_ms: int = 10_000
    """A request's head and body must arrive within this (slow clients are dropped)."""
    idle_timeout_ms: int = 30_000
    """A keep-alive connection with nothing to say is closed after this."""


@dataclass(frozen=True, slots=True)
class Request:
    """One parsed request; header names are lower case."""

    method: str
    target: str
    path: str
    query: Mapping[str, str]
    headers: Mapping[str, str]
    body: bytes = b""
    peer: str = ""
    peer_is_loopback: bool = False

    @property
    def wants_websocket(self) -> bool:
        return "websocket" in self.headers.get("upgrade", "").lower()


@dataclass(frozen=True, slots=True)
class Response:
    """What to send back; ``close`` ends the connection after it."""

    status: int
    body: bytes = b""
    content_type: str = "application/json"
    headers: tuple[tuple[str, str], ...] = ()
    close: bool = False

    def encode(self, keep_alive: bool, head_only: bool = False) -> bytes:
        lines = [f"HTTP/1.1 {self.status} {REASONS.get(self.status, 'Status')}"]
        lines.append(f"Content-Type: {self.content_type}")
        lines.append(f"Content-Length: {len(self.body)}")
        lines.append("Cache-Control: no-store")
        lines.append("X-Content-Type-Options: nosniff")
        lines.extend(f"{k}: {v}" for k, v in self.headers)
        lines.append("Connection: " + ("keep-alive" if keep_alive and not self.close else "close"))
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace")
        return head if head_only else head + self.body


def json_response(status: int, payload: object, *, headers: tuple[tuple[str, str], ...] = ()) -> Response:
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    return Response(status, body, "application/json; charset=utf-8", headers)


def error_response(status: int, message: str, *, close: bool = False, **extra: str) -> Response:
    """A clear JSON error: ``{"error": "..."}``."""
    body = json.dumps({"error": message, **extra}, ensure_ascii=False).encode()
    return Response(status, body, "application/json; charset=utf-8", close=close)


Handler = Callable[[Request], Response]
UpgradeHandler = Callable[[Request, QTcpSocket], Response | None]
"""Called for a WebSocket upgrade; returns None when it took the socket, else a refusal to send."""


class ParseError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def parse_head(head: bytes) -> tuple[str, str, str, dict[str, str]]:
    """(method, target, version, headers) from a request's head; raises ParseError."""
    try:
        text = head.decode("latin-1")
    except UnicodeDecodeError:  # pragma: no cover - latin-1 decodes anything
        raise ParseError(400, "the request head is not text") from None
    lines = text.split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
        raise ParseError(400, "malformed request line")
    method, target, version = parts
    if not method.isalpha() or not method.isupper():
        raise ParseError(400, "malformed method")
    if not target.startswith("/"):
        raise ParseError(400, "the target must be a path")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if not sep or not name or name != name.strip() or " " in name:
            raise ParseError(400, "malformed header line")
        key = name.lower()
        value = value.strip()
        headers[key] = f"{headers[key]}, {value}" if key in headers else value
    return method, target, version, headers


def split_target(target: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(target)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    return unquote(parts.path), query


class HttpServer(QObject):
    """Accepts connections and turns each request into ``handler(request) -> Response``."""

    def __init__(
        self,
        handler: Handler,
        upgrade: UpgradeHandler,
        limits: Limits | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.handler = handler
        self.upgrade = upgrade
        self.limits = limits or Limits()
        self._server = QTcpServer(self)
        self._server.newConnection.connect(self._accept)
        self._connections: set[_Connection] = set()

    def listen(self, host: str, port: int) -> bool:
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
        return len(self._connections)

    def close(self) -> None:
        self._server.close()
        for conn in list(self._connections):
            conn.drop()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket is None:  # pragma: no cover - Qt said there was one
                return
            if len(self._connections) >= self.limits.max_connections:
                socket.write(error_response(503, "too many connections", close=True).encode(False))
                socket.disconnectFromHost()
                socket.disconnected.connect(socket.deleteLater)
                continue
            self._connections.add(_Connection(socket, self))

    def _forget(self, conn: _Connection) -> None:
        self._connections.discard(conn)


class _Connection(QObject):
    """One client's TCP connection: reads requests one after another and answers each."""

    def __init__(self, socket: QTcpSocket, server: HttpServer) -> None:
        super().__init__(server)
        self.socket = socket
        self.server = server
        self.limits = server.limits
        self._pending: tuple[str, str, str, dict[str, str]] | None = None
        self._need = 0
        self._closing = False
        self._in_request = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._timed_out)
        self._timer.start(self.limits.request_timeout_ms)
        socket.readyRead.connect(self._read)
        socket.disconnected.connect(self.drop)
        peer = socket.peerAddress()
        self.peer = peer.toString()
        self.peer_is_loopback = peer.isLoopback()

    def drop(self) -> None:
        """Forget the connection and free the socket."""
        if self.socket is None:
            return
        socket, self.socket = self.socket, None  # type: ignore[assignment]
        self._timer.stop()
        self.server._forget(self)
        try:
            socket.readyRead.disconnect(self._read)
            socket.disconnected.disconnect(self.drop)
        except (RuntimeError, TypeError):  # pragma: no cover - already gone
            pass
        socket.abort()
        socket.deleteLater()
        self.deleteLater()

    def _timed_out(self) -> None:
        if self.socket is None:
            return
        if self._pending is not None or self.socket.bytesAvailable():
            self._send(error_response(408, "the request took too long", close=True), keep_alive=False)
        else:
            self._finish()

    def _finish(self) -> None:
        if self.socket is None or self._closing:
            return
        self._closing = True
        self.socket.disconnectFromHost()

    def _send(self, response: Response, *, keep_alive: bool, head_only: bool = False) -> None:
        if self.socket is None:
            return
        self.socket.write(response.encode(keep_alive, head_only))
        if not keep_alive or response.close:
            self._finish()

    def _read(self) -> None:
        if not self._in_request:  # the first bytes of a new request: it has request_timeout to arrive in full
            self._in_request = True
            self._timer.start(self.limits.request_timeout_ms)
        try:
            while self.socket is not None and not self._closing and self._step():
                pass
        except Exception:  # a bug must never take the show down
            log.exception("remote: reading a request failed")
            self._send(error_response(500, "internal error", close=True), keep_alive=False)

    def _step(self) -> bool:
        """Handle what has arrived; True when another request may follow in the buffer."""
        socket = self.socket
        if self._pending is not None:
            if socket.bytesAvailable() < self._need:
                return False
            body = bytes(socket.read(self._need).data()) if self._need else b""
            head, self._pending = self._pending, None
            self._dispatch(head, body)
            return True
        available = socket.bytesAvailable()
        if not available:
            return False
        data = bytes(socket.peek(min(available, self.limits.max_head + 4)).data())
        end = data.find(b"\r\n\r\n")
        if end < 0:
            if len(data) > self.limits.max_head:
                self._send(error_response(431, "request head too large", close=True), keep_alive=False)
            return False
        try:
            method, target, version, headers = parse_head(data[:end])
        except ParseError as exc:
            self._send(error_response(exc.status, str(exc), close=True), keep_alive=False)
            return False
        if "upgrade" in headers.get("connection", "").lower() and "websocket" in headers.get("upgrade", "").lower():
            return self._upgrade(method, target, headers)
        socket.read(end + 4)
        return self._start_body((method, target, version, headers))

    def _start_body(self, head: tuple[str, str, str, dict[str, str]]) -> bool:
        headers = head[3]
        if "transfer-encoding" in headers:
            self._send(error_response(411, "send the body with a Content-Length", close=True), keep_alive=False)
            return False
        raw = headers.get("content-length", "0").strip()
        if not raw.isdigit():
            self._send(error_response(400, "bad Content-Length", close=True), keep_alive=False)
            return False
        length = int(raw)
        if length > self.limits.max_body:
            self._send(
                error_response(413, f"the body may be at most {self.limits.max_body} bytes", close=True),
                keep_alive=False,
            )
            return False
        if length and headers.get("expect", "").lower() == "100-continue":
            self.socket.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        self._pending, self._need = head, length
        return True

    def _upgrade(self, method: str, target: str, headers: dict[str, str]) -> bool:
        path, query = split_target(target)
        request = Request(method, target, path, query, headers, b"", self.peer, self.peer_is_loopback)
        # Step aside first: the WebSocket server reads the handshake (still unread in the socket) at once.
        socket, self.socket = self.socket, None  # type: ignore[assignment]
        self._timer.stop()
        socket.readyRead.disconnect(self._read)
        socket.disconnected.disconnect(self.drop)
        self.server._forget(self)
        self.deleteLater()
        try:
            refusal = self.server.upgrade(request, socket)
        except Exception:
            log.exception("remote: the WebSocket upgrade failed")
            refusal = error_response(500, "internal error", close=True)
        if refusal is not None:
            socket.write(refusal.encode(False))
            socket.disconnectFromHost()
            socket.disconnected.connect(socket.deleteLater)
        return False

    def _dispatch(self, head: tuple[str, str, str, dict[str, str]], body: bytes) -> None:
        method, target, version, headers = head
        keep_alive = (version == "HTTP/1.1" and headers.get("connection", "").lower() != "close") or (
            headers.get("connection", "").lower() == "keep-alive"
        )
        path, query = split_target(target)
        request = Request(
            "GET" if method == "HEAD" else method,
            target,
            path,
            query,
            headers,
            body,
            self.peer,
            self.peer_is_loopback,
        )
        try:
            response = self.server.handler(request)
        except Exception:
            log.exception("remote: %s %s failed", method, path)
            response = error_response(500, "internal error")
        self._send(response, keep_alive=keep_alive, head_only=method == "HEAD")
        if self.socket is not None and not self._closing:
            self._in_request = bool(self.socket.bytesAvailable())
            self._timer.start(self.limits.request_timeout_ms if self._in_request else self.limits.idle_timeout_ms)
