"""A film whose source stops delivering (a network share that hangs) counts as stuck, never as a hang."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from ceremony.media import testcard
from ceremony.media.decode import VideoTrack
from ceremony.ui.media_player import STALL_SECONDS, stall


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe (POSIX)")
def test_a_source_that_stops_delivering_is_reported_stuck(tmp_path: Path) -> None:
    film = testcard.write_video(tmp_path / "film.mp4", seconds=3.0, faststart=True)  # playable from its start
    pipe = tmp_path / "share.mp4"
    os.mkfifo(pipe)
    data = film.read_bytes()
    writer_done = threading.Event()

    def write() -> None:  # the first half of the film, then the share hangs: the pipe stays open, silent
        with pipe.open("wb") as out:
            out.write(data[: len(data) // 2])
            out.flush()
            writer_done.wait(30)

    threading.Thread(target=write, daemon=True).start()
    track = VideoTrack(pipe)
    try:
        assert track.wait_first(10)
        t, deadline = 0.0, time.monotonic() + 20
        while time.monotonic() < deadline:  # play on the film's clock; the decoder runs dry and waits on the pipe
            track.advance(t)
            if track.starved() and time.monotonic() - track.heartbeat > STALL_SECONDS:
                break
            t += 1 / 30
            time.sleep(1 / 60)
        shown = track.frame_at(t)
        assert shown is not None
        assert stall(track, shown.pts + 0.2) is None  # the picture's time has barely passed: not yet stuck
        reason = stall(track, shown.pts + 2.0)
        assert reason is not None and reason.startswith("the decoder stopped (no new picture for 2.0 s)")
        assert not track.finished  # the thread is still blocked in its read: abandoned, never joined
    finally:
        track.close()
        writer_done.set()
