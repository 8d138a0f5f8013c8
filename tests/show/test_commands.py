"""The command table: one declaration per command, sane default keys, overrides checked as a whole."""

from __future__ import annotations

from collections import Counter

import pytest

from ceremony.show.commands import COMMANDS, COMMANDS_BY_ID, NEVER_QUIT_KEYS, build_keymap, normalize_key
from ceremony.show.engine import HANDLERS

REQUIRED = {
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
    "reset_reveal",
    "rehearsal",
    "show_winners_in_preview",
    "help",
    "goto_search",
    "reload",
    "quit",
    "identify_screens",
    "escape",
    "start_show",
}


def test_ids_unique_and_complete() -> None:
    ids = [c.id for c in COMMANDS]
    assert len(ids) == len(set(ids))
    assert set(ids) >= REQUIRED
    assert all(c.title and c.help and c.icon.startswith("fa") for c in COMMANDS)


def test_every_engine_command_has_a_handler_and_ui_commands_have_none() -> None:
    engine_ids = {c.id for c in COMMANDS if c.engine} - {"confirm"}
    assert engine_ids == set(HANDLERS)
    assert not {"help", "goto_search", "reload", "quit", "identify_screens"} & set(HANDLERS)


def test_default_keys() -> None:
    keys = {c.id: c.keys for c in COMMANDS}
    assert keys["next"] == ("PgDown", "Right", "Down", "Space", "Return", "Enter")
    assert keys["previous"] == ("PgUp", "Left", "Up", "Backspace")
    assert keys["blackout"] == ("B", ".")
    assert keys["whiteout"] == ("W", ",")
    assert (keys["first"], keys["last"], keys["freeze"]) == (("Home",), ("End",), ("F",))
    assert (keys["help"], keys["goto_search"]) == (("?",), ("G",))
    assert (keys["reload"], keys["quit"]) == (("Ctrl+R",), ("Ctrl+Q",))
    assert keys["escape"] == ("Esc",)
    assert keys["start_show"] == ("F5", "Shift+F5")


def test_each_default_key_belongs_to_one_command_but_enter() -> None:
    counts = Counter(k for c in COMMANDS for k in c.keys)
    assert sorted(k for k, n in counts.items() if n > 1) == ["Enter", "Return"]
    keymap, problems = build_keymap()
    assert problems == []
    shared = {k: ids for k, ids in keymap.bindings.items() if len(ids) > 1}
    assert shared == {"Return": ("confirm_pick", "next"), "Enter": ("confirm_pick", "next")}


def test_f5_and_esc_never_quit() -> None:
    keymap, _ = build_keymap()
    for key in NEVER_QUIT_KEYS:
        assert "quit" not in keymap.commands_for(key)
    assert keymap.commands_for("F5") == ("start_show",)
    assert keymap.commands_for("Shift+F5") == ("start_show",)
    assert keymap.commands_for("Esc") == ("escape",)
    keymap, problems = build_keymap({"quit": ["F5", "Esc", "Shift+F5", "Ctrl+W"]})
    assert keymap.keys_for("quit") == ("Ctrl+W",)
    assert len(problems) == 3


def test_safe_during_reveal() -> None:
    safe = {c.id for c in COMMANDS if c.safe_during_reveal}
    assert {"blackout", "whiteout", "freeze", "escape"} <= safe
    assert not {"next", "previous", "goto", "first", "last", "reveal"} & safe


def test_override_replaces_defaults_and_keeps_order() -> None:
    keymap, problems = build_keymap({"next": ["pgdown", "n"], "blackout": ["B"]})
    assert problems == []
    assert keymap.keys_for("next") == ("PgDown", "N")
    assert keymap.commands_for("Right") == ()
    assert keymap.commands_for("n") == ("next",)
    assert keymap.keys_for("previous") == COMMANDS_BY_ID["previous"].keys


def test_all_unknown_command_ids_reported_together() -> None:
    _, problems = build_keymap({"nxet": ["X"], "bogus": ["Y"], "next": ["Z"], "blakout": ["Q"]})
    unknown = [p for p in problems if "unknown command" in p]
    assert len(unknown) == 1
    assert "'nxet' (did you mean 'next'?)" in unknown[0]
    assert "'bogus'" in unknown[0]
    assert "'blakout' (did you mean 'blackout'?)" in unknown[0]


def test_key_bound_twice_runs_first_and_is_reported() -> None:
    keymap, problems = build_keymap({"freeze": ["B"]})
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
