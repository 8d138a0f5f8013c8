"""Drawing the reveal step: the winner's card travels to the centre and grows, the others step back.

Cards are drawn once into sprites at the device size they reach at most, then
placed per frame with a transform: a frame costs a few image blits, not a relayout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QImage, QPainter, QRadialGradient

from ceremony.render import show_layout as S
from ceremony.render.draw import color
from ceremony.render.geometry import CANVAS_W
from ceremony.render.items import Item, offset
from ceremony.render.motion import draw_confetti, glow_level
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
    ctx = renderer.ctx
    n = len(award_class.nominees)
    w_index = award_class.nominee_ids.index(winner)
    width = S.card_width(n)
    poses = S.reveal_poses(n, w_index, t)
    poses[w_index]

    if vector:
        draw_glow(painter, ctx.palette.accent, glow_level(t))

    order = [i for i in range(n) if i != w_index] + [w_index]
    for i in order:
        pose = poses[i]
        is_winner = i == w_index
        # the winner's card turns gold-bordered as it arrives
        items = _card(renderer, award_class, i, width, is_winner and t >= 1.0)
        target = QRectF(
            pose.cx - width * pose.scale / 2,
            pose.cy - S.CARD_H * pose.scale / 2,
            width * pose.scale,
            S.CARD_H * pose.scale,
        )
        painter.setOpacity(pose.opacity)
        if vector:
            painter.save()
            painter.translate(target.topLeft())
            painter.scale(pose.scale, pose.scale)
            renderer.items.items(painter, items, scale * pose.scale, True)
            painter.restore()
        else:
            top = S.WINNER_SCALE if is_winner else 1.0
            key = ("card", award_class.id, i, is_winner and t >= 1.0)
            image = _sprite(renderer, key, width, S.CARD_H, scale * top, items)
            # bilinear filtering only once the card is still: moving, nobody sees the difference
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, S.reveal_progress(t) >= 1.0)
            painter.drawImage(target, image)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.setOpacity(1.0)

    draw_confetti(painter, renderer.confetti, t)

    header = S.header_opacity(t)
    if header > 0:
        head_items = S.lineup_header(ctx, award_class)
        if vector:
            renderer.items.items(painter, head_items, scale, True, header)
        else:
            top = min(i.rect[1] for i in head_items)
            bottom = max(i.rect[1] + i.rect[3] for i in head_items)
            local = [offset(i, 0.0, -top) for i in head_items]
            image = _sprite(renderer, ("header", award_class.id), CANVAS_W, bottom - top, scale, local)
            painter.setOpacity(header)
            painter.drawImage(QRectF(0.0, top, CANVAS_W, bottom - top), image)
            painter.setOpacity(1.0)
    kicker = S.winner_kicker_opacity(t)
    if kicker > 0:
        draw_text(painter, S.winner_kicker(ctx), kicker)


GLOW_LEVELS = 8


def glow_step(t: float) -> int:
    """The glow's intensity quantised to GLOW_LEVELS steps, so each step's backdrop can be cached."""
    return round(glow_level(t) * GLOW_LEVELS)


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
