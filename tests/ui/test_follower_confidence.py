"""Two app instances on loopback: a leader here, and ``ceremony --follow URL --confidence`` in its own process.

The follower is the host's confidence monitor: its confidence window is fullscreen
on the screen its stage would have taken (the projector of tests/screens.json),
its stage window never opens, it follows the leader's cues and shows the leader's
message to the host (its pixels are looked at), and when the leader goes away it
says so on the monitor until the leader is back.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor, QImage

from ceremony.render.confidence import BAND, BAND_FLASH

from .conftest import REPO, FakeClock, open_show
from .test_resume_process import free_port

PROBE = Path(__file__).with_name("window_probe.py")
SCREENS = REPO / "tests" / "screens.json"


def _get(port: int, path: str) -> Any:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        conn.request("GET", path)
        data = json.loads(conn.getresponse().read())
        conn.close()
        return data
    except (OSError, ValueError):
        return None


def _windows(probe: Path) -> dict[str, dict[str, Any]]:
    try:
        return {w["class"]: w for w in json.loads(probe.read_text(encoding="utf-8"))}
    except (OSError, ValueError):
        return {}


def _band_share(qtbot, probe: Path) -> float:  # type: ignore[no-untyped-def]
    """The share of the confidence window's lowest fifth that is the message band's red."""
    picture = probe.with_suffix(".png")
    picture.unlink(missing_ok=True)
    probe.with_suffix(".want").touch()
    qtbot.waitUntil(picture.exists, timeout=10000)
    image = QImage(str(picture))
    reds = {QColor(BAND).rgb(), QColor(BAND_FLASH).rgb()}
    width, height = image.width(), image.height()
    rows = range(int(height * 0.82), height, 4)
    samples = [image.pixel(x, y) for y in rows for x in range(0, width, 8)]
    return sum(1 for p in samples if p in reds) / len(samples)


def test_a_follower_with_confidence_is_the_host_s_monitor(qtbot, clock: FakeClock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    leader_port, follower_port = free_port(), free_port()
    leader = open_show(qtbot, clock, remote=True, remote_port=leader_port)
    server = leader.remote
    assert server is not None
    probe = tmp_path / "windows.json"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=f"offscreen:configfile={SCREENS}",  # a laptop and a projector
        CEREMONY_STATE_DIR=str(tmp_path / "follower-state"),
        CEREMONY_TOKEN=server.token,  # type: ignore[attr-defined]
    )
    log = (tmp_path / "follower.out").open("wb")
    follower = subprocess.Popen(
        [
            sys.executable, str(PROBE), str(probe), str(REPO / "slides.yaml"), "--fresh",
            "--follow", f"http://127.0.0.1:{leader_port}", "--confidence",
            "--remote", "--remote-port", str(follower_port),
        ],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        qtbot.waitUntil(lambda: "ConfidenceWindow" in _windows(probe), timeout=30000)
        qtbot.waitUntil(lambda: _windows(probe)["ConfidenceWindow"]["fullscreen"], timeout=10000)
        windows = _windows(probe)
        assert windows["ConfidenceWindow"]["screen"] == "Projector"  # where the stage would have gone
        assert windows["ConfidenceWindow"]["visible"]
        assert windows["PresenterWindow"]["screen"] == "Laptop"
        assert "StageWindow" not in windows or not windows["StageWindow"]["visible"]  # no stage on this machine

        for target in ("title", "jury", "nominee-hamaroy"):
            clock.advance(2)
            assert leader.controller.run("goto", target).ok
            want = leader.controller.state.cue.id
            qtbot.waitUntil(
                lambda want=want: (_get(follower_port, "/api/state") or {}).get("cue", {}).get("id") == want
            )
        view = _get(follower_port, "/api/confidence")
        assert view["next_title"] == "Kvitsøy"
        assert _band_share(qtbot, probe) == 0  # no message: no band

        assert leader.controller.run("send_message", "Vinneren kommer").ok
        qtbot.waitUntil(lambda: (_get(follower_port, "/api/state") or {}).get("message") is not None)
        assert _get(follower_port, "/api/confidence")["message"] == "Vinneren kommer"
        assert _band_share(qtbot, probe) > 0.5  # the host sees it, big
        assert leader.controller.run("clear_message").ok
        qtbot.waitUntil(lambda: (_get(follower_port, "/api/state") or {}).get("message", 1) is None)
        assert _band_share(qtbot, probe) == 0

        server.stop()  # type: ignore[attr-defined]
        qtbot.waitUntil(
            lambda: (
                ((_get(follower_port, "/api/state") or {}).get("message") or {}).get("text")
                == "Ingen kontakt med showet"
            ),
            timeout=10000,
        )
        assert _band_share(qtbot, probe) > 0.5  # a monitor that stopped says so
        server.start()  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: (_get(follower_port, "/api/state") or {}).get("message", 1) is None, timeout=15000)
        assert not _windows(probe).get("StageWindow", {}).get("visible", False)
    finally:
        follower.send_signal(signal.SIGTERM)
        try:
            follower.wait(timeout=10)
        except subprocess.TimeoutExpired:
            follower.kill()
        log.close()
        server.stop()  # type: ignore[attr-defined]
        leader.app.removeEventFilter(leader.presenter)
        leader.stage.stop()
        leader.presenter.mirror.stop()
        leader.controller.renderer.close()
    output = (tmp_path / "follower.out").read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in output, output[-3000:]
