"""Memory, large-deck start and paging, with the real show (both windows) in a fresh process per run.

- slides.yaml: peak RSS while paging through every cue at 5 cues/s (budget 250 MB);
- the generated 300-cue deck (300 distinct 3840x2160 JPEGs): first stage frame from spawn (budget 1.5 s),
  peak RSS while paging through all of it at 5 cues/s (budget 600 MB), and how many images had to be
  decoded on the GUI thread or were drawn as a placeholder while paging (budget 0: every cue was ready).
The screens are a laptop and a 1920x1080 stage (Qt offscreen with a screens file).
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import time
from pathlib import Path

from _common import SLIDES, emit, isolated_env, python
from _deck import make_deck

SCREENS = {
    "screens": [
        {"name": "LAPTOP", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "physicalDpi": 96},
        {"name": "STAGE", "x": 1920, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "physicalDpi": 96},
    ]
}


def drive(script: Path, tmp: Path) -> dict[str, float]:
    screens = tmp / "screens.json"
    screens.write_text(json.dumps(SCREENS))
    env = isolated_env(tmp)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screens}"
    env["CEREMONY_BENCH_T0"] = repr(time.time())
    driver = Path(__file__).resolve().parent / "_show_driver.py"
    done = subprocess.run(
        [python(), str(driver), str(script)], env=env, check=True, capture_output=True, text=True, timeout=600
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    deck = make_deck()
    with tempfile.TemporaryDirectory() as tmp:
        small = drive(SLIDES, Path(tmp))
        ok = emit("memory", "slides_peak_rss_mb", small["peak_rss_mb"], "MB", 250.0, cues=small["cues"])
        big = drive(deck, Path(tmp))
    ok &= emit("memory", "deck300_peak_rss_mb", big["peak_rss_mb"], "MB", 600.0, cues=big["cues"])
    ok &= emit("deck", "deck300_first_frame_s", big["first_frame_s"], "s", 1.5)
    ok &= emit(
        "deck",
        "deck300_paging_unready_stage_frames",
        big["stage_sync_decodes"] + big["placeholder_draws"],
        "frames",
        0,
        stage_sync_decodes=big["stage_sync_decodes"],
        placeholder_draws=big["placeholder_draws"],
        rate_per_s=5,
    )
    emit("deck", "deck300_paging_gui_thread_decodes_all_views", big["sync_decodes"], "images")
    emit("deck", "deck300_page_to_frame_max_ms", big["page_to_frame_ms_max"], "ms")
    emit("deck", "slides_paging_sync_decodes", small["sync_decodes"], "images")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
