"""Drawing the reveal step: the winner's card travels to the centre and grows, the others step back.

Cards are drawn once into sprites at the device size they reach at most, then
placed per frame with a transform: a frame costs a few image blits, not a relayout.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QImage, QPainter, QRadialGradient, QTransform

from ceremony.render import show_layout as S
from ceremony.render.draw import color
from ceremony.render.geometry import CANVAS_W
from ceremony.render.items import Item, offset
from ceremony.render.motion import draw_confetti, glow_level, ink_rect
from ceremony.render.text import draw_text
from ceremony.script.model import AwardClass

if TYPE_CHECKING:
    from ceremony.render.renderer import Renderer

_SPRITE_LIMIT = 64


def _sprite(renderer: Renderer, key: tuple[object, ...], w: float, h: float, scale: float, items: list[Item]) -> QImage:
    sprites = renderer.sprites
    full = (*key, round(scale * 1000))
    image = sprites.get(full)
    if image is None:
        if len(sprites) >= _SPRITE_LIMIT:
            sprites.pop(next(iter(sprites)))
        image = QImage(max(1, round(w * scale)), max(1, round(h * scale)), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.scale(scale, scale)
        renderer.items.items(p, items, scale, False)
        p.end()
        sprites[full] = image
    return image


def _card(renderer: Renderer, award_class: AwardClass, i: int, width: float, gold: bool) -> list[Item]:
    key = ("card-items", award_class.id, i, gold)
    cards = renderer.card_items
    if key not in cards:
        cards[key] = S.card_items(renderer.ctx, award_class.nominees[i], i, width, winner=gold)
    return cards[key]


def draw_reveal(
    renderer: Renderer, painter: QPainter, award_class: AwardClass, winner: str, t: float, scale: float, vector: bool
) -> None:
    """The whole reveal at t over the backdrop (PDF, and the cached layers of the raster path)."""
    if vector:
        draw_glow(painter, renderer.ctx.palette.accent, glow_level(t))
    draw_cards(renderer, painter, award_class, winner, t, scale, vector)
    draw_confetti(painter, renderer.confetti, t)
    draw_titles(renderer, painter, award_class, t, scale, vector)


def draw_cards(
    renderer: Renderer, painter: QPainter, award_class: AwardClass, winner: str, t: float, scale: float, vector: bool
) -> None:
    """The cards at their poses: the winner last, on top."""
    n = len(award_class.nominees)
    w_index = award_class.nominee_ids.index(winner)
    width = S.card_width(n)
    poses = S.reveal_poses(n, w_index, t)
    still = S.reveal_progress(t) >= 1.0
    order = [i for i in range(n) if i != w_index] + [w_index]
    for i in order:
        pose = poses[i]
        is_winner = i == w_index
        # the winner's card turns gold-bordered as it arrives
        gold = is_winner and t >= 1.0
        items = _card(renderer, award_class, i, width, gold)
        target = QRectF(
            pose.cx - width * pose.scale / 2,
            pose.cy - S.CARD_H * pose.scale / 2,
            width * pose.scale,
            S.CARD_H * pose.scale,
        )
        if vector:
            painter.setOpacity(pose.opacity)
            painter.save()
            painter.translate(target.topLeft())
            painter.scale(pose.scale, pose.scale)
            renderer.items.items(painter, items, scale * pose.scale, True)
            painter.restore()
            painter.setOpacity(1.0)
            continue
        top = S.WINNER_SCALE if is_winner else 1.0
        image = _sprite(renderer, ("card", award_class.id, i, gold), width, S.CARD_H, scale * top, items)
        # bilinear filtering only once the card is still: moving, nobody sees the difference
        _draw_scaled(renderer, painter, image, target, pose.opacity, smooth=still, steady=t >= S.DIM_END)


def draw_titles(
    renderer: Renderer, painter: QPainter, award_class: AwardClass, t: float, scale: float, vector: bool
) -> None:
    """The class header fading out and the winner kicker fading in (raster: from sprites)."""
    ctx = renderer.ctx
    header = S.header_opacity(t)
    if header > 0:
        head_items = S.lineup_header(ctx, award_class)
        if vector:
            renderer.items.items(painter, head_items, scale, True, header)
        else:
            _text_sprite(renderer, painter, ("header", award_class.id), head_items, scale, header)
    kicker = S.winner_kicker_opacity(t)
    if kicker > 0:
        if vector:
            draw_text(painter, S.winner_kicker(ctx), kicker)
        else:
            _text_sprite(renderer, painter, ("kicker",), [S.winner_kicker(ctx)], scale, kicker)


def _text_sprite(
    renderer: Renderer, painter: QPainter, key: tuple[object, ...], items: list[Item], scale: float, opacity: float
) -> None:
    """Full-width text drawn once into a sprite and blended per frame (large glyphs are slow to draw at 4K).

    Only the sprite's inked part is blended: the rest is transparent, and blending it changes no pixel."""
    top = min(i.rect[1] for i in items)
    bottom = max(i.rect[1] + i.rect[3] for i in items)
    local = [offset(i, 0.0, -top) for i in items]
    image = _sprite(renderer, key, CANVAS_W, bottom - top, scale, local)
    target = QRectF(0.0, top, CANVAS_W, bottom - top)
    _draw_scaled(renderer, painter, image, target, opacity, smooth=True, crop=_ink(renderer, image))


def _ink(renderer: Renderer, image: QImage) -> QRect:
    """The smallest rectangle holding every pixel of image that is not fully transparent (kept)."""
    key = image.cacheKey()
    ink = renderer.sprite_ink.get(key)
    if ink is None:
        ink = renderer.sprite_ink[key] = ink_rect(image)
    return ink


def _draw_scaled(
    renderer: Renderer,
    painter: QPainter,
    image: QImage,
    target: QRectF,
    opacity: float,
    *,
    smooth: bool,
    steady: bool = False,
    crop: QRect | None = None,
) -> None:
    """Draw a sprite into target (canvas units) with opacity, through Qt's fast paths.

    A sprite already at its device size is blitted at a whole device pixel. A scaled one with opacity
    below 1 goes at a whole device pixel too, at its rounded device size: Qt's scaled drawImage with a
    constant alpha is several times slower than a plain scale plus an unscaled blend. Still (smooth),
    its bilinear scale is kept, as the same one comes every frame. Moving while its opacity changes, it
    is scaled (nearest) and blended in one pass by a texture fill. Moving at a steady opacity (a loser
    card from t = 1 s), it is faded once and drawn by Qt's nearest-pixel scaler like an opaque card: a
    third cheaper.
    crop: the part of a sprite at its device size to blit (the rest transparent); empty: nothing to draw.
    """
    if opacity <= 0.0:
        return
    dev = painter.transform().mapRect(target)
    w, h = round(dev.width()), round(dev.height())
    exact = abs(dev.width() - image.width()) < 0.5 and abs(dev.height() - image.height()) < 0.5
    if exact or opacity < 1.0:
        at = QPoint(round(dev.x()), round(dev.y()))
        painter.save()
        painter.resetTransform()
        painter.setOpacity(opacity)
        # unscaled at a whole pixel, filtering changes nothing; with it on, Qt leaves its SIMD blend for a
        # per-pixel texture fill that it hands to its thread pool in bands
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        if exact:
            part = QRect(0, 0, w, h) if crop is None else crop
            if not part.isEmpty():
                painter.drawImage(at + part.topLeft(), image, part)
        elif smooth:
            painter.drawImage(at, _smooth_scaled(renderer, image, w, h))
        elif steady:
            painter.setOpacity(1.0)
            painter.drawImage(QRectF(at.x(), at.y(), w, h), _faded(renderer, image, opacity))
        else:
            # the same pixels as scaling into a scratch image (nearest) and blending that, in one pass; in
            # bands of rows, as Qt hands a fill of more rows to its thread pool (slower when cores are busy)
            brush = QBrush(image)
            brush.setTransform(QTransform(w / image.width(), 0.0, 0.0, h / image.height(), at.x(), at.y()))
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            for y in range(at.y(), at.y() + h, _BAND):
                painter.fillRect(QRect(at.x(), y, w, min(_BAND, at.y() + h - y)), brush)
        painter.restore()
        return
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
    painter.drawImage(target, image)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)


_BAND = 64
"""Rows per fill: Qt's raster engine splits a span fill of 96 rows or more over its thread pool."""


def _faded(renderer: Renderer, image: QImage, opacity: float) -> QImage:
    """image at opacity (premultiplied): one buffer per sprite, refaded only when the opacity changes."""
    kept = renderer.faded.get(image.cacheKey())
    if kept is not None and kept[0] == opacity:
        return kept[1]
    faded = kept[1] if kept is not None else QImage(image.size(), QImage.Format.Format_ARGB32_Premultiplied)
    faded.fill(Qt.GlobalColor.transparent)
    p = QPainter(faded)
    p.setOpacity(opacity)  # over transparent: each pixel times the constant alpha, as a faded blit would
    p.drawImage(0, 0, image)
    p.end()
    renderer.faded[image.cacheKey()] = (opacity, faded)
    return faded


def _smooth_scaled(renderer: Renderer, image: QImage, w: int, h: int) -> QImage:
    """image scaled to w x h with bilinear filtering, kept: a card at rest is drawn at the same size every frame."""
    key = ("smooth", image.cacheKey(), w, h)
    scaled = renderer.sprites.get(key)
    if scaled is None:
        if len(renderer.sprites) >= _SPRITE_LIMIT:
            renderer.sprites.pop(next(iter(renderer.sprites)))
        scaled = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        p = QPainter(scaled)
        p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.drawImage(QRectF(0, 0, w, h), image)
        p.end()
        renderer.sprites[key] = scaled
    return scaled


def prepare(renderer: Renderer, award_class: AwardClass, scale: float, winner: str | None = None) -> None:
    """Draw the card and title sprites the reveal needs at this scale: for every nominee while the winner is open."""
    n = len(award_class.nominees)
    width = S.card_width(n)
    for i in range(n):
        variants: tuple[tuple[bool, bool], ...]
        if winner is None:
            variants = ((False, False), (True, False), (True, True))
        elif award_class.nominee_ids[i] == winner:
            variants = ((True, False), (True, True))
        else:
            variants = ((False, False),)
        for is_winner, gold in variants:
            top = S.WINNER_SCALE if is_winner else 1.0
            items = _card(renderer, award_class, i, width, gold)
            key: tuple[object, ...] = ("card", award_class.id, i, gold)
            image = _sprite(renderer, key, width, S.CARD_H, scale * top, items)
            if not is_winner and n > 1:  # faded as it moves from t = DIM_END (a winner's card never is)
                w_index = 1 if i == 0 else 0
                _faded(renderer, image, S.reveal_poses(n, w_index, S.DIM_END)[i].opacity)
    heads: list[tuple[tuple[object, ...], list[Item]]] = [
        (("header", award_class.id), list(S.lineup_header(renderer.ctx, award_class))),
        (("kicker",), [S.winner_kicker(renderer.ctx)]),
    ]
    for head_key, items in heads:
        top = min(i.rect[1] for i in items)
        bottom = max(i.rect[1] + i.rect[3] for i in items)
        _ink(
            renderer, _sprite(renderer, head_key, CANVAS_W, bottom - top, scale, [offset(i, 0.0, -top) for i in items])
        )


GLOW_LEVELS = 8


def glow_step(t: float) -> int:
    """The glow's intensity quantised to GLOW_LEVELS steps, so each step's backdrop can be cached."""
    return round(glow_level(t) * GLOW_LEVELS)


@functools.cache
def glow_step_start(step: int) -> float:
    """The first t at which glow_step(t) reaches step (glow_level rises from t = 0.9 to 1.9)."""
    lo, hi = 0.9, 1.9
    for _ in range(60):
        mid = (lo + hi) / 2
        if glow_step(mid) >= step:
            hi = mid
        else:
            lo = mid
    return hi


def settled(t: float) -> bool:
    """From here on the cards rest, the glow is full and the header gone: all of it can be one cached layer."""
    return t >= 1.0 and S.reveal_progress(t) >= 1.0 and glow_step(t) == GLOW_LEVELS and S.header_opacity(t) <= 0.0


_GLOW_BOX = QRectF(S.WINNER_CENTRE[0] - 720.0, 0.0, 1440.0, 1080.0)
"""Where the glow has any light on the canvas (its circle, cut to the canvas)."""


def draw_glow_sprite(renderer: Renderer, painter: QPainter, level: float, scale: float) -> None:
    """The glow at level, from one sprite at device size drawn once (the gradient costs some 50 ms at 4K)."""
    if level <= 0:
        return
    res = scale
    key = ("glow", round(res * 1000))
    image = renderer.sprites.get(key)
    if image is None:
        image = QImage(
            round(_GLOW_BOX.width() * res), round(_GLOW_BOX.height() * res), QImage.Format.Format_ARGB32_Premultiplied
        )
        image.fill(Qt.GlobalColor.transparent)
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.scale(res, res)
        p.translate(-_GLOW_BOX.x(), -_GLOW_BOX.y())
        draw_glow(p, renderer.ctx.palette.accent, 1.0)
        p.end()
        renderer.sprites[key] = image
    _draw_scaled(renderer, painter, image, _GLOW_BOX, level, smooth=True)


def draw_glow(painter: QPainter, accent: str, level: float) -> None:
    """A warm light behind the winner's final place."""
    if level <= 0:
        return
    cx, cy = S.WINNER_CENTRE
    r = 720.0
    grad = QRadialGradient(QPointF(cx, cy), r)
    grad.setColorAt(0.0, color(accent, 0.30 * level))
    grad.setColorAt(0.4, color(accent, 0.10 * level))
    grad.setColorAt(1.0, color(accent, 0.0))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(grad))
    painter.drawEllipse(QPointF(cx, cy), r, r)
    painter.setBrush(Qt.BrushStyle.NoBrush)


GLOW_BASE_MIN_PIXELS = 2 * 1920 * 1080
"""Frames at least this large get the stage with the glow at its step built ahead (see advance_glow_base).

At 3840x2160 the stage blit plus the glow's blend is ~7 ms of a frame, a built base one ~3.5 ms blit; the
two bases cost two frames of memory while the glow fades in. At 1920x1080 the blend is ~1 ms: not worth it."""
GLOW_BASE_LEAD = 0.25
"""Seconds before the glow's first step that building its base begins (spread thin over those frames)."""


@dataclass
class GlowBase:
    """A frame-sized image: the stage layer with the glow at step blended over it, rows [0, rows) done."""

    image: QImage
    stage: int
    """The cacheKey of the stage layer it is built from."""
    step: int = 0
    rows: int = 0

    def ready(self, stage: QImage, step: int) -> bool:
        return self.step == step and self.stage == stage.cacheKey() and self.rows >= self.image.height()


def glow_base(renderer: Renderer, stage: QImage, step: int) -> QImage | None:
    """The stage with the glow at step over it, if advance_glow_base has finished building it."""
    for base in renderer.glow_bases.get((stage.width(), stage.height()), ()):
        if base.ready(stage, step):
            return base.image
    return None


def advance_glow_base(renderer: Renderer, stage: QImage, t: float, to_device: QTransform, frame: float) -> None:
    """Build a band of rows of the next glow step's base, so that it is done by the last frame before that step.

    Called after each raster reveal frame (t, at most every frame seconds) that is not settled. The stage
    then blits the base instead of blitting the stage and blending the glow over it: the same pixels, as
    the base is built with the same two draws. Two bases per size: the one shown and the one being built.
    """
    step = glow_step(t) + 1
    if stage.width() * stage.height() < GLOW_BASE_MIN_PIXELS or step >= GLOW_LEVELS:  # the last only shows settled
        return
    start = glow_step_start(step)
    if start - t > GLOW_BASE_LEAD:
        return
    base = _base_for(renderer, stage, step)
    if base is None:
        return
    left = stage.height() - base.rows
    if left > 0:
        # the frames before the step shows, this one included (one due less than a quarter frame before it is
        # not counted: a late frame would find the base unfinished), so the work is spread evenly over them
        frames = max(1, math.ceil((start - t) / frame - 0.25))
        _build(renderer, base, stage, min(left, math.ceil(left / frames)), to_device)


def prepare_glow_base(renderer: Renderer, stage: QImage, step: int, to_device: QTransform) -> None:
    """Build the base of an early glow step whole, ahead of the reveal (the stage prepares it while still).

    Besides the blend it saves, it takes the page faults of first touching the base's memory (some 9 ms for a
    3840x2160 image) out of the animation."""
    if stage.width() * stage.height() < GLOW_BASE_MIN_PIXELS or not 0 < step < GLOW_LEVELS:
        return
    base = _base_for(renderer, stage, step)
    if base is not None:
        _build(renderer, base, stage, stage.height() - base.rows, to_device)


def _base_for(renderer: Renderer, stage: QImage, step: int) -> GlowBase | None:
    """The base to build step in: the one already on it, else one not shown at the step before, else a new one."""
    w, h = stage.width(), stage.height()
    bases = renderer.glow_bases.setdefault((w, h), [])
    key = stage.cacheKey()
    base = next((b for b in bases if b.step == step and b.stage == key), None)
    if base is None:
        base = next((b for b in bases if not b.ready(stage, step - 1)), None)
        if base is None:
            if len(bases) >= 2:
                return None
            base = GlowBase(QImage(w, h, QImage.Format.Format_RGB32), key)
            bases.append(base)
        base.stage, base.step, base.rows = key, step, 0
    return base


def _build(renderer: Renderer, base: GlowBase, stage: QImage, rows: int, to_device: QTransform) -> None:
    """The next rows of base: the stage copied, the glow at base.step blended over it (as a frame draws them)."""
    if rows <= 0:
        return
    band = QRect(0, base.rows, stage.width(), rows)
    p = QPainter(base.image)
    p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
    p.drawImage(band.topLeft(), stage, band)
    p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
    p.setClipRect(band)
    p.setTransform(to_device)
    draw_glow_sprite(renderer, p, base.step / GLOW_LEVELS, to_device.m11())
    p.end()
    base.rows += rows
