"""Sound cues of the reveal: a drumroll under the suspense, a fanfare on the reveal.

QtMultimedia is imported only when a reveal with sound is in the script, and then ahead of
time (``preload``, a second after the first stage frame): loaded at the first suspense it
would hold the GUI thread ~50 ms and start the drumroll late. Any failure (no audio device,
missing library, missing file) leaves the show silent rather than stopped: sound is a nicety,
the picture is the show.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl

from ceremony import data
from ceremony.script.model import RevealSlide, Script
from ceremony.show.state import ShowState

log = logging.getLogger(__name__)

SOUNDS = {"suspense": "drumroll.wav", "reveal": "fanfare.wav"}


def find_sounds(base_dir: Path) -> dict[str, Path]:
    """Each step's sound: the script's own assets/sounds/NAME if it has that file, else ceremony's own."""
    local = base_dir / "assets" / "sounds"
    return {
        step: local / name if (local / name).is_file() else data.path(data.SOUNDS, name)
        for step, name in SOUNDS.items()
    }


class RevealSounds(QObject):
    """Plays the step's sound when the show enters a reveal's suspense or reveal step."""

    def __init__(
        self, sound_files: Mapping[str, Path], script: Callable[[], Script], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.sound_files = dict(sound_files)
        """The file of each step that has a sound (see find_sounds)."""
        self.script = script
        self.status = "not loaded"
        self.played: list[str] = []
        """Steps whose sound was started, in order (for tests and the log)."""
        self._effects: dict[str, Any] = {}
        self._loaded = False

    def _load(self) -> None:
        self._loaded = True
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError as exc:
            self.status = f"unavailable: {exc}"
            log.warning("sound off: %s", exc)
            return
        for step, path in self.sound_files.items():
            if not path.is_file():
                log.warning("sound file missing: %s", path)
                continue
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(0.9)
            self._effects[step] = effect
        self.status = "ready" if self._effects else "no sound files"

    def preload(self) -> None:
        """Load the sounds now if any reveal of the script plays them (else QtMultimedia stays out)."""
        if not self._loaded and any(isinstance(s, RevealSlide) and s.sound for s in self.script().slides):
            self._load()

    def on_change(self, old: ShowState, new: ShowState) -> None:
        """Start the sound of the step just entered; stop the drumroll when the suspense is left."""
        if old.cue_index == new.cue_index and old.show is new.show:
            return
        try:
            self._change(old, new)
        except Exception:  # pragma: no cover - a sound failure must never reach the show
            log.exception("sound cue failed")

    def _change(self, old: ShowState, new: ShowState) -> None:
        cue = new.cue
        if old.cue.step == "suspense" and cue.step != "suspense":
            self._stop("suspense")
        if cue.kind != "reveal" or cue.step not in SOUNDS:
            return
        slides = self.script().slides
        script_slide = slides[cue.slide_index] if 0 <= cue.slide_index < len(slides) else None
        if isinstance(script_slide, RevealSlide) and not script_slide.sound:
            return
        if not self._loaded:
            self._load()
        effect = self._effects.get(cue.step)
        self.played.append(cue.step)
        if effect is not None:
            effect.play()

    def _stop(self, step: str) -> None:
        effect = self._effects.get(step)
        if effect is not None:
            effect.stop()
