"""ceremony's own files come from the package; a show may bring its own fonts and sounds beside its script."""

from __future__ import annotations

import shutil
from pathlib import Path

from ceremony import data
from ceremony.render.fonts import bundled_fonts, find_fonts
from ceremony.ui.sound import SOUNDS, find_sounds

PACKAGE = Path(data.__file__).parent


def test_the_shipped_files_are_in_the_package_with_the_font_licence() -> None:
    assert len(bundled_fonts()) == 8
    assert all(p.is_file() and p.is_relative_to(PACKAGE) for p in bundled_fonts())
    assert "SIL OPEN FONT LICENSE" in data.resource("fonts", "OFL.txt").read_text(encoding="utf-8").upper()
    for name in SOUNDS.values():
        assert data.path(data.SOUNDS, name).read_bytes()[:4] == b"RIFF"
    assert "fa5s.trophy@48.png" in data.names(data.ICONS, ".png")


def test_a_show_without_fonts_or_sounds_of_its_own_gets_the_shipped_ones(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    assert find_fonts(tmp_path) == bundled_fonts()
    assert find_sounds(tmp_path) == {step: data.path(data.SOUNDS, name) for step, name in SOUNDS.items()}


def test_a_show_brings_its_own_fonts_and_a_sound_of_its_own(tmp_path: Path) -> None:
    fonts = tmp_path / "assets" / "fonts"
    sounds = tmp_path / "assets" / "sounds"
    fonts.mkdir(parents=True)
    sounds.mkdir(parents=True)
    shutil.copy(data.path(data.FONTS, "Inter-Bold.otf"), fonts / "House.otf")
    (sounds / "fanfare.wav").write_bytes(data.path(data.SOUNDS, "drumroll.wav").read_bytes())
    assert find_fonts(tmp_path) == [fonts / "House.otf"]
    assert find_sounds(tmp_path) == {
        "suspense": data.path(data.SOUNDS, "drumroll.wav"),
        "reveal": sounds / "fanfare.wav",
    }
