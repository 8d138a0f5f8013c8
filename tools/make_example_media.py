#!/usr/bin/env python3
"""Generate the example media show's film and walk-in music (examples/media/media/).

    python tools/make_example_media.py            # rewrites the committed files
    python tools/make_example_media.py OUTDIR

The nominee film is 8 s of 960×540 at 30 fps: Notodden's placeholder crest drifting closer on the stage's
navy, its name and "Nominert 2024" fading in, with music under it (H.264 + AAC, ~0.3 MB). The walk-in music
is an 8 s chord loop that loops without a seam (Ogg Opus, ~0.1 MB). Both are made from scratch here (no
samples, no footage), deterministically, with PyAV and Qt's painter (offscreen), so they are the project's own
(MIT) and anyone can make them again.
"""

from __future__ import annotations

import fractions
import os
import sys
from pathlib import Path

import av
import av.audio.stream
import av.video.stream
import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

from ceremony.media.testcard import RATE, music  # noqa: E402
from ceremony.render.fonts import load_fonts  # noqa: E402
from ceremony.render.qtapp import ensure_gui_app  # noqa: E402

WIDTH, HEIGHT, FPS, SECONDS = 960, 540, 30, 8.0
NAVY, GOLD, TEXT = QColor("#0b1630"), QColor("#f2c14e"), QColor("#ffffff")


def smooth(x: float) -> float:
    x = min(1.0, max(0.0, x))
    return x * x * (3 - 2 * x)


def picture(crest: QSvgRenderer, t: float) -> QImage:
    """One frame of the nominee film at t seconds."""
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    glow = QLinearGradient(QPointF(0, 0), QPointF(WIDTH, HEIGHT))
    glow.setColorAt(0.0, QColor("#13244d"))
    glow.setColorAt(1.0, NAVY)
    painter.fillRect(image.rect(), glow)
    zoom = 1.0 + 0.12 * t / SECONDS
    height = HEIGHT * 0.62 * zoom
    width = height * 400 / 480
    centre_x = WIDTH * (0.30 + 0.02 * t / SECONDS)
    crest.render(painter, QRectF(centre_x - width / 2, HEIGHT * 0.47 - height / 2, width, height))
    for text, size, colour, at, y in (
        ("Notodden", 64, TEXT, 1.0, 0.44),
        ("Nominert 2024", 30, GOLD, 2.0, 0.58),
    ):
        painter.setOpacity(smooth((t - at) / 1.2))
        font = QFont("Inter", 1)
        font.setPixelSize(size)
        font.setWeight(QFont.Weight.Bold)
        painter.setFont(font)
        painter.setPen(colour)
        box = QRectF(WIDTH * 0.52, HEIGHT * y - size, WIDTH * 0.45, size * 1.6)
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft, text)
    painter.setOpacity(1.0)
    fade = smooth((t - (SECONDS - 0.8)) / 0.8)
    if fade > 0:
        painter.fillRect(image.rect(), QColor(0, 0, 0, round(255 * fade)))
    painter.end()
    return image


def write_film(path: Path) -> None:
    ensure_gui_app()
    load_fonts()
    crest = QSvgRenderer(str(REPO / "assets" / "crests" / "notodden.svg"))
    under = music(SECONDS, level=0.2)
    with av.open(str(path), "w", options={"movflags": "faststart"}) as out:
        video = out.add_stream("libx264", rate=FPS, options={"preset": "slow", "crf": "26", "g": "60"})
        assert isinstance(video, av.video.stream.VideoStream)
        video.width, video.height, video.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        sound = out.add_stream("aac", rate=RATE, layout="stereo")
        assert isinstance(sound, av.audio.stream.AudioStream)
        for n in range(round(FPS * SECONDS)):
            image = picture(crest, n / FPS).convertToFormat(QImage.Format.Format_RGB888)
            pixels = np.frombuffer(image.constBits(), np.uint8).reshape(HEIGHT, image.bytesPerLine())[:, : WIDTH * 3]
            frame = av.VideoFrame.from_ndarray(pixels.reshape(HEIGHT, WIDTH, 3).copy(), format="rgb24")
            frame.pts, frame.time_base = n, fractions.Fraction(1, FPS)
            out.mux(video.encode(frame))
        out.mux(video.encode(None))
        _write_sound(out, sound, under * _envelope(len(under)))


def _envelope(frames: int) -> np.ndarray:
    """Half a second in, the last 0.8 s out: the film's music starts and ends with its picture."""
    t = np.arange(frames) / RATE
    return np.clip(t / 0.5, 0, 1) * np.clip((SECONDS - t) / 0.8, 0, 1)


def _write_sound(out: av.container.OutputContainer, stream: av.audio.stream.AudioStream, mono: np.ndarray) -> None:
    chunk = 960
    for i in range(0, len(mono), chunk):
        piece = mono[i : i + chunk].astype(np.float32)
        frame = av.AudioFrame.from_ndarray(np.stack([piece, piece], 1).reshape(1, -1), format="flt", layout="stereo")
        frame.rate, frame.pts, frame.time_base = RATE, i, fractions.Fraction(1, RATE)
        out.mux(stream.encode(frame))
    out.mux(stream.encode(None))


def write_walk_in(path: Path) -> None:
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libopus", rate=RATE, layout="stereo", options={"b": "64000"})
        assert isinstance(stream, av.audio.stream.AudioStream)
        _write_sound(out, stream, music(8.0, level=0.3))


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "examples" / "media" / "media"
    folder.mkdir(parents=True, exist_ok=True)
    write_film(folder / "nominee-notodden.mp4")
    write_walk_in(folder / "walk-in.ogg")
    for name in ("nominee-notodden.mp4", "walk-in.ogg"):
        print(f"{folder / name}: {(folder / name).stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
