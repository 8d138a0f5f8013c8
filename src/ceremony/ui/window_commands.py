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
    "Ta forhåndsvist cue",
    keys=("Return", "Enter"),
    scope="window",
    menu=None,
    precedence=30,
)
def take_preview(ui: Operator, arg: str | None) -> bool:
    """Put the cue previewed in the Next view on stage (a cue picked in the list)."""
    return ui.take()


@command("type_digit", "Cue-nummer", keys=tuple("0123456789"), scope="window", arg="required", menu=None, precedence=10)
def type_digit(ui: Operator, arg: str | None) -> bool:
    """Type a cue number to jump to with Enter; at a reveal whose winner is keyed in, 1–9 pick instead."""
    return ui.type_digit(arg or "")


@command(
    "jump_to_typed",
    "Gå til cue-nummer",
    keys=("Return", "Enter"),
    scope="window",
    menu=None,
    precedence=20,
)
def jump_to_typed(ui: Operator, arg: str | None) -> bool:
    """Go to the cue whose number was typed."""
    return ui.jump_to_typed()


@command("cancel_typed", "Glem cue-nummer", keys=("Esc",), scope="window", menu=None, precedence=30)
def cancel_typed(ui: Operator, arg: str | None) -> bool:
    """Forget a typed cue number."""
    return ui.cancel_typed()


@command("close_overlay", "Lukk", keys=("Esc",), scope="window", menu=None, precedence=20)
def close_overlay(ui: Operator, arg: str | None) -> bool:
    """Close the help or the search, or stop previewing a cue and follow the show again."""
    return ui.close_overlay()


@command(
    "help",
    "Hjelp",
    keys=("?",),
    scope="window",
    icon="fa5s.question-circle",
    safe_during_reveal=True,
    toolbar=12,
    menu="view",
)
def show_help(ui: Operator, arg: str | None) -> bool:
    """Show the keys and commands."""
    return ui.toggle_help()


@command("goto_search", "Finn cue", keys=("G",), scope="window", icon="fa5s.search")
def goto_search(ui: Operator, arg: str | None) -> bool:
    """Search the cues by name and go to one."""
    return ui.open_goto()


@command("reload", "Last inn manus på nytt", keys=("Ctrl+R",), scope="window", icon="fa5s.sync", toolbar=11)
def reload(ui: Operator, arg: str | None) -> bool:
    """Re-read the script; the show keeps its place and its revealed winners."""
    return ui.reload_script()


@command(
    "identify_screens",
    "Identifiser skjermer",
    scope="window",
    icon="fa5s.desktop",
    safe_during_reveal=True,
    toolbar=10,
    menu="view",
)
def identify_screens(ui: Operator, arg: str | None) -> bool:
    """Show each screen's number and name on it."""
    return ui.identify_screens()


@command("notes_bigger", "Større notater", scope="window", menu="view")
def notes_bigger(ui: Operator, arg: str | None) -> bool:
    """Make the notes' type larger (remembered)."""
    return ui.scale_notes(+1)


@command("notes_smaller", "Mindre notater", scope="window", menu="view")
def notes_smaller(ui: Operator, arg: str | None) -> bool:
    """Make the notes' type smaller (remembered)."""
    return ui.scale_notes(-1)


@command("follow_show", "Følg showet i forhåndsvisningen", scope="window", menu="view")
def follow_show(ui: Operator, arg: str | None) -> bool:
    """Stop previewing a picked cue: the Next view follows the show again."""
    return ui.follow_show()


@command("message_field", "Skriv melding til verten", keys=("Ctrl+M",), scope="window", menu="view")
def message_field(ui: Operator, arg: str | None) -> bool:
    """Open the host tab and put the cursor in the message field (Enter sends, Esc clears)."""
    return ui.focus_message()


@command("quit", "Avslutt", keys=("Ctrl+Q",), scope="window", icon="fa5s.power-off")
def quit_app(ui: Operator, arg: str | None) -> bool:
    """Quit ceremony (asks first while the show runs)."""
    return ui.request_quit()
