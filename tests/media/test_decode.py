"""Probing and decoding with PyAV, on films the test makes: numbers read back, never timed."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from ceremony.media import testcard
from ceremony.media.decode import RATE, AudioStream, VideoTrack, decode_all, open_audio
from ceremony.media.mixer import Clip
from ceremony.media.probe import probe, warnings_for
from ceremony.media.testcard import tone_level


def number(track_frame) -> int:  # type: ignore[no-untyped-def]
    """The frame number burnt into a decoded picture (BGRA -> RGB)."""
    return testcard.read_barcode(track_frame.pixels[:, :, 2::-1])


def drain(track: VideoTrack, fps: float = 30, limit: float = 20.0) -> list[tuple[float, int]]:
    """Every picture of a track in order, stepping its clock a frame at a time as the stage would."""
    shown: list[tuple[float, int]] = []
    t, deadline = 0.0, time.monotonic() + 20
    while not track.ended(t) and t < limit and time.monotonic() < deadline:
        if track.next_due(t) is None and not track.finished:
            time.sleep(0.002)  # the decoder has not caught up: the stage would show the same picture again
            continue
        frame = track.frame_at(t)
        assert frame is not None
        if not shown or shown[-1][0] != frame.pts:
            shown.append((frame.pts, number(frame)))
        track.advance(t)
        t += 1 / fps
    return shown


def test_probe_reads_a_film(clip: Path) -> None:
    info = probe(clip)
    assert info.ok, info.error
    assert (info.width, info.height, info.fps, info.video_codec, info.audio_codec) == (320, 180, 30.0, "h264", "aac")
    assert info.duration == pytest.approx(3.0, abs=0.05)
    assert info.summary() == "0:03, 320×180 h264 30 fps, aac"
    assert warnings_for(info) == []


def test_probe_says_why_a_file_would_not_play(clip: Path, tmp_path: Path) -> None:
    faststart = testcard.write_video(tmp_path / "fs.mp4", seconds=4.0, faststart=True)
    cases = {
        "missing.mp4": None,
        "empty.mp4": b"",
        "text.mp4": b"this is a note, not a film\n" * 20,
        "cut.mp4": clip.read_bytes()[: clip.stat().st_size // 2],
        "cut-faststart.mp4": faststart.read_bytes()[: int(faststart.stat().st_size * 0.6)],
    }
    for name, data in cases.items():
        if data is not None:
            (tmp_path / name).write_bytes(data)
    errors = {name: probe(tmp_path / name).error for name in cases}
    assert errors["missing.mp4"] == "file not found"
    assert errors["empty.mp4"] == "the file is empty (0 bytes)"
    assert errors["text.mp4"] is not None and "does not decode" in errors["text.mp4"]
    assert errors["cut.mp4"] is not None and "does not decode" in errors["cut.mp4"]
    assert errors["cut-faststart.mp4"] == "it ends early: no picture in its last second (of 4.0 s); a copy cut short?"


def test_a_film_larger_than_the_stage_is_a_warning_that_names_the_cost(tmp_path: Path) -> None:
    big = testcard.write_video(tmp_path / "uhd.mp4", (3840, 2160), 30, 1 / 30, audio=False)
    (warning,) = warnings_for(probe(big))
    assert warning.startswith("3840×2160 is larger than the 1920×1080 stage: decoding costs ~31 ms CPU per frame")


def test_pictures_come_in_order_at_the_size_asked_for(clip: Path) -> None:
    track = VideoTrack(clip, (640, 360), duration=3.0)
    try:
        shown = drain(track)
        last = track.frame_at(99.0)
    finally:
        track.close()
    assert [n for _, n in shown] == list(range(90))
    assert [round(pts * 30) for pts, _ in shown] == list(range(90))
    assert track.error is None and not track.ended_early
    assert last is not None and last.size == (640, 360) and last.pixels.shape == (360, 640, 4)


def test_a_trimmed_film_starts_on_the_frame_showing_at_its_start_and_stops_at_its_end(clip: Path) -> None:
    track = VideoTrack(clip, start=1.05, end=2.0, duration=3.0)
    try:
        shown = drain(track)
    finally:
        track.close()
    assert shown[0] == (0.0, 31)  # frame 31 is on screen from 1.033 s to 1.067 s
    assert [n for _, n in shown] == list(range(31, 60))


def test_asking_for_a_picture_takes_nothing_away(clip: Path) -> None:
    """The presenter's mirror asking ahead of the stage must not take the stage's frame (read-only)."""
    track = VideoTrack(clip, duration=3.0)
    try:
        assert track.wait_first(10)
        while track.next_due(0.0) is None or track.next_due(0.1) is None:
            time.sleep(0.005)
        later = track.frame_at(0.1)
        assert later is not None and number(later) == 3
        first = track.frame_at(0.0)
        assert first is not None and number(first) == 0
        track.advance(0.05)
        after = track.frame_at(0.0)
        assert after is not None and number(after) == 1  # advanced by the clock: frame 0's time has passed
    finally:
        track.close()


def test_a_looping_film_keeps_counting_time_across_its_end(clip: Path) -> None:
    track = VideoTrack(clip, end=1.0, loop=True, duration=3.0)
    try:
        shown = drain(track, limit=2.5)
    finally:
        track.close()
    numbers = [n for _, n in shown]
    assert numbers[:32] == [*range(30), 0, 1]
    assert [round(pts * 30) for pts, _ in shown] == list(range(len(shown)))


def test_a_film_cut_short_ends_early_with_a_reason(tmp_path: Path) -> None:
    full = testcard.write_video(tmp_path / "long.mp4", seconds=4.0, faststart=True)
    cut = testcard.truncate(full, tmp_path / "cut.mp4", 0.6)
    track = VideoTrack(cut, duration=4.0)
    try:
        drain(track)
    finally:
        track.close()
    assert track.ended_early
    assert track.error is not None and track.error.startswith("the film ends early: pictures stop at")


def test_a_damaged_middle_is_concealed_not_fatal(tmp_path: Path) -> None:
    full = testcard.write_video(tmp_path / "good.mp4", seconds=4.0, faststart=True)
    broken = testcard.corrupt(full, tmp_path / "broken.mp4")
    track = VideoTrack(broken, duration=4.0)
    try:
        shown = drain(track)
    finally:
        track.close()
    assert track.error is None
    assert shown[0][1] == 0 and len(shown) > 30


def test_sound_decodes_to_the_mixers_format_with_trims(tone_wav: Path, clip: Path) -> None:
    whole = decode_all(tone_wav)
    assert whole.dtype == np.float32 and whole.shape == (2 * RATE, 2)
    part = decode_all(clip, start=1.0, end=1.5)
    assert part.shape == (RATE // 2, 2)
    pips = tone_level(part[:, 0], 1000.0)
    assert pips[0] > 0.2 and pips[-1] < 0.05  # the film's second-1 pip opens the trimmed sound


def test_a_long_bed_streams_and_loops_without_an_underrun(tone_wav: Path) -> None:
    stream = AudioStream(tone_wav, loop=True, blocking=True)
    try:
        assert stream.wait_ready(5)
        got = np.concatenate([stream.read(1000) for _ in range(300)])  # 6.25 s from a 2 s file
    finally:
        stream.close()
    assert len(got) == 300_000 and stream.underruns == 0
    assert np.abs(got[:, 0]).max() > 0.25
    windows = np.sqrt((got[: len(got) // 218 * 218, 0].reshape(-1, 218) ** 2).mean(axis=1))
    assert windows.min() > 0.15  # no silent gap at the seams


def test_short_sounds_are_held_whole(tone_wav: Path) -> None:
    assert isinstance(open_audio(tone_wav, duration=2.0), Clip)
