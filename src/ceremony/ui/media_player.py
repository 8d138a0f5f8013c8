"""One cue's film: opened and decoded ahead in a worker thread, then played on the clock of its sound.

Everything slow (probing, opening, the first picture, decoding the sound) happens in a worker thread
before the cue is reached, so "next" only starts a clock and a voice. The picture for a moment is the
newest decoded one whose time has come (``picture``): a pure function of the clock, shared by the
stage, the presenter's mirror and the host's monitor. A player never raises into the show: whatever
goes wrong becomes ``status == "failed"`` with a message, and the stage keeps the poster.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtGui import QImage

from ceremony.media.clock import MediaClock
from ceremony.media.mixer import Mixer, Source, Voice
from ceremony.media.plan import FILM_FADE, Film
from ceremony.media.probe import MediaInfo, probe_cached
from ceremony.render.film import MediaImage

if TYPE_CHECKING:  # PyAV (FFmpeg, ~20 MB) is loaded by the first film made ready, in its worker thread
    from ceremony.media.decode import VideoFrame, VideoTrack

log = logging.getLogger(__name__)

Status = Literal["preparing", "ready", "playing", "ended", "failed"]
#: Seconds a film may take to open before the cue that needs it counts it as failed.
OPEN_TIMEOUT = 5.0
#: Seconds without a new picture, while the clock runs and nothing is queued, before the decoder counts as stuck.
STALL_SECONDS = 1.0
#: Seconds a failed film's sound takes to go.
FAIL_FADE = 0.2


def image_of(frame: VideoFrame, cue_index: int) -> MediaImage:
    """A decoded BGRA picture as a QImage, without copying (the MediaImage holds the array)."""
    pixels = frame.pixels
    height, width = pixels.shape[:2]
    image = QImage(pixels.data, width, height, pixels.strides[0], QImage.Format.Format_RGB32)
    return MediaImage(image, frame.pts, cue_index, pixels=pixels)


def fit(size: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
    """The largest size of ``size``'s shape inside ``box`` (even numbers, as the scaler likes)."""
    width, height = size
    box_w, box_h = box
    if width <= 0 or height <= 0:
        return box
    scale = min(box_w / width, box_h / height)
    return max(2, round(width * scale / 2) * 2), max(2, round(height * scale / 2) * 2)


def canvas_of(stage: tuple[int, int]) -> tuple[int, int]:
    """The 16:9 canvas inside the stage's pixels (the renderer letterboxes every slide into it)."""
    return fit((16, 9), stage)


@dataclass
class Prepared:
    """What a worker thread made ready for a film."""

    info: MediaInfo
    track: VideoTrack
    sound: Source | None
    poster: QImage | None


def prepare(path: Path, film: Film, poster: Path | None, stage: tuple[int, int], offline: bool) -> Prepared:
    """Open and decode ahead (runs in a worker thread): the film's first picture at the size it will be
    painted, its sound, and its poster. Raises with words for the operator when the file will not play."""
    from ceremony.media.decode import FFmpegFailure, VideoTrack, open_audio

    info = probe_cached(path)
    if not info.ok:
        raise ValueError(f"'{path.name}' cannot be played: {info.error}")
    if not info.has_video:
        raise ValueError(f"'{path.name}' has no pictures")
    size = fit((info.width or 16, info.height or 9), canvas_of(stage))
    track = VideoTrack(path, size, start=film.start, end=film.end, loop=film.loop, duration=info.duration)
    if not track.wait_first(OPEN_TIMEOUT):
        track.close()
        raise ValueError(f"'{path.name}': {track.error or 'no picture decodes'}")
    sound = None
    if info.has_audio and film.volume > 0:
        try:
            sound = open_audio(
                path, loop=film.loop, start=film.start, end=film.end, duration=info.duration, blocking=offline
            )
        except FFmpegFailure as exc:  # pictures without their sound beat no film at all
            log.warning("the sound of %s does not decode: %s", path, exc)
    picture = QImage(str(poster)) if poster is not None else None
    if picture is None or picture.isNull():
        first = track.first()
        picture = image_of(first, -1).image.copy() if first is not None else None
    return Prepared(info, track, sound, picture)


class Player:
    """A film cue's player: ``preparing`` -> ``ready`` -> ``playing`` -> ``ended``, or ``failed`` on the way."""

    def __init__(
        self,
        cue_index: int,
        cue_id: str,
        film: Film,
        path: Path,
        poster: Path | None,
        *,
        stage: tuple[int, int],
        pool: ThreadPoolExecutor,
        offline: bool,
        now: Callable[[], float],
        offset: float = 0.0,
    ) -> None:
        self.cue_index, self.cue_id, self.film, self.path = cue_index, cue_id, film, path
        self.offset = offset
        """Seconds into the film this player begins (a follower catching up with its leader)."""
        self.now = now
        self.status: Status = "preparing"
        self.message = ""
        self.prepared: Prepared | None = None
        self.voice: Voice | None = None
        self.clock: MediaClock | None = None
        self.asked_at: float | None = None
        """When the show asked this film to play (it starts as soon as it is ready)."""
        self.played = 0.0
        """Seconds of film shown, for the rehearsal report."""
        self._cached: MediaImage | None = None
        self._shown: float | None = None
        """The time of the picture last handed to a view."""
        begins = replace(film, start=film.start + offset)
        self._future: Future[Prepared] = pool.submit(prepare, path, begins, poster, stage, offline)
        self._poster: Future[QImage] | None = pool.submit(QImage, str(poster)) if poster is not None else None
        """The script's poster on its own: shown even when the film itself cannot be opened."""

    # ---------------------------------------------------------------- life

    def poll(self, mixer: Mixer, latency: Callable[[], float] | None) -> None:
        """Take up the worker's result; start if asked to. ``latency``: None when the output is not live."""
        if self.status != "preparing" or not self._future.done():
            late = self.asked_at is not None and time.monotonic() - self.asked_at > OPEN_TIMEOUT
            if self.status == "preparing" and late:
                self.fail(mixer, f"'{self.path.name}' did not open in {OPEN_TIMEOUT:.0f} s")
            return
        try:
            self.prepared = self._future.result()
        except Exception as exc:  # a film that will not play must never reach the show
            self.fail(mixer, str(exc))
            return
        self.status = "ready"
        if self.asked_at is not None:
            self.start(mixer, latency)

    def start(self, mixer: Mixer, latency: Callable[[], float] | None) -> None:
        """Play from the start: the first picture is already on stage; the sound starts at the next pull."""
        if self.asked_at is None:
            self.asked_at = time.monotonic()
        if self.status != "ready" or self.prepared is None:
            return
        sound = self.prepared.sound
        if sound is not None:
            self.voice = mixer.play(f"video:{self.cue_id}", sound, volume=self.film.volume)
        voice = self.voice if latency is not None else None
        self.clock = MediaClock(self.now, voice, latency or (lambda: 0.0))
        self.clock.start()
        self.status = "playing"

    def pause(self, mixer: Mixer, paused: bool) -> None:
        if self.clock is not None:
            self.clock.pause() if paused else self.clock.resume()
        if self.voice is not None:
            mixer.set_paused(self.voice, paused)

    def stop(self, mixer: Mixer, fade: float = FILM_FADE) -> None:
        """Let go of the film: its sound fades, its decoder stops (never waited for)."""
        if self.voice is not None:
            mixer.fade_out(self.voice, fade)
        if self.prepared is not None:
            self.played = self.position() - self.offset
            self.prepared.track.close()
        elif not self._future.done():
            self._future.add_done_callback(_close_when_done)

    def fail(self, mixer: Mixer, message: str) -> None:
        log.warning("film %s failed: %s", self.path, message)
        self.stop(mixer, FAIL_FADE)
        self.status, self.message = "failed", message

    # ---------------------------------------------------------------- what it shows

    def position(self) -> float:
        """Seconds into the film (from its start: trim)."""
        return self.offset + (self.clock.position() if self.clock is not None else 0.0)

    @property
    def duration(self) -> float | None:
        """The film's length as played (its trims applied); None while unknown or looping."""
        if self.prepared is None or self.prepared.info.duration is None or self.film.loop:
            return None
        end = self.film.end if self.film.end is not None else self.prepared.info.duration
        return max(0.0, end - self.film.start)  # the whole film's length, whatever this player's offset

    def poster(self) -> MediaImage | None:
        picture = self.prepared.poster if self.prepared is not None else None
        if picture is None and self._poster is not None and self._poster.done() and self._poster.exception() is None:
            picture = self._poster.result()
        if picture is None or picture.isNull():
            return None
        return MediaImage(picture, 0.0, self.cue_index, poster=True)

    def picture(self) -> MediaImage | None:
        """The picture for now: the film's while it plays (or has ended), else its poster."""
        if self.status not in ("playing", "ended") or self.prepared is None or self.clock is None:
            return self.poster()
        at = self.clock.position()  # the track's own times start at this player's beginning
        track = self.prepared.track
        track.advance(at)
        frame = track.frame_at(at)
        if frame is None:
            return self._cached or self.poster()
        if self._cached is None or self._cached.pts != frame.pts:
            self._cached = image_of(frame, self.cue_index)
        self._shown = frame.pts
        return self._cached

    def next_due(self) -> float | None:
        """Seconds until the next picture is due (the stage's timer wakes then); None when none is coming."""
        if self.status != "playing" or self.prepared is None or self.clock is None or self.clock.paused:
            return None
        track = self.prepared.track
        # From the picture last shown, not from now: a frame that fell due since that paint is painted next,
        # not skipped (the clock moves on while the paint is flushed).
        after = track.next_after(self._shown) if self._shown is not None else None
        if after is None:
            return None if track.finished else 0.005  # nothing decoded ahead yet: look again soon
        return max(0.001, after - self.clock.position())

    def over(self) -> bool:
        """A playing film whose last picture has had its time (read-only: ``check`` makes it so)."""
        if self.status != "playing" or self.prepared is None or self.clock is None:
            return False
        return self.prepared.track.ended(self.clock.position())

    def check(self, mixer: Mixer) -> Literal["ended", "failed"] | None:
        """The watchdog's look at a playing film: has it ended, or failed (an error, cut short, stuck)?"""
        if self.status != "playing" or self.prepared is None or self.clock is None:
            return None
        track, at = self.prepared.track, self.clock.position()
        track.advance(at)  # by the clock, whether or not a view has painted lately
        if track.error is not None:
            self.fail(mixer, f"'{self.path.name}': {track.error}")
            return "failed"
        stuck = None if self.clock.paused else stall(track, at)
        if stuck is not None:
            self.fail(mixer, f"'{self.path.name}': {stuck}")
            return "failed"
        if track.ended(at):
            self.status, self.played = "ended", at
            return "ended"
        return None


def stall(track: VideoTrack, at: float, now: float | None = None) -> str | None:
    """Why a running film counts as stuck at film time ``at``, or None: nothing decoded beyond the picture on
    stage, the decoder silent for a second, and the picture's time long past (a network drive that hangs)."""
    now = time.monotonic() if now is None else now
    shown = track.frame_at(at)
    if not track.starved() or now - track.heartbeat <= STALL_SECONDS or shown is None:
        return None
    if at <= shown.pts + max(STALL_SECONDS, 3 * track.frame_time):
        return None
    return f"the decoder stopped (no new picture for {at - shown.pts:.1f} s)"


def _close_when_done(future: Future[Prepared]) -> None:
    try:
        future.result().track.close()
    except Exception:  # it failed to open: nothing to close
        return
