"""Remote API command to stage frame: from an HTTP POST on loopback to the end of the stage's next paint.

The real show (ceremony.ui.main.build_show with --remote, both windows, offscreen). A client thread
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
import tempfile
import threading
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import SLIDES, emit, median, pct


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--commands", type=int, default=100)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="ceremony-bench-")
    os.environ["CEREMONY_STATE_DIR"] = os.path.join(tmp, "state")
    os.environ["XDG_CONFIG_HOME"] = os.path.join(tmp, "config")

    from ceremony.script.loader import load_script
    from ceremony.ui.main import build_show

    offset = [0.0]

    def clock() -> float:
        return time.monotonic() + offset[0]

    port = free_port()
    options = argparse.Namespace(windowed=True, fresh=True, remote=True, remote_port=port)
    show = build_show(load_script(SLIDES), options, interactive=False, clock=clock)
    app, stage = show.app, show.stage

    def settle() -> None:
        offset[0] += 5.0
        end = time.perf_counter() + 0.05
        renderer = show.controller.renderer
        while time.perf_counter() < end or stage.animating or renderer.preparing or renderer.store.pending:
            app.processEvents()
            if time.perf_counter() > end + 2:
                break

    sent: list[float] = []

    def post(command: str) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        sent.append(time.perf_counter())
        conn.request("POST", f"/api/commands/{command}", body=b"{}", headers={"Content-Type": "application/json"})
        json.loads(conn.getresponse().read() or b"{}")
        conn.close()

    samples: list[float] = []
    while len(samples) < args.commands:
        settle()
        at_end = show.controller.state.cue_index >= len(show.controller.cues) - 1
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
    show.controller.renderer.close()
    ok = emit(
        "remote", "api_command_to_stage_frame_median_ms", round(median(samples), 2), "ms", 10.0, commands=len(samples)
    )
    emit("remote", "api_command_to_stage_frame_p95_ms", round(pct(samples, 95), 2), "ms")
    emit("remote", "api_command_to_stage_frame_max_ms", round(max(samples), 2), "ms")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
