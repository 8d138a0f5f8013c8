"""The presenter in each language, read the way the operator reads it: every label, button, tab, menu, tooltip,
placeholder, overlay and the checklist, with no word of the other language among them.

This catches what the static checks cannot: a text made somewhere the scan does not look (a constant, a
helper, a default of the script) that reaches a widget untranslated.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QMenu, QTabWidget, QTextBrowser, QWidget

from ceremony import cli, i18n
from ceremony.show.commands import REGISTRY
from ceremony.ui.main import Show
from ceremony.ui.overlays import keys_text

from .conftest import REPO, FakeClock, open_show, settle

I18N = REPO / "src" / "ceremony" / "data" / "i18n"
WORD = re.compile(r"[A-Za-zÆØÅæøå]{3,}")
TAG = re.compile(r"<[^>]*>|\{[^}]*\}")


def _words(texts: list[str]) -> set[str]:
    return {w.lower() for t in texts for w in WORD.findall(TAG.sub(" ", t))}


def _catalogue() -> tuple[list[str], list[str]]:
    """Every English source and every Norwegian translation."""
    tree = ET.parse(I18N / "ceremony_nb.ts")
    sources = [m.findtext("source") or "" for m in tree.iter("message")]
    norwegian = [m.findtext("translation") or "" for m in tree.iter("message")]
    return sources, norwegian


def shown_texts(show: Show) -> list[str]:
    """What the presenter shows: its widgets' texts, tabs, menus and actions with their tooltips."""
    p = show.presenter
    texts = [p.windowTitle()]
    for widget in p.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit | QTextBrowser):
            texts.append(widget.placeholderText())
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QMenu):
            texts.append(widget.title())
        texts.append(widget.toolTip())
    for action in [*p.actions_by_id.values(), *p.menuBar().actions()]:
        texts += [action.text(), action.toolTip(), action.statusTip()]
    return [t for t in texts if t]


def _open(qtbot, clock: FakeClock, script: Path, language: str) -> Show:  # type: ignore[no-untyped-def]
    i18n.use(language)  # as the app does before its first window
    show = open_show(qtbot, clock, script)
    show.presenter.toggle_help()  # the help overlay: every command's title and help
    qtbot.waitUntil(lambda: bool(show.presenter.checklist.items), timeout=10000)
    show.controller.run("goto", "3")
    show.controller.run("blackout")  # the status bar's marks
    settle(clock)
    return show


def _close(show: Show) -> None:
    show.app.removeEventFilter(show.presenter)
    show.stage.stop()
    show.presenter.mirror.stop()
    show.controller.renderer.close()


def _theirs(show: Show) -> set[str]:
    """Words on screen that are not ours to translate: key names ('PgDown', in tooltips), the checks' ids
    (tooltips, as the CLI prints them) and the system's own reason the screen saver could not be held off."""
    keys = [keys_text(show.controller.keymap, command.id) for command in REGISTRY]
    inhibitor = show.presenter._inhibitor
    ids = [item.id for item in show.presenter.checklist.items]
    return _words([*keys, *ids, inhibitor.status if inhibitor is not None else ""])


def _where(words: set[str], shown: list[str]) -> list[str]:
    """The shown texts that have these words (for the failure message)."""
    return [t for t in shown if _words([t]) & words]


@pytest.fixture
def english_show(tmp_path: Path) -> Path:
    """An English show (its cue names, stage and preset messages are English), made as a user makes one."""
    assert cli.main(["new", str(tmp_path / "show"), "--language", "en"]) == 0
    return tmp_path / "show" / "slides.yaml"


def test_the_english_presenter_says_no_norwegian_word(qtbot, clock: FakeClock, english_show: Path) -> None:  # type: ignore[no-untyped-def]
    sources, norwegian = _catalogue()
    show = _open(qtbot, clock, english_show, "en")
    try:
        shown = shown_texts(show)
        said = _words(shown)
        leaked = said & (_words(norwegian) - _words(sources) - _theirs(show))
        assert not leaked, _where(leaked, shown)
        assert {"Next", "NOTES", "Keys and commands  —  Esc closes", "&View", "Wait for the applause"} <= set(shown)
        assert "Go to the next cue; at the suspense step, fire the reveal once the suspense has run." in shown
        assert any(t.startswith("Cue 3/23:") for t in shown) and "<b style='color:#ff5c5c'>BLACK</b>" in shown
        assert len(said) > 150  # the walk read the whole window, not a corner of it
    finally:
        _close(show)


def test_the_norwegian_presenter_says_no_english_word(qtbot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    sources, norwegian = _catalogue()
    show = _open(qtbot, clock, REPO / "slides.yaml", "nb")
    try:
        shown = shown_texts(show)
        said = _words(shown)
        leaked = said & (_words(sources) - _words(norwegian) - _theirs(show))
        assert not leaked, _where(leaked, shown)
        assert {"Neste", "NOTATER", "Taster og kommandoer  —  Esc lukker", "&Vis", "Vent på applausen"} <= set(shown)
        assert "Gå til neste cue; ved spenningen: fyr av avsløringen når spenningen har gått." in shown
        assert "<b style='color:#ff5c5c'>SVART</b>" in shown
        assert len(said) > 150
    finally:
        _close(show)
