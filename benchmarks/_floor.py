"""The floor for bench_rig.py: the smallest PySide6 window that shows the show's slides fullscreen.

One QWidget on the stage screen painting one pre-rendered image (``ceremony export --png``, one per cue);
Page Down shows the next, Home the first. At the reveal's suspense and reveal cues it plays the frames of
``ceremony export --frames`` on a 60 Hz timer (the suspense in a loop, the reveal once, then holds).
What ceremony does on top of this (a renderer, a presenter window, an engine) is what the benchmark weighs.

    python _floor.py STILLS_DIR X Y W H [--frames DIR --fps N --suspense-cue I ... --suspense-frames N]

Prints "floor: ready" once every image is loaded.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget


class Floor(QWidget):
    def __init__(self, stills: list[Path], args: argparse.Namespace) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self._paths = stills
        self._images: list[QImage | None] = [QImage(str(stills[0]))] + [None] * (len(stills) - 1)
        self._frames: list[QImage] = []
        self._args = args
        self.index = 0
        self._started = 0.0
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(16)
        self._timer.timeout.connect(self.update)

    def load_rest(self) -> None:
        self._images = [img or QImage(str(p)) for img, p in zip(self._images, self._paths, strict=True)]
        if self._args.frames:
            self._frames = [QImage(str(p)) for p in sorted(Path(self._args.frames).glob("*.png"))]
        print("floor: ready", flush=True)

    def _animated(self) -> QImage | None:
        """The frame of the suspense (looped) or reveal (then held) for now; None on a still cue."""
        n = self._args.suspense_frames
        if not self._frames or not self._moving():
            return None
        k = int((time.perf_counter() - self._started) * self._args.fps)
        if self.index in self._args.suspense_cue:
            return self._frames[k % n]
        if n + k >= len(self._frames):
            self._timer.stop()
            return self._frames[-1]
        return self._frames[n + k]

    def _moving(self) -> bool:
        return any(self.index in (s, s + 1) for s in self._args.suspense_cue)

    def paintEvent(self, event: QPaintEvent | None) -> None:
        painter = QPainter(self)
        image = self._animated() or self._images[self.index] or self._images[0]
        assert image is not None
        painter.drawImage(0, 0, image)
        painter.end()
        if not self._loading:  # the rest once the first picture is up, as ceremony prepares ahead after it
            self._loading = True
            QTimer.singleShot(50, self.load_rest)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_PageDown and self.index < len(self._paths) - 1:
            self.index += 1
        elif key == Qt.Key.Key_Home:
            self.index = 0
        else:
            return
        self._started = time.perf_counter()
        if self._frames and self._moving():
            self._timer.start()
        else:
            self._timer.stop()
        self.update()


def gl_floor(stills: list[Path], args: argparse.Namespace) -> QWidget:
    """--gl: the same floor painted through a QOpenGLWidget (Qt composes it with OpenGL; Mesa's llvmpipe
    where there is no GPU), to weigh an OpenGL stage against the raster backing store."""
    from PySide6.QtOpenGLWidgets import QOpenGLWidget

    class GLFloor(QOpenGLWidget):
        def __init__(self) -> None:
            super().__init__()
            self.floor = Floor(stills, args)  # holds the images and the state; never shown itself
            self.floor._timer.timeout.disconnect()
            self.floor._timer.timeout.connect(self.update)
            self.floor.update = self.update  # type: ignore[method-assign]
            self.setCursor(Qt.CursorShape.BlankCursor)

        def paintGL(self) -> None:
            painter = QPainter(self)
            image = self.floor._animated() or self.floor._images[self.floor.index] or self.floor._images[0]
            assert image is not None
            painter.drawImage(0, 0, image)
            painter.end()
            if not self.floor._loading:
                self.floor._loading = True
                QTimer.singleShot(50, self.floor.load_rest)

        def keyPressEvent(self, event: QKeyEvent) -> None:
            self.floor.keyPressEvent(event)

    return GLFloor()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("stills")
    parser.add_argument("geometry", nargs=4, type=int)
    parser.add_argument("--frames")
    parser.add_argument("--fps", type=int, default=15)
    parser.add_argument("--suspense-cue", type=int, action="append", default=[], help="a suspense cue's index")
    parser.add_argument("--suspense-frames", type=int, default=1)
    parser.add_argument("--gl", action="store_true", help="paint through a QOpenGLWidget (see gl_floor)")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    stills = sorted(Path(args.stills).glob("*.png"))
    floor = gl_floor(stills, args) if args.gl else Floor(stills, args)
    rect = QRect(*args.geometry)
    screen = QGuiApplication.screenAt(rect.center())
    if screen is not None:
        floor.setScreen(screen)
    floor.setGeometry(rect)
    floor.showFullScreen()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
