"""Unhandled errors: logged with the traceback, shown to the operator, never to the hall.

PySide routes an exception raised inside a Qt callback (a paint, a slot, a
timer) to ``sys.excepthook`` and carries on; we make that hook write the log
file in the state folder and tell the presenter. The stage keeps its last good
frame (see ``StageWidget.paintEvent``).
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Signal, Slot

from ceremony.i18n import translate
from ceremony.show.persist import state_dir

log = logging.getLogger("ceremony")

Alert = Callable[[str], None]


def log_file() -> Path:
    return state_dir() / "ceremony.log"


def start_logging() -> Path:
    """Log to the state folder (rotated, a few MB at most), besides stderr's warnings."""
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(min(root.level or logging.INFO, logging.INFO))
    return path


class _GuiThread(QObject):
    """Hands a text to the alert on the thread this was made on (the GUI's): an error raised on the audio
    or a decode thread must not touch the presenter's widgets from there (Qt may crash)."""

    said = Signal(str)

    def __init__(self, alert: Alert) -> None:
        super().__init__()
        self._alert = alert
        self.said.connect(self._show)  # queued when emitted from another thread

    @Slot(str)
    def _show(self, text: str) -> None:
        self._alert(text)


class ExceptHook:
    """Installed as sys.excepthook while the show runs; restores the old hook on uninstall. Made on the GUI
    thread; an error on any thread reaches the alert there."""

    def __init__(self, alert: Alert) -> None:
        self.alert = alert
        self.count = 0
        self._previous = sys.excepthook
        self._gui = _GuiThread(self._say)

    def __call__(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, error, tb)
            return
        self.count += 1
        text = "".join(traceback.format_exception(kind, error, tb))
        log.error("unhandled error\n%s", text)
        said = translate("Main", "Internal error: {kind}: {error} — the show goes on; details in {log}")
        self._gui.said.emit(said.format(kind=kind.__name__, error=error, log=log_file()))

    def _say(self, text: str) -> None:
        try:
            self.alert(text)
        except Exception:  # the alert itself must not raise into Qt
            log.exception("could not show the error in the presenter")

    def install(self) -> ExceptHook:
        sys.excepthook = self
        return self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous
