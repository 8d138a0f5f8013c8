"""Comparing a rendering with its golden image: a moved or resized element fails, anti-aliasing noise passes.

The metric, in three steps, all done by QPainter composition modes (no per-pixel Python):
1. Anti-aliasing tolerance: a pixel of one image is *matched* when its value (per channel) lies between the
   darkest and the lightest of the other image's pixels within one pixel of it. An edge drawn a fraction
   of a pixel elsewhere, or with other coverage values, stays between its neighbours: no mismatch. What
   is left over (how far outside that range) is the mismatch, taken both ways.
2. Density: the mismatch is averaged over cells of CELL x CELL pixels, so that scattered single pixels
   along glyph edges (another rasteriser's noise) fade, while an element that moved leaves whole cells
   of mismatch along every edge and glyph.
3. A cell whose average passes LEVEL counts; more than CELLS such cells fail.
tests/render/test_golden.py proves both sides on real layouts: an element moved by 3 px or resized by 5 %
fails, a rendering at twice the size scaled down, a 1/4-pixel shift of everything and noise pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPainter

CELL = 4
"""Pixels a side of the cells the mismatch is averaged over."""
LEVEL = 28
"""Of 255: a cell whose average mismatch passes this counts as changed."""
CELLS = 8
"""How many changed cells a rendering may have and still match (the noise measured: at most 2)."""
_MODE = QPainter.CompositionMode


@dataclass(frozen=True, slots=True)
class Difference:
    cells: int
    """Cells whose average mismatch passes LEVEL."""
    largest: int
    """The largest average mismatch of any cell's channel (0-255)."""

    @property
    def same(self) -> bool:
        return self.cells <= CELLS


def _composed(dst: QImage, src: QImage, mode: QPainter.CompositionMode, at: QPoint | None = None) -> QImage:
    out = dst.copy()
    painter = QPainter(out)
    painter.setCompositionMode(mode)
    painter.drawImage(at or QPoint(0, 0), src)
    painter.end()
    return out


def _neighbourhood(image: QImage, mode: QPainter.CompositionMode, start: QColor) -> QImage:
    """Per pixel and channel, the darkest (Darken) or lightest (Lighten) value within one pixel."""
    out = QImage(image.size(), QImage.Format.Format_RGB32)
    out.fill(start)
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            shifted = _composed(image, image, _MODE.CompositionMode_Source, QPoint(dx, dy))
            out = _composed(out, shifted, mode)
    return out


def _outside(a: QImage, b: QImage) -> QImage:
    """Per pixel of a and channel, how far its value lies outside the range of b's values around it."""
    low = _neighbourhood(b, _MODE.CompositionMode_Darken, QColor(255, 255, 255))
    high = _neighbourhood(b, _MODE.CompositionMode_Lighten, QColor(0, 0, 0))
    above = _composed(_composed(a, high, _MODE.CompositionMode_Lighten), high, _MODE.CompositionMode_Difference)
    below = _composed(_composed(a, low, _MODE.CompositionMode_Darken), low, _MODE.CompositionMode_Difference)
    return _composed(above, below, _MODE.CompositionMode_Lighten)


def mismatch(actual: QImage, expected: QImage) -> QImage:
    """The mismatch both ways, averaged over CELL x CELL cells (one pixel a cell)."""
    a = actual.convertToFormat(QImage.Format.Format_RGB32)
    b = expected.convertToFormat(QImage.Format.Format_RGB32)
    both = _composed(_outside(a, b), _outside(b, a), _MODE.CompositionMode_Lighten)
    return both.scaled(
        max(1, both.width() // CELL),
        max(1, both.height() // CELL),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,  # an area average when scaling down
    )


def _cells(cells: QImage) -> list[int]:
    """Each cell's largest channel."""
    data, stride, w = bytes(cells.constBits()), cells.bytesPerLine(), cells.width()
    return [max(data[y * stride + 4 * x : y * stride + 4 * x + 3]) for y in range(cells.height()) for x in range(w)]


def difference(actual: QImage, expected: QImage) -> Difference:
    if actual.size() != expected.size():
        return Difference(actual.width() * actual.height(), 255)
    values = _cells(mismatch(actual, expected))
    return Difference(sum(1 for v in values if v > LEVEL), max(values, default=0))


def diff_image(actual: QImage, expected: QImage) -> QImage:
    """The expected picture dimmed, every changed cell in red over it."""
    out = expected.convertToFormat(QImage.Format.Format_RGB32)
    painter = QPainter(out)
    painter.fillRect(out.rect(), QColor(0, 0, 0, 170))
    if actual.size() == expected.size():
        cells = mismatch(actual, expected)
        for i, value in enumerate(_cells(cells)):
            if value > LEVEL:
                x, y = i % cells.width(), i // cells.width()
                painter.fillRect(x * CELL, y * CELL, CELL, CELL, QColor(255, 40, 40))
    painter.end()
    return out


def check(name: str, actual: QImage, folder: Path, out_dir: Path, update: bool) -> None:
    """Compare actual with folder/name.png, or write it when updating. On a difference, save the actual
    picture and a diff beside the test's output and fail naming both."""
    golden = folder / f"{name}.png"
    if update:
        folder.mkdir(parents=True, exist_ok=True)
        assert actual.save(str(golden)), f"could not write {golden}"
        return
    assert golden.exists(), f"no golden image {golden}: run pytest --update-golden, then look at it"
    expected = QImage(str(golden))
    found = difference(actual, expected)
    if found.same:
        return
    out_dir.mkdir(parents=True, exist_ok=True)
    actual_path, diff_path = out_dir / f"{name}-actual.png", out_dir / f"{name}-diff.png"
    actual.save(str(actual_path))
    diff_image(actual, expected).save(str(diff_path))
    raise AssertionError(
        f"{name}: {found.cells} cells of {CELL}x{CELL} px differ by more than {LEVEL}/255 on average (at most "
        f"{CELLS} may; the largest {found.largest}).\n  expected: {golden}\n  actual:   {actual_path}\n"
        f"  diff:     {diff_path}\nIf the new look is intended, run pytest --update-golden and look at each image."
    )
