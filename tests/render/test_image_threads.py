"""Images decoded in worker threads while the GUI thread asks other images' sizes: no deadlock."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

_RACE = textwrap.dedent(
    """
    import threading, time
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QGuiApplication, QImage
    app = QGuiApplication([])
    from ceremony.render.images import decode, natural_size
    from ceremony.script.assets import vet_bytes
    picture = QImage(800, 600, QImage.Format.Format_RGB32)
    picture.fill(QColor("#336699"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    picture.save(buffer, "JPEG")
    vetted, _ = vet_bytes("photo.jpg", bytes(buffer.data()))
    stop = time.monotonic() + 3.0
    def decoding():
        while time.monotonic() < stop:
            decode(vetted, 400, 300)
    worker = threading.Thread(target=decoding, daemon=True)
    worker.start()
    while time.monotonic() < stop:
        natural_size(vetted)
    worker.join()
    print("done", flush=True)
    """
)


def test_a_decode_in_a_thread_and_a_size_on_the_gui_thread_do_not_deadlock() -> None:
    """What froze the show at start-up with a deck of photos: a worker decoding (PySide6 runs read() without
    the GIL) while the GUI thread asked another reader's size (with the GIL). Before the fix this deadlocked
    within a second, every run; in a process of its own so that a deadlock fails the test, not the suite."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    try:
        done = subprocess.run(
            [sys.executable, "-c", _RACE], env=env, capture_output=True, text=True, timeout=60, check=False
        )
    except subprocess.TimeoutExpired:
        raise AssertionError("deadlocked: a decode in a thread and a size on the GUI thread") from None
    assert done.returncode == 0 and "done" in done.stdout, done.stderr[-2000:]
