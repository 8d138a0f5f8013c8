"""Transitions are registered objects: every type the script allows has one, and each draws what it says."""

from __future__ import annotations

from typing import get_args, get_type_hints

import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from ceremony.render.transitions import TRANSITIONS, transition_for
from ceremony.script.model import Transition

W, H = 160, 90
OLD, NEW = QColor("#204080"), QColor("#f0c040")


def _allowed() -> tuple[str, ...]:
    hint = get_type_hints(Transition, include_extras=True)["type"]
    while get_args(hint) and not isinstance(get_args(hint)[0], str):
        hint = get_args(hint)[0]
    return get_args(hint)


def test_every_transition_type_of_the_script_is_registered() -> None:
    assert _allowed(), "read the types from the model"
    assert set(_allowed()) <= set(TRANSITIONS)


def _draw(name: str, t: float) -> QImage:
    old, new = QImage(W, H, QImage.Format.Format_RGB32), QImage(W, H, QImage.Format.Format_RGB32)
    old.fill(OLD)
    new.fill(NEW)
    out = QImage(W, H, QImage.Format.Format_RGB32)
    out.fill(QColor("#ff00ff"))
    painter = QPainter(out)
    transition_for(name).render(painter, old, new, t)
    painter.end()
    return out


def _at(image: QImage, x: int, y: int = H // 2) -> QColor:
    return QColor(image.pixel(x, y))


@pytest.mark.parametrize("name", ["fade", "slide", "zoom"])
def test_starts_on_the_old_picture_and_ends_on_the_new(qapp: object, name: str) -> None:
    start, end = _draw(name, 0.0), _draw(name, 1.0)
    assert all(_at(start, x) == OLD for x in (0, W // 2, W - 1)), name
    assert all(_at(end, x) == NEW for x in (0, W // 2, W - 1)), name


def test_fade_blends_everywhere(qapp: object) -> None:
    half = _at(_draw("fade", 0.5), W // 2)
    assert abs(half.red() - (OLD.red() + NEW.red()) / 2) <= 2


def test_slide_pushes_the_old_picture_out_to_the_left(qapp: object) -> None:
    quarter = _draw("slide", 0.25)
    assert _at(quarter, W * 3 // 4 - 2) == OLD and _at(quarter, W * 3 // 4 + 2) == NEW


def test_zoom_grows_the_new_picture_from_the_centre(qapp: object) -> None:
    early = _draw("zoom", 0.2)
    assert _at(early, 1, 1) == OLD, "the corner is still the old picture: the new one is smaller"
    assert _at(early, W // 2) not in (OLD, NEW), "the centre blends"


def test_an_unknown_name_fades() -> None:
    assert transition_for("spin") is TRANSITIONS["fade"]
