"""Export: the whole slides.yaml to PDF (budget 3 s) and the 300-cue deck to PNG at 1920x1080 (budget 60 s).

Each export is the real command (``python -m ceremony export``) in a fresh process, timed from spawn to exit;
the PDF figure is the median of 3 (one run on this shared VM moved by +-0.3 s), the 50-second PNG export runs once.
"""

from __future__ import annotations

import subprocess
import tempfile
import time
from pathlib import Path

from _common import SLIDES, emit, isolated_env, median, python
from _deck import make_deck

PDF_BUDGET_S = 3.0
PNG_BUDGET_S = 60.0


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    deck = make_deck()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        env = isolated_env(out)
        pdfs = [
            timed([python(), "-m", "ceremony", "export", str(SLIDES), "--pdf", str(out / "show.pdf")], env)
            for _ in range(3)
        ]
        ok = emit("export", "slides_pdf_s", round(median(pdfs), 2), "s", PDF_BUDGET_S, runs=len(pdfs))
        emit("export", "slides_pdf_max_s", round(max(pdfs), 2), "s")
        png_dir = out / "png"
        png = timed(
            [python(), "-m", "ceremony", "export", str(deck), "--png", str(png_dir), "--size", "1920x1080"], env
        )
        count = len(list(png_dir.glob("*.png")))
        ok &= emit("export", "deck300_png_1080p_s", round(png, 2), "s", PNG_BUDGET_S, pngs=count)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
