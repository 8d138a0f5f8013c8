"""The bundled Inter family, loaded once per process, and fonts made to canvas pixel sizes."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QRawFont

from ceremony import data

FAMILY = "Inter"

_loaded: dict[tuple[str, ...], list[str]] = {}


def bundled_fonts() -> list[Path]:
    """The Inter faces shipped in the package (ceremony/data/fonts, with their licence, OFL.txt)."""
    return [data.path(data.FONTS, name) for name in data.names(data.FONTS, ".otf")]


def bundled_face(name: str = "Inter-Regular.otf") -> Path:
    return data.path(data.FONTS, name)


def load_fonts(font_files: Sequence[Path] | None = None) -> list[str]:
    """Register .otf files (the bundled ones by default) with Qt (needs a QGuiApplication); the families they add."""
    paths = list(font_files) if font_files is not None else bundled_fonts()
    key = tuple(str(path) for path in paths)
    if key not in _loaded:
        families: list[str] = []
        for path in paths:
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                families.extend(QFontDatabase.applicationFontFamilies(font_id))
        _loaded[key] = families
    return _loaded[key]


def find_fonts(base_dir: Path) -> list[Path]:
    """The .otf files of the script's own assets/fonts if it has any, else the ones shipped with ceremony."""
    local = sorted((base_dir / "assets" / "fonts").glob("*.otf"))
    return local or bundled_fonts()


def stage_family(base_dir: Path, wanted: str | None) -> str:
    """The family the stage draws with: the theme's font if installed, else the show's or the bundled Inter
    (registered here), else the system's. The renderer and the pre-show font check both ask here."""
    families = load_fonts(find_fonts(base_dir))
    installed = QFontDatabase.families()
    family = wanted if wanted and wanted in installed else FAMILY
    if family not in families and family not in installed:
        family = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()
    return family


@lru_cache(maxsize=512)
def make_font(family: str, px: int, weight: int = 400, italic: bool = False, spacing: float = 0.0) -> QFont:
    """A font at px canvas units; no hinting, so metrics scale linearly to any device size."""
    font = QFont(family)
    font.setPixelSize(max(1, int(px)))
    font.setWeight(QFont.Weight(weight))
    font.setItalic(italic)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    if spacing:
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing)
    return font


def missing_glyphs(text: str, font_path: Path | None = None) -> set[str]:
    """Characters of text that the bundled Regular face has no glyph for."""
    raw = QRawFont(str(font_path or bundled_face()), 40.0)
    return {ch for ch in set(text) if not ch.isspace() and not raw.supportsCharacter(ord(ch))}
