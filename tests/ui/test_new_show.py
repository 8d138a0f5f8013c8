"""A show made by ``ceremony new`` runs in the real windows, in Norwegian and in English: the operator clicks
through every cue with the clicker's key, reveals a preset and a live winner, and the stage shows each cue."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ceremony import cli

from .conftest import FakeClock, open_show, presented, rendered, settle, stage_image

Key = Qt.Key


@pytest.mark.parametrize(("language", "klass", "prefix"), [("nb", "klasse", "kandidat"), ("en", "class", "nominee")])
def test_a_new_show_runs_from_its_first_cue_to_its_last(  # type: ignore[no-untyped-def]
    qtbot, clock: FakeClock, tmp_path: Path, language: str, klass: str, prefix: str
) -> None:
    folder = tmp_path / "show"
    assert cli.main(["new", str(folder), "--language", language]) == 0
    show = open_show(qtbot, clock, folder / "slides.yaml")
    try:
        cues = show.controller.cues
        assert len(cues) == 23
        winner = f"reveal-{klass}-a/winner"
        seen = [show.controller.stage_frame().cue.id]
        for _ in range(len(cues) - 1):
            cue = show.controller.state.cue
            if cue.id == f"reveal-{klass}-b/suspense":  # a live winner: the operator keys in what the host reads
                presented()
                assert show.presenter.picker.isVisible()
                qtbot.keyClick(show.presenter, Key.Key_2)
                qtbot.keyClick(show.presenter, Key.Key_Return)
                settle(clock, 0.5)
            qtbot.keyClick(show.presenter, Key.Key_PageDown)
            settle(clock, 6.0)  # past every suspense and reveal animation
            seen.append(show.controller.stage_frame().cue.id)
            if seen[-1] == winner:
                image = stage_image(show)
                assert image == rendered(show, winner, image.size(), {f"{klass}-a": f"{prefix}-a2"})
        assert seen == [c.id for c in cues], "every cue came on stage, in order"
        assert show.controller.state.revealed == {f"{klass}-a": f"{prefix}-a2", f"{klass}-b": f"{prefix}-b2"}
    finally:
        show.app.removeEventFilter(show.presenter)
        show.stage.stop()
        show.presenter.mirror.stop()
        show.controller.renderer.close()
