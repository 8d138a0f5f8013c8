"""Keys as the show sees them: one text per key press, checked against Qt at load.

Bindings are data (``show.commands``); this module only turns a ``QKeyEvent``
into the same portable text and asks ``QKeySequence`` whether a binding is a
key Qt knows, so a typo in ``settings.keys`` is caught before the doors open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

from ceremony.show.commands import Keymap, normalize_key

_MODIFIER_KEYS = {
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_Meta,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_CapsLock,
}


def key_texts(event: QKeyEvent) -> list[str]:
    """The key press as portable texts, most specific first ('Shift+?' then '?').

    Symbols such as '?' need Shift on most layouts; a binding written '?' must
    still match, so the text without Shift is offered too.
    """
    key = event.keyCombination().key()
    if key in _MODIFIER_KEYS or key == Qt.Key.Key_unknown:
        return []
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    combo = QKeySequence(key.value | modifiers.value)
    full = normalize_key(combo.toString(QKeySequence.SequenceFormat.PortableText))
    texts = [full] if full else []
    if modifiers & Qt.KeyboardModifier.ShiftModifier:
        bare = normalize_key(QKeySequence(key.value).toString(QKeySequence.SequenceFormat.PortableText))
        if bare and bare not in texts and not bare[:1].isalpha():
            texts.append(bare)
        text = event.text()
        if text and text.isprintable() and not text.isalnum() and text not in texts:
            texts.append(text)
    return texts


def describe(event: QKeyEvent) -> str:
    """What the key tester shows: the key's name and its native codes."""
    names = key_texts(event) or [f"0x{event.key():x}"]
    return f"{names[0]}  (key 0x{event.key():x}, scan {event.nativeScanCode()}, virtual {event.nativeVirtualKey()})"


def invalid_bindings(keymap: Keymap) -> list[str]:
    """Every binding Qt cannot parse as one key, reported together."""
    problems: list[str] = []
    for command_id, keys in keymap.keys_by_command.items():
        for key in keys:
            sequence = QKeySequence.fromString(key, QKeySequence.SequenceFormat.PortableText)
            if sequence.count() != 1 or sequence[0].key() == Qt.Key.Key_unknown:  # type: ignore[index]
                problems.append(f"settings.keys.{command_id}: '{key}' is not a key Qt knows")
    return problems


def native_text(key: str) -> str:
    """A binding as this platform writes it, for tooltips and the help overlay."""
    sequence = QKeySequence.fromString(key, QKeySequence.SequenceFormat.PortableText)
    text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
    return text or key
