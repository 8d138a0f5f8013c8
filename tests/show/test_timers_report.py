"""Show clocks against the plan, and the rehearsal report built from the recorded times."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from ceremony.script.loader import LoadedScript
from ceremony.show.engine import Engine
from ceremony.show.report import rows, rows_for, to_csv, to_markdown, write_report
from ceremony.show.timers import cue_times, status_of, timers

from .conftest import FakeClock

Make = Callable[..., Engine]


def test_status_thresholds() -> None:
    assert status_of(5, 10) == "ok"
    assert status_of(9, 10) == "amber"
    assert status_of(10, 10) == "amber"
    assert status_of(10.1, 10) == "red"
    assert status_of(100, None) == "ok"


def test_timers_follow_the_plan(slides: LoadedScript, clock: FakeClock) -> None:
    engine = Engine(None, slides.script, clock=clock)
    before = engine.timers()
    assert (before.started, before.elapsed, before.planned_end) == (False, 0.0, None)
    assert before.planned == 600.0
    assert before.planned_total == 1420.0
    start = clock.now
    engine.run("start_show")
    clock.advance(30)
    now = timers(engine.state, clock.now)
    assert now.elapsed == 30
    assert now.planned_end == start + 1420.0
    assert now.status == "ok"
    assert now.behind == 0
    clock.advance(545)
    assert engine.timers().status == "amber"
    clock.advance(100)
    late = engine.timers()
    assert late.status == "red"
    assert late.behind == 75


def test_slide_time_spans_its_build_cues(slides: LoadedScript, clock: FakeClock) -> None:
    engine = Engine(None, slides.script, clock=clock)
    engine.run("goto", "lineup-under-15000/1")
    clock.advance(15)
    engine.run("next")
    clock.advance(4)
    t = engine.timers()
    assert (t.on_cue, t.on_slide, t.planned, t.status) == (4, 19, 20, "amber")


def test_rehearsal_report(make_engine: Make, clock: FakeClock, tmp_path: Path) -> None:
    engine = make_engine(rehearsal=True)
    engine.run("start_show")
    clock.advance(12)  # intro: planned 10
    engine.run("next")
    for _ in range(3):
        clock.advance(3)
        engine.run("next")
    clock.advance(3)
    engine.run("next")  # suspense
    clock.advance(5)
    engine.run("next")  # reveal
    clock.advance(5)
    table = rows_for(engine.state, clock.now)
    by_id = {r.cue_id: r for r in table}
    assert by_id["intro"].actual == 12
    assert by_id["intro"].delta == 2
    assert by_id["reveal-k/reveal"].actual == 5
    assert by_id["outro"].actual == 0
    parsed = list(csv.reader(io.StringIO(to_csv(table))))
    assert parsed[0] == ["cue id", "title", "planned s", "actual s", "delta s", "media"]
    assert parsed[1] == ["intro", "T", "10.0", "12.0", "2.0", ""]
    summary = to_markdown(table)
    assert "Biggest overruns" in summary
    assert "| T | 0:10 | 0:12 | +0:02 |" in summary
    csv_path, md_path = write_report(tmp_path / "out", table)
    assert csv_path.read_text(encoding="utf-8").startswith("cue id,")
    assert md_path.read_text(encoding="utf-8").startswith("# Rehearsal")


def test_the_report_lists_the_media_cues(make_engine: Make, clock: FakeClock) -> None:
    engine = make_engine(rehearsal=True)
    engine.run("start_show")
    clock.advance(7)
    engine.run("next")
    table = rows(
        engine.state.show.cues, cue_times(engine.state, clock.now), {"intro": "film intro.mp4 0:06, played 0:06"}
    )
    parsed = list(csv.reader(io.StringIO(to_csv(table))))
    assert parsed[1] == ["intro", "T", "10.0", "7.0", "-3.0", "film intro.mp4 0:06, played 0:06"]
    summary = to_markdown(table)
    assert "## Films and sounds" in summary
    assert "| T | film intro.mp4 0:06, played 0:06 | 0:07 |" in summary
