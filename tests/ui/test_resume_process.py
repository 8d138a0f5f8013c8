"""Crash resume with the real process: drive it over the remote API, SIGKILL it, start it again."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def request(port: int, method: str, path: str, body: object = None) -> dict:  # type: ignore[type-arg]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    payload = json.dumps(body).encode() if body is not None else (b"{}" if method == "POST" else None)
    conn.request(method, path, body=payload, headers={"Content-Type": "application/json"})
    response = conn.getresponse()
    data = json.loads(response.read() or b"{}")
    conn.close()
    return data  # type: ignore[no-any-return]


def command(port: int, command_id: str, arg: str | None = None) -> dict:  # type: ignore[type-arg]
    return request(port, "POST", f"/api/commands/{command_id}", {"arg": arg} if arg is not None else {})


def start(script: Path, env: dict[str, str], log: Path, *extra: str) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "ceremony", str(script), "--windowed", *extra],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def wait_for_api(port: int, process: subprocess.Popen[bytes], seconds: float = 30.0) -> dict:  # type: ignore[type-arg]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"ceremony exited early with {process.returncode}")
        try:
            return request(port, "GET", "/api/state")
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the remote API did not come up")


@pytest.fixture
def show_script(tmp_path: Path) -> tuple[Path, int]:
    port = free_port()
    text = (REPO / "slides.yaml").read_text(encoding="utf-8")
    text = text.replace("settings:\n", f"settings:\n  remote:\n    enabled: true\n    port: {port}\n", 1)
    folder = tmp_path / "show"
    folder.mkdir()
    (folder / "assets").symlink_to(REPO / "assets")
    path = folder / "slides.yaml"
    path.write_text(text, encoding="utf-8")
    return path, port


def _saved_cue(path: Path) -> str | None:
    try:
        return str(json.loads(path.read_text(encoding="utf-8"))["cue_id"])
    except (OSError, ValueError, KeyError):  # being replaced right now
        return None


def test_sigkill_mid_show_then_resume(show_script: tuple[Path, int], tmp_path: Path) -> None:
    script, port = show_script
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CEREMONY_STATE_DIR=str(tmp_path / "state"))
    log = tmp_path / "ceremony.out"
    first = start(script, env, log, "--fresh")
    try:
        wait_for_api(port, first)
        assert command(port, "goto", "reveal-under-15000/suspense")["ok"]
        assert request(port, "GET", "/api/state")["cue"]["id"] == "reveal-under-15000/suspense"
        time.sleep(0.4)  # past the double-fire window
        fired = command(port, "reveal")
        assert fired["ok"], fired
        state = request(port, "GET", "/api/state")
        assert state["cue"]["id"] == "reveal-under-15000/reveal"
        assert "kvitsoy" in json.dumps(state["revealed"])
        # The app saves a moment after a change (after the frame, so the fsync never delays the stage), and the
        # remote's reply goes out at once: wait for the save, as a crash a moment later would find it.
        saved = tmp_path / "state"
        deadline = time.monotonic() + 10
        while not any(_saved_cue(f) == "reveal-under-15000/reveal" for f in saved.glob("show-*.json")):
            assert time.monotonic() < deadline, "the reveal was never saved"
            time.sleep(0.05)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    assert first.returncode == -signal.SIGKILL

    second = start(script, env, log, "--resume")
    try:
        state = wait_for_api(port, second)
        assert state["cue"]["id"] == "reveal-under-15000/reveal"
        revealed = json.dumps(state["revealed"])
        assert "under-15000" in revealed
        assert "kvitsoy" in revealed
    finally:
        second.send_signal(signal.SIGTERM)
        try:
            second.wait(timeout=10)
        except subprocess.TimeoutExpired:
            second.kill()
