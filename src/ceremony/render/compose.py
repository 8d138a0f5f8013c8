"""A view's still picture placed on the canvas: the layout function each composition uses.

Placing measures text (Qt font metrics), so this is the first step from a View to pixels.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from ceremony.render import layout as L
from ceremony.render import show_layout as S
from ceremony.render.geometry import Rect
from ceremony.render.items import Layout
from ceremony.render.style import Ctx
from ceremony.render.views import Composition, View
from ceremony.script.model import AwardClass, CountdownSlide, ImageSlide, QuoteSlide, SlideBase, TextSlide, TitleSlide

T = TypeVar("T", bound=SlideBase)


@dataclass(frozen=True, slots=True)
class Scene:
    """What a view's still layer shows, and for the walk-in the box its live clock is drawn in."""

    layout: Layout
    clock_box: Rect | None = None


def compose(ctx: Ctx, view: View) -> Scene:
    return _COMPOSERS[view.composition](ctx, view)


def _slide(ctx: Ctx, view: View, kind: type[T]) -> T:
    assert view.slide_index is not None
    slide = ctx.script.slides[view.slide_index]
    assert isinstance(slide, kind)
    return slide


def _class(ctx: Ctx, view: View) -> AwardClass:
    award_class = ctx.script.award_class(view.class_id or "")
    assert award_class is not None
    return award_class


def _countdown(ctx: Ctx, view: View) -> Scene:
    layout, box = L.countdown(ctx, _slide(ctx, view, CountdownSlide))
    return Scene(layout, box)


def _nominee(ctx: Ctx, view: View) -> Scene:
    found = ctx.script.find_nominee(view.nominee_id or "")
    assert found is not None
    return Scene(S.nominee(ctx, found[0], found[1]))


def _winner(ctx: Ctx, view: View) -> Scene:
    award_class = _class(ctx, view)
    nominee = award_class.nominee(view.winner or "")
    assert nominee is not None
    return Scene(S.winner(ctx, award_class, nominee))


_COMPOSERS: dict[Composition, Callable[[Ctx, View], Scene]] = {
    "stage": lambda ctx, view: Scene(Layout()),
    "black": lambda ctx, view: Scene(L.black()),
    "countdown": _countdown,
    "title": lambda ctx, view: Scene(L.title(ctx, _slide(ctx, view, TitleSlide))),
    "quote": lambda ctx, view: Scene(L.quote(ctx, _slide(ctx, view, QuoteSlide))),
    "text": lambda ctx, view: Scene(L.text(ctx, _slide(ctx, view, TextSlide))),
    "image": lambda ctx, view: Scene(L.image(ctx, _slide(ctx, view, ImageSlide))),
    "class_intro": lambda ctx, view: Scene(L.class_intro(ctx, _class(ctx, view))),
    "nominee": _nominee,
    "lineup": lambda ctx, view: Scene(S.lineup(ctx, _class(ctx, view), view.shown)),
    "winner": _winner,
    "film": lambda ctx, view: Scene(L.black()),
}
"""Every composition a View can name, and how it is placed."""
