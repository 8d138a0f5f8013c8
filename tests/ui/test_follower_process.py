"""Two app instances on loopback: a leader driven by keys here, a follower in its own process.

The follower serves its own read-only state on another port, so the test sees
what its stage shows. The leader's server is stopped and started again; the
follower reconnects and catches up by itself.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt

from .conftest import REPO, FakeClock, open_show
from .test_resume_process import free_port


def follower_cue(port: int) -> str | None:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        conn.request("GET", "/api/state")
        data = json.loads(conn.getresponse().read())
        conn.close()
        return str(data["cue"]["id"])
    except (OSError, ValueError, KeyError):
        return None


def test_follower_mirrors_the_leader_and_survives_its_restart(qtbot, clock: FakeClock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    leader_port, follower_port = free_port(), free_port()
    leader = open_show(qtbot, clock, remote=True, remote_port=leader_port)
    server = leader.remote
    assert server is not None
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        LANGUAGE="en",  # its log read below in English
        CEREMONY_STATE_DIR=str(tmp_path / "follower-state"),
        CEREMONY_TOKEN=server.token,  # type: ignore[attr-defined]  # not --token: ps would show it to every user
    )
    log = (tmp_path / "follower.out").open("wb")
    follower = subprocess.Popen(
        [
            sys.executable, "-m", "ceremony", str(REPO / "slides.yaml"), "--windowed", "--fresh",
            "--follow", f"http://127.0.0.1:{leader_port}",
            "--remote", "--remote-port", str(follower_port),
        ],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        qtbot.waitUntil(lambda: follower_cue(follower_port) == "walk-in", timeout=30000)
        lags = []
        for _ in range(4):
            clock.advance(2)
            qtbot.keyClick(leader.presenter, Qt.Key.Key_PageDown)
            want = leader.controller.state.cue.id
            pressed = time.perf_counter()
            qtbot.waitUntil(lambda want=want: follower_cue(follower_port) == want, timeout=5000)
            lags.append(time.perf_counter() - pressed)
        assert leader.controller.state.cue.id == "jury"
        print(f"follower lag after a key: {[round(x * 1000) for x in lags]} ms")

        server.stop()  # type: ignore[attr-defined]
        clock.advance(2)
        leader.controller.run("goto", "nominee-hamaroy")
        qtbot.wait(500)
        assert follower_cue(follower_port) == "jury"  # holds while the leader is gone
        server.start()  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: follower_cue(follower_port) == "nominee-hamaroy", timeout=15000)
    finally:
        follower.send_signal(signal.SIGTERM)
        try:
            follower.wait(timeout=10)
        except subprocess.TimeoutExpired:
            follower.kill()
        log.close()
    output = (tmp_path / "follower.out").read_text(encoding="utf-8", errors="replace")
    assert f"remote control on http://127.0.0.1:{follower_port}" in output  # the address, and no token
    assert "token=" not in output
    assert server.token not in output  # type: ignore[attr-defined]
