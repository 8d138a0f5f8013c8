"""Run by tests/ui/test_pulse.py in its own process (PULSE_SERVER set before QtMultimedia loads): the show plays
its walk-in bed on a real sound device, 'next' after three and a half loops, then quits. Prints the sound's
status, the devices the checklist lists, whether it played, and which of Qt's media backend plugins it loaded, as
JSON."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from ceremony.app import build_show
from ceremony.media.mixer import RATE
from ceremony.preflight import sound_item
from ceremony.script.loader import load_script


def wait_for(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            return False
        loop = QEventLoop()
        QTimer.singleShot(10, loop.quit)
        loop.exec()
    return True


script, device = Path(sys.argv[1]), sys.argv[2]
show = build_show(load_script(script), argparse.Namespace(windowed=True, fresh=True, audio_device=device))
media = show.media
assert media is not None
began = wait_for(lambda: media.begun and media.output.status.level == "green", 20)
bed = None
if began:
    wait_for(lambda: media.mixer.find("bed:0") is not None, 5)
    bed = media.mixer.find("bed:0")
played = wait_for(lambda: bed is not None and bed.frames_played >= 3.5 * RATE, 20)
show.controller.run("next")
wait_for(lambda: False, 2.0)
print(
    json.dumps(
        {
            "status": media.output.status.detail,
            "devices": list(media.output.status.devices),
            "checklist": sound_item(
                media.output.status.level, media.output.status.said, media.output.status.devices
            ).detail,
            "began": began,
            "played": played,
            "cue": show.controller.state.cue.id,
            # Qt Multimedia's media backends (the FFmpeg plugin and what it links) are not needed for sound.
            "media_plugins": sorted(
                {
                    line.split()[-1]
                    for line in Path("/proc/self/maps").read_text().splitlines()
                    if "/multimedia/" in line
                }
            ),
        }
    )
)
media.close()
media.output.stop()
