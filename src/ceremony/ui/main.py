"""Open the show: the Qt application, both windows, the engine, saving and reloading, wired together."""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import logging
import os
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEventLoop, QTimer
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication

from ceremony.i18n import QT_TRANSLATE_NOOP, translate
from ceremony.render.renderer import Renderer
from ceremony.script.loader import LoadedScript
from ceremony.show import persist
from ceremony.show.engine import Engine
from ceremony.show.state import ShowState
from ceremony.ui.controller import ShowController
from ceremony.ui.screens import Placement, ScreenChoiceError, choose_stage_screen, describe, find_screen, screen_of
from ceremony.ui.stage import StageWindow

if TYPE_CHECKING:
    from ceremony.ui.confidence import ConfidenceWindow
    from ceremony.ui.crashlog import ExceptHook
    from ceremony.ui.inhibit import ScreenSaverInhibitor
    from ceremony.ui.presenter import PresenterWindow
    from ceremony.ui.reloader import Reloader
    from ceremony.ui.screenwatch import ScreenWatch
    from ceremony.ui.sound import RevealSounds

log = logging.getLogger(__name__)

EXIT_OK, EXIT_USAGE = 0, 2
RESUME_PROMPT_HOURS = 12.0
LEADER_LOST = QT_TRANSLATE_NOOP("Main", "No contact with the show")
"""On a follower that is the host's monitor, while the leader does not answer."""


@dataclass
class Show:
    """Everything a running show holds, for tests and for the reloader."""

    app: QApplication
    controller: ShowController
    presenter: PresenterWindow
    stage: StageWindow
    reloader: Reloader
    screens: ScreenWatch
    hook: ExceptHook
    sounds: RevealSounds | None = None
    remote: object | None = None
    follower: object | None = None
    confidence: ConfidenceWindow | None = None
    confidence_watch: ScreenWatch | None = None


def limit_malloc_arenas() -> None:
    """Keep glibc from holding memory the show has let go of.

    Two malloc arenas instead of one per thread: the decode threads otherwise keep their own heaps. And a
    fixed mmap threshold of 4 MB: a frame-sized image (8 MB at 1920x1080) is then always mapped on its own
    and unmapped when freed; glibc's sliding threshold would soon put them on the heap, whose holes stay
    resident (about 15 MB after paging through slides.yaml)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL("libc.so.6")
            libc.mallopt(-8, 2)  # M_ARENA_MAX
            libc.mallopt(-3, 4 * 1024 * 1024)  # M_MMAP_THRESHOLD
        except (OSError, AttributeError):
            pass


def make_app() -> QApplication:
    limit_malloc_arenas()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("ceremony")
    QCoreApplication.setApplicationName("ceremony")
    app.setApplicationDisplayName("ceremony")
    return app


def build_show(
    loaded: LoadedScript,
    args: argparse.Namespace,
    *,
    interactive: bool = True,
    clock: Callable[[], float] = time.monotonic,
    first_frame: Callable[[], None] | None = None,
) -> Show:
    """Create and show both windows for a loaded script. Raises ScreenChoiceError for an unknown screen.

    The stage comes first: it is placed and has painted its frame (``first_frame`` is then called) before
    the presenter and everything else is even imported, so after a crash the hall has its picture back
    as soon as possible. ``clock`` drives the engine and the frames (tests pass a fake one to step time).
    """
    app = make_app()
    renderer = Renderer(loaded, prefetch_size=None)  # the stage prefetches around its cue once it has painted
    stand_in = getattr(args, "stand_in", None)
    rehearse = bool(getattr(args, "rehearse", False))
    engine = Engine(renderer.cues, loaded.script, clock=clock, rehearsal=rehearse, stand_in=stand_in)
    _maybe_resume(engine, loaded, args, interactive)
    persist.autosave(engine, loaded.path, loaded.digest, defer=lambda save: QTimer.singleShot(0, save))
    controller = ShowController(loaded, engine, renderer, clock=clock)
    stage = StageWindow(renderer, controller.stage_frame, controller.frame_interval)
    # Paint the stage at once, inside the key press that changed it; the presenter follows a moment later.
    controller.changed.connect(stage.repaint)
    screens = app.screens()
    presenter_screen = app.primaryScreen()  # where the presenter opens; the stage takes another screen
    confidence = _confidence_screen(args, loaded)
    if confidence is not None:
        find_screen(describe(screens), confidence)  # a wrong screen is a clear error before anything opens
    requested = getattr(args, "stage_screen", None) or loaded.script.settings.stage_screen
    windowed = bool(getattr(args, "windowed", False))
    if _host_monitor(args):  # no stage here: the confidence window takes the screen the stage would have
        presenter_index = screens.index(presenter_screen) if presenter_screen in screens else None
        placement = choose_stage_screen(describe(screens), presenter_index, requested, windowed)
    else:
        placement = stage.place(screens, presenter_screen, requested, windowed=windowed)
        _paint_now(app, stage)
    if first_frame is not None:
        first_frame()
    return _build_operator_side(app, loaded, controller, stage, placement, presenter_screen, args)


def _paint_now(app: QApplication, stage: StageWindow, limit_ms: int = 1000) -> None:
    """Let the stage paint its first frame now (a window system may first have to map and expose it)."""
    stage.repaint()
    timer = QElapsedTimer()
    timer.start()
    while not stage.frames_painted and stage.isVisible() and timer.elapsed() < limit_ms:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        if not stage.frames_painted:
            stage.repaint()


def _build_operator_side(
    app: QApplication,
    loaded: LoadedScript,
    controller: ShowController,
    stage: StageWindow,
    placement: Placement,
    presenter_screen: QScreen | None,
    args: argparse.Namespace,
) -> Show:
    """The presenter window and the services behind it, once the hall has its picture."""
    from ceremony.ui.crashlog import ExceptHook
    from ceremony.ui.inhibit import ScreenSaverInhibitor
    from ceremony.ui.presenter import PresenterWindow
    from ceremony.ui.reloader import Reloader
    from ceremony.ui.screenwatch import ScreenWatch
    from ceremony.ui.sound import RevealSounds, find_sounds

    engine = controller.engine
    presenter = PresenterWindow(controller)
    stage.keyPressed.connect(presenter.handle_key)
    app.installEventFilter(presenter)
    sounds = RevealSounds(find_sounds(loaded.base_dir), lambda: controller.loaded.script, controller)
    engine.subscribe(lambda old, new, _outcome: sounds.on_change(old, new))
    QTimer.singleShot(1000, sounds, sounds.preload)  # with sounds as context: never after its show
    engine.subscribe(lambda old, new, _outcome: _report_rehearsal(old, new, controller))
    app.aboutToQuit.connect(lambda: _report_rehearsal(controller.state, None, controller))
    if controller.key_problems:
        presenter.banner.alert(
            translate("Main", "Key bindings: {problems}").format(problems="; ".join(controller.key_problems))
        )

    if presenter_screen is not None:
        presenter.setScreen(presenter_screen)
        area = presenter_screen.availableGeometry()
        frame = presenter.frameGeometry()
        presenter.move(area.center().x() - frame.width() // 2, area.center().y() - frame.height() // 2)
    presenter.show()
    info = placement.screen
    mode = translate("Main", "fullscreen") if placement.fullscreen else translate("Main", "window")
    where = translate("Main", "Stage: {index}: {name} {width}×{height} ({mode})").format(
        index=info.index, name=info.name, width=info.width, height=info.height, mode=mode
    )
    presenter.set_stage_status(translate("Main", "Stage: none here (host monitor)") if _host_monitor(args) else where)
    presenter.activateWindow()

    watch = ScreenWatch(
        app, stage, lambda: screen_of(presenter), on_lost=loaded.script.settings.stage_lost, parent=presenter
    )
    watch.changed.connect(lambda text, lost: _screen_status(presenter, text, lost))

    def swap(new: LoadedScript, new_renderer: Renderer) -> None:
        old_renderer = controller.renderer
        controller.swap_script(new, new_renderer)
        stage.set_renderer(new_renderer)
        presenter.swap_renderer(new_renderer)
        old_renderer.close()

    # Owned by the presenter: what they report goes there, and they go with it.
    reloader = Reloader(loaded.path, swap, parent=presenter)
    reloader.watch(loaded)
    reloader.failed.connect(lambda problems: presenter.banner.alert(_reload_alert(problems)))
    reloader.failed.connect(presenter.set_reload_problems)
    reloader.succeeded.connect(presenter.banner.hide)
    reloader.succeeded.connect(lambda: presenter.set_reload_problems([]))
    inhibitor = ScreenSaverInhibitor(parent=app)
    inhibitor.start()
    _after_first_frame(stage, lambda: _settle_in(presenter, inhibitor, stage, loaded))
    presenter.reloader = reloader.reload_now
    hook = ExceptHook(presenter.banner.alert).install()
    app.aboutToQuit.connect(hook.uninstall)
    show = Show(app, controller, presenter, stage, reloader, watch, hook, sounds)
    requested = _confidence_screen(args, loaded)
    if requested is None and _host_monitor(args):
        requested = str(placement.screen.index)
    if requested is not None:
        _open_confidence(show, requested, args, loaded)
    settings = loaded.script.settings.remote
    if getattr(args, "remote", False) or settings.enabled:
        show.remote = _start_remote(show, loaded, getattr(args, "remote_port", None))
    if getattr(args, "follow", None):
        lost = translate("Main", LEADER_LOST) if _host_monitor(args) else None
        show.follower = _start_follower(show, loaded, args.follow, getattr(args, "token", None), lost)
    return show


def _confidence_screen(args: argparse.Namespace, loaded: LoadedScript) -> str | None:
    """The screen asked for the host's confidence monitor (the command line wins over the script)."""
    return getattr(args, "confidence_screen", None) or loaded.script.settings.confidence_screen


def _host_monitor(args: argparse.Namespace) -> bool:
    """``--follow URL --confidence``: this machine is the host's confidence monitor, and shows no stage."""
    return bool(getattr(args, "confidence", False) and getattr(args, "follow", None))


def _open_confidence(show: Show, requested: str, args: argparse.Namespace, loaded: LoadedScript) -> None:
    """The host's confidence monitor on its screen, kept there (or safely off the others') as screens change."""
    from ceremony.ui.confidence import ConfidenceWindow
    from ceremony.ui.screenwatch import ScreenWatch

    mirror = bool(getattr(args, "confidence_mirror", False)) or loaded.script.settings.confidence_mirror
    window = ConfidenceWindow(show.controller, mirror=mirror)
    window.keyPressed.connect(show.presenter.handle_key)
    busy = [screen_of(show.presenter), screen_of(show.stage)]
    window.place(show.app.screens(), requested, busy, windowed=bool(getattr(args, "windowed", False)))
    watch = ScreenWatch(
        show.app,
        window,
        lambda: screen_of(show.presenter),
        on_lost="window",
        kind="host",
        parent=show.presenter,
    )
    watch.changed.connect(
        lambda text, lost: show.presenter.banner.alert(text) if lost else show.presenter.banner.hide()
    )
    show.confidence, show.confidence_watch = window, watch
    show.presenter.activateWindow()  # the operator types in the presenter, whatever the window system did


def _start_remote(show: Show, loaded: LoadedScript, port: int | None = None) -> object | None:
    """Serve the remote control (imported only when asked for, to keep start-up fast)."""
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


def _start_follower(show: Show, loaded: LoadedScript, url: str, token: str | None, lost: str | None) -> object:
    """Mirror a leader's show: this machine's keys no longer move it, the stage holds on a lost leader (and a
    confidence monitor says ``lost``)."""
    from ceremony.remote.follower import Follower

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
    follower.start()
    return follower


def _after_first_frame(stage: StageWindow, then: Callable[[], None]) -> None:
    """Run ``then`` once the stage has painted its first frame: what the hall sees comes first."""

    def check() -> None:
        if stage.frames_painted or not stage.isVisible():
            then()
        else:
            QTimer.singleShot(5, check)

    QTimer.singleShot(0, check)


def _settle_in(
    presenter: PresenterWindow, inhibitor: ScreenSaverInhibitor, stage: StageWindow, loaded: LoadedScript
) -> None:
    """The slower parts of the presenter: icons, and the checklist once every image has been test-decoded
    in a worker thread (a deck of large images takes seconds; the GUI thread must not wait for it)."""
    from ceremony.preflight import asset_diagnostics

    presenter.load_icons()
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ceremony-preflight")
    future = pool.submit(asset_diagnostics, loaded)
    pool.shutdown(wait=False)

    def attach() -> None:
        if future.done():
            presenter.attach_checklist(inhibitor, stage)
        else:
            QTimer.singleShot(50, attach)

    attach()


def _reload_alert(problems: list[str]) -> str:
    shown = problems[:6] + (
        [translate("Main", "… and {count} more").format(count=len(problems) - 6)] if len(problems) > 6 else []
    )
    heading = translate("Main", "The script was NOT reloaded; the show goes on with the previous version:")
    return heading + "\n" + "\n".join(shown)


def _screen_banner(presenter: PresenterWindow, text: str, lost: bool) -> None:
    if lost:
        presenter.banner.alert(text)
    else:
        presenter.banner.hide()


def _screen_status(presenter: PresenterWindow, text: str, lost: bool) -> None:
    presenter.set_stage_status(text, lost)
    _screen_banner(presenter, text, lost)


def _report_rehearsal(old: ShowState, new: ShowState | None, controller: ShowController) -> None:
    """When a rehearsal ends (toggled off, or the app quits mid-rehearsal), write planned vs actual."""
    if not old.rehearsal or (new is not None and new.rehearsal):
        return
    from ceremony.show.report import rows, write_report
    from ceremony.show.timers import cue_times

    state = new if new is not None else old
    times = state.rehearsal_times if new is not None else cue_times(old, controller.clock())
    if not times:
        return
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = persist.state_dir() / "reports"
    try:
        table = rows(state.show.cues, times)
        csv_path, md_path = write_report(folder, table, f"rehearsal-{stamp}", old.message_log, old.started_at)
    except OSError as exc:
        controller.message.emit(
            "error", translate("Main", "could not write the rehearsal report: {error}").format(error=exc)
        )
        return
    print(
        translate("Main", "ceremony: rehearsal report: {csv} and {md}").format(csv=csv_path, md=md_path),
        file=sys.stderr,
    )
    controller.message.emit("ok", translate("Main", "Rehearsal report written: {path}").format(path=md_path))


def _maybe_resume(engine: Engine, loaded: LoadedScript, args: argparse.Namespace, interactive: bool) -> None:
    """--resume restores the saved place; without it, a recent save prompts (never with --fresh)."""
    if getattr(args, "fresh", False):
        return
    saved, reason = persist.load(loaded.path)
    if saved is None:
        if getattr(args, "resume", False):
            log.warning("nothing to resume: %s", reason)
        return
    if not getattr(args, "resume", False):
        if not interactive or _age_hours(saved.saved_at) > RESUME_PROMPT_HOURS:
            return
        from PySide6.QtWidgets import QWidget

        from ceremony.ui.ask import ask
        from ceremony.ui.style import PRESENTER_STYLE

        question = translate(
            "Main",
            "A show on this script was saved {saved} at cue “{cue}”.\n\nGo on from there (with the revealed winners)?",
        )
        parent = QWidget()
        parent.setStyleSheet(PRESENTER_STYLE)  # no presenter yet to take the dark look from
        if not ask(
            parent,
            translate("Main", "ceremony — resume the show?"),
            question.format(saved=saved.saved_at, cue=saved.cue_id),
        ):
            return
    outcome = persist.restore(engine, saved)
    print(translate("Main", "ceremony: {message}").format(message=outcome.translated()), file=sys.stderr)


def _age_hours(saved_at: str) -> float:
    try:
        then = dt.datetime.fromisoformat(saved_at)
    except ValueError:
        return float("inf")
    now = dt.datetime.now(then.tzinfo) if then.tzinfo else dt.datetime.now()
    return (now - then).total_seconds() / 3600


def _trace_first_frame(started: float) -> None:
    """CEREMONY_TRACE_STARTUP=1: say when the stage's first frame is painted (for the start-up benchmark)."""
    elapsed = (time.perf_counter() - started) * 1000
    print(f"ceremony: first stage frame painted ({elapsed:.0f} ms in-process)", flush=True)  # untranslated: parsed


def run_windows(loaded: LoadedScript, args: argparse.Namespace, started: float) -> int:
    """Run the show until the operator quits; ``started`` is the process's ``perf_counter`` at its start."""
    interactive = not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen")
    trace = (lambda: _trace_first_frame(started)) if os.environ.get("CEREMONY_TRACE_STARTUP") else None
    try:
        show = build_show(loaded, args, interactive=interactive, first_frame=trace)
    except ScreenChoiceError as exc:
        print(translate("Main", "ceremony: error: {error}").format(error=exc), file=sys.stderr)
        return EXIT_USAGE
    from ceremony.ui.crashlog import start_logging

    start_logging()  # once the hall has its picture; until then problems go to stderr
    for warning in loaded.warnings:
        log.info("%s", warning)
    _freeze_startup_objects()
    return int(show.app.exec())


def _freeze_startup_objects() -> None:
    """Take what start-up built (modules, the script's model, both windows: ~58 000 objects that live as
    long as the show) out of the cyclic garbage collector's sight.

    Otherwise every full collection walks all of them on the GUI thread: 17-76 ms pauses, measured on a
    real X server (issue 18), enough to drop two to four frames of a reveal or delay a key press. After
    ``gc.freeze()`` the full collections during a show took 2.5 ms. Start-up leaves no cyclic garbage
    (a collection at this point frees nothing), so nothing is kept that would have been freed. Only for
    the real show process: tests build many shows in one process and must not keep them all."""
    gc.freeze()
