"""The clock of a playing media cue: the picture follows the sound the output has really played.

With sound on a live output, a cue's time is the number of its voice's samples the output has taken,
less what still waits in the output's buffer, moved on with the monotonic clock between the output's
pulls (by at most one pull period, and never backwards). Without sound (no sound track, no device,
``--mute``) it is the monotonic clock from the cue's start. Pausing stops both.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from ceremony.media.mixer import RATE, Voice


def _no_latency() -> float:
    return 0.0


class MediaClock:
    """Seconds of a cue's media that have reached the hall."""

    MAX_GAP = 0.06
    """The longest an output goes between pulls (PulseAudio through QAudioSink: ~45 ms blocks)."""

    def __init__(
        self,
        now: Callable[[], float],
        voice: Voice | None = None,
        latency: Callable[[], float] = _no_latency,
    ) -> None:
        self._now = now
        self.voice = voice
        """The cue's sound, whose played samples are the clock; None: the monotonic clock."""
        self.latency = latency
        self._lock = threading.Lock()
        self._started_at: float | None = None
        self._paused_at: float | None = None
        self._paused_total = 0.0
        self._frames = -1
        self._frames_at = 0.0
        self._value = 0.0
        self._fallback: tuple[float, float] | None = None
        """(monotonic time, media time) from which a sound that ended early hands over to the monotonic clock."""

    def start(self) -> None:
        with self._lock:
            self._started_at = self._now()

    @property
    def started(self) -> bool:
        return self._started_at is not None

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def pause(self) -> None:
        with self._lock:
            if self._paused_at is None:
                self._paused_at = self._now()

    def resume(self) -> None:
        with self._lock:
            if self._paused_at is not None:
                now = self._now()
                held = now - self._paused_at
                self._paused_total += held
                if self._fallback is not None:
                    self._fallback = (self._fallback[0] + held, self._fallback[1])
                self._paused_at = None
                self._frames_at = now

    def position(self) -> float:
        """The media time now (0 until the cue starts and, with sound, until its first samples play)."""
        with self._lock:
            if self._started_at is None:
                return 0.0
            now = self._now()
            if self.voice is None or self._fallback is not None:
                self._value = max(self._value, self._wall(now))
            else:
                self._value = max(self._value, self._from_sound(now))
            return self._value

    def _wall(self, now: float) -> float:
        at = self._paused_at if self._paused_at is not None else now
        if self._fallback is not None:
            since, value = self._fallback
            return value + max(0.0, at - since)
        assert self._started_at is not None
        return max(0.0, at - self._started_at - self._paused_total)

    def _from_sound(self, now: float) -> float:
        voice = self.voice
        assert voice is not None
        frames = voice.frames_played
        if frames != self._frames:
            self._frames, self._frames_at = frames, now
        if frames <= 0:
            return 0.0
        played = frames / RATE - self.latency()
        if self._paused_at is None and not voice.paused:
            played += min(max(0.0, now - self._frames_at), self.MAX_GAP)
        if voice.ended:
            self._fallback = (now, max(self._value, played))
        return max(0.0, played)
