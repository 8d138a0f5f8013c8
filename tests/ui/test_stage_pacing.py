"""The stage's timing on the night: animation frames on a fixed 60 Hz clock, the next cue drawn before the key."""

from __future__ import annotations

import itertools
import math
import time

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication

from ceremony.ui.stage import next_tick_ms, wake_ms

from .conftest import press, settle

FRAME = 1 / 60


def _frames(start: float, paint_cost: float, count: int, phase: float = 0.0) -> list[float]:
    """When a widget paints, ``count`` times, if each paint takes ``paint_cost`` s and the timer is exact."""
    now, painted = start, []
    for _ in range(count):
        now += next_tick_ms(now, FRAME, phase) / 1000  # the timer fires (whole ms, never late here)
        painted.append(now)
        now += paint_cost
    return painted


@pytest.mark.parametrize("paint_cost", [0.0005, 0.004, 0.012])
def test_frames_come_every_sixtieth_of_a_second_whatever_a_frame_costs(paint_cost: float) -> None:
    painted = _frames(100.0, paint_cost, 120)
    spans = [b - a for a, b in itertools.pairwise(painted[10:])]
    assert sum(spans) / len(spans) == pytest.approx(FRAME, abs=0.0002)
    assert max(spans) <= FRAME + 0.001  # a frame is never a whole millisecond late on the clock
    assert painted[-1] - painted[0] == pytest.approx(119 * FRAME, abs=0.002)  # no drift over two seconds


def test_a_late_frame_skips_to_the_next_tick_instead_of_bunching_up() -> None:
    start = 100.0
    first = start + next_tick_ms(start, FRAME) / 1000
    late = first + 2.5 * FRAME  # a frame that took two and a half frames
    wait = next_tick_ms(late, FRAME) / 1000
    assert 0.3 * FRAME <= wait <= 0.6 * FRAME  # the next tick on the clock, not right away nor a whole frame on


def test_a_timer_that_fires_a_little_early_does_not_paint_the_same_tick_twice() -> None:
    now = 100.0
    tick = now + next_tick_ms(now, FRAME) / 1000 + 0.0008  # the true tick: the timer was set in whole ms
    early = tick - 0.0008
    assert next_tick_ms(early, FRAME) / 1000 >= FRAME - 0.003


def test_previews_tick_half_a_frame_after_the_stage() -> None:
    stage = _frames(100.0, 0.002, 30)
    preview = _frames(100.0, 0.002, 30, phase=0.5)
    gaps = sorted(abs(p - s) for p in preview for s in stage)[:20]
    assert min(gaps) >= FRAME / 2 - 0.0015  # never in the same millisecond as a stage frame


def _film(fps: int, start: float, animation: float | None, paint_cost: float, paints: int) -> list[int]:
    """The film frames a widget shows, paint after paint, when its timer wakes by ``wake_ms`` (exact, whole ms)."""
    now, shown = start, []
    for _ in range(paints):
        frame = math.floor((now - start) * fps + 1e-9)  # the newest picture whose time has come
        shown.append(frame)
        now += paint_cost
        due = start + (frame + 1) / fps - now  # from the picture shown, as the player says
        wait = wake_ms(now, animation, due)
        assert wait is not None and wait >= 1
        now += wait / 1000
    return shown


@pytest.mark.parametrize("fps", [24, 30, 60])
@pytest.mark.parametrize("animation", [None, FRAME])
def test_every_film_frame_is_painted_once_whatever_the_animation_clock(fps: int, animation: float | None) -> None:
    shown = _film(fps, 100.0037, animation, 0.002, 400)  # a film that starts out of step with the 60 Hz clock
    distinct = sorted(set(shown))
    assert distinct == list(range(distinct[-1] + 1))  # none skipped
    if animation is None:
        assert len(shown) == len(distinct)  # and none painted twice: the widget wakes when a picture is due


def test_the_sooner_of_the_animation_tick_and_the_film_picture_wins() -> None:
    now = 100.0
    tick = next_tick_ms(now, FRAME)
    assert wake_ms(now, None, None) is None  # still
    assert wake_ms(now, FRAME, None) == tick
    assert wake_ms(now, None, 0.0202) == 21  # rounded up: never a moment before the picture's time
    assert wake_ms(now, None, 0.00001) == 1  # never zero: no busy loop on a picture due now
    assert wake_ms(now, FRAME, 0.0005) == 1
    assert wake_ms(now, FRAME, 1.0) == tick


def test_every_cue_is_drawn_before_the_key_that_shows_it(show, clock, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Page Down through the whole show at the projector's size (three frames fill the layer cache), resting
    between presses as on the night: the stage paints each cue inside its key press from layers drawn ahead.

    What broke it: the presenter's previews (StageWidgets too) replaced the stage's drawing-ahead with their
    own; a reveal's stage and settled layers pushed the next cue out of the cache; the winner step was drawn
    ahead without its winner. Each made the stage draw the incoming picture inside the key press (7-30 ms on
    a real X server)."""
    stage, renderer = show.stage, show.controller.renderer
    stage.resize(1920, 1080)
    layer = QSize(stage.width(), stage.height())
    drawn: list[QSize] = []
    items = renderer.items.items

    def spy(painter, *args, **kwargs):  # type: ignore[no-untyped-def]
        drawn.append(painter.device().size())
        return items(painter, *args, **kwargs)

    renderer.items.items = spy  # type: ignore[method-assign]
    late = []
    with_sprites: dict[str, set[object]] = {}
    for cue in show.controller.cues[1:]:
        settle(clock, 6.0)  # past every transition, a suspense's 5 s and a reveal's 4 s
        _rest(show)
        drawn.clear()
        before = stage.frames_painted
        press(qtbot, show.presenter, Qt.Key.Key_PageDown)
        assert show.controller.state.cue_index == cue.index
        assert stage.frames_painted > before  # painted inside the key press
        if layer in drawn:
            late.append(cue.id)
        sprites = renderer.reveal.sprites.cache.items()
        with_sprites[cue.id] = {key[1] for key, _ in sprites if key[0] in ("card", "header")}
    assert late == []
    # Each class's reveal sprites are let go once the show has moved on: never two classes' at once.
    first, second = (c.id for c in show.controller.loaded.script.classes[:2])
    assert with_sprites[f"reveal-{first}/reveal"] == {first}
    assert with_sprites[f"reveal-{second}/reveal"] == {second}


def _rest(show) -> None:  # type: ignore[no-untyped-def]
    """Let the stage be still and draw ahead, as between two of the host's clicks (at most 3 s)."""
    renderer = show.controller.renderer
    end = time.monotonic() + 3.0
    while time.monotonic() < end and (renderer.preparing or show.stage.animating or renderer.store.pending):
        QApplication.processEvents()
    QApplication.processEvents()


def test_a_transition_ends_on_its_still_picture(show, clock, qtbot) -> None:  # type: ignore[no-untyped-def]
    """When the show's clock passes a transition's end while a transition frame is being painted (98 %),
    the stage paints one more frame: the picture left standing is the incoming cue's, not one a few
    hundredths short of it (and only its layer stays pinned)."""
    stage, controller = show.stage, show.controller
    settle(clock, 6.0)
    _rest(show)
    press(qtbot, show.presenter, Qt.Key.Key_PageDown)  # walk-in -> title: a fade
    duration = controller.state.cue.transition.duration
    assert duration > 0 and stage.last_good_frame.in_transition
    paint = controller.renderer.paint

    def late(painter, rect, frame):  # type: ignore[no-untyped-def]
        paint(painter, rect, frame)
        if painter.device() is stage and frame.in_transition and frame.progress >= 0.9:
            clock.advance(duration)  # the transition ends while this stage frame is painted

    controller.renderer.paint = late  # type: ignore[method-assign]
    clock.advance(duration * 0.98)
    qtbot.waitUntil(lambda: clock.now - controller.state.cue_entered_at > duration, timeout=1000)
    qtbot.wait(100)
    assert not stage.last_good_frame.in_transition
    assert not stage.animating
