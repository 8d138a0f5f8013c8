"""Run in a subprocess with a multi-screen offscreen platform; prints where the stage went as JSON."""

from __future__ import annotations

import json
import sys

from PySide6.QtWidgets import QApplication

from ceremony.ui.screens import ScreenChoiceError
from ceremony.ui.stage import StageWindow

app = QApplication(sys.argv[:1])
app.setOrganizationName("ceremony-test")
requested = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] != "-" else None
windowed = "--windowed" in sys.argv
window = StageWindow()
screens = app.screens()
try:
    placement = window.place(screens, screens[0], requested, windowed, remember=False)
except ScreenChoiceError as exc:
    print(json.dumps({"error": str(exc)}))
    sys.exit(0)
app.processEvents()
g = window.geometry()
print(
    json.dumps(
        {
            "screen": window.screen().name(),
            "fullscreen": window.isFullScreen(),
            "frameless": bool(window.windowFlags() & window.windowFlags().FramelessWindowHint),
            "geometry": [g.x(), g.y(), g.width(), g.height()],
            "title": window.windowTitle(),
            "placement_fullscreen": placement.fullscreen,
        }
    )
)
window.close()
