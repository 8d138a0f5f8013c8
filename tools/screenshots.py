"""Screenshots of the real windows for the docs and for looking: python tools/screenshots.py OUT_DIR.

Runs the show offscreen on slides.yaml, walks to a few cues by commands, and
saves the presenter (at 1440×900 and 1920×1080) and the stage as PNG.
``--ui-language nb|en`` picks the presenter's language (docs/images/presenter-{nb,en}.png are made with
``--script`` the 2024 show and an English one from ``ceremony new --language en``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen:configfile=tests/screens.json")
os.environ.setdefault("CEREMONY_STATE_DIR", tempfile.mkdtemp(prefix="ceremony-shots-"))  # never the real saved show

from PySide6.QtWidgets import QApplication

from ceremony.app import build_show
from ceremony.script.loader import load_script


def settle(app: QApplication, ms: int = 200) -> None:
    from PySide6.QtCore import QElapsedTimer

    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < ms:
        app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--script", default="slides.yaml")
    parser.add_argument("--cue", action="append", default=[], help="cue ids to visit (default: a few)")
    parser.add_argument("--ui-language", choices=["nb", "en"], default="nb", help="the presenter's language")
    args = parser.parse_args()
    from ceremony import i18n

    i18n.use(args.ui_language)
    args.out.mkdir(parents=True, exist_ok=True)
    loaded = load_script(args.script)
    show = build_show(loaded, argparse.Namespace(windowed=False, fresh=True), interactive=False)
    app, controller = show.app, show.controller
    show.presenter.cuelist.finish_thumbnails()
    cues = args.cue or ["nominee-kvitsoy", "reveal-under-15000/suspense"]
    for cue_id in cues:
        controller.engine.run("goto", cue_id)
        settle(app, 900)
        for width, height in ((1440, 900), (1920, 1080)):
            show.presenter.resize(width, height)
            settle(app, 300)
            name = cue_id.replace("/", "_")
            show.presenter.grab().save(str(args.out / f"presenter-{width}x{height}-{name}.png"))
        show.presenter.tabs.setCurrentIndex(1)
        settle(app, 100)
        show.presenter.grab().save(str(args.out / f"presenter-checklist-{cue_id.replace('/', '_')}.png"))
        show.presenter.tabs.setCurrentIndex(0)
        show.stage.resize(1920, 1080)
        settle(app, 200)
        show.stage.grab().save(str(args.out / f"stage-{cue_id.replace('/', '_')}.png"))
    print(f"screenshots in {args.out}")
    show.presenter.confirm_quit = False
    return 0


if __name__ == "__main__":
    sys.exit(main())
