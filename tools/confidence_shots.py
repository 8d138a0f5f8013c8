"""Screenshots of the host's confidence window for the docs: python tools/confidence_shots.py OUT_DIR.

Runs the show offscreen with three screens (laptop, projector, a 1920×1080 confidence monitor), puts the
confidence window on the third, walks to a nominee and to the first reveal's suspense, sends the host a
message there, and saves the window's own pixels each time. State goes to a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

_TMP = Path(tempfile.mkdtemp(prefix="ceremony-shots-"))
_SCREENS = [("Laptop", 0, 1440, 900), ("Projector", 1440, 1920, 1080), ("StageFloor", 3360, 1920, 1080)]
(_TMP / "screens.json").write_text(
    json.dumps(
        {
            "screens": [
                {"name": n, "x": x, "y": 0, "width": w, "height": h, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
                for n, x, w, h in _SCREENS
            ]
        }
    )
)
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_TMP / 'screens.json'}")
os.environ.setdefault("CEREMONY_STATE_DIR", str(_TMP / "state"))

from PySide6.QtCore import QElapsedTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ceremony.app import build_show  # noqa: E402
from ceremony.script.loader import load_script  # noqa: E402


def settle(app: QApplication, ms: int) -> None:
    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < ms:
        app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--script", default="slides.yaml")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    show = build_show(
        load_script(args.script),
        argparse.Namespace(windowed=False, fresh=True, confidence_screen="2"),
        interactive=False,
    )
    app, engine, window = show.app, show.controller.engine, show.confidence
    assert window is not None
    engine.run("start_show")
    for name, cue, message in (
        ("nominee", "nominee-kvitsoy", None),
        ("suspense", "reveal-under-15000/suspense", None),
        ("message", None, "Strekk 30 s"),
    ):
        if cue:
            engine.run("goto", cue)
        if message:
            engine.run("send_message", message)
        settle(app, 2500)  # past a message's arrival flash
        window.repaint()
        window.grab().save(str(args.out / f"confidence-{name}.png"))
    print(f"screenshots in {args.out}")
    show.presenter.confirm_quit = False
    return 0


if __name__ == "__main__":
    sys.exit(main())
