"""The show's own audio graph: every sample it plays is computed here; a device only takes them.

Qt-free (numpy only), so fades, loops, pauses, the master volume and the panic are exact to the
sample, and a test renders the graph and reads the numbers. An output (``ui.audio_out``) pulls
``Mixer.render`` from its own thread; a test's output pulls it into memory instead.

Two gains sit above the voices: ``program`` (everything the show plays; a blackout fades it with the
picture) and ``master`` (the operator's volume). A voice on the ``direct`` bus (the checklist's test
tone) skips the program gain, so it is heard during a blackout. Times are samples of the mixer's own
clock (``position``): a fade asked for now starts at the next block the output pulls.
"""

from __future__ import annotations

import math
import threading
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import numpy.typing as npt

RATE = 48000
CHANNELS = 2
PCM = npt.NDArray[np.float32]
"""Stereo samples: frames x 2, float32 in [-1, 1]."""

Curve = Literal["sine", "linear"]
Bus = Literal["program", "direct"]

#: Samples a pause or a resume ramps over, so neither clicks (10 ms).
DECLICK = 480


def silence(frames: int) -> PCM:
    return np.zeros((frames, CHANNELS), np.float32)


class Source:
    """Stereo float32 PCM at RATE. ``read(n)`` gives up to n frames; fewer means the source has ended."""

    def read(self, n: int) -> PCM:
        raise NotImplementedError

    def close(self) -> None:
        """Let go of what the source holds (decoder threads, buffers)."""

    def restarted(self) -> Source | None:
        """The same sound from its start, as a new source (a looping list plays each again); None: cannot."""
        return None

    @property
    def underruns(self) -> int:
        """Blocks the source could not fill in time (a streaming decoder behind)."""
        return 0


class Clip(Source):
    """A sound held in memory (stings, the reveal's sounds, beds under 30 s): exact, and loops without a gap."""

    def __init__(self, pcm: PCM, *, loop: bool = False) -> None:
        self.pcm: PCM = np.ascontiguousarray(pcm, dtype=np.float32).reshape(-1, CHANNELS)
        self.loop = loop
        self.at = 0

    def read(self, n: int) -> PCM:
        total = len(self.pcm)
        if total == 0 or n <= 0:
            return silence(0)
        if not self.loop:
            out = self.pcm[self.at : self.at + n]
            self.at += len(out)
            return out
        parts: list[PCM] = []
        want = n
        while want:
            piece = self.pcm[self.at : self.at + want]
            parts.append(piece)
            want -= len(piece)
            self.at = (self.at + len(piece)) % total
        return np.concatenate(parts) if len(parts) > 1 else parts[0]

    def restarted(self) -> Clip:
        return Clip(self.pcm, loop=self.loop)


class Playlist(Source):
    """Sources played one after the other without a gap (``audio: [a.mp3, b.mp3]``); looped as a whole."""

    def __init__(self, sources: Sequence[Source], *, loop: bool = False) -> None:
        self.sources = list(sources)
        self.loop = loop
        self.at = 0

    def read(self, n: int) -> PCM:
        parts: list[PCM] = []
        want = n
        while want and self.at < len(self.sources):
            piece = self.sources[self.at].read(want)
            parts.append(piece)
            want -= len(piece)
            if want:
                self.sources[self.at].close()
                self.at += 1
                if self.at == len(self.sources) and self.loop and not self._again():
                    break
        return np.concatenate(parts) if parts else silence(0)

    def _again(self) -> bool:
        """Back to the first sound (a looping list); False when a sound cannot start again."""
        fresh = [s.restarted() for s in self.sources]
        if any(s is None for s in fresh) or not any(len(getattr(s, "pcm", (1,))) for s in fresh):
            return False
        self.sources = [s for s in fresh if s is not None]
        self.at = 0
        return True

    def close(self) -> None:
        for source in self.sources:
            source.close()

    @property
    def underruns(self) -> int:
        return sum(s.underruns for s in self.sources)


def tone(seconds: float, freq: float = 1000.0, level: float = 0.1) -> Clip:
    """A sine tone (the checklist's test tone: 1 kHz at -20 dBFS), with 10 ms ramps so it does not click."""
    t = np.arange(round(seconds * RATE)) / RATE
    mono = level * np.sin(2 * math.pi * freq * t)
    edge = min(DECLICK, len(mono) // 2)
    if edge:
        ramp_in = np.linspace(0.0, 1.0, edge)
        mono[:edge] *= ramp_in
        mono[-edge:] *= ramp_in[::-1]
    return Clip(np.repeat(mono.astype(np.float32)[:, None], CHANNELS, axis=1))


def ramp(curve: Curve, x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """A fade's shape from 0 to 1 over x in [0, 1]: 'linear' amplitude, or 'sine' (sin², an S-curve)."""
    if curve == "linear":
        return x
    result: npt.NDArray[np.float64] = np.sin(x * (math.pi / 2)) ** 2
    return result


@dataclass
class Envelope:
    """A gain moving from ``start`` to ``end`` between two sample times along a curve."""

    start: float = 1.0
    end: float = 1.0
    t0: int = 0
    t1: int = 0
    curve: Curve = "sine"

    def value_at(self, t: int) -> float:
        if t >= self.t1:
            return self.end
        if t <= self.t0:
            return self.start
        x = np.array((t - self.t0) / (self.t1 - self.t0))
        return float(self.start + (self.end - self.start) * ramp(self.curve, x))

    def block(self, t: int, n: int) -> PCM | float:
        """The gain for samples t .. t+n-1: a float when it is constant over the block."""
        if t >= self.t1 or t + n <= self.t0:
            return self.end if t >= self.t1 else self.start
        times = np.arange(t, t + n, dtype=np.float64)
        x = np.clip((times - self.t0) / max(1, self.t1 - self.t0), 0.0, 1.0)
        gain = self.start + (self.end - self.start) * ramp(self.curve, x)
        return gain.astype(np.float32)[:, None]

    def move(self, now: int, target: float, seconds: float, curve: Curve = "sine") -> None:
        """From the gain it has at ``now``, to ``target`` over ``seconds``."""
        self.start, self.end = self.value_at(now), target
        self.t0, self.t1 = now, now + max(0, round(seconds * RATE))
        self.curve = curve

    @property
    def silent_from(self) -> int | None:
        """The sample from which this envelope stays at 0, if it is heading there."""
        return self.t1 if self.end == 0.0 else None


@dataclass
class Voice:
    """One playing sound: its source, volume and fade; it ends when its source ends or it has faded out."""

    name: str
    source: Source
    volume: float = 1.0
    tags: frozenset[str] = frozenset()
    bus: Bus = "program"
    gain: Envelope = field(default_factory=Envelope)
    stop_when_silent: bool = False
    paused: bool = False
    ended: bool = False
    frames_played: int = 0
    """Frames read from the source: the voice's own clock (a paused voice does not advance)."""
    peak: float = 0.0
    """The loudest sample of its last block, after its gain and volume (the presenter's meter)."""
    _pausing: bool = False
    _resuming: bool = False


class Mixer:
    """Sums the voices with their fades, then the program and master gains. Thread-safe: the output pulls
    ``render`` from its thread while the show starts and fades voices from the GUI thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.voices: list[Voice] = []
        self.master = Envelope()
        self.program = Envelope()
        self.position = 0
        """Samples rendered so far: the mixer's clock."""
        self.peak = 0.0
        """The loudest sample of the last block (after every gain)."""
        self._ended: deque[str] = deque(maxlen=256)
        """Names of the voices that ended lately (names only: an ended voice's sound must be let go)."""

    # ---------------------------------------------------------------- voices

    def play(
        self,
        name: str,
        source: Source,
        *,
        volume: float = 1.0,
        fade_in: float = 0.0,
        tags: frozenset[str] = frozenset(),
        bus: Bus = "program",
        paused: bool = False,
    ) -> Voice:
        """Start a voice at the next block (faded in over ``fade_in`` seconds)."""
        with self._lock:
            voice = Voice(name, source, volume, tags, bus, paused=paused)
            if fade_in > 0:
                voice.gain = Envelope(0.0, 1.0, self.position, self.position + round(fade_in * RATE))
            self.voices.append(voice)
            return voice

    def find(self, name: str) -> Voice | None:
        with self._lock:
            return next((v for v in self.voices if v.name == name), None)

    def fade_out(self, voice: Voice | str, seconds: float) -> None:
        """Fade a voice (or every voice of that name) to silence and drop it."""
        with self._lock:
            for v in self._matching(voice):
                v.gain.move(self.position, 0.0, seconds)
                v.stop_when_silent = True

    def panic(self, seconds: float = 1.0) -> None:
        """Every voice to silence in ``seconds``, then gone: the operator's panic. The gains stay as they are."""
        with self._lock:
            for v in self.voices:
                v.gain.move(self.position, 0.0, seconds)
                v.stop_when_silent = True

    def set_paused(self, voice: Voice | str, paused: bool) -> None:
        """Pause or resume a voice (ramped over 10 ms); a paused voice neither sounds nor advances."""
        with self._lock:
            for v in self._matching(voice):
                if paused and not v.paused:
                    v.paused, v._pausing, v._resuming = True, True, False
                elif not paused and v.paused:
                    v.paused, v._pausing, v._resuming = False, False, True

    def set_volume(self, voice: Voice | str, volume: float) -> None:
        with self._lock:
            for v in self._matching(voice):
                v.volume = max(0.0, volume)

    def _matching(self, voice: Voice | str) -> list[Voice]:
        return [v for v in self.voices if v is voice or v.name == voice]

    # ---------------------------------------------------------------- gains

    def set_master(self, level: float, seconds: float = 0.05) -> None:
        """The operator's volume (linear gain), moved over a few ms so a step does not click."""
        with self._lock:
            self.master.move(self.position, max(0.0, level), seconds, "linear")

    def set_program(self, level: float, seconds: float) -> None:
        """The show's own gain: a blackout fades it to 0 with the picture, and back."""
        with self._lock:
            self.program.move(self.position, max(0.0, level), seconds)

    # ---------------------------------------------------------------- output side

    def render(self, n: int) -> PCM:
        """The next n frames of the show's sound (n x 2 float32, clipped to [-1, 1])."""
        with self._lock:
            t = self.position
            program, direct = silence(n), silence(n)
            for voice in self.voices:
                pcm = self._voice_block(voice, t, n)
                if pcm is not None:
                    (direct if voice.bus == "direct" else program)[: len(pcm)] += pcm
            for voice in [v for v in self.voices if v.ended]:
                self.voices.remove(voice)
                voice.source.close()
                self._ended.append(voice.name)
            out = program * self.program.block(t, n) + direct
            out *= self.master.block(t, n)
            np.clip(out, -1.0, 1.0, out=out)
            self.position += n
            self.peak = float(np.abs(out).max()) if n else 0.0
            return out

    def _voice_block(self, voice: Voice, t: int, n: int) -> PCM | None:
        """One voice's contribution to the block starting at sample t (None: silent)."""
        if voice.paused and not voice._pausing:
            voice.peak = 0.0
            return None
        want = min(n, DECLICK) if voice._pausing else n
        pcm = voice.source.read(want)
        got = len(pcm)
        voice.frames_played += got
        scaled = pcm * (voice.gain.block(t, got) * voice.volume) if got else pcm
        if voice._pausing or voice._resuming:
            edge = np.linspace(1.0, 0.0, got) if voice._pausing else np.minimum(1.0, np.arange(got) / DECLICK)
            scaled = scaled * edge.astype(np.float32)[:, None]
            voice._pausing = voice._resuming = False
        voice.peak = float(np.abs(scaled).max()) if got else 0.0
        silent_from = voice.gain.silent_from
        faded = voice.stop_when_silent and silent_from is not None and t + n >= silent_from
        if (got < want and not voice.paused) or faded:
            voice.ended = True
        return scaled

    def take_ended(self) -> list[str]:
        """The names of the voices that ended since the last call, oldest first (at most the last 256)."""
        with self._lock:
            ended = list(self._ended)
            self._ended.clear()
            return ended

    def levels(self) -> dict[str, float]:
        """Each voice's peak in its last block, by name (the presenter's meter)."""
        with self._lock:
            return {v.name: v.peak for v in self.voices}

    def underruns(self) -> int:
        with self._lock:
            return sum(v.source.underruns for v in self.voices)
