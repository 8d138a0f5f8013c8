"""The one renderer: any cue, into any QPainter and rectangle, letterboxed 16:9.

Static parts of a cue (backdrop, texts, images) are drawn once per (view, device
size) into an LRU-bounded image cache; per frame only the moving parts are drawn
on top. Vector targets (PDF) get everything drawn directly, so text stays text.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize
from PySide6.QtGui import QColor, QFontDatabase, QFontMetricsF, QImage, QPaintEngine, QPainter, QTransform

from ceremony.render import layout as L
from ceremony.render import show_layout as S
from ceremony.render.draw import ItemPainter
from ceremony.render.fonts import FAMILY, find_fonts, load_fonts, make_font
from ceremony.render.frame import Frame
from ceremony.render.geometry import CANVAS, CANVAS_H, CANVAS_W, Rect, countdown_text, ease, lerp, letterbox
from ceremony.render.images import ImageStore, decode
from ceremony.render.items import ImageItem, Item, Layout
from ceremony.render.motion import (
    OUTLINE_WIDTHS,
    Outlines,
    draw_confetti,
    draw_suspense,
    make_confetti,
    prepare_outlines,
)
from ceremony.render.style import Ctx, mix, palette_for
from ceremony.render.text import TextItem, TextStyle, draw_text, place
from ceremony.script.assets import resolve
from ceremony.script.loader import LoadedScript
from ceremony.script.model import (
    AwardClass,
    CountdownSlide,
    ImageSlide,
    QuoteSlide,
    TextSlide,
    TitleSlide,
)
from ceremony.show.cues import REVEAL_ANIMATION, Cue, build_cues

if TYPE_CHECKING:
    from ceremony.render.reveal import GlowBase

FRAME_INTERVAL = 1 / 60
PREPARE_AHEAD = 3
"""prefetch prepares the layers of the first this many cues it is given (the rest are only decoded)."""
LAYERS_AT_ONCE = 4
"""The layer cache always holds at least this many full frames (a reveal needs line-up, stage, settled)."""
_FULL_HD = QSize(1920, 1080)
_VECTOR_ENGINES = {QPaintEngine.Type.Pdf, QPaintEngine.Type.Picture, QPaintEngine.Type.SVG}


@dataclass(frozen=True, slots=True)
class View:
    """What a frame shows, resolved: the static layout (cached as an image) and what moves on top."""

    key: Hashable
    layout: Layout
    motion: str | None = None
    """None, 'countdown', 'suspense' or 'reveal'."""
    class_id: str | None = None
    winner: str | None = None
    clock_box: Rect | None = None


class Renderer:
    """Holds fonts, theme, layouts and caches for one loaded script."""

    def __init__(
        self,
        loaded: LoadedScript,
        cues: Sequence[Cue] | None = None,
        *,
        layer_bytes: int = 32 * 1024 * 1024,
        store: ImageStore | None = None,
        prefetch_size: QSize | None = _FULL_HD,
    ) -> None:
        self.loaded = loaded
        self.script = loaded.script
        self.cues = list(cues) if cues is not None else build_cues(loaded.script)
        families = load_fonts(find_fonts(loaded.base_dir))
        wanted = self.script.theme.font
        family = wanted if wanted and wanted in QFontDatabase.families() else FAMILY
        if family not in families and family not in QFontDatabase.families():
            family = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()
        self.store = store or ImageStore()
        event = self.script.event
        self.background = resolve(loaded.base_dir, event.background) if event.background else None
        palette = palette_for(self.script, self._backdrop_colour())
        self.ctx = Ctx(self.script, loaded.base_dir, palette, family)
        self.items = ItemPainter(self.store, palette, self.background)
        self.confetti = make_confetti(palette)
        self._views: dict[tuple[str, str | None], View] = {}
        self._layers: OrderedDict[tuple[Hashable, int, int], QImage] = OrderedDict()
        self._layer_bytes = 0
        self._layer_limit = layer_bytes
        self._pinned: dict[tuple[int, int], set[tuple[Hashable, int, int]]] = {}
        """Layers the last raster frame used: never evicted for a prepared one."""
        self._painting: tuple[int, int] | None = None
        """The target size while a raster frame is painted (its layers get pinned)."""
        self._queue: deque[tuple[Hashable, Callable[[], object]]] = deque()
        """Drawing to do ahead of need (reveal layers and sprites, the next cues' layers), one step at a time."""
        self._scratch: dict[tuple[str, int, int], QImage] = {}
        self.sprites: dict[tuple[object, ...], QImage] = {}
        """Reveal card and header sprites by (what, size); owned here so no two renderers share them."""
        self.card_items: dict[tuple[str, str, int, bool], list[Item]] = {}
        self.sprite_ink: dict[int, QRect] = {}
        """The inked part of the header and kicker sprites, by the sprite's cacheKey (reveal._ink)."""
        self.outlines: Outlines = {}
        """The suspense's pulsing card outlines in pieces, by pen width and placement (motion.draw_outline)."""
        self.faded: dict[int, tuple[float, QImage]] = {}
        """Moving translucent sprites at their opacity, by the sprite's cacheKey (reveal._faded)."""
        self.glow_bases: dict[tuple[int, int], list[GlowBase]] = {}
        """The stage with the reveal's glow at a step, by size, built ahead during the reveal (reveal.glow_base)."""
        if prefetch_size is not None:
            self.prefetch(range(min(4, len(self.cues))), prefetch_size)

    # ---------------------------------------------------------------- public API
    def paint(self, painter: QPainter, rect: QRectF, frame: Frame) -> None:
        """Draw frame into rect of painter's target: canvas letterboxed, black bars around it."""
        canvas, scale = letterbox(rect)
        vector = self._is_vector(painter)
        if not vector:
            # Whole pixels: a canvas edge half-way through a pixel would leave that column to whatever the
            # target held before (an opaque widget's old frame), so the picture would depend on history.
            canvas = QRectF(canvas.toRect())
        painter.save()
        _fill_bars(painter, rect, canvas)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if scale > 0:
            if vector:
                self._paint_vector(painter, canvas, scale, frame)
            else:
                self._paint_raster(painter, canvas, frame)
        painter.restore()

    def view(self, cue: Cue, winner: str | None = None) -> View:
        """The resolved view of a cue (winner only honoured for cues that name one)."""
        if not cue.names_winner:
            winner = None
        key = (cue.id, winner)
        if key not in self._views:
            self._views[key] = self._resolve(cue, winner)
        return self._views[key]

    def layout_for(self, cue: Cue, winner: str | None = None, now: dt.datetime | None = None) -> Layout:
        """Every text, image and shape a cue shows, placed; the reveal in its final state. For tests and checks."""
        view = self.view(cue, winner)
        if view.motion == "reveal" and view.class_id and view.winner:
            award_class = self.script.award_class(view.class_id)
            assert award_class is not None
            return Layout(S.reveal_end(self.ctx, award_class, view.winner).items)
        if view.motion == "countdown" and view.clock_box is not None:
            slide = self.script.slides[cue.slide_index]
            assert isinstance(slide, CountdownSlide)
            clock = self._clock_item(countdown_text(slide.until, now or dt.datetime.now()), view.clock_box)
            return Layout((*view.layout.items, clock), view.layout.backdrop)
        return view.layout

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

    def prefetch(self, indices: Sequence[int] | range, size: QSize, dpr: float = 1.0) -> None:
        """Start decoding the images of these cues at the size they will be drawn (worker threads)."""
        canvas, scale = letterbox(QRectF(0, 0, size.width() * dpr, size.height() * dpr))
        if scale <= 0:
            return
        for i in indices:
            if not 0 <= i < len(self.cues):
                continue
            cue = self.cues[i]
            winners: list[str | None] = [None]
            if cue.names_winner and cue.class_id:
                award_class = self.script.award_class(cue.class_id)
                if award_class and award_class.winner != "live":
                    winners.append(award_class.winner)
            for winner in winners:
                for item in self._image_items(self.view(cue, winner).layout):
                    self._prefetch_item(item, scale)
        if self.background is not None:
            self.store.prefetch(self.background, round(canvas.width()), round(canvas.height()))
        self._queue_preparation([i for i in indices if 0 <= i < len(self.cues)][:PREPARE_AHEAD], size, dpr)

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
        """Forget every rendered layer (on resize or screen change the stage calls this)."""
        self._layers.clear()
        self._layer_bytes = 0
        self._pinned.clear()
        self._queue.clear()
        self._scratch.clear()
        self.sprites.clear()
        self.sprite_ink.clear()
        self.faded.clear()
        self.outlines.clear()
        self.glow_bases.clear()

    # ---------------------------------------------------------------- preparing ahead
    def _queue_preparation(self, indices: Sequence[int], size: QSize, dpr: float) -> None:
        """Replace the queue with what these cues will need at this size: the queue follows the show."""
        canvas, scale = letterbox(QRectF(0, 0, size.width(), size.height()))
        if scale <= 0:
            return
        snapped = QRectF(canvas.toRect())
        layer = QSize(max(1, round(snapped.width() * dpr)), max(1, round(snapped.height() * dpr)))
        self._queue.clear()
        seen: set[Hashable] = set()

        def add(key: Hashable, work: Callable[[], object]) -> None:
            if key not in seen:
                seen.add(key)
                self._queue.append((key, work))

        for i in indices:
            cue = self.cues[i]
            view = self.view(cue)
            if view.motion != "reveal":
                add(("layer", view.key), functools.partial(self._layer, view.key, layer, None, view.layout))
            if cue.kind == "reveal" and view.class_id:
                self._queue_reveal(add, view.class_id, layer)

    def _queue_reveal(self, add: Callable[[Hashable, Callable[[], object]], None], class_id: str, size: QSize) -> None:
        from ceremony.render import reveal as RV

        award_class = self.script.award_class(class_id)
        if award_class is None:
            return
        scale = size.width() / CANVAS_W
        winner = award_class.winner if award_class.winner != "live" else None

        def nothing(_painter: QPainter) -> None:
            return None

        add(("stage",), lambda: self._layer(("stage",), size, nothing))
        to_device = _canvas_transform(QRect(QPoint(0, 0), size))
        cards = S.card_rects(len(award_class.nominees))
        accent = self.ctx.palette.accent
        for width in OUTLINE_WIDTHS:  # the suspense's pulsing outlines, a pen width at a time (~1 ms each)
            add(
                ("outline", len(cards), width),
                functools.partial(prepare_outlines, self.outlines, to_device, cards, accent, width),
            )
        add(("sprites", class_id), lambda: RV.prepare(self, award_class, scale, winner))
        if size.width() * size.height() >= RV.GLOW_BASE_MIN_PIXELS:
            for step in (1, 2):  # the first two while still: first touching their memory costs ~9 ms each at 4K
                add(
                    ("glow-base", step),
                    functools.partial(self._prepare_glow_base, size, step, to_device),
                )
        if winner is not None:
            add(("settled", class_id), lambda: self._settled_layer(award_class, winner, size))

    # ---------------------------------------------------------------- resolving cues into views
    def _resolve(self, cue: Cue, winner: str | None) -> View:
        ctx = self.ctx
        slide = self.script.slides[cue.slide_index]
        award_class = self.script.award_class(cue.class_id) if cue.class_id else None
        if cue.kind in ("lineup", "reveal") and award_class is not None:
            if winner is not None and winner not in award_class.nominee_ids:
                winner = None
            n = len(award_class.nominees)
            shown = cue.shown if cue.kind == "lineup" and cue.shown is not None else n
            lineup_key = ("lineup", award_class.id, min(shown, n))
            if cue.kind == "lineup" or winner is None or cue.step == "lineup":
                motion = "suspense" if cue.step == "suspense" else None
                return View(lineup_key, S.lineup(ctx, award_class, shown), motion, award_class.id)
            if cue.step == "suspense":
                return View(lineup_key, S.lineup(ctx, award_class, shown), "suspense", award_class.id)
            if cue.step == "reveal":
                return View(("stage",), Layout(), "reveal", award_class.id, winner)
            nominee = award_class.nominee(winner)
            assert nominee is not None
            return View(
                ("winner", award_class.id, winner), S.winner(ctx, award_class, nominee), None, award_class.id, winner
            )
        if cue.kind == "class_intro" and award_class is not None:
            return View(("cue", cue.id), L.class_intro(ctx, award_class))
        if cue.kind == "nominee" and cue.nominee_id:
            found = self.script.find_nominee(cue.nominee_id)
            if found:
                return View(("cue", cue.id), S.nominee(ctx, found[0], found[1]))
        if isinstance(slide, CountdownSlide):
            lay, box = L.countdown(ctx, slide)
            return View(("cue", cue.id), lay, "countdown", clock_box=box)
        if isinstance(slide, TitleSlide):
            return View(("cue", cue.id), L.title(ctx, slide))
        if isinstance(slide, QuoteSlide):
            return View(("cue", cue.id), L.quote(ctx, slide))
        if isinstance(slide, TextSlide):
            return View(("cue", cue.id), L.text(ctx, slide))
        if isinstance(slide, ImageSlide):
            return View(("cue", cue.id), L.image(ctx, slide))
        if cue.kind == "black":
            return View(("black",), L.black())
        return View(("stage",), Layout())

    # ---------------------------------------------------------------- raster path (cached layers)
    def _paint_raster(self, painter: QPainter, canvas: QRectF, frame: Frame) -> None:
        dpr = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        # World transform, not deviceTransform(): inside a child widget the device transform also holds the
        # backing store's offset, which the paint engine applies again after setWorldTransform below.
        dev = (painter.worldTransform() * QTransform.fromScale(dpr, dpr)).mapRect(canvas)
        target = QRect(round(dev.x()), round(dev.y()), max(1, round(dev.width())), max(1, round(dev.height())))
        painter.save()
        painter.setWorldTransform(QTransform.fromScale(1 / dpr, 1 / dpr))
        painter.setClipRect(target)
        self._painting = (target.width(), target.height())
        self._pinned[self._painting] = set()
        try:
            if frame.in_transition and frame.outgoing is not None:
                self._composite(painter, target, frame)
            else:
                self._draw_frame(painter, target, frame)
        finally:
            self._painting = None
        self._overlays(painter, target, frame)
        painter.restore()

    def _draw_frame(self, painter: QPainter, target: QRect, frame: Frame) -> None:
        view = self.view(frame.cue, frame.winner())
        if view.motion == "reveal":
            self._draw_reveal_raster(painter, target, view, frame.t)
            return
        _blit_opaque(painter, target.topLeft(), self._layer(view.key, target.size(), lambda p: None, view.layout))
        if view.motion is not None:
            painter.save()
            painter.setTransform(_canvas_transform(target), True)
            self._draw_motion(painter, view, frame, target.width() / CANVAS_W)
            painter.restore()

    def _draw_reveal_raster(self, painter: QPainter, target: QRect, view: View, t: float) -> None:
        """A cached backdrop (the glow at its step; once the cards rest, the cards too), then what moves."""
        from ceremony.render import reveal as RV

        award_class = self.script.award_class(view.class_id or "")
        winner = view.winner
        size, scale = target.size(), target.width() / CANVAS_W
        t = min(t, REVEAL_ANIMATION)
        settled = RV.settled(t)
        stage: QImage | None = None
        glowing: QImage | None = None
        if award_class is None or winner is None or not settled:
            stage = self._layer(("stage",), size, lambda p: None)
            step = RV.glow_step(t)
            # the stage with the glow at this step, when it was built in the frames before (large frames)
            glowing = RV.glow_base(self, stage, step) if step > 0 else None
            base = stage if glowing is None else glowing
        else:
            base = self._settled_layer(award_class, winner, size)
            self.glow_bases.pop((size.width(), size.height()), None)
            for key, sprite in self.sprites.items():  # the cards rest: their faded copies are not needed
                if key[:2] == ("card", award_class.id):
                    self.faded.pop(sprite.cacheKey(), None)
        _blit_opaque(painter, target.topLeft(), base)
        if award_class is None or winner is None:
            return
        painter.save()
        painter.setTransform(_canvas_transform(target), True)
        if not settled:
            if glowing is None:
                # the glow in GLOW_LEVELS steps, from one sprite: a layer per step would hold 9 frames of memory
                RV.draw_glow_sprite(self, painter, RV.glow_step(t) / RV.GLOW_LEVELS, scale)
            RV.draw_cards(self, painter, award_class, winner, t, scale, False)
        draw_confetti(painter, self.confetti, t)
        RV.draw_titles(self, painter, award_class, t, scale, False)
        painter.restore()
        if stage is not None:
            RV.advance_glow_base(self, stage, t, _canvas_transform(QRect(QPoint(0, 0), size)), FRAME_INTERVAL)

    def _prepare_glow_base(self, size: QSize, step: int, to_device: QTransform) -> None:
        from ceremony.render import reveal as RV

        RV.prepare_glow_base(self, self._layer(("stage",), size, lambda p: None), step, to_device)

    def _settled_layer(self, award_class: AwardClass, winner: str, size: QSize) -> QImage:
        """The reveal once the cards rest and the glow is full: the same picture until the kicker and confetti."""
        from ceremony.render import reveal as RV

        scale = size.width() / CANVAS_W

        def still(p: QPainter) -> None:
            RV.draw_glow_sprite(self, p, 1.0, scale)
            RV.draw_cards(self, p, award_class, winner, REVEAL_ANIMATION, scale, False)

        return self._layer(("reveal-settled", award_class.id, winner), size, still)

    def _draw_motion(self, painter: QPainter, view: View, frame: Frame, scale: float) -> None:
        if view.motion == "countdown" and view.clock_box is not None:
            slide = self.script.slides[frame.cue.slide_index]
            assert isinstance(slide, CountdownSlide)
            self._draw_clock(painter, countdown_text(slide.until, frame.now or dt.datetime.now()), view.clock_box)
        elif view.motion == "suspense" and view.class_id:
            award_class = self.script.award_class(view.class_id)
            if award_class:
                cards = S.card_rects(len(award_class.nominees))
                outlines = None if self._is_vector(painter) else self.outlines
                draw_suspense(painter, cards, self.ctx.palette, frame.t, outlines=outlines)
        elif view.motion == "reveal":
            self._draw_reveal(painter, view, frame.t, scale)

    def _layer(self, key: Hashable, size: QSize, extra: Any, layout: Layout | None = None) -> QImage:
        """The static picture for key at size, drawn once and kept (LRU, bounded in bytes)."""
        cache_key = (key, size.width(), size.height())
        image = self._layers.get(cache_key)
        if image is not None:
            self._layers.move_to_end(cache_key)
            if self._painting:
                self._pinned.setdefault(self._painting, set()).add(cache_key)
            return image
        if self._painting:
            self._pinned.setdefault(self._painting, set()).add(cache_key)
        image = QImage(size, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        _hints(painter)
        painter.setTransform(QTransform.fromScale(size.width() / CANVAS_W, size.height() / CANVAS_H))
        scale = size.width() / CANVAS_W
        if layout is not None:
            self.items.backdrop(painter, layout.backdrop, scale, False)
            self.items.items(painter, layout.items, scale, False)
        else:
            self.items.backdrop(painter, "stage", scale, False)
            extra(painter)
        painter.end()
        self._layers[cache_key] = image
        self._layer_bytes += image.sizeInBytes()
        limit = max(self._layer_limit, LAYERS_AT_ONCE * image.sizeInBytes())
        for old_key in list(self._layers):
            if self._layer_bytes <= limit or len(self._layers) <= 1:
                break
            if old_key == cache_key or any(old_key in keys for keys in self._pinned.values()):
                continue
            self._layer_bytes -= self._layers.pop(old_key).sizeInBytes()
        return image

    def _composite(self, painter: QPainter, target: QRect, frame: Frame) -> None:
        assert frame.outgoing is not None
        size = target.size()
        old = self._frame_image("out", size, frame.outgoing)
        new = self._frame_image("in", size, replace(frame, outgoing=None, progress=1.0))
        p = ease(frame.progress)
        kind = frame.cue.transition.type
        origin = QPointF(target.topLeft())
        if kind == "slide":
            dx = size.width() * p
            painter.drawImage(origin + QPointF(-dx, 0), old)
            painter.drawImage(origin + QPointF(size.width() - dx, 0), new)
            return
        painter.drawImage(origin, old)
        painter.setOpacity(p)
        if kind == "zoom":
            s = lerp(0.92, 1.0, p)
            w, h = size.width() * s, size.height() * s
            painter.drawImage(
                QRectF(origin.x() + (size.width() - w) / 2, origin.y() + (size.height() - h) / 2, w, h), new
            )
        else:
            painter.drawImage(origin, new)
        painter.setOpacity(1.0)

    def _frame_image(self, slot: str, size: QSize, frame: Frame) -> QImage:
        view = self.view(frame.cue, frame.winner())
        if view.motion is None:
            return self._layer(view.key, size, None, view.layout)
        key = (slot, size.width(), size.height())
        image = self._scratch.get(key)
        if image is None:
            image = self._scratch[key] = QImage(size, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        _hints(painter)
        self._draw_frame(painter, QRect(0, 0, size.width(), size.height()), frame)
        painter.end()
        return image

    def _overlays(self, painter: QPainter, target: QRect, frame: Frame) -> None:
        if not frame.rehearsal and frame.blackout == "none":
            return
        painter.save()
        painter.setTransform(_canvas_transform(target), True)
        self._draw_overlays(painter, frame, target.width() / CANVAS_W, False)
        painter.restore()

    def _draw_overlays(self, painter: QPainter, frame: Frame, scale: float, vector: bool) -> None:
        if frame.rehearsal:
            self.items.items(painter, L.rehearsal_mark(self.ctx), scale, vector)
        if frame.blackout != "none" and frame.blackout_level > 0:
            c = QColor("#000000" if frame.blackout == "black" else "#ffffff")
            c.setAlphaF(max(0.0, min(1.0, frame.blackout_level)))
            painter.fillRect(CANVAS, c)

    # ---------------------------------------------------------------- vector path (PDF)
    def plan_pdf(self, frames: Sequence[Frame], rect: QRectF) -> None:
        """Before frames go to a PDF, each painted into rect: the largest size each image is drawn at, so
        each goes into the file once."""
        _, scale = letterbox(rect)
        for frame in frames:
            view = self.view(frame.cue, frame.winner())
            if view.motion != "reveal":  # a reveal goes in as one picture of its own
                self.items.plan_vector(view.layout.items, scale)

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
            picture = QImage(QSize(3840, 2160), QImage.Format.Format_RGB32)
            inner = QPainter(picture)
            self.paint(inner, QRectF(0, 0, 3840, 2160), shown)
            inner.end()
            painter.drawImage(QRectF(0, 0, CANVAS_W, CANVAS_H), picture)
        else:
            self.items.backdrop(painter, view.layout.backdrop, dev_scale, True)
            self.items.items(painter, view.layout.items, dev_scale, True)
            if view.motion is not None:
                self._draw_motion(painter, view, frame, dev_scale)
        self._draw_overlays(painter, frame, dev_scale, True)
        painter.restore()

    @staticmethod
    def _is_vector(painter: QPainter) -> bool:
        engine = painter.paintEngine()
        if engine is not None and engine.type() in _VECTOR_ENGINES:
            return True
        t = painter.deviceTransform()
        return abs(t.m12()) > 1e-9 or abs(t.m21()) > 1e-9 or t.m11() <= 0 or t.m22() <= 0

    # ---------------------------------------------------------------- moving parts
    def _draw_reveal(self, painter: QPainter, view: View, t: float, scale: float = 1.0, vector: bool = False) -> None:
        from ceremony.render.reveal import draw_reveal

        award_class = self.script.award_class(view.class_id or "")
        if award_class is None or view.winner is None:
            return
        draw_reveal(self, painter, award_class, view.winner, t, scale, vector)

    def _clock_item(self, text: str, box: Rect) -> TextItem:
        style = TextStyle(280, 280, 300, self.ctx.palette.text, role="display", max_lines=1, line_height=1.0)
        return place("clock", text, box, style, self.ctx.family, self.ctx.palette.backdrop, "center")

    def _draw_clock(self, painter: QPainter, text: str, box: Rect) -> None:
        """Digits in fixed cells, so the clock does not jitter as they change."""
        item = self._clock_item(text, box)
        font = make_font(item.family, item.px, item.weight)
        metrics = QFontMetricsF(font)
        cell = max(metrics.horizontalAdvance(d) for d in "0123456789")
        colon = metrics.horizontalAdvance(":") + item.px * 0.08
        widths = [colon if ch == ":" else cell for ch in text]
        x = box[0] + (box[2] - sum(widths)) / 2
        painter.setFont(font)
        for ch, w in zip(text, widths, strict=True):
            single = replace(item, text=ch, lines=(ch,), rect=(x, box[1], w, box[3]))
            draw_text(painter, single)
            x += w

    def _image_items(self, layout: Layout) -> list[ImageItem]:
        return [i for i in layout.items if isinstance(i, ImageItem)]

    def _prefetch_item(self, item: ImageItem, scale: float) -> None:
        if item.path is None:
            return
        natural = self.store.natural(item.path, item.view_box)
        if natural is None:
            return
        from ceremony.render.images import fit_size

        fitted = fit_size(natural, item.rect[2] * 1000, item.rect[3] * 1000)
        w, h = fitted.width() / 1000.0 * scale, fitted.height() / 1000.0 * scale
        self.store.prefetch(item.path, max(1, round(w)), max(1, round(h)), item.view_box)

    def _backdrop_colour(self) -> str:
        """The lightest colour of the stage background: text over the stage is held against it."""
        base = self.script.theme.background
        if self.background is None:
            return base
        try:
            key = (str(self.background), self.background.stat().st_mtime_ns, base)
        except OSError:
            return base
        if key not in _BACKDROP_CACHE:
            _BACKDROP_CACHE[key] = _lightest(self.background, base)
        return _BACKDROP_CACHE[key]


_BACKDROP_CACHE: dict[tuple[str, int, str], str] = {}


def _lightest(background: Path, base: str) -> str:
    """Scan the background, composited on the base colour, for its lightest pixel (bytes, not pixelColor:
    a reload or a start-up must not spend a fifth of a second here)."""
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
        if lums[i] > _lum(best) * 255:
            best = QColor(data[4 * i + 2], data[4 * i + 1], data[4 * i])
    return mix(best.name(), "#ffffff", 0.01)


def _blit_opaque(painter: QPainter, at: QPoint, image: QImage) -> None:
    """An opaque layer replaces what is under it: Source skips reading the destination."""
    mode = painter.compositionMode()
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
    painter.drawImage(at, image)
    painter.setCompositionMode(mode)


def _lum(c: QColor) -> float:
    return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF()


def _hints(painter: QPainter) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)


def _canvas_transform(target: QRect) -> QTransform:
    s = target.width() / CANVAS_W
    t = QTransform()
    t.translate(target.x(), target.y())
    t.scale(s, target.height() / CANVAS_H)
    return t


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
