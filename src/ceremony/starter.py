"""``ceremony new FOLDER``: a show to start from, in a new folder, that checks, exports and runs as it is.

The starter files ship inside the package (``ceremony/data/starter``): a slide script per language with
every kind of slide and placeholders that are plainly placeholders, a producer's README per language,
and placeholder crests, logo and background. The schema file is written from the running code, so it
always matches the ceremony that made the show. No Qt here.
"""

from __future__ import annotations

import datetime as dt
from importlib.resources.abc import Traversable
from pathlib import Path

from ceremony import data
from ceremony.i18n import QT_TRANSLATE_NOOP, Text
from ceremony.script.wording import Language

STARTER = "starter"
YEAR = "@YEAR@"
"""Stands for the show's year in the starter scripts (the year the show is made)."""


class StarterError(Exception):
    """The folder cannot take a new show (it is a file, or holds files already); str() is English, ``text`` says
    it in the operator's language."""

    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


def starter_files(language: Language) -> dict[str, bytes]:
    """Every file of a new show in language, by its path inside the show's folder (schema not included)."""
    root = data.resource(STARTER)
    files = {
        "slides.yaml": (root / f"slides.{language}.yaml").read_bytes(),
        "README.md": (root / f"README.{language}.md").read_bytes(),
    }
    files.update(_tree(root / "assets", "assets"))
    return files


def _tree(node: Traversable, prefix: str) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for child in sorted(node.iterdir(), key=lambda n: n.name):
        path = f"{prefix}/{child.name}"
        found.update(_tree(child, path) if child.is_dir() else {path: child.read_bytes()})
    return found


def create_show(folder: Path, language: Language = "nb", year: int | None = None) -> list[Path]:
    """Write a new show into folder (made if missing; it must be empty); the files written, in order."""
    from ceremony.script.schema import json_schema_text

    if folder.exists() and not folder.is_dir():
        raise StarterError(
            _said(QT_TRANSLATE_NOOP("Cli", "{folder} is a file; give a folder for the new show"), folder)
        )
    if folder.is_dir() and any(folder.iterdir()):
        empty = QT_TRANSLATE_NOOP(
            "Cli", "{folder} is not empty; 'ceremony new' writes a show into a new or empty folder"
        )
        raise StarterError(_said(empty, folder))
    stamp = str(year or dt.date.today().year)
    files = starter_files(language)
    files["slides.yaml"] = files["slides.yaml"].replace(YEAR.encode(), stamp.encode())
    files["slides.schema.json"] = json_schema_text().encode()
    written: list[Path] = []
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)
    return written


def _said(template: str, folder: Path) -> Text:
    return Text(template, (("folder", folder),), "Cli")
