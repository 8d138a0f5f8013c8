"""Export: every cue as a PNG of the asked size, a PDF page per cue, frames, and no traceback for bad input."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from tests.render.conftest import SLIDES

from ceremony import export


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    export.add_arguments(parser)
    return export.run(parser.parse_args(list(argv)))


def _check_pngs(folder: Path, n: int, w: int, h: int) -> None:
    files = sorted(folder.glob("*.png"))
    assert len(files) == n
    for f in files:
        image = QImage(str(f))
        assert (image.width(), image.height()) == (w, h)
        pixels = {image.pixel(x, y) for x in range(0, w, w // 16) for y in range(0, h, h // 9)}
        if "end" not in f.name:
            assert len(pixels) > 8, f.name


def test_png_and_pdf_export(tmp_path: Path, renderer) -> None:  # type: ignore[no-untyped-def]
    n = len(renderer.cues)
    assert (
        _run(str(SLIDES), "--png", str(tmp_path / "png"), "--size", "640x360", "--pdf", str(tmp_path / "show.pdf")) == 0
    )
    _check_pngs(tmp_path / "png", n, 640, 360)
    assert (tmp_path / "png" / "001-walk-in.png").exists()
    pdf = (tmp_path / "show.pdf").read_bytes()
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == n


def test_png_export_other_aspect(tmp_path: Path, renderer) -> None:  # type: ignore[no-untyped-def]
    assert _run(str(SLIDES), "--png", str(tmp_path), "--size", "320x256") == 0
    _check_pngs(tmp_path, len(renderer.cues), 320, 256)


def test_sealed_export_matches_line_up(tmp_path: Path) -> None:
    assert _run(str(SLIDES), "--png", str(tmp_path), "--size", "480x270", "--sealed") == 0
    files = {f.name: QImage(str(f)) for f in tmp_path.glob("*.png")}
    lineup = next(v for k, v in files.items() if "reveal-under-15000-lineup" in k)
    for step in ("reveal", "winner"):
        assert next(v for k, v in files.items() if f"reveal-under-15000-{step}" in k) == lineup


def test_frames_and_cards(tmp_path: Path) -> None:
    assert (
        _run(
            str(SLIDES),
            "--frames",
            "reveal-under-15000",
            str(tmp_path / "f"),
            "--size",
            "192x108",
            "--fps",
            "5",
            "--cards",
            str(tmp_path / "cards.pdf"),
        )
        == 0
    )
    assert len(list((tmp_path / "f").glob("*.png"))) == (5 + 4) * 5
    assert (tmp_path / "cards.pdf").stat().st_size > 10_000


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["missing.yaml", "--png", "x"], "missing.yaml:1:1: error"),
        ([str(SLIDES), "--png", "x", "--size", "big"], "--size"),
        ([str(SLIDES)], "say what to export"),
        ([str(SLIDES), "--frames", "nope", "x"], "the reveals are"),
    ],
)
def test_bad_input_is_a_message_not_a_traceback(
    english, argv: list[str], needle: str, capsys, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    assert _run(*argv) == 2
    err = capsys.readouterr().err
    assert needle in err
    assert "Traceback" not in err


def _pdf_of(renderer, frames, path: Path) -> list[tuple[str, int, int]]:  # type: ignore[no-untyped-def]
    """Paint frames into a PDF; the (file, width, height) of every image the painting asked the store for."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter, QPdfWriter

    asked: list[tuple[str, int, int]] = []
    real_get = renderer.store.get

    def get(path, width, height, view_box=None):  # type: ignore[no-untyped-def]
        asked.append((Path(path).name, width, height))
        return real_get(path, width, height, view_box)

    renderer.store.get = get
    try:
        writer = QPdfWriter(str(path))
        writer.setResolution(96)  # as the export: a page is the canvas' 1920 pixels wide
        painter = QPainter(writer)
        for i, frame in enumerate(frames):
            if i:
                writer.newPage()
            renderer.paint(painter, QRectF(0, 0, writer.width(), writer.height()), frame)
        painter.end()
    finally:
        del renderer.store.get
    return asked


def test_a_pdf_takes_each_image_once_at_the_largest_size_it_is_drawn(tmp_path: Path, renderer) -> None:  # type: ignore[no-untyped-def]
    """Crests are drawn small on the class intro and line-up, large on their own slide: one picture serves all."""
    frames = [
        export.export_frame(renderer.loaded, cue, False)
        for cue in renderer.cues
        if cue.kind in ("class_intro", "nominee", "lineup")
    ]
    renderer.items.vector_plan.clear()
    unplanned = _pdf_of(renderer, frames, tmp_path / "unplanned.pdf")
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPdfWriter

    page = QPdfWriter(str(tmp_path / "size.pdf"))
    page.setResolution(96)
    renderer.plan_pdf(frames, QRectF(0, 0, page.width(), page.height()))
    planned = _pdf_of(renderer, frames, tmp_path / "planned.pdf")
    renderer.items.vector_plan.clear()

    def sizes(asked: list[tuple[str, int, int]]) -> dict[str, set[tuple[int, int]]]:
        found: dict[str, set[tuple[int, int]]] = {}
        for name, w, h in asked:
            found.setdefault(name, set()).add((w, h))
        return found

    before, after = sizes(unplanned), sizes(planned)
    assert len(before["notodden.svg"]) > 1  # the same crest at several sizes: several pictures in the file
    assert set(after) == set(before)
    for name, shown in after.items():
        assert len(shown) == 1, (name, shown)
        (w, h), biggest = next(iter(shown)), max(before[name], key=lambda s: s[0] * s[1])
        assert (w, h) == biggest, name  # never smaller than the largest placement needs
    count = lambda p: len(re.findall(rb"/Subtype\s*/Image", (tmp_path / p).read_bytes()))  # noqa: E731
    assert count("planned.pdf") < count("unplanned.pdf")
