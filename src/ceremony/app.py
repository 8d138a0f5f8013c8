"""Running the show: load the script, open the windows, and wire the network services to them.

This is the composition root (with cli.py): the one place that knows both the windows (``ceremony.ui``)
and the remote control (``ceremony.remote``). Neither of those imports the other; import-linter holds it."""

from __future__ import annotations

import argparse
import gc
import linecache
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ceremony.i18n import QT_TRANSLATE_NOOP
from ceremony.script.diagnostics import ScriptError
from ceremony.script.loader import LoadedScript, load_script

if TYPE_CHECKING:
    from ceremony.ui.main import Show

log = logging.getLogger(__name__)

EXIT_OK, EXIT_NO_DISPLAY, EXIT_BAD_SCRIPT, EXIT_USAGE = 0, 1, 2, 2
LEADER_LOST = QT_TRANSLATE_NOOP("Main", "No contact with the show")
"""On a follower that is the host's monitor, while the leader does not answer."""


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
    return run_windows(loaded, args, started)


def build_show(
    loaded: LoadedScript,
    args: argparse.Namespace,
    *,
    interactive: bool = True,
    clock: Callable[[], float] = time.monotonic,
    first_frame: Callable[[], None] | None = None,
) -> Show:
    """Open the windows (``ceremony.ui.main.build_windows``), then the remote control and the follower the
    arguments and the script ask for. Raises ScreenChoiceError for an unknown screen."""
    from ceremony.ui.main import build_windows

    show = build_windows(loaded, args, interactive=interactive, clock=clock, first_frame=first_frame)
    settings = loaded.script.settings.remote
    if getattr(args, "remote", False) or settings.enabled:
        show.remote = _start_remote(show, loaded, getattr(args, "remote_port", None))
    if getattr(args, "follow", None):
        show.follower = _start_follower(show, loaded, args)
    return show


def run_windows(loaded: LoadedScript, args: argparse.Namespace, started: float) -> int:
    """Run the show until the operator quits; ``started`` is the process's ``perf_counter`` at its start."""
    from ceremony.i18n import translate
    from ceremony.ui.screens import ScreenChoiceError

    interactive = not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen")
    trace = (lambda: _trace_first_frame(started)) if os.environ.get("CEREMONY_TRACE_STARTUP") else None
    try:
        show = build_show(loaded, args, interactive=interactive, first_frame=trace)
    except ScreenChoiceError as exc:
        print(translate("Main", "ceremony: error: {error}").format(error=exc), file=sys.stderr)
        return EXIT_USAGE
    from ceremony.ui.crashlog import start_logging
    from ceremony.ui.firstframe import keep_when_still

    if getattr(args, "command_line", None) is not None:
        keep_when_still(show, args.command_line)  # for the next start (see ui/firstframe.py)

    start_logging()  # once the hall has its picture; until then problems go to stderr
    for warning in loaded.warnings:
        log.info("%s", warning)
    _forget_source_lines()
    _freeze_startup_objects()
    return int(show.app.exec())


def _start_remote(show: Show, loaded: LoadedScript, port: int | None = None) -> object | None:
    """Serve the remote control (imported only when asked for, to keep start-up fast)."""
    from ceremony.i18n import translate
    from ceremony.remote.adapter import ControllerAdapter
    from ceremony.remote.api import RemoteError, RemoteServer
    from ceremony.remote.osc import OscServer
    from ceremony.remote.qr import phone_url, qr_image, reachable_host

    settings = loaded.script.settings.remote
    controller = show.controller
    adapter = ControllerAdapter(controller)
    server = RemoteServer(adapter, host=settings.host, port=port or settings.port, parent=controller)
    try:
        server.start()
    except RemoteError as exc:
        show.presenter.banner.alert(translate("Main", "The remote control did not start: {error}").format(error=exc))
        return None
    if settings.osc_port:
        osc = OscServer(adapter, host=settings.host, port=settings.osc_port, token=server.token, parent=controller)
        try:
            osc.start()
        except Exception as exc:  # a busy UDP port must not stop the show
            show.presenter.banner.alert(translate("Main", "OSC did not start: {error}").format(error=exc))
    token = server.token if server.require_token else None
    url = phone_url(reachable_host(settings.host), server.port, token)
    show.presenter.show_remote(qr_image(url), url, server.token)
    show.app.aboutToQuit.connect(server.stop)
    # The address only: the token is shown in the presenter (and its QR code), never on a terminal or in a log.
    said = translate("Main", "ceremony: remote control on {url} (token in the presenter)")
    print(said.format(url=server.base_url), file=sys.stderr, flush=True)
    return server


def _start_follower(show: Show, loaded: LoadedScript, args: argparse.Namespace) -> object:
    """Mirror the leader at ``--follow URL``: this machine's keys no longer move it, the stage holds on a lost
    leader (and a confidence monitor says so)."""
    from ceremony.i18n import translate
    from ceremony.remote.follower import Follower
    from ceremony.ui.main import host_monitor

    url, token = args.follow, getattr(args, "token", None)
    lost = translate("Main", LEADER_LOST) if host_monitor(args) else None

    controller = show.controller
    follower = Follower(controller.engine, loaded.public_digest, url, token or "", lost_message=lost, parent=controller)
    follower.problem.connect(show.presenter.banner.alert)
    follower.leaderLost.connect(
        lambda lost: (
            show.presenter.banner.alert(
                translate("Main", "The leader ({url}) does not answer — the stage holds its last picture").format(
                    url=url
                )
            )
            if lost
            else show.presenter.banner.hide()
        )
    )
    controller.following = url
    if show.media is not None:
        follower.film.connect(show.media.follow)  # its own copy of the leader's film, in step
    follower.start()
    return follower


def _trace_first_frame(started: float) -> None:
    """CEREMONY_TRACE_STARTUP=1: say when the stage's first frame is painted (for the start-up benchmark)."""
    elapsed = (time.perf_counter() - started) * 1000
    print(f"ceremony: first stage frame painted ({elapsed:.0f} ms in-process)", flush=True)  # untranslated: parsed


def _forget_source_lines() -> None:
    """Let go of the source text of every module imported so far (~5 MB).

    Once PySide6 is imported, its import hook reads the whole source of every module imported after it
    (``inspect.getsource``, to see whether the module uses PySide6's ``__feature__`` switches), and Python's
    ``linecache`` keeps those lines for good. Nothing in the show reads them; a traceback reads its few
    files again."""
    linecache.clearcache()


def _freeze_startup_objects() -> None:
    """Take what start-up built (modules, the script's model, both windows: ~58 000 objects that live as
    long as the show) out of the cyclic garbage collector's sight.

    Otherwise every full collection walks all of them on the GUI thread: 17-76 ms pauses, measured on a
    real X server (issue 18), enough to drop two to four frames of a reveal or delay a key press. After
    ``gc.freeze()`` the full collections during a show took 2.5 ms. Start-up leaves no cyclic garbage
    (a collection at this point frees nothing), so nothing is kept that would have been freed. Only for
    the real show process: tests build many shows in one process and must not keep them all."""
    gc.freeze()
