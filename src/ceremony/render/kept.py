"""What a restart would draw again from the same files, kept on disk: the stage's backdrop and its lightest colour.

Every stage picture starts from the backdrop (the theme's colour and the background image, covering the
canvas): rasterising slides.yaml's SVG background at 1920x1080 takes ~30 ms, and scanning it for its lightest
colour (which sets the text colours) ~7 ms, of a start the hall waits through after a crash. Both depend on
nothing but the background's bytes (as the script's load checked them), the colour, the size, this package's
code and Qt. So the first drawing at a stage-sized size is kept as raw pixels (8 MB at 1080p) beside the
validated-script cache, under a hash of all of those, and the next start reads it back (~4 ms); any
difference, or any problem reading it, means it is drawn again. The presenter's small backdrops are cheap
to draw and are not kept.

Raw pixels with a fixed header and their CRC-32, not pickles: reading one cannot run code, and a damaged
file is drawn again rather than shown. Written atomically, off the GUI thread; at most KEEP files are kept.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import struct
import sys
import tempfile
import threading
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QSize, qVersion
from PySide6.QtGui import QImage

from ceremony import __version__
from ceremony.script.assets import VettedImage
from ceremony.script.cachedir import cache_dir

FORMAT = 2
KEEP = 8
MIN_SIDE = 1280
"""Backdrops with a side at least this long are kept (a stage); smaller ones (the presenter's) are not."""
_MAGIC = b"CEREMONY-BACKDROP"
_HEADER = struct.Struct("<17sIIII")  # magic, width, height, bytes per line, CRC-32 of the pixels


def folder() -> Path:
    return cache_dir() / "backdrops"


def worth_keeping(size: QSize) -> bool:
    return max(size.width(), size.height()) >= MIN_SIDE


@functools.cache
def _code_stamp() -> str:
    """Changes whenever the code that draws a backdrop might have: versions and this package's files."""
    parts = [f"format={FORMAT}", __version__, sys.version, qVersion()]
    for module in sorted(Path(__file__).parent.glob("*.py")):
        stat = module.stat()
        parts.append(f"{module.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)


def key(source: VettedImage, colour: str) -> str:
    """The key of what is drawn from the background's checked bytes over colour."""
    digest = hashlib.sha256(_code_stamp().encode())
    digest.update(f"|{colour}|{source.format}|{source.digest}".encode())
    return digest.hexdigest()[:32]


def load(key: str, size: QSize) -> QImage | None:
    """The backdrop kept under key at size, read into a new image; None when there is no sound one."""
    path = folder() / f"{key}-{size.width()}x{size.height()}.rgb32"
    image = QImage(size, QImage.Format.Format_RGB32)
    try:
        with path.open("rb") as handle:
            magic, width, height, line, crc = _HEADER.unpack(handle.read(_HEADER.size))
            if (magic, width, height, line) != (_MAGIC, size.width(), size.height(), image.bytesPerLine()):
                return None
            pixels = memoryview(image.bits()).cast("B")
            if handle.readinto(pixels) != image.sizeInBytes() or handle.read(1):
                return None
            if zlib.crc32(pixels) != crc:  # a flipped bit would be on the projector: ~2 ms at 1080p
                return None
    except (OSError, struct.error, ValueError):
        return None
    return image


def store(key: str, image: QImage) -> None:
    """Keep image under key (in a thread: the GUI thread only copies its pixels); never fails the caller."""
    pixels = bytes(image.constBits())
    header = _HEADER.pack(_MAGIC, image.width(), image.height(), image.bytesPerLine(), zlib.crc32(pixels))
    data = header + pixels
    name = f"{key}-{image.width()}x{image.height()}.rgb32"
    writer = threading.Thread(target=_write, args=(name, data, ".rgb32"), name="ceremony-keep")
    _writers.append(writer)
    writer.start()


def flush() -> None:
    """Wait until everything handed to store is written (tests)."""
    while _writers:
        _writers.pop().join()


_writers: list[threading.Thread] = []


def _write(name: str, data: bytes, suffix: str) -> None:
    write_atomic(folder(), name, [data], suffix, KEEP)


def write_atomic(target: Path, name: str, parts: Sequence[bytes | memoryview], suffix: str, keep: int) -> None:
    """Write the parts (bytes, or an image's pixels in place) to target/name atomically, then keep only the
    ``keep`` newest files with suffix there. Never raises for the file system's sake: what is kept is only
    ever a head start."""
    try:
        target.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target, prefix=".kept-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                for part in parts:
                    handle.write(part)
            os.replace(tmp, target / name)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        kept = sorted(target.glob(f"*{suffix}"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in kept[keep:]:
            old.unlink(missing_ok=True)
    except OSError:
        return


def colour(key: str, what: str, compute: Callable[[], str]) -> str:
    """A colour computed from the same files (the lightest colour of the background): read back, or computed
    and kept. What is read back is used only if it is a colour as compute gives them (#rrggbb)."""
    path = folder() / f"{key}.{what}"
    try:
        text = path.read_text(encoding="ascii").strip()
        if _HEX.fullmatch(text):
            return text
    except (OSError, ValueError):
        pass
    value = compute()
    if _HEX.fullmatch(value):
        _write(path.name, value.encode("ascii"), f".{what}")
    return value


_HEX = re.compile(r"#[0-9a-fA-F]{6}")
