"""Remote control latency on loopback; prints JSON.

1. API command -> engine state change: a real HTTP client (keep-alive, in a thread)
   POSTs ``goto`` 100 times; the time from sending the request to the engine's
   listener seeing the new cue, in the server's event loop (median, p95; budget
   <= 10 ms median).
2. State pushes to 20 WebSocket clients at 10 commands/s: for each command the
   time until every one of the 20 clients (QWebSocket, same event loop) has the
   pushed state; max and p95 lag.

3. Authenticated requests under a flood: 64 hostile connections from the same
   address as the crew (idle, a request head at one byte a second, 401-and-stay,
   each reopened when the server drops it) while an authenticated client sends
   150 ``goto`` commands, half on one keep-alive connection and half each on a
   new connection; the time from sending to the whole reply (median, p95, max;
   budget: max <= 100 ms) and how many were refused or failed (budget 0).

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/bench_remote.py``
"""

from __future__ import annotations

import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer, QUrl
from PySide6.QtWebSockets import QWebSocket

from ceremony.remote.adapter import EngineAdapter
from ceremony.remote.api import RemoteServer
from ceremony.remote.limits import Limits
from ceremony.script.loader import load_script
from ceremony.show.engine import Engine

SLIDES = Path(__file__).resolve().parents[1] / "slides.yaml"
CLIENTS = SLIDES.parent / "tests" / "remote"
HOSTILE = (
    "import sys; from clients import Hostile; h = Hostile(int(sys.argv[1])); h.start(); sys.stdin.read(); h.stop()"
)
"""The tests' hostile clients (one definition of the flood), kept up until told to stop on stdin."""

TARGETS = ["2", "3", "4", "5", "6", "7", "8", "9"]


def pump(until: Any, timeout: float = 10.0) -> None:
    """Run the Qt loop until ``until()`` is true."""
    end = time.perf_counter() + timeout
    app = QCoreApplication.instance()
    assert app is not None
    while not until():
        if time.perf_counter() > end:
            raise TimeoutError("benchmark step timed out")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def wait_in_event_loop(thread: threading.Thread) -> None:
    """Serve from a real event loop (as the app does: it sleeps in poll() between events, without the GIL) until
    ``thread`` ends; ``pump``'s busy loop would take the GIL from the client thread and measure that instead."""
    loop = QEventLoop()
    check = QTimer()
    check.timeout.connect(lambda: None if thread.is_alive() else loop.quit())
    check.start(20)
    loop.exec()
    check.stop()


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def bench_commands(server: RemoteServer, engine: Engine, n: int = 100) -> dict[str, float]:
    seen: dict[str, float] = {}
    engine.subscribe(lambda old, new, outcome: seen.setdefault(f"{new.cue.id}", time.perf_counter()))
    sent: list[float] = []
    done = threading.Event()
    go = threading.Semaphore(0)
    auth = {"Authorization": f"Bearer {server.token}", "Content-Type": "application/json"}

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        for i in range(n):
            go.acquire()
            body = json.dumps({"arg": TARGETS[i % len(TARGETS)]})
            sent.append(time.perf_counter())
            conn.request("POST", "/api/commands/goto", body=body, headers=auth)
            conn.getresponse().read()
        conn.close()
        done.set()

    thread = threading.Thread(target=client, daemon=True)
    thread.start()
    latencies: list[float] = []
    for i in range(n):
        seen.clear()
        target = engine.state.show.cues[int(TARGETS[i % len(TARGETS)]) - 1].id
        go.release()
        pump(lambda t=target: t in seen)  # type: ignore[misc]
        latencies.append((seen[target] - sent[i]) * 1000)
    pump(done.is_set)
    return {
        "commands": n,
        "median_ms": round(statistics.median(latencies), 3),
        "p95_ms": round(pct(latencies, 95), 3),
        "max_ms": round(max(latencies), 3),
        "budget_median_ms": 10,
    }


def bench_push(server: RemoteServer, engine: Engine, clients: int = 20, commands: int = 50) -> dict[str, float]:
    sockets: list[QWebSocket] = []
    last: list[str] = [""] * clients
    got_at: list[float] = [0.0] * clients
    for k in range(clients):
        socket = QWebSocket()

        def on_text(text: str, k: int = k) -> None:
            last[k] = json.loads(text)["cue"]["id"]
            got_at[k] = time.perf_counter()

        socket.textMessageReceived.connect(on_text)
        socket.open(QUrl(f"ws://127.0.0.1:{server.port}/api/events?token={server.token}"))
        sockets.append(socket)
    pump(lambda: all(last))
    lags: list[float] = []
    start = time.perf_counter()
    for i in range(commands):
        due = start + i * 0.1  # 10 commands per second
        pump(lambda d=due: time.perf_counter() >= d)  # type: ignore[misc]
        t0 = time.perf_counter()
        engine.run("goto", TARGETS[i % len(TARGETS)])
        target = engine.state.cue.id
        pump(lambda t=target: all(x == t for x in last))  # type: ignore[misc]
        lags.append((max(got_at) - t0) * 1000)
    for socket in sockets:
        socket.abort()
    return {
        "clients": clients,
        "commands": commands,
        "rate_per_s": 10,
        "median_lag_ms": round(statistics.median(lags), 3),
        "p95_lag_ms": round(pct(lags, 95), 3),
        "max_lag_ms": round(max(lags), 3),
        "fell_behind": max(lags) > 100,
    }


def bench_flood(server: RemoteServer, engine: Engine, requests: int = 150) -> dict[str, float]:
    targets = [c.id for c in engine.state.show.cues if c.kind != "reveal"][1:]
    latencies: list[float] = []
    failures: list[str] = []
    headers = {"Authorization": f"Bearer {server.token}", "Content-Type": "application/json"}

    def crew() -> None:
        keep = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        for i in range(requests):
            conn = keep if i % 2 else http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
            body = json.dumps({"arg": targets[i % len(targets)]})
            t0 = time.perf_counter()
            try:
                conn.request("POST", "/api/commands/goto", body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                latencies.append((time.perf_counter() - t0) * 1000)
                if response.status != 200:
                    failures.append(str(response.status))
            except OSError as exc:
                failures.append(type(exc).__name__)
                keep = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
            if conn is not keep:
                conn.close()
            time.sleep(0.05)
        keep.close()

    # the flood runs in its own process, as an attacker does: in this one it would share the GIL with the server
    hostile = subprocess.Popen(
        [sys.executable, "-c", HOSTILE, str(server.port)], cwd=CLIENTS, stdin=subprocess.PIPE, text=True
    )
    pump(lambda: server._http.connection_count >= 32, timeout=20)
    evicted_before = server._http.evicted
    thread = threading.Thread(target=crew, daemon=True)
    thread.start()
    wait_in_event_loop(thread)
    hostile.communicate("stop\n", timeout=60)
    return {
        "hostile_connections": 64,
        "requests": requests,
        "median_ms": round(statistics.median(latencies), 3),
        "p95_ms": round(pct(latencies, 95), 3),
        "max_ms": round(max(latencies), 3),
        "refused_or_failed": len(failures),
        "evictions": server._http.evicted - evicted_before,
    }


def main() -> None:
    app = QCoreApplication([])
    loaded = load_script(SLIDES)
    engine = Engine(None, loaded.script)
    # the 20 push clients all come from 127.0.0.1: more than the default 16 WebSocket clients per address
    limits = Limits(max_websockets_per_client=32)
    server = RemoteServer(EngineAdapter(engine, loaded.public_digest), port=0, require_token=True, limits=limits)
    server.start()
    # goto only: it has no double-fire or transition guard, so every command moves the show
    result = {
        "api_command_to_state": bench_commands(server, engine),
        "websocket_push": bench_push(server, engine),
        "authenticated_under_flood": bench_flood(server, engine),
    }
    server.stop()
    QTimer.singleShot(0, app.quit)
    app.exec()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
