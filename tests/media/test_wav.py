"""Plain WAVs without FFmpeg: the reveal's sounds, read as the mixer wants them; anything else is left to PyAV."""

from __future__ import annotations

import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from ceremony import data
from ceremony.media.decode import decode_all
from ceremony.media.wav import read_wav

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", ["drumroll.wav", "fanfare.wav"])
def test_the_reveal_sounds_read_as_ffmpeg_decodes_them(name: str) -> None:
    path = data.path(data.SOUNDS, name)
    ours = read_wav(path)
    assert ours is not None and ours.dtype == np.float32 and ours.shape[1] == 2
    np.testing.assert_allclose(ours, decode_all(path), atol=1e-6)


def test_mono_and_other_rates(tmp_path: Path) -> None:
    mono = tmp_path / "mono.wav"
    with wave.open(str(mono), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(48000)
        out.writeframes(np.array([0, 16384, -32768], "<i2").tobytes())
    assert read_wav(mono).tolist() == [[0.0, 0.0], [0.5, 0.5], [-1.0, -1.0]]  # type: ignore[union-attr]
    other = tmp_path / "44k.wav"
    with wave.open(str(other), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(44100)
        out.writeframes(b"\0" * 400)
    assert read_wav(other) is None  # resampled by PyAV instead
    (tmp_path / "text.wav").write_text("no", encoding="utf-8")
    assert read_wav(tmp_path / "text.wav") is None


def test_a_show_without_films_never_loads_ffmpeg(tmp_path: Path) -> None:
    """PyAV (FFmpeg, ~20 MB) is loaded by the first film or non-WAV sound, not by the 2024 show and its WAV stings;
    QtMultimedia (the sound output) only after the stage's first frame, so the hall's picture never waits for it."""
    code = (
        "import argparse, sys\n"
        "from PySide6.QtCore import QEventLoop, QTimer\n"
        "from ceremony.script.loader import load_script\n"
        "from ceremony.app import build_show\n"
        "seen = []\n"
        "def first():\n"
        "    seen.append(('PySide6.QtMultimedia' in sys.modules, 'av' in sys.modules))\n"
        f"show = build_show(load_script({str(REPO / 'slides.yaml')!r}), argparse.Namespace(windowed=True, fresh=True),"
        " interactive=False, first_frame=first)\n"
        "loop = QEventLoop()\n"
        "def look():\n"
        "    if show.media.begun and all(show.media.sting_ready(s) for s in ('suspense', 'reveal')):\n"
        "        loop.quit()\n"
        "    else:\n"
        "        QTimer.singleShot(20, look)\n"
        "QTimer.singleShot(0, look)\n"
        "QTimer.singleShot(20000, loop.quit)\n"
        "loop.exec()\n"
        "print(seen, show.media.sting_ready('reveal'), 'av' in sys.modules)\n"
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "CEREMONY_STATE_DIR": str(tmp_path / "state")}
    import os

    result = subprocess.run(
        [sys.executable, "-c", code], env={**os.environ, **env}, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split()[-2:] == ["True", "False"]  # the stings are decoded, FFmpeg is not loaded
    assert result.stdout.splitlines()[-1].startswith("[(False, False)]")  # at the stage's first frame: no sound yet
