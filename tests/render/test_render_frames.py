"""Every cue renders, letterboxes, keeps secrets while sealed and moves smoothly."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QColor, QImage
from tests.render.conftest import preset_winners, render

from ceremony.render import Frame, Renderer
from ceremony.render import show_layout as S
from ceremony.render.geometry import countdown_text, date_nb, nbsp_numbers
from ceremony.script.loader import LoadedScript


def _distinct_colours(image: QImage, step: int = 37) -> int:
    seen = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen.add(image.pixel(x, y))
    return len(seen)


def test_every_cue_renders_non_blank_at_1080p(renderer: Renderer, loaded: LoadedScript) -> None:
    winners = preset_winners(loaded)
    for cue in renderer.cues:
        image = render(renderer, Frame(cue=cue, t=cue.animation, winners=winners))
        if cue.kind == "black":
            assert _distinct_colours(image) == 1
            assert QColor(image.pixel(960, 540)).name() == "#000000"
        else:
            assert _distinct_colours(image) > 20, cue.id
        assert QColor(image.pixel(5, 5)).name() != "#ff00ff", f"{cue.id}: unpainted pixels"


def test_every_cue_letterboxes_at_1280x1024(renderer: Renderer, loaded: LoadedScript) -> None:
    winners = preset_winners(loaded)
    bar = (1024 - 720) // 2
    for cue in renderer.cues:
        image = render(renderer, Frame(cue=cue, t=cue.animation, winners=winners), 1280, 1024)
        for x in (0, 640, 1279):
            assert QColor(image.pixel(x, 2)).name() == "#000000", cue.id
            assert QColor(image.pixel(x, 1021)).name() == "#000000", cue.id
            assert QColor(image.pixel(x, bar - 2)).name() == "#000000", cue.id
        if cue.kind != "black":
            assert QColor(image.pixel(640, bar + 20)).name() != "#000000", cue.id


def _cue(renderer: Renderer, cue_id: str):  # type: ignore[no-untyped-def]
    return next(c for c in renderer.cues if c.id == cue_id)


@pytest.mark.parametrize("klass", ["under-15000", "over-15000"])
def test_sealed_reveal_and_winner_are_the_line_up(renderer: Renderer, klass: str) -> None:
    lineup = render(renderer, Frame(cue=_cue(renderer, f"reveal-{klass}/lineup")))
    renderer.clear_caches()
    for step in ("reveal", "winner"):
        for t in (0.0, 1.0, 2.5, 10.0):
            sealed = render(renderer, Frame(cue=_cue(renderer, f"reveal-{klass}/{step}"), t=t))
            assert sealed == lineup, (step, t)
    built = render(renderer, Frame(cue=_cue(renderer, f"lineup-{klass}/3")))
    assert built == lineup


@pytest.mark.parametrize("klass", ["under-15000", "over-15000"])
def test_suspense_never_depends_on_the_winner(renderer: Renderer, loaded: LoadedScript, klass: str) -> None:
    cue = _cue(renderer, f"reveal-{klass}/suspense")
    award_class = loaded.script.award_class(klass)
    assert award_class is not None
    for t in (0.0, 0.7, 1.9, 3.3, 4.9):
        frames = [render(renderer, Frame(cue=cue, t=t, winners={klass: n}), 960, 540) for n in award_class.nominee_ids]
        frames.append(render(renderer, Frame(cue=cue, t=t), 960, 540))
        assert all(f == frames[0] for f in frames), t


def test_suspense_starts_as_the_line_up(renderer: Renderer) -> None:
    lineup = render(renderer, Frame(cue=_cue(renderer, "reveal-under-15000/lineup")))
    assert render(renderer, Frame(cue=_cue(renderer, "reveal-under-15000/suspense"), t=0.0)) == lineup


def test_reveal_motion_is_smooth_at_30_fps() -> None:
    for winner in range(3):
        previous = S.reveal_poses(3, winner, 0.0)
        for k in range(1, 4 * 30 + 1):
            poses = S.reveal_poses(3, winner, k / 30)
            for a, b in zip(previous, poses, strict=True):
                assert abs(a.cx - b.cx) < 40
                assert abs(a.cy - b.cy) < 10
                assert abs(a.scale - b.scale) < 0.02
                assert abs(a.opacity - b.opacity) < 0.06
            previous = poses
        end = S.reveal_poses(3, winner, 4.0)[winner]
        assert (end.cx, end.scale) == (S.WINNER_CENTRE[0], S.WINNER_SCALE)


def test_reveal_frames_are_reproducible(renderer: Renderer, loaded: LoadedScript) -> None:
    cue = _cue(renderer, "reveal-under-15000/reveal")
    frame = Frame(cue=cue, t=2.2, winners=preset_winners(loaded))
    assert render(renderer, frame, 960, 540) == render(renderer, frame, 960, 540)


def test_rehearsal_mark_and_blackout(renderer: Renderer) -> None:
    cue = _cue(renderer, "title")
    plain = render(renderer, Frame(cue=cue))
    marked = render(renderer, Frame(cue=cue, rehearsal=True))
    assert plain != marked
    assert plain.copy(0, 200, 1500, 880) == marked.copy(0, 200, 1500, 880)
    black = render(renderer, Frame(cue=cue, blackout="black", blackout_level=1.0))
    assert _distinct_colours(black) == 1
    white = render(renderer, Frame(cue=cue, blackout="white", blackout_level=1.0))
    assert QColor(white.pixel(960, 540)).name() == "#ffffff"


@pytest.mark.parametrize("kind", ["fade", "slide", "zoom"])
def test_transitions_blend_from_old_to_new(renderer: Renderer, kind: str) -> None:
    from dataclasses import replace

    from ceremony.script.model import Transition

    old_cue, new_cue = _cue(renderer, "title"), _cue(renderer, "jury")
    new_cue = replace(new_cue, transition=Transition(type=kind, duration=0.6))
    old, new = Frame(cue=old_cue), Frame(cue=new_cue)
    start = render(renderer, Frame(cue=new_cue, outgoing=old, progress=0.0), 480, 270)
    middle = render(renderer, Frame(cue=new_cue, outgoing=old, progress=0.5), 480, 270)
    assert start == render(renderer, old, 480, 270)
    assert middle not in (start, render(renderer, new, 480, 270))


def test_countdown_clock() -> None:
    until = dt.time(13, 0)
    assert countdown_text(until, dt.datetime(2024, 2, 13, 12, 50, 0)) == "10:00"
    assert countdown_text(until, dt.datetime(2024, 2, 13, 12, 59, 58, 500_000)) == "00:02"
    assert countdown_text(until, dt.datetime(2024, 2, 13, 13, 30)) == "00:00"
    assert countdown_text(until, dt.datetime(2024, 2, 13, 11, 0)) == "2:00:00"


def test_text_helpers() -> None:
    assert nbsp_numbers("under 15 000 innbyggere") == "under 15\u00a0000 innbyggere"
    assert date_nb(dt.date(2024, 2, 13)) == "13. februar 2024"


def test_missing_images_draw_a_placeholder(tmp_path, qapp) -> None:  # type: ignore[no-untyped-def]
    from ceremony.script.loader import load_bytes

    (tmp_path / "broken.png").write_text("not an image")
    raw = b"""
event: {title: Test, year: 2024}
classes: []
slides:
  - {kind: image, image: broken.png, caption: Bildetekst}
"""
    try:
        loaded = load_bytes(raw, tmp_path / "s.yaml")
    except Exception:  # the loader may refuse broken assets outright: then nothing reaches the stage
        return
    r = Renderer(loaded)
    try:
        image = render(r, Frame(cue=r.cues[0]))
        assert _distinct_colours(image) > 3
    finally:
        r.close()
