"""The design rules, checked on the placed layout of every cue: size, contrast, fit, glyphs."""

from __future__ import annotations

import datetime as dt

from tests.render.conftest import SLIDES

from ceremony.render import MIN_BODY_PX, MIN_HEADING_PX, Renderer
from ceremony.render.fonts import bundled_face, missing_glyphs
from ceremony.render.report import fit_report
from ceremony.script.contrast import contrast
from ceremony.script.loader import LoadedScript


def _all_texts(renderer: Renderer, loaded: LoadedScript):  # type: ignore[no-untyped-def]
    now = dt.datetime(2024, 2, 13, 12, 50)
    for cue in renderer.cues:
        winners: list[str | None] = [None]
        if cue.names_winner and cue.class_id:
            award_class = loaded.script.award_class(cue.class_id)
            assert award_class is not None
            winners += award_class.nominee_ids
        for winner in winners:
            for item in renderer.layout_for(cue, winner, now).texts:
                if not item.dimmed:
                    yield cue, item


def test_text_sizes(renderer: Renderer, loaded: LoadedScript) -> None:
    count = 0
    for cue, item in _all_texts(renderer, loaded):
        count += 1
        floor = MIN_HEADING_PX if item.role in ("heading", "name", "display") else MIN_BODY_PX
        assert item.px >= floor, f"{cue.id} {item.field}: {item.px}px < {floor}px"
        assert item.px >= 0.035 * 1080
    assert count > 150


def test_contrast(renderer: Renderer, loaded: LoadedScript) -> None:
    for cue, item in _all_texts(renderer, loaded):
        ratio = contrast(item.color, item.background)
        assert ratio >= 7.0, f"{cue.id} {item.field}: {item.color} on {item.background} is {ratio:.1f}:1"


def test_everything_fits(renderer: Renderer, loaded: LoadedScript) -> None:
    bad = [(cue.id, item.field) for cue, item in _all_texts(renderer, loaded) if not item.fits]
    assert not bad
    assert fit_report(loaded) == []


def test_text_stays_on_the_canvas(renderer: Renderer, loaded: LoadedScript) -> None:
    for cue, item in _all_texts(renderer, loaded):
        x, y, w, h = item.text_rect
        assert 0 <= x <= x + w <= 1920, f"{cue.id} {item.field}"
        assert 0 <= y <= y + h <= 1080, f"{cue.id} {item.field}"


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
