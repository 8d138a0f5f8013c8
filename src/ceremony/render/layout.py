"""Layouts of the still slides: walk-in, title, quote, text, class intro, nominee, image, black.

Each function returns a Layout in canvas units; the painter draws it and the tests
check it. Nothing here depends on who wins.
"""

from __future__ import annotations

from ceremony.render.column import Column
from ceremony.render.geometry import CANVAS_W
from ceremony.render.items import ImageItem, Item, Layout, ShapeItem
from ceremony.render.style import MARGIN_X, SAFE_BOTTOM, SAFE_TOP, TITLE_SAFE, Ctx
from ceremony.script.model import (
    AwardClass,
    CountdownSlide,
    ImageSlide,
    QuoteSlide,
    TextSlide,
    TitleSlide,
)

LOGO_MARK: tuple[float, float, float, float] = (20.0, 16.0, 290.0, 288.0)
"""The ring mark's part of logo.svg's 1280×320 view box."""

CLOCK_BOX = (360.0, 0.0, 1200.0, 300.0)
"""Where the countdown's digits go (y is set by the layout)."""


def class_title(ctx: Ctx, award_class: AwardClass) -> str:
    return award_class.title or ctx.say("class_title", class_=award_class.name)


def award_kicker(ctx: Ctx) -> str:
    """The award's own name and year, as the script's ``kicker`` label puts them."""
    event = ctx.script.event
    return ctx.say("kicker", short_title=event.short_title or event.title, title=event.title, year=event.year)


def occasion_line(ctx: Ctx) -> str:
    """Where and when: the occasion and the date in the script's language."""
    event = ctx.script.event
    return " · ".join(x for x in (event.occasion, ctx.wording.date(event.date) if event.date else None) if x)


def quoted(ctx: Ctx, text: str) -> str:
    return ctx.say("quote", text=text.strip())


def countdown(ctx: Ctx, slide: CountdownSlide) -> tuple[Layout, tuple[float, float, float, float]]:
    """The walk-in without its digits, and the box the live clock is drawn in."""
    p = ctx.palette
    event = ctx.script.event
    col = Column(ctx, MARGIN_X, CANVAS_W - 2 * MARGIN_X, p.backdrop, "center")
    if event.logo:
        col.image("logo", ctx.asset(event.logo), 880, 220, "logo", after=70)
    caption = ctx.say("countdown_caption") if slide.caption is None else slide.caption
    if caption:
        col.text("caption", caption, ctx.lead(52, p.muted, 1), after=10)
    clock_y = col.y
    col.gap(CLOCK_BOX[3] + 40)
    col.rule(120, p.accent, after=40)
    line = occasion_line(ctx)
    if line:
        col.text("occasion", line, ctx.caption(42))
    items = col.centred(SAFE_TOP, SAFE_BOTTOM)
    dy = items[0].rect[1] - col.items[0].rect[1] if items else 0.0
    return Layout(tuple(items)), (CLOCK_BOX[0], clock_y + dy, CLOCK_BOX[2], CLOCK_BOX[3])


def title(ctx: Ctx, slide: TitleSlide) -> Layout:
    p = ctx.palette
    event = ctx.script.event
    col = Column(ctx, MARGIN_X + 40, CANVAS_W - 2 * MARGIN_X - 80, p.backdrop, "center")
    if event.logo:
        col.image("logo", ctx.asset(event.logo), 210, 208, "logo", after=44, view_box=LOGO_MARK)
    heading = slide.title or (ctx.say("closing") if slide.closing else None)
    if heading and heading != event.title:
        col.text("title", heading, ctx.display(120), after=30)
        col.text("event", f"{event.title} {event.year}", ctx.lead(50, p.accent, 2), after=40)
    else:
        col.text("title", event.title, ctx.display(104), after=26)
        col.text("year", str(event.year), ctx.display(96, p.accent, 1), after=36)
    if event.subtitle:
        col.text("subtitle", event.subtitle, ctx.lead(50, p.text, 2), after=18)
    line = occasion_line(ctx)
    if line:
        col.text("occasion", line, ctx.caption(42), after=48)
    if event.organisers:
        col.rule(80, p.accent, 3, after=30, alpha=0.8)
        col.text("organisers", "   ·   ".join(event.organisers), ctx.kicker(p.muted))
    return Layout(tuple(col.centred(SAFE_TOP, SAFE_BOTTOM)))


def quote(ctx: Ctx, slide: QuoteSlide) -> Layout:
    p = ctx.palette
    col = Column(ctx, 240, CANVAS_W - 480, p.backdrop, "center")
    if slide.title:
        col.text("title", slide.title, ctx.kicker(), after=28)
        col.rule(90, p.accent, 4, after=56)
    body = ctx.lead(64, p.text, 0)
    col.text("text", quoted(ctx, slide.text), body, max_h=5 * 64 * 1.22, after=48)
    col.text("by", slide.by, ctx.lead(50, p.text, 1), after=6)
    if slide.role:
        col.text("role", slide.role, ctx.caption(42))
    return Layout(tuple(col.centred(SAFE_TOP, SAFE_BOTTOM)))


def text(ctx: Ctx, slide: TextSlide) -> Layout:
    p = ctx.palette
    col = Column(ctx, 180, CANVAS_W - 360, p.backdrop)
    if slide.title:
        col.text("title", slide.title, ctx.heading(92), after=30)
        col.rule(120, p.accent, 5, after=44)
    if slide.body:
        col.text("body", slide.body, ctx.body(50), max_h=4 * 50 * 1.3, after=44)
    if slide.bullets:
        col.bullets(
            "bullets",
            slide.bullets,
            ctx.body(48, weight=600),
            max_h=SAFE_BOTTOM - SAFE_TOP - col.y,
            gap=26,
            marker=p.accent,
        )
    return Layout(tuple(col.centred(SAFE_TOP, SAFE_BOTTOM)))


CREST_ASPECT = 400.0 / 480.0
"""A crest's width to its height (the crests' shield and ribbon)."""
CREST_GAP = 0.35
"""The space between two crests, as a share of a crest's width."""


def class_intro(ctx: Ctx, award_class: AwardClass) -> Layout:
    """The award, the class, and its nominees' crests as large as the rest of the band and the width allow."""
    p = ctx.palette
    col = Column(ctx, MARGIN_X, CANVAS_W - 2 * MARGIN_X, p.backdrop, "center")
    col.text("kicker", award_kicker(ctx), ctx.kicker(), after=30)
    col.text("title", class_title(ctx, award_class), ctx.display(112), after=40)
    col.rule(120, p.accent, 5, after=60)
    n = max(1, len(award_class.nominees))
    widest = col.w / (n + CREST_GAP * (n - 1))
    crest_h = min(SAFE_BOTTOM - SAFE_TOP - col.y, widest / CREST_ASPECT)
    crest_w = crest_h * CREST_ASPECT
    gap = crest_w * CREST_GAP
    x0 = (CANVAS_W - (n * crest_w + (n - 1) * gap)) / 2
    for i, nominee in enumerate(award_class.nominees):
        box = (x0 + i * (crest_w + gap), col.y, crest_w, crest_h)
        col.items.append(ImageItem(f"crest[{i}]", ctx.asset(nominee.crest), box, "crest"))
    col.gap(crest_h)
    return Layout(tuple(col.centred(SAFE_TOP, SAFE_BOTTOM)))


def image(ctx: Ctx, slide: ImageSlide) -> Layout:
    """The picture as large as the title-safe area allows, its caption under it."""
    p = ctx.palette
    x, top, w, h = TITLE_SAFE
    bottom = top + h
    items: list[Item] = []
    if slide.caption:
        col = Column(ctx, x, w, p.backdrop, "center")
        cap = col.text("caption", slide.caption, ctx.caption(44))
        items.extend(col.centred(bottom - cap.height, bottom))
        bottom -= cap.height + 24
    items.insert(0, ImageItem("image", ctx.asset(slide.image), (x, top, w, bottom - top)))
    return Layout(tuple(items))


def black() -> Layout:
    return Layout((), backdrop="black")


def rehearsal_mark(ctx: Ctx) -> list[Item]:
    """A small pill with the ``rehearsal`` label ('PRØVE') in the top-right corner of the title-safe area, so
    nobody mistakes a rehearsal for the show."""
    from ceremony.render.style import REHEARSAL_RED
    from ceremony.render.text import TextStyle, place

    style = TextStyle(38, 38, 700, "#ffffff", spacing=3.0, max_lines=1, line_height=1.0)
    x, y = TITLE_SAFE[0] + TITLE_SAFE[2] - 190, TITLE_SAFE[1]  # the title-safe area's top-right corner
    label = place("rehearsal", ctx.say("rehearsal"), (x, y + 14, 190, 38), style, ctx.family, REHEARSAL_RED, "center")
    pill = ShapeItem("rehearsal.pill", "pill", (x, y, 190, 66), REHEARSAL_RED, 0.92, radius=33)
    return [pill, label]
