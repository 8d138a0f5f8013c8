"""The shipped toolbar icons are qtawesome's, and the running show never imports qtawesome for them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from ceremony import data
from ceremony.ui import icons

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", icons.icon_names())
def test_every_command_icon_is_shipped_as_qtawesome_draws_it(name: str, qapp) -> None:  # type: ignore[no-untyped-def]
    for size in icons.SIZES:
        path = icons.icon_file(name, size)
        assert path.is_file(), f"{path.name} is missing: run 'python -m ceremony.ui.icons'"
        shipped = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
        drawn = icons.draw(name, size)
        assert shipped.size() == drawn.size()
        assert _worst_channel_difference(shipped, drawn) <= 8, f"{path.name} differs from qtawesome's drawing"


def test_no_file_is_left_for_an_icon_no_command_uses() -> None:
    expected = {icons.icon_file(n, s).name for n in icons.icon_names() for s in icons.SIZES}
    assert set(data.names(data.ICONS, ".png")) == expected


def test_write_all_draws_what_is_shipped(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "fa5s.gone@24.png").write_bytes(b"old")
    written = icons.write_all(tmp_path)
    assert sorted(p.name for p in tmp_path.glob("*.png")) == sorted(p.name for p in written)
    assert len(written) == len(icons.icon_names()) * len(icons.SIZES)


def test_a_missing_icon_file_falls_back_to_qtawesome(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    icon = icons.load("fa5s.trophy", folder=tmp_path)
    assert icon is not None and not icon.isNull()


def test_the_presenter_gets_its_icons_without_importing_qtawesome(tmp_path: Path) -> None:
    """In a process of its own: the show with both windows, icons loaded, and qtawesome never imported."""
    code = (
        "import argparse, sys\n"
        "from ceremony.script.loader import load_script\n"
        "from ceremony.app import build_show\n"
        f"show = build_show(load_script({str(REPO / 'slides.yaml')!r}), argparse.Namespace(windowed=True, fresh=True),"
        " interactive=False)\n"
        "show.presenter.load_icons()\n"
        "from ceremony.show.commands import REGISTRY\n"
        "actions = show.presenter.actions_by_id\n"
        "wanted = [c for c in actions if REGISTRY[c].icon]\n"
        "with_icons = [c for c in wanted if not actions[c].icon().isNull()]\n"
        "print(len(wanted), len(with_icons), 'qtawesome' in sys.modules)\n"
        "show.controller.renderer.close()\n"
    )
    env = dict(os.environ, PYTHONPATH=f"{REPO}:{REPO / 'src'}", CEREMONY_STATE_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60, check=True)
    wanted, with_icons, imported = out.stdout.split()[-3:]
    assert int(wanted) >= 12  # the toolbar's buttons at least
    assert with_icons == wanted
    assert imported == "False"


def _worst_channel_difference(a: QImage, b: QImage) -> int:
    worst = 0
    for y in range(a.height()):
        for x in range(a.width()):
            pa, pb = a.pixel(x, y), b.pixel(x, y)
            worst = max(worst, *(abs(((pa >> s) & 0xFF) - ((pb >> s) & 0xFF)) for s in (0, 8, 16, 24)))
    return worst
