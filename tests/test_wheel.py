"""ceremony as a user installs it: sdist and wheel built from the source, the wheel installed into a fresh virtual
environment outside the checkout, and the show checked and exported there from a copy in a temporary folder.

To stay quick the environment borrows the test run's own packages (PySide6 and the rest) through a .pth line
after its own site-packages, and the wheel goes in with --no-deps. (Not --system-site-packages: when the tests
run in a virtual environment, that would borrow the base Python's packages, which lack PySide6.) The test run
usually has an editable ceremony too; its .pth is not processed in a borrowed folder, every run here is isolated
(-I or no PYTHON* variables, a working folder outside the checkout), and the probe asserts that the ceremony
imported is the one in the new environment's own site-packages.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from ceremony import __version__, data

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
PROBE = Path(__file__).with_name("installed_probe.py")
SIZE = "960x540"  # small enough to be quick, large enough that a fallback font would show in every text


@dataclass(frozen=True)
class Installed:
    sdist: Path
    wheel: Path
    venv: Path
    show: Path
    env: dict[str, str]

    def bin(self, name: str) -> Path:
        return self.venv / ("Scripts" if os.name == "nt" else "bin") / name

    def run(self, *args: str | Path, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(a) for a in args], cwd=self.show, env={**self.env, **env}, capture_output=True, text=True, timeout=300
        )


def _check(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, f"{done.args}: exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    pytest.importorskip("build", reason="the wheel test builds with 'build' (pip install -e '.[test]')")
    root = tmp_path_factory.mktemp("installed")
    dist, venv, show = root / "dist", root / "venv", root / "show"
    source = root / "source"  # a copy, so the build leaves no build/ or egg-info in the checkout
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    shutil.copytree(REPO / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    _check(subprocess.run([sys.executable, "-m", "build", "--outdir", dist, source], capture_output=True, text=True))
    # Without pip of its own (Debian's Python has no ensurepip): the test run's pip installs into it.
    _check(subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], capture_output=True, text=True))
    show.mkdir()
    shutil.copy(REPO / "slides.yaml", show / "slides.yaml")
    shutil.copytree(REPO / "assets", show / "assets")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(PYTHONNOUSERSITE="1", QT_QPA_PLATFORM="offscreen", LANGUAGE="en", XDG_CONFIG_HOME=str(root / "config"))
    env.update(CEREMONY_STATE_DIR=str(root / "state"), CEREMONY_CACHE_DIR=str(root / "cache"))
    result = Installed(next(dist.glob("*.tar.gz")), next(dist.glob("*.whl")), venv, show, env)
    python = result.bin("python")
    site = _check(result.run(python, "-I", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"))
    borrowed = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    (Path(site.strip()) / "borrowed-from-the-test-run.pth").write_text("\n".join(borrowed) + "\n", encoding="utf-8")
    pip = [sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", result.wheel]
    _check(subprocess.run(pip, env=env, capture_output=True, text=True))
    return result


SHIPPED_FOLDERS = {data.FONTS: "", data.ICONS: "", data.SOUNDS: "", "starter": "", "i18n": ".qm"}
"""Folders of the package whose files (ending so) the app needs at run time; i18n's .ts sources are not shipped."""


def _shipped() -> set[str]:
    """The app's files in the checkout's package (every file under the shipped folders), as paths inside it."""
    package = Path(data.__file__).parent
    return {
        str(p.relative_to(package))
        for folder, suffix in SHIPPED_FOLDERS.items()
        for p in (package / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.name.endswith(suffix)
    }


def test_the_sdist_and_the_wheel_carry_the_fonts_with_their_licence_the_icons_and_the_sounds(
    installed: Installed,
) -> None:
    shipped = _shipped()
    assert {
        "fonts/OFL.txt",
        "fonts/Inter-Regular.otf",
        "sounds/drumroll.wav",
        "icons/fa5s.trophy@24.png",
        "starter/slides.en.yaml",
        "starter/assets/crests/b3.svg",
        "i18n/ceremony_nb.qm",
        "i18n/ceremony_en.qm",
    } <= shipped
    with zipfile.ZipFile(installed.wheel) as wheel:
        in_wheel = {n.removeprefix("ceremony/data/") for n in wheel.namelist() if n.startswith("ceremony/data/")}
        metadata = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
        version_line = next(line for line in wheel.read(metadata).decode().splitlines() if line.startswith("Version:"))
    with tarfile.open(installed.sdist) as sdist:
        prefix = f"ceremony-{__version__}/src/ceremony/data/"
        in_sdist = {n.removeprefix(prefix) for n in sdist.getnames() if n.startswith(prefix)}
    assert shipped <= in_wheel
    assert shipped <= in_sdist
    assert version_line == f"Version: {__version__}"


def test_the_installed_app_is_the_wheel_and_says_its_version(installed: Installed) -> None:
    assert _check(installed.run(installed.bin("ceremony"), "--version")).strip() == f"ceremony {__version__}"
    python_m = installed.run(installed.bin("python"), "-I", "-m", "ceremony", "--version")
    assert _check(python_m).strip() == f"ceremony {__version__}"


def test_the_installed_app_loads_its_fonts_icons_and_sounds_from_its_package(installed: Installed) -> None:
    probe: dict[str, Any] = json.loads(_check(installed.run(installed.bin("python"), "-I", PROBE)))
    package = Path(probe["purelib"]) / "ceremony"
    assert Path(probe["module"]) == package / "__init__.py"
    assert probe["version"] == probe["metadata_version"] == __version__
    assert "Inter" in probe["families"]
    assert len(probe["fonts"]) == 8 and all(Path(f).parent == package / "data" / "fonts" for f in probe["fonts"])
    assert probe["icon_sizes"] == [24, 48]  # the shipped PNGs ...
    assert not probe["qtawesome_imported"]  # ... not qtawesome's fallback
    assert all(Path(f).parent == package / "data" / "icons" for f in probe["icon_files"])
    assert probe["sound_status"] == "ready"
    for step, (path, frames) in probe["sounds"].items():
        assert Path(path).parent == package / "data" / "sounds", step
        assert frames > 48_000, step  # over a second of sound


def test_the_installed_app_checks_and_exports_the_show_as_the_checkout_does(
    installed: Installed, tmp_path: Path
) -> None:
    assert "slides.yaml: ok" in _check(installed.run(installed.bin("ceremony"), "check", "slides.yaml"))
    _check(installed.run(installed.bin("ceremony"), "export", "slides.yaml", "--png", "out", "--size", SIZE))
    reference = tmp_path / "reference"
    from_checkout = subprocess.run(
        [sys.executable, "-m", "ceremony", "export", REPO / "slides.yaml", "--png", reference, "--size", SIZE],
        env={**os.environ, "PYTHONPATH": str(REPO / "src"), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
    )
    _check(from_checkout)
    names = sorted(p.name for p in reference.glob("*.png"))
    assert len(names) > 20
    assert sorted(p.name for p in (installed.show / "out").glob("*.png")) == names
    for name in names:
        ours, theirs = QImage(str(installed.show / "out" / name)), QImage(str(reference / name))
        assert not ours.isNull() and ours == theirs, f"{name} differs from the checkout's export"


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_installed_app_makes_a_new_show_that_checks(installed: Installed, language: str) -> None:
    """The starter files come from the installed package: a new show, outside any checkout, passes --strict."""
    ceremony = installed.bin("ceremony")
    _check(installed.run(ceremony, "new", f"new-{language}", "--language", language))
    checked = _check(installed.run(ceremony, "check", "--strict", f"new-{language}/slides.yaml"))
    assert checked.strip() == f"new-{language}/slides.yaml: ok, 15 slides"


def test_the_installed_app_speaks_norwegian_from_its_package(installed: Installed) -> None:
    """The .qm files come with the wheel: the installed app's CLI says its summary in Norwegian when asked."""
    config = str(installed.venv.parent / "config-nb")  # where the choice is remembered: not the other tests'
    said = _check(
        installed.run(installed.bin("ceremony"), "check", "--ui-language", "nb", "slides.yaml", XDG_CONFIG_HOME=config)
    )
    assert said.strip() == "slides.yaml: ok, 19 lysbilder"
