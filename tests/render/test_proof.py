"""render.proof on its own: what counts as showing nothing, and a plan that does not depend on who wins."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

from ceremony.render.proof import look, plan
from ceremony.render.renderer import Renderer
from ceremony.script.loader import load_script

REPO = Path(__file__).resolve().parents[2]


def picture(fill: QColor | Qt.GlobalColor, shape: QColor | None = None) -> QImage:
    image = QImage(120, 144, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(fill)
    if shape is not None:
        painter = QPainter(image)
        painter.fillRect(30, 30, 60, 80, shape)
        painter.end()
    return image


def test_what_shows_nothing(qapp: object) -> None:
    assert look(None, "crest") == "decode"
    assert look(picture(Qt.GlobalColor.transparent), "image") == "nothing"
    assert look(picture(QColor(255, 255, 255, 6)), "logo") == "nothing"  # 2 % opaque: nothing one can see
    assert look(picture(QColor(255, 255, 255, 40)), "image") is None


def test_one_flat_colour_fails_a_crest_or_logo_only(qapp: object) -> None:
    white = picture(QColor("#ffffff"))
    assert look(white, "crest") == "#ffffff"
    assert look(white, "logo") == "#ffffff"
    assert look(white, "image") is None  # a white photo slide may be meant
    assert look(white, "background") is None


def test_a_one_colour_logo_on_transparent_shows(qapp: object) -> None:
    """A white mark on nothing is how many logos for a dark stage are made: it is not a flat colour."""
    assert look(picture(Qt.GlobalColor.transparent, QColor("#ffffff")), "logo") is None
    assert look(picture(QColor("#13203d"), QColor("#f1d98f")), "crest") is None


def test_the_plan_is_the_same_whoever_wins(qapp: object, tmp_path: Path) -> None:
    """Every nominee's crest is proven where a winner's is drawn, so no check says anything about who wins."""
    text = (REPO / "slides.yaml").read_text(encoding="utf-8")
    plans = []
    for winner in ("kvitsoy", "notodden"):
        folder = tmp_path / winner
        folder.mkdir()
        shutil.copytree(REPO / "assets", folder / "assets")
        (folder / "slides.yaml").write_text(text.replace("winner: kvitsoy", f"winner: {winner}"), encoding="utf-8")
        loaded = load_script(folder / "slides.yaml")
        assert loaded.script.award_class("under-15000").winner == winner  # type: ignore[union-attr]
        renderer = Renderer(loaded, prefetch_size=None)
        plans.append(sorted((p.asset, p.kind, p.width, p.height, p.slide) for p in plan(loaded, renderer)))
        renderer.close()
    assert plans[0] == plans[1]
    winner_size = [p for p in plans[0] if p[1] == "crest" and (p[2], p[3]) == (500, 600)]
    assert {p[0] for p in winner_size} >= {"assets/crests/kvitsoy.svg", "assets/crests/notodden.svg"}
