"""Runs tests/three_screens in a process of its own whose Qt has three fake screens (laptop, projector,
confidence monitor): one QApplication per process, and this one has two."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_the_three_screen_tests_pass() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={REPO / 'tests' / 'screens3.json'}")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(REPO / "tests" / "three_screens")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and "skipped" not in done.stdout, done.stdout[-2000:]
