"""Where the show's memory goes on the venue rig: one run-through of slides.yaml, its RSS over time and at the end.

Starts the rig (_xrig.py) as bench_rig.py does, runs ``python -m ceremony slides.yaml --fresh`` once through
the whole show with Page Down (bench_rig.run_through), sampling the process's VmRSS / RssAnon / RssFile every
50 ms, and prints as JSON lines: the peak (VmHWM, what bench_rig's budget holds), when the resident set was
highest and what the show was doing then, and the largest mappings (smaps) at the end, grouped by file.

    python benchmarks/rig_memory.py [--runs 2] [--pulse] [--top 25]

``--pulse`` gives the show a sound device (a private PulseAudio with a null sink, as tests/ui/test_pulse.py
does), as on a venue laptop; without it the rig has no sound server, as bench_rig.py runs it. No floor:
this is for finding where memory goes, not a budget.
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from _common import SLIDES, emit, isolated_env, python
from bench_rig import SIZES, Plan, Subject, run_through

FIELDS = ("VmRSS", "RssAnon", "RssFile", "VmHWM", "Threads")


def status(pid: int) -> dict[str, int]:
    out: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in FIELDS:
            out[key] = int(value.split()[0])
    return out


def anon_regions(pid: int, least_kb: int = 512) -> list[tuple[int, int]]:
    """(size, Rss) kB of each anonymous mapping with at least least_kb resident: images, arenas, stacks."""
    out: list[tuple[int, int]] = []
    size, anon = 0, False
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        first = line.split(maxsplit=5)
        if len(first) >= 5 and "-" in first[0] and not first[0].endswith(":"):
            lo, hi = (int(x, 16) for x in first[0].split("-"))
            size, anon = (hi - lo) // 1024, len(first) == 5
        elif line.startswith("Rss:") and anon and int(line.split()[1]) >= least_kb:
            out.append((size, int(line.split()[1])))
    return out


def mappings(pid: int) -> dict[str, tuple[int, int]]:
    """Rss and Anonymous kB by mapping name (a file's path, [heap], or 'anon')."""
    rss: collections.Counter[str] = collections.Counter()
    anon: collections.Counter[str] = collections.Counter()
    name = "anon"
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        first = line.split(maxsplit=5)
        if len(first) >= 5 and "-" in first[0] and not first[0].endswith(":"):
            name = first[5].strip() if len(first) > 5 else "anon"
            name = os.path.basename(name) if name.startswith("/") else name
        elif line.startswith("Rss:"):
            rss[name] += int(line.split()[1])
        elif line.startswith("Anonymous:"):
            anon[name] += int(line.split()[1])
    return {k: (rss[k], anon[k]) for k in rss}


class Sampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.samples: list[tuple[float, dict[str, int]]] = []
        self.mark = "start"
        self.marks: list[tuple[float, str]] = []
        self.stop = threading.Event()
        self.t0 = time.perf_counter()

    def run(self) -> None:
        t0 = self.t0
        while not self.stop.is_set():
            try:
                self.samples.append((time.perf_counter() - t0, status(self.pid)))
            except (FileNotFoundError, ProcessLookupError):
                return
            time.sleep(0.05)


@contextmanager
def private_pulse(tmp: Path) -> Iterator[dict[str, str]]:
    home = tmp / "pulse"
    home.mkdir()
    env = dict(os.environ, HOME=str(home), XDG_RUNTIME_DIR=str(home), XDG_CONFIG_HOME=str(home))
    socket = home / "native"
    server = subprocess.Popen(
        [
            "pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no", "--disable-shm=yes",
            f"--log-target=file:{home / 'log'}",
            "-L", f"module-native-protocol-unix auth-anonymous=1 socket={socket}",
            "-L", "module-null-sink sink_name=ceremony_test rate=48000 channels=2",
        ],
        env=env,
    )  # fmt: skip
    end = time.monotonic() + 10
    while not socket.exists() and time.monotonic() < end:
        time.sleep(0.05)
    try:
        yield {"PULSE_SERVER": f"unix:{socket}"}
    finally:
        server.terminate()
        server.wait(10)


def one_run(args: argparse.Namespace, run: int) -> float:
    from _xrig import Rig
    from _xwatch import Watch

    plan = Plan.of(args.script)
    with tempfile.TemporaryDirectory(prefix="ceremony-mem-") as tmp_name, Rig.start(SIZES) as rig:
        tmp = Path(tmp_name)
        with private_pulse(tmp) if args.pulse else _nothing() as extra:
            env = dict(rig.env(isolated_env(tmp)), **extra)
            env.update(item.split("=", 1) for item in args.env)  # type: ignore[misc]
            if args.src is not None:  # another checkout's show (before/after on the same rig)
                env["PYTHONPATH"] = str(args.src.resolve())
            watch = Watch(rig.display, rig.monitors[1])
            cmd = [python(), "-m", "ceremony", str(args.script), "--fresh", *args.show_args.split()]
            subject = Subject("ceremony", cmd, env)
            try:
                if args.warm:  # as bench_rig: its launches before the run-through fill the caches
                    subject.spawn()
                    subject.wait_ready()
                    subject.stop()
                proc = subject.spawn()
                sampler = Sampler(proc.pid)
                sampler.start()
                subject.wait_ready()
                ready = status(proc.pid)
                key = watch.key
                presses: list[float] = []

                def pressed(name: str) -> float:
                    presses.append(round(time.perf_counter() - sampler.t0, 1))
                    return key(name)

                watch.key = pressed  # type: ignore[method-assign]
                through = run_through(watch, plan)
                hwm = subject.peak_rss_mb()
                top = mappings(proc.pid)
                regions = anon_regions(proc.pid)
                sampler.stop.set()
                sampler.join()
            finally:
                subject.stop()
                watch.close()
    peak_t, peak = max(sampler.samples, key=lambda s: s[1].get("VmRSS", 0))
    last_t, last = sampler.samples[-1]
    pulse = "pulse" if args.pulse else "no-server"
    src = str(args.src or "this checkout")
    emit("rig_memory", "peak_rss_mb", round(hwm, 1), "MB", None, run=run, sound=pulse, src=src, missed=through.missed)
    emit("rig_memory", "ready_rss_mb", round(ready["VmRSS"] / 1024, 1), "MB", None, run=run, at_s=3.0,
         anon=round(ready["RssAnon"] / 1024, 1), file=round(ready["RssFile"] / 1024, 1))  # fmt: skip
    emit("rig_memory", "sampled_peak_rss_mb", round(peak["VmRSS"] / 1024, 1), "MB", None, run=run,
         at_s=round(peak_t, 2), of_s=round(last_t, 2), anon=round(peak["RssAnon"] / 1024, 1),
         file=round(peak["RssFile"] / 1024, 1), threads=peak.get("Threads"))  # fmt: skip
    emit("rig_memory", "end_rss_mb", round(last["VmRSS"] / 1024, 1), "MB", None, run=run,
         anon=round(last["RssAnon"] / 1024, 1), file=round(last["RssFile"] / 1024, 1))  # fmt: skip
    if args.trace:
        step = max(1, len(sampler.samples) // 60)
        trace = [(round(t, 1), s["VmRSS"] // 1024, s["RssAnon"] // 1024) for t, s in sampler.samples[::step]]
        emit("rig_memory", "trace_t_rss_anon", len(trace), "samples", None, run=run, trace=trace)
        emit("rig_memory", "presses_at_s", len(presses), "presses", None, run=run, presses=presses)
    if args.regions:
        emit("rig_memory", "anon_regions_size_rss_kb", len(regions), "regions", None, run=run, regions=regions)
    for name, (rss, anon) in sorted(top.items(), key=lambda kv: -kv[1][0])[: args.top]:
        emit("rig_memory", "mapping_rss_kb", rss, "kB", None, run=run, mapping=name, anonymous=anon)
    return hwm


@contextmanager
def _nothing() -> Iterator[dict[str, str]]:
    yield {}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--pulse", action="store_true", help="a private PulseAudio null sink as the sound device")
    parser.add_argument("--top", type=int, default=25, help="how many of the largest mappings to print")
    parser.add_argument("--regions", action="store_true", help="print the anonymous mappings (size, Rss)")
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for the show's environment")
    parser.add_argument("--show-args", default="", help="more arguments for the show (e.g. --mute)")
    parser.add_argument("--trace", action="store_true", help="print VmRSS over the run")
    parser.add_argument("--cold", dest="warm", action="store_false", help="no warm-up launch (an empty cache)")
    parser.add_argument("--src", type=Path, help="run the show from this src folder (default: this checkout's)")
    parser.add_argument("--script", type=Path, default=SLIDES)
    args = parser.parse_args()
    from _xrig import unavailable

    why = unavailable(install=True)
    if why or (args.pulse and not shutil.which("pulseaudio")):
        print(f"rig_memory: skipped: {why or 'no pulseaudio'}")
        return 3
    for run in range(args.runs):
        one_run(args, run)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
