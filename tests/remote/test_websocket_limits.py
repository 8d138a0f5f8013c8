"""WebSocket clients against the real server: counted and capped, a message-size cap, heartbeats, and memory
that stays put under 200 clients and a message that claims a gigabyte."""

from __future__ import annotations

import contextlib
import os
import selectors
import socket
import threading
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from ceremony.remote.limits import Limits

from .clients import close_code, frame, read_until_closed, ws_handshake
from .conftest import Served, in_thread
from .test_events import listen


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def test_websocket_clients_are_counted_and_capped(serve: Callable[..., Served], qtbot: QtBot) -> None:
    served = serve(limits=Limits(max_websockets=5, max_websockets_per_client=3))
    token = served.server.token
    opened = [in_thread(qtbot, lambda: ws_handshake(served.port, token, "127.0.0.2")) for _ in range(4)]
    heads = [head.split(b"\r\n")[0] for _, head in opened]
    assert heads == [b"HTTP/1.1 101 Switching Protocols"] * 3 + [b"HTTP/1.1 503 Service Unavailable"]
    more = [in_thread(qtbot, lambda: ws_handshake(served.port, token, "127.0.0.3")) for _ in range(3)]
    heads = [head.split(b"\r\n")[0] for _, head in more]
    assert heads == [b"HTTP/1.1 101 Switching Protocols"] * 2 + [b"HTTP/1.1 503 Service Unavailable"]
    qtbot.waitUntil(lambda: served.server.client_count == 5)
    assert served.server._http.websocket_count == 5
    assert served.server._http.connection_count == 0  # a WebSocket no longer counts as an HTTP connection
    for sock, _ in opened + more:
        sock.close()
    qtbot.waitUntil(lambda: served.server.client_count == 0)
    wrong, head = in_thread(qtbot, lambda: ws_handshake(served.port, "wrong"))
    assert head.startswith(b"HTTP/1.1 401 ")
    wrong.close()


def test_an_oversized_message_closes_the_client_with_1009(serve: Callable[..., Served], qtbot: QtBot) -> None:
    served = serve()
    token = served.server.token

    def oversized(fragmented: bool) -> bytes:
        sock, head = ws_handshake(served.port, token)
        assert head.startswith(b"HTTP/1.1 101 ")
        piece = b"x" * 8192
        try:
            if fragmented:  # many small frames of one message
                sock.sendall(frame(0x1, piece, fin=False))
                for _ in range(64):
                    sock.sendall(frame(0x0, piece, fin=False))
            else:  # one frame that claims 10 MB
                sock.sendall(frame(0x1, b"", length=10 * 2**20))
                for _ in range(128):
                    sock.sendall(piece)
        except OSError:  # the server closed on us mid-send, as it should
            pass
        data = read_until_closed(sock)
        sock.close()
        return data

    for fragmented in (False, True):
        assert close_code(in_thread(qtbot, lambda f=fragmented: oversized(f))) == 1009  # type: ignore[misc]
    qtbot.waitUntil(lambda: served.server.client_count == 0)
    assert served.state()["cue"]["id"] == "walk-in"


def test_silent_clients_are_dropped_and_answering_ones_kept(serve: Callable[..., Served], qtbot: QtBot) -> None:
    served = serve(limits=Limits(ws_ping_interval_ms=100, ws_idle_timeout_ms=400))
    answering = listen(served)  # a QWebSocket answers pings by itself
    qtbot.waitUntil(lambda: len(answering.messages) == 1)
    silent, head = in_thread(qtbot, lambda: ws_handshake(served.port, served.server.token))
    assert head.startswith(b"HTTP/1.1 101 ")
    qtbot.waitUntil(lambda: served.server.client_count == 2)
    silent.settimeout(10)
    heard = in_thread(qtbot, lambda: read_until_closed(silent))  # returns when the server hangs up
    assert b"\x89\x08ceremony" in heard  # it was pinged first
    qtbot.waitUntil(lambda: served.server.client_count == 1)
    qtbot.wait(600)  # more than the idle timeout: the answering client is still there
    assert served.server.client_count == 1
    served.command("next")
    qtbot.waitUntil(lambda: answering.messages[-1]["cue"]["id"] == "title")
    silent.close()
    answering.close()


def test_a_client_that_does_not_read_its_pushes_is_dropped(serve: Callable[..., Served], qtbot: QtBot) -> None:
    served = serve(limits=Limits(max_ws_backlog=32 * 1024))
    sock, head = in_thread(qtbot, lambda: ws_handshake(served.port, served.server.token, rcvbuf=4096))
    assert head.startswith(b"HTTP/1.1 101 ")
    qtbot.waitUntil(lambda: served.server.client_count == 1)
    targets = [c.id for c in served.engine.state.show.cues if c.kind != "reveal"]
    for i in range(2000):  # 10 MB of pushes: far more than the kernel buffers between us hold
        served.engine.run("goto", targets[i % len(targets)])
        served.server.push_state()
        if served.server.client_count == 0:
            break
    qtbot.waitUntil(lambda: served.server.client_count == 0)
    sock.close()


def test_200_websocket_clients_and_an_oversized_message_leave_memory_flat(
    serve: Callable[..., Served], qtbot: QtBot
) -> None:
    served = serve(limits=Limits(max_websockets=256, max_websockets_per_client=256))
    token = served.server.token
    samples: list[float] = []
    start = rss_mb()
    stop = threading.Event()
    sockets: list[socket.socket] = []

    def drain() -> None:  # the 200 clients read their pushes, as phones would
        selector = selectors.DefaultSelector()
        for sock in sockets:
            sock.setblocking(False)
            selector.register(sock, selectors.EVENT_READ)
        while not stop.is_set():
            for key, _ in selector.select(timeout=0.05):
                with contextlib.suppress(OSError):
                    key.fileobj.recv(65536)  # type: ignore[union-attr]
        selector.close()

    def open_all() -> None:
        for _ in range(200):
            sock, head = ws_handshake(served.port, token)
            assert head.startswith(b"HTTP/1.1 101 ")
            sockets.append(sock)

    in_thread(qtbot, open_all, timeout=120_000)
    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    qtbot.waitUntil(lambda: samples.append(rss_mb()) or served.server.client_count == 200, timeout=60_000)
    for target in ("2", "5", "9", "12", "title"):
        served.command("goto", target)
        qtbot.wait(20)
        samples.append(rss_mb())

    def oversized() -> bytes:
        sock, _ = ws_handshake(served.port, token)
        chunk = b"y" * 65536
        try:
            sock.sendall(frame(0x2, b"", length=2**30))  # claims a gigabyte
            for _ in range(256):  # and sends 16 MB of it
                sock.sendall(chunk)
        except OSError:
            pass
        data = read_until_closed(sock)
        sock.close()
        return data

    assert close_code(in_thread(qtbot, oversized, timeout=60_000)) == 1009
    samples.append(rss_mb())
    stop.set()
    reader.join(timeout=10)
    for sock in sockets:
        sock.close()
    qtbot.waitUntil(lambda: samples.append(rss_mb()) or served.server.client_count == 0, timeout=30_000)
    peak = max(samples)
    print(f"RSS: start {start:.1f} MB, peak {peak:.1f} MB (+{peak - start:.1f} MB) with 200 WebSocket clients")
    assert peak - start < 50
