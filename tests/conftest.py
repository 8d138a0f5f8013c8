"""Test-wide set-up: Qt runs offscreen, and no test touches the developer's own state."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCREENS = REPO / "tests" / "screens.json"

# Offscreen, with two fake screens (a laptop and a projector), as on the night.
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={SCREENS}")
SLIDES = REPO / "slides.yaml"

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


@pytest.fixture
def slides_path() -> Path:
    """The real show's script, slides.yaml at the repo root."""
    return SLIDES
