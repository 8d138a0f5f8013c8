"""The presenter as the operator uses it: preview and take, clocks, layout memory, rehearsal report."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QSize, Qt

from ceremony.show.persist import state_dir

from .conftest import FakeClock, open_show, rendered, settle, stage_image

Key = Qt.Key


def test_previewing_a_cue_does_not_touch_the_stage_until_taken(qtbot, show, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    show.controller.run("next")
    settle(clock)
    on_stage = stage_image(show)
    show.presenter.cuelist.previewRequested.emit(18)  # a click on cue 19 in the list
    assert show.controller.stage_frame().cue.id == "title"
    assert stage_image(show) == on_stage
    assert "FORHÅNDSVIS  19" in show.presenter.next_box.caption.text()
    preview = show.presenter.next_view.grab().toImage()
    assert preview == rendered(show, show.controller.cues[18].id, preview.size())
    qtbot.keyClick(show.presenter, Key.Key_Return)  # take it
    settle(clock)
    assert show.controller.stage_frame().cue.index == 18
    assert show.presenter.preview_index is None


def test_esc_goes_back_to_following(qtbot, show, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    show.presenter.cuelist.previewRequested.emit(5)
    qtbot.keyClick(show.presenter, Key.Key_Escape)
    assert show.presenter.preview_index is None
    assert show.presenter.next_box.caption.text().startswith("NESTE  2:")
    assert show.controller.stage_frame().cue.id == "walk-in"


def test_the_cue_timer_turns_amber_then_red(qtbot, show, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    show.controller.run("next")  # the title slide: 45 s planned
    settle(clock, 1)
    show.presenter.clocks.refresh()
    cue_clock = show.presenter.clocks.values["cue"]
    assert "/ 0:45" in cue_clock.text()
    assert "#e8eef8" in cue_clock.styleSheet()
    clock.advance(40)
    show.presenter.clocks.refresh()
    assert "#ffbf47" in cue_clock.styleSheet()
    clock.advance(10)
    show.presenter.clocks.refresh()
    assert "#ff5c5c" in cue_clock.styleSheet()


def _close(show) -> None:  # type: ignore[no-untyped-def]
    show.app.removeEventFilter(show.presenter)
    show.presenter.hide()
    show.stage.hide()
    for widget in (show.stage, show.presenter.mirror, show.presenter.next_view):
        widget.stop()
    show.controller.renderer.close()


def test_layout_and_notes_size_are_remembered(qtbot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    """Saved by one presenter window, restored by the next one the app opens (after a restart)."""
    first = open_show(qtbot, clock)
    default_pt = first.presenter.notes.point_size
    first.presenter.resize(1300, 820)
    qtbot.waitUntil(lambda: first.presenter.size() == QSize(1300, 820))
    first.presenter.notes.set_point_size(default_pt + 8)
    first.presenter.splitter.setSizes([300, 900])  # the cue list side wide (its minimum keeps the left ~480)
    qtbot.wait(20)  # let the layouts settle before saving
    size, sizes = first.presenter.size(), first.presenter.splitter.sizes()
    first.presenter.save_layout()
    _close(first)

    second = open_show(qtbot, clock, keep_settings=True)
    qtbot.wait(20)
    assert second.presenter is not first.presenter
    assert second.presenter.notes.point_size == default_pt + 8
    assert second.presenter.size() == size
    assert _near(second.presenter.splitter.sizes(), sizes)  # Qt rounds a restored splitter by a pixel or two
    _close(second)

    fresh = open_show(qtbot, clock)  # the control: without the saved layout, the defaults come back
    assert fresh.presenter.notes.point_size == default_pt
    assert not _near(fresh.presenter.splitter.sizes(), sizes)
    _close(fresh)


def _near(a: list[int], b: list[int], tolerance: int = 8) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def test_ending_a_rehearsal_writes_planned_against_actual(qtbot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    show = open_show(qtbot, clock, rehearse=True, stand_in="notodden")
    show.controller.run("start_show")
    for seconds in (5, 50, 12):
        clock.advance(seconds)
        show.controller.run("next")
        if seconds == 50:
            show.presenter.messages.send("Strekk 30 s")
    settle(clock, 3)
    show.controller.run("rehearsal")  # ending a started rehearsal asks first
    show.controller.run("confirm")
    assert not show.controller.state.rehearsal
    reports = sorted((state_dir() / "reports").glob("rehearsal-*.csv"))
    assert len(reports) == 1
    with reports[0].open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(show.controller.cues)
    markdown = Path(str(reports[0])[: -len(".csv")] + ".md").read_text(encoding="utf-8")
    assert "Planned" in markdown
    assert "| 0:55 | Strekk 30 s | to the end |" in markdown  # sent 55 s into the run, never taken down
    text = reports[0].read_text(encoding="utf-8")
    assert "walk-in" in text and "title" in text
    assert "50.0" in text  # the 50 s spent on the title slide
