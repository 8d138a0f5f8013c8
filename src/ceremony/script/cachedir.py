"""Where ceremony keeps what it can draw or parse again: a module of its own, light enough for the first
thing a start does (ui/firstframe.py) to ask it without importing the script model."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def cache_dir() -> Path:
    """$CEREMONY_CACHE_DIR, else the platform's user cache folder."""
    override = os.environ.get("CEREMONY_CACHE_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir("ceremony")) / "scripts"
