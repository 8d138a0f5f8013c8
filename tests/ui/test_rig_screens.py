"""The show on a real X server with three monitors (laptop, projector, confidence monitor), as at a venue.

Xorg with the dummy driver gives real RandR monitors (benchmarks/_xrig.py starts it, with openbox); the
show runs there as a separate process on xcb. From outside, through the X server, the test checks that
each window is on its monitor, then unplugs the confidence monitor and plugs it back: the confidence
window steps aside and returns, and the projector's pixels never change. Skipped, with the reason, where
Xorg or its dummy driver is missing; ``.ci/run`` installs them.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
SIZES = [(1600, 900), (1920, 1080), (1280, 720)]


def _launcher() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ceremony_xrig", REPO / "benchmarks" / "_xrig.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


xrig = _launcher()
missing = xrig.unavailable(install=False)
pytestmark = pytest.mark.skipif(missing is not None, reason=f"no venue rig here ({missing}); .ci/run installs it")


@pytest.fixture
def rig() -> Iterator[Any]:
    started = xrig.Rig.start(SIZES)
    yield started
    started.stop()


def _script(tmp_path: Path) -> Path:
    """slides.yaml without its walk-in countdown, so the projector's picture is still (the clock would tick)."""
    text = (REPO / "slides.yaml").read_text(encoding="utf-8")
    start, end = text.index("  - id: walk-in\n"), text.index("  - id: title\n")
    (tmp_path / "assets").symlink_to(REPO / "assets")
    path = tmp_path / "slides.yaml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    return path


class Screen:
    """The X server as a test sees it: the show's windows and a monitor's pixels."""

    def __init__(self, display: str) -> None:
        from Xlib import display as xdisplay

        self.conn = xdisplay.Display(display)
        self.root = self.conn.screen().root
        self.clients = self.conn.intern_atom("_NET_CLIENT_LIST")
        self.name = self.conn.intern_atom("_NET_WM_NAME")
        self.utf8 = self.conn.intern_atom("UTF8_STRING")

    def windows(self) -> dict[str, tuple[int, int, int, int]]:
        """Title -> (x, y, width, height) on the root, for every managed window that is mapped."""
        found: dict[str, tuple[int, int, int, int]] = {}
        listed = self.root.get_full_property(self.clients, 0)
        for wid in listed.value if listed is not None else []:
            window = self.conn.create_resource_object("window", wid)
            try:
                if window.get_attributes().map_state != 2:  # IsViewable
                    continue
                prop = window.get_full_property(self.name, self.utf8)
                title = prop.value.decode() if prop is not None else ""
                geometry = window.get_geometry()
                origin = window.translate_coords(self.root, 0, 0)
                found[title] = (-origin.x, -origin.y, geometry.width, geometry.height)
            except Exception:  # a window that went away while we looked
                continue
        return found

    def find(self, prefix: str) -> tuple[int, int, int, int] | None:
        return next((g for t, g in self.windows().items() if t.startswith(prefix)), None)

    def pixels(self, monitor: Any) -> str:
        """A hash of the monitor's pixels as the X server has them."""
        from Xlib import X

        image = self.root.get_image(monitor.x, monitor.y, monitor.width, monitor.height, X.ZPixmap, 0xFFFFFFFF)
        return hashlib.sha256(image.data).hexdigest()

    def close(self) -> None:
        self.conn.close()


def _wait(check: Any, timeout: float = 20.0) -> Any:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        got = check()
        if got:
            return got
        time.sleep(0.1)
    raise AssertionError(f"not within {timeout} s: {check.__doc__ or check}")


def _on(geometry: tuple[int, int, int, int] | None, monitor: Any) -> bool:
    if geometry is None:
        return False
    x, y, w, h = geometry
    return monitor.contains(x + w // 2, y + h // 2)


def _fullscreen(geometry: tuple[int, int, int, int] | None, monitor: Any) -> bool:
    return geometry == (monitor.x, monitor.y, monitor.width, monitor.height)


def _start(rig: Any, tmp_path: Path) -> subprocess.Popen[str]:
    env = rig.env()
    env.update(
        CEREMONY_STATE_DIR=str(tmp_path / "state"),
        CEREMONY_CACHE_DIR=str(tmp_path / "cache"),
        CEREMONY_NO_DIALOGS="1",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PYTHONPATH=os.pathsep.join([str(REPO / "src"), env.get("PYTHONPATH", "")]),
        LANGUAGE="en",  # the windows are found by their titles, in English
    )
    args = [sys.executable, "-m", "ceremony", str(_script(tmp_path)), "--fresh", "--confidence-screen", "2"]
    return subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _stop(show: subprocess.Popen[str]) -> None:
    show.send_signal(signal.SIGTERM)
    try:
        out, _ = show.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        show.kill()
        out, _ = show.communicate()
    assert "Traceback" not in (out or ""), out


def test_three_monitors_and_the_confidence_monitor_unplugged(rig: Any, tmp_path: Path) -> None:
    laptop, projector, floor = rig.monitors
    show = _start(rig, tmp_path)
    screen = Screen(rig.display)
    try:
        _wait(lambda: _fullscreen(screen.find("ceremony — Confidence"), floor))
        _wait(lambda: _fullscreen(screen.find("ceremony — Stage"), projector))
        assert _on(_wait(lambda: screen.find("ceremony — Presenter")), laptop)
        time.sleep(1.0)  # the stage's first frames, the presenter's settling in
        stage = screen.pixels(projector)

        rig.unplug(2)
        moved = _wait(lambda: (g := screen.find("ceremony — Confidence")) is None or _on(g, laptop))
        assert moved  # it stepped aside onto the operator's screen (or hid), never onto the projector
        time.sleep(1.0)
        assert _fullscreen(screen.find("ceremony — Stage"), projector)
        assert _on(screen.find("ceremony — Presenter"), laptop)
        assert screen.pixels(projector) == stage  # the hall saw nothing of it

        rig.plug(2)
        try:
            _wait(lambda: _fullscreen(screen.find("ceremony — Confidence"), floor))
        except AssertionError:
            raise AssertionError(f"not back on {floor}: {screen.windows()}") from None
        time.sleep(1.0)
        assert _fullscreen(screen.find("ceremony — Stage"), projector)
        assert screen.pixels(projector) == stage
        assert show.poll() is None  # still running
    finally:
        screen.close()
        _stop(show)


def test_the_projector_unplugged_and_back(rig: Any, tmp_path: Path) -> None:
    """The stage steps aside into a small window on the operator's screen, never covering the presenter,
    and returns fullscreen to the projector when it is plugged back; the host's monitor stays put."""
    laptop, projector, floor = rig.monitors
    show = _start(rig, tmp_path)
    screen = Screen(rig.display)
    try:
        _wait(lambda: _fullscreen(screen.find("ceremony — Stage"), projector))
        _wait(lambda: _fullscreen(screen.find("ceremony — Confidence"), floor))
        rig.unplug(1)
        try:  # a small window, not fullscreen over the presenter
            _wait(lambda: _on(g := screen.find("ceremony — Stage"), laptop) and g is not None and g[2] < 800)
        except AssertionError:
            raise AssertionError(f"the stage did not step aside: {screen.windows()}") from None
        time.sleep(1.5)
        assert _on(screen.find("ceremony — Presenter"), laptop)
        assert _fullscreen(screen.find("ceremony — Confidence"), floor)
        rig.plug(1)
        _wait(lambda: _fullscreen(screen.find("ceremony — Stage"), projector))
        time.sleep(1.5)  # and it stays there (no second move while the window system settles it)
        assert _fullscreen(screen.find("ceremony — Stage"), projector)
        assert _fullscreen(screen.find("ceremony — Confidence"), floor)
        assert show.poll() is None
    finally:
        screen.close()
        _stop(show)
