"""Stage placement on real (offscreen) multi-screen setups, one QApplication per subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

PROBE = Path(__file__).with_name("stage_probe.py")
REPO = Path(__file__).resolve().parents[2]


def _screen(name: str, x: int, w: int, h: int) -> dict[str, Any]:
    return {"name": name, "x": x, "y": 0, "width": w, "height": h, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}


def _probe(tmp_path: Path, screens: list[dict[str, Any]], *args: str) -> dict[str, Any]:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": screens}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", PYTHONPATH=f"{REPO}:{REPO / 'src'}")
    out = subprocess.run(
        [sys.executable, str(PROBE), *args], capture_output=True, text=True, env=env, timeout=60, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


TWO = [_screen("Laptop", 0, 1440, 900), _screen("Projector", 1440, 1920, 1080)]


def test_second_screen_fullscreen_frameless(tmp_path: Path) -> None:
    got = _probe(tmp_path, TWO, "-")
    assert got["screen"] == "Projector"
    assert got["fullscreen"]
    assert got["frameless"]
    assert got["geometry"] == [1440, 0, 1920, 1080]
    assert got["title"] == "ceremony — Scene"  # the stage window's title, in the tests' Norwegian


def test_one_screen_falls_back_to_a_window(tmp_path: Path) -> None:
    got = _probe(tmp_path, TWO[:1], "-")
    assert got["screen"] == "Laptop"
    assert not got["fullscreen"]
    assert not got["frameless"]
    assert got["geometry"][2] < 1440


def test_by_number_and_name(tmp_path: Path) -> None:
    three = [*TWO, _screen("Wall", 3360, 1280, 720)]
    assert _probe(tmp_path, three, "2")["screen"] == "Wall"
    assert _probe(tmp_path, three, "Projector")["screen"] == "Projector"
    windowed = _probe(tmp_path, three, "Projector", "--windowed")
    assert windowed["screen"] == "Projector"
    assert not windowed["fullscreen"]


def test_unknown_screen_is_a_clear_error(tmp_path: Path) -> None:
    got = _probe(tmp_path, TWO, "Beamer")
    assert "Beamer" in got["error"]
    assert "Laptop" in got["error"]
    assert "Projector" in got["error"]
