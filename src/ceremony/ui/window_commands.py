"""The commands that act on the operator's windows, registered like the show's own.

Each is one function on the ``Operator`` (the presenter window), returning False
when it does not apply now, so that a shared key falls through to the next of its
commands: Esc cancels a typed cue number, else closes an overlay, else cancels a
confirmation; Enter takes a previewed cue, else jumps to a typed number, else
confirms a keyed-in winner, else goes next. Importing this module also registers
the show's commands, so it gives the whole registry. Kept free of Qt imports, so
the keymap (and its check of ``settings.keys``) is whole before any window exists.
"""

from __future__ import annotations

from typing import Protocol

from ceremony.i18n import QT_TRANSLATE_NOOP
from ceremony.show import actions  # noqa: F401  (registers the show's commands)
from ceremony.show.commands import command


class Operator(Protocol):
    """What the window commands ask of the presenter window."""

    def toggle_help(self) -> bool: ...
    def open_goto(self) -> bool: ...
    def reload_script(self) -> bool: ...
    def identify_screens(self) -> bool: ...
    def request_quit(self) -> bool: ...
    def type_digit(self, digit: str) -> bool: ...
    def jump_to_typed(self) -> bool: ...
    def cancel_typed(self) -> bool: ...
    def take(self) -> bool: ...
    def close_overlay(self) -> bool: ...
    def scale_notes(self, steps: int) -> bool: ...
    def follow_show(self) -> bool: ...
    def focus_message(self) -> bool: ...


@command(
    "take_preview",
    QT_TRANSLATE_NOOP("Command", "Take the previewed cue"),
    keys=("Return", "Enter"),
    scope="window",
    menu=None,
    precedence=30,
    help=QT_TRANSLATE_NOOP("Command", "Put the cue previewed in the Next view on stage (a cue picked in the list)."),
)
def take_preview(ui: Operator, arg: str | None) -> bool:
    return ui.take()


@command(
    "type_digit",
    QT_TRANSLATE_NOOP("Command", "Cue number"),
    keys=tuple("0123456789"),
    scope="window",
    arg="required",
    menu=None,
    precedence=10,
    help=QT_TRANSLATE_NOOP(
        "Command", "Type a cue number to jump to with Enter; at a reveal whose winner is keyed in, 1–9 pick instead."
    ),
)
def type_digit(ui: Operator, arg: str | None) -> bool:
    return ui.type_digit(arg or "")


@command(
    "jump_to_typed",
    QT_TRANSLATE_NOOP("Command", "Go to the cue number"),
    keys=("Return", "Enter"),
    scope="window",
    menu=None,
    precedence=20,
    help=QT_TRANSLATE_NOOP("Command", "Go to the cue whose number was typed."),
)
def jump_to_typed(ui: Operator, arg: str | None) -> bool:
    return ui.jump_to_typed()


@command(
    "cancel_typed",
    QT_TRANSLATE_NOOP("Command", "Forget the cue number"),
    keys=("Esc",),
    scope="window",
    menu=None,
    precedence=30,
    help=QT_TRANSLATE_NOOP("Command", "Forget a typed cue number."),
)
def cancel_typed(ui: Operator, arg: str | None) -> bool:
    return ui.cancel_typed()


@command(
    "close_overlay",
    QT_TRANSLATE_NOOP("Command", "Close"),
    keys=("Esc",),
    scope="window",
    menu=None,
    precedence=20,
    help=QT_TRANSLATE_NOOP(
        "Command", "Close the help or the search, or stop previewing a cue and follow the show again."
    ),
)
def close_overlay(ui: Operator, arg: str | None) -> bool:
    return ui.close_overlay()


@command(
    "help",
    QT_TRANSLATE_NOOP("Command", "Help"),
    keys=("?",),
    scope="window",
    icon="fa5s.question-circle",
    safe_during_reveal=True,
    toolbar=12,
    menu="view",
    help=QT_TRANSLATE_NOOP("Command", "Show the keys and commands."),
)
def show_help(ui: Operator, arg: str | None) -> bool:
    return ui.toggle_help()


@command(
    "goto_search",
    QT_TRANSLATE_NOOP("Command", "Find a cue"),
    keys=("G",),
    scope="window",
    icon="fa5s.search",
    help=QT_TRANSLATE_NOOP("Command", "Search the cues by name and go to one."),
)
def goto_search(ui: Operator, arg: str | None) -> bool:
    return ui.open_goto()


@command(
    "reload",
    QT_TRANSLATE_NOOP("Command", "Reload the script"),
    keys=("Ctrl+R",),
    scope="window",
    icon="fa5s.sync",
    toolbar=11,
    help=QT_TRANSLATE_NOOP("Command", "Re-read the script; the show keeps its place and its revealed winners."),
)
def reload(ui: Operator, arg: str | None) -> bool:
    return ui.reload_script()


@command(
    "identify_screens",
    QT_TRANSLATE_NOOP("Command", "Identify the screens"),
    scope="window",
    icon="fa5s.desktop",
    safe_during_reveal=True,
    toolbar=10,
    menu="view",
    help=QT_TRANSLATE_NOOP("Command", "Show each screen's number and name on it."),
)
def identify_screens(ui: Operator, arg: str | None) -> bool:
    return ui.identify_screens()


@command(
    "notes_bigger",
    QT_TRANSLATE_NOOP("Command", "Larger notes"),
    scope="window",
    menu="view",
    help=QT_TRANSLATE_NOOP("Command", "Make the notes' type larger (remembered)."),
)
def notes_bigger(ui: Operator, arg: str | None) -> bool:
    return ui.scale_notes(+1)


@command(
    "notes_smaller",
    QT_TRANSLATE_NOOP("Command", "Smaller notes"),
    scope="window",
    menu="view",
    help=QT_TRANSLATE_NOOP("Command", "Make the notes' type smaller (remembered)."),
)
def notes_smaller(ui: Operator, arg: str | None) -> bool:
    return ui.scale_notes(-1)


@command(
    "follow_show",
    QT_TRANSLATE_NOOP("Command", "Follow the show in the preview"),
    scope="window",
    menu="view",
    help=QT_TRANSLATE_NOOP("Command", "Stop previewing a picked cue: the Next view follows the show again."),
)
def follow_show(ui: Operator, arg: str | None) -> bool:
    return ui.follow_show()


@command(
    "message_field",
    QT_TRANSLATE_NOOP("Command", "Write a message to the host"),
    keys=("Ctrl+M",),
    scope="window",
    menu="view",
    help=QT_TRANSLATE_NOOP(
        "Command", "Open the host tab and put the cursor in the message field (Enter sends, Esc clears)."
    ),
)
def message_field(ui: Operator, arg: str | None) -> bool:
    return ui.focus_message()


@command(
    "quit",
    QT_TRANSLATE_NOOP("Command", "Quit"),
    keys=("Ctrl+Q",),
    scope="window",
    icon="fa5s.power-off",
    help=QT_TRANSLATE_NOOP("Command", "Quit ceremony (asks first while the show runs)."),
)
def quit_app(ui: Operator, arg: str | None) -> bool:
    return ui.request_quit()
