"""Images decoded off the GUI thread, at the size they are drawn, with an LRU bound.

SVGs are rasterised by QSvgRenderer and bitmaps scaled by QImageReader in worker
threads (QImage is safe there; QPixmap is not). The renderer asks for an image at
a device size; a prefetched one is ready, otherwise it is decoded right away as a
last resort. A missing or corrupt file gives None and the caller draws a neutral
placeholder: never an error on stage.

What is decoded are the bytes the script's load checked (``LoadedScript.images``),
in the format they were checked as: a file replaced on disk after that (a reload
refused because the new picture is hostile or empty) never reaches the stage, and a
file only ever reaches QtSvg after ``script.svgsafe`` has read it.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Collection, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter
from PySide6.QtSvg import QSvgRenderer

from ceremony.render.cache import ByteCache
from ceremony.render.style import mix
from ceremony.script.assets import VettedImage, vet_bytes

ImageKey = tuple[str, int, int, tuple[float, float, float, float] | None]
LARGE = 512 * 1024
"""Bytes from which a decoded image is stage-sized (a 1080p nominee crest is 1.1 MB; a preview's, 30 kB): one at a
size the stage's next cues do not draw at is let go (ImageStore.let_go)."""
ViewBox = tuple[float, float, float, float] | None


def vetted_file(path: Path) -> VettedImage | None:
    """A file's bytes, checked as the loader checks them; None when missing, not an image or an unsafe SVG.

    For a path the script's load did not check (the renderer draws only those it did)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    image, _problems = vet_bytes(path.name, data)
    return image


def svg_renderer(image: VettedImage) -> QSvgRenderer:
    return QSvgRenderer(QByteArray(image.data))


def image_reader(image: VettedImage) -> tuple[QImageReader, QBuffer]:
    """A reader of the bytes in their checked format only (no plugin picked by what the bytes claim).

    Its format handler is found here, while this thread holds the GIL (``canRead``). Found later inside
    ``read()``, which PySide6 runs without the GIL, Qt would hold its image-plugin lock while asking the
    Python-made buffer for a Python override (which needs the GIL), and a thread holding the GIL and asking
    another reader's size (which needs that lock) deadlocks with it: the GUI thread froze that way, drawing
    thumbnails while the pre-show check read image sizes in its thread (the 300-image deck, one start in two)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(image.data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, image.format.encode())
    reader.setDecideFormatFromContent(False)
    reader.canRead()
    return reader, buffer


def natural_size(image: VettedImage | None, view_box: ViewBox = None) -> QSize | None:
    """The image's own size (an SVG's default size), or None when it cannot be read."""
    if view_box is not None:
        return QSize(round(view_box[2]), round(view_box[3]))
    if image is None:
        return None
    if image.format == "svg":
        renderer = svg_renderer(image)
        return renderer.defaultSize() if renderer.isValid() else None
    reader, _buffer = image_reader(image)
    size = reader.size()
    return size if size.isValid() else None


def fit_size(natural: QSize, box_w: float, box_h: float) -> QSize:
    """The largest size with natural's aspect ratio that fits the box."""
    if natural.width() <= 0 or natural.height() <= 0:
        return QSize(max(1, int(box_w)), max(1, int(box_h)))
    scale = min(box_w / natural.width(), box_h / natural.height())
    return QSize(max(1, round(natural.width() * scale)), max(1, round(natural.height() * scale)))


def decode(image: VettedImage | None, width: int, height: int, view_box: ViewBox = None) -> QImage | None:
    """Decode checked bytes to an ARGB image of exactly width×height (the caller keeps the aspect)."""
    try:
        if image is None:
            return None
        if image.format == "svg":
            return _render_svg(svg_renderer(image), width, height, view_box)
        reader, _buffer = image_reader(image)
        reader.setAutoTransform(True)
        reader.setScaledSize(QSize(width, height))
        decoded = reader.read()
        if decoded.isNull():
            return None
        return decoded.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    except Exception:  # a corrupt file must never take the stage down
        return None


def _render_svg(renderer: QSvgRenderer, width: int, height: int, view_box: ViewBox) -> QImage | None:
    if not renderer.isValid():
        return None
    if view_box is not None:
        renderer.setViewBox(QRectF(*view_box))
    out = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    out.fill(Qt.GlobalColor.transparent)
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    return out


class ImageStore:
    """Decoded images by (path, width, height), LRU-bounded by bytes, decoded in worker threads."""

    def __init__(
        self, max_bytes: int = 96 * 1024 * 1024, workers: int = 2, sources: Mapping[str, VettedImage] | None = None
    ) -> None:
        self._sources: dict[str, VettedImage | None] = dict(sources or {})
        """The checked bytes of each image by path (the loaded script's); others are read and checked once."""
        self._images: ByteCache[ImageKey, QImage | None] = ByteCache(max_bytes, _image_bytes)
        self._pending: dict[ImageKey, Future[QImage | None]] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ceremony-decode")
        self._sizes: dict[str, QSize | None] = {}
        self.sync_decodes = 0
        """How many images had to be decoded on the caller's thread (should stay 0 on stage)."""

    def source(self, path: Path) -> VettedImage | None:
        """The bytes drawn for path: as the script's load checked them, else read and checked now, once."""
        key = str(path)
        with self._lock:
            if key in self._sources:
                return self._sources[key]
        found = vetted_file(path)
        with self._lock:
            return self._sources.setdefault(key, found)

    def natural(self, path: Path, view_box: ViewBox = None) -> QSize | None:
        key = f"{path}|{view_box}"
        if key not in self._sizes:
            self._sizes[key] = natural_size(self.source(path), view_box)
        return self._sizes[key]

    def prefetch(self, path: Path, width: int, height: int, view_box: ViewBox = None) -> None:
        """Start decoding in the background unless it is cached or on its way."""
        key = (str(path), width, height, view_box)
        with self._lock:
            if key in self._images or key in self._pending:
                return
            future = self._pool.submit(self._decode, path, width, height, view_box)
            self._pending[key] = future

        def done(f: Future[QImage | None], k: ImageKey = key) -> None:
            self._finish(k, f)

        future.add_done_callback(done)

    def _finish(self, key: ImageKey, future: Future[QImage | None]) -> None:
        image = None if future.cancelled() or future.exception() else future.result()
        with self._lock:
            if self._pending.pop(key, None) is future:  # else get() took it (and it may be forgotten since)
                self._store(key, image)

    def _store(self, key: ImageKey, image: QImage | None) -> None:
        if key not in self._images:
            self._images.put(key, image)

    @property
    def pending(self) -> bool:
        """True while images are still being decoded in the background."""
        with self._lock:
            return bool(self._pending)

    def ready(self, path: Path, width: int, height: int, view_box: ViewBox = None) -> bool:
        with self._lock:
            return (str(path), width, height, view_box) in self._images

    def get(self, path: Path, width: int, height: int, view_box: ViewBox = None) -> QImage | None:
        """The decoded image: cached, or waited for if on its way, or decoded now as a last resort."""
        key = (str(path), width, height, view_box)
        with self._lock:
            if key in self._images:
                return self._images.get(key)
            future = self._pending.get(key)
        if future is not None:
            image = None if future.cancelled() or future.exception() else future.result()
        else:
            self.sync_decodes += 1
            image = self._decode(path, width, height, view_box)
        with self._lock:
            if future is None or self._pending.pop(key, None) is future:  # stored once, by get or by _finish
                self._store(key, image)
        return image

    def _decode(self, path: Path, width: int, height: int, view_box: ViewBox) -> QImage | None:
        return decode(self.source(path), width, height, view_box)

    def forget(self, path: Path, width: int, height: int, view_box: ViewBox = None) -> None:
        """Let a decoded image go (its only user keeps what it drew from it: the stage's backdrop)."""
        with self._lock:
            self._images.pop((str(path), width, height, view_box))

    def let_go(
        self, keep: Collection[str], sizes: Collection[ImageKey] | None = None, any_size: Collection[str] = ()
    ) -> int:
        """Drop every decoded image of a file not in keep (paths as str), at any size; with sizes, also the
        large ones (LARGE bytes and more: stage-sized, not a preview's) of kept files at a size not in sizes,
        but for the files in any_size. The bytes let go; an image dropped and asked for again is decoded again."""

        def goes(key: ImageKey) -> bool:
            if key[0] not in keep:
                return True
            if sizes is None or key in sizes or key[0] in any_size:
                return False
            return key[1] * key[2] * 4 >= LARGE

        with self._lock:
            return self._images.drop(goes)

    def busy(self) -> bool:
        """True while any prefetch is still decoding."""
        with self._lock:
            return bool(self._pending)

    def wait(self) -> None:
        """Block until every prefetch is done (exports and tests)."""
        while True:
            with self._lock:
                pending = list(self._pending.values())
            if not pending:
                return
            for future in pending:
                future.exception()

    def clear(self) -> None:
        with self._lock:
            self._images.clear()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _image_bytes(image: QImage | None) -> int:
    return image.sizeInBytes() if image is not None else 0


def lightest_colour(background: VettedImage | None, base: str) -> str:
    """The lightest colour of a background image composited on base: text over the stage is held against it.

    Kept per picture: a reload or a start-up must not spend a fifth of a second here."""
    if background is None:
        return base
    return _lightest(background, base)


@functools.lru_cache(maxsize=16)
def _lightest(background: VettedImage, base: str) -> str:
    """Scan the background, on the base colour, for its lightest pixel (bytes, not pixelColor: it is fast)."""
    image = decode(background, 192, 108)
    if image is None:
        return base
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(QColor(base))
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    data = bytes(flat.constBits())  # 0xAARRGGBB little-endian: B, G, R, A
    lums = [0.2126 * r + 0.7152 * g + 0.0722 * b for b, g, r in zip(data[0::4], data[1::4], data[2::4], strict=True)]
    best = QColor(base)
    if lums:
        i = max(range(len(lums)), key=lums.__getitem__)  # the first of the lightest, as a scan would find it
        if lums[i] > _luminance(best) * 255:
            best = QColor(data[4 * i + 2], data[4 * i + 1], data[4 * i])
    return mix(best.name(), "#ffffff", 0.01)


def _luminance(c: QColor) -> float:
    return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF()
