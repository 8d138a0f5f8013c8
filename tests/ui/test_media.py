"""Films and sound through the real windows, with the show's clock in the test's hand.

The show plays into a MemoryOutput (``--audio-device memory:``) that renders the mixer at the pace of the
show's clock, so a test reads exactly the samples the show produced; the stage's pictures are read back
by the frame number burnt into each film frame. No timing is asserted: what was heard and what was shown.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from ceremony.media import testcard
from ceremony.ui.audio_out import MemoryOutput
from ceremony.ui.main import Show

from .conftest import FakeClock, open_show, press

BED_SHOW = """event:
  title: Prøve
  year: 2026
slides:
  - kind: countdown
    id: walk-in
    until: '23:59'
    audio: {file: bed.wav, loop: true, fade_out: 1}
  - kind: text
    id: welcome
    title: Velkommen
"""


def memory(show: Show) -> MemoryOutput:
    assert show.media is not None
    output = show.media.output.output
    assert isinstance(output, MemoryOutput)
    return output


def begun(qtbot, show: Show) -> MemoryOutput:  # type: ignore[no-untyped-def]
    """Wait until the show's sound runs (a moment after the stage's first frame)."""
    qtbot.waitUntil(lambda: show.media is not None and show.media.begun, timeout=5000)
    return memory(show)


def run_for(show: Show, clock: FakeClock, seconds: float, step: float = 0.05) -> None:
    """Move the show's clock on, letting the output render each step as it would in real time."""
    output = memory(show)
    for _ in range(round(seconds / step)):
        clock.advance(step)
        output.pump()


@pytest.fixture
def bed_show(tmp_path: Path) -> Path:
    testcard.write_sound(tmp_path / "bed.wav", testcard.bed(1.0, level=0.5))
    script = tmp_path / "show.yaml"
    script.write_text(BED_SHOW, encoding="utf-8")
    return script


def test_the_walk_in_bed_loops_and_fades_out_on_next(qtbot, clock: FakeClock, bed_show: Path) -> None:  # type: ignore[no-untyped-def]
    show = open_show(qtbot, clock, bed_show, audio_device="memory:")
    output = begun(qtbot, show)
    run_for(show, clock, 3.5)
    press(qtbot, show.presenter, Qt.Key.Key_PageDown)
    assert show.controller.state.cue.id == "welcome"
    run_for(show, clock, 2.0)
    mono = output.recorded()[:, 0]

    pips = testcard.onsets(testcard.tone_level(mono, 1000.0) > 0.25)
    assert len(pips) == 4  # the 1 s bed played four times (at 0, 1, 2 and 3 s) ...
    assert np.diff(pips).tolist() == [200, 200, 200]  # ... each loop exactly a second (200 windows of 5 ms)
    env = testcard.envelope(mono)
    window = 218 / 48000
    fade_from = round(3.5 / window)
    steady = env[: fade_from - 2]
    pip_windows = np.zeros(len(env), bool)
    for p in pips:
        pip_windows[round(p * 240 / 218) : round((p + 5) * 240 / 218) + 1] = True
    assert steady[~pip_windows[: len(steady)]].min() > 0.34  # no gap at the seams (0.5 / √2 = 0.354)
    for tenth in range(1, 10):  # the fade follows the mixer's curve from full to silence over one second
        at = fade_from + round(tenth / 10 / window)
        expected = 0.354 * (1 - math.sin(tenth / 10 * math.pi / 2) ** 2)
        assert env[at] == pytest.approx(expected, abs=0.03), tenth
    assert env[fade_from + round(1.05 / window) :].max() < 1e-4  # and then silence
    assert show.media is not None and show.media.bed_state() is None
