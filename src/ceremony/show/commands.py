"""Every command the show knows, declared once.

Keys, menus, toolbar tooltips, the help overlay and the engine all read this
table, so a key binding or a help text never exists in two places. Keys are
written in Qt's portable ``QKeySequence`` text form; checking that Qt accepts
them is the UI's job, this module only knows them as text.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Command:
    """One thing the operator or the host can do, with its default keys and help."""

    id: str
    title: str
    help: str
    keys: tuple[str, ...] = ()
    safe_during_reveal: bool = False
    """True when it may run while the reveal animation plays (blackout, freeze, …)."""
    icon: str = ""
    """A qtawesome icon name for buttons and menus."""
    takes_arg: bool = False
    engine: bool = True
    """False for commands only the UI acts on (help, quit, …); the engine just declares them."""
    remote: bool = True
    """False for engine commands only the presenter may run: they act on what only the presenter may see
    (an envelope mismatch, winners in the Next preview), so a remote caller must not reach them."""


def _c(
    cid: str,
    title: str,
    help_text: str,
    *keys: str,
    safe_during_reveal: bool = False,
    icon: str = "",
    takes_arg: bool = False,
    engine: bool = True,
    remote: bool = True,
) -> Command:
    return Command(cid, title, help_text, keys, safe_during_reveal, icon, takes_arg, engine, remote and engine)


COMMANDS: tuple[Command, ...] = (
    # Declared before "next" so that Enter confirms a keyed-in winner when there is one, and is "next" otherwise.
    _c(
        "confirm_pick",
        "Bekreft vinner",
        "Confirm the winner keyed in with 1–3 (only while one is keyed in).",
        "Return",
        "Enter",
        icon="fa5s.check",
    ),
    _c(
        "next",
        "Neste",
        "Go to the next cue; at the suspense step, fire the reveal once the suspense has run.",
        "PgDown",
        "Right",
        "Down",
        "Space",
        "Return",
        "Enter",
        icon="fa5s.forward",
    ),
    _c(
        "previous",
        "Forrige",
        "Go back one cue; leaving a revealed winner asks for confirmation.",
        "PgUp",
        "Left",
        "Up",
        "Backspace",
        icon="fa5s.backward",
    ),
    _c("first", "Første", "Go to the first cue.", "Home", icon="fa5s.fast-backward"),
    _c("last", "Siste", "Go to the last cue (never into an unrevealed winner).", "End", icon="fa5s.fast-forward"),
    _c(
        "goto", "Gå til", "Go to a cue by id, slide id or number (1-based).", icon="fa5s.location-arrow", takes_arg=True
    ),
    _c(
        "blackout",
        "Svart",
        "Black out the stage, or bring it back.",
        "B",
        ".",
        safe_during_reveal=True,
        icon="fa5s.square",
    ),
    _c(
        "whiteout",
        "Hvit",
        "White out the stage, or bring it back.",
        "W",
        ",",
        safe_during_reveal=True,
        icon="fa5.square",
    ),
    _c(
        "freeze",
        "Frys",
        "Freeze the stage on what it shows while the presenter keeps moving; again to unfreeze.",
        "F",
        safe_during_reveal=True,
        icon="fa5s.snowflake",
    ),
    _c(
        "reveal",
        "Avslør",
        "Fire the armed reveal now, without waiting for the suspense to run out.",
        icon="fa5s.trophy",
    ),
    _c(
        "pick_winner",
        "Velg vinner",
        "Key in the winner the host reads (nominee number, 1-based).",
        icon="fa5s.hand-pointer",
        takes_arg=True,
    ),
    _c(
        "choose_script_winner",
        "Bruk manusets vinner",
        "The name read differs from the script: reveal the script's winner.",
        "M",
        icon="fa5s.file-alt",
        remote=False,
    ),
    _c(
        "choose_read_winner",
        "Bruk opplest vinner",
        "The name read differs from the script: reveal the name the host read.",
        "O",
        icon="fa5s.envelope-open",
        remote=False,
    ),
    _c(
        "confirm",
        "Bekreft",
        "Carry out the action waiting for confirmation.",
        safe_during_reveal=True,
        icon="fa5s.check-double",
    ),
    _c(
        "reset_reveal",
        "Nullstill avsløring",
        "Forget a class's revealed winner so it can be revealed again (asks for confirmation).",
        icon="fa5s.undo",
        takes_arg=True,
    ),
    _c(
        "rehearsal",
        "Prøvemodus",
        "Rehearsal on/off: reveals use stand-ins drawn without looking at the winner. Only before the show starts.",
        icon="fa5s.theater-masks",
    ),
    _c(
        "show_winners_in_preview",
        "Vinner i forhåndsvisning",
        "Let the Next preview show reveals with their winner.",
        safe_during_reveal=True,
        icon="fa5s.eye",
        remote=False,
    ),
    _c(
        "start_show",
        "Start showet",
        "Start the show clock if it is not running; never leaves fullscreen or quits.",
        "F5",
        "Shift+F5",
        safe_during_reveal=True,
        icon="fa5s.play",
    ),
    _c(
        "escape",
        "Avbryt",
        "Close overlays and cancel a pending confirmation; never quits.",
        "Esc",
        safe_during_reveal=True,
        icon="fa5s.times",
    ),
    # UI-only: declared here so keys, menus and help come from one table.
    _c(
        "help",
        "Hjelp",
        "Show the keys and commands.",
        "?",
        safe_during_reveal=True,
        icon="fa5s.question-circle",
        engine=False,
    ),
    _c("goto_search", "Finn cue", "Search the cues by name and go to one.", "G", icon="fa5s.search", engine=False),
    _c(
        "reload",
        "Last inn manus på nytt",
        "Re-read the script; the show keeps its place and its revealed winners.",
        "Ctrl+R",
        icon="fa5s.sync",
        engine=False,
    ),
    _c(
        "identify_screens",
        "Identifiser skjermer",
        "Show each screen's number and name on it.",
        safe_during_reveal=True,
        icon="fa5s.desktop",
        engine=False,
    ),
    _c(
        "quit",
        "Avslutt",
        "Quit ceremony (asks first while the show runs).",
        "Ctrl+Q",
        icon="fa5s.power-off",
        engine=False,
    ),
)

COMMANDS_BY_ID: dict[str, Command] = {c.id: c for c in COMMANDS}

#: Keys that run one of several commands by design (the first that applies): Enter confirms a keyed-in
#: winner when there is one and is "next" otherwise.
DEFAULT_SHARED: dict[str, tuple[str, ...]] = {"Return": ("confirm_pick", "next"), "Enter": ("confirm_pick", "next")}

#: Keys a clicker or a presenter habit sends that must never end the show.
NEVER_QUIT_KEYS = frozenset({"F5", "Shift+F5", "Esc"})

_MODIFIERS = {"ctrl": "Ctrl", "control": "Ctrl", "shift": "Shift", "alt": "Alt", "meta": "Meta"}
_NAMES = {
    n.lower(): n
    for n in (
        "PgDown",
        "PgUp",
        "Right",
        "Left",
        "Up",
        "Down",
        "Space",
        "Return",
        "Enter",
        "Backspace",
        "Home",
        "End",
        "Esc",
        "Tab",
        "Del",
        "Ins",
        "Media Play",
        "Media Next",
        "Media Previous",
    )
}
_NAMES.update(
    {
        "escape": "Esc",
        "pagedown": "PgDown",
        "pageup": "PgUp",
        "page down": "PgDown",
        "page up": "PgUp",
        "delete": "Del",
        "insert": "Ins",
    }
)


def command(command_id: str) -> Command | None:
    """The command with this id, or None."""
    return COMMANDS_BY_ID.get(command_id)


def normalize_key(text: str) -> str:
    """A key's canonical text ('ctrl+r' -> 'Ctrl+R', 'pgdown' -> 'PgDown'), so bindings compare equal."""
    text = text.strip()
    if len(text) <= 1:
        return text.upper()
    if text.endswith("++"):
        head, key = text[:-2], "+"
    else:
        head, _, key = text.rpartition("+")
    mods = [_MODIFIERS.get(m.strip().lower(), m.strip()) for m in head.split("+")] if head else []
    key = key.strip()
    if len(key) == 1:
        key = key.upper()
    elif key.lower() in _NAMES:
        key = _NAMES[key.lower()]
    elif key[:1] in "fF" and key[1:].isdigit():
        key = f"F{key[1:]}"
    return "+".join([*mods, key])


@dataclass(frozen=True, slots=True)
class Keymap:
    """Which commands a key runs, in order (the first whose guard passes runs), and each command's keys."""

    bindings: dict[str, tuple[str, ...]]
    keys_by_command: dict[str, tuple[str, ...]]

    def commands_for(self, key: str) -> tuple[str, ...]:
        return self.bindings.get(normalize_key(key), ())

    def keys_for(self, command_id: str) -> tuple[str, ...]:
        """For tooltips and the help overlay."""
        return self.keys_by_command.get(command_id, ())


def build_keymap(overrides: Mapping[str, Sequence[str]] | None = None) -> tuple[Keymap, list[str]]:
    """The keymap from the declared defaults plus a script's ``settings.keys``, and every problem found.

    An override replaces that command's default keys. Unknown command ids are all
    reported together; a key that would quit on F5, Shift+F5 or Esc is dropped.
    """
    overrides = overrides or {}
    problems: list[str] = []
    unknown = [cid for cid in overrides if cid not in COMMANDS_BY_ID]
    if unknown:
        problems.append("settings.keys: unknown command " + "; ".join(_unknown(cid) for cid in unknown))
    keys_by_command: dict[str, tuple[str, ...]] = {}
    for cmd in COMMANDS:
        raw = overrides.get(cmd.id, cmd.keys)
        keys: list[str] = []
        for text in raw:
            key = normalize_key(text)
            if not key:
                problems.append(f"settings.keys.{cmd.id}: an empty key name")
            elif cmd.id == "quit" and key in NEVER_QUIT_KEYS:
                problems.append(f"settings.keys.quit: {key} must never quit the show; ignored")
            elif key not in keys:
                keys.append(key)
        keys_by_command[cmd.id] = tuple(keys)
    bindings: dict[str, tuple[str, ...]] = {}
    for cmd in COMMANDS:
        for key in keys_by_command[cmd.id]:
            bindings[key] = (*bindings.get(key, ()), cmd.id)
    for key, ids in bindings.items():
        if len(ids) > 1 and ids != DEFAULT_SHARED.get(key):
            problems.append(f"settings.keys: {key} is bound to {', '.join(ids)}; the first that applies runs")
    return Keymap(bindings, keys_by_command), problems


def _unknown(command_id: str) -> str:
    guess = difflib.get_close_matches(command_id, list(COMMANDS_BY_ID), n=1, cutoff=0.6)
    return f"'{command_id}'" + (f" (did you mean '{guess[0]}'?)" if guess else "")
