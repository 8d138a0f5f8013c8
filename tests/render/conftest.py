"""Render tests: one offscreen QGuiApplication-compatible app and one renderer for slides.yaml."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from ceremony.render import Frame, Renderer
from ceremony.script.loader import LoadedScript, load_script

SLIDES = Path(__file__).resolve().parents[2] / "slides.yaml"


@pytest.fixture(scope="session")
def loaded() -> LoadedScript:
    return load_script(SLIDES)


@pytest.fixture(scope="session")
def renderer(loaded: LoadedScript, qapp: object) -> Iterator[Renderer]:
    r = Renderer(loaded)
    r.store.wait()
    yield r
    r.close()


def render(renderer: Renderer, frame: Frame, w: int = 1920, h: int = 1080) -> QImage:
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(0xFF00FF)
    painter = QPainter(image)
    renderer.paint(painter, QRectF(0, 0, w, h), frame)
    painter.end()
    return image


def preset_winners(loaded: LoadedScript) -> dict[str, str]:
    return {c.id: c.winner for c in loaded.script.classes if c.winner != "live"}
