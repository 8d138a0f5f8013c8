"""Running the show: load the script, open the windows, wire the engine to them."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ceremony.script.diagnostics import ScriptError
from ceremony.script.loader import load_script

EXIT_OK, EXIT_NO_DISPLAY, EXIT_BAD_SCRIPT = 0, 1, 2


def _report_load_errors(exc: ScriptError) -> None:
    """Print the problems; on a real screen also show them in a dialog."""
    text = "\n".join(str(d) for d in exc.diagnostics)
    print(text, file=sys.stderr)
    if os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen") or os.environ.get("CEREMONY_NO_DIALOGS"):
        return
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ceremony.i18n import translate

    app = QApplication.instance() or QApplication([])
    title, cannot = translate("Main", "ceremony — the script has problems"), translate("Main", "The show cannot start.")
    box = QMessageBox(QMessageBox.Icon.Critical, title, cannot)
    box.setInformativeText(
        (
            translate("Main", "{count} problem in the script. Fix it and start again.")
            if len(exc.errors) == 1
            else translate("Main", "{count} problems in the script. Fix them and start again.")
        ).format(count=len(exc.errors))
    )
    box.setDetailedText(text)
    box.exec()
    del app


def _no_display() -> bool:
    """On Linux without a display server Qt would abort with a plugin message; say it plainly instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_show(args: argparse.Namespace, started: float) -> int:
    """Start the show on args.script; returns the process exit code. ``started``: the process's
    ``perf_counter`` at its start, for the start-up trace."""
    try:
        loaded = load_script(Path(args.script), cached=True)
    except ScriptError as exc:
        _report_load_errors(exc)
        return EXIT_BAD_SCRIPT
    if _no_display():
        from ceremony.i18n import translate

        print(
            translate(
                "Main",
                "ceremony: error: no display found (DISPLAY and WAYLAND_DISPLAY are unset); run it on the show "
                "machine's desktop, or set QT_QPA_PLATFORM=offscreen to run without windows",
            ),
            file=sys.stderr,
        )
        return EXIT_NO_DISPLAY
    from ceremony.ui.main import run_windows

    return run_windows(loaded, args, started)
