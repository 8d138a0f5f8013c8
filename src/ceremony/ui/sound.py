"""The reveal's own sounds: a drumroll under the suspense, a fanfare on the reveal.

They play through the show's mixer like every other sound (``ui.media``); a script may replace them
step by step (``reveal.sounds``), or a show folder by dropping its own files in ``assets/sounds``.
"""

from __future__ import annotations

from pathlib import Path

from ceremony import data

SOUNDS = {"suspense": "drumroll.wav", "reveal": "fanfare.wav"}


def find_sounds(base_dir: Path) -> dict[str, Path]:
    """Each step's sound: the script's own assets/sounds/NAME if it has that file, else ceremony's own."""
    local = base_dir / "assets" / "sounds"
    return {
        step: local / name if (local / name).is_file() else data.path(data.SOUNDS, name)
        for step, name in SOUNDS.items()
    }
