"""Cue to view, without Qt: what each cue shows, and that a winner shows only where a cue names one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import get_args

import pytest

from ceremony.render.views import resolve
from ceremony.script.loader import load_script
from ceremony.show.cues import build_cues

SLIDES = Path(__file__).resolve().parents[2] / "slides.yaml"


@pytest.fixture(scope="module")
def script():  # type: ignore[no-untyped-def]
    return load_script(SLIDES).script


def _cue(script, cue_id: str):  # type: ignore[no-untyped-def]
    return next(c for c in build_cues(script) if c.id == cue_id)


def test_the_resolver_needs_no_qt() -> None:
    code = (
        "import sys; import ceremony.render.views as v; from ceremony.script.loader import load_script; "
        "from ceremony.show.cues import build_cues; s = load_script(sys.argv[1]).script; "
        "[v.resolve(s, c, None) for c in build_cues(s)]; "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'"
    )
    done = subprocess.run([sys.executable, "-c", code, str(SLIDES)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("cue_id", "composition", "motion"),
    [
        ("walk-in", "countdown", "countdown"),
        ("title", "title", None),
        ("quote-almlid", "quote", None),
        ("jury", "text", None),
        ("intro-under-15000", "class_intro", None),
        ("nominee-kvitsoy", "nominee", None),
        ("lineup-under-15000/2", "lineup", None),
        ("reveal-under-15000/lineup", "lineup", None),
        ("reveal-under-15000/suspense", "lineup", "suspense"),
        ("reveal-under-15000/reveal", "stage", "reveal"),
        ("reveal-under-15000/winner", "winner", None),
        ("end", "black", None),
    ],
)
def test_each_cue_kind_resolves_to_its_composition(script, cue_id: str, composition: str, motion: str | None) -> None:  # type: ignore[no-untyped-def]
    view = resolve(script, _cue(script, cue_id), "kvitsoy")
    assert (view.composition, view.motion) == (composition, motion)


def test_a_building_line_up_shares_the_full_line_ups_picture_only_when_complete(script) -> None:  # type: ignore[no-untyped-def]
    full = resolve(script, _cue(script, "reveal-under-15000/lineup"), None)
    assert resolve(script, _cue(script, "lineup-under-15000/3"), None).key == full.key
    two = resolve(script, _cue(script, "lineup-under-15000/2"), None)
    assert two.key != full.key and two.shown == 2


@pytest.mark.parametrize("step", ["reveal", "winner"])
def test_sealed_reveal_and_winner_show_the_line_up(script, step: str) -> None:  # type: ignore[no-untyped-def]
    lineup = resolve(script, _cue(script, "reveal-under-15000/lineup"), None)
    for winner in (None, "not-a-nominee", "asker"):  # asker is a nominee of the other class
        assert resolve(script, _cue(script, f"reveal-under-15000/{step}"), winner) == lineup


def test_no_cue_before_the_reveal_depends_on_the_winner(script) -> None:  # type: ignore[no-untyped-def]
    for cue in build_cues(script):
        if cue.names_winner:
            continue
        assert {resolve(script, cue, w) for w in (None, "kvitsoy", "hamaroy", "notodden")} == {
            resolve(script, cue, None)
        }, cue.id


def test_the_winner_step_names_the_winner(script) -> None:  # type: ignore[no-untyped-def]
    views = {w: resolve(script, _cue(script, "reveal-under-15000/winner"), w) for w in ("kvitsoy", "hamaroy")}
    assert views["kvitsoy"].key != views["hamaroy"].key
    assert views["kvitsoy"].winner == "kvitsoy"


def test_every_composition_has_a_composer() -> None:
    from ceremony.render.compose import _COMPOSERS
    from ceremony.render.views import Composition

    assert set(_COMPOSERS) == set(get_args(Composition))
