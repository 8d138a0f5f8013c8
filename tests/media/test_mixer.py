"""The show's own mixer: every sample computed, so fades, loops, pauses and the panic are checked exactly."""

from __future__ import annotations

import math

import numpy as np
import pytest

from ceremony.media.mixer import CHANNELS, DECLICK, RATE, Clip, Mixer, Playlist, tone


def steady(level: float = 0.5, seconds: float = 5.0, *, loop: bool = False) -> Clip:
    return Clip(np.full((round(seconds * RATE), CHANNELS), level, np.float32), loop=loop)


def ramp_clip(frames: int) -> Clip:
    """Each sample's value is its index / frames: a gap, a repeat or a skip shows in the numbers."""
    values = (np.arange(frames, dtype=np.float32) / frames)[:, None]
    return Clip(np.repeat(values, CHANNELS, axis=1), loop=True)


def test_a_clip_plays_through_as_it_is() -> None:
    mixer = Mixer()
    pcm = np.random.default_rng(1).uniform(-0.5, 0.5, (1000, CHANNELS)).astype(np.float32)
    mixer.play("sting", Clip(pcm))
    out = mixer.render(1200)
    np.testing.assert_allclose(out[:1000], pcm, atol=1e-6)
    assert not out[1000:].any()
    assert mixer.take_ended() == ["sting"]
    assert mixer.voices == []


def test_a_loop_has_no_seam() -> None:
    mixer = Mixer()
    mixer.play("bed", ramp_clip(1000))
    out = np.concatenate([mixer.render(n) for n in (333, 1000, 777, 890)])[:, 0]
    expected = np.tile(np.arange(1000, dtype=np.float32) / 1000, 4)[: len(out)]
    np.testing.assert_allclose(out, expected, atol=1e-6)


def test_a_fade_out_follows_its_curve_to_the_sample_and_then_the_voice_is_gone() -> None:
    mixer = Mixer()
    mixer.play("bed", steady(0.5))
    mixer.render(4800)
    start = mixer.position
    mixer.fade_out("bed", 1.0)
    out = np.concatenate([mixer.render(4800) for _ in range(11)])[:, 0]
    for tenth in range(11):
        x = tenth / 10
        expected = 0.5 * (1 - math.sin(x * math.pi / 2) ** 2)  # from 1 to 0 along sin²
        assert out[round(x * RATE)] == pytest.approx(expected, abs=1e-4), tenth
    assert start == 4800
    assert mixer.voices == []
    assert not mixer.render(4800).any()


def test_panic_silences_every_voice_in_exactly_one_second() -> None:
    mixer = Mixer()
    mixer.play("bed", steady(0.3, loop=True))
    mixer.play("video:film", steady(0.2))
    mixer.render(1000)
    mixer.panic(1.0)
    out = mixer.render(RATE + 1000)[:, 0]
    assert out[0] == pytest.approx(0.5)
    assert out[RATE // 2] == pytest.approx(0.25, abs=1e-3)
    assert out[RATE - 1] < 1e-6
    assert not out[RATE:].any()
    assert set(mixer.take_ended()) == {"bed", "video:film"}


def test_the_master_volume_ramps_without_a_step() -> None:
    mixer = Mixer()
    mixer.play("bed", steady(0.8))
    mixer.set_master(0.5, seconds=0.05)
    out = mixer.render(RATE // 10)[:, 0]
    assert out[0] == pytest.approx(0.8)
    assert np.all(np.diff(out[: RATE // 20]) <= 0)
    assert np.abs(np.diff(out)).max() < 0.001
    assert out[RATE // 20 :] == pytest.approx(0.4)


def test_the_program_gain_fades_the_show_but_not_the_test_tone() -> None:
    mixer = Mixer()
    mixer.play("bed", steady(0.25, loop=True))
    mixer.play("test-tone", steady(0.1), bus="direct")
    mixer.set_program(0.0, 0.4)
    out = mixer.render(RATE)[:, 0]
    assert out[0] == pytest.approx(0.35)
    assert out[round(0.4 * RATE) :] == pytest.approx(0.1)


def test_a_paused_voice_neither_sounds_nor_advances_and_plays_on_from_where_it_stopped() -> None:
    mixer = Mixer()
    total = RATE * 4
    voice = mixer.play("film", ramp_clip(total))
    mixer.render(1000)
    mixer.set_paused("film", True)
    ramping = mixer.render(2000)[:, 0]
    assert ramping[0] == pytest.approx(1000 / total)  # ramped down over 10 ms from where it was ...
    assert ramping[DECLICK - 1] == 0 and not ramping[DECLICK:].any()  # ... then silent
    assert voice.frames_played == 1000 + DECLICK
    assert not mixer.render(5000).any()
    assert voice.frames_played == 1000 + DECLICK
    mixer.set_paused("film", False)
    after = mixer.render(2000)[:, 0]
    resumed = (1000 + DECLICK + np.arange(2000)) / total
    assert after[0] == 0  # ramped up again ...
    np.testing.assert_allclose(after[DECLICK:], resumed[DECLICK:], atol=1e-6)  # ... from the sample it stopped at


def test_a_playlist_plays_its_files_in_turn_without_a_gap() -> None:
    mixer = Mixer()
    first = Clip(np.full((700, CHANNELS), 0.1, np.float32))
    second = Clip(np.full((500, CHANNELS), 0.2, np.float32))
    mixer.play("bed", Playlist([first, second]))
    out = mixer.render(1500)[:, 0]
    assert out[:700] == pytest.approx(0.1)
    assert out[700:1200] == pytest.approx(0.2)
    assert not out[1200:].any()


def test_the_test_tone_is_1_khz_at_minus_20_dbfs_without_clicks() -> None:
    clip = tone(1.0)
    assert np.abs(clip.pcm).max() == pytest.approx(0.1, abs=1e-3)
    assert 20 * math.log10(np.abs(clip.pcm).max()) == pytest.approx(-20, abs=0.1)
    assert abs(clip.pcm[0, 0]) < 1e-6 and abs(clip.pcm[-1, 0]) < 1e-3
    crossings = np.count_nonzero(np.diff(np.sign(clip.pcm[:, 0])) > 0)
    assert crossings == pytest.approx(1000, abs=2)


def test_levels_are_each_voices_peak_after_its_gains() -> None:
    mixer = Mixer()
    mixer.play("bed", steady(0.5, loop=True), volume=0.5)
    mixer.render(480)
    assert mixer.levels() == {"bed": pytest.approx(0.25)}
    assert mixer.peak == pytest.approx(0.25)


def test_an_ended_voice_lets_go_of_its_sound() -> None:
    """A film's sound is megabytes; once its voice has ended the mixer must keep none of it (it once kept the
    last 256 ended voices, sound and all: 4 MB more memory per film played)."""
    import gc
    import weakref

    mixer = Mixer()
    clip = Clip(np.zeros((RATE, CHANNELS), np.float32))
    gone = weakref.ref(clip)
    mixer.play("video:film", clip)
    del clip
    mixer.render(RATE + 1)
    gc.collect()
    assert gone() is None
    assert mixer.take_ended() == ["video:film"]
