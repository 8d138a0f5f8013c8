"""Media made by the tests themselves (PyAV): small films with numbered frames, tones, beds."""

from __future__ import annotations

from pathlib import Path

import pytest

from ceremony.media import testcard


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="session")
def clip(media_dir: Path) -> Path:
    """A 3 s, 320×180, 30 fps H.264 film with the pip tone (its frame number readable from any picture)."""
    return testcard.write_video(media_dir / "clip.mp4", (320, 180), 30, 3.0)


@pytest.fixture(scope="session")
def silent_clip(media_dir: Path) -> Path:
    return testcard.write_video(media_dir / "silent.mp4", (320, 180), 30, 2.0, audio=False)


@pytest.fixture(scope="session")
def bed_wav(media_dir: Path) -> Path:
    """A 1.000 s loopable bed: 440 Hz at 0.5 with a 1 kHz pip in its first 20 ms."""
    return testcard.write_sound(media_dir / "bed.wav", testcard.bed(1.0))


@pytest.fixture(scope="session")
def tone_wav(media_dir: Path) -> Path:
    return testcard.write_sound(media_dir / "tone.wav", testcard.tone(2.0, pips=False))
