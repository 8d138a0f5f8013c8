"""What the X server sees: damage on a monitor, XTEST key presses, and the monitor's pixels (python-xlib).

The X server reports each drawing into any window as a DamageNotify on the root window (raw rectangles,
in root coordinates) the moment it happens; this process keeps only those inside the watched monitor, and
stamps them with its own clock when they arrive (the same clock the key presses are stamped with).
"""

from __future__ import annotations

import select
import time
from collections.abc import Callable
from dataclasses import dataclass

from _xrig import Monitor
from Xlib import XK, X
from Xlib import display as xdisplay
from Xlib.ext import damage, xtest


@dataclass(frozen=True)
class Damage:
    at: float
    """perf_counter() when the event was read."""
    x: int
    y: int
    width: int
    height: int


class Watch:
    """Damage on one monitor, key presses by XTEST, and grabs of the monitor's pixels."""

    def __init__(self, display: str, monitor: Monitor) -> None:
        self.conn = xdisplay.Display(display)
        if not self.conn.has_extension("DAMAGE") or not self.conn.has_extension("XTEST"):
            raise RuntimeError("the X server lacks the DAMAGE or XTEST extension")
        self.conn.damage_query_version()
        self.root = self.conn.screen().root
        self.monitor = monitor
        self._damage = self.root.damage_create(damage.DamageReportRawRectangles)
        self._event = self.conn.extension_event.DamageNotify
        self.conn.sync()

    def close(self) -> None:
        self.conn.close()

    # ---------------------------------------------------------------- damage
    def poll(self, timeout: float) -> list[Damage]:
        """Damage on the monitor that arrives within timeout seconds (returns as soon as there is some)."""
        out = self._drain()
        end = time.perf_counter() + timeout
        while not out:
            left = end - time.perf_counter()
            if left <= 0:
                break
            ready, _, _ = select.select([self.conn.fileno()], [], [], left)
            if ready:
                out = self._drain()
        return out

    def _drain(self) -> list[Damage]:
        out: list[Damage] = []
        while self.conn.pending_events():
            event = self.conn.next_event()
            if event.type != self._event:
                continue
            now = time.perf_counter()
            a = event.area
            m = self.monitor
            x0, y0 = max(a.x, m.x), max(a.y, m.y)
            x1, y1 = min(a.x + a.width, m.x + m.width), min(a.y + a.height, m.y + m.height)
            if x1 > x0 and y1 > y0:
                out.append(Damage(now, x0 - m.x, y0 - m.y, x1 - x0, y1 - y0))
        return out

    def collect(self, seconds: float) -> list[Damage]:
        """All damage on the monitor for the next seconds."""
        out: list[Damage] = []
        end = time.perf_counter() + seconds
        while (left := end - time.perf_counter()) > 0:
            out += self.poll(left)
        return out

    def until_quiet(self, quiet: float, limit: float) -> list[Damage]:
        """Damage until none has come for ``quiet`` seconds (or ``limit`` seconds have passed)."""
        out: list[Damage] = []
        end = time.perf_counter() + limit
        while time.perf_counter() < end:
            got = self.poll(min(quiet, max(0.0, end - time.perf_counter())))
            if not got:
                break
            out += got
        return out

    def discard(self) -> None:
        self.conn.sync()
        self._drain()

    # ---------------------------------------------------------------- keys
    def key(self, keysym_name: str) -> float:
        """Press and release a key by XTEST; returns perf_counter() just before the press left this process."""
        code = self.conn.keysym_to_keycode(XK.string_to_keysym(keysym_name))
        xtest.fake_input(self.conn, X.KeyPress, code)
        xtest.fake_input(self.conn, X.KeyRelease, code)
        at = time.perf_counter()
        self.conn.flush()
        return at

    # ---------------------------------------------------------------- pixels
    def grab(self, band: int = 60) -> bytes:
        """The monitor's pixels, BGRX, 4 bytes a pixel, rows top to bottom (about 25 ms at 1920x1080).

        In bands of rows: python-xlib reads one 8 MB reply many times slower than twenty small ones."""
        m = self.monitor
        parts = []
        for y in range(0, m.height, band):
            h = min(band, m.height - y)
            parts.append(self.root.get_image(m.x, m.y + y, m.width, h, X.ZPixmap, 0xFFFFFFFF).data)
        return b"".join(parts)

    def blank(self) -> None:
        """Paint the monitor's part of the root window with its background (where no window covers it)."""
        m = self.monitor
        self.root.change_attributes(background_pixel=self.conn.screen().black_pixel)
        self.root.clear_area(m.x, m.y, m.width, m.height)
        self.conn.sync()


def wait_for(check: Callable[[], bool], timeout: float, step: float = 0.02) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(step)
    return check()
