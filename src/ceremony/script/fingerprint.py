"""A script's public fingerprint: what a follower compares, and what a remote caller may see.

The file's SHA-256 would do, but for one thing: two copies of a script that differ only in a
class's ``winner:`` hash differently, so anyone holding a draft of the script could hash it once
per nominee and read the winner off ``/api/state`` hours early. The fingerprint hashes the bytes
with every winner value blanked, so it says "same show" without saying who wins. No Qt here.
"""

from __future__ import annotations

import dataclasses
import hashlib

from ceremony.script.model import Script
from ceremony.script.positions import Positions

BLANK = b"?"


def public_digest(raw: bytes, script: Script, positions: Positions) -> str:
    """sha256 of ``raw`` with each class's winner value replaced by ``?``."""
    lines = raw.split(b"\n")
    for index, klass in enumerate(script.classes):
        where = positions.values.get(("classes", index, "winner"))
        if where is None or not _blank(lines, where, klass.winner):
            return _model_digest(script)  # a winner the bytes do not show plainly: hash the model instead
    return hashlib.sha256(b"\n".join(lines)).hexdigest()


def _blank(lines: list[bytes], where: tuple[int, int], winner: str) -> bool:
    line, col = where
    if not 1 <= line <= len(lines):
        return False
    text = lines[line - 1]
    start = len(text.decode("utf-8", "replace")[: col - 1].encode("utf-8"))
    value = winner.encode("utf-8")
    for quote in (b"", b'"', b"'"):
        token = quote + value + quote
        if text[start : start + len(token)] == token:
            lines[line - 1] = text[:start] + BLANK + text[start + len(token) :]
            return True
    return False


def _model_digest(script: Script) -> str:
    blanked = dataclasses.replace(
        script, classes=[dataclasses.replace(c, winner=BLANK.decode()) for c in script.classes]
    )
    return hashlib.sha256(("model:" + repr(blanked)).encode("utf-8")).hexdigest()
