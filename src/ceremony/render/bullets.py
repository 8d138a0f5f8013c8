"""A bulleted list set as one block: one size and one measure for all its items, each item's lines balanced.

Set item by item, a list wraps at different widths (an item broken early beside one that runs to the
margin). Here the list's measure is chosen for the whole list: of the widths from MEASURE_FROM of the
column to all of it, the one at which the list fits its height and its lines are most even (items' lines
near the measure, no last line left short), the widest of equals. Each item is then broken within that
measure with its lines balanced, never narrower than BALANCE_FLOOR of it.
"""

from __future__ import annotations

from dataclasses import replace

from ceremony.render.geometry import Rect, nbsp_numbers
from ceremony.render.items import Item, ShapeItem
from ceremony.render.style import Ctx
from ceremony.render.text import TextStyle, narrowest, place_lines, text_width, wrap

MEASURE_FROM = 0.6
"""The narrowest measure a list is tried at, as a share of its column."""
MEASURE_STEPS = 20
BALANCE_FLOOR = 0.85
"""An item of several lines is balanced, but no narrower than this share of the list's measure."""
SHORT_LAST = 0.5
"""A last line shorter than this share of the measure counts against a measure, more the shorter it is."""
PER_LINE = 0.03
"""What one more line costs a measure (fewer lines, the same evenness: the fewer)."""


def bullet_list(
    ctx: Ctx,
    field: str,
    texts: list[str],
    rect: Rect,
    style: TextStyle,
    gap: float,
    marker: str,
    indent: float,
    background: str,
) -> list[Item]:
    """The list's items and their markers in rect, at the largest size at which the whole list fits it."""
    x, y, w, h = rect
    clean = [nbsp_numbers(t.strip()) for t in texts]
    px, fits = _list_size(ctx, clean, w - indent, h, style, gap)
    sized = replace(style, px=px, min_px=px, max_lines=0, balance=False)
    measure, broken = _set(ctx.family, clean, w - indent, h, sized, gap)
    out: list[Item] = []
    cursor, dot = y, px * 0.28
    for i, (text, lines) in enumerate(zip(clean, broken, strict=True)):
        height = len(lines) * px * style.line_height
        box = (x + indent, cursor, measure, height)
        item = place_lines(f"{field}[{i}]", text, lines, box, sized, ctx.family, background)
        if not fits and cursor + height > y + h:
            item = replace(item, fits=False)
        mid = cursor + px * style.line_height / 2
        out.append(ShapeItem(f"{field}[{i}].marker", "rule", (x + 8, mid - dot / 2, dot, dot), marker, radius=dot / 2))
        out.append(item)
        cursor += height + gap
    return out


def _list_size(ctx: Ctx, texts: list[str], width: float, h: float, style: TextStyle, gap: float) -> tuple[int, bool]:
    """The largest size from style.px down to style.min_px at which the list, wrapped at width, fits h."""
    for px in range(style.px, style.min_px - 1, -1):
        total = sum(len(wrap(t, width, ctx.family, style, px)) * px * style.line_height for t in texts)
        if total + gap * max(0, len(texts) - 1) <= h:
            return px, True
    return style.min_px, False


def _set(
    family: str, texts: list[str], width: float, h: float, style: TextStyle, gap: float
) -> tuple[float, list[list[str]]]:
    """The list's measure and every item's lines at it (the whole width if no narrower one fits h)."""
    best: tuple[float, float, list[list[str]]] | None = None
    for k in range(MEASURE_STEPS, -1, -1):  # widest first: of equal scores the widest is kept
        measure = width * (MEASURE_FROM + (1 - MEASURE_FROM) * k / MEASURE_STEPS)
        broken = [_balanced_in(family, t, measure, style) for t in texts]
        lines = sum(len(b) for b in broken)
        if k < MEASURE_STEPS and lines * style.px * style.line_height + gap * max(0, len(texts) - 1) > h:
            continue
        score = sum(_unevenness(family, b, measure, style) for b in broken) + PER_LINE * lines
        if best is None or score < best[0]:
            best = (score, measure, broken)
    assert best is not None
    return best[1], best[2]


def _balanced_in(family: str, text: str, measure: float, style: TextStyle) -> list[str]:
    """text broken within measure into as many lines as greedy wrapping gives, as even as the floor allows."""
    width = max(narrowest(text, measure, family, style, style.px), BALANCE_FLOOR * measure)
    return wrap(text, width, family, style, style.px)


def _unevenness(family: str, lines: list[str], measure: float, style: TextStyle) -> float:
    """How far an item's lines fall short of the measure (all but the last), and a short last line."""
    if len(lines) < 2:
        return 0.0
    widths = [text_width(line, family, style, style.px) / measure for line in lines]
    return sum((1 - w) ** 2 for w in widths[:-1]) + 8 * max(0.0, SHORT_LAST - widths[-1]) ** 2
