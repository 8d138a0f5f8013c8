"""Open the show's windows: the Qt application, the stage and the presenter, the engine, saving and reloading.

The remote control and the follower are not wired here but in ``ceremony.app``, the composition root: the
windows know nothing of the network."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QEventLoop, QRect, Qt, QTimer
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QWidget

from ceremony.i18n import translate
from ceremony.render.renderer import Renderer
from ceremony.script.loader import LoadedScript
from ceremony.show import persist
from ceremony.show.engine import Engine
from ceremony.show.state import ShowState
from ceremony.ui import firstframe
from ceremony.ui.application import make_app
from ceremony.ui.controller import ShowController
from ceremony.ui.screens import Placement, choose_stage_screen, describe, find_screen, screen_of
from ceremony.ui.stage import StageWindow

if TYPE_CHECKING:
    from ceremony.ui.confidence import ConfidenceWindow
    from ceremony.ui.crashlog import ExceptHook
    from ceremony.ui.inhibit import ScreenSaverInhibitor
    from ceremony.ui.media import MediaDirector
    from ceremony.ui.presenter import PresenterWindow
    from ceremony.ui.reloader import Reloader
    from ceremony.ui.screenwatch import ScreenWatch

log = logging.getLogger(__name__)

RESUME_PROMPT_HOURS = 12.0


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
    media: MediaDirector | None = None
    remote: object | None = None
    follower: object | None = None
    confidence: ConfidenceWindow | None = None
    confidence_watch: ScreenWatch | None = None


def build_windows(
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
    # The stage prefetches around its cue once it has painted; the backdrop is kept for the next start.
    renderer = Renderer(loaded, prefetch_size=None, keep_on_disk=True)
    stand_in = getattr(args, "stand_in", None)
    rehearse = bool(getattr(args, "rehearse", False))
    engine = Engine(renderer.cues, loaded.script, clock=clock, rehearsal=rehearse, stand_in=stand_in)
    _maybe_resume(engine, loaded, args, interactive)
    persist.autosave(engine, loaded.path, loaded.digest, defer=lambda save: QTimer.singleShot(0, save))
    controller = ShowController(loaded, engine, renderer, clock=clock)
    stage = StageWindow(renderer, controller.stage_frame, controller.frame_interval, controller.film_due)
    # Paint the stage at once, inside the key press that changed it; the presenter follows a moment later.
    controller.changed.connect(stage.repaint)
    screens = app.screens()
    presenter_screen = app.primaryScreen()  # where the presenter opens; the stage takes another screen
    confidence = _confidence_screen(args, loaded)
    if confidence is not None:
        find_screen(describe(screens), confidence)  # a wrong screen is a clear error before anything opens
    requested = getattr(args, "stage_screen", None) or loaded.script.settings.stage_screen
    windowed = bool(getattr(args, "windowed", False))
    if host_monitor(args):  # no stage here: the confidence window takes the screen the stage would have
        presenter_index = screens.index(presenter_screen) if presenter_screen in screens else None
        placement = choose_stage_screen(describe(screens), presenter_index, requested, windowed)
    else:
        placement = stage.place(screens, presenter_screen, requested, windowed=windowed)
        _paint_now(app, stage)
    firstframe.hand_over()  # the real stage is up (or there is none here): a kept picture goes
    if first_frame is not None:
        first_frame()
    return _build_operator_side(app, loaded, controller, stage, placement, presenter_screen, args)


def _place_presenter(
    presenter: PresenterWindow, presenter_screen: QScreen | None, placement: Placement, args: argparse.Namespace
) -> None:
    """The presenter centred on the operator's screen, its status bar saying where the stage went."""
    area = None
    if presenter_screen is not None:
        presenter.setScreen(presenter_screen)
        area = presenter_screen.availableGeometry()
        if not presenter.testAttribute(Qt.WidgetAttribute.WA_Resized):
            # No size remembered: its own (the layout's). Centred at Qt's default size instead (640×480), it
            # grew to the right once shown and ran off the laptop's screen.
            presenter.resize(presenter.sizeHint())
        _centre_within(presenter, area)
    presenter.show()
    if area is not None and not area.contains(presenter.frameGeometry()):
        _centre_within(presenter, area)  # now with the window frame, where the window system says it at once
    info = placement.screen
    mode = translate("Main", "fullscreen") if placement.fullscreen else translate("Main", "window")
    where = translate("Main", "Stage: {index}: {name} {width}×{height} ({mode})").format(
        index=info.index, name=info.name, width=info.width, height=info.height, mode=mode
    )
    presenter.set_stage_status(translate("Main", "Stage: none here (host monitor)") if host_monitor(args) else where)
    presenter.activateWindow()


def _centre_within(window: QWidget, area: QRect) -> None:
    """Centre the window's frame in area, made smaller if it would not fit (a window partly off its screen
    hides its edge: the presenter's status bar and cue list)."""
    frame = window.frameGeometry()
    extra_w, extra_h = frame.width() - window.width(), frame.height() - window.height()
    if frame.width() > area.width() or frame.height() > area.height():
        window.resize(min(window.width(), area.width() - extra_w), min(window.height(), area.height() - extra_h))
        frame = window.frameGeometry()
    window.move(area.x() + (area.width() - frame.width()) // 2, area.y() + (area.height() - frame.height()) // 2)


def _make_reloader(
    loaded: LoadedScript, controller: ShowController, stage: StageWindow, presenter: PresenterWindow
) -> Reloader:
    """Watch the script and its pictures; a good edit swaps the renderer everywhere, a bad one is reported."""
    from ceremony.ui.reloader import Reloader

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
    return reloader


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
    from ceremony.ui.screenwatch import ScreenWatch

    engine = controller.engine
    presenter = PresenterWindow(controller)
    stage.keyPressed.connect(presenter.handle_key)
    app.installEventFilter(presenter)
    media = _start_media(app, loaded, controller, stage, presenter, args)
    engine.subscribe(lambda old, new, _outcome: _report_rehearsal(old, new, controller))
    app.aboutToQuit.connect(lambda: _report_rehearsal(controller.state, None, controller))
    if controller.key_problems:
        presenter.banner.alert(
            translate("Main", "Key bindings: {problems}").format(problems="; ".join(controller.key_problems))
        )

    _place_presenter(presenter, presenter_screen, placement, args)

    watch = ScreenWatch(
        app, stage, lambda: screen_of(presenter), on_lost=loaded.script.settings.stage_lost, parent=presenter
    )
    watch.changed.connect(lambda text, lost: _screen_status(presenter, text, lost))

    reloader = _make_reloader(loaded, controller, stage, presenter)
    inhibitor = ScreenSaverInhibitor(parent=app)
    inhibitor.start()
    _after_first_frame(stage, lambda: _settle_in(presenter, inhibitor, stage, loaded))
    presenter.reloader = reloader.reload_now
    hook = ExceptHook(presenter.banner.alert).install()
    app.aboutToQuit.connect(hook.uninstall)
    show = Show(app, controller, presenter, stage, reloader, watch, hook, media)
    requested = _confidence_screen(args, loaded)
    if requested is None and host_monitor(args):
        requested = str(placement.screen.index)
    if requested is not None:
        _open_confidence(show, requested, args, loaded)
    return show


def _start_media(
    app: QApplication,
    loaded: LoadedScript,
    controller: ShowController,
    stage: StageWindow,
    presenter: PresenterWindow,
    args: argparse.Namespace,
) -> MediaDirector:
    """The show's sound output and the director of its films and sounds, following the engine.

    The output opens a moment after the stage's first frame (QtMultimedia takes a while to load) and then
    stays open for the whole show, so no cue ever waits for a device."""
    from ceremony.media.mixer import Mixer
    from ceremony.ui.audio_out import SoundOutput
    from ceremony.ui.media import MediaDirector
    from ceremony.ui.sound import find_sounds

    wanted = getattr(args, "audio_device", None) or loaded.script.settings.audio_device
    mute = bool(getattr(args, "mute", False)) or host_monitor(args)  # the host's monitor plays pictures, no sound
    output = SoundOutput(Mixer(), wanted, mute=mute, clock=controller.clock, parent=app)

    def pixels() -> tuple[int, int]:
        ratio = stage.devicePixelRatioF()
        return max(16, round(stage.width() * ratio)), max(9, round(stage.height() * ratio))

    director = MediaDirector(
        output,
        lambda: controller.loaded.script,
        loaded.base_dir,
        lambda: controller.cues,
        clock=controller.clock,
        stage_size=pixels,
        stings=find_sounds(loaded.base_dir),
        parent=controller,
    )
    controller.media = director
    controller.engine.subscribe(lambda old, new, _outcome: director.on_change(old, new))
    director.failed.connect(presenter.banner.alert)
    director.endedFilm.connect(controller.film_ended)
    director.changed.connect(stage.update)
    director.postersReady.connect(presenter.cuelist.redraw_thumbnails)
    # Widgets' own methods, not lambdas: Qt lets go of them with their windows (a poster decoded after the
    # presenter has gone reached a deleted widget). The show's sound and films end with its presenter.
    director.postersReady.connect(presenter.next_view.refresh)
    presenter.destroyed.connect(director.close)
    presenter.destroyed.connect(output.stop)

    def begin() -> None:
        if director.closed:  # the show went before its sound began (a test's, or a window closed at once)
            return
        output.start()
        director.begin(controller.state)

    QTimer.singleShot(300, director, begin)  # with the director as context: never after its show
    app.aboutToQuit.connect(director.close)
    app.aboutToQuit.connect(output.stop)
    return director


def _confidence_screen(args: argparse.Namespace, loaded: LoadedScript) -> str | None:
    """The screen asked for the host's confidence monitor (the command line wins over the script)."""
    return getattr(args, "confidence_screen", None) or loaded.script.settings.confidence_screen


def host_monitor(args: argparse.Namespace) -> bool:
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
    and drawn where the stage draws it, and every film and sound probed, in a worker thread (a deck of large
    images takes seconds; the GUI thread must not wait for it). Where each image goes comes from the stage's
    renderer, here: its layouts measure text, which stays on this thread."""
    from ceremony.preflight import asset_diagnostics, media_item
    from ceremony.render.proof import plan

    presenter.load_icons()
    placements = plan(loaded, presenter.controller.renderer)
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ceremony-preflight")
    future = pool.submit(lambda: (asset_diagnostics(loaded, placements=placements), media_item(loaded)))
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
        media = controller.media.report_notes(state.show.cues) if controller.media is not None else {}
        table = rows(state.show.cues, times, media)
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
