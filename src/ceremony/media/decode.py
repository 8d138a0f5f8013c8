"""Decoding with PyAV in worker threads: sound into the mixer's format, pictures into stage-sized BGRA.

Nothing here blocks the GUI thread. A ``VideoTrack`` opens its file, seeks to ``start``, decodes and
converts each picture to BGRA at the size it will be painted (swscale, which runs without the GIL),
and keeps a few frames ahead in a bounded queue. The stage asks ``frame_at(t)`` for the picture whose
time has come; ``advance(t)`` lets go of the older ones, by the clock and never by who asked, so a
second viewer (the presenter's mirror) cannot take a frame the stage has not shown. Each track keeps a
heartbeat and an error for the director's watchdog.

Short sounds are decoded whole into a ``Clip``; long ones stream through an ``AudioStream``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import av
import av.container
import av.stream
import av.video.frame
import numpy as np
import numpy.typing as npt

from ceremony.media.mixer import CHANNELS, PCM, RATE, Clip, Source, silence

log = logging.getLogger(__name__)

#: A sound shorter than this is decoded whole (exact, gapless loops); longer ones stream.
WHOLE_BELOW_SECONDS = 30.0
#: Damaged packets in a row before a film counts as broken (single ones are concealed, as players do).
MAX_BAD_PACKETS = 50
FFmpegFailure = (av.FFmpegError, OSError, IndexError, ValueError, EOFError)


def _resampler() -> av.AudioResampler:
    return av.AudioResampler(format="flt", layout="stereo", rate=RATE)


def _pcm(frame: av.AudioFrame) -> PCM:
    return np.ascontiguousarray(frame.to_ndarray().reshape(-1, CHANNELS), dtype=np.float32)


def _audio_frames(container: av.container.InputContainer, start: float) -> Iterator[PCM]:
    """The first audio stream from ``start`` (seconds), resampled to the mixer's format."""
    stream = container.streams.audio[0]
    skip = 0
    if start > 0:
        container.seek(round(start * av.time_base), backward=True)
        skip = -1  # worked out from the first frame's time
    resampler = _resampler()
    for frame in container.decode(stream):
        if skip == -1:
            at = float(frame.time) if frame.time is not None else start
            skip = max(0, round((start - at) * RATE))
        for out in resampler.resample(frame):
            pcm = _pcm(out)
            if skip:
                cut = min(skip, len(pcm))
                pcm, skip = pcm[cut:], skip - cut
            if len(pcm):
                yield pcm
    for out in resampler.resample(None):
        yield _pcm(out)


def decode_all(path: Path, *, start: float = 0.0, end: float | None = None, limit: float | None = None) -> PCM:
    """The file's first audio stream from ``start`` to ``end`` as frames x 2 float32 (raises on a bad file)."""
    with av.open(str(path)) as container:
        if not container.streams.audio:
            raise ValueError(f"'{path.name}' has no sound")
        want = None if end is None else max(0, round((end - start) * RATE))
        most = None if limit is None else round(limit * RATE)
        parts: list[PCM] = []
        got = 0
        for pcm in _audio_frames(container, start):
            parts.append(pcm)
            got += len(pcm)
            if most is not None and got > most:
                raise ValueError(f"'{path.name}' is longer than {limit:.0f} s")
            if want is not None and got >= want:
                break
    pcm = np.concatenate(parts) if parts else silence(0)
    return pcm if want is None else pcm[:want]


def has_audio(path: Path) -> bool:
    with av.open(str(path)) as container:
        return bool(container.streams.audio)


class AudioStream(Source):
    """A long sound decoded by a thread into a bounded queue (``AHEAD`` seconds); loops by seeking.

    ``read`` never blocks the output unless ``blocking`` is set (offline rendering: tests and
    benchmarks): when the decoder falls behind it gives silence for the missing part and counts an
    underrun, and the show goes on.
    """

    AHEAD = 2.0

    def __init__(
        self,
        path: Path,
        *,
        loop: bool = False,
        start: float = 0.0,
        end: float | None = None,
        blocking: bool = False,
    ) -> None:
        self.path, self.loop, self.start, self.end, self.blocking = path, loop, start, end, blocking
        self._queue: deque[PCM] = deque()
        self._queued = 0
        self._cond = threading.Condition()
        self._stop = False
        self.finished = False
        self.error: str | None = None
        self._underruns = 0
        self._thread = threading.Thread(target=self._run, name=f"audio {path.name}", daemon=True)
        self._thread.start()

    @property
    def underruns(self) -> int:
        return self._underruns

    def wait_ready(self, seconds: float) -> bool:
        """Wait (off the GUI thread) until the first block is decoded or the file failed."""
        with self._cond:
            return self._cond.wait_for(lambda: self._queued > 0 or self.finished, seconds) and self._queued > 0

    @property
    def ready(self) -> bool:
        with self._cond:
            return self._queued > 0 or self.finished

    def _run(self) -> None:
        try:
            with av.open(str(self.path)) as container:
                while self._pass(container) and self.loop and not self._stop:
                    pass
        except FFmpegFailure as exc:
            self.error = f"{self.path.name}: {exc}"
        finally:
            with self._cond:
                self.finished = True
                self._cond.notify_all()

    def _pass(self, container: av.container.InputContainer) -> bool:
        """One run through the file; False when stopped (or it gave nothing at all, so a loop would spin)."""
        want = None if self.end is None else round((self.end - self.start) * RATE)
        got = 0
        for pcm in _audio_frames(container, self.start):
            if want is not None:
                pcm = pcm[: max(0, want - got)]
            if not self._put(pcm):
                return False
            got += len(pcm)
            if want is not None and got >= want:
                break
        if self.start <= 0:
            container.seek(0)
        return got > 0

    def _put(self, pcm: PCM) -> bool:
        with self._cond:
            self._cond.wait_for(lambda: self._stop or self._queued < self.AHEAD * RATE)
            if self._stop:
                return False
            self._queue.append(pcm)
            self._queued += len(pcm)
            self._cond.notify_all()
            return True

    def read(self, n: int) -> PCM:
        parts: list[PCM] = []
        want = n
        with self._cond:
            if self.blocking:
                self._cond.wait_for(lambda: self._queued >= n or self.finished, 5.0)
            while want and self._queue:
                head = self._queue[0]
                take = head[:want]
                parts.append(take)
                want -= len(take)
                self._queued -= len(take)
                if len(take) == len(head):
                    self._queue.popleft()
                else:
                    self._queue[0] = head[len(take) :]
            self._cond.notify_all()
            done = self.finished and not self._queue
        if want and not done:
            self._underruns += 1
            parts.append(silence(want))
        return np.concatenate(parts) if parts else silence(0)

    def close(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify_all()

    def restarted(self) -> AudioStream:
        return AudioStream(self.path, loop=self.loop, start=self.start, end=self.end, blocking=self.blocking)


def open_audio(
    path: Path,
    *,
    loop: bool = False,
    start: float = 0.0,
    end: float | None = None,
    duration: float | None = None,
    blocking: bool = False,
) -> Source:
    """A Clip for a short sound (decoded now: call it off the GUI thread), a stream for a long one."""
    length = (end if end is not None else duration or WHOLE_BELOW_SECONDS + 1) - start
    if length <= WHOLE_BELOW_SECONDS:
        return Clip(decode_all(path, start=start, end=end, limit=WHOLE_BELOW_SECONDS + 1), loop=loop)
    return AudioStream(path, loop=loop, start=start, end=end, blocking=blocking)


# ---------------------------------------------------------------- pictures


BGRA = npt.NDArray[np.uint8]


@dataclass(frozen=True, slots=True)
class VideoFrame:
    """One decoded picture: its time from the cue's start, and its pixels (BGRA, height x width x 4)."""

    pts: float
    pixels: BGRA

    @property
    def size(self) -> tuple[int, int]:
        return int(self.pixels.shape[1]), int(self.pixels.shape[0])


class VideoTrack:
    """A film's pictures decoded ahead in a thread, at ``size`` (width, height) or the film's own size.

    Times (``pts``) are seconds from ``start``; a looping track keeps counting across its loops, so its
    clock never jumps back.
    """

    def __init__(
        self,
        path: Path,
        size: tuple[int, int] | None = None,
        *,
        start: float = 0.0,
        end: float | None = None,
        loop: bool = False,
        ahead: int = 5,
        duration: float | None = None,
    ) -> None:
        self.path, self.size, self.start, self.end, self.loop = path, size, start, end, loop
        self.ahead = max(2, ahead)
        self.duration = duration
        """The probed length, to tell a film that ends early (cut short) from one that ends."""
        self._queue: deque[VideoFrame] = deque()
        self._cond = threading.Condition()
        self._stop = False
        self.finished = False
        self.error: str | None = None
        self.ended_early = False
        self.decoded = 0
        self.bad_packets = 0
        self.frame_time = 1 / 30
        self.last_pts: float | None = None
        """The time of the last picture decoded (all of them, once finished)."""
        self.heartbeat = time.monotonic()
        """When the decoder last made progress (the watchdog's pulse)."""
        self._thread = threading.Thread(target=self._run, name=f"video {path.name}", daemon=True)
        self._thread.start()

    # ---------------------------------------------------------------- decoder thread

    def _run(self) -> None:
        try:
            with av.open(str(self.path)) as container:
                stream = container.streams.video[0]
                stream.thread_type = "AUTO"
                if stream.average_rate:
                    self.frame_time = 1 / float(stream.average_rate)
                offset = 0.0
                while not self._stop:
                    last = self._pass(container, stream, offset)
                    if not self.loop or last is None:
                        break
                    offset = last + self.frame_time
            self._check_length()
        except FFmpegFailure as exc:
            self.error = _words(exc)
        except Exception as exc:  # a broken file must never reach the show; the watchdog reports it
            log.exception("video decoder failed: %s", self.path)
            self.error = f"{type(exc).__name__}: {exc}"
        finally:
            with self._cond:
                self.finished = True
                self._cond.notify_all()

    def _pass(self, container: av.container.InputContainer, stream: av.stream.Stream, offset: float) -> float | None:
        """Decode from ``start`` to ``end`` (or the end of the file); the last time queued, None if none."""
        time_base = stream.time_base
        if time_base is None:
            raise ValueError("the film has no time base")
        if self.start > 0 or offset > 0:
            container.seek(int((stream.start_time or 0) + self.start / time_base), stream=stream, backward=True)
        last: float | None = None
        for frame in self._frames(container, stream):
            if frame.pts is None:
                continue
            at = float(frame.pts * time_base) - float((stream.start_time or 0) * time_base)
            if at + self.frame_time <= self.start + 1e-6:
                continue  # decoded from the keyframe before the trim: over before the trim begins
            if self.end is not None and at >= self.end:
                break
            pixels = self._convert(frame)
            last = offset + max(0.0, at - self.start)
            if not self._put(VideoFrame(last, pixels)):
                return None
        return last

    def _convert(self, frame: av.video.frame.VideoFrame) -> BGRA:
        width, height = self.size or (frame.width, frame.height)
        array = frame.to_ndarray(width=width, height=height, format="bgra")
        return np.ascontiguousarray(array)

    def _frames(
        self, container: av.container.InputContainer, stream: av.stream.Stream
    ) -> Iterator[av.video.frame.VideoFrame]:
        """Packet by packet: a damaged packet is skipped (the decoder conceals it); a long run of them is an error."""
        bad = 0
        for packet in container.demux(stream):
            self.heartbeat = time.monotonic()
            if self._stop:
                return
            try:
                frames = packet.decode()
            except av.InvalidDataError:
                bad += 1
                self.bad_packets += 1
                if bad >= MAX_BAD_PACKETS:
                    raise
                continue
            bad = 0
            for frame in frames:
                if isinstance(frame, av.video.frame.VideoFrame):
                    yield frame

    def _put(self, frame: VideoFrame) -> bool:
        with self._cond:
            self._cond.wait_for(lambda: self._stop or len(self._queue) < self.ahead)
            if self._stop:
                return False
            self._queue.append(frame)
            self.decoded += 1
            self.last_pts = frame.pts
            self.heartbeat = time.monotonic()
            self._cond.notify_all()
            return True

    def _check_length(self) -> None:
        """A film whose pictures stop more than a second before its promised end was cut short."""
        if self.loop or self.duration is None or self._stop:
            return
        expected = (self.end if self.end is not None else self.duration) - self.start
        if self.last_pts is None or self.last_pts + self.frame_time < expected - 1.0:
            shown = 0.0 if self.last_pts is None else self.last_pts
            self.ended_early = True
            self.error = f"the film ends early: pictures stop at {shown:.1f} s of {expected:.1f} s (a copy cut short?)"

    # ---------------------------------------------------------------- the stage's side

    def wait_first(self, timeout: float) -> bool:
        """Wait until the first picture is ready (off the GUI thread; tests, export, benchmarks)."""
        with self._cond:
            self._cond.wait_for(lambda: bool(self._queue) or self.finished, timeout)
            return bool(self._queue)

    @property
    def ready(self) -> bool:
        """The first picture is decoded (or the track has failed)."""
        with self._cond:
            return bool(self._queue) or self.finished

    def first(self) -> VideoFrame | None:
        with self._cond:
            return self._queue[0] if self._queue else None

    def frame_at(self, t: float) -> VideoFrame | None:
        """The newest picture whose time has come at t (the first one before that); changes nothing."""
        with self._cond:
            found = self._queue[0] if self._queue else None
            for frame in self._queue:
                if frame.pts > t + 1e-6:
                    break
                found = frame
            return found

    def advance(self, t: float) -> None:
        """Let go of the pictures before ``frame_at(t)``: the decoder may fill the queue again."""
        with self._cond:
            dropped = False
            while len(self._queue) > 1 and self._queue[1].pts <= t + 1e-6:
                self._queue.popleft()
                dropped = True
            if dropped:
                self._cond.notify_all()

    def next_after(self, pts: float) -> float | None:
        """The time of the first decoded picture after the one at ``pts`` (None: none decoded yet)."""
        with self._cond:
            return next((frame.pts for frame in self._queue if frame.pts > pts + 1e-6), None)

    def next_due(self, t: float) -> float | None:
        """Seconds from t until the picture after ``frame_at(t)`` is due; None when none is decoded yet."""
        with self._cond:
            for frame in self._queue:
                if frame.pts > t + 1e-6:
                    return max(0.0, frame.pts - t)
            return None

    def ended(self, t: float) -> bool:
        """Every picture has been shown its time: the film is over at t."""
        with self._cond:
            if not self.finished or len(self._queue) > 1:
                return False
            if not self._queue:
                return True
            return t >= self._queue[0].pts + self.frame_time

    def starved(self) -> bool:
        """Nothing decoded beyond the picture on stage while the decoder still runs."""
        with self._cond:
            return not self.finished and len(self._queue) <= 1

    def close(self) -> None:
        """Stop the decoder. Never joined: a thread stuck in a read is abandoned (it is a daemon)."""
        with self._cond:
            self._stop = True
            self._queue.clear()
            self._cond.notify_all()


def _words(exc: BaseException) -> str:
    if isinstance(exc, av.FFmpegError):
        return exc.strerror or str(exc)
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)
