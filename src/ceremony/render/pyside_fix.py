"""Work around PySide6 6.12 on CPython 3.11 dropping a reference to None on every void call.

Measured here: each call of a C++ method returning void (QPainter.save, setPen,
drawImage, ...) lowers ``sys.getrefcount(None)`` by one. CPython 3.12 made None
immortal, so it does not matter there; on 3.11 the count reaches zero after a few
thousand calls and the process aborts with "Fatal Python error: none_dealloc".
A rendered frame makes hundreds of such calls, so a show would die within
minutes. We give None an enormous reference count once (what 3.12 does by design).
"""

from __future__ import annotations

import ctypes
import sys

_DONE = False


def make_none_immortal() -> None:
    """Idempotent; a no-op on CPython >= 3.12 and on other interpreters."""
    global _DONE
    if _DONE or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        _DONE = True
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < 1 << 40:
        refcount.value += 1 << 60
    _DONE = True


make_none_immortal()
