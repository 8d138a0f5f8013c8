"""What a client may send in a request body: a command's ``{"arg": ...}`` and a host message's ``{"text": ...}``.

Text from the network ends up in the show state, on the confidence monitor and in
every state push, so it is checked before it gets there: no control characters
(a bell, an escape, a line break in the middle of a message), no lone surrogates
(JSON can spell ``"\\ud800"``, which no UTF-8 reply can carry: it would make every
later reply fail), no invisible bidirectional overrides (they would turn the
host's text around). A refusal is a ``BodyError`` with the reason, sent as 400.
No Qt here.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from ceremony.show.commands import Command

MAX_ARG = 200
"""Longest accepted command argument (a cue id, a number, a class id, a message)."""

#: Unicode categories refused in text: controls (C0, DEL, C1), surrogates, line and paragraph separators.
REFUSED_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})
#: Bidirectional embeddings, overrides and isolates (format characters that reorder what follows).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class BodyError(ValueError):
    """A request body the server will not use; the message says why (sent as a 400)."""


def text_problem(text: str, what: str) -> str | None:
    """Why ``text`` may not go into the show (None when it may): control characters and the like."""
    for char in text:
        if unicodedata.category(char) in REFUSED_CATEGORIES or char in BIDI_CONTROLS:
            return f"{what} must not contain control characters (U+{ord(char):04X})"
    return None


def _object(body: bytes, example: str) -> dict[str, Any]:
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise BodyError(f"the body is not valid JSON ({type(exc).__name__})") from None
    if not isinstance(data, dict):
        raise BodyError(f"the body must be a JSON object such as {example}")
    return data


def _only(data: dict[str, Any], field: str) -> None:
    unknown = sorted(set(data) - {field})
    if unknown:
        shown = ", ".join(repr(k[:40]) for k in unknown[:5])
        raise BodyError(f"unknown field(s) {shown}; only '{field}' is allowed")


def parse_command_body(body: bytes, command: Command) -> str | None:
    """The ``arg`` of a ``{"arg": ...}`` body (empty body: no argument); raises BodyError with the reason."""
    if not body.strip():
        return None
    data = _object(body, '{"arg": "12"}')
    _only(data, "arg")
    arg = data.get("arg")
    if arg is None:
        return None
    if isinstance(arg, bool) or not isinstance(arg, str | int):
        raise BodyError("'arg' must be a string or an integer")
    text = str(arg)
    if len(text) > MAX_ARG:
        raise BodyError(f"'arg' may be at most {MAX_ARG} characters")
    problem = text_problem(text, "'arg'")
    if problem:
        raise BodyError(problem)
    if not command.takes_arg:
        raise BodyError(f"'{command.id}' takes no argument")
    return text


def parse_message_body(body: bytes) -> str:
    """The ``text`` of a ``{"text": "..."}`` body; raises BodyError. Its length and emptiness are for the
    ``send_message`` command to judge (422), as for the command sent any other way (the body cap bounds it)."""
    if not body.strip():
        raise BodyError('the body must be a JSON object such as {"text": "Strekk 30 s"}; DELETE clears the message')
    data = _object(body, '{"text": "Strekk 30 s"}')
    _only(data, "text")
    text = data.get("text")
    if not isinstance(text, str):
        raise BodyError("'text' is required and must be a string")
    problem = text_problem(text, "'text'")
    if problem:
        raise BodyError(problem)
    return text
