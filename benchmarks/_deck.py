"""The large deck the benchmarks use: 300 image cues, 300 distinct 3840×2160 JPEGs, in a temp dir (never committed)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

CUES = 300
SIZE = (3840, 2160)


def deck_dir() -> Path:
    """Where the deck lives: $CEREMONY_BENCH_DECK, or one folder in the system temp dir reused between runs."""
    return Path(os.environ.get("CEREMONY_BENCH_DECK") or Path(tempfile.gettempdir()) / "ceremony-bench-deck")


def make_deck(folder: Path | None = None) -> Path:
    """Write the images (once) and deck.yaml; returns the script's path."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter

    from ceremony.render.qtapp import ensure_gui_app

    folder = folder or deck_dir()
    images = folder / "images"
    images.mkdir(parents=True, exist_ok=True)
    ensure_gui_app()
    w, h = SIZE
    for i in range(CUES):
        path = images / f"photo-{i:03d}.jpg"
        if path.exists():
            continue
        image = QImage(w, h, QImage.Format.Format_RGB32)
        hue = (i * 37) % 360
        grad = QLinearGradient(QPointF(0, 0), QPointF(w, h))
        grad.setColorAt(0.0, QColor.fromHsv(hue, 160, 90))
        grad.setColorAt(1.0, QColor.fromHsv((hue + 90) % 360, 200, 220))
        p = QPainter(image)
        p.fillRect(QRectF(0, 0, w, h), grad)
        p.setPen(QColor("#ffffff"))
        font = QFont()
        font.setPixelSize(520)
        p.setFont(font)
        p.drawText(QRectF(0, 0, w, h), Qt.AlignmentFlag.AlignCenter, f"{i + 1}")
        for k in range(40):  # some detail, so the JPEGs are not trivially small
            p.fillRect(
                QRectF((k * 97 + i * 13) % w, (k * 53 + i * 7) % h, 60, 60),
                QColor.fromHsv((hue + k * 9) % 360, 200, 200),
            )
        p.end()
        image.save(str(path), "JPG", 88)
    script = folder / "deck.yaml"
    lines = [
        "version: 1",
        "event:",
        "  title: Benchmark deck",
        "  year: 2024",
        "  organisers: [KS, NHO]",
        "theme:",
        '  background: "#0b1630"',
        '  text: "#ffffff"',
        '  muted: "#c9d3e6"',
        '  accent: "#f2c14e"',
        '  accent2: "#7fd1c7"',
        "slides:",
    ]
    for i in range(CUES):
        lines += [
            f"  - id: photo-{i:03d}",
            "    kind: image",
            f"    image: images/photo-{i:03d}.jpg",
            "    transition: cut",
        ]
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return script


if __name__ == "__main__":
    print(make_deck())
