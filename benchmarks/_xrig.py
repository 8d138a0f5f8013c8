"""The venue rig for benchmarks: Xorg with the dummy driver, one real RandR monitor per screen, and openbox.

Written after the shared ``rig/screens`` script (which the project does not call): Xorg's dummy driver
with "VirtualHeads" gives real RandR outputs side by side, so Qt sees one QScreen per monitor and the
stage goes fullscreen on the projector while the presenter stays on the laptop, as at a venue (Xvfb has
a single output). openbox makes fullscreen and focus behave as on a desktop.

    rig = Rig.start([(1600, 900), (1920, 1080)])   # the operator's laptop first (primary), the projector
    ... DISPLAY=rig.display ...
    rig.stop()

``unavailable(install=True)`` installs the Debian packages when they are missing (as root, the way
.ci/run installs its own) and says why the rig cannot be had when it cannot.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PACKAGES = ("xserver-xorg-core", "xserver-xorg-video-dummy", "x11-xserver-utils", "openbox")
DUMMY_DRIVER = Path("/usr/lib/xorg/modules/drivers/dummy_drv.so")

CONF = """Section "Device"
  Identifier "dummy"
  Driver "dummy"
  VideoRam 512000
  Option "VirtualHeads" "{heads}"
EndSection
Section "Monitor"
  Identifier "mon"
  HorizSync 5.0-1000.0
  VertRefresh 5.0-200.0
EndSection
Section "Screen"
  Identifier "screen"
  Device "dummy"
  Monitor "mon"
  DefaultDepth 24
  SubSection "Display"
    Depth 24
    Virtual 8192 4096
  EndSubSection
EndSection
"""


@dataclass(frozen=True)
class Monitor:
    name: str
    x: int
    y: int
    width: int
    height: int

    def contains(self, x: int, y: int) -> bool:
        return self.x <= x < self.x + self.width and self.y <= y < self.y + self.height


def _missing_tools() -> list[str]:
    missing = [t for t in ("Xorg", "xrandr", "openbox") if not shutil.which(t)]
    if not DUMMY_DRIVER.exists():
        missing.append("Xorg's dummy driver")
    return missing


def unavailable(install: bool = True) -> str | None:
    """None when the rig can be started; otherwise why not. Installs the Debian packages when missing."""
    if not _missing_tools():
        return None
    if not install:
        return "missing: " + ", ".join(_missing_tools())
    if not shutil.which("apt-get") or os.geteuid() != 0:
        return f"missing {', '.join(_missing_tools())} and cannot apt-get install {' '.join(PACKAGES)} (not root)"
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    steps = (
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *PACKAGES],
    )
    for step in steps:
        done = subprocess.run(step, env=env, capture_output=True, text=True)
        if done.returncode:
            tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["?"]
            return f"{' '.join(step[:2])} failed: {tail[0]}"
    missing = _missing_tools()
    return f"still missing after apt-get: {', '.join(missing)}" if missing else None


def _modeline(w: int, h: int, hz: int = 60) -> list[str]:
    htotal, vtotal = int(w * 1.3), int(h * 1.05)
    clock = f"{htotal * vtotal * hz / 1e6:.2f}"
    return [clock, str(w), str(w + 48), str(w + 80), str(htotal), str(h), str(h + 3), str(h + 8), str(vtotal)]


class Rig:
    """A running Xorg (dummy driver, one monitor per size, left to right) with openbox on it."""

    def __init__(self, display: str, xorg: subprocess.Popen[bytes], work: Path, monitors: list[Monitor]) -> None:
        self.display = display
        self.monitors = monitors
        self._xorg = xorg
        self._work = work
        self._wm: subprocess.Popen[bytes] | None = None

    @classmethod
    def start(cls, sizes: list[tuple[int, int]], window_manager: bool = True) -> Rig:
        work = Path(tempfile.mkdtemp(prefix="ceremony-rig-"))
        (work / "xorg.conf").write_text(CONF.format(heads=max(2, len(sizes))))
        read, write = os.pipe()
        cmd = ["Xorg", "-displayfd", str(write), "-config", str(work / "xorg.conf"), "-noreset", "-nolisten", "tcp"]
        cmd += ["-logfile", str(work / "xorg.log")]
        xorg = subprocess.Popen(
            cmd, pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        os.close(write)
        number = _read_line(read, timeout=20.0)
        os.close(read)
        if not number:
            xorg.kill()
            xorg.wait()
            raise RuntimeError(f"Xorg did not start (see {work / 'xorg.log'})")
        display = ":" + number
        monitors: list[Monitor] = []
        for w, h in sorted(set(sizes)):
            _xrandr(display, "--newmode", f"rig{w}x{h}", *_modeline(w, h), "+hsync", "+vsync", check=False)
        x = 0
        for i, (w, h) in enumerate(sizes):
            _xrandr(display, "--addmode", f"DUMMY{i}", f"rig{w}x{h}")
            primary = ["--primary"] if i == 0 else []
            _xrandr(display, "--output", f"DUMMY{i}", "--mode", f"rig{w}x{h}", "--pos", f"{x}x0", *primary)
            monitors.append(Monitor(f"DUMMY{i}", x, 0, w, h))
            x += w
        rig = cls(display, xorg, work, monitors)
        if window_manager:
            rig._start_wm()
        return rig

    def _start_wm(self) -> None:
        env = dict(os.environ, DISPLAY=self.display)
        self._wm = subprocess.Popen(
            ["openbox", "--sm-disable"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        from Xlib import display as xdisplay

        conn = xdisplay.Display(self.display)
        try:
            root = conn.screen().root
            check = conn.intern_atom("_NET_SUPPORTING_WM_CHECK")
            end = time.monotonic() + 10
            while time.monotonic() < end:  # openbox sets this on the root once it manages the screen
                if root.get_full_property(check, 0) is not None:
                    return
                time.sleep(0.05)
        finally:
            conn.close()

    def unplug(self, index: int) -> None:
        """Take monitor ``index`` away, as a pulled cable does (RandR output off)."""
        _xrandr(self.display, "--output", self.monitors[index].name, "--off")

    def plug(self, index: int) -> None:
        """Bring monitor ``index`` back at its size and place."""
        m = self.monitors[index]
        mode = f"rig{m.width}x{m.height}"
        _xrandr(self.display, "--output", m.name, "--mode", mode, "--pos", f"{m.x}x{m.y}")

    def env(self, base: dict[str, str] | None = None) -> dict[str, str]:
        """An environment for a Qt program on this rig (xcb, no scaling guesses)."""
        env = dict(os.environ if base is None else base)
        env.update(DISPLAY=self.display, QT_QPA_PLATFORM="xcb")
        env.pop("WAYLAND_DISPLAY", None)
        return env

    def stop(self) -> None:
        for proc in (self._wm, self._xorg):
            if proc is not None and proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        shutil.rmtree(self._work, ignore_errors=True)

    def __enter__(self) -> Rig:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _read_line(fd: int, timeout: float) -> str:
    import select

    data = b""
    end = time.monotonic() + timeout
    while not data.endswith(b"\n") and time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], max(0.0, end - time.monotonic()))
        if not ready:
            break
        chunk = os.read(fd, 16)
        if not chunk:
            break
        data += chunk
    return data.decode().strip()


def _xrandr(display: str, *args: str, check: bool = True) -> str:
    env = dict(os.environ, DISPLAY=display)
    return subprocess.run(["xrandr", *args], env=env, capture_output=True, text=True, check=check).stdout
