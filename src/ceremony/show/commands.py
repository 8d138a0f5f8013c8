"""Every command the show knows, each registered once, on the function that does it.

A command is declared by ``@command(...)`` on its function, qutebrowser-style: the
id, title, help, default keys, icon, toolbar place, menu, guard and remote rules go
in the decorator (title and help in English, marked with ``QT_TRANSLATE_NOOP`` so
that lupdate finds them and the presenter shows them translated). Keys, buttons, menus,
the help overlay, the remote API, OSC and availability are all read from the
registry, so nothing about a command is written twice.

Two scopes: a ``show`` command is a pure function ``(state, call) -> (state,
outcome)`` of the Qt-free engine (``show/actions.py`` holds them); a ``window``
command acts on the operator's windows (methods of the presenter, registered by
the UI) and returns False when it does not apply now. A key runs the first of its
commands that applies (Impressive's model): Enter takes a previewed cue, else
jumps to a typed number, else confirms a keyed-in winner, else goes next.

Keys are written in Qt's portable ``QKeySequence`` text form; checking that Qt
accepts them is the UI's job, this module only knows them as text. No Qt here.
"""

from __future__ import annotations

import difflib
import inspect
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

Scope = Literal["show", "window"]
ArgKind = Literal["none", "optional", "required"]
Menu = Literal["show", "view"]
Guard = Callable[[Any, float], bool]
"""A show command's guard: ``(state, now) -> applies``; the engine expires confirmations first."""

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True, slots=True)
class Command:
    """One thing the operator or the host can do, with everything that is said about it anywhere."""

    id: str
    title: str
    help: str
    run: Callable[..., Any]
    """show: ``(ShowState, Call) -> (ShowState, Outcome)``; window: ``(windows, arg) -> bool`` (applied)."""
    scope: Scope = "show"
    keys: tuple[str, ...] = ()
    icon: str = ""
    """A Font Awesome name as qtawesome writes it, for buttons and menus (drawn ahead into PNGs)."""
    arg: ArgKind = "none"
    guard: Guard | None = None
    """When a show command applies now; None: always. Window commands say so by returning False."""
    safe_during_reveal: bool = False
    """True when it may run while the reveal animation plays (blackout, freeze, …)."""
    remote: bool = True
    """A show command the remote API and OSC may run; False keeps it for the presenter (it acts on what
    only the presenter may see: an envelope mismatch, winners in the Next preview)."""
    in_follower: bool = False
    """A show command a follower still runs itself (the rest come from the leader)."""
    toolbar: int | None = None
    """Its place on the presenter's toolbar, left to right; None: not there."""
    menu: Menu | None = None
    precedence: int = 0
    """Where several commands share a key, the highest runs first when it applies."""

    @property
    def takes_arg(self) -> bool:
        return self.arg != "none"

    @property
    def is_remote(self) -> bool:
        return self.scope == "show" and self.remote


class Registry:
    """The commands in the order they were registered (the help overlay's order)."""

    def __init__(self) -> None:
        self._commands: dict[str, Command] = {}

    def add(self, cmd: Command) -> Command:
        if cmd.id in self._commands:
            raise ValueError(f"command '{cmd.id}' is registered twice")
        self._commands[cmd.id] = cmd
        return cmd

    def remove(self, command_id: str) -> None:
        self._commands.pop(command_id, None)

    def get(self, command_id: str) -> Command | None:
        return self._commands.get(command_id)

    def __getitem__(self, command_id: str) -> Command:
        return self._commands[command_id]

    def __contains__(self, command_id: object) -> bool:
        return command_id in self._commands

    def __iter__(self) -> Iterator[Command]:
        return iter(list(self._commands.values()))

    def remote(self) -> tuple[Command, ...]:
        return tuple(c for c in self if c.is_remote)

    def toolbar(self) -> tuple[Command, ...]:
        return tuple(sorted((c for c in self if c.toolbar is not None), key=lambda c: c.toolbar or 0))

    @contextmanager
    def temporarily(self, cmd: Command) -> Iterator[Command]:
        """Register ``cmd`` for the duration of a ``with`` block (tests add a command this way)."""
        self.add(cmd)
        try:
            yield cmd
        finally:
            self.remove(cmd.id)


REGISTRY = Registry()


def command(
    command_id: str,
    title: str,
    *,
    keys: Sequence[str] = (),
    icon: str = "",
    scope: Scope = "show",
    arg: ArgKind = "none",
    guard: Guard | None = None,
    safe_during_reveal: bool = False,
    remote: bool = True,
    in_follower: bool = False,
    toolbar: int | None = None,
    menu: Menu | None = "show",
    precedence: int = 0,
    registry: Registry | None = None,
    help: str | None = None,
) -> Callable[[F], F]:
    """Register the decorated function as command ``command_id``.

    ``title`` and ``help`` are English, marked for translation where they are written
    (``QT_TRANSLATE_NOOP("Command", …)``); the presenter shows them in the operator's language. Without
    ``help``, the docstring's first paragraph is the help (and stays English).
    """

    def register(function: F) -> F:
        (registry or REGISTRY).add(
            Command(
                command_id,
                title,
                help if help is not None else help_of(function),
                function,
                scope,
                tuple(keys),
                icon,
                arg,
                guard,
                safe_during_reveal,
                remote,
                in_follower,
                toolbar,
                menu,
                precedence,
            )
        )
        return function

    return register


def help_of(function: Callable[..., Any]) -> str:
    """The first paragraph of a docstring, on one line."""
    doc = inspect.getdoc(function) or ""
    return " ".join(doc.split("\n\n", 1)[0].split())


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
    """Which commands a key runs, in order (the first that applies runs), and each command's keys."""

    bindings: Mapping[str, tuple[str, ...]]
    keys_by_command: Mapping[str, tuple[str, ...]]

    def commands_for(self, key: str) -> tuple[str, ...]:
        return self.bindings.get(normalize_key(key), ())

    def keys_for(self, command_id: str) -> tuple[str, ...]:
        """For tooltips and the help overlay."""
        return self.keys_by_command.get(command_id, ())


def build_keymap(
    overrides: Mapping[str, Sequence[str]] | None = None, registry: Registry | None = None
) -> tuple[Keymap, list[str]]:
    """The keymap from the registered defaults plus a script's ``settings.keys``, and every problem found.

    An override replaces that command's default keys. Unknown command ids are all
    reported together; a key that would quit on F5, Shift+F5 or Esc is dropped. A key
    shared by design (several commands declare it) is not a problem; one that an
    override makes shared is reported.
    """
    registry = registry or REGISTRY
    overrides = overrides or {}
    problems: list[str] = []
    unknown = [cid for cid in overrides if cid not in registry]
    if unknown:
        problems.append("settings.keys: unknown command " + "; ".join(_unknown(cid, registry) for cid in unknown))
    keys_by_command = {cmd.id: _keys(cmd, overrides.get(cmd.id, cmd.keys), problems) for cmd in registry}
    by_precedence = sorted(registry, key=lambda c: -c.precedence)  # stable: registration order among equals
    bindings: dict[str, tuple[str, ...]] = {}
    for cmd in by_precedence:
        for key in keys_by_command[cmd.id]:
            bindings[key] = (*bindings.get(key, ()), cmd.id)
    for key, ids in bindings.items():
        by_design = all(key in _default_keys(registry[cid]) for cid in ids)
        if len(ids) > 1 and not by_design:
            problems.append(f"settings.keys: {key} is bound to {', '.join(ids)}; the first that applies runs")
    return Keymap(bindings, keys_by_command), problems


def _keys(cmd: Command, raw: Sequence[str], problems: list[str]) -> tuple[str, ...]:
    keys: list[str] = []
    for text in raw:
        key = normalize_key(text)
        if not key:
            problems.append(f"settings.keys.{cmd.id}: an empty key name")
        elif cmd.id == "quit" and key in NEVER_QUIT_KEYS:
            problems.append(f"settings.keys.quit: {key} must never quit the show; ignored")
        elif key not in keys:
            keys.append(key)
    return tuple(keys)


def _default_keys(cmd: Command) -> set[str]:
    return {normalize_key(k) for k in cmd.keys}


def _unknown(command_id: str, registry: Registry) -> str:
    guess = difflib.get_close_matches(command_id, [c.id for c in registry], n=1, cutoff=0.6)
    return f"'{command_id}'" + (f" (did you mean '{guess[0]}'?)" if guess else "")
