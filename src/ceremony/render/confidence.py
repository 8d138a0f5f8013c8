"""The host's confidence monitor, laid out and painted: read from two to four metres, at a glance.

A ``ConfidenceView`` (``show.confidence``) becomes a ``Layout`` of placed texts and
shapes on the same 1920×1080 canvas as the stage, so the same text fitting, fonts
and layout rules apply; the small picture of the stage in its corner is painted by
the stage's own ``Renderer.paint``. Everything is a pure function of the view and
the moment: a message's arrival flash is its age, not a timer.

Black background (least light spilled on a stage floor), white and warm yellow
type, every pair at 7:1 or better; the next title at 110 px (10 % of the height)
and the notes at 56 px, shrinking no further than 88 and 50.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from ceremony.i18n import QT_TRANSLATE_NOOP, translate
from ceremony.render.fonts import FAMILY
from ceremony.render.geometry import CANVAS_H, CANVAS_W, Rect, letterbox
from ceremony.render.items import Item, Layout, ShapeItem
from ceremony.render.text import TextItem, TextStyle, draw_text, place
from ceremony.show.confidence import ConfidenceView
from ceremony.show.timers import Status

BLACK = "#000000"
WHITE = "#ffffff"
GREY = "#b8c2d6"
YELLOW = "#ffd24a"
AMBER = "#ffbf47"
RED = "#ff6b6b"
CYAN = "#7fd1c7"
BAND = "#5a0000"
BAND_FLASH = "#b00000"
STATUS_COLOURS: dict[Status, str] = {"ok": WHITE, "amber": AMBER, "red": RED}
STAGE_STATES = {
    "SVART": QT_TRANSLATE_NOOP("Confidence", "BLACK"),
    "HVIT": QT_TRANSLATE_NOOP("Confidence", "WHITE"),
    "FRYST": QT_TRANSLATE_NOOP("Confidence", "FROZEN"),
}
"""The view's stage states (codes of the remote's JSON, in Norwegian for historical reasons) as the host reads
them, in the UI language."""

MARGIN = 60
LEFT_W = 1140
RIGHT_X = MARGIN + LEFT_W + 60
RIGHT_W = CANVAS_W - RIGHT_X - MARGIN
STAGE_H = round(RIGHT_W * 9 / 16)

#: Seconds a new message flashes, and the length of one flash.
FLASH_FOR, FLASH_EVERY = 2.0, 0.25

CAPTION = TextStyle(px=34, min_px=30, weight=700, color=GREY, spacing=2.0, upper=True, max_lines=1)
NEXT_TITLE = TextStyle(px=110, min_px=88, weight=800, color=WHITE, role="heading", max_lines=2)
NAMES = TextStyle(px=84, min_px=60, weight=700, color=YELLOW, role="name", max_lines=2)
SAY = TextStyle(px=58, min_px=50, weight=500, italic=True, color=YELLOW, max_lines=2)
NOTES = TextStyle(px=56, min_px=50, weight=400, color=WHITE)
CLOCK = TextStyle(px=76, min_px=60, weight=700, color=WHITE, max_lines=1, balance=False)
TIMER = TextStyle(px=96, min_px=72, weight=800, color=WHITE, max_lines=1, balance=False)
SMALL = TextStyle(px=40, min_px=34, weight=600, color=GREY, max_lines=2)
MESSAGE = TextStyle(px=120, min_px=80, weight=800, color=WHITE, role="display", max_lines=2)


def clock_text(seconds: float) -> str:
    """m:ss, or h:mm:ss from an hour; a leading minus when negative."""
    sign = "−" if seconds < 0 else ""
    total = round(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}" if hours else f"{sign}{minutes}:{secs:02d}"


def _text(field: str, text: str, rect: Rect, style: TextStyle, background: str = BLACK, **kw: object) -> TextItem:
    return place(field, text, rect, style, FAMILY, background, **kw)  # type: ignore[arg-type]


def confidence_layout(view: ConfidenceView, wall: dt.datetime) -> Layout:
    """The whole host screen for ``view`` at wall-clock time ``wall``."""
    items: list[Item] = [*_top(view, wall), *_next(view), *_right(view)]
    if view.message is not None:
        items += _message(view)
    return Layout(items=tuple(items), backdrop="black")


def _top(view: ConfidenceView, wall: dt.datetime) -> list[Item]:
    where = translate("Confidence", "Cue {number}/{count}   ·   {label}").format(
        number=view.number, count=view.count, label=view.stage_label
    )
    items: list[Item] = [_text("where", where, (MARGIN, 36, LEFT_W, 48), CAPTION)]
    if view.rehearsal:
        items.append(
            _text(
                "rehearsal",
                translate("Confidence", "REHEARSAL"),
                (MARGIN + LEFT_W - 220, 36, 220, 48),
                CAPTION,
                align="right",
            )
        )
    items.append(_text("clock", wall.strftime("%H:%M:%S"), (RIGHT_X, 22, RIGHT_W, 90), CLOCK, align="right"))
    return items


def _next(view: ConfidenceView) -> list[Item]:
    y: float = 140
    items: list[Item] = [_text("next_caption", translate("Confidence", "Next"), (MARGIN, y, LEFT_W, 44), CAPTION)]
    y += 52
    title = _text(
        "next_title",
        view.next_title or translate("Confidence", "The end"),
        (MARGIN, y, LEFT_W, 2 * 110 * 1.22),
        NEXT_TITLE,
    )
    items.append(title)
    y += title.height + 18
    said = [name for name in view.next_names if name != view.next_title]  # a nominee's slide: its title
    if said:
        names = _text("next_names", "  ·  ".join(said), (MARGIN, y, LEFT_W, 2 * 84 * 1.22), NAMES)
        items.append(names)
        y += names.height + 14
    if view.say:
        say = _text("say", view.say, (MARGIN, y, LEFT_W, 2 * 58 * 1.22), SAY)
        items.append(say)
        y += say.height + 14
    y += 20
    items.append(ShapeItem("rule", "rule", (MARGIN, y, LEFT_W, 3), GREY, alpha=0.5))
    y += 24
    caption = translate("Confidence", "Notes") + (f"  {view.page[0]}/{view.page[1]}" if view.page else "")
    items.append(_text("notes_caption", caption, (MARGIN, y, LEFT_W, 44), CAPTION))
    y += 56
    bottom = CANVAS_H - MARGIN - (_band_height() if view.message is not None else 0)
    if view.host_notes and bottom - y > 60:
        items.append(fit_notes(view.host_notes, (MARGIN, y, LEFT_W, bottom - y)))
    return items


def fit_notes(text: str, box: Rect) -> TextItem:
    """The notes at the largest size that fits, no smaller than NOTES.min_px; what still does not fit is cut
    at a word and marked '…' (the host never scrolls; ``ceremony check`` warns of a host text that long)."""
    item = _text("notes", text, box, NOTES)
    if item.fits:
        return item
    words = text.split()
    lo, hi = 1, len(words)  # the longest prefix of words that fits, found by halving
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if _text("notes", " ".join(words[:mid]) + " …", box, NOTES).fits:
            lo = mid
        else:
            hi = mid - 1
    return _text("notes", " ".join(words[:lo]) + " …", box, NOTES)


def _right(view: ConfidenceView) -> list[Item]:
    y: float = 140
    items: list[Item] = [
        _text("stage_caption", translate("Confidence", "On stage"), (RIGHT_X, y, RIGHT_W, 44), CAPTION)
    ]
    y += 52
    items.append(ShapeItem("stage", "slot", (RIGHT_X, y, RIGHT_W, STAGE_H), "#101010", border=GREY, border_alpha=0.6))
    y += STAGE_H + 16
    if view.stage_state is not None:
        colour = CYAN if view.stage_state == "FRYST" else RED
        state_style = TextStyle(px=64, min_px=48, weight=800, color=colour, max_lines=1)
        said = translate("Confidence", STAGE_STATES.get(view.stage_state, view.stage_state))
        items.append(_text("stage_state", said, (RIGHT_X, y, RIGHT_W, 80), state_style))
        y += 90
    y += 24
    items += _cue_timer(view, y)
    if view.message is None and view.show_left is not None:
        items += _show_left(view, y + 190)
    return items


def _cue_timer(view: ConfidenceView, y: float) -> list[Item]:
    planned = f" / {clock_text(view.planned)}" if view.planned else ""
    style = TextStyle(px=TIMER.px, min_px=TIMER.min_px, weight=800, color=STATUS_COLOURS[view.cue_status], max_lines=1)
    return [
        _text("cue_caption", translate("Confidence", "Time on the slide"), (RIGHT_X, y, RIGHT_W, 44), CAPTION),
        _text("cue_timer", clock_text(view.on_cue) + planned, (RIGHT_X, y + 50, RIGHT_W, 120), style),
    ]


def _show_left(view: ConfidenceView, y: float) -> list[Item]:
    assert view.show_left is not None
    items: list[Item] = [
        _text("show_caption", translate("Confidence", "Left of the show"), (RIGHT_X, y, RIGHT_W, 44), CAPTION),
        _text("show_left", clock_text(view.show_left), (RIGHT_X, y + 50, RIGHT_W, 110), TIMER),
    ]
    if view.behind is not None and abs(view.behind) >= 30:
        late = (
            translate("Confidence", "{time} behind the plan")
            if view.behind > 0
            else translate("Confidence", "{time} ahead of the plan")
        ).format(time=clock_text(abs(view.behind)))
        colour = RED if view.behind > 0 else CYAN
        behind = TextStyle(px=SMALL.px, min_px=SMALL.min_px, weight=600, color=colour, max_lines=1)
        items.append(_text("behind", late, (RIGHT_X, y + 170, RIGHT_W, 56), behind))
    return items


def _band_height() -> int:
    return 260


def band_colour(age: float | None) -> str:
    """The message band's colour: it flashes for FLASH_FOR seconds after the message arrives."""
    if age is not None and age < FLASH_FOR and int(age / FLASH_EVERY) % 2 == 0:
        return BAND_FLASH
    return BAND


def _message(view: ConfidenceView) -> list[Item]:
    top = CANVAS_H - _band_height()
    colour = band_colour(view.message_age)
    items: list[Item] = [ShapeItem("message_band", "card", (0, top, CANVAS_W, _band_height()), colour)]
    text = view.message or ""
    if view.countdown is not None:
        text = clock_text(view.countdown)
    box = (MARGIN, top + 30, CANVAS_W - 2 * MARGIN, _band_height() - 60)
    items.append(_text("message", text, box, MESSAGE, background=colour, align="center"))
    return items


def is_animated(view: ConfidenceView) -> bool:
    """True while the message flashes (repaint often); otherwise once a second is enough."""
    return view.message_age is not None and view.message_age < FLASH_FOR


StagePainter = Callable[[QPainter, QRectF], None]
"""Paints the stage's current frame into a rectangle (``Renderer.paint`` with the stage's frame)."""


def paint_confidence(
    painter: QPainter, rect: QRectF, layout: Layout, stage: StagePainter | None = None, *, mirror: bool = False
) -> None:
    """Paint a confidence layout letterboxed into rect; ``mirror`` flips it for a teleprompter glass."""
    painter.save()
    painter.fillRect(rect, QColor(BLACK))
    if mirror:
        painter.setTransform(QTransform.fromTranslate(rect.x() * 2 + rect.width(), 0).scale(-1, 1), combine=True)
    canvas, scale = letterbox(rect)
    painter.translate(canvas.topLeft())
    painter.scale(scale, scale)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    for item in layout.items:
        if isinstance(item, TextItem):
            draw_text(painter, item)
        elif isinstance(item, ShapeItem):
            _shape(painter, item, stage, scale)
    painter.restore()


def _shape(painter: QPainter, item: ShapeItem, stage: StagePainter | None, scale: float) -> None:
    x, y, w, h = item.rect
    box = QRectF(x, y, w, h)
    colour = QColor(item.color)
    colour.setAlphaF(item.alpha)
    painter.fillRect(box, colour)
    if item.field == "stage" and stage is not None:
        # The stage at the device's own pixel size, then placed through the canvas (and mirror) transform.
        size = painter.transform().mapRect(box).toAlignedRect().size()
        if not size.isEmpty():
            picture = QImage(size, QImage.Format.Format_RGB32)
            inner = QPainter(picture)
            stage(inner, QRectF(0, 0, size.width(), size.height()))
            inner.end()
            painter.drawImage(box, picture)
    if item.border is not None:
        pen = QColor(item.border)
        pen.setAlphaF(item.border_alpha)
        painter.setPen(pen)
        painter.setBrush(QColor(0, 0, 0, 0))
        painter.drawRect(box)
