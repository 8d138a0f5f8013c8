#!/usr/bin/env python3
"""Keep the UI's translations in step with the code: Qt's own lupdate and lrelease, run the way ceremony needs.

    python tools/i18n.py update     # lupdate: every marked text of src/ceremony into data/i18n/ceremony_{nb,en}.ts
    python tools/i18n.py fill-en    # English is the source language: copy each new source into ceremony_en.ts
    python tools/i18n.py release    # lrelease: the .ts files into the .qm files the app loads (committed)

After ``update``, translate the new texts of ceremony_nb.ts (Qt Linguist: ``pyside6-linguist``, or any editor)
and give ceremony_en.ts's plural texts (``%n``) their English forms; ``fill-en`` does the rest of English;
then ``release``. tests/test_i18n.py fails until all of that is done.

The .ts files are written without source locations (``-locations none``): line numbers would change with every
edit of the code and make the .ts files conflict between branches; the context (one per module or area) and
the text itself say where a text is used. The .qm files are committed rather than built when the wheel is:
building them needs Qt's lrelease, which a plain ``pip wheel`` (setuptools, in an isolated environment without
PySide6) does not have. The test checks that each committed .qm is exactly what lrelease makes of its .ts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "src" / "ceremony"
I18N = SOURCES / "data" / "i18n"
LANGUAGES = ("nb", "en")


def ts_file(language: str) -> Path:
    return I18N / f"ceremony_{language}.ts"


def qm_file(language: str) -> Path:
    return I18N / f"ceremony_{language}.qm"


def python_sources() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: it comes with PySide6 (pip install PySide6)")
    return found


def lupdate(targets: list[Path]) -> None:
    """Every translate()/QT_TRANSLATE_NOOP text of the sources into the .ts files (no obsolete ones kept)."""
    list_file = targets[0].parent / ".sources.txt"
    list_file.write_text("\n".join(str(p) for p in python_sources()) + "\n", encoding="utf-8")
    try:
        for target in targets:
            language = target.stem.rsplit("_", 1)[-1]
            args = [tool("pyside6-lupdate"), f"@{list_file}", "-no-obsolete", "-locations", "none"]
            args += ["-source-language", "en", "-target-language", language, "-ts", str(target)]
            subprocess.run(args, check=True, capture_output=True, text=True)
    finally:
        list_file.unlink()


def lrelease(source: Path, target: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(source), "-qm", str(target)], check=True, capture_output=True)


def fill_english(path: Path) -> int:
    """English translations of English sources: each unfinished singular text is its own translation."""
    tree = ET.parse(path)
    filled = 0
    for message in tree.iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or message.get("numerus") == "yes":
            continue
        if translation.get("type") == "unfinished" and not (translation.text or ""):
            translation.text = source
            del translation.attrib["type"]
            filled += 1
    write_ts(tree, path)
    return filled


def write_ts(tree: ET.ElementTree, path: Path) -> None:
    """A .ts file with lupdate's header, in UTF-8 (run lupdate after it for lupdate's exact layout)."""
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "update":
        lupdate([ts_file(language) for language in LANGUAGES])
    elif command == "fill-en":
        print(f"{fill_english(ts_file('en'))} English texts filled in")
        lupdate([ts_file("en")])  # back into lupdate's own layout, so the next update changes nothing
    elif command == "release":
        for language in LANGUAGES:
            lrelease(ts_file(language), qm_file(language))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
