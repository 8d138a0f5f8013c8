"""Shared by the benchmarks: one JSON line per figure, with its budget when it has one."""

from __future__ import annotations

import json
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SLIDES = REPO / "slides.yaml"


def emit(bench: str, metric: str, value: float | int, unit: str, budget: float | None = None, **extra: object) -> bool:
    """Print one figure as a JSON line; returns whether it meets its budget (True without one)."""
    line: dict[str, object] = {"bench": bench, "metric": metric, "value": value, "unit": unit}
    met = True
    if budget is not None:
        met = value <= budget
        line.update(budget=budget, met=met)
    line.update(extra)
    print(json.dumps(line, ensure_ascii=False), flush=True)
    return met


def pct(samples: Sequence[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples)


def isolated_env(tmp: Path) -> dict[str, str]:
    """The environment for a child process: offscreen, and state/settings in tmp, never the user's."""
    import os

    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["CEREMONY_STATE_DIR"] = str(tmp / "state")
    env["XDG_CONFIG_HOME"] = str(tmp / "config")
    env["XDG_STATE_HOME"] = str(tmp / "xdg-state")
    env["CEREMONY_NO_DIALOGS"] = "1"
    env["CEREMONY_CACHE_DIR"] = str(tmp / "cache")
    # An installed ceremony has its bytecode compiled (pip does it at install); this sandbox sets
    # PYTHONDONTWRITEBYTECODE, which would make every start recompile the app from source.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    src = str(REPO / "src")
    env["PYTHONPATH"] = src + (":" + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def python() -> str:
    return sys.executable


class BenchShow:
    """The real show in this process (both windows, offscreen) with a clock the benchmark can jump.

    ``idle()`` lets the show rest as between two cues on the night: the clock jumps past guards and
    animations, and the stage finishes drawing the next cues ahead (up to 2 s).
    """

    def __init__(self, **options: object) -> None:
        import argparse
        import os
        import tempfile
        import time

        tmp = tempfile.mkdtemp(prefix="ceremony-bench-")
        os.environ["CEREMONY_STATE_DIR"] = os.path.join(tmp, "state")
        os.environ["XDG_CONFIG_HOME"] = os.path.join(tmp, "config")

        from ceremony.app import build_show
        from ceremony.script.loader import load_script

        self._offset = 0.0
        self._time = time
        namespace = argparse.Namespace(**{"windowed": True, "fresh": True, **options})
        self.show = build_show(load_script(SLIDES), namespace, interactive=False, clock=self.clock)
        self.app, self.stage, self.controller = self.show.app, self.show.stage, self.show.controller

    def clock(self) -> float:
        return self._time.monotonic() + self._offset

    def idle(self) -> None:
        self._offset += 5.0
        self.stage.refresh()
        perf = self._time.perf_counter
        end = perf() + 0.05
        renderer = self.controller.renderer
        while perf() < end or self.stage.animating or renderer.preparing or renderer.store.pending:
            self.app.processEvents()
            if perf() > end + 2:
                break

    def at_end(self) -> bool:
        return self.controller.state.cue_index >= len(self.controller.cues) - 1

    def close(self) -> None:
        self.controller.renderer.close()
