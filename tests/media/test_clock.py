"""The media clock: the sound's played samples when there is sound, the monotonic clock otherwise."""

from __future__ import annotations

import numpy as np
import pytest

from ceremony.media.clock import MediaClock
from ceremony.media.mixer import CHANNELS, RATE, Clip, Mixer


class Now:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def test_without_sound_it_is_the_monotonic_clock_stopped_while_paused() -> None:
    now = Now()
    clock = MediaClock(now)
    assert clock.position() == 0.0
    clock.start()
    now.t += 2.0
    assert clock.position() == pytest.approx(2.0)
    clock.pause()
    now.t += 5.0
    assert clock.position() == pytest.approx(2.0)
    clock.resume()
    now.t += 1.0
    assert clock.position() == pytest.approx(3.0)


def test_with_sound_it_counts_the_samples_played_less_the_output_latency() -> None:
    now = Now()
    mixer = Mixer()
    voice = mixer.play("video:x", Clip(np.zeros((RATE * 10, CHANNELS), np.float32)))
    clock = MediaClock(now, voice, latency=lambda: 0.1)
    clock.start()
    now.t += 0.5
    assert clock.position() == 0.0  # nothing played yet: the first picture waits for the sound
    mixer.render(RATE)
    assert clock.position() == pytest.approx(0.9)
    now.t += 0.02
    assert clock.position() == pytest.approx(0.92)  # moved on between pulls ...
    now.t += 1.0
    assert clock.position() == pytest.approx(0.9 + MediaClock.MAX_GAP)  # ... by one pull period at most
    mixer.render(RATE // 2)
    assert clock.position() == pytest.approx(1.4)


def test_it_never_runs_backwards() -> None:
    now = Now()
    mixer = Mixer()
    voice = mixer.play("video:x", Clip(np.zeros((RATE * 10, CHANNELS), np.float32)))
    latency = [0.0]
    clock = MediaClock(now, voice, latency=lambda: latency[0])
    clock.start()
    mixer.render(RATE)
    assert clock.position() == pytest.approx(1.0)
    latency[0] = 0.2  # the output's buffer filled up: the estimate drops, the clock holds
    assert clock.position() == pytest.approx(1.0)


def test_when_the_sound_ends_before_the_pictures_the_clock_runs_on() -> None:
    now = Now()
    mixer = Mixer()
    voice = mixer.play("video:x", Clip(np.zeros((RATE, CHANNELS), np.float32)))
    clock = MediaClock(now, voice)
    clock.start()
    mixer.render(RATE * 2)
    assert voice.ended
    ended_at = clock.position()
    now.t += 3.0
    assert clock.position() == pytest.approx(ended_at + 3.0)
