"""A QGuiApplication for headless work (export, checks), offscreen when there is no display."""

from __future__ import annotations

import os
import sys

from PySide6.QtGui import QGuiApplication

_APP: list[QGuiApplication] = []


def ensure_gui_app() -> QGuiApplication:
    """The running application, or a new offscreen-capable one (never opens a window)."""
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    if not os.environ.get("QT_QPA_PLATFORM") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    created = QGuiApplication(sys.argv[:1])
    _APP.append(created)
    return created
