"""``ceremony new``: a new show in one command, in Norwegian or English, that checks, exports and loads as it is.

The windows running it are tested in tests/ui/test_new_show.py; the words on its stage in
tests/render/test_wording.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from ceremony import cli
from ceremony.script.loader import load_script
from ceremony.script.model import SLIDE_KINDS
from ceremony.script.schema import json_schema_text
from ceremony.starter import starter_files

LANGUAGES = ["nb", "en"]

# check and export make a QGuiApplication when none runs; pytest-qt's QApplication must come first. The CLI's
# messages are read in English (the show's language, --language, is another thing).
pytestmark = pytest.mark.usefixtures("qapp", "english")


def _new(tmp_path: Path, language: str, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / f"show-{language}"
    assert cli.main(["new", str(folder), "--language", language]) == 0
    out = capsys.readouterr().out
    assert f"wrote 11 files to {folder}" in out and f"ceremony check --strict {folder / 'slides.yaml'}" in out
    return folder


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_new_show_is_a_whole_folder(tmp_path: Path, language: str, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _new(tmp_path, language, capsys)
    written = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    crests = [f"assets/crests/{c}.svg" for c in ("a1", "a2", "a3", "b1", "b2", "b3")]
    assert written == sorted(
        ["README.md", "slides.yaml", "slides.schema.json", "assets/logo.svg", "assets/background.svg", *crests]
    )
    text = (folder / "slides.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=./slides.schema.json"
    assert (folder / "slides.schema.json").read_text(encoding="utf-8") == json_schema_text()
    assert "@YEAR@" not in text and re.search(r"^  year: \d{4}$", text, re.M)
    for svg in folder.glob("assets/**/*.svg"):
        assert "PLACEHOLDER" in svg.read_text(encoding="utf-8"), svg  # says what it is to whoever opens it
    replace = "BYTT UT" if language == "nb" else "REPLACE"
    assert text.count(replace) >= 15, "the comments say what to change"
    assert replace in (folder / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_new_show_passes_check_strict(tmp_path: Path, language: str, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _new(tmp_path, language, capsys)
    assert cli.main(["check", "--strict", str(folder / "slides.yaml")]) == 0
    out = capsys.readouterr()
    assert out.out.strip() == f"{folder / 'slides.yaml'}: ok, 15 slides" and out.err == ""


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_new_show_has_two_classes_of_three_and_every_kind_of_slide(
    tmp_path: Path, language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _new(tmp_path, language, capsys) / "slides.yaml"
    script = load_script(path).script
    assert script.language == language
    assert [len(c.nominees) for c in script.classes] == [3, 3]
    assert {c.winner == "live" for c in script.classes} == {True, False}, "a preset and a live winner"
    # A film needs a file of the producer's own: the starter shows it (and a walk-in bed) as comments to fill in.
    assert {getattr(s, "kind", None) for s in script.slides} == set(SLIDE_KINDS) - {"video"}
    text = path.read_text(encoding="utf-8")
    assert "  # - kind: video\n" in text and "    # audio: {file: " in text
    assert all(len(n.highlights) == 3 for c in script.classes for n in c.nominees)


def test_the_placeholders_are_plainly_placeholders() -> None:
    """No real municipality, county or person in a starter: every name says it is an example."""
    for language in LANGUAGES:
        data = yaml.safe_load(starter_files(language)["slides.yaml"].replace(b"@YEAR@", b"2025"))
        names = [n["name"] for c in data["classes"] for n in c["nominees"]]
        counties = [n["county"] for c in data["classes"] for n in c["nominees"]]
        word, region = ("Kandidat", "Fylke") if language == "nb" else ("Nominee", "Region")
        assert names == [f"{word} {c}{i}" for c in "AB" for i in (1, 2, 3)]
        assert counties == [f"{region} {c}{i}" for c in "AB" for i in (1, 2, 3)]
        quote = next(s for s in data["slides"] if s["kind"] == "quote")
        assert quote["by"] in ("Navn Navnesen", "Firstname Lastname")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_new_show_exports(tmp_path: Path, language: str, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _new(tmp_path, language, capsys)
    out = tmp_path / "png"
    assert cli.main(["export", str(folder / "slides.yaml"), "--png", str(out), "--size", "480x270"]) == 0
    pictures = sorted(p.name for p in out.glob("*.png"))
    assert len(pictures) == 23 and pictures[0] == "001-walk-in.png" and pictures[-1] == "023-end.png"


def test_new_refuses_a_folder_that_holds_something(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "slides.yaml").write_text("my show\n", encoding="utf-8")
    assert cli.main(["new", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert (
        err
        == f"ceremony new: error: {tmp_path} is not empty; 'ceremony new' writes a show into a new or empty folder\n"
    )
    assert (tmp_path / "slides.yaml").read_text(encoding="utf-8") == "my show\n"
    assert cli.main(["new", str(tmp_path / "slides.yaml")]) == 2
    assert "is a file" in capsys.readouterr().err


def test_new_knows_two_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["new", str(tmp_path / "x"), "--language", "de"])
    assert exited.value.code == 2
    assert "invalid choice: 'de'" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()
