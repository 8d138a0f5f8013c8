"""The command table: one declaration per command, sane default keys, overrides checked as a whole."""

from __future__ import annotations

from collections import Counter

import pytest

from ceremony.show import engine  # noqa: F401  (registers the show's commands)
from ceremony.show.commands import REGISTRY, Registry, build_keymap, command, normalize_key

SHOW = {
    "next",
    "previous",
    "first",
    "last",
    "goto",
    "blackout",
    "whiteout",
    "freeze",
    "reveal",
    "pick_winner",
    "confirm_pick",
    "choose_script_winner",
    "choose_read_winner",
    "confirm",
    "reset_reveal",
    "rehearsal",
    "show_winners_in_preview",
    "escape",
    "start_show",
    "send_message",
    "clear_message",
    "media_pause",
    "media_restart",
    "sound_panic",
    "volume_up",
    "volume_down",
    "media_ended",
}


def show_only() -> Registry:
    """The show's commands alone (the UI's tests, in the same session, add the window commands)."""
    registry = Registry()
    for cmd in REGISTRY:
        if cmd.scope == "show":
            registry.add(cmd)
    return registry


def test_the_show_registers_its_commands_without_the_windows() -> None:
    """The Qt-free engine alone registers every show command, each with a title, help and (for menus) icon."""
    ids = [c.id for c in REGISTRY]
    assert len(ids) == len(set(ids))
    assert {c.id for c in REGISTRY if c.scope == "show"} == SHOW
    for cmd in REGISTRY:
        assert cmd.title and cmd.help and cmd.help[-1] in ".)", cmd.id
        assert cmd.icon.startswith("fa") or cmd.menu is None or cmd.scope == "window", cmd.id


def test_help_is_the_docstring() -> None:
    assert (
        REGISTRY["next"].help == "Go to the next cue; at the suspense step, fire the reveal once the suspense has run."
    )


def test_a_command_is_registered_once() -> None:
    registry = Registry()

    @command("x", "X", registry=registry)
    def x(state: object, call: object) -> None:
        """Do x."""

    with pytest.raises(ValueError, match="registered twice"):
        command("x", "X again", registry=registry)(x)
    assert [c.id for c in registry] == ["x"]


def test_default_keys() -> None:
    keys = {c.id: c.keys for c in REGISTRY}
    assert keys["next"] == ("PgDown", "Right", "Down", "Space", "Return", "Enter")
    assert keys["previous"] == ("PgUp", "Left", "Up", "Backspace")
    assert keys["blackout"] == ("B", ".")
    assert keys["whiteout"] == ("W", ",")
    assert (keys["first"], keys["last"], keys["freeze"]) == (("Home",), ("End",), ("F",))
    assert keys["escape"] == ("Esc",)
    assert keys["start_show"] == ("F5", "Shift+F5")


def test_keys_shared_by_design_run_in_precedence_order() -> None:
    counts = Counter(k for c in show_only() for k in c.keys)
    assert sorted(k for k, n in counts.items() if n > 1) == ["Enter", "Return"]
    keymap, problems = build_keymap(registry=show_only())
    assert problems == []
    shared = {k: ids for k, ids in keymap.bindings.items() if len(ids) > 1}
    assert shared == {"Return": ("confirm_pick", "next"), "Enter": ("confirm_pick", "next")}


def test_safe_during_reveal() -> None:
    safe = {c.id for c in REGISTRY if c.safe_during_reveal}
    assert {"blackout", "whiteout", "freeze", "escape"} <= safe
    assert not {"next", "previous", "goto", "first", "last", "reveal"} & safe


def test_override_replaces_defaults_and_keeps_order() -> None:
    keymap, problems = build_keymap({"next": ["pgdown", "n"], "blackout": ["B"]}, show_only())
    assert problems == []
    assert keymap.keys_for("next") == ("PgDown", "N")
    assert keymap.commands_for("Right") == ()
    assert keymap.commands_for("n") == ("next",)
    assert keymap.keys_for("previous") == REGISTRY["previous"].keys


def test_all_unknown_command_ids_reported_together() -> None:
    _, problems = build_keymap({"nxet": ["X"], "bogus": ["Y"], "next": ["Z"], "blakout": ["Q"]}, show_only())
    unknown = [p for p in problems if "unknown command" in p]
    assert len(unknown) == 1
    assert "'nxet' (did you mean 'next'?)" in unknown[0]
    assert "'bogus'" in unknown[0]
    assert "'blakout' (did you mean 'blackout'?)" in unknown[0]


def test_key_bound_twice_runs_first_and_is_reported() -> None:
    keymap, problems = build_keymap({"freeze": ["B"]}, show_only())
    assert keymap.commands_for("B") == ("blackout", "freeze")
    assert any("B is bound to blackout, freeze" in p for p in problems)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("ctrl+r", "Ctrl+R"),
        ("pgdown", "PgDown"),
        ("escape", "Esc"),
        ("b", "B"),
        ("shift+f5", "Shift+F5"),
        ("Ctrl++", "Ctrl++"),
        (" . ", "."),
        ("Page Down", "PgDown"),
    ],
)
def test_normalize_key(text: str, key: str) -> None:
    assert normalize_key(text) == key
