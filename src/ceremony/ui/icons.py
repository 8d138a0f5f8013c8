"""The presenter's toolbar and menu icons: qtawesome's Font Awesome glyphs, drawn once and shipped as PNGs.

Importing qtawesome brings qtpy and QtOpenGL along and parses the charmap of every font it bundles: for
twenty icons that is some 45 MB of memory and a third of a second on the show machine. So the icons are
drawn with qtawesome ahead of time into the package's data/icons (``python -m ceremony.ui.icons`` redraws them
after a command's icon changes; a test checks the files against qtawesome), and the running show loads PNGs.
qtawesome is still the fallback for an icon without its files.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QImage

from ceremony import data
from ceremony.show.commands import REGISTRY
from ceremony.ui import window_commands  # noqa: F401  (registers every command)

COLOR = "#e8eef8"
SIZES = (24, 48)
"""Toolbar size and its double for high-density screens; Qt scales these for menus."""


def icon_names() -> list[str]:
    """Every qtawesome icon a command declares."""
    return sorted({c.icon for c in REGISTRY if c.icon})


def icon_file(name: str, size: int, folder: Path | None = None) -> Path:
    """The PNG of an icon at a size: in folder if given, else the one shipped in the package."""
    file_name = f"{name}@{size}.png"
    return folder / file_name if folder is not None else data.path(data.ICONS, file_name)


def shipped_dir() -> Path:
    """The package's icon folder, to redraw the icons into: a checkout's src/ceremony/data/icons."""
    folder = data.resource(data.ICONS)
    if not isinstance(folder, Path):
        raise OSError(f"cannot write into {folder}: the icons are redrawn in an unpacked checkout")
    return folder


def draw(name: str, size: int) -> QImage:
    """The icon as qtawesome draws it, size×size pixels."""
    import qtawesome

    icon: QIcon = qtawesome.icon(name, color=COLOR)
    return icon.pixmap(QSize(size, size)).toImage().convertToFormat(QImage.Format.Format_ARGB32)


def load(name: str, folder: Path | None = None) -> QIcon | None:
    """The shipped icon; qtawesome when its files are missing; None when neither works (text stays)."""
    icon = QIcon()
    for size in SIZES:
        path = icon_file(name, size, folder)
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    if not icon.isNull():
        return icon
    try:
        import qtawesome

        fallback: QIcon = qtawesome.icon(name, color=COLOR)
        return fallback
    except Exception:  # a broken icon font must not stop the show
        return None


def write_all(folder: Path | None = None) -> list[Path]:
    """Draw every command's icon into folder, the shipped one by default (and remove files no command uses)."""
    folder = folder if folder is not None else shipped_dir()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in icon_names():
        for size in SIZES:
            path = icon_file(name, size, folder)
            if not draw(name, size).save(str(path)):
                raise OSError(f"could not write {path}")
            written.append(path)
    for stale in set(folder.glob("*.png")) - set(written):
        stale.unlink()
    return written


if __name__ == "__main__":
    from ceremony.render.qtapp import ensure_gui_app

    ensure_gui_app()
    for written in write_all(Path(sys.argv[1]) if len(sys.argv) > 1 else None):
        print(written)
