"""The operator's side of the host's messages: a field, the script's presets, send and clear.

A message goes through the show's ``send_message`` command like a message from the
remote or OSC, so the presenter, the confidence monitor, followers and the rehearsal
report all see the same one. While the field has focus it takes the keys that edit
text; a clicker's page keys still move the show, and Enter sends and hands the keys
back to the show.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ceremony.i18n import translate
from ceremony.show.actions import MESSAGE_MAX
from ceremony.ui.controller import ShowController

#: Keys that keep driving the show even while the message field is being typed in (a clicker's).
SHOW_KEYS = frozenset({Qt.Key.Key_PageDown, Qt.Key.Key_PageUp, Qt.Key.Key_F5})


class MessagePanel(QWidget):
    """Type a message (or pick a preset) for the host; Enter sends, Esc or the button clears."""

    def __init__(self, controller: ShowController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.field = QLineEdit()
        self.field.setObjectName("messageField")
        self.field.setPlaceholderText(translate("Messages", "Message to the host — Enter sends, Esc clears"))
        self.field.setMaxLength(MESSAGE_MAX)
        self.field.returnPressed.connect(self.send_typed)
        send = QPushButton(translate("Messages", "Send"))
        send.clicked.connect(self.send_typed)
        self.clear_button = QPushButton(translate("Messages", "Clear the message"))
        self.clear_button.clicked.connect(self.clear)
        self.status = QLabel("")
        self.status.setObjectName("messageStatus")
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(send)
        row.addWidget(self.clear_button)
        self.presets = QGridLayout()
        self.presets.setSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(row)
        layout.addLayout(self.presets)
        layout.addWidget(self.status)
        self.fill_presets()
        self.refresh()

    def fill_presets(self) -> None:
        """One button per preset of the script's ``settings.messages`` (or the defaults in its language)."""
        while self.presets.count():
            item = self.presets.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        presets = [m for m in self.controller.loaded.script.host_messages() if m]
        for i, text in enumerate(presets):
            button = QPushButton(text)
            button.setObjectName("presetButton")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, t=text: self.send(t))
            self.presets.addWidget(button, i // 4, i % 4)

    def send(self, text: str) -> bool:
        return self.controller.run("send_message", text).ok

    def send_typed(self) -> None:
        if self.send(self.field.text()):
            self.field.clear()
            self.field.clearFocus()  # the keys go back to the show

    def clear(self) -> None:
        self.controller.run("clear_message")

    def refresh(self) -> None:
        message = self.controller.state.message
        self.clear_button.setEnabled(message is not None)
        if message is not None:
            self.status.setText(translate("Messages", "With the host now: “{text}”").format(text=message.text))
        else:
            self.status.setText(translate("Messages", "No message with the host"))

    def escape(self) -> None:
        """Esc in the field: forget what was typed, else take the message down; the keys go back to the show."""
        if self.field.text():
            self.field.clear()
        else:
            self.clear()
        self.field.clearFocus()

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
