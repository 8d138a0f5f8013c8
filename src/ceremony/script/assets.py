"""Asset checks that need no Qt: does the file exist, is it an image (or a film, a sound) at all, and is an SVG
safe to draw?

Decoding is the renderer's and the media probe's job; here we sniff the first bytes so that ``ceremony check``
can say "this .png is text" without a display, and read every SVG as untrusted XML (``svgsafe``). The bytes
checked are kept (``VettedImage``): the show draws those, never a file changed on disk since.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ceremony.script.svgsafe import SvgProblem, svg_problems

if TYPE_CHECKING:
    from ceremony.script.model import Script

DataPath = tuple[str | int, ...]

IMAGE_SUFFIXES = {".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp"}
MAX_IMAGE_BYTES = 256 * 1024 * 1024
"""A picture file larger than this is refused: the show keeps every image's bytes while it runs."""
_XML_STARTS = (b"<?xml", b"<svg", b"<!--", b"<!doctype")


@dataclass(frozen=True, slots=True)
class VettedImage:
    """An image's bytes as they were checked, and the format they were checked as: what the show draws."""

    format: str
    """'svg', 'png', 'jpeg', 'gif', 'webp' or 'bmp' (from the bytes, not the file name)."""
    data: bytes
    digest: str
    """sha256 of data: the same picture under another path, or again after a reload, is checked once."""


@dataclass(frozen=True, slots=True)
class AssetProblem:
    """Why an image cannot be used; ``line`` and ``col`` (from 1) point into the image file, 0 when the
    problem is the file as a whole (the script's reference is the place to show then)."""

    message: str
    line: int = 0
    col: int = 0


def resolve(base_dir: Path, asset: str) -> Path:
    """An asset path as the script means it: relative paths are relative to the script's folder."""
    path = Path(asset).expanduser()
    return path if path.is_absolute() else base_dir / path


def sniff_image(path: Path) -> str | None:
    """The image format the file's bytes say, or None when it is not an image we can draw."""
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except OSError:
        return None
    return _sniff(head)


def _sniff(head: bytes) -> str | None:
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:2] == b"BM":
        return "bmp"
    # Anything that starts as XML is read as an SVG: svgsafe says when it is not one (a DOCTYPE full of
    # entities can push <svg past any first bytes, and must be named for what it is).
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return "svg" if text.startswith(_XML_STARTS) else None


def asset_problem(base_dir: Path, asset: str) -> str | None:
    """Why an asset cannot be used, in words for the operator; None when it looks fine."""
    _image, problems = vet_image(base_dir, asset)
    return problems[0].message if problems else None


def vet_image(base_dir: Path, asset: str) -> tuple[VettedImage | None, list[AssetProblem]]:
    """The image's bytes, checked, or why it cannot be used: missing, not an image, or an unsafe SVG
    (each problem of the SVG with its line and column in the SVG file)."""
    path = resolve(base_dir, asset)
    if not path.exists():
        return None, [AssetProblem(f"file not found: '{asset}' (looked for {path})")]
    if not path.is_file():
        return None, [AssetProblem(f"'{asset}' is not a file")]
    try:
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            return None, [AssetProblem(f"'{asset}' is {size / 1e6:.0f} MB; an image may be at most 256 MB")]
        data = path.read_bytes()
    except OSError as exc:
        return None, [AssetProblem(f"cannot read '{asset}': {exc.strerror}")]
    return vet_bytes(asset, data)


def vet_bytes(asset: str, data: bytes) -> tuple[VettedImage | None, list[AssetProblem]]:
    """vet_image on bytes already read (``asset`` names them in messages)."""
    if not data:
        return None, [AssetProblem(f"'{asset}' is empty (0 bytes)")]
    kind = _sniff(data[:512])
    if kind is None:
        return None, [AssetProblem(f"'{asset}' is not an image (SVG, PNG, JPEG, GIF, WebP or BMP)")]
    digest = hashlib.sha256(data).hexdigest()
    if kind == "svg":
        problems = [AssetProblem(p.message, p.line, p.col) for p in _svg_problems(digest, data)]
        if problems:
            return None, problems
    return VettedImage(kind, data, digest), []


_svg_checked: dict[str, list[SvgProblem]] = {}


def _svg_problems(digest: str, data: bytes) -> list[SvgProblem]:
    """svg_problems, remembered by the bytes' digest: a reload reads every SVG again, and most are unchanged."""
    if digest not in _svg_checked:
        if len(_svg_checked) >= 256:
            _svg_checked.clear()
        _svg_checked[digest] = svg_problems(data)
    return _svg_checked[digest]


def sniff_media(path: Path) -> str | None:
    """The container the file's first bytes say (mp4, matroska, wav, mp3, ogg, flac …), or None."""
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except OSError:
        return None
    if head[4:8] in (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip"):
        return "mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "matroska"
    if head[:4] == b"RIFF" and head[8:12] in (b"WAVE", b"AVI "):
        return "wav" if head[8:12] == b"WAVE" else "avi"
    if head.startswith((b"ID3", b"OggS", b"fLaC", b"\x06\x0e\x2b\x34", b"\x00\x00\x01\xba", b"FORM")):
        return {b"ID3": "mp3", b"Ogg": "ogg", b"fLa": "flac", b"\x06\x0e+": "mxf", b"FOR": "aiff"}.get(head[:3], "mpeg")
    if len(head) > 188 and head[0] == 0x47 and head[188] == 0x47:
        return "mpegts"
    if len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        return "mp3"  # an MPEG audio frame (or ADTS AAC)
    return None


def media_problem(base_dir: Path, asset: str) -> tuple[str, str] | None:
    """(severity, why) a film or sound file cannot be used, from its bytes alone; None when it looks fine.

    An unknown signature is only a warning: FFmpeg reads more formats than these first bytes tell apart,
    and ``ceremony check`` decodes the file to be sure.
    """
    path = resolve(base_dir, asset)
    if not path.exists():
        return "error", f"file not found: '{asset}' (looked for {path})"
    if not path.is_file():
        return "error", f"'{asset}' is not a file"
    if path.stat().st_size == 0:
        return "error", f"'{asset}' is empty (0 bytes)"
    if sniff_media(path) is None:
        return "warning", f"'{asset}' does not look like a film or sound file; 'ceremony check' decodes it to be sure"
    return None


MediaKind = str
"""'video' (needs pictures) or 'audio' (needs sound)."""


def script_media(script: Script) -> list[tuple[DataPath, str, MediaKind]]:
    """Every film and sound file the script plays, with its data path and what it must hold."""
    from ceremony.script.model import AudioCue, CountdownSlide, RevealSlide, TitleSlide, VideoSlide

    wanted: list[tuple[DataPath, str, MediaKind]] = []
    for si, slide in enumerate(script.slides):
        path: DataPath = ("slides", si)
        if isinstance(slide, VideoSlide):
            wanted.append(((*path, "video"), slide.video, "video"))
        elif isinstance(slide, TitleSlide | CountdownSlide) and slide.video is not None:
            wanted.append(((*path, "video", "file"), slide.video.file, "video"))
        if isinstance(slide.audio, AudioCue):
            files = slide.audio.files
            if isinstance(slide.audio.file, str):
                wanted.append(((*path, "audio", "file"), files[0], "audio"))
            else:
                wanted += [((*path, "audio", "file", i), name, "audio") for i, name in enumerate(files)]
        if isinstance(slide, RevealSlide) and slide.sounds is not None:
            for step in ("suspense", "reveal", "winner"):
                name = getattr(slide.sounds, step)
                if name:
                    wanted.append(((*path, "sounds", step), name, "audio"))
    return wanted


def script_assets(script: Script) -> list[tuple[DataPath, str]]:
    """Every image the script draws, with the data path it is named at (for positioned messages)."""
    from ceremony.script.model import ImageSlide, VideoSlide

    wanted: list[tuple[DataPath, str]] = []
    if script.event.logo:
        wanted.append((("event", "logo"), script.event.logo))
    if script.event.background:
        wanted.append((("event", "background"), script.event.background))
    for ci, award_class in enumerate(script.classes):
        for ni, nominee in enumerate(award_class.nominees):
            wanted.append((("classes", ci, "nominees", ni, "crest"), nominee.crest))
    for si, slide in enumerate(script.slides):
        if isinstance(slide, ImageSlide):
            wanted.append((("slides", si, "image"), slide.image))
        if isinstance(slide, VideoSlide) and slide.poster:
            wanted.append((("slides", si, "poster"), slide.poster))
    return wanted
