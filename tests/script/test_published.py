"""The script format as published: the real slides.yaml, the schema file and the docs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ceremony.script.loader import load_script
from ceremony.script.schema import json_schema, json_schema_text, markdown_reference
from ceremony.show.cues import build_cues

REPO = Path(__file__).resolve().parents[2]


def ceremony(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """Run the real command line, as a user would (one whose system speaks English)."""
    env = {**os.environ, "LANGUAGE": "en"}
    return subprocess.run(
        [sys.executable, "-m", "ceremony", *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=env
    )


def test_slides_yaml_passes_strict_check() -> None:
    result = ceremony("check", "--strict", "slides.yaml")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("slides.yaml: ok, 19 slides")
    assert result.stderr == ""


def test_check_exits_2_and_prints_positions_for_a_broken_script(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("event:\n  title: X\n  yeer: 2024\nslides: []\n", encoding="utf-8")
    result = ceremony("check", str(bad))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert f"{bad}:3:3: error: unknown key 'yeer' in 'event'; did you mean 'year'?" in lines
    assert f"{bad}:2:3: error: missing required key 'year' in 'event'" in lines
    assert "Traceback" not in result.stderr


def test_schema_file_matches_the_model() -> None:
    committed = (REPO / "slides.schema.json").read_text(encoding="utf-8")
    assert committed == json_schema_text()
    assert ceremony("schema").stdout == committed


def test_slides_yaml_points_editors_at_the_schema() -> None:
    first = (REPO / "slides.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=./slides.schema.json"


def test_schema_validates_slides_yaml_shape() -> None:
    schema = json_schema()
    assert set(schema["required"]) == {"event", "slides"}
    kinds = schema["properties"]["slides"]["items"]["discriminator"]["mapping"]
    assert set(kinds) == {
        "countdown",
        "title",
        "quote",
        "text",
        "class_intro",
        "nominee",
        "lineup",
        "reveal",
        "image",
        "video",
        "black",
    }


def test_docs_document_every_field() -> None:
    docs = (REPO / "docs" / "slides.md").read_text(encoding="utf-8")
    start, end = docs.index("<!-- reference:start -->\n"), docs.index("<!-- reference:end -->")
    assert docs[start + len("<!-- reference:start -->\n") : end] == markdown_reference()
    schema = json_schema()
    for name, definition in schema["$defs"].items():
        for key in definition.get("properties", {}):
            assert f"`{key}`" in docs, f"{name}.{key} is not documented"


def test_real_script_facts() -> None:
    """The show's facts as the seed gives them: classes, nominees, winners, quotes."""
    script = load_script(REPO / "slides.yaml").script
    assert script.event.year == 2024 and str(script.event.date) == "2024-02-13"
    assert [[n.name for n in c.nominees] for c in script.classes] == [
        ["Notodden", "Hamarøy", "Kvitsøy"],
        ["Asker", "Kongsvinger", "Sandefjord"],
    ]
    assert [c.winner for c in script.classes] == ["kvitsoy", "sandefjord"]
    assert all(3 <= len(n.highlights) <= 5 and n.notes for c in script.classes for n in c.nominees)
    quotes = {s.by for s in script.slides if getattr(s, "kind", "") == "quote"}  # type: ignore[attr-defined]
    assert quotes == {"Ole Erik Almlid", "Gunn Marit Helgesen"}


def test_quotes_are_verbatim_from_the_seed() -> None:
    seed = REPO.parent / "shared" / "seeds" / "000_d8ebc9e820c2c236.txt"
    if not seed.exists():
        pytest.skip("the seed is not beside this checkout")
    text = " ".join(seed.read_text(encoding="utf-8").split())
    script = load_script(REPO / "slides.yaml").script
    for slide in script.slides:
        if getattr(slide, "kind", "") == "quote":
            assert " ".join(slide.text.split()).rstrip(".") in text  # type: ignore[attr-defined]
    for award_class in script.classes:
        for nominee in award_class.nominees:
            assert " ".join((nominee.notes or "").split()) in text


def test_cue_ids_are_stable_and_unique() -> None:
    cues = build_cues(load_script(REPO / "slides.yaml").script)
    ids = [c.id for c in cues]
    assert len(ids) == len(set(ids))
    assert "reveal-under-15000/suspense" in ids and "lineup-over-15000/3" in ids


@pytest.mark.parametrize("args", [["--version"], ["check", "--help"], ["--help"]])
def test_cli_informational(args: list[str]) -> None:
    result = ceremony(*args)
    assert result.returncode == 0
    assert "ceremony" in result.stdout


@pytest.mark.parametrize("args", [["--bogus"], ["check", "a.yaml", "b.yaml"], ["schema", "--nope"]])
def test_cli_usage_error_is_one_line_exit_2(args: list[str]) -> None:
    result = ceremony(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "error:" in result.stderr


def test_core_imports_no_qt() -> None:
    code = (
        "import sys, ceremony.script.loader, ceremony.script.schema, ceremony.show.cues, ceremony.check, ceremony.cli;"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'qtawesome'))];"
        "print(bad); raise SystemExit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
