"""Asset checks that need no Qt: does the file exist, and is it an image at all?

Decoding is the renderer's job; here we only sniff the first bytes so that
``ceremony check`` can say "this .png is text" without a display.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ceremony.script.model import Script

DataPath = tuple[str | int, ...]

IMAGE_SUFFIXES = {".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp"}


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
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if (text.startswith(b"<?xml") or text.startswith(b"<svg") or text.startswith(b"<!--")) and b"<svg" in head.lower():
        return "svg"
    return None


def asset_problem(base_dir: Path, asset: str) -> str | None:
    """Why an asset cannot be used, in words for the operator; None when it looks fine."""
    path = resolve(base_dir, asset)
    if not path.exists():
        return f"file not found: '{asset}' (looked for {path})"
    if not path.is_file():
        return f"'{asset}' is not a file"
    if path.stat().st_size == 0:
        return f"'{asset}' is empty (0 bytes)"
    if sniff_image(path) is None:
        return f"'{asset}' is not an image (SVG, PNG, JPEG, GIF, WebP or BMP)"
    return None


def script_assets(script: Script) -> list[tuple[DataPath, str]]:
    """Every image the script draws, with the data path it is named at (for positioned messages)."""
    from ceremony.script.model import ImageSlide

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
    return wanted
