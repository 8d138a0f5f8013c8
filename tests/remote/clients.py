"""Raw-socket clients for the remote's tests and benchmarks: hostile ones (idle, slowloris, 401-and-stay), a
minimal WebSocket client, and frame builders. Blocking code, meant to run in a thread while Qt serves.

Every loop here is bounded in count and time and only ever talks to loopback.
"""

from __future__ import annotations

import base64
import os
import selectors
import socket
import struct
import threading
import time
from dataclasses import dataclass, field

HOSTILE_KINDS = ("idle", "slowloris", "unauthorised")


def connect(port: int, source: str = "127.0.0.1", timeout: float = 10.0, rcvbuf: int | None = None) -> socket.socket:
    """A TCP connection to the server on loopback, from ``source`` (any 127.x.y.z address works on Linux)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if rcvbuf is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    sock.settimeout(timeout)
    sock.bind((source, 0))
    sock.connect(("127.0.0.1", port))
    return sock


def read_until_closed(sock: socket.socket, limit: int = 1 << 22) -> bytes:
    """Everything the server sends until it closes (or the timeout / limit)."""
    chunks: list[bytes] = []
    size = 0
    try:
        while size < limit and (chunk := sock.recv(65536)):
            chunks.append(chunk)
            size += len(chunk)
    except (TimeoutError, ConnectionResetError):
        pass
    return b"".join(chunks)


@dataclass
class Hostile:
    """``count`` hostile connections from ``source`` in one thread, kept up until ``stop()``.

    Kinds take turns: *idle* connects and says nothing; *slowloris* sends a
    request head one byte a second; *unauthorised* sends a request without the
    token, reads its 401 and stays connected. A connection the server closes is
    opened again after a short pause, so the pressure lasts.
    """

    port: int
    count: int = 64
    source: str = "127.0.0.1"
    max_seconds: float = 120.0
    reopened: int = 0
    closed_after_401: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, daemon=True, name="hostile")
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)

    def _open(self, kind: str) -> tuple[socket.socket, bytes] | None:
        try:
            sock = connect(self.port, self.source, timeout=5)
        except OSError:
            return None
        sock.setblocking(False)
        if kind == "unauthorised":
            sock.sendall(b"GET /api/state HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        head = b"GET /api/state HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 4000
        return sock, head if kind == "slowloris" else b""

    def _run(self) -> None:
        selector = selectors.DefaultSelector()
        drip: dict[socket.socket, list[object]] = {}  # sock -> [kind, remaining head, next drip time]
        try:
            self._loop(selector, drip)
        finally:  # even if the loop fails, no socket is left for the garbage collector
            for sock in drip:
                sock.close()
            selector.close()

    def _loop(self, selector: selectors.BaseSelector, drip: dict[socket.socket, list[object]]) -> None:
        pending: list[tuple[float, str]] = [(0.0, HOSTILE_KINDS[i % 3]) for i in range(self.count)]
        answered: set[socket.socket] = set()  # got their 401
        end = time.monotonic() + self.max_seconds
        while not self._stop.is_set() and time.monotonic() < end:
            now = time.monotonic()
            for due, kind in [p for p in pending if p[0] <= now]:
                pending.remove((due, kind))
                opened = self._open(kind)
                if opened is None:
                    pending.append((now + 0.2, kind))
                    continue
                sock, head = opened
                drip[sock] = [kind, head, now + 1.0]
                selector.register(sock, selectors.EVENT_READ)
            for sock, state in list(drip.items()):
                kind, head, at = state
                if kind == "slowloris" and head and now >= at:  # type: ignore[operator]
                    try:
                        sock.send(head[:1])  # type: ignore[index]
                        state[1], state[2] = head[1:], now + 1.0  # type: ignore[index]
                    except OSError:
                        pass
            for key, _ in selector.select(timeout=0.05):
                sock = key.fileobj  # type: ignore[assignment]
                try:
                    data = sock.recv(65536)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    data = b""
                kind = drip[sock][0]
                if data.startswith(b"HTTP/1.1 "):
                    status = data[9:12].decode()
                    self.statuses[status] = self.statuses.get(status, 0) + 1
                    if status == "401":
                        answered.add(sock)
                    continue
                if data:
                    continue
                if sock in answered:
                    self.closed_after_401 += 1
                    answered.discard(sock)
                selector.unregister(sock)
                sock.close()
                del drip[sock]
                self.reopened += 1
                pending.append((time.monotonic() + 0.05, str(kind)))


# ---------------------------------------------------------------- WebSocket by hand


def ws_handshake(
    port: int, token: str, source: str = "127.0.0.1", path: str = "/api/events", rcvbuf: int | None = None
) -> tuple[socket.socket, bytes]:
    """Open a WebSocket (or try to): the socket and the server's answer head (``HTTP/1.1 101 …`` when open)."""
    sock = connect(port, source, rcvbuf=rcvbuf)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(
        (
            f"GET {path}?token={token} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        ).encode()
    )
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = sock.recv(1)
        if not chunk:
            break
        head += chunk
    return sock, head


def frame(opcode: int, payload: bytes, *, fin: bool = True, length: int | None = None) -> bytes:
    """A masked client frame; ``length`` may claim more than ``payload`` holds (the rest is sent later)."""
    size = len(payload) if length is None else length
    first = (0x80 if fin else 0) | opcode
    if size < 126:
        head = struct.pack("!BB", first, 0x80 | size)
    elif size < 1 << 16:
        head = struct.pack("!BBH", first, 0x80 | 126, size)
    else:
        head = struct.pack("!BBQ", first, 0x80 | 127, size)
    mask = b"\x00\x00\x00\x00"  # a zero mask keeps the payload as it is: easy to stream
    return head + mask + payload


def close_code(data: bytes) -> int | None:
    """The status code of the first server close frame in ``data`` (unmasked, as servers send)."""
    i = 0
    while i + 2 <= len(data):
        opcode, size = data[i] & 0x0F, data[i + 1] & 0x7F
        i += 2
        if size == 126:
            size, i = struct.unpack("!H", data[i : i + 2])[0], i + 2
        elif size == 127:
            size, i = struct.unpack("!Q", data[i : i + 8])[0], i + 8
        if opcode == 0x8:
            return int(struct.unpack("!H", data[i : i + 2])[0]) if size >= 2 else None
        i += size
    return None
