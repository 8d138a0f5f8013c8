"""Layouts of the award itself: nominee profiles, line-up cards, the reveal's end state, the winner.

The line-up is one composition used by the line-up cue, a building line-up, the
reveal's line-up and suspense steps and every sealed view, so they cannot differ.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ceremony.render.column import Column
from ceremony.render.geometry import CANVAS_H, CANVAS_W, Rect, lerp, nbsp_numbers, smoothstep
from ceremony.render.items import ImageItem, Item, Layout, ShapeItem, offset
from ceremony.render.layout import award_kicker, class_title, quoted
from ceremony.render.style import SAFE_BOTTOM, SAFE_TOP, Ctx
from ceremony.render.text import TextItem, place, text_width
from ceremony.script.model import AwardClass, Nominee

CARD_W, CARD_H, CARD_GAP = 540.0, 640.0, 50.0
TEXT_RIGHT = 1800.0
"""Where a profile's text column ends (the title-safe area ends at 1824)."""
PROFILE_BAND = (SAFE_TOP - 16.0, SAFE_BOTTOM + 16.0)
"""A profile's text column is centred in this band: a full one runs 10 units inside the title-safe area."""
HEADER_H = 49.0 + 22.0 + 99.0
LINEUP_TOP = (CANVAS_H - (HEADER_H + 56.0 + CARD_H)) / 2
CARDS_Y = LINEUP_TOP + HEADER_H + 56.0

WINNER_SCALE = 1.3
WINNER_CENTRE = (CANVAS_W / 2, 600.0)
LOSER_SCALE = 0.78
LOSER_OPACITY = 0.3
LOSER_X = 320.0
"""The outermost stepped-back card's centre from the side: its edge inside the title-safe area."""


def card_width(n: int) -> float:
    return min(CARD_W, (CANVAS_W - 200.0 - (n - 1) * CARD_GAP) / max(1, n))


def card_rects(n: int) -> list[Rect]:
    """Each nominee's fixed place in the line-up: positions never jump while it builds."""
    w = card_width(n)
    x0 = (CANVAS_W - (n * w + (n - 1) * CARD_GAP)) / 2
    return [(x0 + i * (w + CARD_GAP), CARDS_Y, w, CARD_H) for i in range(n)]


CARD_NAME_PX = 80
CARD_NAME_LINE = CARD_NAME_PX * 1.1
"""One line of a card's name (ctx.name's line height)."""


def card_name_lines(ctx: Ctx, award_class: AwardClass, width: float) -> int:
    """2 when any nominee's name does not fit one line of its card even at the smallest size a name may have
    ('Notodden Municipality'): then every card of the class gives its name two lines and its crest one line
    less, so the cards of a line-up stay alike. 1 otherwise, the usual card."""
    style = ctx.name(CARD_NAME_PX)
    long = any(
        text_width(nbsp_numbers(n.name.strip()), ctx.family, style, style.min_px) > width - 44.0 + 0.5
        for n in award_class.nominees
    )
    return 2 if long else 1


def card_items(
    ctx: Ctx, nominee: Nominee, index: int, width: float, winner: bool = False, name_lines: int = 1
) -> list[Item]:
    """One nominee's card in card-local units (0, 0, width, CARD_H); see card_name_lines for name_lines."""
    p = ctx.palette
    border = p.accent
    taller = (name_lines - 1) * CARD_NAME_LINE  # the name's extra lines come out of the crest's height
    items: list[Item] = [
        ShapeItem(
            f"card[{index}]", "card", (0.0, 0.0, width, CARD_H), p.card, 1.0, 28.0, border, 0.95 if winner else 0.35
        ),
        ImageItem(
            f"card[{index}].crest", ctx.asset(nominee.crest), (40.0, 40.0, width - 80.0, 392.0 - taller), "crest"
        ),
    ]
    col = Column(ctx, 22.0, width - 44.0, p.card, "center")
    col.y = 462.0 - taller
    style = ctx.name(CARD_NAME_PX, p.accent if winner else p.text, name_lines)
    name = col.text(f"card[{index}].name", nominee.name, style)
    if name_lines > 1:  # every name's last line sits on its county, however many lines it has
        col.items[-1] = offset(name, 0.0, name_lines * CARD_NAME_LINE - name.height)
        col.y = 462.0 + CARD_NAME_LINE
    col.gap(6.0)
    col.text(f"card[{index}].county", nominee.county, ctx.caption(42, p.muted))
    return [*items, *col.items]


def lineup_header(ctx: Ctx, award_class: AwardClass) -> list[Item]:
    col = Column(ctx, 100.0, CANVAS_W - 200.0, ctx.palette.backdrop, "center")
    col.y = LINEUP_TOP
    col.text("kicker", ctx.say("lineup_kicker", class_=award_class.name), ctx.kicker(), after=22)
    style = ctx.heading(88, max_lines=1)
    box = (col.x, col.y, col.w, 99.0)
    title = place("title", class_title(ctx, award_class), box, style, ctx.family, col.background)
    if not title.fits and award_class.title:
        # A class title written for the class intro's two lines ('The class of municipalities with fewer than
        # 15,000 inhabitants'): the one-line heading says the short form the class_title label makes of its name.
        short = ctx.say("class_title", class_=award_class.name)
        if place("title", short, title.rect, style, ctx.family, col.background).fits:
            award_class = replace(award_class, title=short)
    col.text("title", class_title(ctx, award_class), style)
    return col.items


def lineup(ctx: Ctx, award_class: AwardClass, shown: int | None = None) -> Layout:
    n = len(award_class.nominees)
    count = n if shown is None else max(0, min(shown, n))
    items: list[Item] = list(lineup_header(ctx, award_class))
    lines = card_name_lines(ctx, award_class, card_width(n))
    for i, (rect, nominee) in enumerate(zip(card_rects(n), award_class.nominees, strict=True)):
        if i < count:
            items.extend(offset(it, rect[0], rect[1]) for it in card_items(ctx, nominee, i, rect[2], name_lines=lines))
        else:
            items.append(ShapeItem(f"slot[{i}]", "slot", rect, ctx.palette.muted, 0.16, 28.0))
    return Layout(tuple(items))


# ---------------------------------------------------------------- reveal motion (pure functions of t)


@dataclass(frozen=True, slots=True)
class CardPose:
    cx: float
    cy: float
    scale: float
    opacity: float


def rest_poses(n: int) -> list[CardPose]:
    return [CardPose(r[0] + r[2] / 2, r[1] + r[3] / 2, 1.0, 1.0) for r in card_rects(n)]


def final_poses(n: int, winner: int) -> list[CardPose]:
    losers = [i for i in range(n) if i != winner]
    left = losers[: (len(losers) + 1) // 2] if winner >= n / 2 else losers[: len(losers) // 2]
    right = [i for i in losers if i not in left]
    poses: dict[int, CardPose] = {winner: CardPose(*WINNER_CENTRE, WINNER_SCALE, 1.0)}
    for k, i in enumerate(left):
        poses[i] = CardPose(LOSER_X + 150.0 * k, 620.0, LOSER_SCALE, LOSER_OPACITY)
    for k, i in enumerate(reversed(right)):
        poses[i] = CardPose(CANVAS_W - LOSER_X - 150.0 * k, 620.0, LOSER_SCALE, LOSER_OPACITY)
    return [poses[i] for i in range(n)]


def reveal_progress(t: float) -> float:
    """How far the cards have travelled to their final places (0..1)."""
    return smoothstep(0.15, 1.7, t)


DIM_END = 1.0
"""From here on the losing cards keep LOSER_OPACITY."""


def reveal_poses(n: int, winner: int, t: float) -> list[CardPose]:
    move = reveal_progress(t)
    dim = smoothstep(0.05, DIM_END, t)
    out = []
    for a, b in zip(rest_poses(n), final_poses(n, winner), strict=True):
        out.append(
            CardPose(
                lerp(a.cx, b.cx, move),
                lerp(a.cy, b.cy, move),
                lerp(a.scale, b.scale, move),
                lerp(a.opacity, b.opacity, dim),
            )
        )
    return out


def header_opacity(t: float) -> float:
    return 1.0 - smoothstep(0.0, 0.6, t)


def winner_kicker_opacity(t: float) -> float:
    return smoothstep(1.3, 2.0, t)


def winner_kicker(ctx: Ctx, award_class: AwardClass) -> TextItem:
    col = Column(ctx, 100.0, CANVAS_W - 200.0, ctx.palette.backdrop, "center")
    col.y = 86.0
    text = ctx.say("winner_kicker", kicker=award_kicker(ctx), class_=award_class.name)
    col.text("winner.kicker", text, ctx.kicker())
    item = col.items[0]
    assert isinstance(item, TextItem)
    return item


def posed(items: list[Item], pose: CardPose, width: float, dimmed: bool) -> list[Item]:
    """Card-local items placed and scaled as the pose says (for the rules and the report)."""
    x0 = pose.cx - width * pose.scale / 2
    y0 = pose.cy - CARD_H * pose.scale / 2
    out: list[Item] = []
    for it in items:
        x, y, w, h = it.rect
        rect = (x0 + x * pose.scale, y0 + y * pose.scale, w * pose.scale, h * pose.scale)
        if isinstance(it, TextItem):
            out.append(replace(it, rect=rect, px=round(it.px * pose.scale), dimmed=dimmed))
        else:
            out.append(replace(it, rect=rect))
    return out


def reveal_end(ctx: Ctx, award_class: AwardClass, winner_id: str) -> Layout:
    """The reveal's final composition: the winner card large in the centre, the others stepped back."""
    n = len(award_class.nominees)
    w_index = award_class.nominee_ids.index(winner_id)
    width = card_width(n)
    items: list[Item] = [winner_kicker(ctx, award_class)]
    poses = final_poses(n, w_index)
    lines = card_name_lines(ctx, award_class, width)
    for i, nominee in enumerate(award_class.nominees):
        if i != w_index:
            items.extend(posed(card_items(ctx, nominee, i, width, name_lines=lines), poses[i], width, True))
    won = card_items(ctx, award_class.nominees[w_index], w_index, width, True, name_lines=lines)
    items.extend(posed(won, poses[w_index], width, False))
    return Layout(tuple(items))


# ---------------------------------------------------------------- profiles


def nominee(ctx: Ctx, award_class: AwardClass | None, nominee: Nominee) -> Layout:
    p = ctx.palette
    crest: Rect = (130.0, 250.0, 480.0, 576.0)
    items: list[Item] = [
        ShapeItem("glow", "glow", (crest[0] - 170, crest[1] - 110, crest[2] + 340, crest[3] + 220), p.accent, 0.16),
        ImageItem("crest", ctx.asset(nominee.crest), crest, "crest"),
    ]
    col = Column(ctx, 690.0, TEXT_RIGHT - 690.0, p.backdrop)
    if award_class:
        col.text("kicker", ctx.say("nominee_kicker", class_=award_class.name), ctx.kicker(), after=10)
    col.text("name", nominee.name, ctx.name(112), after=2)
    col.text("county", nominee.county, ctx.caption(44, p.muted), after=26)
    col.rule(110, p.accent, 5, after=28)
    col.text("tagline", nominee.tagline, ctx.lead(50, p.text, 2), after=30)
    if nominee.highlights:
        col.bullets(
            "highlights",
            nominee.highlights,
            ctx.body(42),
            max_h=PROFILE_BAND[1] - PROFILE_BAND[0] - col.y,
            gap=12,
            marker=p.accent,
        )
    items.extend(col.centred(*PROFILE_BAND))
    return Layout(tuple(items))


def winner(ctx: Ctx, award_class: AwardClass, nominee: Nominee) -> Layout:
    """The winner's slide: the award, the class, the name and crest, and the jury's words or highlights."""
    p = ctx.palette
    crest: Rect = (140.0, 230.0, 500.0, 600.0)
    items: list[Item] = [
        ShapeItem("glow", "glow", (crest[0] - 220, crest[1] - 160, crest[2] + 440, crest[3] + 320), p.accent, 0.3),
        ImageItem("crest", ctx.asset(nominee.crest), crest, "crest"),
    ]
    col = Column(ctx, 700.0, TEXT_RIGHT - 700.0, p.backdrop)
    col.text("kicker", award_kicker(ctx), ctx.kicker(), after=18)
    col.text("name", nominee.name, ctx.name(140, p.accent), after=4)
    line = ctx.say("winner_line", class_=award_class.name, county=nominee.county)
    col.text("class", line, ctx.caption(46, p.text), after=34)
    col.rule(110, p.accent, 5, after=38)
    if award_class.citation:
        col.text(
            "citation",
            quoted(ctx, award_class.citation),
            ctx.body(46, italic=True),
            max_h=PROFILE_BAND[1] - PROFILE_BAND[0] - col.y,
        )
    elif nominee.highlights:
        col.bullets(
            "highlights",
            nominee.highlights,
            ctx.body(42),
            max_h=PROFILE_BAND[1] - PROFILE_BAND[0] - col.y,
            gap=16,
            marker=p.accent,
        )
    else:
        col.text("tagline", nominee.tagline, ctx.lead(52, p.text, 3))
    items.extend(col.centred(*PROFILE_BAND))
    return Layout(tuple(items))
