"""A small sound script to break in one place per test."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

GOOD = """\
event:
  title: Testprisen
  year: 2024
classes:
  - id: small
    name: under 15 000 innbyggere
    winner: kvitsoy
    nominees:
      - id: notodden
        name: Notodden
        county: Telemark
        crest: crest.svg
        tagline: Eget næringsselskap
        highlights: [En, To, Tre]
      - id: kvitsoy
        name: Kvitsøy
        county: Rogaland
        crest: crest.svg
        tagline: Kvitsøy 360°
        highlights: [En, To, Tre]
slides:
  - kind: title
  - kind: nominee
    nominee: notodden
  - kind: reveal
    class: small
"""


@pytest.fixture
def write_script(tmp_path: Path) -> Callable[[str | bytes], Path]:
    """Write script text next to a valid crest image; returns the script's path."""
    shutil.copy(REPO / "assets" / "crests" / "notodden.svg", tmp_path / "crest.svg")

    def write(text: str | bytes) -> Path:
        path = tmp_path / "s.yaml"
        path.write_bytes(text.encode() if isinstance(text, str) else text)
        return path

    return write
