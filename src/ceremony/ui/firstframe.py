"""The hall's picture kept for the next start: a restart puts it on the projector before the show loads.

Python, PySide6 and a fullscreen window are the bare minimum of any start (the floor of bench_rig.py, about
0.17 s on the rig); ceremony's own imports, the script, the renderer and the presenter made it 0.3-0.4 s of
a black projector after a crash (issue 18). So the show keeps, on disk (raw pixels with their CRC-32, as
render/kept.py keeps backdrops), the two pictures a next start can open with, each drawn by the stage's
renderer for the state that start would have:

- ``fresh``: the first cue of a fresh start (``--fresh``, or no saved show to ask about);
- ``resume``: the place ``--resume`` would open at with the saved show as it is on disk now (kept again
  whenever the stage has stood still for SETTLE_MS, so after a crash it is the last place the show saved).

Each is kept with everything it depends on: the command line (but for --fresh and --resume), the working
folder, the environment that chooses files and languages, the script and every file it draws (size and
modification time), ceremony's own files, the screens and the stage's remembered screen, the walk-in
clock's digits, and the saved show's text (resume) or its absence (a start without a flag). A start with all
of those the same puts it in a bare window on the same screen before anything else is imported; the real
stage opens over it with the same picture (``hand_over``) and the bare window goes. Any difference, or any
doubt, is the ordinary start.

Never kept: a picture with a winner in it (one more place the result could be read from), a moving one (a
transition, an animation, a film; the walk-in's countdown only while its digits stand still, once its time
has come), a blackout, a rehearsal, a windowed stage, a follower's.

This module imports only the standard library and Qt at the top: the start-up side runs before the rest of
ceremony is imported (only for a show's start, never for ``check`` or ``schema``). The keeping side imports
the renderer's kin lazily.
"""

from __future__ import annotations

import json
import mmap
import os
import struct
import sys
import threading
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QElapsedTimer, QEventLoop, QRectF, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

from ceremony import __version__
from ceremony.script.cachedir import cache_dir

if TYPE_CHECKING:
    from ceremony.show.state import ShowState
    from ceremony.ui.main import Show

FORMAT = 1
KEEP = 6
SETTLE_MS = 1500
"""How long the stage must stand still before its picture is kept (a run of Page Downs keeps only the last)."""
MOVING = 0.1
"""Seconds between frames under which the stage counts as moving (animations run at 60 Hz, the clock at 4)."""
_MAGIC = b"CEREMONY-FIRSTFRAME"
_HEADER = struct.Struct("<19sIIIIII")  # magic, format, meta bytes, width, height, bytes per line, CRC-32
_ENV = ("LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "QT_SCALE_FACTOR", "QT_SCREEN_SCALE_FACTORS", "QT_QPA_PLATFORM")
_ENV_PREFIX = "CEREMONY_"
_PLACE_FLAGS = ("--fresh", "--resume")
"""Where a start opens: not part of the key; they choose which of the two records a start may show."""
SETTINGS_KEY = "stage/screen"
"""The stage's remembered screen, as ui/screens.py keeps it (a test holds the two the same; importing that
module here would cost the kept picture's start 5 ms)."""


# ---------------------------------------------------------------- what a picture depends on


def folder() -> Path:
    return cache_dir() / "firstframe"


def key(argv: Sequence[str]) -> str:
    """What the records are kept under: the command line but for where it opens, the working folder, the
    environment that chooses files and languages, the versions. Compared whole when read (the file is named
    by its CRC only)."""
    env = {k: v for k, v in sorted(os.environ.items()) if k in _ENV or k.startswith(_ENV_PREFIX)}
    rest = [arg for arg in argv if arg not in _PLACE_FLAGS]
    return json.dumps([FORMAT, __version__, sys.version, rest, os.getcwd(), env])


def kind_of(argv: Sequence[str]) -> str:
    """The record a start with this command line may show: resume for --resume, else fresh."""
    return "resume" if "--resume" in argv and "--fresh" not in argv else "fresh"


def record_path(key_text: str, kind: str) -> Path:
    return folder() / f"{zlib.crc32(key_text.encode()):08x}-{kind}.rgb32"


def code_stamp() -> list[list[Any]]:
    """ceremony's own files (code, fonts, sounds, translations) as [name, size, modification time]: a change to
    any of them draws anew. os.scandir, not Path.rglob: this is read on the start it is meant to speed up."""
    out: list[list[Any]] = []
    folders = [str(Path(__file__).resolve().parent.parent)]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        folders.append(entry.path)
                else:
                    stat = entry.stat()
                    out.append([entry.path, stat.st_size, stat.st_mtime_ns])
    out.sort()
    return out


def file_stamp(path: str | Path) -> list[Any]:
    """[path, size, modification time], or [path, -1, 0] for a file that is not there."""
    try:
        stat = os.stat(path)
    except OSError:
        return [str(path), -1, 0]
    return [str(path), stat.st_size, stat.st_mtime_ns]


def state_stamp(path: str | Path) -> list[Any]:
    """[path, the saved show's text] (its bytes, not its time: it is rewritten on every change; a few kB)."""
    try:
        return [str(path), Path(path).read_bytes().decode("utf-8", "replace")]
    except OSError:
        return [str(path), None]


# ---------------------------------------------------------------- the start-up side

_shown: list[QWidget] = []


def show_kept(argv: Sequence[str]) -> bool:
    """Put the picture kept for this command line on its screen now, if everything it depends on is as it was.

    Returns whether it did. Never raises: whatever goes wrong means the ordinary start."""
    try:
        key_text, kind = key(argv), kind_of(argv)
        found = _read(record_path(key_text, kind), key_text)
        if found is not None and kind == "fresh" and "--fresh" not in argv and os.path.exists(found[0]["saved"]):
            return False  # a saved show: this start asks whether to resume it, or starts elsewhere
        if found is None:
            return False
        meta, pixels = found
        return _show(meta, pixels)
    except Exception:  # a start must never fail here: it only loses its head start
        return False


def _read(path: Path, key_text: str) -> tuple[dict[str, Any], mmap.mmap] | None:
    """The record's description and its pixels (mapped, not copied: they are in the page cache already)."""
    try:
        with path.open("rb") as handle:
            magic, fmt, meta_len, width, height, line, crc = _HEADER.unpack(handle.read(_HEADER.size))
            if magic != _MAGIC or fmt != FORMAT:
                return None
            meta = json.loads(handle.read(meta_len))
            if meta["key"] != key_text or not _still_valid(meta):
                return None
            start = _HEADER.size + meta_len
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError, KeyError, struct.error):
        return None
    pixels = memoryview(mapped)[start:]
    if len(pixels) != line * height or zlib.crc32(pixels) != crc or (meta["width"], meta["height"]) != (width, height):
        pixels.release()
        mapped.close()
        return None
    pixels.release()
    meta.update(line=line, offset=start)
    return meta, mapped


def _still_valid(meta: dict[str, Any]) -> bool:
    if any(file_stamp(f[0]) != f for f in meta["files"]):
        return False
    if meta["state"] is not None and state_stamp(meta["state"][0]) != meta["state"]:
        return False  # the saved show has moved on since (or is gone)
    if meta["clock"] is not None:
        import datetime as dt

        from ceremony.render.countdown import countdown_text

        until = dt.time.fromisoformat(meta["clock"]["until"])
        if countdown_text(until, dt.datetime.now()) != meta["clock"]["text"]:
            return False
    return bool(meta["code"] == code_stamp())


def _show(meta: dict[str, Any], mapped: mmap.mmap) -> bool:
    from ceremony.ui.application import make_app

    app = make_app()
    if _screens(app) != meta["screens"] or QSettings().value(SETTINGS_KEY) != meta["remembered"]:
        return False
    screen = next(s for s in app.screens() if s.name() == meta["screen"])
    pixels = memoryview(mapped)[meta["offset"] :]
    image = QImage(pixels, meta["width"], meta["height"], meta["line"], QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(screen.devicePixelRatio())
    window = KeptWindow(image, mapped)
    window.setScreen(screen)
    window.setGeometry(screen.geometry())
    window.showFullScreen()
    timer = QElapsedTimer()
    timer.start()
    while not window.painted and timer.elapsed() < 1000:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    _shown.append(window)
    return window.painted


def _screens(app: QGuiApplication) -> list[list[Any]]:
    """Every screen as [name, x, y, width, height, device pixel ratio], the primary (the presenter's) first."""
    primary = app.primaryScreen()
    ordered = [primary, *(s for s in app.screens() if s is not primary)]
    return [
        [
            s.name(),
            s.geometry().x(),
            s.geometry().y(),
            s.geometry().width(),
            s.geometry().height(),
            s.devicePixelRatio(),
        ]
        for s in ordered
        if s is not None
    ]


class KeptWindow(QWidget):
    """A bare stage: the kept picture and nothing else, with the stage's window flags, until the real stage
    opens over it."""

    def __init__(self, image: QImage, pixels: object) -> None:
        super().__init__()
        self._image, self._pixels = image, pixels  # the image reads the mapped file in place: keep it
        self.painted = False
        self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus, True)
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setCursor(Qt.CursorShape.BlankCursor)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawImage(0, 0, self._image)
        painter.end()
        self.painted = True


def hand_over() -> None:
    """The real stage has painted over the kept picture: the bare window goes."""
    while _shown:
        window = _shown.pop()
        window.hide()
        window.deleteLater()


def kept_shown() -> bool:
    return bool(_shown)


# ---------------------------------------------------------------- the keeping side


def keep_when_still(show: Show, argv: Sequence[str]) -> None:
    """Keep the pictures after the first frame, and again whenever the stage has stood still SETTLE_MS (never
    while it moves: a reveal's frames come first)."""
    timer = QTimer(show.stage)
    timer.setSingleShot(True)
    timer.setInterval(SETTLE_MS)
    timer.timeout.connect(lambda: timer.start() if _moving(show) else keep(show, argv))
    show.controller.engine.subscribe(lambda old, new, _outcome: timer.start())
    timer.start()


def _moving(show: Show) -> bool:
    """The stage paints frame after frame (a transition, a suspense, a reveal, a film); the walk-in's clock,
    four times a second, does not count."""
    interval = show.controller.frame_interval()
    return (interval is not None and interval < MOVING) or show.controller.film_due() is not None


def keep(show: Show, argv: Sequence[str]) -> list[str]:
    """Keep the pictures a next start could open with, where they may be kept; the kinds kept."""
    placement = show.stage.placement
    if placement is None or not placement.fullscreen or not show.stage.isVisible() or show.follower is not None:
        return []
    from ceremony.show import persist
    from ceremony.show.engine import initial_state

    controller = show.controller
    now = controller.clock()
    fresh = initial_state(controller.engine.state.show, now)
    saved_path = persist.state_file(controller.loaded.path)
    base = {"key": key(argv), "saved": str(saved_path), **_depends_on(show)}
    kept = []
    # The fresh picture is drawn only while the stage is at its cue: its layers are at hand, none evicted.
    at_first = controller.engine.state.cue_index == fresh.cue_index
    if at_first and _keep_one(show, "fresh", fresh, now, {**base, "state": None}):
        kept.append("fresh")
    stamp = state_stamp(saved_path)
    saved, _reason = persist.load(controller.loaded.path)
    if saved is not None and stamp[1] is not None and state_stamp(saved_path) == stamp:
        resumed = persist.restored(fresh, saved, now)
        if _keep_one(show, "resume", resumed, now, {**base, "state": stamp}):
            kept.append("resume")
    return kept


def _keep_one(show: Show, kind: str, state: ShowState, now: float, meta: dict[str, Any]) -> bool:
    """Draw what a start in that state shows and keep it, unless it may not be kept (see the module)."""
    picture = _picture(show, state, now)
    if picture is None:
        _forget(record_path(meta["key"], kind))
        return False
    image, clock = picture
    meta.update(width=image.width(), height=image.height(), clock=clock)
    path = record_path(meta["key"], kind)
    writer = threading.Thread(target=_write, args=(path, image, meta), name="ceremony-firstframe")
    _writers.append(writer)
    writer.start()
    return True


_writers: list[threading.Thread] = []


def flush() -> None:
    """Wait until every picture handed to keep is written (tests)."""
    while _writers:
        _writers.pop().join()


def _write(path: Path, image: QImage, meta: dict[str, Any]) -> None:
    """The record, summed and written off the GUI thread, from the image's pixels in place (no 8 MB copy: the
    image is a kept layer, or drawn for this record alone; neither is drawn into again)."""
    from ceremony.render.kept import write_atomic

    pixels = memoryview(image.constBits()).cast("B")[: image.sizeInBytes()]
    body = json.dumps(meta).encode()
    header = _HEADER.pack(
        _MAGIC, FORMAT, len(body), image.width(), image.height(), image.bytesPerLine(), zlib.crc32(pixels)
    )
    write_atomic(path.parent, path.name, [header + body, pixels], ".rgb32", KEEP)


def _forget(path: Path) -> None:
    """A start in this state would not show what was kept before: it goes (in order after any write)."""
    flush()
    path.unlink(missing_ok=True)


def _picture(show: Show, state: ShowState, now: float) -> tuple[QImage, dict[str, str] | None] | None:
    """What the stage draws for state, by its renderer at its size, and the countdown's clock; None when that
    picture may not be kept (see the module)."""
    from ceremony.script.model import CountdownSlide

    stage, controller = show.stage, show.controller
    renderer, frame = controller.renderer, controller.stage_frame(now, state=state)
    if frame.in_transition or frame.media is not None or frame.winners or frame.rehearsal or frame.blackout != "none":
        return None
    view = renderer.view(frame.cue, frame.winner())
    clock = None
    if view.motion == "countdown":
        slide = renderer.script.slides[frame.cue.slide_index]
        assert isinstance(slide, CountdownSlide)
        clock = {"until": slide.until.isoformat(), "text": renderer.clock_text(frame.cue, frame.now)}
    elif renderer.frame_interval(frame) is not None or view.winner is not None or view.film:
        return None
    dpr = stage.devicePixelRatioF()
    size = QSize(round(stage.width() * dpr), round(stage.height() * dpr))
    if clock is None:  # a still picture is its layer, kept by the renderer when the stage fills with it
        layer = renderer.layers.cache.get((view.key, size.width(), size.height()))
        if layer is not None and layer.format() == QImage.Format.Format_RGB32:
            return layer, None
    image = QImage(size, QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(dpr)
    painter = QPainter(image)
    renderer.paint(painter, QRectF(stage.rect()), frame)
    painter.end()
    return image, clock


def _depends_on(show: Show) -> dict[str, Any]:
    """What both pictures depend on besides the saved show: files, ceremony's code, the screens."""
    from ceremony.render.fonts import find_fonts
    from ceremony.ui.reloader import asset_paths

    loaded = show.controller.loaded
    files = [loaded.path, *asset_paths(loaded), *find_fonts(loaded.base_dir)]
    return {
        "files": [file_stamp(Path(f).resolve()) for f in files],
        "code": code_stamp(),
        "screens": _screens(show.app),
        "screen": show.stage.screen().name(),
        "remembered": QSettings().value(SETTINGS_KEY),
    }
