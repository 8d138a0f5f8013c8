"""The host's confidence monitor as painted: readable from metres away on every cue, and never a winner early."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter

from ceremony.render import Frame, Renderer
from ceremony.render.confidence import BAND, BAND_FLASH, confidence_layout, paint_confidence
from ceremony.render.geometry import CANVAS_H, CANVAS_W
from ceremony.render.items import Layout
from ceremony.script.contrast import contrast
from ceremony.script.loader import LoadedScript
from ceremony.show.confidence import confidence_view
from ceremony.show.engine import Engine

WALL = dt.datetime(2024, 2, 13, 13, 4, 12)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _layouts(loaded: LoadedScript, message: str | None = None) -> list[tuple[str, Layout]]:
    """The layout at every cue of the show, walked with next (reveals fired), the clock started."""
    clock = Clock()
    engine = Engine(None, loaded.script, clock=clock)
    engine.run("start_show")
    if message:
        engine.run("send_message", message)
    found = []
    while True:
        view = confidence_view(loaded.script, engine.state, clock())
        found.append((engine.state.cue.id, confidence_layout(view, WALL)))
        if engine.state.cue_index == len(engine.cues) - 1:
            return found
        clock.now += 8
        engine.run("next")


LONGEST = "Vinneren kommer straks – ta den helt rolig, og vent på konvolutten fra juryleder"


@pytest.mark.parametrize("message", [None, LONGEST, "30 s"])
def test_every_cue_is_readable_from_the_stage(loaded: LoadedScript, renderer: Renderer, message: str | None) -> None:
    """(The renderer fixture gives the Qt application and the bundled fonts the layout measures with.)"""
    assert len(LONGEST) == 80  # the longest message the engine takes
    layouts = _layouts(loaded, message)
    assert len(layouts) == 29
    for cue_id, layout in layouts:
        texts = {t.field: t for t in layout.texts}
        assert {"next_title", "clock", "cue_timer", "where"} <= set(texts), cue_id
        assert texts["next_title"].px >= 0.08 * CANVAS_H, cue_id
        if "notes" in texts:
            assert texts["notes"].px >= 0.045 * CANVAS_H, cue_id
        if message:
            assert texts["message"].px >= 0.07 * CANVAS_H and texts["message"].background in (BAND, BAND_FLASH)
        for text in layout.texts:
            assert contrast(text.color, text.background) >= 7.0, (cue_id, text.field, text.color)
            assert text.fits, (cue_id, text.field, text.text)
            x, y, w, h = text.text_rect
            assert x >= 0 and x + w <= CANVAS_W and y >= 0 and y + h <= CANVAS_H, (cue_id, text.field)
    notes = [dict((t.field, t) for t in layout.texts).get("notes") for _, layout in layouts]
    assert sum(n is not None for n in notes) >= 15  # most cues have notes for the host


def _paint(renderer: Renderer, layout: Layout, frame: Frame, *, mirror: bool = False) -> QImage:
    image = QImage(960, 540, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    paint_confidence(painter, QRectF(0, 0, 960, 540), layout, lambda p, r: renderer.paint(p, r, frame), mirror=mirror)
    painter.end()
    return image


def test_the_pixels_before_a_reveal_do_not_depend_on_the_winner(loaded: LoadedScript, renderer: Renderer) -> None:
    other = replace(
        loaded.script,
        classes=[replace(c, winner="notodden") if c.id == "under-15000" else c for c in loaded.script.classes],
    )
    shown = []
    for script in (loaded.script, other):
        clock = Clock()
        engine = Engine(None, script, clock=clock)
        images = []
        while not engine.state.revealed:
            view = confidence_view(script, engine.state, clock())
            cue = engine.cues[engine.state.stage_cue_index]
            frame = Frame(cue=cue, t=60.0, winners=engine.winners_for_render(cue))
            images.append(_paint(renderer, confidence_layout(view, WALL), frame))
            clock.now += 8
            engine.run("next")
        shown.append(images)
    assert len(shown[0]) == len(shown[1]) == 14  # the walk-in up to the suspense of the first reveal
    for i, (a, b) in enumerate(zip(*shown, strict=True)):
        assert a == b, i


def test_mirror_flips_the_whole_screen_for_a_teleprompter_glass(loaded: LoadedScript, renderer: Renderer) -> None:
    engine = Engine(None, loaded.script, clock=Clock())
    engine.run("goto", "nominee-kvitsoy")
    layout = confidence_layout(confidence_view(loaded.script, engine.state, 1000.0), WALL)
    frame = Frame(cue=engine.state.cue, t=60.0)
    plain = _paint(renderer, layout, frame)
    mirrored = _paint(renderer, layout, frame, mirror=True)
    assert mirrored != plain
    # The same picture read in a mirror: compared at a quarter size, where text edges anti-aliased in the
    # other direction average out and a moved or missing element does not.
    small = QSize(240, 135)
    flipped = plain.flipped(Qt.Orientation.Horizontal).scaled(small, mode=Qt.TransformationMode.SmoothTransformation)
    seen = mirrored.scaled(small, mode=Qt.TransformationMode.SmoothTransformation)
    differing = sum(1 for x in range(240) for y in range(135) if _far(flipped.pixel(x, y), seen.pixel(x, y)))
    assert differing < 0.002 * 240 * 135, differing
    unflipped = plain.scaled(small, mode=Qt.TransformationMode.SmoothTransformation)
    assert sum(1 for x in range(240) for y in range(135) if _far(unflipped.pixel(x, y), seen.pixel(x, y))) > 500


def _far(a: int, b: int) -> bool:
    return any(abs(((a >> s) & 255) - ((b >> s) & 255)) > 48 for s in (0, 8, 16))
