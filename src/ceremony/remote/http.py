"""HTTP/1.1 on a link, parsed by h11 (a sans-IO parser we do not write ourselves), in the app's event loop.

h11 reads request lines, headers, ``Content-Length`` and chunked bodies,
keep-alive and pipelining, and answers what it cannot parse with an error
status hint (400, 431) that is sent as a JSON error. This module adds what the
show needs on top: a body cap (413), control characters in header values
refused (400), one request at a time (the next is not read until the client has
taken the reply, so a client that never reads holds one reply, not a backlog),
and the WebSocket upgrade (``101``) handed to ``ws.WebSocketProtocol`` on the
same socket — so HTTP and WebSocket share one port.

Why not ``QtHttpServer``: see docs/remote.md ("Why not QtHttpServer").
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol
from urllib.parse import parse_qsl, unquote, urlsplit

import h11
from wsproto.utilities import generate_accept_token

if TYPE_CHECKING:
    from ceremony.remote.limits import Limits, RefusalLog
    from ceremony.remote.link import Link

log = logging.getLogger(__name__)

REASONS = {
    100: "Continue",
    101: "Switching Protocols",
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
    414: "URI Too Long",
    415: "Unsupported Media Type",
    421: "Misdirected Request",
    422: "Unprocessable Content",
    426: "Upgrade Required",
    431: "Request Header Fields Too Large",
    500: "Internal Server Error",
    501: "Not Implemented",
    503: "Service Unavailable",
}
_CONTROL = re.compile(rb"[\x00-\x08\x0a-\x1f\x7f]")
"""Bytes no header value may hold (RFC 9110 5.5: only HTAB among the controls); h11 lets some through."""


@dataclass(frozen=True, slots=True)
class Request:
    """One parsed request; header names are lower case, values decoded as latin-1."""

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
    """What to send back; ``close`` ends the connection after it, ``proven`` says the request carried valid
    credentials (such a connection is the last to be evicted)."""

    status: int
    body: bytes = b""
    content_type: str = "application/json"
    headers: tuple[tuple[str, str], ...] = ()
    close: bool = False
    proven: bool = False

    def head(self) -> list[tuple[str, str]]:
        lines = [
            ("Content-Type", self.content_type),
            ("Content-Length", str(len(self.body))),
            ("Cache-Control", "no-store"),
            ("X-Content-Type-Options", "nosniff"),
            *self.headers,
        ]
        if self.close:
            lines.append(("Connection", "close"))
        return lines


def json_response(status: int, payload: object, *, headers: tuple[tuple[str, str], ...] = ()) -> Response:
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    return Response(status, body, "application/json; charset=utf-8", headers)


def error_response(
    status: int, message: str, *, close: bool = False, headers: tuple[tuple[str, str], ...] = (), **extra: str
) -> Response:
    """A clear JSON error: ``{"error": "..."}``."""
    body = json.dumps({"error": message, **extra}, ensure_ascii=False).encode()
    return Response(status, body, "application/json; charset=utf-8", headers, close=close)


class BadTarget(ValueError):
    """The request target is not a path this server can read."""


def split_target(target: str) -> tuple[str, dict[str, str]]:
    """(path, query) of an origin-form (``/a?b=c``) or absolute-form (``http://host/a``) target."""
    try:
        parts = urlsplit(target)
    except ValueError as exc:  # e.g. "http://[::1" : an unclosed IPv6 host
        raise BadTarget(f"the request target cannot be read ({exc})") from None
    if parts.scheme and parts.scheme not in ("http", "https"):
        raise BadTarget("the request target must be a path such as /api/state")
    path = unquote(parts.path, errors="replace")
    if not path.startswith("/"):
        raise BadTarget("the request target must be a path such as /api/state")
    return path, dict(parse_qsl(parts.query, keep_blank_values=True, errors="replace"))


class HttpHost(Protocol):
    """What an HTTP link needs from its server."""

    limits: Limits
    refusals: RefusalLog

    def respond(self, request: Request) -> Response: ...

    def websocket_refusal(self, link: Link, request: Request) -> Response | None:
        """None when the upgrade may go ahead, else the answer to send."""

    def open_websocket(self, link: Link, trailing: bytes) -> None: ...


class HttpProtocol:
    """HTTP/1.1 on one link: h11 parses, the host answers, one request at a time."""

    def __init__(self, link: Link, host: HttpHost) -> None:
        self.link = link
        self.host = host
        self.limits = host.limits
        self.h11 = h11.Connection(h11.SERVER, max_incomplete_event_size=self.limits.max_head)
        self._head: h11.Request | None = None
        self._body = bytearray()
        self._pumping = False
        self._upgraded = False
        self._unsent = False
        """A reply is waiting for the client to take it (write_timeout runs)."""
        link.phase(busy=False, deadline_ms=self.limits.request_timeout_ms)  # the first request is due

    # ---------------------------------------------------------------- link events

    def on_readable(self) -> None:
        self.pump()

    def on_flushed(self) -> None:
        if self._unsent:
            self._unsent = False
            self.link.phase(busy=False, deadline_ms=self.limits.idle_timeout_ms)
        self.pump()

    def on_deadline(self) -> None:
        if self.link.busy:
            self.host.refusals.note("a request from %s took too long to arrive", self.link.peer)
            self._refuse(408, "the request took too long to arrive")
        else:
            self.link.close()

    def on_gone(self) -> None:
        pass

    # ---------------------------------------------------------------- parsing

    def pump(self) -> None:
        """Handle what has arrived, request after request, while the client takes its replies."""
        if self._pumping:
            return
        self._pumping = True
        try:
            while self._ready() and self._step():
                pass
        except Exception:  # a bug must never take the show down; the fuzz tests keep this path unused
            log.exception("remote: handling a request failed")
            self._refuse(500, "internal error")
        finally:
            self._pumping = False

    def _ready(self) -> bool:
        link = self.link
        return link.alive and not link.closing and not self._upgraded and not link.pending_write

    def _step(self) -> bool:
        """One h11 event; False when there is nothing more to do until the socket or the client moves."""
        try:
            event = self.h11.next_event()
        except h11.RemoteProtocolError as exc:
            self.host.refusals.note("malformed request from %s: %s", self.link.peer, exc)
            status = exc.error_status_hint if exc.error_status_hint < 500 else 400  # 501 for a transfer coding
            self._refuse(status, f"malformed request: {exc}")
            return False
        if event is h11.NEED_DATA:
            data = self.link.read(self.limits.read_buffer)
            if not data:
                return False
            if not self.link.busy:  # the first bytes of a request: it has request_timeout to arrive in full
                self.link.phase(busy=True, deadline_ms=self.limits.request_timeout_ms)
            self.h11.receive_data(data)
            return True
        if isinstance(event, h11.Request):
            return self._begin(event)
        if isinstance(event, h11.Data):
            self._body += event.data
            if len(self._body) > self.limits.max_body:
                return self._too_large()
            return True
        if isinstance(event, h11.EndOfMessage):
            return self._end()
        if isinstance(event, h11.ConnectionClosed):
            self.link.close()
        return False  # PAUSED (waiting for a reply that is under way) or closed

    def _begin(self, head: h11.Request) -> bool:
        if not self.link.busy:
            self.link.phase(busy=True, deadline_ms=self.limits.request_timeout_ms)
        size = len(head.method) + len(head.target) + sum(len(name) + len(value) + 4 for name, value in head.headers)
        if size > self.limits.max_head:  # h11 caps a head that is still arriving; this caps one that came whole
            self._refuse(431, f"the request head may be at most {self.limits.max_head} bytes")
            return False
        if any(_CONTROL.search(value) for _, value in head.headers):
            self._refuse(400, "a header value holds a control character")
            return False
        length = next((value for name, value in head.headers if name == b"content-length"), b"0")
        if int(length) > self.limits.max_body:  # h11 has checked it is a number
            return self._too_large()
        self._head, self._body = head, bytearray()
        if self.h11.they_are_waiting_for_100_continue:
            self.link.send(
                self.h11.send(h11.InformationalResponse(status_code=100, headers=[], reason=b"Continue")) or b""
            )
        return True

    def _too_large(self) -> bool:
        self._refuse(413, f"the body may be at most {self.limits.max_body} bytes")
        return False

    def _end(self) -> bool:
        head, self._head = self._head, None
        if head is None:  # pragma: no cover - h11 sends a Request before its EndOfMessage
            return False
        try:
            request = self._request(head, bytes(self._body))
        except BadTarget as exc:
            self._refuse(400, str(exc))
            return False
        self._body = bytearray()
        switching = self.h11.their_state is h11.MIGHT_SWITCH_PROTOCOL  # type: ignore[attr-defined]
        if switching and request.wants_websocket:
            self._upgrade(request, head_only=head.method == b"HEAD")
            return False
        self._send(self.host.respond(request), head_only=head.method == b"HEAD")
        return True

    def _request(self, head: h11.Request, body: bytes) -> Request:
        headers: dict[str, str] = {}
        for raw_name, raw_value in head.headers:
            name, value = raw_name.decode("latin-1"), raw_value.decode("latin-1")
            headers[name] = f"{headers[name]}, {value}" if name in headers else value
        method = head.method.decode("ascii", "replace")
        target = head.target.decode("ascii", "replace")
        path, query = split_target(target)
        link = self.link
        return Request(
            "GET" if method == "HEAD" else method, target, path, query, headers, body, link.peer, link.peer_is_loopback
        )

    # ---------------------------------------------------------------- answering

    def _send(self, response: Response, *, head_only: bool = False) -> None:
        link = self.link
        if response.proven:
            link.proven = True
        status = h11.Response(
            status_code=response.status,
            headers=response.head(),
            reason=REASONS.get(response.status, "Status").encode(),
        )
        data = self.h11.send(status) or b""
        if response.body and not head_only:
            data += self.h11.send(h11.Data(data=response.body)) or b""
        data += self.h11.send(h11.EndOfMessage()) or b""
        taken = link.send(data)
        if self.h11.our_state is h11.MUST_CLOSE or response.close:
            link.close()
            return
        self.h11.start_next_cycle()
        if taken:
            link.phase(busy=False, deadline_ms=self.limits.idle_timeout_ms)
        else:
            self._unsent = True
            link.deadline(self.limits.write_timeout_ms)  # the client must take the reply in time

    def _refuse(self, status: int, message: str) -> None:
        """Answer an error and close, if the connection is still at a point where an answer can be sent."""
        self._head = None
        if self.link.alive and self.h11.our_state in (h11.IDLE, h11.SEND_RESPONSE):
            try:
                self._send(error_response(status, message, close=True))
                return
            except h11.LocalProtocolError:  # pragma: no cover - h11 would not let an answer out here
                pass
        self.link.close()

    def _upgrade(self, request: Request, *, head_only: bool = False) -> None:
        """Answer 101 and hand the socket to the WebSocket protocol, or refuse the upgrade with a JSON error."""
        refusal = self.host.websocket_refusal(self.link, request) or _handshake_refusal(request)
        if refusal is not None:  # a HEAD's refusal has no body (h11 refuses to send one)
            self._send(replace(refusal, close=True), head_only=head_only)
            return
        accept = generate_accept_token(request.headers["sec-websocket-key"].strip().encode("latin-1")).decode()
        switch = h11.InformationalResponse(
            status_code=101,
            headers=[("Upgrade", "websocket"), ("Connection", "Upgrade"), ("Sec-WebSocket-Accept", accept)],
            reason=b"Switching Protocols",
        )
        data = self.h11.send(switch) or b""
        trailing, _closed = self.h11.trailing_data
        self._upgraded = True
        self.link.send(data)
        self.host.open_websocket(self.link, bytes(trailing))


def _handshake_refusal(request: Request) -> Response | None:
    """RFC 6455 4.2.1: a GET with a key and version 13 (an older client is told which version to speak)."""
    if request.method != "GET":
        return error_response(405, "use GET to open the WebSocket", headers=(("Allow", "GET"),))
    key = request.headers.get("sec-websocket-key", "").strip()
    if not key or len(key) > 64:
        return error_response(400, "a WebSocket upgrade needs a Sec-WebSocket-Key")
    if request.headers.get("sec-websocket-version", "").strip() != "13":
        return error_response(426, "speak WebSocket version 13", headers=(("Sec-WebSocket-Version", "13"),))
    return None
