"""Runs the real show (ceremony.app.build_show: both windows, offscreen) in this process and pages through it.

Used by bench_deck.py for memory, first-frame time and paging; prints one JSON object.
CEREMONY_BENCH_T0 (time.time() at spawn, set by the parent) times the first frame from the spawn.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("script")
    parser.add_argument("--rate", type=float, default=5.0, help="cues per second while paging")
    parser.add_argument("--pages", type=int, default=0, help="how many cues to page through (0: all)")
    parser.add_argument("--windowed", action="store_true")
    args = parser.parse_args()
    t0 = float(os.environ.get("CEREMONY_BENCH_T0", time.time()))

    from PySide6.QtCore import QTimer

    from ceremony.app import build_show
    from ceremony.script.loader import load_script

    loaded = load_script(args.script)
    show = build_show(loaded, argparse.Namespace(windowed=args.windowed, fresh=True), interactive=False)
    app, stage, controller = show.app, show.stage, show.controller
    while not stage.frames_painted:
        app.processEvents()
    first_frame = time.time() - t0

    renderer = controller.renderer
    store = renderer.store
    placeholders = [0]
    original = renderer.items.placeholder

    def counting(painter, item):  # type: ignore[no-untyped-def]
        placeholders[0] += 1
        original(painter, item)

    renderer.items.placeholder = counting  # type: ignore[method-assign]
    stage_sync = [0]
    paint = renderer.paint

    def stage_paint(painter, rect, frame):  # type: ignore[no-untyped-def]
        """Images decoded on the GUI thread while the stage itself paints: a frame that waited on disk."""
        before = store.sync_decodes
        paint(painter, rect, frame)
        if painter.device() is stage:
            stage_sync[0] += store.sync_decodes - before

    renderer.paint = stage_paint  # type: ignore[method-assign]
    sync_before = store.sync_decodes
    cues = len(controller.cues)
    pages = min(args.pages or cues - 1, cues - 1)
    result: dict[str, object] = {
        "first_frame_s": round(first_frame, 3),
        "cues": cues,
        "stage_size": [stage.width(), stage.height()],
    }
    late: list[float] = []
    state = {"i": 0}

    def page() -> None:
        state["i"] += 1
        if state["i"] > pages:
            app.quit()
            return
        n = stage.frames_painted
        start = time.perf_counter()
        controller.run("goto", state["i"] + 1)
        while stage.frames_painted == n and time.perf_counter() - start < 1.0:
            app.processEvents()
        late.append((time.perf_counter() - start) * 1000)

    timer = QTimer()
    timer.setInterval(round(1000 / args.rate))
    timer.timeout.connect(page)
    timer.start()
    app.exec()
    timer.stop()
    result.update(
        pages=pages,
        sync_decodes=store.sync_decodes - sync_before,
        stage_sync_decodes=stage_sync[0],
        placeholder_draws=placeholders[0],
        page_to_frame_ms_max=round(max(late), 2) if late else 0.0,
        peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    )
    print(json.dumps(result), flush=True)
    renderer.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
