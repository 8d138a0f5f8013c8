"""Remote API command to stage frame: from an HTTP POST on loopback to the end of the stage's next paint.

The real show (ceremony.app.build_show with --remote, both windows, offscreen). A client thread
posts /api/commands/next (Home at the end); the GUI thread serves the request, the show moves, and
the stage repaints. Between commands the show's clock jumps 5 s and the stage is left to draw ahead,
as between two cues on the night. Budget (issue 8): median <= 10 ms.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import threading
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import BenchShow, emit, median, pct


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--commands", type=int, default=100)
    args = parser.parse_args()
    port = free_port()
    bench = BenchShow(remote=True, remote_port=port)
    app, stage = bench.app, bench.stage

    sent: list[float] = []

    def post(command: str) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        sent.append(time.perf_counter())
        conn.request("POST", f"/api/commands/{command}", body=b"{}", headers={"Content-Type": "application/json"})
        json.loads(conn.getresponse().read() or b"{}")
        conn.close()

    samples: list[float] = []
    while len(samples) < args.commands:
        bench.idle()
        at_end = bench.at_end()
        painted = stage.frames_painted
        sent.clear()
        client = threading.Thread(target=post, args=("first" if at_end else "next",))
        client.start()
        deadline = time.perf_counter() + 1.0
        while stage.frames_painted == painted and time.perf_counter() < deadline:
            app.processEvents()
        done = time.perf_counter()
        while client.is_alive():
            app.processEvents()
        client.join()
        if stage.frames_painted != painted and sent:
            samples.append((done - sent[0]) * 1000)
    bench.close()
    ok = emit(
        "remote", "api_command_to_stage_frame_median_ms", round(median(samples), 2), "ms", 10.0, commands=len(samples)
    )
    emit("remote", "api_command_to_stage_frame_p95_ms", round(pct(samples, 95), 2), "ms")
    emit("remote", "api_command_to_stage_frame_max_ms", round(max(samples), 2), "ms")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
