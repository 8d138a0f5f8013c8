"""Things the presenter shows on top of itself: help, go-to search, the winner picker, banners.

Esc closes them, in this order, before it means anything else; none of them
ever shows on the stage.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ceremony.i18n import translate
from ceremony.show.commands import REGISTRY, Keymap
from ceremony.ui.controller import ShowController
from ceremony.ui.keys import native_text


def keys_text(keymap: Keymap, command_id: str) -> str:
    """A command's keys as this platform writes them: 'PgDown, Right, Space'; a run of digits as '1–9'."""
    keys = keymap.keys_for(command_id)
    digits = [k for k in keys if len(k) == 1 and k.isdigit()]
    texts = [native_text(k) for k in keys if k not in digits]
    span = [int(d) for d in digits]
    if len(span) > 2 and span == list(range(span[0], span[0] + len(span))):
        return ", ".join([f"{span[0]}–{span[-1]}", *texts])
    return ", ".join([*digits, *texts])


class HelpOverlay(QFrame):
    """Every command with its keys and help, generated from the command registry."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("overlay")
        self.setAutoFillBackground(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 32)
        title = QLabel(translate("Overlays", "Keys and commands  —  Esc closes"))
        title.setObjectName("overlayTitle")
        outer.addWidget(title)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget()
        self.grid = QGridLayout(self.body)
        self.grid.setHorizontalSpacing(24)
        scroll.setWidget(self.body)
        outer.addWidget(scroll, 1)
        self._filled_with: Keymap | None = None
        self.hide()

    def fill(self, keymap: Keymap) -> None:
        if keymap is self._filled_with:
            return  # the same keys: keep the widgets (a refill makes ~80 of them)
        self._filled_with = keymap
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for row, command in enumerate(REGISTRY):
            name = QLabel(translate("Command", command.title))
            name.setObjectName("helpName")
            keys = QLabel(keys_text(keymap, command.id) or "—")
            keys.setObjectName("helpKeys")
            text = QLabel(translate("Command", command.help))
            text.setWordWrap(True)
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(keys, row, 1)
            self.grid.addWidget(text, row, 2)
        self.grid.setColumnStretch(2, 1)

    def cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect().adjusted(40, 40, -40, -40))
        self.show()
        self.raise_()


class GotoSearch(QFrame):
    """G: type part of a cue's title, number or id; Enter goes there (with confirmation while live)."""

    chosen = Signal(int)

    def __init__(self, controller: ShowController, parent: QWidget) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("overlay")
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        label = QLabel(translate("Overlays", "Go to cue  —  type to search, Enter goes there, Esc closes"))
        label.setObjectName("overlayTitle")
        layout.addWidget(label)
        self.field = QLineEdit()
        self.field.setObjectName("gotoField")
        self.field.setPlaceholderText(translate("Overlays", "number, title or id"))
        layout.addWidget(self.field)
        self.results = QListWidget()
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.results, 1)
        self.field.textChanged.connect(self._search)
        self.field.returnPressed.connect(self._choose)
        self.results.itemDoubleClicked.connect(lambda _item: self._choose())
        self._rows: list[int] = []
        self.hide()

    def open(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            width = min(900, parent.width() - 80)
            self.setGeometry((parent.width() - width) // 2, 80, width, min(560, parent.height() - 120))
        self.field.clear()
        self._search("")
        self.show()
        self.raise_()
        self.field.setFocus()

    def _search(self, text: str) -> None:
        needle = text.strip().lower()
        self.results.clear()
        self._rows = []
        for cue in self.controller.cues:
            haystack = f"{cue.index + 1} {cue.label} {cue.id}".lower()
            if not needle or all(word in haystack for word in needle.split()):
                self._rows.append(cue.index)
                self.results.addItem(f"{cue.index + 1:>3}   {cue.label}")
        if self._rows:
            self.results.setCurrentRow(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
            self.results.setCurrentRow(row)
            return
        super().keyPressEvent(event)

    def _choose(self) -> None:
        row = self.results.currentRow()
        if 0 <= row < len(self._rows):
            self.hide()
            self.chosen.emit(self._rows[row])


class WinnerPicker(QFrame):
    """Large numbered buttons for the class's nominees: the operator keys in the name the host reads."""

    def __init__(self, controller: ShowController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("picker")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        self.title = QLabel()
        self.title.setObjectName("pickerTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.row = QHBoxLayout()
        layout.addLayout(self.row)
        actions = QHBoxLayout()
        self.confirm = QPushButton(translate("Overlays", "Enter   Confirm the winner"))
        self.confirm.setObjectName("confirmPick")
        self.confirm.clicked.connect(lambda: controller.run("confirm_pick"))
        actions.addWidget(self.confirm)
        self.script_choice = QPushButton(translate("Overlays", "M   Use the script's winner"))
        self.script_choice.clicked.connect(lambda: controller.run("choose_script_winner"))
        self.read_choice = QPushButton(translate("Overlays", "O   Use the winner read out"))
        self.read_choice.clicked.connect(lambda: controller.run("choose_read_winner"))
        actions.addWidget(self.script_choice)
        actions.addWidget(self.read_choice)
        layout.addLayout(actions)
        self.buttons: list[QPushButton] = []
        self._class: str | None = None
        self.hide()

    def refresh(self) -> None:
        state = self.controller.state
        cue = state.cue
        pending = state.pending
        mismatch = pending is not None and pending.kind == "mismatch"
        applies = self.controller.picking() or mismatch
        if not applies or cue.class_id is None:
            self.hide()
            return
        award_class = self.controller.loaded.script.award_class(cue.class_id)
        if award_class is None:
            self.hide()
            return
        if self._class != award_class.id:
            self._build(award_class.id, [n.name for n in award_class.nominees])
        picked = state.live_picks.get(award_class.id) or state.confirmed_picks.get(award_class.id)
        for button, nominee in zip(self.buttons, award_class.nominees, strict=False):
            button.setChecked(nominee.id == picked)
        confirmed = award_class.id in state.confirmed_picks
        if mismatch and pending is not None:
            names = {n.id: n.name for n in award_class.nominees}
            script_name = names.get(pending.script_winner or "", pending.script_winner)
            read_name = names.get(pending.read_winner or "", pending.read_winner)
            warning = translate("Overlays", "The name read out does not match the script!")
            choose = translate(
                "Overlays",
                "The script says <b>{script}</b>, the host read <b>{read}</b>. Press M or O for the one to reveal.",
            ).format(script=script_name, read=read_name)
            self.title.setText(f"<span style='color:#ff5c5c'>{warning}<br>{choose}</span>")
        elif confirmed:
            self.title.setText(translate("Overlays", "The winner is confirmed — press Next / Reveal to reveal."))
        else:
            ask = translate("Overlays", "Who does the host read out? Press 1–{count}, then Enter to confirm.")
            self.title.setText(ask.format(count=len(award_class.nominees)))
        self.confirm.setVisible(not mismatch and not confirmed)
        self.confirm.setEnabled(bool(picked))
        self.script_choice.setVisible(mismatch)
        self.read_choice.setVisible(mismatch)
        self.show()

    def _build(self, class_id: str, names: list[str]) -> None:
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        for number, name in enumerate(names, start=1):
            button = QPushButton(f"{number}   {name}")
            button.setObjectName("pickButton")
            button.setCheckable(True)
            button.setMinimumHeight(64)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(_pick(self.controller, number))
            self.row.addWidget(button)
            self.buttons.append(button)
        self._class = class_id


def _pick(controller: ShowController, number: int) -> Callable[[], None]:
    def pick() -> None:
        controller.run("pick_winner", str(number))

    return pick


class Banner(QLabel):
    """A line across the top of the presenter: red for problems that last, calm for hints that pass."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def alert(self, text: str) -> None:
        """A problem that stays until it is fixed (reload errors, a lost stage screen)."""
        self._timer.stop()
        self._set_level("alert")
        self.setText(text)
        self.show()

    def hint(self, text: str, level: str = "hint", seconds: float = 2.5) -> None:
        """A passing note ('ignored: …', 'held: …')."""
        self._set_level(level)
        self.setText(text)
        self.show()
        self._timer.start(int(seconds * 1000))

    def _set_level(self, level: str) -> None:
        """The colour comes from the style sheet's [level=…] rule: re-polish only when the level changes."""
        if self.property("level") == level:
            return
        self.setProperty("level", level)
        style = self.style()
        style.unpolish(self)
        style.polish(self)


class ConfirmBar(QFrame):
    """A pending confirmation ('leave the revealed winner?'): Bekreft runs it, Esc cancels."""

    def __init__(self, controller: ShowController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("picker")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.text = QLabel()
        self.text.setObjectName("pickerTitle")
        self.text.setWordWrap(True)
        layout.addWidget(self.text, 1)
        self.yes = QPushButton(translate("Overlays", "Confirm"))
        self.yes.setObjectName("confirmButton")
        self.yes.clicked.connect(lambda: controller.run("confirm"))
        self.no = QPushButton(translate("Overlays", "Esc   Cancel"))
        self.no.clicked.connect(lambda: controller.run("escape"))
        for button in (self.yes, self.no):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            layout.addWidget(button)
        self.hide()

    def refresh(self) -> None:
        pending = self.controller.state.pending
        if pending is None or pending.kind != "confirm":
            self.hide()
            return
        asked = translate("Overlays", "{question}  (press the same key again, or Confirm)")
        self.text.setText(asked.format(question=pending.text.translated()))
        self.show()
