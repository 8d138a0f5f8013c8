"""Fuzz the six crests: truncated, bit-flipped, with tags and attributes thrown in, each mutant goes through
everything an SVG meets before and on stage — the Qt-free reader, the loader's vetting, QtSvg's decode at a
crest's size and the proof's look at the picture — and none of it may raise, hang, or grow memory by 100 MB.

The mutants run in a fresh process, so its memory is measured from its own start (peak resident size, which
catches a transient allocation too) and not against whatever earlier tests left. A hang is caught by
faulthandler re-armed for each mutant: it prints where the process is stuck and ends it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve()
REPO = HERE.parents[2]
CRESTS = sorted((REPO / "assets" / "crests").glob("*.svg"))
EXAMPLES = 600
HANG_SECONDS = 60
"""No mutant takes a second; one taking this long is stuck (not a timing figure: a hang detector)."""
MEMORY_MB = 100
MAX_MUTANT = 256 * 1024
"""A mutation that would make the file larger than this is skipped: memory is the checks', not the input's."""

TAGS = [
    "<g>", "</g>", "<use href='#field'/>", "<use xlink:href='#gold'/>", "<!DOCTYPE svg>", "<!ENTITY x 'y'>", "&x;",
    "&amp;", "&#0;", "&#x110000;", "<script>x()</script>", "<image href='file:///etc/passwd' width='9' height='9'/>",
    "<![CDATA[<svg>]]>", "<?xml-stylesheet href='a.css'?>", "<!--", "-->", "<svg>", "</svg>", "<text>æøå</text>",
    "<style>*{fill:url(#field)} @import 'x.css';</style>", "<pattern id='p' width='0' height='0'><rect/></pattern>",
    "<marker id='m'><use href='#m'/></marker>", "<g id='field'><use href='#field'/></g>", "<tspan>", "\x00", "<",
    ">", '"', "'", "\n", "<filter id='f'><feGaussianBlur stdDeviation='1e9'/></filter>",
]  # fmt: skip
ATTRIBUTES = [
    'width="1e308"', 'height="-5"', 'viewBox="0 0 0 0"', 'viewBox="nan nan 1e9 1e9"', 'transform="scale(1e12)"',
    'transform="matrix(0 0 0 0 0 0)"', 'stroke-width="1e30"', 'fill="url(#field)"', 'href="#field"', 'id="field"',
    'opacity="0"', 'style="display:none"', 'stroke-dasharray="0.0000001"', 'r="1e20"', 'font-size="1e9"',
    'points="0,0 1e9,1e9"', 'd="M0 0' + " L1 1" * 500 + '"', 'marker-mid="url(#m)"', 'filter="url(#f)"',
    'xml:space="preserve"', 'onload="x()"', 'fill-opacity="-1"', 'offset="1e9"', 'x="1e-320"',
]  # fmt: skip


def _run_mutants() -> None:
    """The child process: hypothesis drives the mutants; one JSON line with the figures at the end."""
    import faulthandler
    import resource

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from ceremony.preflight import decode_problem
    from ceremony.render.images import decode, natural_size
    from ceremony.render.proof import look
    from ceremony.render.qtapp import ensure_gui_app
    from ceremony.script.assets import vet_bytes
    from ceremony.script.svgsafe import svg_problems

    ensure_gui_app()
    originals = [path.read_bytes() for path in CRESTS]

    def through(data: bytes) -> None:
        assert isinstance(svg_problems(data), list)
        image, problems = vet_bytes("crest.svg", data)
        assert (image is None) == bool(problems)
        if image is not None:
            natural_size(image)
            decode_problem(image, Path("crest.svg"))
            for width, height in ((480, 576), (255, 306)):
                look(decode(image, width, height), "crest")

    for data in originals:  # warm up: Qt's plugins, fonts and caches are not growth
        through(data)
    start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak = [start]
    mutation = st.one_of(
        st.tuples(st.just("truncate"), st.floats(0, 1)),
        st.tuples(st.just("flip"), st.floats(0, 1), st.integers(0, 7)),
        st.tuples(st.just("tag"), st.floats(0, 1), st.sampled_from(TAGS)),
        st.tuples(st.just("attribute"), st.floats(0, 1), st.sampled_from(ATTRIBUTES)),
        st.tuples(st.just("bytes"), st.floats(0, 1), st.binary(min_size=1, max_size=12)),
        st.tuples(st.just("repeat"), st.floats(0, 1), st.integers(2, 100)),
    )

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.integers(0, len(originals) - 1), st.lists(mutation, min_size=1, max_size=4))
    def mutants(crest: int, mutations: list[tuple[object, ...]]) -> None:
        data = originals[crest]
        for m in mutations:
            data = mutate(data, m)
        faulthandler.dump_traceback_later(HANG_SECONDS, exit=True)
        try:
            through(data)
        finally:
            faulthandler.cancel_dump_traceback_later()
        peak[0] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        assert peak[0] - start < MEMORY_MB, f"memory grew by {peak[0] - start:.0f} MB"

    mutants()
    print(json.dumps({"start_mb": round(start), "peak_mb": round(peak[0]), "examples": EXAMPLES}))


def mutate(data: bytes, mutation: tuple[object, ...]) -> bytes:
    """One mutation of the bytes (none when it would grow them past MAX_MUTANT)."""
    mutant = _mutate(data, mutation)
    return mutant if len(mutant) <= MAX_MUTANT else data


def _mutate(data: bytes, mutation: tuple[object, ...]) -> bytes:
    """Positions are fractions of the length, so they shrink well."""
    kind, where = mutation[0], mutation[1]
    assert isinstance(where, float)
    at = int(where * len(data))
    if kind == "truncate":
        return data[:at]
    if kind == "flip" and data:
        spot = min(at, len(data) - 1)
        bit = mutation[2]
        assert isinstance(bit, int)
        return data[:spot] + bytes([data[spot] ^ (1 << bit)]) + data[spot + 1 :]
    if kind in ("tag", "bytes"):
        noise = mutation[2]
        return data[:at] + (noise.encode() if isinstance(noise, str) else bytes(noise)) + data[at:]  # type: ignore[arg-type]
    if kind == "attribute":
        tags = [i for i in range(len(data) - 1) if data[i] == ord("<") and chr(data[i + 1]).isalpha()]
        if not tags:
            return data
        start = tags[min(int(where * len(tags)), len(tags) - 1)]
        end = start + 1
        while end < len(data) and (chr(data[end]).isalnum() or data[end] in b":-_"):
            end += 1
        return data[:end] + b" " + str(mutation[2]).encode() + data[end:]
    if kind == "repeat":
        lines = data.split(b"\n")
        line = lines[min(int(where * len(lines)), len(lines) - 1)]
        times = mutation[2]
        assert isinstance(times, int)
        return data.replace(line, line * times, 1) if line else data
    return data


@pytest.mark.slow
def test_mutated_crests_never_raise_hang_or_grow_memory() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run(
        [sys.executable, str(HERE)], capture_output=True, text=True, timeout=1800, check=False, env=env, cwd=REPO
    )
    assert result.returncode == 0, result.stderr[-6000:]
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["peak_mb"] - figures["start_mb"] < MEMORY_MB, figures
    print(f"svg fuzz: {figures}")


if __name__ == "__main__":
    _run_mutants()
