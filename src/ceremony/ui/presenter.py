"""The presenter window: what is on stage, what comes next, notes, clocks and the cue list.

Every button and menu item is made from the command registry (``show.commands``),
so its title, icon, help and keys are the ones the help overlay and the keys use.
The window commands (help, search, reload, quit …) are this window's methods,
registered in ``ui.window_commands``; the controller runs them on it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QImage, QKeyEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ceremony.i18n import translate
from ceremony.preflight import checklist, sound_item
from ceremony.render.frame import Frame
from ceremony.render.renderer import Renderer
from ceremony.show.commands import REGISTRY
from ceremony.show.state import ShowState
from ceremony.ui.ask import ask
from ceremony.ui.checklist import ChecklistPanel, stage_info_of
from ceremony.ui.confidence import ConfidenceWidget
from ceremony.ui.controller import ShowController
from ceremony.ui.inhibit import ScreenSaverInhibitor
from ceremony.ui.media_panel import MediaPanel
from ceremony.ui.messages import SHOW_KEYS, MessagePanel
from ceremony.ui.overlays import Banner, ConfirmBar, GotoSearch, HelpOverlay, WinnerPicker, keys_text
from ceremony.ui.panels import Clocks, CueList, Notes, Titled
from ceremony.ui.stage import StageWidget
from ceremony.ui.style import PRESENTER_STYLE, restyle


class PresenterWindow(QMainWindow):
    """The operator's window. Keys pressed anywhere in it go to the show (except while typing a search)."""

    def __init__(self, controller: ShowController, *, embed_stage: bool = False) -> None:
        super().__init__()
        self.controller = controller
        self.setStyleSheet(PRESENTER_STYLE)
        self.setWindowTitle(
            translate("Presenter", "ceremony — Presenter — {file}").format(file=controller.loaded.path.name)
        )
        self.preview_index: int | None = None
        """A cue the operator picked in the list to look at; None follows the show."""
        self.confirm_quit = True
        self.actions_by_id: dict[str, QAction] = {}
        self._build(embed_stage)
        self._menus()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        # After the stage has painted: the operator's view may lag the hall's by a frame, never the reverse.
        controller.changed.connect(self._refresh_timer.start)
        controller.message.connect(self._on_message)
        controller.keySeen.connect(self._on_key)
        self.typed = ""
        """Digits of a cue number being typed (Enter jumps, Esc forgets)."""
        self.reloader: Callable[[], bool] | None = None
        """Re-reads the script now (set by whoever watches the file)."""
        controller.operator = self
        self._second = QTimer(self)
        self._second.setInterval(250)
        self._second.timeout.connect(self.clocks.refresh)
        self._second.start()
        self.restore_layout()
        self.refresh()

    # ---------------------------------------------------------------- building

    def _build(self, embed_stage: bool) -> None:
        self._build_views()
        self._build_tabs()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(6)
        for bar in (self.rehearsal_bar, self.banner, self.hint, self.confirm_bar, self.picker):
            layout.addWidget(bar)
        layout.addWidget(self._build_splitters(), 1)
        self.setCentralWidget(central)
        self._build_toolbar()
        self.help_overlay = HelpOverlay(central)
        self.help_overlay.fill(self.controller.keymap)
        self.goto = GotoSearch(self.controller, central)
        self.goto.chosen.connect(self.jump)
        self._build_status_bar()
        self.embedded_stage = embed_stage

    def _build_views(self) -> None:
        """The stage's mirror, the Next preview, the clocks, the cue list and the bars above them."""
        c = self.controller
        self.mirror = StageWidget(c.renderer, c.stage_frame, c.frame_interval, due_source=c.film_due)
        self.mirror.setCursor(Qt.CursorShape.ArrowCursor)
        self.next_view = StageWidget(c.renderer, self._preview_frame)
        self.next_view.setCursor(Qt.CursorShape.ArrowCursor)
        self.clocks = Clocks(c)
        self.media_panel = MediaPanel(c)
        self.cuelist = CueList(c)
        self.cuelist.previewRequested.connect(self.preview)
        self.cuelist.jumpRequested.connect(self.jump)
        self.picker = WinnerPicker(c)
        self.confirm_bar = ConfirmBar(c)
        self.rehearsal_bar = QLabel(
            translate("Presenter", "REHEARSAL  —  the reveals show a stand-in, drawn without looking at the winner")
        )
        self.rehearsal_bar.setObjectName("rehearsal")
        self.rehearsal_bar.hide()
        self.banner = Banner()
        self.hint = Banner()
        self.mirror_box = Titled(translate("Presenter", "ON STAGE"), self.mirror)
        self.next_box = Titled(translate("Presenter", "NEXT"), self.next_view)
        self.take_hint = QLabel("")
        self.take_hint.setObjectName("caption")

    def _build_tabs(self) -> None:
        """Under the mirror: the operator's notes, the pre-show checklist, and the host's screen with messages."""
        c = self.controller
        self.notes = Notes()
        self.checklist = ChecklistPanel()
        self.reload_problems: list[str] = []
        self.stage_lost = False
        self._inhibitor: ScreenSaverInhibitor | None = None
        self._stage_window: QWidget | None = None
        self.messages = MessagePanel(c)
        self.host_view = ConfidenceWidget(c)
        self.host_tab = QWidget()
        host_layout = QVBoxLayout(self.host_tab)
        host_layout.setContentsMargins(0, 6, 0, 0)
        host_layout.addWidget(self.host_view, 1)
        host_layout.addWidget(self.messages)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("lowerTabs")
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.addTab(self.notes, translate("Presenter", "NOTES"))
        self.tabs.addTab(self.checklist, translate("Presenter", "CHECKLIST"))
        self.tabs.addTab(self.host_tab, translate("Presenter", "HOST"))

    def _build_splitters(self) -> QSplitter:
        """Mirror and tabs on the left; Next, clocks and the cue list on the right (sizes remembered)."""
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.mirror_box)
        left.addWidget(self.tabs)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        next_column = QWidget()
        column = QVBoxLayout(next_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.next_box, 1)
        column.addWidget(self.take_hint)
        column.addWidget(self.clocks)
        column.addWidget(self.media_panel)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(next_column)
        right.addWidget(Titled(translate("Presenter", "CUES"), self.cuelist))
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitters = {"main": self.splitter, "left": left, "right": right}
        return self.splitter

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(translate("Presenter", "Show"))
        toolbar.setObjectName("showToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        toolbar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for cmd in REGISTRY.toolbar():
            toolbar.addAction(self._action(cmd.id))
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.status_stage = QLabel()
        self.status_screen = QLabel()
        self.status_mode = QLabel()
        self.status_key = QLabel(translate("Presenter", "Key tester: press a key"))
        self.status_key.setObjectName("keytester")
        for widget in (self.status_stage, self.status_mode, self.status_key):
            bar.addWidget(widget)
        bar.addPermanentWidget(self.status_screen)

    def _action(self, command_id: str) -> QAction:
        """One action per command, shared by toolbar and menus: title, icon, tooltip with keys."""
        if command_id in self.actions_by_id:
            return self.actions_by_id[command_id]
        command = REGISTRY[command_id]
        title, help_text = translate("Command", command.title), translate("Command", command.help)
        action = QAction(title, self)
        keys = keys_text(self.controller.keymap, command_id)
        tip = translate("Presenter", "{title} ({keys})\n{help}") if keys else "{title}\n{help}"
        action.setToolTip(tip.format(title=title, keys=keys, help=help_text))
        action.setStatusTip(help_text)
        action.triggered.connect(lambda: self.controller.run(command_id))
        self.actions_by_id[command_id] = action
        return action

    def load_icons(self) -> None:
        """Give the buttons their icons (shipped PNGs, see ui/icons.py); called after the stage's first frame."""
        from ceremony.ui import icons

        for command_id, action in self.actions_by_id.items():
            name = REGISTRY[command_id].icon
            icon = icons.load(name) if name else None
            if icon is not None:
                action.setIcon(icon)

    def _menus(self) -> None:
        """The menus hold every command that can run without an argument, in the registry's order."""
        menus = {
            "show": self.menuBar().addMenu(translate("Presenter", "&Show")),
            "view": self.menuBar().addMenu(translate("Presenter", "&View")),
        }
        for command in REGISTRY:
            if command.menu is not None and command.arg != "required":
                menus[command.menu].addAction(self._action(command.id))

    # ---------------------------------------------------------------- state → widgets

    def refresh(self) -> None:
        c = self.controller
        state = c.state
        cue = state.cue
        self.mirror.refresh()
        self.next_view.refresh()
        self.notes.show_notes(cue.label, cue.notes)
        self.cuelist.follow()
        self.picker.refresh()
        self.confirm_bar.refresh()
        self.messages.refresh()
        self.rehearsal_bar.setVisible(state.rehearsal)
        self.clocks.refresh()
        self._update_next_caption()
        self.status_mode.setText("   ".join(_modes(state)))
        where = translate("Presenter", "Cue {number}/{count}: {label}")
        self.status_stage.setText(where.format(number=cue.index + 1, count=len(c.cues), label=cue.label))
        if state.rehearsal:
            self.mirror_box.caption.setText(translate("Presenter", "ON STAGE   ·   REHEARSAL"))
        else:
            self.mirror_box.caption.setText(translate("Presenter", "ON STAGE"))

    def _update_next_caption(self) -> None:
        if self.preview_index is not None:
            cue = self.controller.cues[self.preview_index]
            caption = translate("Presenter", "PREVIEW  {number}: {label}")
            self.next_box.caption.setText(caption.format(number=cue.index + 1, label=cue.label))
            self.take_hint.setText(
                translate("Presenter", "Enter / double-click: take this cue   ·   Esc: follow the show")
            )
            return
        index = self.controller.next_index()
        if index is None:
            self.next_box.caption.setText(translate("Presenter", "NEXT  —  the end"))
        else:
            cue = self.controller.cues[index]
            caption = translate("Presenter", "NEXT  {number}: {label}")
            self.next_box.caption.setText(caption.format(number=cue.index + 1, label=cue.label))
        self.take_hint.setText("")

    def _preview_frame(self) -> Frame | None:
        index = self.preview_index if self.preview_index is not None else self.controller.next_index()
        if index is None:
            return None
        return self.controller.preview_frame(index)

    def set_stage_status(self, text: str, lost: bool = False) -> None:
        """The stage screen and its resolution; red (and a banner) when the stage's screen is gone."""
        self.status_screen.setText(text)
        restyle(self.status_screen, "color: #ff5c5c; font-weight: bold" if lost else "")
        self.stage_lost = lost
        self.refresh_checklist()

    def show_remote(self, qr: QImage, url: str, token: str) -> None:
        """The phone remote's address as a QR code, with the token, in its own tab."""
        panel = QWidget()
        layout = QVBoxLayout(panel)
        code = QLabel()
        code.setPixmap(QPixmap.fromImage(qr).scaled(260, 260, Qt.AspectRatioMode.KeepAspectRatio))
        code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            translate("Presenter", "<b>Phone:</b> {url}<br><b>Token:</b> <code>{token}</code>").format(
                url=url, token=token
            )
        )
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setWordWrap(True)
        layout.addWidget(code)
        layout.addWidget(text)
        layout.addStretch(1)
        self.remote_panel = panel
        self.tabs.addTab(panel, translate("Presenter", "REMOTE"))

    # ---------------------------------------------------------------- pre-show checklist

    def attach_checklist(self, inhibitor: ScreenSaverInhibitor, stage: QWidget) -> None:
        """Show the pre-show checks, kept current as keys are tested, scripts reloaded and screens change."""
        self._inhibitor, self._stage_window = inhibitor, stage
        # A key's tick on the checklist waits until the key's command has reached the stage.
        later = QTimer(self)
        later.setSingleShot(True)
        later.setInterval(0)
        later.timeout.connect(self.refresh_checklist)
        self.controller.keySeen.connect(lambda *_: later.start())
        inhibitor.statusChanged.connect(lambda _status: self.refresh_checklist())
        media = self.controller.media
        if media is not None:
            media.output.changed.connect(self.refresh_checklist)
            self.checklist.testTone.connect(media.output.test_tone)
        timer = QTimer(self)
        timer.setInterval(5000)
        timer.timeout.connect(self.refresh_checklist)
        timer.start()
        self.refresh_checklist()

    def set_reload_problems(self, problems: list[str]) -> None:
        self.reload_problems = list(problems)
        self.refresh_checklist()

    def refresh_checklist(self) -> None:
        if self._inhibitor is None or self._stage_window is None:
            return
        media = self.controller.media
        status = media.output.status if media is not None else None
        items = checklist(
            self.controller,
            stage_info_of(self._stage_window, lost=self.stage_lost),
            inhibit_status=self._inhibitor.status,
            reload_problems=self.reload_problems,
            sound=sound_item(status.level, status.said, status.devices) if status is not None else None,
        )
        self.checklist.refresh(items)
        worst = {"green": 0, "amber": 1, "red": 2}
        level = max((worst.get(i.status, 0) for i in items), default=0)
        marks = [translate("Presenter", "CHECKLIST ✓"), translate("Presenter", "CHECKLIST ·")]
        self.tabs.setTabText(1, [*marks, translate("Presenter", "CHECKLIST ✗")][level])

    def swap_renderer(self, renderer: Renderer) -> None:
        """A reloaded script: previews and thumbnails draw with its renderer; the place is kept."""
        self.mirror.set_renderer(renderer)
        self.next_view.set_renderer(renderer)
        if self.preview_index is not None and self.preview_index >= len(self.controller.cues):
            self.preview_index = None
        self.cuelist.rebuild()
        self.messages.fill_presets()
        self.help_overlay.fill(self.controller.keymap)
        self.refresh()

    # ---------------------------------------------------------------- preview and take

    def preview(self, index: int | None) -> None:
        """Look at a cue without touching the stage; None goes back to following."""
        self.preview_index = index
        self.next_view.refresh()
        self._update_next_caption()

    def take(self) -> bool:
        """Enter with a previewed cue: put it on stage."""
        if self.preview_index is None:
            return False
        index, self.preview_index = self.preview_index, None
        self.controller.run("goto", str(index + 1))
        self.refresh()
        return True

    def jump(self, index: int) -> None:
        """Double-click or go-to search: jump, asking first while the show is live."""
        c = self.controller
        if c.state.started and not c.state.rehearsal and self.confirm_quit:
            cue = c.cues[index]
            question = translate("Presenter", "Put cue {number} “{label}” on stage now?")
            if not ask(self, translate("Presenter", "Go to cue"), question.format(number=index + 1, label=cue.label)):
                return
        self.preview_index = None
        c.run("goto", str(index + 1))
        self.refresh()

    # ---------------------------------------------------------------- overlays and UI commands

    def toggle_help(self) -> bool:
        if self.help_overlay.isVisible():
            self.help_overlay.hide()
        else:
            self.help_overlay.fill(self.controller.keymap)
            self.help_overlay.cover()
        return True

    def open_goto(self) -> bool:
        self.goto.open()
        return True

    def close_overlay(self) -> bool:
        """Esc: close help, then go-to, then stop previewing; False when nothing was open."""
        if self.help_overlay.isVisible():
            self.help_overlay.hide()
            return True
        if self.goto.isVisible():
            self.goto.hide()
            return True
        if self.preview_index is not None:
            self.preview(None)
            return True
        return False

    def focus_message(self) -> bool:
        self.tabs.setCurrentWidget(self.host_tab)
        self.messages.focus()
        return True

    def follow_show(self) -> bool:
        self.preview(None)
        return True

    def scale_notes(self, steps: int) -> bool:
        self.notes.set_point_size(self.notes.point_size + 2 * steps)
        return True

    def reload_script(self) -> bool:
        return self.reloader() if self.reloader is not None else False

    def identify_screens(self) -> bool:
        from ceremony.ui.screens import identify_screens

        app = QApplication.instance()
        if isinstance(app, QApplication):
            identify_screens(app)
        return True

    def type_digit(self, digit: str) -> bool:
        """Digits build a cue number; while a winner is keyed in (and no number is begun) they pick instead."""
        if not digit.isdigit() or (not self.typed and self.controller.picking()):
            return False
        self.typed = (self.typed + digit)[-4:]
        self.controller.message.emit(
            "ok", translate("Presenter", "go to cue {number} — Enter to jump, Esc to cancel").format(number=self.typed)
        )
        return True

    def jump_to_typed(self) -> bool:
        if not self.typed:
            return False
        number, self.typed = self.typed, ""
        self.controller.run("goto", number)
        return True

    def cancel_typed(self) -> bool:
        if not self.typed:
            return False
        self.typed = ""
        self.controller.message.emit("ok", translate("Presenter", "cue number cancelled"))
        return True

    def request_quit(self) -> bool:
        """Ctrl+Q: quit, asking first while the show is live."""
        state = self.controller.state
        if self.confirm_quit and state.started and not self._ask_quit():
            return True
        self.confirm_quit = False
        app = QApplication.instance()
        if app is not None:
            app.quit()
        return True

    def _ask_quit(self) -> bool:
        question = translate("Presenter", "The show is running. Do you really want to quit?")
        return ask(self, translate("Presenter", "Quit ceremony"), question)

    def _on_message(self, kind: str, text: str) -> None:
        if not text:
            return
        names = {
            "ignored": translate("Presenter", "Ignored"),
            "held": translate("Presenter", "Held"),
            "needs_confirmation": translate("Presenter", "Confirm"),
            "error": translate("Presenter", "Error"),
        }
        level = {"error": "alert", "needs_confirmation": "warn", "held": "warn"}.get(kind, "hint")
        prefix = names.get(kind)
        shown = translate("Presenter", "{kind}: {text}").format(kind=prefix, text=text) if prefix else text
        self.hint.hint(shown, level, 4.0 if kind != "ok" else 2.0)

    def _on_key(self, description: str, commands: str) -> None:
        if commands:
            self.status_key.setText(
                translate("Presenter", "Key: {key} → {commands}").format(key=description, commands=commands)
            )
        else:
            self.status_key.setText(translate("Presenter", "Key: {key}").format(key=description))

    # ---------------------------------------------------------------- keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def handle_key(self, event: QKeyEvent) -> bool:
        """A key from either window: the controller runs the first of its commands that applies."""
        return self.controller.handle_key(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keys anywhere in the presenter go to the show, except into the search field."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            focus = QApplication.focusWidget()
            if focus is self.messages.field:
                if event.key() == Qt.Key.Key_Escape:
                    self.messages.escape()
                    return True
                return event.key() in SHOW_KEYS and self.handle_key(event)
            if isinstance(focus, QLineEdit) and self.goto.isVisible():
                if event.key() == Qt.Key.Key_Escape:
                    self.goto.hide()
                    return True
                return False
            if focus is None or focus.window() is self:
                return self.handle_key(event)
        return False

    # ---------------------------------------------------------------- layout memory

    def restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("presenter/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        for name, splitter in self.splitters.items():
            value = settings.value(f"presenter/splitter/{name}")
            if isinstance(value, QByteArray):
                splitter.restoreState(value)
        size = settings.value("presenter/notes_pt")
        if size is not None:
            with contextlib.suppress(ValueError):
                self.notes.set_point_size(int(str(size)))

    def save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("presenter/geometry", self.saveGeometry())
        for name, splitter in self.splitters.items():
            settings.setValue(f"presenter/splitter/{name}", splitter.saveState())
        settings.setValue("presenter/notes_pt", self.notes.point_size)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.help_overlay.isVisible():
            self.help_overlay.cover()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window is quitting: same confirmation as Ctrl+Q while the show runs."""
        if self.confirm_quit and self.controller.state.started and not self._ask_quit():
            event.ignore()
            return
        self.save_layout()
        event.accept()
        app = QApplication.instance()
        if app is not None:
            app.quit()


def _modes(state: ShowState) -> list[str]:
    """The status bar's marks for what the hall does not see as usual: rehearsal, black, white, frozen, asking."""
    modes = []
    if state.rehearsal:
        rehearsal = translate("Presenter", "REHEARSAL")
        modes.append(f"<b style='color:#ffbf47'>{rehearsal}</b>")
    if state.blackout != "none":
        screen = translate("Presenter", "BLACK") if state.blackout == "black" else translate("Presenter", "WHITE")
        modes.append(f"<b style='color:#ff5c5c'>{screen}</b>")
    if state.frozen:
        frozen = translate("Presenter", "FROZEN")
        modes.append(f"<b style='color:#7fd1c7'>{frozen}</b>")
    if state.pending is not None and state.pending.kind == "confirm":
        asking = translate("Presenter", "Confirm: {question}").format(question=state.pending.text.translated())
        modes.append(f"<b style='color:#ffbf47'>{asking}</b>")
    return modes
