"""The bundled Inter family, loaded once per process, and fonts made to canvas pixel sizes."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QRawFont

FONT_DIR = Path(__file__).resolve().parents[3] / "assets" / "fonts"
FAMILY = "Inter"

_loaded: dict[str, list[str]] = {}


def load_fonts(font_dir: Path | None = None) -> list[str]:
    """Register the bundled .otf files with Qt (needs a QGuiApplication); the families they add."""
    folder = font_dir or FONT_DIR
    key = str(folder)
    if key not in _loaded:
        families: list[str] = []
        for path in sorted(folder.glob("*.otf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                families.extend(QFontDatabase.applicationFontFamilies(font_id))
        _loaded[key] = families
    return _loaded[key]


def find_font_dir(base_dir: Path) -> Path:
    """The script's own assets/fonts if it has one, else the fonts shipped with the repository."""
    local = base_dir / "assets" / "fonts"
    return local if any(local.glob("*.otf")) else FONT_DIR


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
    raw = QRawFont(str(font_path or FONT_DIR / "Inter-Regular.otf"), 40.0)
    return {ch for ch in set(text) if not ch.isspace() and not raw.supportsCharacter(ord(ch))}
