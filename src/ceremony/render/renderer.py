"""The one renderer: any cue, into any QPainter and rectangle, letterboxed 16:9.

Renderer.paint is the entry point of every target: the stage, the presenter's previews and thumbnails,
PNG frames and PDF pages. It resolves the frame's cue to a View (views.py, pure), places the view's
still picture (compose.py) and draws it. A raster target gets the still picture from a kept layer
(layers.py) with the moving parts over it (the clock, the suspense and reveal: reveal.py), or two frames
in transition (transitions.py). A vector target (PDF) gets every item drawn directly, so text stays text.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPaintEngine, QPainter, QTransform

from ceremony.render import kept
from ceremony.render import layout as L
from ceremony.render import show_layout as S
from ceremony.render.cache import ByteCache
from ceremony.render.clock import clock_item, draw_clock
from ceremony.render.compose import Scene, compose
from ceremony.render.draw import ItemPainter, blit_opaque, set_hints
from ceremony.render.film import MediaImage, draw_film
from ceremony.render.fonts import stage_family
from ceremony.render.frame import FRAME_INTERVAL, Frame
from ceremony.render.geometry import CANVAS, CANVAS_W, canvas_transform, countdown_text, ease, letterbox
from ceremony.render.images import ImageKey, ImageStore, fit_size, lightest_colour
from ceremony.render.items import ImageItem, Item, Layout
from ceremony.render.layers import LAYER_BYTES, Layers
from ceremony.render.style import Ctx, palette_for
from ceremony.render.transitions import Blend, transition_for
from ceremony.render.views import View, resolve
from ceremony.script.assets import VettedImage
from ceremony.script.assets import resolve as resolve_asset
from ceremony.script.loader import LoadedScript
from ceremony.script.model import CountdownSlide
from ceremony.show.cues import REVEAL_ANIMATION, Cue, build_cues

if TYPE_CHECKING:
    from ceremony.render.reveal import RevealPainter

PREPARE_AHEAD = 3
"""prefetch prepares the layers of the first this many cues it is given (the rest are only decoded)."""
_FULL_HD = QSize(1920, 1080)
_VECTOR_ENGINES = {QPaintEngine.Type.Pdf, QPaintEngine.Type.Picture, QPaintEngine.Type.SVG}
_PDF_REVEAL = QSize(3840, 2160)
FILM_SCRIM = QColor(0, 0, 0, 102)
"""Over a film behind a title or countdown: 40 % black, so white text stays readable over a bright picture."""
"""The size of the picture a reveal goes into a PDF as."""


class Renderer:
    """Holds fonts, theme, layouts and caches for one loaded script."""

    def __init__(
        self,
        loaded: LoadedScript,
        cues: Sequence[Cue] | None = None,
        *,
        layer_bytes: int = LAYER_BYTES,
        store: ImageStore | None = None,
        prefetch_size: QSize | None = _FULL_HD,
        keep_on_disk: bool = False,
    ) -> None:
        """keep_on_disk: the show's renderer (not an export's, a test's or a check's) keeps what a restart would
        draw again from the same files, the stage's backdrop and the background's lightest colour (kept.py)."""
        self.loaded = loaded
        self.script = loaded.script
        self.cues = list(cues) if cues is not None else build_cues(loaded.script)
        self.store = store or ImageStore(sources=loaded.images)
        event = self.script.event
        self.background = resolve_asset(loaded.base_dir, event.background) if event.background else None
        source = self.store.source(self.background) if self.background else None
        backdrop = _lightest(source, self.script.theme.background, keep_on_disk) if source else None
        palette = palette_for(self.script, backdrop)
        family = stage_family(loaded.base_dir, self.script.theme.font)
        self.ctx = Ctx(self.script, loaded.base_dir, palette, family, self.script.wording())
        self.items = ItemPainter(self.store, palette, self.background)
        self.layers = Layers(self.items, layer_bytes, keep_on_disk=keep_on_disk)
        self._views: dict[tuple[str, str | None], View] = {}
        self._scenes: dict[Hashable, Scene] = {}
        self._queue: deque[tuple[Hashable, Callable[[], object]]] = deque()
        """Drawing to do ahead of need (reveal layers and sprites, the next cues' layers), one step at a time."""
        self._scratch: ByteCache[tuple[str, int, int], QImage] = ByteCache(
            0, lambda image: image.sizeInBytes(), keep_at_least=2
        )
        """A moving frame of a transition that is not a blend (or coming in), drawn into one of these and put
        together with the other; dropped once a frame at that size is painted out of transition."""
        if prefetch_size is not None:
            self.prefetch(range(min(4, len(self.cues))), prefetch_size)

    @functools.cached_property
    def reveal(self) -> RevealPainter:
        """The suspense and reveal's painter, made (and its modules imported) when a reveal is first drawn or
        prepared: a start on any other cue does not wait for it (~7 ms on the rig)."""
        from ceremony.render import reveal

        return reveal.RevealPainter(self.ctx, self.items, self.layers)

    # ---------------------------------------------------------------- what a cue shows
    def view(self, cue: Cue, winner: str | None = None) -> View:
        """The resolved view of a cue (winner only honoured for cues that name one)."""
        key = (cue.id, winner if cue.names_winner else None)
        if key not in self._views:
            self._views[key] = resolve(self.script, cue, key[1])
        return self._views[key]

    def scene(self, view: View) -> Scene:
        """The view's still picture, placed (the same for every view with its key)."""
        if view.key not in self._scenes:
            self._scenes[view.key] = compose(self.ctx, view)
        return self._scenes[view.key]

    def layout_for(self, cue: Cue, winner: str | None = None, now: dt.datetime | None = None) -> Layout:
        """Every text, image and shape a cue shows, placed; the reveal in its final state. For tests and checks."""
        view = self.view(cue, winner)
        scene = self.scene(view)
        if view.motion == "reveal" and view.class_id and view.winner:
            award_class = self.script.award_class(view.class_id)
            assert award_class is not None
            return Layout(S.reveal_end(self.ctx, award_class, view.winner).items)
        if view.motion == "countdown" and scene.clock_box is not None:
            clock = clock_item(self.ctx, self.clock_text(cue, now), scene.clock_box)
            return Layout((*scene.layout.items, clock), scene.layout.backdrop)
        return scene.layout

    def frame_interval(self, frame: Frame) -> float | None:
        """Seconds until the picture changes by itself (None: it is still until something happens)."""
        if frame.in_transition:
            return FRAME_INTERVAL
        view = self.view(frame.cue, frame.winner())
        if view.motion == "suspense" or (view.motion == "reveal" and frame.t < REVEAL_ANIMATION):
            return FRAME_INTERVAL
        if view.motion == "countdown":
            return 0.25
        return None

    def is_animated(self, frame: Frame) -> bool:
        return self.frame_interval(frame) is not None

    # ---------------------------------------------------------------- painting
    def paint(self, painter: QPainter, rect: QRectF, frame: Frame) -> None:
        """Draw frame into rect of painter's target: canvas letterboxed, black bars around it."""
        canvas, scale = letterbox(rect)
        vector = _is_vector(painter)
        if not vector:
            # Whole pixels: a canvas edge half-way through a pixel would leave that column to whatever the
            # target held before (an opaque widget's old frame), so the picture would depend on history.
            canvas = QRectF(canvas.toRect())
        painter.save()
        _fill_bars(painter, rect, canvas)
        set_hints(painter)
        if scale > 0:
            if vector:
                self._paint_vector(painter, canvas, scale, frame)
            else:
                self._paint_raster(painter, canvas, frame)
        painter.restore()

    def _paint_raster(self, painter: QPainter, canvas: QRectF, frame: Frame) -> None:
        dpr = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        # World transform, not deviceTransform(): inside a child widget the device transform also holds the
        # backing store's offset, which the paint engine applies again after setWorldTransform below.
        dev = (painter.worldTransform() * QTransform.fromScale(dpr, dpr)).mapRect(canvas)
        target = QRect(round(dev.x()), round(dev.y()), max(1, round(dev.width())), max(1, round(dev.height())))
        painter.save()
        painter.setWorldTransform(QTransform.fromScale(1 / dpr, 1 / dpr))
        painter.setClipRect(target)
        with self.layers.pinning(target.size()):
            if frame.in_transition and frame.outgoing is not None:
                self._transition(painter, target, frame)
            else:
                self._draw_frame(painter, target, frame)
                if len(self._scratch):  # a transition at this size is over: its scratch frames go (8 MB at 1080p)
                    self._scratch.drop(lambda key: key[1:] == (target.width(), target.height()))
        if frame.rehearsal or frame.blackout != "none":
            painter.save()
            painter.setTransform(canvas_transform(target), True)
            self._draw_overlays(painter, frame, target.width() / CANVAS_W, False)
            painter.restore()
        painter.restore()

    def _draw_frame(self, painter: QPainter, target: QRect, frame: Frame) -> None:
        view = self.view(frame.cue, frame.winner())
        if view.motion == "reveal":
            self.reveal.paint(painter, target, self.script.award_class(view.class_id or ""), view.winner, frame.t)
            return
        if view.film and frame.media is not None:
            self._draw_film(painter, QRectF(target), view, frame.media)
        else:
            layer = self.layers.of_layout(view.key, target.size(), self.scene(view).layout)
            blit_opaque(painter, target.topLeft(), layer)
        if view.motion is not None:
            painter.save()
            painter.setTransform(canvas_transform(target), True)
            self._draw_motion(painter, view, frame, raster=True)
            painter.restore()

    def _draw_film(self, painter: QPainter, target: QRectF, view: View, media: MediaImage) -> None:
        """A film's picture letterboxed in the canvas; a title's or countdown's items over it, on a scrim that keeps
        its text readable whatever the film shows."""
        draw_film(painter, target, media)
        if view.composition == "film":
            return
        painter.fillRect(target, FILM_SCRIM)
        size = QSize(round(target.width()), round(target.height()))
        painter.drawImage(target.topLeft(), self.layers.over_film(view.key, size, self.scene(view).layout))

    def _draw_motion(self, painter: QPainter, view: View, frame: Frame, *, raster: bool) -> None:
        """What moves over a still layer: the walk-in's clock, the suspense."""
        box = self.scene(view).clock_box
        if view.motion == "countdown" and box is not None:
            draw_clock(painter, self.ctx, self.clock_text(frame.cue, frame.now), box)
        elif view.motion == "suspense" and view.class_id:
            award_class = self.script.award_class(view.class_id)
            if award_class:
                self.reveal.suspense(painter, award_class, frame.t, raster=raster)

    def clock_text(self, cue: Cue, now: dt.datetime | None = None) -> str:
        """The walk-in countdown's digits at now (the local time by default)."""
        slide = self.script.slides[cue.slide_index]
        assert isinstance(slide, CountdownSlide)
        return countdown_text(slide.until, now or dt.datetime.now())

    def _transition(self, painter: QPainter, target: QRect, frame: Frame) -> None:
        """The outgoing and incoming frames, each drawn whole, then put together by the cue's transition.

        A blend (fade, zoom) draws the outgoing frame straight into the target, then the incoming one over
        it: no frame-sized scratch image for a moving outgoing picture (the walk-in, a settled reveal)."""
        assert frame.outgoing is not None
        p = ease(frame.progress)
        move = transition_for(frame.cue.transition.type)
        if isinstance(move, Blend):
            self._draw_frame(painter, target, frame.outgoing)
            if p * 255 < 0.5:
                # The frame painted inside the key press: the incoming picture is not visible yet (under half a
                # level of opacity), so it is not blended in: the same pixels, a 1080p blend (~1 ms) sooner.
                return
        else:
            old = self._frame_image("out", target.size(), frame.outgoing)
        new = self._frame_image("in", target.size(), replace(frame, outgoing=None, progress=1.0))
        painter.save()
        painter.translate(target.topLeft())
        if isinstance(move, Blend):
            move.over(painter, new, p)
        else:
            move.render(painter, old, new, p)
        painter.restore()

    def _frame_image(self, slot: str, size: QSize, frame: Frame) -> QImage:
        view = self.view(frame.cue, frame.winner())
        if view.motion is None and not (view.film and frame.media is not None):
            return self.layers.of_layout(view.key, size, self.scene(view).layout)
        key = (slot, size.width(), size.height())
        image = self._scratch.get_or_make(key, lambda: QImage(size, QImage.Format.Format_RGB32))
        painter = QPainter(image)
        set_hints(painter)
        self._draw_frame(painter, QRect(0, 0, size.width(), size.height()), frame)
        painter.end()
        return image

    def _draw_overlays(self, painter: QPainter, frame: Frame, scale: float, vector: bool) -> None:
        if frame.rehearsal:
            self.items.items(painter, L.rehearsal_mark(self.ctx), scale, vector)
        if frame.blackout != "none" and frame.blackout_level > 0:
            c = QColor("#000000" if frame.blackout == "black" else "#ffffff")
            c.setAlphaF(max(0.0, min(1.0, frame.blackout_level)))
            painter.fillRect(CANVAS, c)

    # ---------------------------------------------------------------- vector targets (PDF)
    def plan_pdf(self, frames: Sequence[Frame], rect: QRectF) -> None:
        """Before frames go to a PDF, each painted into rect: the largest size each image is drawn at, so
        each goes into the file once."""
        _, scale = letterbox(rect)
        for frame in frames:
            view = self.view(frame.cue, frame.winner())
            if view.motion != "reveal":  # a reveal goes in as one picture of its own
                self.items.plan_vector(self.scene(view).layout.items, scale)

    def _paint_vector(self, painter: QPainter, canvas: QRectF, scale: float, frame: Frame) -> None:
        painter.save()
        painter.setClipRect(canvas)
        painter.translate(canvas.topLeft())
        painter.scale(scale, scale)
        view = self.view(frame.cue, frame.winner())
        dev_scale = painter.deviceTransform().m11()
        if view.motion == "reveal":
            # The reveal is drawn with glows, fades and sprites that Qt's PDF engine does not carry over
            # faithfully (viewers show opaque discs, undimmed cards): it goes in as a 4K picture.
            shown = replace(frame, t=frame.t if frame.t > 0 else REVEAL_ANIMATION, outgoing=None, progress=1.0)
            picture = QImage(_PDF_REVEAL, QImage.Format.Format_RGB32)
            inner = QPainter(picture)
            self.paint(inner, QRectF(picture.rect()), shown)
            inner.end()
            painter.drawImage(CANVAS, picture)
        else:
            layout = self.scene(view).layout
            if view.film and frame.media is not None:
                draw_film(painter, CANVAS, frame.media)
                if view.composition != "film":
                    painter.fillRect(CANVAS, FILM_SCRIM)
            else:
                self.items.backdrop(painter, layout.backdrop, dev_scale, True)
            self.items.items(painter, layout.items, dev_scale, True)
            if view.motion is not None:
                self._draw_motion(painter, view, frame, raster=False)
        self._draw_overlays(painter, frame, dev_scale, True)
        painter.restore()

    # ---------------------------------------------------------------- preparing ahead
    def prefetch(
        self,
        indices: Sequence[int] | range,
        size: QSize,
        dpr: float = 1.0,
        prepare: int = PREPARE_AHEAD,
        revealed: Mapping[str, str] | None = None,
    ) -> None:
        """Start decoding the images of these cues at the size they will be drawn (worker threads), and queue
        drawing the first ``prepare`` cues' layers and reveals (prepare_step does it). ``revealed``: the
        winners the stage shows now (class id -> nominee), so a winner step after its reveal is drawn ahead
        with its winner; never pass one before its reveal."""
        canvas, scale = letterbox(QRectF(0, 0, size.width() * dpr, size.height() * dpr))
        if scale <= 0:
            return
        shown = [i for i in indices if 0 <= i < len(self.cues)]
        for i in shown:
            for item in self._images_of(self.cues[i]):
                self._prefetch_item(item, scale)
        backdrop = QSize(round(canvas.width()), round(canvas.height()))
        if self.background is not None and not self.layers.has_backdrop(backdrop):  # once drawn, it is let go
            self.store.prefetch(self.background, backdrop.width(), backdrop.height())
        self._queue_preparation(shown[:prepare], size, dpr, revealed)

    def let_go(self, indices: Iterable[int], size: QSize | None = None, dpr: float = 1.0) -> int:
        """Drop what only cues other than these draw from: the reveal sprites of every class none of them
        belongs to (~10-17 MB a class at 1080p) and the decoded images none of them shows. The stage passes
        the cues around the one it shows (those it prefetches) and its size: then of the images those cues
        do show, the large ones decoded at a size none of them draws at on the stage go too (a crest the
        nominee slides drew at 480x576 is 1.1 MB; the reveal's cards have theirs in their sprites). An image
        let go and needed again is decoded again. The bytes let go."""
        cues = [self.cues[i] for i in indices if 0 <= i < len(self.cues)]
        items = [item for cue in cues for item in self._images_of(cue) if item.path is not None]
        paths = {str(item.path) for item in items}
        background = {str(self.background)} if self.background is not None else set()
        paths |= background
        sizes = None
        if size is not None:
            _, scale = letterbox(QRectF(0, 0, size.width() * dpr, size.height() * dpr))
            sizes = {key for item in items if (key := self._key_at(item, scale)) is not None}
        freed = self.store.let_go(paths, sizes, background)  # the background goes once its backdrop is drawn
        if "reveal" in self.__dict__:  # made
            freed += self.reveal.let_go({cue.class_id for cue in cues if cue.class_id is not None})
        return freed

    def prepare_step(self) -> bool:
        """Draw one queued piece of what prefetch asked for (a few ms); True while more is queued.

        The stage calls it while its picture is still, so a reveal's layers and sprites are ready before
        the reveal step and the next cues' layers before they are taken. It waits while images decode.
        """
        if not self._queue:
            return False
        if self.store.busy():
            return True
        _, work = self._queue.popleft()
        work()
        return bool(self._queue)

    @property
    def preparing(self) -> bool:
        """True while drawing ahead is still queued (the stage does it a slice at a time when idle)."""
        return bool(self._queue)

    def prepare_all(self) -> None:
        """Do all queued preparation now (exports, benchmarks, tests)."""
        self.store.wait()
        while self._queue:
            self._queue.popleft()[1]()

    def close(self) -> None:
        """Stop the decoding threads and drop every cached image (before the QGuiApplication goes)."""
        self.store.close()
        self.store.clear()
        self.clear_caches()

    def clear_caches(self) -> None:
        """Forget every rendered picture (on resize or screen change the stage calls this)."""
        self.layers.clear()
        if "reveal" in self.__dict__:
            self.reveal.clear()
        self._queue.clear()
        self._scratch.clear()

    def _queue_preparation(
        self, indices: Sequence[int], size: QSize, dpr: float, revealed: Mapping[str, str] | None = None
    ) -> None:
        """Replace the queue with what these cues will need at this size: the queue follows the show."""
        _, scale = letterbox(QRectF(0, 0, size.width(), size.height()))
        if scale <= 0:
            return
        layer = _layer_size(size, dpr)
        self._queue.clear()
        seen: set[Hashable] = set()
        for i in indices:
            cue = self.cues[i]
            view = self.view(cue, (revealed or {}).get(cue.class_id or ""))
            work: list[tuple[Hashable, Callable[[], object]]] = []
            if view.motion != "reveal":
                layout = self.scene(view).layout
                work.append((("layer", view.key), functools.partial(self.layers.of_layout, view.key, layer, layout)))
            award_class = self.script.award_class(view.class_id) if view.class_id else None
            if cue.kind == "reveal" and award_class is not None:
                work += self.reveal.preparation(award_class, layer)
            for key, piece in work:
                if key not in seen:
                    seen.add(key)
                    self._queue.append((key, piece))

    def _images_of(self, cue: Cue) -> Iterable[ImageItem]:
        """The images a cue shows: sealed, and with the preset winner where it names one."""
        winners: list[str | None] = [None]
        if cue.names_winner and cue.class_id:
            award_class = self.script.award_class(cue.class_id)
            if award_class and award_class.winner != "live":
                winners.append(award_class.winner)
        for winner in winners:
            yield from _image_items(self.scene(self.view(cue, winner)).layout.items)

    def _prefetch_item(self, item: ImageItem, scale: float) -> None:
        key = self._key_at(item, scale)
        if key is not None:
            self.store.prefetch(Path(key[0]), key[1], key[2], key[3])

    def _key_at(self, item: ImageItem, scale: float) -> ImageKey | None:
        """The decoded image an image item is drawn from at scale (device pixels per canvas unit)."""
        if item.path is None:
            return None
        natural = self.store.natural(item.path, item.view_box)
        if natural is None:
            return None
        fitted = fit_size(natural, item.rect[2] * 1000, item.rect[3] * 1000)
        w, h = fitted.width() / 1000.0 * scale, fitted.height() / 1000.0 * scale
        return (str(item.path), max(1, round(w)), max(1, round(h)), item.view_box)


def _layer_size(size: QSize, dpr: float) -> QSize:
    """The size of a stage layer in a widget of size at dpr: its letterboxed canvas, whole device pixels."""
    canvas, _ = letterbox(QRectF(0, 0, size.width(), size.height()))
    snapped = QRectF(canvas.toRect())
    return QSize(max(1, round(snapped.width() * dpr)), max(1, round(snapped.height() * dpr)))


def _lightest(source: VettedImage, base: str, keep_on_disk: bool) -> str:
    """The background's lightest colour over base; with keep_on_disk kept beside the backdrop (kept.py)."""
    if not keep_on_disk:
        return lightest_colour(source, base)
    return kept.colour(kept.key(source, base), "lightest", lambda: lightest_colour(source, base))


def _image_items(items: Iterable[Item]) -> list[ImageItem]:
    return [i for i in items if isinstance(i, ImageItem)]


def _is_vector(painter: QPainter) -> bool:
    engine = painter.paintEngine()
    if engine is not None and engine.type() in _VECTOR_ENGINES:
        return True
    t = painter.deviceTransform()
    return abs(t.m12()) > 1e-9 or abs(t.m21()) > 1e-9 or t.m11() <= 0 or t.m22() <= 0


def _fill_bars(painter: QPainter, rect: QRectF, canvas: QRectF) -> None:
    black = QColor("#000000")
    if canvas.top() > rect.top():
        painter.fillRect(QRectF(rect.left(), rect.top(), rect.width(), canvas.top() - rect.top()), black)
    if canvas.bottom() < rect.bottom():
        painter.fillRect(QRectF(rect.left(), canvas.bottom(), rect.width(), rect.bottom() - canvas.bottom()), black)
    if canvas.left() > rect.left():
        painter.fillRect(QRectF(rect.left(), canvas.top(), canvas.left() - rect.left(), canvas.height()), black)
    if canvas.right() < rect.right():
        painter.fillRect(QRectF(canvas.right(), canvas.top(), rect.right() - canvas.right(), canvas.height()), black)


__all__ = ["Frame", "Item", "Layout", "Renderer", "View"]
