"""The stage's look, locked: renderings compared with reference images that were looked at.

Every other render test compares the renderer with itself; these compare it with tests/golden/*.png, made
by ``pytest --update-golden`` and looked at before they were committed. The comparison (golden.py)
passes anti-aliasing noise and fails a moved or resized element; the tests at the end prove both.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTransform
from tests.render import golden
from tests.render.conftest import preset_winners, render

from ceremony.render import Frame, Renderer
from ceremony.render.draw import set_hints
from ceremony.render.frame import planned_frame
from ceremony.render.items import Item, Layout, offset
from ceremony.render.text import TextItem
from ceremony.script.loader import LoadedScript, load_script

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
W, H = 480, 270

# name: (script, cue id, t (None: at rest, as an export draws it), width, height)
CASES: dict[str, tuple[str, str, float | None, int, int]] = {
    "01-walk-in": ("slides", "walk-in", None, W, H),
    "02-title": ("slides", "title", None, W, H),
    "03-quote": ("slides", "quote-almlid", None, W, H),
    "04-text": ("slides", "jury", None, W, H),
    "05-class-intro": ("slides", "intro-under-15000", None, W, H),
    "06-nominee": ("slides", "nominee-notodden", None, W, H),
    "07-line-up-building": ("slides", "lineup-under-15000/2", None, W, H),
    "08-suspense": ("slides", "reveal-under-15000/suspense", 1.3, W, H),
    "09-reveal-mid": ("slides", "reveal-under-15000/reveal", 1.0, W, H),
    "10-reveal-end": ("slides", "reveal-under-15000/reveal", None, W, H),
    "11-winner": ("slides", "reveal-under-15000/winner", None, W, H),
    "12-letterbox-4x3": ("slides", "nominee-kvitsoy", None, W, 360),
    "13-stress-nominee": ("stress", "nominee-kvitsoy", None, W, H),
    "14-stress-class-intro": ("stress", "intro-under-15000", None, W, H),
    "15-stress-image": ("stress", "logo", None, W, H),
    "16-stress-line-up": ("stress", "lineup-under-15000", None, W, H),
    "17-stress-reveal-end": ("stress", "reveal-under-15000/reveal", None, W, H),
    "18-stress-winner": ("stress", "reveal-under-15000/winner", None, W, H),
}


@pytest.fixture(scope="module")
def stress(qapp: object) -> Iterator[Renderer]:
    r = Renderer(load_script(GOLDEN / "stress.yaml"))
    r.store.wait()
    yield r
    r.close()


def _frame(renderer: Renderer, loaded: LoadedScript, cue_id: str, t: float | None) -> Frame:
    cue = next(c for c in renderer.cues if c.id == cue_id)
    winners = preset_winners(loaded) if cue.names_winner else {}
    return planned_frame(loaded.script, cue, winners, t)


@pytest.mark.parametrize("name", list(CASES))
def test_the_stage_looks_as_it_did_when_it_was_looked_at(  # type: ignore[no-untyped-def]
    name: str, renderer: Renderer, stress: Renderer, update_golden: bool, tmp_path: Path
) -> None:
    which, cue_id, t, w, h = CASES[name]
    chosen = renderer if which == "slides" else stress
    image = render(chosen, _frame(chosen, chosen.loaded, cue_id, t), w, h)
    golden.check(name, image, GOLDEN, tmp_path, update_golden)


def test_every_slide_kind_has_a_golden_image(renderer: Renderer, stress: Renderer) -> None:
    kinds = set()
    for which, cue_id, _, _, _ in CASES.values():
        chosen = renderer if which == "slides" else stress
        kinds.add(next(c for c in chosen.cues if c.id == cue_id).kind)
    assert kinds >= {"countdown", "title", "quote", "text", "class_intro", "nominee", "lineup", "reveal", "image"}


# ---------------------------------------------------------------- the comparison, proved on real layouts


def _draw(renderer: Renderer, layout: Layout, w: int = W, h: int = H, shift: float = 0.0) -> QImage:
    """A layout drawn as the renderer draws a still layer, optionally shifted by a fraction of a pixel."""
    image = QImage(w, h, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    set_hints(painter)
    painter.setTransform(QTransform.fromScale(w / 1920, h / 1080) * QTransform.fromTranslate(shift, 0))
    renderer.items.backdrop(painter, layout.backdrop, w / 1920, False)
    renderer.items.items(painter, layout.items, w / 1920, False)
    painter.end()
    return image


def _layout(renderer: Renderer, cue_id: str) -> Layout:
    return renderer.scene(renderer.view(next(c for c in renderer.cues if c.id == cue_id))).layout


def _noisy(image: QImage, amount: int = 8, seed: int = 7) -> QImage:
    """image with every channel of every pixel moved by up to amount (a codec's or a dither's noise)."""
    rng = random.Random(seed)
    out = image.copy()
    for y in range(out.height()):
        for x in range(out.width()):
            c = QColor(out.pixel(x, y))
            r, g, b = (max(0, min(255, v + rng.randint(-amount, amount))) for v in (c.red(), c.green(), c.blue()))
            out.setPixel(x, y, QColor(r, g, b).rgb())
    return out


SLIDES_PROVED = ["nominee-notodden", "intro-under-15000", "lineup-under-15000/2", "title"]


@pytest.mark.parametrize("cue_id", SLIDES_PROVED)
def test_anti_aliasing_noise_passes(renderer: Renderer, cue_id: str) -> None:
    layout = _layout(renderer, cue_id)
    base = _draw(renderer, layout)
    twice = _draw(renderer, layout, 2 * W, 2 * H).scaled(
        W, H, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    for what, other in (
        ("drawn at twice the size and scaled down", twice),
        ("shifted by a quarter of a pixel", _draw(renderer, layout, shift=0.25)),
        ("with noise of 8 levels", _noisy(base)),
    ):
        found = golden.difference(other, base)
        assert found.same, f"{cue_id} {what}: {found}"


def _moved(items: tuple[Item, ...], field: str, how: str) -> tuple[Item, ...]:
    """The element named field (with its parts: a card and its crest, name, county) moved 3 px at 480x270
    (12 canvas units) or resized by 5 % about its centre."""
    group = [i for i, item in enumerate(items) if item.field == field or item.field.startswith(field + ".")]
    assert group, field
    x0 = min(items[i].rect[0] for i in group)
    y0 = min(items[i].rect[1] for i in group)
    cx = (x0 + max(items[i].rect[0] + items[i].rect[2] for i in group)) / 2
    cy = (y0 + max(items[i].rect[1] + items[i].rect[3] for i in group)) / 2
    out = list(items)
    for i in group:
        item = items[i]
        if how in ("right", "down"):
            out[i] = offset(item, 12.0 if how == "right" else 0.0, 12.0 if how == "down" else 0.0)
            continue
        f = 1.05 if how == "larger" else 0.95
        x, y, w, h = item.rect
        rect = (cx + (x - cx) * f, cy + (y - cy) * f, w * f, h * f)
        out[i] = (
            dataclasses.replace(item, rect=rect, px=round(item.px * f))
            if isinstance(item, TextItem)
            else dataclasses.replace(item, rect=rect)
        )
    return tuple(out)


ELEMENTS = [
    ("nominee-notodden", "crest"),
    ("nominee-notodden", "name"),
    ("nominee-notodden", "kicker"),
    ("nominee-notodden", "tagline"),
    ("nominee-notodden", "highlights[0]"),
    ("intro-under-15000", "title"),
    ("intro-under-15000", "crest[1]"),
    ("lineup-under-15000/2", "card[1]"),
    ("title", "title"),
]


@pytest.mark.parametrize(("cue_id", "field"), ELEMENTS)
@pytest.mark.parametrize("how", ["right", "down", "larger", "smaller"])
def test_a_moved_or_resized_element_fails(renderer: Renderer, cue_id: str, field: str, how: str) -> None:
    layout = _layout(renderer, cue_id)
    base = _draw(renderer, layout)
    changed = _draw(renderer, Layout(_moved(layout.items, field, how), layout.backdrop))
    found = golden.difference(changed, base)
    assert not found.same, f"{cue_id} {field} {how}: {found} passed"


def test_a_failing_comparison_shows_what_it_found(renderer: Renderer, tmp_path: Path) -> None:
    layout = _layout(renderer, "nominee-notodden")
    golden.check("case", _draw(renderer, layout), tmp_path / "golden", tmp_path, update=True)
    moved = _draw(renderer, Layout(_moved(layout.items, "name", "down"), layout.backdrop))
    with pytest.raises(AssertionError) as failed:
        golden.check("case", moved, tmp_path / "golden", tmp_path / "out", update=False)
    message = str(failed.value)
    for path in (tmp_path / "out" / "case-actual.png", tmp_path / "out" / "case-diff.png"):
        assert path.exists() and str(path) in message
    assert QImage(str(tmp_path / "out" / "case-actual.png")) == moved


def test_a_rendering_of_another_size_fails(renderer: Renderer) -> None:
    image = render(renderer, Frame(cue=renderer.cues[1]), W, H)
    assert not golden.difference(image, image.scaled(W - 2, H)).same
    assert golden.difference(image, image).cells == 0
