"""What the show needs to know about a media file before it plays it, without Qt or an event loop.

``probe`` opens the container with PyAV, reads its streams, and proves the file decodes: the first
video and audio frame, and a picture in its last second (a copy cut off mid-transfer often opens,
its header promising minutes, and only fails at the end). Bounded: two frames decoded and the last
second's packets read, never the whole file (1-15 ms for a small file, ~0.2 s for a 1080p film).
Used by ``ceremony check``, the checklist, the cue cards' durations and export's poster frames.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # PyAV loads FFmpeg (~20 MB): only when a file is really probed, not for a show without media
    import av.container
    import av.stream

log = logging.getLogger(__name__)

Wanted = Literal["video", "audio"]

#: The stage's pixel count: a film larger than this costs decode time for pixels nobody sees.
STAGE_PIXELS = 1920 * 1080
LONG_SECONDS = 15 * 60
MAX_FPS = 60.5
#: Measured on the reference machine (docs/performance.md): CPU per frame, decode + conversion to the stage.
COSTS = {"4k_h264": 31, "1080p_h264": 7.5, "vp9": 16}


@dataclass(frozen=True, slots=True)
class MediaInfo:
    """A media file as probed: its streams and length, or why it cannot be played."""

    path: str
    error: str | None = None
    container: str | None = None
    duration: float | None = None
    """Seconds; None when the container does not say (a live stream, a broken header)."""
    video_codec: str | None = None
    width: int | None = None
    height: int | None = None
    fps: float | None = None
    audio_codec: str | None = None
    sample_rate: int | None = None
    channels: int | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def has_video(self) -> bool:
        return self.video_codec is not None

    @property
    def has_audio(self) -> bool:
        return self.audio_codec is not None

    def summary(self) -> str:
        """One line for the checklist and the cue cards: '0:42, 1920×1080 h264 30 fps, aac'."""
        parts = [] if self.duration is None else [format_duration(self.duration)]
        if self.has_video:
            fps = f" {self.fps:.0f} fps" if self.fps else ""
            parts.append(f"{self.width}×{self.height} {self.video_codec}{fps}")
        if self.has_audio:
            parts.append(str(self.audio_codec))
        return ", ".join(parts)


def format_duration(seconds: float) -> str:
    """'0:42', '12:05' or '1:02:03'."""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def probe(path: Path) -> MediaInfo:
    """The file's streams and length, with ``error`` set when it would not play (never raises)."""
    if not path.is_file():
        return MediaInfo(str(path), error="file not found" if not path.exists() else "not a file")
    if path.stat().st_size == 0:
        return MediaInfo(str(path), error="the file is empty (0 bytes)")
    import av

    fields: dict[str, object] = {}
    try:
        with av.open(str(path), timeout=5.0) as container:
            _read(container, fields)
    except (av.FFmpegError, ValueError, OSError, UnicodeDecodeError, IndexError, EOFError) as exc:
        return MediaInfo(str(path), error=_message(exc), **fields)  # type: ignore[arg-type]
    return MediaInfo(str(path), **fields)  # type: ignore[arg-type]


def _read(container: av.container.InputContainer, fields: dict[str, object]) -> None:
    import av

    fields["container"] = container.format.name
    duration = container.duration / av.time_base if container.duration is not None else None
    fields["duration"] = duration
    video = container.streams.video[0] if container.streams.video else None
    audio = container.streams.audio[0] if container.streams.audio else None
    if video is None and audio is None:
        raise ValueError("it has neither pictures nor sound (not a film or a sound file)")
    if video is not None:
        context = video.codec_context
        fields.update(video_codec=context.name, width=context.width, height=context.height)
        fields["fps"] = float(video.average_rate) if video.average_rate else None
    if audio is not None:
        fields.update(
            audio_codec=audio.codec_context.name,
            sample_rate=audio.codec_context.sample_rate,
            channels=audio.codec_context.channels,
        )
    for stream in (s for s in (video, audio) if s is not None):
        if not _decodes(container, stream):
            raise ValueError(f"its {stream.type} does not decode")
    if video is not None and duration and duration > 1.5 and not _has_last_second(container, video, duration):
        raise ValueError(f"it ends early: no picture in its last second (of {duration:.1f} s); a copy cut short?")


def _decodes(container: av.container.InputContainer, stream: av.stream.Stream) -> bool:
    import av

    for packet in container.demux(stream):
        try:
            if packet.size and packet.decode():
                return True
        except av.InvalidDataError:
            continue
    return False


def _has_last_second(container: av.container.InputContainer, stream: av.stream.Stream, duration: float) -> bool:
    """Seek near the end, decode the keyframe there, then read (not decode) the packets to the end."""
    import av

    time_base = stream.time_base
    if time_base is None:
        return True
    base = float((stream.start_time or 0) * time_base)
    target = base + duration - 1.0
    container.seek(int(target / time_base), stream=stream, backward=True)
    decoded, last = False, -1.0
    for packet in container.demux(stream):
        if packet.pts is not None:
            last = max(last, float(packet.pts * time_base))
        if not decoded and packet.size:
            try:
                decoded = bool(packet.decode())
            except av.InvalidDataError:
                continue
    return decoded and last >= target


def _message(exc: BaseException) -> str:
    import av

    if isinstance(exc, av.FFmpegError):
        # "[Errno 1094995529] Invalid data found when processing input: 'x.mp4'" -> the words in the middle
        text = exc.strerror or str(exc)
        if "Invalid data" in text:
            return "it does not decode as a film or a sound file (invalid data; damaged, cut short or not media)"
        return text
    return str(exc)


def warnings_for(info: MediaInfo) -> list[str]:
    """What a file that plays costs or risks on the night, in words for the operator."""
    found: list[str] = []
    if not info.ok:
        return found
    if info.width and info.height and info.width * info.height > STAGE_PIXELS:
        found.append(
            f"{info.width}×{info.height} is larger than the 1920×1080 stage: decoding costs "
            f"~{COSTS['4k_h264']} ms CPU per frame here, 4× a 1080p film; a 1080p copy plays more safely"
        )
    if info.fps and info.fps > MAX_FPS:
        found.append(f"{info.fps:.0f} fps is more than the stage shows (60); frames are decoded and dropped")
    if info.video_codec == "vp9":
        found.append(f"VP9 costs ~{COSTS['vp9']} ms CPU per 1080p frame here, twice H.264")
    if info.video_codec == "av1":
        found.append("AV1 decodes in software only (dav1d); check it plays smoothly on the show machine")
    if info.duration and info.duration > LONG_SECONDS:
        found.append(_long_warning(info, info.duration))
    return found


def _long_warning(info: MediaInfo, duration: float) -> str:
    """A file longer than a show's media usually is: what playing it all costs, and whether it is the right one."""
    length = format_duration(duration)
    if not info.has_video:
        return f"{length} long: it is read from disk and decoded all the while it plays; is this the right file?"
    large = bool(info.width and info.height and info.width * info.height > STAGE_PIXELS)
    per_frame = COSTS["4k_h264"] if large else COSTS["vp9"] if info.video_codec == "vp9" else COSTS["1080p_h264"]
    load = f", {per_frame * info.fps / 1000:.2f} of a core at {info.fps:.0f} fps" if info.fps else ""
    cost = f"~{per_frame} ms CPU per frame{load}"
    return f"{length} long: the show decodes it all that time ({cost}); is this the right file?"


_cache: dict[tuple[str, int, int], MediaInfo] = {}
_cache_lock = threading.Lock()


def probe_cached(path: Path) -> MediaInfo:
    """``probe``, remembered per file version (path, size, mtime): the checklist, cards and check share it."""
    try:
        stat = path.stat()
    except OSError:
        return probe(path)
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    with _cache_lock:
        found = _cache.get(key)
    if found is None:
        found = probe(path)
        with _cache_lock:
            _cache[key] = found
    return found
