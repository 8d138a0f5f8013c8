"""An unhandled error reaches the presenter's banner on the GUI thread, whichever thread raised it."""

from __future__ import annotations

import sys
import threading

from PySide6.QtWidgets import QApplication

from ceremony.ui.crashlog import ExceptHook


def _raise_into(hook: ExceptHook) -> None:
    try:
        raise ValueError("a frame that cannot be decoded")
    except ValueError:
        hook(*sys.exc_info())  # type: ignore[arg-type]


def test_an_error_on_the_gui_thread_is_shown_at_once(qapp) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[str, int]] = []
    hook = ExceptHook(lambda text: seen.append((text, threading.get_ident())))
    _raise_into(hook)
    assert len(seen) == 1
    assert "ValueError" in seen[0][0] and "a frame that cannot be decoded" in seen[0][0]
    assert seen[0][1] == threading.get_ident()


def test_an_error_on_another_thread_is_shown_by_the_gui_thread(qapp) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[str, int]] = []
    hook = ExceptHook(lambda text: seen.append((text, threading.get_ident())))
    worker = threading.Thread(target=_raise_into, args=(hook,), name="ceremony-audio-like")
    worker.start()
    worker.join()
    assert seen == []  # not from the thread that raised it (a widget touched there may crash Qt)
    QApplication.processEvents()
    assert len(seen) == 1
    assert "a frame that cannot be decoded" in seen[0][0]
    assert seen[0][1] == threading.get_ident()
    assert hook.count == 1
