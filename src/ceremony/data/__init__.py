"""The files ceremony ships inside its package: the Inter fonts with their licence, the toolbar icons, the sounds.

They are found with importlib.resources, so an installed wheel (``pip install``, ``pipx install``) finds them
exactly as a checkout does: nothing walks up from a module's file to a folder that only a source tree has.
A show's own files (crests, logo, background) are not here: they sit beside its script.
"""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

FONTS = "fonts"
ICONS = "icons"
SOUNDS = "sounds"

_copies = ExitStack()
atexit.register(_copies.close)


def resource(*parts: str) -> Traversable:
    """A shipped file or folder, e.g. ``resource("fonts", "OFL.txt")``."""
    node = files(__name__)
    for part in parts:
        node = node / part
    return node


def path(*parts: str) -> Path:
    """A shipped file as a real path, for Qt, which opens files by name (and fonts lazily, later).

    pip and pipx unpack the package, so this is the file itself; from a zip it is a copy kept until exit.
    """
    node = resource(*parts)
    if isinstance(node, Path):
        return node
    return _copies.enter_context(as_file(node))


def names(folder: str, suffix: str) -> list[str]:
    """The names of the shipped files in folder that end in suffix, sorted."""
    return sorted(node.name for node in resource(folder).iterdir() if node.name.endswith(suffix))
