"""The presenter's media panel: the film on stage (elapsed, remaining, a bar, a warning 10 s before its end),
whether the next cue's film is ready, the sound running under the slides with its level, and the output.

It reads the director and the show state each tenth of a second; it holds nothing of its own.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar, QWidget

from ceremony.i18n import QT_TRANSLATE_NOOP, translate
from ceremony.media import plan
from ceremony.ui.controller import ShowController
from ceremony.ui.media import FilmState, MediaDirector
from ceremony.ui.panels import clock_text
from ceremony.ui.style import restyle

#: Seconds before a film's end from which the panel warns (the operator gets ready for what follows).
WARN_BEFORE_END = 10.0
AMBER, RED, GREEN, PLAIN = "#ffbf47", "#ff5c5c", "#7fd1c7", "#e8eef8"
PANEL_STYLE = """
QFrame#mediaPanel { background: #131d33; border-radius: 8px; }
QProgressBar { background: #0d1424; border: none; border-radius: 4px; max-height: 10px; }
QProgressBar::chunk { background: #7fd1c7; border-radius: 4px; }
QLabel#mediaTime { font-size: 24px; font-weight: 700; }
"""
#: A film's state as the panel names it (the next film's in lower case).
FILM_STATES = {
    "preparing": QT_TRANSLATE_NOOP("MediaPanel", "PREPARING"),
    "ready": QT_TRANSLATE_NOOP("MediaPanel", "READY"),
    "playing": QT_TRANSLATE_NOOP("MediaPanel", "PLAYING"),
    "ended": QT_TRANSLATE_NOOP("MediaPanel", "ENDED"),
    "failed": QT_TRANSLATE_NOOP("MediaPanel", "FAILED"),
}
NEXT_STATES = {
    "preparing": QT_TRANSLATE_NOOP("MediaPanel", "preparing …"),
    "ready": QT_TRANSLATE_NOOP("MediaPanel", "ready"),
    "failed": QT_TRANSLATE_NOOP("MediaPanel", "FAILED: {reason}"),
}


def meter_value(level: float) -> int:
    """A peak level (0..1) on a 60 dB scale, 0..100: -60 dBFS and below is empty, 0 dBFS full."""
    if level <= 1e-6:
        return 0
    return max(0, min(100, round(100 + 100 * 20 * math.log10(level) / 60)))


class MediaPanel(QFrame):
    """Film, next film, bed and output, for the operator; hidden for a show without films or sounds."""

    def __init__(self, controller: ShowController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("mediaPanel")
        self._for: object = None
        self._has_media = False
        self.setStyleSheet(PANEL_STYLE)
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setVerticalSpacing(4)
        self.caption = self._label(translate("MediaPanel", "FILM"), "caption")
        self.time = self._label("–", "mediaTime")
        self.warning = self._label("", "caption")
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.next = self._label("", "")
        self.bed = self._label("", "")
        self.meter = QProgressBar()
        self.meter.setRange(0, 100)
        self.meter.setTextVisible(False)
        self.output = self._label("", "caption")
        grid.addWidget(self.caption, 0, 0)
        grid.addWidget(self.warning, 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.time, 1, 0, 1, 2)
        grid.addWidget(self.progress, 2, 0, 1, 2)
        grid.addWidget(self.next, 3, 0, 1, 2)
        grid.addWidget(self.bed, 4, 0)
        grid.addWidget(self.meter, 4, 1)
        grid.addWidget(self.output, 5, 0, 1, 2)
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    @staticmethod
    def _label(text: str, name: str) -> QLabel:
        label = QLabel(text)
        if name:
            label.setObjectName(name)
        label.setWordWrap(name == "")
        return label

    def _wanted(self) -> bool:
        """The script plays a film or a sound under a slide (looked at once per script)."""
        loaded = self.controller.loaded
        if self._for is not loaded:
            script = loaded.script
            self._for = loaded
            self._has_media = any(
                plan.film_of(script, c) or plan.sound_of(script, c.slide_index) for c in self.controller.cues
            )
        return self._has_media

    def refresh(self) -> None:
        media = self.controller.media
        self.setVisible(media is not None and self._wanted())
        if media is None or not self.isVisible():
            return
        state = self.controller.state
        self._film(media.film_state(state.cue_index))
        self._next(media, state.cue_index + 1)
        bed = media.bed_state()
        self.bed.setText(translate("MediaPanel", "Sound: {name}").format(name=bed.name if bed else "–"))
        level = meter_value(bed.level) if bed else 0
        if self.meter.value() != level:
            self.meter.setValue(level)
        status = media.output.status
        paused = translate("MediaPanel", "PAUSED") if state.media_paused else ""
        extras = [f"{state.volume_db:+.0f} dB" if state.volume_db else "", paused]
        output = translate("MediaPanel", "Output: {state}").format(state=status.translated())
        self.output.setText("  ·  ".join([output, *[e for e in extras if e]]))
        colour = {"green": GREEN, "amber": AMBER, "red": RED}[status.level]
        restyle(self.output, f"color: {AMBER if state.media_paused else colour}")

    def _film(self, film: FilmState | None) -> None:
        if film is None:
            self.time.setText("–")
            self.warning.setText("")
            self.progress.setValue(0)
            restyle(self.time, "")
            return
        if film.status == "failed":
            self.time.setText(translate("MediaPanel", "cannot be played"))
            self.warning.setText(translate("MediaPanel", FILM_STATES["failed"]))
            restyle(self.time, f"color: {RED}")
            restyle(self.warning, f"color: {RED}")
            return
        total = film.duration
        left = None if total is None else max(0.0, total - film.position)
        self.time.setText(
            f"{clock_text(film.position)} / {clock_text(total)}   −{clock_text(left)}"
            if total is not None
            else translate("MediaPanel", "{position}  (looping)").format(position=clock_text(film.position))
        )
        value = 0 if not total else round(1000 * min(1.0, film.position / total))
        if self.progress.value() != value:
            self.progress.setValue(value)
        ending = film.status == "playing" and left is not None and left <= WARN_BEFORE_END
        ends = translate("MediaPanel", "ENDS IN {seconds} s").format(seconds=math.ceil(left or 0))
        self.warning.setText(ends if ending else translate("MediaPanel", FILM_STATES[film.status]))
        restyle(self.time, f"color: {AMBER}" if ending else "")
        restyle(self.warning, f"color: {AMBER}" if ending else "")

    def _next(self, media: MediaDirector, index: int) -> None:
        film = media.film_state(index) if index < len(self.controller.cues) else None
        if film is None:
            self.next.setText("")
            return
        said = translate("MediaPanel", NEXT_STATES[film.status]) if film.status in NEXT_STATES else film.status
        next_film = translate("MediaPanel", "Next film: {state}")
        self.next.setText(next_film.format(state=said.format(reason=film.message)))
        restyle(self.next, f"color: {RED if film.status == 'failed' else GREEN if film.status == 'ready' else AMBER}")
