"""End to end: the walk-in bed through a real sound device (a private PulseAudio null sink), recorded with parec.

The other tests read the mixer's samples in memory; this one shows the same sound reaches a device: it loops
without a gap and fades out along the mixer's curve when the show moves on. Needs Debian's pulseaudio and
pulseaudio-utils (.ci/run installs them); skipped with that reason where they are missing.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from ceremony.media import testcard

HERE = Path(__file__).resolve().parent
RATE = 48000

pytestmark = pytest.mark.skipif(
    shutil.which("pulseaudio") is None or shutil.which("parec") is None,
    reason="needs Debian's pulseaudio and pulseaudio-utils (.ci/run installs them)",
)


@pytest.fixture
def pulse(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A private PulseAudio with one null sink; nothing of a user's own sound server is touched."""
    home = tmp_path / "pulse"
    home.mkdir()
    env = dict(os.environ, HOME=str(home), XDG_RUNTIME_DIR=str(home), XDG_CONFIG_HOME=str(home))
    socket = home / "native"
    server = subprocess.Popen(
        [
            "pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no", "--disable-shm=yes",
            f"--log-target=file:{home / 'log'}",
            "-L", f"module-native-protocol-unix auth-anonymous=1 socket={socket}",
            "-L", "module-null-sink sink_name=ceremony_test rate=48000 channels=2",
        ],
        env=env,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while not socket.exists() and time.monotonic() < deadline and server.poll() is None:
        time.sleep(0.05)
    if not socket.exists():
        server.kill()
        pytest.fail(f"the private PulseAudio did not start: {(home / 'log').read_text(errors='replace')[-2000:]}")
    try:
        yield {**env, "PULSE_SERVER": f"unix:{socket}"}
    finally:
        server.terminate()
        server.wait(10)


def test_the_bed_reaches_a_real_device_loops_and_fades_out(tmp_path: Path, pulse: dict[str, str]) -> None:
    testcard.write_sound(tmp_path / "bed.wav", testcard.bed(1.0, level=0.5))
    script = tmp_path / "show.yaml"
    script.write_text(
        "event: {title: Prøve, year: 2026}\nslides:\n"
        "  - kind: countdown\n    until: '23:59'\n    audio: {file: bed.wav, loop: true, fade_out: 1}\n"
        "  - kind: text\n    title: Velkommen\n",
        encoding="utf-8",
    )
    capture = tmp_path / "capture.raw"
    env = {**pulse, "QT_QPA_PLATFORM": "offscreen", "CEREMONY_STATE_DIR": str(tmp_path / "state")}
    with capture.open("wb") as sink:
        recorder = subprocess.Popen(
            ["parec", "-d", "ceremony_test.monitor", "--format=s16le", "--rate=48000", "--channels=2", "--raw"],
            stdout=sink, env=env,
        )  # fmt: skip
        try:
            app = subprocess.run(
                [sys.executable, str(HERE / "pulse_show.py"), str(script), "Null Output"],
                env=env, capture_output=True, text=True, timeout=120,
            )  # fmt: skip
        finally:
            time.sleep(0.3)
            recorder.terminate()
            recorder.wait(10)
    assert app.returncode == 0, app.stderr[-3000:]
    assert "Cannot call meta function" not in app.stderr  # the sink's state changes reach the show
    result = json.loads(app.stdout.strip().splitlines()[-1])
    assert result["began"] and result["played"], result
    assert result["cue"] == "text-velkommen" and result["status"] == "Null Output"
    assert "Null Output" in result["devices"]  # the server's sinks, as the checklist lists them
    assert result["checklist"] == f"Null Output — outputs: {', '.join(result['devices'])}"
    assert result["media_plugins"] == []  # the sound came through Qt's audio devices alone (no FFmpeg plugin)
    mono = np.fromfile(capture, dtype="<i2").reshape(-1, 2).astype(np.float32).mean(axis=1) / 32768

    pips = testcard.onsets(testcard.tone_level(mono, 1000.0) > 0.25)
    assert len(pips) >= 3, pips  # at least three loops reached the device ...
    spacing = np.diff(pips) * 5  # ms (5 ms windows)
    assert all(abs(s - 1000) <= 10 for s in spacing), spacing  # ... each a second after the last
    env_ = testcard.envelope(mono)
    window = 218 / RATE
    full = 0.5 / math.sqrt(2)
    sounding = np.flatnonzero(env_ > 0.05 * full)
    start, end = int(sounding[0]), int(sounding[-1])
    below = env_ < 0.97 * full
    fade_start = next(i for i in range(start + 10, end) if below[i : i + 10].all())
    pip_windows = np.zeros(len(env_), bool)
    for p in pips:
        pip_windows[round(p * 240 / 218) : round((p + 5) * 240 / 218) + 1] = True
    steady = env_[start + 2 : fade_start - 2][~pip_windows[start + 2 : fade_start - 2]]
    assert steady.min() > 0.9 * full  # no gap at the seams
    n = round(1.0 / window)
    curve = np.cos(np.linspace(0, math.pi / 2, n)) ** 2

    def error(k: int) -> float:
        a = fade_start - k
        keep = ~pip_windows[a : a + n]
        return float(np.abs(env_[a : a + n][keep] / full - curve[keep]).max())

    best = min(range(60), key=error)
    assert error(best) < 0.05  # the fade follows the mixer's curve, through the device
    assert env_[fade_start - best + n + 4 :].max() < 0.01 * full  # and silence after it
