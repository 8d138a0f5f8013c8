"""The core must run without Qt: importing it (media included) in a fresh interpreter loads no PySide6."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "ceremony"


def _modules(package: str) -> list[str]:
    folder = SRC / package
    return [f"ceremony.{package}.{p.stem}" for p in sorted(folder.glob("*.py")) if p.stem != "__init__"]


def test_show_script_and_media_import_no_qt() -> None:
    names = _modules("show") + _modules("script") + _modules("media")
    assert "ceremony.show.engine" in names
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "qt = ('PySide6', 'shiboken6', 'qtawesome', 'PyQt5', 'PyQt6')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in qt)\n"
        "assert not bad, bad\n"
        "assert 'PySide6' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
