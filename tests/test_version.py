"""One version: ceremony.__version__, and every place that shows it agrees (the wheel's: tests/test_wheel.py)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from ceremony import __version__
from ceremony.remote.adapter import EngineAdapter
from ceremony.remote.openapi import openapi_document
from ceremony.remote.snapshot import state_json
from ceremony.script.loader import load_script
from ceremony.show import persist
from ceremony.show.engine import Engine

REPO = Path(__file__).resolve().parent.parent


def test_the_package_metadata_takes_the_version_from_the_code() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "ceremony.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_the_command_line_says_the_version() -> None:
    done = subprocess.run([sys.executable, "-m", "ceremony", "--version"], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == f"ceremony {__version__}"


def test_the_saved_show_and_the_remote_state_carry_it(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CEREMONY_STATE_DIR", str(tmp_path))
    loaded = load_script(REPO / "slides.yaml")
    engine = Engine(None, loaded.script, clock=lambda: 10.0)
    path = persist.save(persist.snapshot(engine.state, tmp_path / "slides.yaml", "d", 10.0))
    assert json.loads(path.read_text(encoding="utf-8"))["ceremony_version"] == __version__
    assert state_json(EngineAdapter(engine, "d"))["ceremony_version"] == __version__
    schema = openapi_document()["components"]["schemas"]["State"]
    assert "ceremony_version" in schema["required"]


def test_the_changelog_has_a_section_for_the_version() -> None:
    """Keep a Changelog: Unreleased on top, then the newest release, which is the version the code says."""
    headings = re.findall(r"^## \[([^\]]+)\]", (REPO / "CHANGELOG.md").read_text(encoding="utf-8"), re.MULTILINE)
    assert headings[:2] == ["Unreleased", __version__]
