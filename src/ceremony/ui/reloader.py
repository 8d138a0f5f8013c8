"""Hot reload: watch the script and its assets; swap in a sound script, keep the last good one otherwise.

The stage never sees a broken script: a reload that fails leaves the running
show untouched and puts the problems (as ``ceremony check`` prints them) in a
red banner on the presenter until a later save fixes them. A changed image is
held to the pre-show checks before it goes on: an unsafe SVG is refused by the
loader, and one that does not decode or shows nothing where the stage draws it
(``preflight.changed_image_problems``) is refused like a typo, while the stage
keeps drawing the bytes of the last good picture.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from ceremony.render.renderer import Renderer
from ceremony.script.assets import resolve, script_assets
from ceremony.script.diagnostics import ScriptError
from ceremony.script.loader import LoadedScript, load_script

log = logging.getLogger(__name__)

#: Editors save in bursts (write, rename, chmod); wait this long after the last event.
DEBOUNCE_MS = 250


def asset_paths(loaded: LoadedScript) -> list[Path]:
    """Every file the script draws from, resolved as the loader resolves them."""
    return [resolve(loaded.base_dir, asset) for _path, asset in script_assets(loaded.script)]


class Reloader(QObject):
    """Re-reads the script on change (or on Ctrl+R) and hands a sound one to ``swap``."""

    failed = Signal(list)
    """The problems of a script that was not swapped in (list of 'file:line:col: …' strings)."""
    succeeded = Signal()

    def __init__(self, path: Path, swap: Callable[[LoadedScript, Renderer], None], parent: QObject | None = None):
        super().__init__(parent)
        self.path = path
        self.swap = swap
        self.problems: list[str] = []
        self.loaded: LoadedScript | None = None
        """The script the show runs: its pictures are what a reload's changed images are held against."""
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._changed)
        self.watcher.directoryChanged.connect(self._changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.reload_now)

    def watch(self, loaded: LoadedScript) -> None:
        """Watch the script, its folder (editors replace files by renaming) and every asset it uses."""
        self.loaded = loaded
        self._watch_files(loaded)

    def _watch_files(self, loaded: LoadedScript) -> None:
        files = {str(self.path), *(str(p) for p in asset_paths(loaded) if p.exists())}
        folders = {str(self.path.parent)}
        old = set(self.watcher.files()) | set(self.watcher.directories())
        stale = sorted(old - files - folders)
        if stale:
            self.watcher.removePaths(stale)
        new = sorted((files | folders) - old)
        if new:
            self.watcher.addPaths(new)

    def _changed(self, _path: str) -> None:
        self._timer.start()

    def reload_now(self) -> bool:
        """Re-read the script; True when it was sound and swapped in."""
        try:
            loaded = load_script(self.path, cached=True)
        except ScriptError as exc:
            self.problems = [str(d) for d in exc.diagnostics]
            log.warning("reload refused:\n%s", "\n".join(self.problems))
            self.failed.emit(self.problems)
            self._rewatch()
            return False
        except Exception as exc:  # never let a reload take the show down
            log.exception("reload failed")
            self.problems = [f"{self.path}:1:1: error: could not reload: {exc}"]
            self.failed.emit(self.problems)
            return False
        renderer = Renderer(loaded, keep_on_disk=True)
        refused = self._refused_images(loaded, renderer)
        if refused:
            renderer.close()
            self.problems = refused
            log.warning("reload refused:\n%s", "\n".join(self.problems))
            self.failed.emit(self.problems)
            self._rewatch()
            return False
        self.swap(loaded, renderer)
        self.problems = []
        self.watch(loaded)
        self.succeeded.emit()
        return True

    def _refused_images(self, loaded: LoadedScript, renderer: Renderer) -> list[str]:
        """The errors of the images that differ from the running show's, drawn where the stage draws them."""
        if self.loaded is None:
            return []
        from ceremony.preflight import changed_image_problems

        try:
            return [str(d) for d in changed_image_problems(self.loaded, loaded, renderer)]
        except Exception as exc:  # a check that fails must not let an unchecked picture through, nor stop the show
            log.exception("checking the changed images failed")
            return [f"{self.path}:1:1: error: could not check the changed images: {exc}"]

    def _rewatch(self) -> None:
        # A file replaced by rename drops out of the watch list; put the script and its pictures back.
        if str(self.path) not in self.watcher.files() and self.path.exists():
            self.watcher.addPath(str(self.path))
        if self.loaded is not None:
            self._watch_files(self.loaded)
