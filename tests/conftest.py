"""Test-wide set-up: Qt runs offscreen, and no test touches the developer's own state."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCREENS = REPO / "tests" / "screens.json"

# Offscreen, with two fake screens (a laptop and a projector), as on the night.
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={SCREENS}")
SLIDES = REPO / "slides.yaml"

# The operator's language is the system's unless chosen: the tests' system speaks Norwegian bokmål, as the 2024
# show's operator does (their presenter, and any ceremony process they start); tests of English say so.
os.environ["LANGUAGE"] = "nb"

# One QApplication per process, with the screens it started with: the three-screen tests run in their own.
collect_ignore = [] if "screens3.json" in os.environ["QT_QPA_PLATFORM"] else ["three_screens"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/*.png from the renderer as it is now (then look at every image you commit)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite the golden images instead of comparing with them."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(autouse=True)
def _isolated_state(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets fresh state, cache and settings folders, never ~/.local/state/ceremony."""
    root = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("CEREMONY_STATE_DIR", str(root / "state"))
    monkeypatch.setenv("CEREMONY_CACHE_DIR", str(root / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(root / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(root / "xdg-state"))


@pytest.fixture(autouse=True)
def _ui_language() -> Iterator[None]:
    """Every test starts in Norwegian and leaves no language remembered for the next one."""
    from ceremony import i18n

    i18n.use("nb")
    yield
    i18n.request(None)
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QCoreApplication, QSettings

        if QCoreApplication.organizationName():
            QSettings().remove(i18n.SETTINGS_KEY)


@pytest.fixture
def english() -> None:
    """The operator's language is English for this test, as if chosen once with --ui-language en (remembered,
    so a ``cli.main`` inside the test keeps it; the autouse fixture above forgets it again)."""
    from PySide6.QtCore import QCoreApplication, QSettings

    from ceremony import i18n

    if not QCoreApplication.organizationName():
        QCoreApplication.setOrganizationName("ceremony")
        QCoreApplication.setApplicationName("ceremony")
    QSettings().setValue(i18n.SETTINGS_KEY, "en")
    i18n.use("en")


@pytest.fixture
def slides_path() -> Path:
    """The real show's script, slides.yaml at the repo root."""
    return SLIDES
