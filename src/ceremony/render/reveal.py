"""The reveal on a raster target: the suspense's pulsing cards, then the winner's card travelling to the centre.

RevealPainter owns everything the reveal draws from (card and title sprites, their faded copies, the
glow, the stage-plus-glow bases, the suspense's outline pieces, the confetti) and says what to draw ahead
(preparation) so that no frame of the animation draws a card or a glyph. The layers it draws over (the
bare stage, the settled reveal) are the renderer's Layers, handed to it. A vector target (PDF) gets the
reveal as a 4K picture from this same painter.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Hashable

from PySide6.QtCore import QPoint, QRect, QRectF, QSize
from PySide6.QtGui import QImage, QPainter

from ceremony.render import show_layout as S
from ceremony.render.draw import ItemPainter, blit_opaque
from ceremony.render.frame import FRAME_INTERVAL
from ceremony.render.geometry import CANVAS_W, canvas_transform
from ceremony.render.glow import GLOW_LEVELS, GlowBases, draw_glow_sprite, glow_step
from ceremony.render.items import Item, offset
from ceremony.render.layers import Layers
from ceremony.render.motion import draw_confetti, make_confetti
from ceremony.render.sprites import Sprite, Sprites
from ceremony.render.style import Ctx
from ceremony.render.suspense import OUTLINE_WIDTHS, draw_suspense, new_outlines, prepare_outlines
from ceremony.script.model import AwardClass
from ceremony.show.cues import REVEAL_ANIMATION

Work = tuple[Hashable, Callable[[], object]]
"""A piece of drawing ahead: a key (the queue runs each key once) and the work."""


def settled(t: float) -> bool:
    """From here on the cards rest, the glow is full and the header gone: all of it can be one cached layer."""
    return t >= 1.0 and S.reveal_progress(t) >= 1.0 and glow_step(t) == GLOW_LEVELS and S.header_opacity(t) <= 0.0


class RevealPainter:
    """Draws the suspense and the reveal step from sprites and layers it prepares ahead."""

    def __init__(self, ctx: Ctx, items: ItemPainter, layers: Layers) -> None:
        self.ctx = ctx
        self.layers = layers
        self.sprites = Sprites(items)
        self.glow = GlowBases(self.sprites, ctx.palette.accent)
        self.outlines = new_outlines()
        """The suspense's pulsing card outlines in pieces, by pen width and placement."""
        self.confetti = make_confetti(ctx.palette)
        self._layouts: dict[tuple[object, ...], list[Item]] = {}
        """Card and title layouts by (what, class, nominee, gold): placed once, drawn into sprites at any size."""

    def clear(self) -> None:
        """Forget every picture (on resize or screen change)."""
        self.sprites.clear()
        self.glow.bases.clear()
        self.outlines.clear()

    def let_go(self, keep: Collection[str]) -> int:
        """Drop the card and header sprites of every class not in keep, with their faded and smoothly scaled
        copies; the bytes let go. A class's sprites are ~10-17 MB at 1920x1080: kept after its reveal,
        every reveal of the evening added to the peak."""
        mine = {"card", "header"}
        gone = {s.image.cacheKey() for key, s in self.sprites.cache.items() if key[0] in mine and key[1] not in keep}
        freed = self.sprites.cache.drop(
            lambda key: (key[0] in mine and key[1] not in keep) or (key[0] == "smooth" and key[1] in gone)
        )
        return freed + self.sprites.faded.drop(lambda key: key in gone)

    # ---------------------------------------------------------------- the suspense
    def suspense(self, painter: QPainter, award_class: AwardClass, t: float, *, raster: bool) -> None:
        """The line-up's cards pulsing (over the line-up layer); a raster target draws outlines from pieces."""
        cards = S.card_rects(len(award_class.nominees))
        draw_suspense(painter, cards, self.ctx.palette, t, outlines=self.outlines if raster else None)

    # ---------------------------------------------------------------- drawing ahead
    def preparation(self, award_class: AwardClass, size: QSize) -> list[Work]:
        """What the suspense and reveal of award_class will draw from at size, as queued work (~1-10 ms each)."""
        scale = size.width() / CANVAS_W
        winner = award_class.winner if award_class.winner != "live" else None
        to_device = canvas_transform(QRect(QPoint(0, 0), size))
        cards = S.card_rects(len(award_class.nominees))
        accent = self.ctx.palette.accent
        work: list[Work] = [(("backdrop",), lambda: self.layers.backdrop(size))]
        for width in OUTLINE_WIDTHS:  # the suspense's pulsing outlines, a pen width at a time (~1 ms each)
            prepare = functools.partial(prepare_outlines, self.outlines, to_device, cards, accent, width)
            work.append((("outline", len(cards), width), prepare))
        work.append((("sprites", award_class.id), lambda: self.prepare_sprites(award_class, scale, winner)))
        if self.glow.worth_it(size.width(), size.height()):
            for step in (1, 2):  # the first two while still: first touching their memory costs ~9 ms each at 4K
                work.append((("glow-base", step), functools.partial(self._prepare_glow_base, size, step)))
        if winner is not None:
            work.append((("settled", award_class.id), lambda: self._settled_layer(award_class, winner, size)))
        return work

    def prepare_sprites(self, award_class: AwardClass, scale: float, winner: str | None = None) -> None:
        """The card and title sprites the reveal needs at scale: every nominee's while the winner is open."""
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
                sprite = self._card_sprite(award_class, i, width, gold, scale * (S.WINNER_SCALE if is_winner else 1))
                if not is_winner and n > 1:  # faded as it moves from t = DIM_END (a winner's card never is)
                    w_index = 1 if i == 0 else 0
                    self.sprites.fade(sprite.image, S.reveal_poses(n, w_index, S.DIM_END)[i].opacity)
        for key, items in self._titles(award_class):
            _, height, local = _band(items)
            self.sprites.of_items(key, CANVAS_W, height, scale, local, inked=True)

    def _prepare_glow_base(self, size: QSize, step: int) -> None:
        stage = self.layers.backdrop(size)
        self.glow.prepare(stage, step, canvas_transform(QRect(QPoint(0, 0), size)))

    # ---------------------------------------------------------------- the reveal step
    def paint(
        self, painter: QPainter, target: QRect, award_class: AwardClass | None, winner: str | None, t: float
    ) -> None:
        """The reveal at t into target (device pixels): a kept backdrop, then what moves.

        The backdrop is the stage, or the stage with the glow at its step when that was built in the frames
        before (large frames); once the cards rest, the settled layer with the cards on it."""
        size, scale = target.size(), target.width() / CANVAS_W
        t = min(t, REVEAL_ANIMATION)
        if len(self.outlines):  # the suspense's pulsing outlines (~2 MB at 1080p) are over; the next class's
            self.outlines.clear()  # line-up draws its own ahead
        still = award_class is not None and winner is not None and settled(t)
        stage: QImage | None = None
        glowing: QImage | None = None
        if award_class is not None and winner is not None and still:
            base = self._settled_layer(award_class, winner, size)
            self._rest(award_class, size)
        else:
            if award_class is not None and winner is not None:  # its settled picture, drawn ahead, stays
                self.layers.keep(_settled_key(award_class, winner), size)
            stage = self.layers.backdrop(size)
            step = glow_step(t)
            glowing = self.glow.ready(stage, step) if step > 0 else None
            base = stage if glowing is None else glowing
        blit_opaque(painter, target.topLeft(), base)
        if award_class is None or winner is None:
            return
        painter.save()
        painter.setTransform(canvas_transform(target), True)
        if not still:
            if glowing is None:
                # the glow in GLOW_LEVELS steps, from one sprite: a layer per step would hold 9 frames of memory
                draw_glow_sprite(self.sprites, self.ctx.palette.accent, painter, glow_step(t) / GLOW_LEVELS, scale)
            self._cards(painter, award_class, winner, t, scale)
        draw_confetti(painter, self.confetti, t)
        self._draw_titles(painter, award_class, t, scale)
        painter.restore()
        if stage is not None:
            self.glow.advance(stage, t, canvas_transform(QRect(QPoint(0, 0), size)), FRAME_INTERVAL)

    def _rest(self, award_class: AwardClass, size: QSize) -> None:
        """The cards rest in the settled layer: the glow bases, the glow's sprite and the cards' faded and
        smoothly scaled copies are not needed (6-8 MB at 1080p, at the evening's peak: issue 18). Drawn again
        only if the settled layer is (then at its own size)."""
        self.glow.drop(size.width(), size.height())
        cards = set()
        for key, sprite in self.sprites.cache.items():
            if key[:2] == ("card", award_class.id):
                self.sprites.faded.pop(sprite.image.cacheKey())
                cards.add(sprite.image.cacheKey())
        self.sprites.cache.drop(lambda key: key[0] == "glow" or (key[0] == "smooth" and key[1] in cards))

    def _settled_layer(self, award_class: AwardClass, winner: str, size: QSize) -> QImage:
        """The reveal once the cards rest and the glow is full: the same picture until the kicker and confetti."""
        scale = size.width() / CANVAS_W

        def still(p: QPainter) -> None:
            draw_glow_sprite(self.sprites, self.ctx.palette.accent, p, 1.0, scale)
            self._cards(p, award_class, winner, REVEAL_ANIMATION, scale)

        return self.layers.drawn(_settled_key(award_class, winner), size, still)

    def _cards(self, painter: QPainter, award_class: AwardClass, winner: str, t: float, scale: float) -> None:
        """The cards at their poses, the winner last (on top); it turns gold-bordered as it arrives."""
        n = len(award_class.nominees)
        w_index = award_class.nominee_ids.index(winner)
        width = S.card_width(n)
        poses = S.reveal_poses(n, w_index, t)
        still = S.reveal_progress(t) >= 1.0
        for i in [i for i in range(n) if i != w_index] + [w_index]:
            pose, is_winner = poses[i], i == w_index
            top = S.WINNER_SCALE if is_winner else 1.0
            sprite = self._card_sprite(award_class, i, width, is_winner and t >= 1.0, scale * top)
            w, h = width * pose.scale, S.CARD_H * pose.scale
            target = QRectF(pose.cx - w / 2, pose.cy - h / 2, w, h)
            # bilinear filtering only once the card is still: moving, nobody sees the difference
            self.sprites.place(painter, sprite, target, pose.opacity, smooth=still, steady=t >= S.DIM_END)

    def _draw_titles(self, painter: QPainter, award_class: AwardClass, t: float, scale: float) -> None:
        """The class header fading out and the winner kicker fading in, from sprites of their inked part
        (large glyphs are slow to draw at 4K; blending the transparent rest would change no pixel)."""
        for (key, items), opacity in zip(
            self._titles(award_class), (S.header_opacity(t), S.winner_kicker_opacity(t)), strict=True
        ):
            if opacity > 0:
                top, height, local = _band(items)
                sprite = self.sprites.of_items(key, CANVAS_W, height, scale, local, inked=True)
                self.sprites.place(painter, sprite, QRectF(0.0, top, CANVAS_W, height), opacity, smooth=True)

    def _card_sprite(self, award_class: AwardClass, i: int, width: float, gold: bool, scale: float) -> Sprite:
        key = ("card-items", award_class.id, i, gold)
        items = self._layouts.get(key)
        if items is None:
            lines = S.card_name_lines(self.ctx, award_class, width)
            nominee = award_class.nominees[i]
            items = self._layouts[key] = S.card_items(self.ctx, nominee, i, width, winner=gold, name_lines=lines)
        return self.sprites.of_items(("card", award_class.id, i, gold), width, S.CARD_H, scale, items)

    def _titles(self, award_class: AwardClass) -> list[tuple[tuple[object, ...], list[Item]]]:
        """The class header and the winner kicker: each sprite's key and items."""
        key = ("titles", award_class.id)
        if key not in self._layouts:
            self._layouts[key] = list(S.lineup_header(self.ctx, award_class))
            self._layouts[("kicker", award_class.id)] = [S.winner_kicker(self.ctx, award_class)]
        kicker = ("kicker", award_class.id)
        return [(("header", award_class.id), self._layouts[key]), (kicker, self._layouts[kicker])]


def _settled_key(award_class: AwardClass, winner: str) -> tuple[str, str, str]:
    return ("reveal-settled", award_class.id, winner)


def _band(items: list[Item]) -> tuple[float, float, list[Item]]:
    """Full-width items as a band: its top, its height, and the items moved to the band's top."""
    top = min(i.rect[1] for i in items)
    bottom = max(i.rect[1] + i.rect[3] for i in items)
    return top, bottom - top, [offset(i, 0.0, -top) for i in items]
