"""PCM WAV files read without FFmpeg: the reveal's own sounds are WAVs, and a show without films or other sound
files then never loads PyAV (FFmpeg costs ~20 MB of memory and a moment at start-up).
"""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

from ceremony.media.mixer import CHANNELS, PCM, RATE

_TYPES = {1: np.int8, 2: np.int16, 4: np.int32}


def read_wav(path: Path) -> PCM | None:
    """The file as the mixer's stereo float32 at 48 kHz; None when it is not a plain 8/16/32-bit PCM WAV at 48 kHz
    in mono or stereo (then PyAV decodes it)."""
    try:
        with wave.open(str(path), "rb") as wav:
            channels, width, rate = wav.getnchannels(), wav.getsampwidth(), wav.getframerate()
            if rate != RATE or channels not in (1, 2) or width not in _TYPES:
                return None
            raw = wav.readframes(wav.getnframes())
    except (wave.Error, EOFError, OSError):
        return None
    samples = np.frombuffer(raw, dtype=_TYPES[width]).astype(np.float32)
    if width == 1:  # 8-bit WAV is unsigned
        samples = (samples + 128) % 256 - 128
    samples /= float(2 ** (8 * width - 1))
    frames = samples.reshape(-1, channels)
    if channels == 1:
        frames = np.repeat(frames, CHANNELS, axis=1)
    return np.ascontiguousarray(frames, dtype=np.float32)
