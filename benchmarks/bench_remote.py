"""Remote control latency on loopback; prints JSON.

1. API command -> engine state change: a real HTTP client (keep-alive, in a thread)
   POSTs ``goto`` 100 times; the time from sending the request to the engine's
   listener seeing the new cue, in the server's event loop (median, p95; budget
   <= 10 ms median).
2. State pushes to 20 WebSocket clients at 10 commands/s: for each command the
   time until every one of the 20 clients (QWebSocket, same event loop) has the
   pushed state; max and p95 lag.

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/bench_remote.py``
"""

from __future__ import annotations

import http.client
import json
import os
import statistics
import threading
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer, QUrl
from PySide6.QtWebSockets import QWebSocket

from ceremony.remote.adapter import EngineAdapter
from ceremony.remote.api import RemoteServer
from ceremony.script.loader import load_script
from ceremony.show.engine import Engine

SLIDES = Path(__file__).resolve().parents[1] / "slides.yaml"
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


def main() -> None:
    app = QCoreApplication([])
    loaded = load_script(SLIDES)
    engine = Engine(None, loaded.script)
    server = RemoteServer(EngineAdapter(engine, loaded.public_digest), port=0, require_token=True)
    server.start()
    # goto only: it has no double-fire or transition guard, so every command moves the show
    result = {"api_command_to_state": bench_commands(server, engine), "websocket_push": bench_push(server, engine)}
    server.stop()
    QTimer.singleShot(0, app.quit)
    app.exec()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
