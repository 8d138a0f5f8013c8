"""The one QApplication of a show, set up the same whichever part of a start makes it first.

A start may make it before anything else is imported (ui/firstframe.py puts the kept picture up), or when
the windows open (ui/main.py); both come here, so the process is set up once and the same way."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication


def limit_malloc_arenas() -> None:
    """Keep glibc from holding memory the show has let go of.

    One malloc arena for every thread, not one per thread: the decode, media and sound threads otherwise
    keep heaps of their own, each with its holes (a second arena cost ~3 MB at the rig's peak; the threads'
    small allocations come from their per-thread caches, the frames are mapped on their own). And a
    fixed mmap threshold of 4 MB: a frame-sized image (8 MB at 1920x1080) is then always mapped on its own
    and unmapped when freed; glibc's sliding threshold would soon put them on the heap, whose holes stay
    resident (about 15 MB after paging through slides.yaml)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL("libc.so.6")
            libc.mallopt(-8, 1)  # M_ARENA_MAX
            libc.mallopt(-3, 4 * 1024 * 1024)  # M_MMAP_THRESHOLD
        except (OSError, AttributeError):
            pass


def make_app() -> QApplication:
    limit_malloc_arenas()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("ceremony")
    QCoreApplication.setApplicationName("ceremony")
    app.setApplicationDisplayName("ceremony")
    return app
