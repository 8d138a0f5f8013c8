"""Qt Multimedia starts on its audio devices alone: no media backend plugin (the FFmpeg one brings Qt Quick, QML
and FFmpeg's libraries, 12 MB resident, for nothing the show uses), and the rest of Qt's plugins are untouched.

Each case runs in its own process: Qt chooses its media backend once per process."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import QApplication
app = QApplication([])
paths = QCoreApplication.libraryPaths()
from ceremony.ui.audio_out import device_names, find_device
names = device_names()
find_device(None)
maps = Path("/proc/self/maps").read_text()
print(json.dumps({
    "paths_kept": QCoreApplication.libraryPaths() == paths,
    "formats": [bytes(f).decode() for f in QImageReader.supportedImageFormats()],
    "media_plugins": sorted({l.split()[-1] for l in maps.splitlines() if "/multimedia/" in l}),
    "names": names,
}))
"""

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/maps")


def probe(**env: str) -> dict[str, object]:
    run = subprocess.run(
        [sys.executable, "-c", PROBE],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PULSE_SERVER": "unix:/nonexistent", **env},
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    assert "No QtMultimedia backends found" not in run.stderr  # what was asked for is not an operator's warning
    return json.loads(run.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_sound_devices_load_no_media_backend_and_leave_the_other_plugins() -> None:
    got = probe()
    assert got["media_plugins"] == []
    assert got["paths_kept"]
    assert {"jpeg", "png", "svg"} <= set(got["formats"])  # type: ignore[arg-type]
    assert got["names"] == []  # no sound server here: none listed, and no crash


def test_a_backend_asked_for_by_hand_is_left_to_qt() -> None:
    got = probe(QT_MEDIA_BACKEND="ffmpeg")
    assert [os.path.basename(str(p)) for p in got["media_plugins"]] == ["libffmpegmediaplugin.so"]  # type: ignore[attr-defined]
