"""Fair limits against the real server on loopback: a flood of hostile connections never locks the crew out,
clients that never read or never let go are cut off, 401s close, and the log stays short.

No timing assertions: a deadline is shortened through ``Limits`` and the test
asserts that the client is gone, with generous waits.
"""

from __future__ import annotations

import http.client
import json
import logging
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ceremony.remote.limits import Limits, RefusalLog

from .clients import Hostile, connect, read_until_closed
from .conftest import FakeClock, Served, in_thread

SERVE = Path(__file__).with_name("serve.py")


def _targets(served: Served) -> list[str]:
    """Cues ``goto`` moves to without a guard in the way (no reveal steps)."""
    return [c.id for c in served.engine.state.show.cues if c.kind != "reveal"][1:25]


def _crew(served: Served) -> list[tuple[int, str]]:
    """An authenticated client moving the show: half on one keep-alive connection, half each on a new one.

    Returns (status, the cue the reply's state shows) per request.
    """
    answers: list[tuple[int, str]] = []
    keep = http.client.HTTPConnection("127.0.0.1", served.port, timeout=30)
    headers = {**served.auth, "Content-Type": "application/json"}
    try:
        for i, target in enumerate(_targets(served)):
            conn = keep if i % 2 else http.client.HTTPConnection("127.0.0.1", served.port, timeout=30)
            conn.request("POST", "/api/commands/goto", body=json.dumps({"arg": target}), headers=headers)
            response = conn.getresponse()
            body = json.loads(response.read())
            answers.append((response.status, body["state"]["cue"]["id"] if "state" in body else ""))
            if conn is not keep:
                conn.close()
            time.sleep(0.1)
    finally:
        keep.close()
    return answers


@pytest.mark.parametrize("source", ["127.0.0.1", "127.0.0.2"])
def test_64_hostile_connections_never_lock_out_the_crew(
    serve: Callable[..., Served], qtbot: QtBot, source: str
) -> None:
    """Idle, slowloris and 401-and-stay connections, from the crew's own address or another one."""
    served = serve()
    hostile = Hostile(served.port, count=64, source=source)
    hostile.start()
    try:
        qtbot.waitUntil(lambda: served.server._http.connection_count >= 32, timeout=20_000)
        answers = in_thread(qtbot, lambda: _crew(served), timeout=120_000)
    finally:
        hostile.stop()
    # every request answered and carried out: none refused (503), dropped or reset
    assert answers == [(200, target) for target in _targets(served)]
    assert hostile.closed_after_401 > 0  # the flood did what it says: 401s, each followed by a hang-up
    limits = served.server.limits
    assert served.server._http.connection_count <= limits.max_connections
    if source != "127.0.0.1":
        peers = [link.peer for link in served.server._http._links]
        assert peers.count(source) <= limits.max_per_client


def test_per_client_cap_and_eviction_order(serve: Callable[..., Served], qtbot: QtBot) -> None:
    """A client at its cap loses its own idle connections, not anyone else's; a busy authenticated one stays."""
    served = serve(limits=Limits(max_per_client=4, max_connections=6))
    other = [in_thread(qtbot, lambda: connect(served.port, "127.0.0.3")) for _ in range(2)]
    qtbot.waitUntil(lambda: served.server._http.connection_count == 2)
    mine = [in_thread(qtbot, lambda: connect(served.port, "127.0.0.2")) for _ in range(8)]
    qtbot.waitUntil(lambda: served.server._http.evicted >= 4)
    peers = [link.peer for link in served.server._http._links]
    assert peers.count("127.0.0.3") == 2  # nobody else paid for 127.0.0.2's flood
    assert peers.count("127.0.0.2") == 4
    # the server is full (6): a newcomer from a third address evicts the oldest idle unauthenticated one
    reply = served.request("GET", "/api/state")
    assert reply.status == 200
    for sock in other + mine:
        sock.close()


def test_unauthorised_connection_is_closed_after_its_401(serve: Callable[..., Served], qtbot: QtBot) -> None:
    served = serve()

    def unauthorised() -> bytes:
        with connect(served.port) as sock:
            sock.sendall(b"GET /api/state HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            return read_until_closed(sock)  # returns only because the server closes

    reply = in_thread(qtbot, unauthorised)
    assert reply.startswith(b"HTTP/1.1 401 ")
    assert b"connection: close" in reply.lower()
    qtbot.waitUntil(lambda: served.server._http.connection_count == 0)


def test_a_client_that_never_reads_is_dropped(
    serve: Callable[..., Served], qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="ceremony.remote")
    assert Limits().write_timeout_ms <= 10_000
    assert Limits().request_timeout_ms <= 10_000
    assert Limits().close_timeout_ms <= 10_000
    served = serve(limits=Limits(write_timeout_ms=300, close_timeout_ms=300))
    request = (
        f"GET /api/openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {served.server.token}\r\n\r\n"
    )
    sock = in_thread(qtbot, lambda: connect(served.port, rcvbuf=4096))
    sock.settimeout(0.2)

    def pipeline() -> int:
        sent = 0
        for _ in range(3000):  # replies far beyond what the kernel buffers hold; it never reads one
            try:
                sock.sendall(request.encode())
            except OSError:  # the server stopped reading (backpressure) or dropped us
                break
            sent += 1
        return sent

    sent = in_thread(qtbot, pipeline)
    assert sent > 0
    qtbot.waitUntil(lambda: served.server._http.connection_count == 0, timeout=20_000)
    assert "does not read its replies" in caplog.text  # the write deadline, not anything else, cut it off
    sock.close()
    assert served.request("GET", "/api/state").status == 200  # and the server goes on


def test_slowloris_gets_408_and_idle_connections_close(serve: Callable[..., Served], qtbot: QtBot) -> None:
    served = serve(limits=Limits(request_timeout_ms=300, idle_timeout_ms=300))

    def slow() -> bytes:
        with connect(served.port) as sock:
            sock.sendall(b"GET /api/state HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a")
            return read_until_closed(sock)

    def idle() -> bytes:
        with connect(served.port) as sock:
            return read_until_closed(sock)

    assert in_thread(qtbot, slow).startswith(b"HTTP/1.1 408 ")
    assert in_thread(qtbot, idle) == b""  # closed without a word
    qtbot.waitUntil(lambda: served.server._http.connection_count == 0)


def test_refusals_in_the_log_are_rate_limited(
    serve: Callable[..., Served], qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    served = serve(limits=Limits(refusal_logs_per_minute=5, request_timeout_ms=200))
    caplog.set_level(logging.INFO, logger="ceremony.remote")

    def garbage() -> None:
        for _ in range(40):
            with connect(served.port) as sock:
                sock.sendall(b"NOT HTTP AT ALL\r\n\r\n")
                read_until_closed(sock)

    in_thread(qtbot, garbage)
    refusals = [r for r in caplog.records if r.name == "ceremony.remote" and r.levelno == logging.INFO]
    assert len(refusals) == 5
    assert served.server._http.refusals.suppressed == 35


def test_refusal_log_counts_what_it_left_out(caplog: pytest.LogCaptureFixture) -> None:
    clock = FakeClock()
    caplog.set_level(logging.INFO, logger="ceremony.remote")
    refusals = RefusalLog(3, clock)
    for _ in range(10):
        refusals.note("refused %s", "x")
    clock.advance(61)
    refusals.note("refused %s", "y")
    lines = [r.getMessage() for r in caplog.records]
    assert lines == ["remote: refused x"] * 3 + [
        "remote: 7 more refusals in the last minute were not logged",
        "remote: refused y",
    ]


def test_the_socket_budget_follows_the_file_handle_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    import resource

    from ceremony.remote import limits as limits_module

    calls: list[Any] = []
    monkeypatch.setattr(limits_module, "open_file_count", lambda: 40)
    monkeypatch.setattr(resource, "getrlimit", lambda _: (256, 256))
    monkeypatch.setattr(resource, "setrlimit", lambda *a: calls.append(a))
    assert limits_module.socket_budget(Limits()) == 256 - 40 - 64  # the hard limit allows no more
    assert calls == []
    monkeypatch.setattr(resource, "getrlimit", lambda _: (256, 100_000))
    assert limits_module.socket_budget(Limits()) == 128 + 64 + 16  # raised to what the limits need
    assert calls == [(resource.RLIMIT_NOFILE, (40 + 128 + 64 + 16 + 64, 100_000))]


def test_half_close_after_a_request_still_gets_the_reply(serve: Callable[..., Served], qtbot: QtBot) -> None:
    served = serve()

    def half_close() -> bytes:
        with connect(served.port) as sock:
            sock.sendall(
                f"POST /api/commands/next HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {served.server.token}"
                "\r\n\r\n".encode()
            )
            sock.shutdown(socket.SHUT_WR)
            return read_until_closed(sock)

    reply = in_thread(qtbot, half_close)
    assert reply.startswith(b"HTTP/1.1 200 ")
    assert b'"kind":"ok"' in reply
    assert served.engine.state.cue_index == 1


def _serve_with_file_limit(soft: int, hard: int, log: Path) -> tuple[subprocess.Popen[str], dict[str, Any]]:
    import resource

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))

    with log.open("w") as stderr:
        server = subprocess.Popen(
            [sys.executable, str(SERVE)], stdout=subprocess.PIPE, stderr=stderr, text=True, preexec_fn=limit
        )
    assert server.stdout is not None
    return server, json.loads(server.stdout.readline())


def test_a_process_with_few_file_handles_refuses_connections_before_running_out(tmp_path: Path) -> None:
    """160 handles and no way to raise them: 300 idle connections are refused or evicted within the budget,
    and an authenticated request is still served."""
    raised, info = _serve_with_file_limit(256, 4096, tmp_path / "raised.log")
    raised.terminate()
    raised.wait(timeout=10)
    raised.stdout.close()  # type: ignore[union-attr]
    assert info["nofile"] > 256  # the soft limit was raised to what the limits need
    assert info["budget"] == Limits().max_connections + Limits().max_websockets + 16
    server, info = _serve_with_file_limit(160, 160, tmp_path / "low.log")
    sockets: list[socket.socket] = []
    try:
        assert info["nofile"] == 160
        assert info["budget"] < min(160 - Limits().fd_reserve, Limits().max_connections)  # the binding limit
        for _ in range(300):
            sockets.append(connect(info["port"]))
        conn = http.client.HTTPConnection("127.0.0.1", info["port"], timeout=30)
        conn.request("GET", "/api/state", headers={"Authorization": f"Bearer {info['token']}"})
        assert conn.getresponse().status == 200
        conn.close()
        closed = 0
        for sock in sockets:  # the server hung up on everything beyond its budget
            sock.settimeout(0.01)
            try:
                closed += sock.recv(1) == b""
            except TimeoutError:
                pass
            except ConnectionResetError:
                closed += 1
        assert closed >= 300 - info["budget"]
        assert server.poll() is None
    finally:
        for sock in sockets:
            sock.close()
        server.terminate()
        server.wait(timeout=10)
        server.stdout.close()  # type: ignore[union-attr]
    log = (tmp_path / "low.log").read_text()
    assert "Too many open files" not in log
    assert "Traceback" not in log
