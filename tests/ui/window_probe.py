"""Run ceremony's own command line in this process and keep writing what its windows do to a JSON file.

``python window_probe.py OUT.json <ceremony arguments>``: every 200 ms OUT.json gets
each top-level window's class, title, visibility, fullscreen state and screen. When
OUT.want appears, the confidence window is grabbed into OUT.png (then OUT.want is
removed), so a test in another process can look at its pixels.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from ceremony import cli
from ceremony.ui.main import make_app

out = Path(sys.argv[1])
app = make_app()  # the show's own make_app finds this one


def report() -> None:
    windows = []
    for widget in app.topLevelWidgets():
        if not widget.isWindow() or widget.windowTitle() == "":
            continue
        screen = widget.screen()
        windows.append(
            {
                "class": type(widget).__name__,
                "title": widget.windowTitle(),
                "visible": widget.isVisible(),
                "fullscreen": widget.isFullScreen(),
                "screen": screen.name() if screen is not None else None,
            }
        )
        want = out.with_suffix(".want")
        if type(widget).__name__ == "ConfidenceWindow" and widget.isVisible() and want.exists():
            widget.grab().save(str(out.with_suffix(".png.tmp")), "PNG")
            out.with_suffix(".png.tmp").replace(out.with_suffix(".png"))
            want.unlink()
    partial = out.with_suffix(".tmp")
    partial.write_text(json.dumps(windows), encoding="utf-8")
    partial.replace(out)


timer = QTimer()
timer.timeout.connect(report)
timer.start(200)
sys.exit(cli.main(sys.argv[2:]))
