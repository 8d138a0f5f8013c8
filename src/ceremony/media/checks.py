"""The script's films and sounds, probed: what ``ceremony check`` and the checklist say about them.

Each file is opened and decoded at its start and its end (``probe``): a file that would not play is an
error at the line and column that names it, a costly or risky one a warning that says the cost.
"""

from __future__ import annotations

from ceremony.media.probe import MediaInfo, format_duration, probe_cached, warnings_for
from ceremony.script.assets import resolve, script_media
from ceremony.script.diagnostics import Diagnostic, Severity
from ceremony.script.loader import LoadedScript
from ceremony.script.model import AudioCue, CountdownSlide, TitleSlide, VideoSlide
from ceremony.script.positions import Path as DataPath
from ceremony.script.semantics import written


def media_problems(info: MediaInfo, name: str, kind: str) -> list[tuple[Severity, str]]:
    """Why a file cannot serve as a film ('video') or a sound ('audio'), and what it costs."""
    if not info.ok:
        return [("error", f"'{name}' cannot be played: {info.error}")]
    if kind == "video" and not info.has_video:
        return [("error", f"'{name}' has no pictures (it is a sound file); a film needs a video stream")]
    if kind == "audio" and not info.has_audio:
        return [("error", f"'{name}' has no sound")]
    return [("warning", f"'{name}': {text}") for text in warnings_for(info)]


def _trim_problems(loaded: LoadedScript, info: MediaInfo, path: DataPath) -> list[tuple[DataPath, str]]:
    """``start``/``end`` of a film beyond its length."""
    if path[0] != "slides" or info.duration is None:
        return []
    slide = loaded.script.slides[int(path[1])]
    trims = slide if isinstance(slide, VideoSlide) else getattr(slide, "video", None)
    if trims is None or not isinstance(slide, VideoSlide | TitleSlide | CountdownSlide):
        return []
    owner = path[:-1]
    length = format_duration(info.duration)
    found = []
    if trims.start >= info.duration:
        found.append(((*owner, "start"), f"start ({trims.start:g} s) is beyond the film's end ({length})"))
    if trims.end is not None and trims.end > info.duration + 0.5:
        found.append(((*owner, "end"), f"end ({trims.end:g} s) is beyond the film's end ({length})"))
    return found


def media_diagnostics(loaded: LoadedScript) -> tuple[int, list[Diagnostic]]:
    """How many media files the script plays, and every problem of theirs, positioned."""
    found: list[Diagnostic] = []
    media = script_media(loaded.script)

    def add(severity: Severity, path: DataPath, message: str) -> None:
        line, col = loaded.position_of(written(loaded.positions, path))
        found.append(Diagnostic(str(loaded.path), line, col, severity, message))

    looping = _looping_sounds(loaded)
    for path, name, kind in media:
        info = probe_cached(resolve(loaded.base_dir, name))
        for severity, message in media_problems(info, name, kind):
            add(severity, path, message)
        if info.ok and kind == "video":
            for trim_path, message in _trim_problems(loaded, info, path):
                add("error", trim_path, message)
        if info.ok and path[:3] in looping and info.audio_codec == "aac" and not info.has_video:
            add(
                "warning",
                path,
                f"'{name}' is AAC, which adds a few ms of silence where it loops; WAV, FLAC or Ogg loop seamlessly",
            )
    return len(media), found


def _looping_sounds(loaded: LoadedScript) -> set[DataPath]:
    """The data paths ('slides', i, 'audio') of sounds that loop."""
    return {
        ("slides", i, "audio")
        for i, slide in enumerate(loaded.script.slides)
        if isinstance(slide.audio, AudioCue) and slide.audio.loop
    }
