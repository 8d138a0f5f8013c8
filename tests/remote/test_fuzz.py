"""Random and mutated HTTP requests and WebSocket frames on the raw socket of the real server.

Whatever arrives, the server answers 4xx (or 2xx/101 for what happens to be
valid), never 5xx, writes no traceback to the log, and the show still answers
afterwards. Every reply the server sends is recorded where it is sent
(``HttpProtocol._send``), so a status hidden in a pipelined or HEAD reply is
seen too; the bytes the client receives are checked as well.
"""

from __future__ import annotations

import json
import logging
import socket
from collections.abc import Callable
from typing import Any
from urllib.parse import quote_from_bytes

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from ceremony.remote import http as remote_http
from ceremony.remote.limits import Limits
from ceremony.remote.snapshot import remote_commands

from .clients import connect, frame, read_until_closed, ws_handshake
from .conftest import Served, in_thread

pytestmark = pytest.mark.slow

PATHS = [
    "/",
    "/index.html",
    "/api/state",
    "/api/commands",
    "/api/openapi.json",
    "/api/events",
    "/api/commands/next",
    "/api/commands/goto",
    "/api/commands/pick_winner",
    "/api/commands/reset_reveal",
    "/api/commands/quit",
    "/api/commands/",
    "/api/message",
    "/api/confidence",
    "/confidence",
]
ODD_TARGETS = ["*", "//", "http://x/api/state", "http://[::1", "/%ff%fe", "/%00", "/api/commands/%2e%2e", "/a?b=%zz&&="]
METHODS = ["GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT", "get", "GE T", "\x00"]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=10,
)


HEADER_NAMES = [
    b"Origin", b"Upgrade", b"Connection", b"Expect", b"Transfer-Encoding", b"Content-Length", b"Authorization",
    b"Sec-WebSocket-Key", b"Sec-WebSocket-Version", b"Content-Type", b"Host", b"X-Odd",
]  # fmt: skip
HEADER_VALUES = [
    b"websocket", b"Upgrade", b"close", b"keep-alive", b"100-continue", b"chunked", b"gzip, chunked", b"null",
    b"http://evil.example", b"Bearer", b"Basic x", b"13", b"dGhlIHNhbXBsZSBub25jZQ==", b"\xff\xfe", b"a\x01b",
]  # fmt: skip


def _often(common: st.SearchStrategy[Any], odd: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly the common case, so the odd part of a request is what gets past the parser to the handlers."""
    return st.one_of(common, common, common, odd)


@st.composite
def requests(draw: st.DrawFn, token: str) -> bytes:
    """A request put together from good and bad parts."""
    method = draw(
        _often(st.sampled_from(["GET", "POST", "HEAD", "DELETE"]), st.sampled_from(METHODS) | st.text(max_size=8))
    )
    target = draw(
        st.sampled_from(PATHS)
        | st.sampled_from(ODD_TARGETS)
        | st.builds(lambda p, q: p + q, st.sampled_from(PATHS), st.text(max_size=30))
    )
    version = draw(_often(st.just("HTTP/1.1"), st.sampled_from(["HTTP/1.0", "HTTP/2", "HTTP/1.1 x", ""])))
    host = draw(_often(st.just(b"127.0.0.1"), st.sampled_from([b"evil.example", b"", b"[::1]:1", b"127.0.0.1\xff"])))
    headers: list[tuple[bytes, bytes]] = [(b"Host", host)]
    if draw(st.booleans()):
        headers.append((b"Authorization", b"Bearer " + token.encode()))
    if draw(st.booleans()):
        headers.append((b"Content-Type", draw(st.sampled_from([b"application/json", b"text/plain", b"x"]))))
    body = draw(
        st.builds(lambda v: json.dumps({"arg": v}).encode(), json_values)
        | st.builds(lambda v: json.dumps(v).encode(), json_values)
        | st.binary(max_size=300)
    )
    length = draw(_often(st.just(str(len(body)).encode()), st.sampled_from([b"0", b"-1", b"99999999", b"x", None])))
    if length is not None:
        headers.append((b"Content-Length", length))
    extra = draw(
        st.lists(
            st.tuples(
                _often(st.sampled_from(HEADER_NAMES), st.binary(min_size=1, max_size=12)),
                _often(st.sampled_from(HEADER_VALUES), st.binary(max_size=40)),
            ),
            max_size=3,
        )
    )
    lines = [f"{method} {target} {version}".encode("utf-8", "replace")]
    lines += [name + b": " + value for name, value in headers + extra]
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def _request(method: str, target: bytes, token: str, headers: list[tuple[bytes, bytes]], body: bytes = b"") -> bytes:
    head = [
        method.encode() + b" " + target + b" HTTP/1.1",
        b"Host: 127.0.0.1",
        b"Authorization: Bearer " + token.encode(),
    ]
    head += [name + b": " + value for name, value in headers]
    head.append(b"Content-Length: " + str(len(body)).encode())
    return b"\r\n".join(head) + b"\r\n\r\n" + body


@st.composite
def odd_targets(draw: st.DrawFn, token: str) -> bytes:
    """An authenticated request whose target is odd: percent-encoded bytes, absolute forms, long or empty ids."""
    target = draw(
        st.sampled_from(ODD_TARGETS).map(str.encode)
        | st.builds(
            lambda p, b: p.encode() + quote_from_bytes(b).encode(), st.sampled_from(PATHS), st.binary(max_size=30)
        )
        | st.builds(lambda p, t: (p + t).encode("ascii", "ignore"), st.sampled_from(PATHS), st.text(max_size=30))
    )
    method = draw(st.sampled_from(["GET", "POST", "HEAD", "DELETE"]))
    return _request(method, target.replace(b" ", b"") or b"/", token, [(b"Content-Type", b"application/json")])


@st.composite
def odd_headers(draw: st.DrawFn, token: str) -> bytes:
    """An authenticated request with odd bytes in a header value (or an odd header name)."""
    name = draw(_often(st.sampled_from(HEADER_NAMES), st.binary(min_size=1, max_size=12)))
    value = draw(_often(st.binary(max_size=40), st.sampled_from(HEADER_VALUES)))
    method, path = draw(st.sampled_from([("GET", "/api/state"), ("POST", "/api/commands/next"), ("GET", "/")]))
    return _request(method, path.encode(), token, [(name, value)])


@st.composite
def odd_arguments(draw: st.DrawFn, token: str) -> bytes:
    """An authenticated command with an argument of any JSON type and value (or a body that is not JSON)."""
    command = draw(st.sampled_from([c.id for c in remote_commands()] + ["quit", "", "next/x", "nxet"]))
    body = draw(
        st.builds(lambda v: json.dumps({"arg": v}).encode(), json_values)
        | st.builds(lambda v: json.dumps(v).encode(), json_values)
        | st.binary(max_size=100)
    )
    headers = [(b"Content-Type", b"application/json")]
    return _request("POST", f"/api/commands/{command}".encode(), token, headers, body)


#: JSON string escapes a hand-written client may send: controls, separators, bidi overrides, lone surrogates.
ODD_ESCAPES = ["\\u0000", "\\u0007", "\\n", "\\u0085", "\\u2028", "\\u202e", "\\ud800", "\\udfff", "\\ud83d\\ude00"]


@st.composite
def odd_messages(draw: st.DrawFn, token: str) -> bytes:
    """An authenticated host message (POST or DELETE /api/message, or send_message) whose text is odd: raw JSON
    escapes (controls, lone surrogates …) among any Unicode, any length, or not a string at all."""
    words = st.text(st.characters(categories=("L", "N", "Zs")), max_size=12)  # plain text around one odd escape
    one_odd = st.builds(lambda a, e, b: a + e + b, words, st.sampled_from(ODD_ESCAPES), words)
    pieces = st.lists(st.sampled_from(ODD_ESCAPES) | st.text(max_size=5), min_size=1, max_size=6).map("".join)
    text = draw(_often(one_odd, pieces | st.integers(0, 100).map(lambda n: "x" * n)))
    value = '"' + text.replace('"', "").rstrip("\\") + '"'
    field = draw(_often(st.just("text"), st.sampled_from(["arg", "", "text\\u0000"])))
    body = draw(
        _often(
            st.just(f'{{"{field}": {value}}}'.encode("utf-8", "surrogatepass")),
            st.builds(lambda v: json.dumps({"text": v}).encode(), json_values),
        )
    )
    method, path = draw(
        _often(
            st.just(("POST", "/api/message")),
            st.sampled_from([("DELETE", "/api/message"), ("POST", "/api/commands/send_message")]),
        )
    )
    if path.endswith("send_message"):
        body = body.replace(b'"text"', b'"arg"', 1)
    return _request(method, path.encode(), token, [(b"Content-Type", b"application/json")], body)


@st.composite
def mutated(draw: st.DrawFn, token: str) -> bytes:
    """A valid request with bytes flipped, inserted, cut or repeated."""
    body = json.dumps({"arg": draw(st.sampled_from(["3", "walk-in", "1", "under-15000"]))}).encode()
    data = bytearray(
        f"POST {draw(st.sampled_from(PATHS))} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["flip", "insert", "cut", "repeat"]))
        if kind == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "cut":
            del data[at : at + draw(st.integers(1, 8))]
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 40))]
    return bytes(data)


@st.composite
def ws_frames(draw: st.DrawFn) -> bytes:
    """Frames with any opcode, fin bit, length claim, mask and payload, or just bytes."""
    parts: list[bytes] = []
    for _ in range(draw(st.integers(1, 5))):
        if draw(st.booleans()):
            parts.append(draw(st.binary(max_size=64)))
            continue
        opcode = draw(st.integers(0, 15))
        payload = draw(st.binary(max_size=200) | st.text(max_size=50).map(str.encode))
        claim = draw(st.none() | st.integers(0, 2**20))
        raw = frame(opcode, payload, fin=draw(st.booleans()), length=claim)
        if draw(st.booleans()):
            raw = bytes([raw[0] | draw(st.integers(0, 7)) << 4]) + raw[1:]  # reserved bits
        parts.append(raw)
    return b"".join(parts)


@pytest.fixture
def sent_statuses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every status the server sends, recorded where it sends it."""
    statuses: list[int] = []
    original = remote_http.HttpProtocol._send

    def spy(self: Any, response: remote_http.Response, *, head_only: bool = False) -> None:
        statuses.append(response.status)
        original(self, response, head_only=head_only)

    monkeypatch.setattr(remote_http.HttpProtocol, "_send", spy)
    return statuses


def _exchange(port: int, data: bytes, *, half_close: bool) -> bytes:
    with connect(port, timeout=10) as sock:
        try:
            sock.sendall(data)
            if half_close:
                sock.shutdown(socket.SHUT_WR)
        except OSError:  # the server already hung up on garbage
            pass
        return read_until_closed(sock)


def _check(reply: bytes, statuses: list[int], caplog: pytest.LogCaptureFixture) -> None:
    if reply.startswith(b"HTTP/"):
        assert reply[9:10] in b"1234", reply[:200]
    assert all(status < 500 for status in statuses), statuses
    bad = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert not bad, [r.getMessage() for r in bad]


HYPOTHESIS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


def test_a_head_request_for_a_websocket_is_refused_without_a_body(
    serve: Callable[..., Served], qtbot: QtBot, caplog: pytest.LogCaptureFixture, sent_statuses: list[int]
) -> None:
    """Found by the fuzzer below: the refusal's JSON body (401: no token) was sent after a HEAD, h11 raised, and
    the log had an error."""
    served = serve(require_token=True)
    data = (
        b"HEAD /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
    )
    reply = in_thread(qtbot, lambda: _exchange(served.port, data, half_close=False))
    _check(reply, sent_statuses, caplog)
    assert reply.startswith(b"HTTP/1.1 4") and reply.endswith(b"\r\n\r\n"), reply  # a status, headers, no body


@pytest.mark.parametrize("require_token", [True, False])
def test_random_and_mutated_http_requests_get_4xx_never_5xx(
    serve: Callable[..., Served],
    qtbot: QtBot,
    caplog: pytest.LogCaptureFixture,
    sent_statuses: list[int],
    require_token: bool,
) -> None:
    served = serve(require_token=require_token, limits=Limits(request_timeout_ms=300, idle_timeout_ms=200))
    token = served.server.token
    caplog.set_level(logging.INFO)

    anything = st.one_of(
        odd_targets(token),
        odd_headers(token),
        odd_arguments(token),
        odd_messages(token),
        requests(token),
        mutated(token),
    )

    @HYPOTHESIS
    @given(data=anything, half_close=st.booleans())
    def fuzz(data: bytes, half_close: bool) -> None:
        reply = in_thread(qtbot, lambda: _exchange(served.port, data, half_close=half_close))
        _check(reply, sent_statuses, caplog)

    fuzz()
    assert len(sent_statuses) > 100
    assert served.request("GET", "/api/state").status == 200
    assert served.request("GET", "/api/confidence").status == 200  # whatever message got in, it can be sent out
    assert served.server._http.connection_count <= 1


def test_random_websocket_frames_never_hurt(
    serve: Callable[..., Served], qtbot: QtBot, caplog: pytest.LogCaptureFixture, sent_statuses: list[int]
) -> None:
    served = serve(limits=Limits(ws_ping_interval_ms=150, ws_idle_timeout_ms=400))
    token = served.server.token
    caplog.set_level(logging.INFO)

    def exchange(data: bytes, half_close: bool) -> bytes:
        sock, head = ws_handshake(served.port, token)
        assert head.startswith(b"HTTP/1.1 101 ")
        with sock:
            try:
                sock.sendall(data)
                if half_close:
                    sock.shutdown(socket.SHUT_WR)
            except OSError:
                pass
            return read_until_closed(sock)

    @HYPOTHESIS
    @given(data=ws_frames(), half_close=st.booleans())
    def fuzz(data: bytes, half_close: bool) -> None:
        in_thread(qtbot, lambda: exchange(data, half_close))
        _check(b"", sent_statuses, caplog)

    fuzz()
    qtbot.waitUntil(lambda: served.server.client_count == 0, timeout=10_000)
    assert served.request("GET", "/api/state").status == 200
    served.command("next")
    assert served.state()["cue"]["id"] == "title"
