"""Caching never changes a pixel: a frame drawn cold equals the same frame drawn warm or prepared ahead."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from tests.render.conftest import SLIDES, preset_winners, render

from ceremony.render import Frame, Renderer
from ceremony.script.loader import LoadedScript, load_script

TIMES = {
    "suspense": (0.0, 0.4, 1.3, 2.9, 4.6),
    "reveal": (0.0, 0.3, 0.95, 1.2, 1.5, 1.72, 1.8, 2.1, 3.3, 4.0, 9.0),
}


def _cue(renderer: Renderer, step: str):  # type: ignore[no-untyped-def]
    return next(c for c in renderer.cues if c.step == step and c.class_id == "under-15000")


@pytest.fixture
def fresh(qapp: object):  # type: ignore[no-untyped-def]
    renderers: list[Renderer] = []

    def make() -> Renderer:
        r = Renderer(load_script(SLIDES), prefetch_size=None)
        renderers.append(r)
        return r

    yield make
    for r in renderers:
        r.close()


@pytest.mark.parametrize("step", ["suspense", "reveal"])
def test_cold_frame_equals_warm_frame(fresh, loaded: LoadedScript, step: str) -> None:  # type: ignore[no-untyped-def]
    winners = preset_winners(loaded)
    warm = fresh()
    cue = _cue(warm, step)
    for t in [k / 60 for k in range(0, 300, 7)]:  # every cache on the way gets filled
        render(warm, Frame(cue=cue, t=t, winners=winners))
    for t in TIMES[step]:
        cold = fresh()
        first = render(cold, Frame(cue=cue, t=t, winners=winners))
        again = render(cold, Frame(cue=cue, t=t, winners=winners))
        assert first == again, f"{step} t={t}: second draw differs from the first"
        assert render(warm, Frame(cue=cue, t=t, winners=winners)) == first, f"{step} t={t}: warm differs from cold"


def test_prepared_frames_equal_cold_frames(fresh, loaded: LoadedScript) -> None:  # type: ignore[no-untyped-def]
    winners = preset_winners(loaded)
    prepared = fresh()
    lineup = _cue(prepared, "lineup")
    prepared.prefetch([lineup.index, lineup.index + 1, lineup.index + 2], QSize(1920, 1080))
    prepared.prepare_all()
    assert not prepared.prepare_step()
    for step in ("suspense", "reveal"):
        cue = _cue(prepared, step)
        for t in TIMES[step]:
            cold = fresh()
            assert render(prepared, Frame(cue=cue, t=t, winners=winners)) == render(
                cold, Frame(cue=cue, t=t, winners=winners)
            ), f"{step} t={t}"


def test_prefetch_prepares_the_reveal_ahead(fresh) -> None:  # type: ignore[no-untyped-def]
    r = fresh()
    lineup = _cue(r, "lineup")
    r.prefetch([lineup.index, lineup.index + 1, lineup.index + 2], QSize(1920, 1080))
    steps = 0
    while r.prepare_step():
        steps += 1
        assert steps < 100
        r.store.wait()
    layers = {key[0] for key, _ in r.layers.cache.items()}
    assert r.layers.has_backdrop(QSize(1920, 1080))  # what the reveal draws over
    assert ("reveal-settled", "under-15000", "kvitsoy") in layers  # the preset winner's resting cards
    sprites = [key for key, _ in r.reveal.sprites.cache.items()]
    assert any(key[0] == "card" for key in sprites)
    assert any(key[0] == "kicker" for key in sprites)
    assert not any(key[:4] == ("card", "under-15000", 0, True) for key in sprites), "only the preset winner turns gold"
    r.clear_caches()
    assert not r.prepare_step()


def test_layer_cache_is_bounded_but_keeps_what_is_on_screen(fresh) -> None:  # type: ignore[no-untyped-def]
    from ceremony.render.layers import LAYERS_AT_ONCE

    r = fresh()
    r.layers.cache.limit = 1  # the limit still keeps LAYERS_AT_ONCE frames
    still = next(c for c in r.cues if r.view(c).motion is None and c.kind != "black")  # no live clock
    shown = render(r, Frame(cue=still), 320, 180)
    for cue in r.cues:
        r.layers.of_layout(r.view(cue).key, QSize(320, 180), r.scene(r.view(cue)).layout)
    assert len(r.layers.cache) <= LAYERS_AT_ONCE + 1
    kept = [key for key, _ in r.layers.cache.items()]
    assert any(key[0] == r.view(still).key for key in kept), "the shown cue's layer was evicted"
    assert render(r, Frame(cue=still), 320, 180) == shown


def test_glow_bases_built_ahead_change_no_pixel(fresh, loaded: LoadedScript, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Large frames blit the stage with the glow at its step, built in bands in the frames before: every 60 fps
    frame equals the frame drawn by blitting the stage and blending the glow over it. Dropped once settled."""
    from ceremony.render import glow

    winners = preset_winners(loaded)
    built = 0
    ready = glow.GlowBases.ready

    def counting(self, stage, step):  # type: ignore[no-untyped-def]
        nonlocal built
        image = ready(self, stage, step)
        built += image is not None
        return image

    monkeypatch.setattr(glow.GlowBases, "ready", counting)
    frames = [k / 60 for k in range(120)]  # the glow fades in between t = 0.9 and 1.75
    monkeypatch.setattr(glow, "GLOW_BASE_MIN_PIXELS", 10**12)
    plain = fresh()
    cue = _cue(plain, "reveal")
    expected = [render(plain, Frame(cue=cue, t=t, winners=winners), 640, 360) for t in frames]
    assert built == 0 and not plain.reveal.glow.bases
    monkeypatch.setattr(glow, "GLOW_BASE_MIN_PIXELS", 0)
    ahead = fresh()
    for t, want in zip(frames, expected, strict=True):
        assert render(ahead, Frame(cue=cue, t=t, winners=winners), 640, 360) == want, f"t={t}"
    assert built >= glow.GLOW_LEVELS - 1, "every step before the settled one was blitted from a built base"
    assert not ahead.reveal.glow.bases, "the bases are dropped once the reveal has settled"


def test_preparing_a_one_nominee_class(fresh) -> None:  # type: ignore[no-untyped-def]
    """A class may have a single nominee (then there is no losing card to fade ahead)."""
    r = fresh()
    award_class = r.script.classes[0]
    one = dataclasses.replace(award_class, nominees=award_class.nominees[:1], winner="live")
    r.reveal.prepare_sprites(one, 0.5, None)
    assert any(key[:2] == ("card", one.id) for key, _ in r.reveal.sprites.cache.items())


def test_a_fade_out_of_a_moving_picture_keeps_no_scratch_frame(fresh, loaded: LoadedScript) -> None:  # type: ignore[no-untyped-def]
    """Leaving the walk-in (its clock moves) and a settled reveal by a fade: every frame is the outgoing frame
    and the incoming one blended as whole pictures, and no frame-sized scratch image stays after it."""
    import datetime as dt

    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QPainter

    from ceremony.render.geometry import ease

    r = fresh()
    winners = preset_winners(loaded)
    now = dt.datetime(2026, 2, 13, 12, 50)
    walk_in, title = r.cues[0], r.cues[1]
    reveal = _cue(r, "reveal")
    winner = r.cues[reveal.index + 1]
    pairs = (
        (Frame(cue=walk_in, now=now), Frame(cue=title)),
        (Frame(cue=reveal, t=5.0, winners=winners), Frame(cue=winner, winners=winners)),
    )
    for old, new in pairs:
        assert new.cue.transition.type == "fade"
        before, after = render(r, old, 640, 360), render(r, new, 640, 360)
        for progress in (0.3, 0.7):
            blended = before.copy()  # the incoming picture over the outgoing one at the eased progress
            painter = QPainter(blended)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)  # as the renderer draws images
            painter.setOpacity(ease(progress))
            painter.drawImage(QPointF(0, 0), after)
            painter.end()
            got = render(r, dataclasses.replace(new, outgoing=old, progress=progress), 640, 360)
            assert got == blended, f"{new.cue.id} at {progress}"
        assert len(r._scratch) == 0
        render(r, new, 640, 360)
        assert len(r._scratch) == 0, "nothing kept once the transition is over"


def test_scratch_frames_go_once_the_transition_is_over(fresh, loaded: LoadedScript) -> None:  # type: ignore[no-untyped-def]
    """A slide out of a moving picture draws it into a scratch frame; the first frame after the transition
    at that size lets it go (a 1080p frame is 8 MB)."""
    import datetime as dt

    r = fresh()
    walk_in = Frame(cue=r.cues[0], now=dt.datetime(2026, 2, 13, 12, 50))
    slide = next(c for c in r.cues if c.transition.type == "slide")
    sliding = Frame(cue=slide, outgoing=walk_in, progress=0.5)
    render(r, sliding, 640, 360)
    assert len(r._scratch) == 1
    render(r, sliding, 320, 180)
    render(r, Frame(cue=slide), 640, 360)
    assert [key[1:] for key, _ in r._scratch.items()] == [(320, 180)], "only the finished size's frame went"


def test_the_background_decoded_for_a_backdrop_is_let_go(fresh) -> None:  # type: ignore[no-untyped-def]
    """The backdrop (theme colour and background image) is kept drawn, one per size; the decoded background
    image is not kept beside it (8 MB at 1920x1080), nor decoded again by the next prefetch at that size."""
    r = fresh()
    assert r.background is not None
    r.prefetch([0, 1], QSize(640, 360))
    r.prepare_all()
    assert r.layers.has_backdrop(QSize(640, 360))
    decoded = [key for key, _ in r.store._images.items() if key[0] == str(r.background)]
    assert decoded == [], "the background stays decoded beside its backdrop"
    r.prefetch([1, 2], QSize(640, 360))
    r.store.wait()
    assert not any(key[0] == str(r.background) for key, _ in r.store._images.items()), "decoded again"


def test_a_class_s_reveal_sprites_go_once_the_show_has_left_it(fresh, loaded: LoadedScript) -> None:  # type: ignore[no-untyped-def]
    """The stage lets go of the card and header sprites of classes none of the cues around it belong to; the
    other class's stay (with the copies its moving cards use), and a reveal drawn again is the same picture."""
    winners = preset_winners(loaded)
    r = fresh()
    first, second = r.script.classes[0].id, r.script.classes[1].id
    reveals = {c.class_id: c for c in r.cues if c.kind == "reveal" and c.step == "reveal"}
    times = (0.5, 1.2, 5.0)  # moving (faded copies), still (smooth copies), settled
    before = [render(r, Frame(cue=reveals[first], t=t, winners=winners), 640, 360) for t in times]
    for t in times[:2]:  # the second class's cards still moving
        render(r, Frame(cue=reveals[second], t=t, winners=winners), 640, 360)

    def classes() -> set[object]:
        return {key[1] for key, _ in r.reveal.sprites.cache.items() if key[0] in ("card", "header")}

    def copies() -> int:
        return len(r.reveal.sprites.faded) + sum(1 for k, _ in r.reveal.sprites.cache.items() if k[0] == "smooth")

    assert classes() == {first, second}
    moving = copies()
    assert moving > 0  # the second class's
    around_second = range(reveals[second].index - 2, min(len(r.cues), reveals[second].index + 5))
    assert all(r.cues[i].class_id != first for i in around_second)
    assert r.let_go(around_second) > 0
    assert classes() == {second}
    assert copies() == moving
    assert r.let_go(around_second) == 0
    again = [render(r, Frame(cue=reveals[first], t=t, winners=winners), 640, 360) for t in times]
    assert again == before


def test_once_the_cards_rest_what_moved_them_is_let_go(fresh, loaded: LoadedScript) -> None:  # type: ignore[no-untyped-def]
    """At rest the reveal is its settled layer: the glow's sprite and the cards' faded and smooth copies go
    (the evening's peak memory, issue 18); the reveal drawn again from the start is the same picture."""
    winners = preset_winners(loaded)
    r = fresh()
    reveal = _cue(r, "reveal")
    moving = [render(r, Frame(cue=reveal, t=t, winners=winners), 640, 360) for t in (0.5, 1.2)]

    def held() -> tuple[int, int, int]:
        cache = r.reveal.sprites.cache.items()
        glow = sum(1 for k, _ in cache if k[0] == "glow")
        smooth = sum(1 for k, _ in cache if k[0] == "smooth")
        return glow, smooth, len(r.reveal.sprites.faded)

    glow, _smooth, faded = held()
    assert glow > 0 and faded > 0  # (smooth copies come with drawing the settled layer, and go with them)
    settled = render(r, Frame(cue=reveal, t=5.0, winners=winners), 640, 360)
    assert held() == (0, 0, 0)
    assert render(r, Frame(cue=reveal, t=5.0, winners=winners), 640, 360) == settled
    assert [render(r, Frame(cue=reveal, t=t, winners=winners), 640, 360) for t in (0.5, 1.2)] == moving


def test_a_reveal_keeps_its_settled_picture_while_the_cards_move(fresh, loaded: LoadedScript) -> None:  # type: ignore[no-untyped-def]
    """The settled layer drawn ahead stays through the reveal's moving frames, whatever else is drawn ahead
    meanwhile (the winner step): otherwise the frame where the cards come to rest would draw it."""
    winners = preset_winners(loaded)
    r = fresh()
    r.layers.cache.limit = 1  # the cache holds LAYERS_AT_ONCE frames
    reveal = _cue(r, "reveal")
    key = ("reveal-settled", reveal.class_id, winners[reveal.class_id or ""])
    render(r, Frame(cue=reveal, t=5.0, winners=winners), 320, 180)  # drawn (as ahead)
    others = [c for c in r.cues if r.view(c).motion is None and c.kind != "black"]
    for cue, t in zip(others, [k / 10 for k in range(1, 13)], strict=False):  # moving frames, layers drawn between
        render(r, Frame(cue=reveal, t=t, winners=winners), 320, 180)
        r.layers.of_layout(r.view(cue).key, QSize(320, 180), r.scene(r.view(cue)).layout)
        assert (key, 320, 180) in r.layers.cache, f"settled picture evicted at t={t}"


def test_the_stage_lets_go_of_large_images_at_sizes_its_cues_do_not_draw(fresh) -> None:  # type: ignore[no-untyped-def]
    """Around a cue, the stage keeps each image at the sizes those cues draw it on the stage (and every small
    one: a preview's); a crest decoded large for a cue left behind goes, and comes back decoded if asked for."""
    r = fresh()
    lineup = next(c for c in r.cues if c.kind == "lineup")
    stage = QSize(1920, 1080)
    r.prefetch([lineup.index], stage, prepare=0)
    r.store.wait()
    needed = {key for key, _ in r.store._images.items()}
    crest = next(Path(key[0]) for key in sorted(needed) if "crests" in key[0])
    assert (str(crest), 480, 576, None) not in needed
    r.store.get(crest, 480, 576)  # as a nominee slide drew it, cues ago
    r.store.get(crest, 48, 58)  # as a preview draws it
    r.let_go([lineup.index], stage)
    held = {key for key, _ in r.store._images.items()}
    assert needed <= held
    assert (str(crest), 48, 58, None) in held
    assert (str(crest), 480, 576, None) not in held
    assert r.store.get(crest, 480, 576) is not None  # decoded again when a layer needs it
