"""Films and sound (issue 14): dropped frames, key to first film frame, memory over a long looping bed.

    python benchmarks/bench_media.py [--quick] [--only play|preload|bed]

- play: 60 s films on the real stage (the show's windows, offscreen, 1920×1080, presenter live): H.264 1080p30,
  H.264 1080p60 and HEVC 1080p30, film-like bitrate. Muted (--mute: the film's sound is decoded and mixed, but
  this machine has no sound device, so the film runs on the monotonic clock). Measured from what the stage
  presented (each paint of a film frame is recorded with its time): dropped % = frames of the played span never
  presented (budget <= 1 %), stalls = a frame shown for more than 1.5 frame times, lateness p50/p99 against the
  film's clock, CPU per second.
- preload: "next" into a prepared film cue, key event to the end of the stage paint that shows its first frame
  (budget: median <= 50 ms), and which frame that was (it must be the film's first); RSS over the rounds
  (the same film played again and again: growth after the second <= 20 MB).
- bed: a 60 s streamed MP3 looping for 10 minutes through the mixer (rendered as fast as it decodes): RSS at each
  minute; budget: growth after the first minute <= 5 MB, no underrun.

The machine is shared: when permitted, the process runs at SCHED_RR (the show machine runs only the show;
here other users' tests would otherwise be measured) and says so ("rt": true/false). Test films are generated
once (PyAV) into ~/.cache/ceremony-bench/.
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import REPO, emit, median, pct

sys.path.insert(0, str(REPO / "src"))

CACHE = Path(os.environ.get("CEREMONY_BENCH_CACHE", Path.home() / ".cache" / "ceremony-bench"))


def realtime() -> bool:
    """Run at SCHED_RR priority 5 when the system allows it (as root here); False when it does not."""
    try:
        os.sched_setscheduler(0, os.SCHED_RR, os.sched_param(5))
    except (AttributeError, PermissionError, OSError):
        return False
    return True


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def film(name: str, size: tuple[int, int], fps: int, seconds: float, codec: str) -> Path:
    """A test film with a burnt-in frame number at a real film's bitrate, made once and kept."""
    from ceremony.media import testcard

    path = CACHE / f"{name}-{size[0]}x{size[1]}-{fps}-{seconds:g}s-{codec}.mp4"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        print(f"# making {path.name} (once)", file=sys.stderr, flush=True)
        partial = path.with_suffix(".part.mp4")
        testcard.write_video(partial, size, fps, seconds, codec=codec, busy=True)
        partial.rename(path)
    return path


# ---------------------------------------------------------------- the real show with a film


class FilmShow:
    """The show's windows (offscreen, stage 1920×1080, presenter live) on a script: black, the film, black."""

    def __init__(self, path: Path) -> None:
        import tempfile

        from _common import BenchShow

        folder = Path(tempfile.mkdtemp(prefix="ceremony-bench-media-"))
        script = folder / "show.yaml"
        script.write_text(
            "event: {title: Benchmark, year: 2026}\nslides:\n"
            "  - {kind: black, id: before, transition: cut}\n"
            f"  - {{kind: video, id: film, video: '{path}', transition: cut}}\n"
            "  - {kind: black, id: after, transition: cut}\n",
            encoding="utf-8",
        )
        import _common

        _common.SLIDES = script  # BenchShow opens _common.SLIDES
        self.bench = BenchShow(mute=True)
        self.show = self.bench.show
        self.stage = self.show.stage
        self.stage.resize(1920, 1080)
        self.show.presenter.resize(1440, 900)
        self.media = self.show.media
        assert self.media is not None
        self.wait(lambda: self.media.begun, 10)

    def wait(self, condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
        end = time.perf_counter() + seconds
        while not condition():
            if time.perf_counter() > end:
                return False
            self.bench.app.processEvents()
            time.sleep(0.001)
        return True

    def ready(self) -> bool:
        """Back on the cue before the film, rested, with the film prepared."""
        self.show.controller.run("goto", "before")
        self.bench.idle()
        state = lambda: self.media.film_state(1)  # noqa: E731
        return self.wait(lambda: state() is not None and state().status == "ready", 30)

    def press_next(self) -> float:
        """Post Page Down to the presenter; the monotonic time it was posted (the stage records paints in it)."""
        from PySide6.QtCore import QCoreApplication, QEvent, Qt
        from PySide6.QtGui import QKeyEvent

        at = time.monotonic()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier)
            QCoreApplication.postEvent(self.show.presenter, event)
        return at

    def close(self) -> None:
        self.media.close()
        self.bench.close()


def bench_play(label: str, path: Path, fps: int, seconds: float, rt: bool) -> bool:
    """A film played through on the real stage; what the stage presented, against what it should have."""
    show = FilmShow(path)
    assert show.ready(), "the film did not become ready"
    show.stage.presented.clear()
    cpu0, wall0 = cpu_seconds(), time.perf_counter()
    show.press_next()
    show.wait(lambda: show.media.film_state(1) is not None and show.media.film_state(1).status == "ended", seconds + 30)
    wall, cpu = time.perf_counter() - wall0, cpu_seconds() - cpu0
    shown = [(t, pts) for t, cue, pts in show.stage.presented if cue == 1]
    show.close()
    frames = sorted({round(pts * fps) for _, pts in shown})
    span = frames[-1] - frames[0] + 1 if frames else 0
    dropped = span - len(frames)
    gaps = [b - a for (a, _), (b, _) in itertools.pairwise(shown)]
    stalls = sum(1 for g in gaps if g > 1.5 / fps)
    t0, p0 = shown[0] if shown else (0.0, 0.0)
    late = [((t - t0) - (pts - p0)) * 1000 for t, pts in shown] or [0.0]
    ok = emit("media", f"{label}_dropped_pct", round(100 * dropped / max(1, span), 2), "%", 1.0,
              frames=span, presented=len(frames), seconds=round(wall, 1), rt=rt)  # fmt: skip
    emit("media", f"{label}_stalls", stalls, "frames held > 1.5 frame times")
    emit("media", f"{label}_late_p50_ms", round(median(late), 1), "ms", p99=round(pct(late, 99), 1))
    emit("media", f"{label}_cpu_per_s", round(cpu / wall, 2), "cores", rss_mb=round(rss_mb()))
    return ok


def bench_preload(path: Path, rounds: int, rt: bool) -> bool:
    """'Next' into a prepared film: key event to the end of the stage paint that shows the film's first frame."""
    show = FilmShow(path)
    samples, first, rss = [], set(), []
    for _ in range(rounds):
        if not show.ready():
            continue
        rss.append(rss_mb())
        n = len(show.stage.presented)
        pressed = show.press_next()
        if show.wait(lambda n=n: len(show.stage.presented) > n, 5):
            t, _cue, pts = show.stage.presented[n]
            samples.append((t - pressed) * 1000)
            first.add(round(pts * 1000))
    show.close()
    if not samples:
        return emit("media", "key_to_first_film_frame_median_ms", 9999, "ms", 50.0, rounds=0)
    ok = emit("media", "key_to_first_film_frame_median_ms", round(median(samples), 1), "ms", 50.0,
              rounds=len(samples), max_ms=round(max(samples), 1), rt=rt)  # fmt: skip
    ok &= emit("media", "first_film_frame_is_the_first", int(first != {0}), "wrong frames", 0)
    growth = max(rss[2:], default=rss[-1]) - rss[1] if len(rss) > 2 else 0.0
    ok &= emit("media", "film_replays_rss_growth_mb", round(growth, 1), "MB", 20.0, plays=len(rss), rss=rss)
    return ok


# ---------------------------------------------------------------- bed


def bench_bed(minutes: float, rt: bool) -> bool:
    from ceremony.media import testcard
    from ceremony.media.decode import AudioStream
    from ceremony.media.mixer import RATE, Mixer

    path = CACHE / "bed-60s.mp3"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        testcard.write_sound(path, testcard.music(60.0))
    mixer = Mixer()
    source = AudioStream(path, loop=True, blocking=True)
    mixer.play("bed", source)
    block, done, minute = 1024, 0, 0
    samples: list[float] = []
    start = time.perf_counter()
    while done < minutes * 60 * RATE:
        mixer.render(block)
        done += block
        if done // (60 * RATE) > minute:
            minute += 1
            samples.append(round(rss_mb(), 1))
    elapsed = time.perf_counter() - start
    source.close()
    growth = max(samples[1:], default=samples[0]) - samples[0] if samples else 0.0
    ok = emit(
        "media", "bed_rss_growth_mb", round(growth, 1), "MB", 5.0, minutes=minutes, rss_each_minute=samples, rt=rt
    )
    ok &= emit("media", "bed_underruns", source.underruns, "blocks", 0)
    emit("media", "bed_render_us_per_block", round(elapsed / (done / block) * 1e6, 1), "µs", block=block)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="short runs: a smoke test, not figures to record")
    parser.add_argument("--only", choices=["play", "preload", "bed"])
    parser.add_argument("--no-rt", action="store_true", help="stay at normal priority (to see what the load does)")
    parser.add_argument("--film", choices=["h264_1080p30", "h264_1080p60", "hevc_1080p30"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    rt = False if args.no_rt else realtime()
    ok = True
    seconds = 10.0 if args.quick else 60.0
    if args.film:  # one film, in this process (the others run each in a fresh one: nothing left over between them)
        label, fps, codec = next(f for f in FILMS if f[0] == args.film)
        return 0 if bench_play(label, film("film", (1920, 1080), fps, seconds, codec), fps, seconds, rt) else 1
    if args.only in (None, "bed"):  # first: its RSS is then the bed's alone, not the films' before it
        ok &= bench_bed(1.0 if args.quick else 10.0, rt)
    if args.only in (None, "play"):
        for label, fps, codec in FILMS:
            film("film", (1920, 1080), fps, seconds, codec)  # made (once) before any is timed
            ok &= _in_child(
                ["--film", label, *(["--quick"] if args.quick else []), *(["--no-rt"] if args.no_rt else [])]
            )
    if args.only in (None, "preload"):
        ok &= bench_preload(film("film", (1920, 1080), 30, 10.0, "h264-film"), 4 if args.quick else 10, rt)
    return 0 if ok else 1


FILMS = (("h264_1080p30", 30, "h264-film"), ("h264_1080p60", 60, "h264-film"), ("hevc_1080p30", 30, "hevc"))


def _in_child(argv: list[str]) -> bool:
    """Run this benchmark for one film in a fresh process and pass its figures on."""
    import subprocess

    done = subprocess.run([sys.executable, __file__, *argv], capture_output=True, text=True, timeout=600)
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            print(line, flush=True)
    return done.returncode == 0


if __name__ == "__main__":
    raise SystemExit(main())
