"""Pre-show checks: ``ceremony check --preflight`` and the checklist's items, on real files."""

from __future__ import annotations

import io
import os
import shutil
import struct
import subprocess
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from ceremony.preflight import (
    CheckItem,
    StageInfo,
    checklist,
    clicker_item,
    inhibit_item,
    offline_checks,
    preflight_offline,
    script_texts,
    stage_items,
)
from ceremony.script.diagnostics import Diagnostic, ScriptError
from ceremony.script.loader import LoadedScript, load_script
from ceremony.show import persist

REPO = Path(__file__).resolve().parents[1]
SLIDES = REPO / "slides.yaml"

SCRIPT = """\
event:
  title: Testprisen
  year: 2024
settings:
  stage_resolution: 1920x1080
classes:
  - id: small
    name: under 15 000 innbyggere
    winner: kvitsoy
    nominees:
      - id: notodden
        name: Notodden
        county: Telemark
        crest: crest.png
        tagline: Eget næringsselskap
        highlights: [En, To, Tre]
      - id: kvitsoy
        name: Kvitsøy
        county: Rogaland
        crest: crest.svg
        tagline: Kvitsøy 360°
        highlights: [En, To, Tre]
        notes: Øya i havet
slides:
  - kind: title
  - kind: reveal
    class: small
"""
CREST_PNG = (14, 16)
"""Line and column of crest.png's value in SCRIPT."""
TAGLINE = (21, 18)
NOTES = (23, 16)


@pytest.fixture(autouse=True)
def _app(qapp: object) -> None:
    """The checks start a QGuiApplication if none runs; in tests, pytest-qt's QApplication is that one."""


def png_bytes(width: int = 64, height: int = 48) -> bytes:
    """A real PNG made by Qt."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#f2c14e"))
    for x in range(0, width, 3):
        image.setPixelColor(x, x % height, QColor("#0b1630"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that says it is width×height but holds almost no pixel data (a huge image, cheaply)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(REPO / "assets" / "crests" / "notodden.svg", tmp_path / "crest.svg")
    (tmp_path / "crest.png").write_bytes(png_bytes())
    return tmp_path


@pytest.fixture
def write(folder: Path) -> Callable[[str], Path]:
    def write_script(text: str) -> Path:
        path = folder / "s.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return write_script


def run_preflight(loaded: LoadedScript) -> tuple[list[Diagnostic], str]:
    out = io.StringIO()
    found = preflight_offline(loaded, out=out)
    return found, out.getvalue()


def ceremony(*args: str, env: dict[str, str] | None = None, language: str = "en") -> subprocess.CompletedProcess[str]:
    """``ceremony`` in a process of its own, whose system speaks language (English unless asked)."""
    return subprocess.run(
        [sys.executable, "-m", "ceremony", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**(env if env is not None else os.environ), "LANGUAGE": language},
        cwd=REPO,
    )


# ---------------------------------------------------------------- the CLI


def test_check_preflight_on_slides_yaml_prints_every_check() -> None:
    result = ceremony("check", "--preflight", "slides.yaml")
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("preflight:")]
    assert [line.split("(")[1].split(")")[0] for line in lines] == ["script", "assets", "font", "resolution", "resume"]
    assert all("[ok  ]" in line for line in lines), lines
    assert "all 8 images decode and show on stage" in result.stdout
    assert "Inter covers every character" in result.stdout
    assert "expects 1920x1080" in result.stdout
    assert result.stdout.rstrip().endswith("slides.yaml: ok, 19 slides")


def test_check_preflight_starts_qt_offscreen_without_a_display() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    result = ceremony("check", "--preflight", "slides.yaml", env=env)
    assert result.returncode == 0, result.stderr
    assert "preflight: [ok  ] Images (assets)" in result.stdout


def test_check_without_preflight_prints_no_checks() -> None:
    result = ceremony("check", "slides.yaml")
    assert result.returncode == 0, result.stderr
    assert "preflight:" not in result.stdout


def test_importing_preflight_loads_no_qt() -> None:
    code = "import sys, ceremony.preflight, ceremony.check\nassert 'PySide6' not in sys.modules, 'Qt loaded'\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr


def test_cli_reports_an_undecodable_png_with_its_position(write: Callable[[str], Path], folder: Path) -> None:
    path = write(SCRIPT)
    (folder / "crest.png").write_bytes(png_bytes()[:200])  # sniffs as PNG, does not decode
    load_script(path)  # the Qt-free check cannot tell: it is sound
    result = ceremony("check", "--preflight", str(path))
    line, col = CREST_PNG
    assert f"{path}:{line}:{col}: error: 'crest.png' does not decode" in result.stderr
    assert "preflight: [FAIL] Images (assets): 1 of the images fail" in result.stdout
    assert ceremony("check", "--strict", "--preflight", str(path)).returncode == 2


# ---------------------------------------------------------------- offline checks, in process


def test_a_sound_script_is_all_green(write: Callable[[str], Path]) -> None:
    found, printed = run_preflight(load_script(write(SCRIPT)))
    assert found == []
    assert printed.count("[ok  ]") == 5, printed


def test_truncated_png_is_an_error_at_its_line(write: Callable[[str], Path], folder: Path) -> None:
    path = write(SCRIPT)
    (folder / "crest.png").write_bytes(png_bytes()[:-30])
    found, _ = run_preflight(load_script(path))
    [problem] = found
    assert (problem.path, problem.line, problem.col, problem.severity) == (str(path), *CREST_PNG, "error")
    assert "'crest.png' does not decode" in problem.message
    assert "placeholder" in problem.message


def test_broken_svg_is_an_error(write: Callable[[str], Path], folder: Path) -> None:
    """Cut short, an SVG is not XML: the loader says where it stops (QtSvg would only call it invalid)."""
    path = write(SCRIPT)
    (folder / "crest.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'><g>", encoding="utf-8")
    with pytest.raises(ScriptError) as caught:
        load_script(path)
    assert [str(d) for d in caught.value.diagnostics] == [
        f"{folder}/crest.svg:1:44: error: SVG is not well-formed XML (no element found) "
        f"(the crest of nominee 'kvitsoy', {path}:20:16)"
    ]


def test_huge_image_is_a_warning_without_decoding_it(write: Callable[[str], Path], folder: Path) -> None:
    path = write(SCRIPT)
    (folder / "crest.png").write_bytes(png_header_only(20000, 20000))
    found, _ = run_preflight(load_script(path))
    [problem] = found
    assert (problem.line, problem.col, problem.severity) == (*CREST_PNG, "warning")
    assert "20000×20000 pixels" in problem.message


def test_character_outside_the_font_is_named_with_its_place(write: Callable[[str], Path]) -> None:
    path = write(SCRIPT.replace("tagline: Kvitsøy 360°", "tagline: Kvitsøy 360° 漢字"))
    found, printed = run_preflight(load_script(path))
    [problem] = found
    assert (problem.line, problem.col, problem.severity) == (*TAGLINE, "warning")
    assert "'漢' (U+6F22 CJK UNIFIED IDEOGRAPH-6F22)" in problem.message
    assert "'字' (U+5B57" in problem.message
    assert "classes[0].nominees[1].tagline" in problem.message
    assert "ø" not in problem.message
    assert "°" not in problem.message
    assert "[WARN] Font (font)" in printed


def test_emoji_in_host_notes_is_a_warning_that_says_notes(write: Callable[[str], Path]) -> None:
    path = write(SCRIPT.replace("notes: Øya i havet", "notes: Øya i havet 🌊"))
    found, _ = run_preflight(load_script(path))
    [problem] = found
    assert (problem.line, problem.col, problem.severity) == (*NOTES, "warning")
    assert "U+1F30A" in problem.message
    assert "host's notes" in problem.message


def test_ids_and_file_names_are_not_font_checked(write: Callable[[str], Path]) -> None:
    texts = {path[-1] for path, _, _ in script_texts(load_script(write(SCRIPT)).script)}
    assert {"title", "name", "county", "tagline", 2, "notes"} <= texts
    assert not texts & {"id", "crest", "winner", "kind", "class", "stage_resolution"}


def test_resolution_that_is_not_16_9_is_a_warning(write: Callable[[str], Path]) -> None:
    path = write(SCRIPT.replace("1920x1080", "1024x768"))
    found, _ = run_preflight(load_script(path))
    assert [(d.line, d.col, d.severity) for d in found] == [(5, 21, "warning")]
    assert "not 16:9" in found[0].message


def test_no_resolution_setting_is_amber(write: Callable[[str], Path]) -> None:
    items, found = offline_checks(load_script(write(SCRIPT.replace("settings:\n  stage_resolution: 1920x1080\n", ""))))
    assert found == []
    assert _by_id(items)["resolution"].status == "amber"


def test_saved_show_is_reported_only_when_there_is_one(write: Callable[[str], Path]) -> None:
    loaded = load_script(write(SCRIPT))
    items, found = offline_checks(loaded)
    assert _by_id(items)["resume"].status == "green"
    assert str(persist.state_file(loaded.path)) in _by_id(items)["resume"].detail
    _save(loaded, cue_id="title")
    items, found = offline_checks(loaded)
    assert _by_id(items)["resume"].status == "amber"
    [note] = found
    assert (note.line, note.col, note.severity) == (1, 1, "warning")
    assert "saved show exists" in note.message
    assert "--fresh" in note.message


def test_corrupt_saved_show_is_reported(write: Callable[[str], Path]) -> None:
    loaded = load_script(write(SCRIPT))
    state = persist.state_file(loaded.path)
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text("{not json", encoding="utf-8")
    items, found = offline_checks(loaded)
    assert _by_id(items)["resume"].status == "amber"
    assert "corrupt" in found[0].message


# ---------------------------------------------------------------- the live checklist's logic


@dataclass
class FakeController:
    loaded: LoadedScript
    keys_seen: set[str] = field(default_factory=set)


def _by_id(items: list[CheckItem]) -> dict[str, CheckItem]:
    return {item.id: item for item in items}


def _save(loaded: LoadedScript, cue_id: str) -> None:
    saved = persist.Saved(str(loaded.path.resolve()), loaded.digest, "2024-02-13T18:00:00+00:00", cue_id)
    persist.save(saved)


GOOD_STAGE = StageInfo("HDMI-1", 1920, 1080, fullscreen=True)


def test_checklist_items_in_order_and_all_green_when_ready(write: Callable[[str], Path]) -> None:
    controller = FakeController(load_script(write(SCRIPT)), {"next", "previous", "blackout", "freeze"})
    _save(controller.loaded, "title")
    items = checklist(controller, GOOD_STAGE, inhibit_status="inhibited")
    assert [i.id for i in items] == [
        "script", "assets", "font", "stage", "resolution", "screensaver", "clicker", "resume",
    ]  # fmt: skip
    assert {i.id: i.status for i in items if i.status != "green"} == {}
    assert _by_id(items)["resume"].detail.startswith("saving to ")


def test_checklist_before_the_show(write: Callable[[str], Path]) -> None:
    controller = FakeController(load_script(write(SCRIPT)), {"next"})
    items = _by_id(checklist(controller, StageInfo("eDP-1", 1280, 800, fullscreen=False), inhibit_status=None))
    assert items["stage"].status == "amber"
    assert items["resolution"].status == "amber"
    assert "1280×800" in items["resolution"].detail
    assert "1920x1080" in items["resolution"].detail
    assert items["screensaver"].status == "amber"
    assert items["clicker"].status == "amber"
    assert items["clicker"].detail == "seen Next; press Previous, Black on the clicker"
    assert items["resume"].status == "amber"


def test_checklist_reload_errors_make_the_script_red(write: Callable[[str], Path]) -> None:
    controller = FakeController(load_script(write(SCRIPT)))
    problem = Diagnostic("s.yaml", 4, 8, "error", "YAML syntax error")
    items = _by_id(checklist(controller, GOOD_STAGE, reload_problems=[problem]))
    assert items["script"].status == "red"
    assert "s.yaml:4:8: error: YAML syntax error" in items["script"].detail


def test_checklist_sees_an_image_broken_after_loading(write: Callable[[str], Path], folder: Path) -> None:
    controller = FakeController(load_script(write(SCRIPT)))
    assert _by_id(checklist(controller, GOOD_STAGE))["assets"].status == "green"
    (folder / "crest.png").write_bytes(png_bytes()[:100])
    assert _by_id(checklist(controller, GOOD_STAGE))["assets"].status == "red"


def test_stage_items() -> None:
    assert [i.status for i in stage_items(None, "1920x1080")] == ["red", "amber"]
    lost = stage_items(StageInfo("HDMI-1", 1920, 1080, fullscreen=False, lost=True), "1920x1080")
    assert [i.status for i in lost] == ["red", "red"]
    assert "HDMI-1" in lost[0].detail
    assert [i.status for i in stage_items(GOOD_STAGE, None)] == ["green", "amber"]
    assert [i.status for i in stage_items(GOOD_STAGE, "1920x1080")] == ["green", "green"]


@pytest.mark.parametrize(
    ("seen", "status", "detail"),
    [
        (set(), "amber", "press Next, Previous, Black on the clicker"),
        ({"previous", "goto"}, "amber", "seen Previous; press Next, Black on the clicker"),
        ({"next", "previous", "blackout"}, "green", "Next, Previous and Black all seen"),
    ],
)
def test_clicker_item(seen: set[str], status: str, detail: str) -> None:
    item = clicker_item(seen)
    assert (item.id, item.title, item.status, item.detail) == ("clicker", "Clicker", status, detail)


def test_a_check_item_is_english_and_says_itself_in_the_operator_s_language() -> None:
    from ceremony import i18n

    item = clicker_item({"previous"})
    i18n.use("nb")
    assert item.translated() == ("Klikker", "har sett Forrige; trykk Neste, Svart på klikkeren")
    i18n.use("en")
    assert (
        item.translated() == ("Clicker", "seen Previous; press Next, Black on the clicker") == (item.title, item.detail)
    )


def test_inhibit_item() -> None:
    assert inhibit_item("inhibited").status == "green"
    assert inhibit_item("off").status == "amber"
    missing = inhibit_item("unavailable: no screen saver service (org.freedesktop.ScreenSaver) on the session bus")
    assert missing.status == "amber"
    assert missing.detail.startswith("not inhibited: no screen saver service")
