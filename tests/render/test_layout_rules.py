"""The design rules, checked on the placed layout of every cue: size, contrast, fit, title-safe, glyphs."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from tests.render.conftest import SLIDES

from ceremony.render import MIN_BODY_PX, MIN_HEADING_PX, Renderer
from ceremony.render.fonts import bundled_face, missing_glyphs
from ceremony.render.geometry import Rect
from ceremony.render.images import fit_size
from ceremony.render.items import ImageItem, Item, Layout, ShapeItem
from ceremony.render.report import fit_report
from ceremony.render.style import TITLE_SAFE
from ceremony.render.text import TextItem, line_boxes
from ceremony.script.contrast import contrast
from ceremony.script.loader import LoadedScript
from ceremony.show.cues import Cue

Laid = list[tuple[Cue, str | None, Layout]]


@pytest.fixture(scope="module")
def laid(renderer: Renderer, loaded: LoadedScript) -> Laid:
    """Every cue's layout, for every winner where a cue names one (the walk-in's clock at 10:00)."""
    now = dt.datetime(2024, 2, 13, 12, 50)
    out: Laid = []
    for cue in renderer.cues:
        winners: list[str | None] = [None]
        if cue.names_winner and cue.class_id:
            award_class = loaded.script.award_class(cue.class_id)
            assert award_class is not None
            winners += award_class.nominee_ids
        out.extend((cue, winner, renderer.layout_for(cue, winner, now)) for winner in winners)
    return out


def _read(laid: Laid) -> list[tuple[Cue, TextItem]]:
    """The texts held to the reading rules (a non-winner's card stepped back during the reveal is not)."""
    return [(cue, item) for cue, _, layout in laid for item in layout.texts if not item.dimmed]


def test_every_cue_but_the_black_one_has_its_words(laid: Laid) -> None:
    for cue, winner, layout in laid:
        if cue.kind == "black":
            assert not layout.items, cue.id
            continue
        fields = {item.field for item in layout.texts}
        assert fields, f"{cue.id} ({winner}): no text"
        if cue.kind == "nominee":
            assert {"kicker", "name", "county", "tagline", "highlights[0]"} <= fields, cue.id
        if cue.kind == "countdown":
            assert {"clock", "caption", "occasion"} <= fields, cue.id
    assert len(_read(laid)) > 150


def test_text_sizes(laid: Laid) -> None:
    texts = _read(laid)
    assert len(texts) > 150
    for cue, item in texts:
        floor = MIN_HEADING_PX if item.role in ("heading", "name", "display") else MIN_BODY_PX
        assert item.px >= floor, f"{cue.id} {item.field}: {item.px}px < {floor}px"
        assert item.px >= 0.035 * 1080


def _inside(inner: Rect, outer: Rect) -> bool:
    return (
        outer[0] <= inner[0]
        and outer[1] <= inner[1]
        and inner[0] + inner[2] <= outer[0] + outer[2]
        and inner[1] + inner[3] <= outer[1] + outer[3]
    )


def test_contrast_against_what_is_behind_the_text(renderer: Renderer, laid: Laid) -> None:
    """Each text's declared background is what it sits on (a card or the stage), and it reads against it."""
    palette = renderer.ctx.palette
    checked = 0
    for cue, _, layout in laid:
        cards = [s.rect for s in layout.items if isinstance(s, ShapeItem) and s.shape == "card"]
        for item in layout.texts:
            if item.dimmed:
                continue
            on_card = any(_inside(item.text_rect, card) for card in cards)
            assert item.background == (palette.card if on_card else palette.backdrop), f"{cue.id} {item.field}"
            ratio = contrast(item.color, item.background)
            assert ratio >= 7.0, f"{cue.id} {item.field}: {item.color} on {item.background} is {ratio:.1f}:1"
            checked += 1
    assert checked > 150


def test_everything_fits(laid: Laid, loaded: LoadedScript) -> None:
    texts = _read(laid)
    assert texts
    assert not [(cue.id, item.field) for cue, item in texts if not item.fits]
    assert fit_report(loaded) == []


def _drawn(renderer: Renderer, item: Item) -> list[Rect]:
    """Where an item puts ink: a text's lines, an image as fitted in its box, a shape (a soft glow is light,
    not a thing: it may spill)."""
    if isinstance(item, TextItem):
        return line_boxes(item)
    if isinstance(item, ImageItem):
        natural = renderer.store.natural(item.path, item.view_box) if item.path is not None else None
        if natural is None:
            return [item.rect]
        x, y, w, h = item.rect
        fitted = fit_size(natural, w * 1000, h * 1000)
        fw, fh = fitted.width() / 1000, fitted.height() / 1000
        return [(x + (w - fw) / 2, y + (h - fh) / 2, fw, fh)]
    return [] if item.shape == "glow" else [item.rect]


def test_nothing_is_drawn_outside_the_title_safe_area(renderer: Renderer, laid: Laid) -> None:
    """5 % in from every edge: overscan, keystone and the stage's frame crop what is outside it."""
    x, y, w, h = TITLE_SAFE
    assert (x, y, x + w, y + h) == (96, 54, 1824, 1026)
    from ceremony.render.layout import rehearsal_mark

    checked = 0
    overlay = ("rehearsal", None, Layout(tuple(rehearsal_mark(renderer.ctx))))
    for cue, winner, layout in [*laid, overlay]:
        for item in layout.items:
            for rect in _drawn(renderer, item):
                assert _inside(rect, TITLE_SAFE), f"{cue} ({winner}) {item.field}: {rect} outside {TITLE_SAFE}"
                checked += 1
    assert checked > 300


def test_backdrop_behind_text_is_what_the_layout_says(renderer: Renderer) -> None:
    """The declared background is at least as light as any stage pixel (what contrast was computed on)."""
    from PySide6.QtGui import QColor

    from ceremony.script.contrast import luminance

    declared = renderer.ctx.palette.backdrop
    assert luminance(declared) >= luminance(renderer.script.theme.background)
    assert contrast(renderer.script.theme.text, declared) >= 7
    assert QColor(declared).lightness() < 80


def test_fit_report_names_an_overflowing_field(tmp_path, qapp) -> None:  # type: ignore[no-untyped-def]
    from ceremony.script.loader import load_bytes

    long = " ".join(["Veldig lang tekst som aldri tar slutt"] * 30)
    raw = f"""
event: {{title: Test, year: 2024}}
slides:
  - {{kind: quote, text: "{long}", by: Noen}}
""".encode()
    loaded = load_bytes(raw, tmp_path / "s.yaml")
    problems = fit_report(loaded)
    assert problems
    assert problems[0][:2] == (0, "text")


def test_bundled_font_covers_every_character_of_the_script() -> None:
    text = SLIDES.read_text(encoding="utf-8") + "«»“”‘’–—…ÆØÅæøå°PRØVE"
    for face in ("Inter-Regular.otf", "Inter-SemiBold.otf", "Inter-Bold.otf", "Inter-ExtraBold.otf"):
        assert not missing_glyphs(text, bundled_face(face)), face


def test_fonts_registered_as_inter(renderer: Renderer) -> None:
    assert renderer.ctx.family == "Inter"


def _lists(laid: Laid) -> list[tuple[str, list[TextItem]]]:
    """Every bulleted list on stage: its items, by cue."""
    found: dict[tuple[str, str], list[TextItem]] = {}
    for cue, winner, layout in laid:
        for item in layout.texts:
            name, bracket, _ = item.field.partition("[")
            if bracket and not item.dimmed and name in ("bullets", "highlights"):
                found.setdefault((f"{cue.id} ({winner})", name), []).append(item)
    return [(where, items) for (where, _), items in found.items()]


def test_a_list_is_set_to_one_measure(laid: Laid) -> None:
    """A list's items share a size and a measure, and an item of several lines is not broken early beside
    one that runs to the margin: its first line reaches most of the way to the list's widest line."""
    lists = _lists(laid)
    assert len(lists) >= 9  # the jury's, six profiles', two winners'
    for where, items in lists:
        assert len({(i.px, i.rect[0], i.rect[2]) for i in items}) == 1, where
        widths = [[box[2] for box in line_boxes(i)] for i in items]
        widest = max(max(w) for w in widths)
        assert widest <= items[0].rect[2] + 0.5, where
        for item, lines in zip(items, widths, strict=True):
            if len(lines) > 1:
                assert lines[0] >= 0.65 * widest, f"{where} {item.field}: {item.lines[0]!r} broken early"


@pytest.mark.parametrize("count", [1, 2, 3, 6])
def test_class_intro_crests_are_sized_to_the_space(renderer: Renderer, count: int) -> None:
    """The crests take what the title leaves of the band, or the whole width: no small crests in a large field."""
    import dataclasses

    from ceremony.render.layout import class_intro
    from ceremony.render.style import MARGIN_X, SAFE_BOTTOM, SAFE_TOP

    award_class = renderer.script.classes[0]
    nominees = (award_class.nominees * 2)[:count]
    layout = class_intro(renderer.ctx, dataclasses.replace(award_class, nominees=nominees))
    crests = [i for i in layout.images if i.field.startswith("crest[")]
    assert len(crests) == count
    title = next(t for t in layout.texts if t.field == "title")
    top = min(i.rect[1] for i in layout.items)
    bottom = max(c.rect[1] + c.rect[3] for c in crests)
    row = max(c.rect[0] + c.rect[2] for c in crests) - min(c.rect[0] for c in crests)
    fills_height = bottom - top >= 0.92 * (SAFE_BOTTOM - SAFE_TOP)
    fills_width = row >= 0.98 * (1920 - 2 * MARGIN_X)
    assert fills_height or fills_width, f"{count} crests: {bottom - top:.0f} tall, a row {row:.0f} wide"
    assert all(c.rect[1] >= title.rect[1] + title.height for c in crests), "crests under the title"
    for a, b in itertools.pairwise(crests):
        assert a.rect[0] + a.rect[2] < b.rect[0], "crests do not overlap"
    for c in crests:
        assert _inside(c.rect, TITLE_SAFE)


def test_the_english_stress_script_keeps_the_rules(qapp: object) -> None:
    """Long English names and labels (tests/golden/stress.yaml): everything fits, inside the title-safe area."""
    from pathlib import Path

    from ceremony.script.loader import load_script

    stress = Renderer(load_script(Path(__file__).resolve().parents[1] / "golden" / "stress.yaml"))
    try:
        stress.store.wait()
        checked = 0
        for cue in stress.cues:
            layout = stress.layout_for(cue, "kvitsoy" if cue.names_winner else None)
            assert layout.texts, cue.id
            for item in layout.items:
                if isinstance(item, TextItem):
                    assert item.fits or item.dimmed, f"{cue.id} {item.field}"
                    assert item.dimmed or contrast(item.color, item.background) >= 7.0
                for rect in _drawn(stress, item):
                    assert _inside(rect, TITLE_SAFE), f"{cue.id} {item.field}: {rect}"
                    checked += 1
        assert checked >= 60  # an intro, a profile, a line-up, a reveal's four steps, an image
    finally:
        stress.close()


def test_a_line_up_of_long_names_gives_every_card_s_name_two_lines(qapp: object, renderer: Renderer) -> None:
    """'Notodden Municipality' is too wide for one line of a card at the smallest name size: every card of the
    class sets its name on two lines at full size, its crest one line shorter, the counties level."""
    import dataclasses
    from pathlib import Path

    from ceremony.render.show_layout import lineup
    from ceremony.script.loader import load_script

    stress = Renderer(load_script(Path(__file__).resolve().parents[1] / "golden" / "stress.yaml"))
    try:
        award_class = stress.script.classes[0]
        short = dataclasses.replace(award_class.nominees[1], name="Asker")  # one short name among long ones
        mixed = dataclasses.replace(award_class, nominees=[award_class.nominees[0], short, award_class.nominees[2]])
        layout = lineup(stress.ctx, mixed)
        names = {t.field: t for t in layout.texts if t.field.endswith(".name")}
        counties = [t for t in layout.texts if t.field.endswith(".county")]
        crests = [i for i in layout.images if i.field.endswith(".crest")]
        assert [names[f"card[{i}].name"].lines for i in (0, 2)] == [
            ("Notodden", "Municipality"),
            ("Kvitsøy", "Municipality"),
        ]
        assert names["card[1].name"].lines == ("Asker",) and all(t.px == 80 and t.fits for t in names.values())
        bottoms = {round(t.rect[1] + t.height, 3) for t in names.values()}
        assert len(bottoms) == 1, "every name ends on the same line"
        assert len({round(c.rect[1], 3) for c in counties}) == 1
        assert all(c.rect[1] >= max(bottoms) for c in counties)
        assert all(i.rect[1] + i.rect[3] <= min(t.rect[1] for t in names.values()) for i in crests)
        usual = lineup(renderer.ctx, renderer.script.classes[0])
        usual_crest = next(i for i in usual.images if i.field.endswith(".crest"))
        assert crests[0].rect[3] == pytest.approx(usual_crest.rect[3] - 88.0), "the crest gives up one name line"
        assert all(len(t.lines) == 1 for t in usual.texts if t.field.endswith(".name"))
    finally:
        stress.close()
