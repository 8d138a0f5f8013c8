"""The stage's backdrop and the background's lightest colour, kept on disk for the next start (render/kept.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from tests.render.conftest import SLIDES

from ceremony.render import Renderer, images, kept
from ceremony.script.loader import LoadedScript, load_script

STAGE = QSize(1920, 1080)


def _drawn(loaded: LoadedScript, size: QSize = STAGE) -> tuple[Renderer, QImage]:
    """A renderer as a new start makes it, and its backdrop at size (copied: the renderer is closed)."""
    renderer = Renderer(loaded, prefetch_size=None, keep_on_disk=True)
    image = renderer.layers.backdrop(size).copy()
    kept.flush()
    renderer.close()
    return renderer, image


def _show_copy(tmp_path: Path) -> Path:
    """slides.yaml with its assets in a folder of its own, so a test may change the background."""
    shutil.copytree(SLIDES.parent / "assets", tmp_path / "assets")
    script = tmp_path / "slides.yaml"
    shutil.copy(SLIDES, script)
    return script


def test_the_next_start_reads_the_backdrop_instead_of_drawing_it(qapp: object, loaded: LoadedScript) -> None:
    first, drawn = _drawn(loaded)
    assert first.store.sync_decodes == 1  # the background, rasterised
    assert len(list(kept.folder().glob("*.rgb32"))) == 1
    again, read = _drawn(loaded)
    assert again.store.sync_decodes == 0, "drawn again instead of read back"
    assert read == drawn


def test_a_changed_background_is_drawn_again(qapp: object, tmp_path: Path) -> None:
    script = _show_copy(tmp_path)
    _, before = _drawn(load_script(script))
    background = tmp_path / "assets" / "background.svg"
    background.write_text(background.read_text().replace("#0a1530", "#3a1530"))
    renderer, after = _drawn(load_script(script))
    assert renderer.store.sync_decodes == 1
    assert after != before
    assert len(list(kept.folder().glob("*.rgb32"))) == 2


@pytest.mark.parametrize("damage", ["truncate", "header", "extra", "pixels"])
def test_a_damaged_file_is_drawn_again(qapp: object, loaded: LoadedScript, damage: str) -> None:
    _, drawn = _drawn(loaded)
    (path,) = kept.folder().glob("*.rgb32")
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "header":
        path.write_bytes(data[:20] + b"\xff\xff" + data[22:])  # another width
    elif damage == "pixels":  # same length, one byte of the picture changed: it must not reach the stage
        middle = len(data) // 2
        path.write_bytes(data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :])
    else:
        path.write_bytes(data + b"\0")
    renderer, again = _drawn(loaded)
    assert renderer.store.sync_decodes == 1
    assert again == drawn


def test_the_presenter_s_small_backdrops_are_not_kept(qapp: object, loaded: LoadedScript) -> None:
    _drawn(loaded, QSize(640, 360))
    assert not list(kept.folder().glob("*.rgb32"))


def test_the_lightest_colour_is_remembered(qapp: object, loaded: LoadedScript, monkeypatch: pytest.MonkeyPatch) -> None:
    first = Renderer(loaded, prefetch_size=None, keep_on_disk=True)
    colours = first.ctx.palette
    first.close()
    assert list(kept.folder().glob("*.lightest"))

    def scan(*_args: object) -> str:
        raise AssertionError("the background was scanned again")

    monkeypatch.setattr(images, "lightest_colour", scan)
    monkeypatch.setattr("ceremony.render.renderer.lightest_colour", scan)
    again = Renderer(loaded, prefetch_size=None, keep_on_disk=True)
    assert again.ctx.palette == colours
    again.close()
    (path,) = kept.folder().glob("*.lightest")
    path.write_text("not a colour")
    monkeypatch.undo()
    third = Renderer(loaded, prefetch_size=None, keep_on_disk=True)
    assert third.ctx.palette == colours
    third.close()


def test_only_the_show_s_renderer_keeps_anything(qapp: object, loaded: LoadedScript) -> None:
    """An export's, a check's or a test's renderer draws the backdrop and writes nothing."""
    renderer = Renderer(loaded, prefetch_size=None)
    renderer.layers.backdrop(STAGE)
    kept.flush()
    renderer.close()
    assert not kept.folder().exists() or not any(kept.folder().iterdir())
