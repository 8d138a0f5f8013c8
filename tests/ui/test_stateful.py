"""Random evenings: keys, clock jumps, good and bad reloads, screens pulled and plugged, in the real windows.

300 seeded sequences. After every step: no error reached the excepthook, the
stage shows a valid cue and can paint it, and a revealed winner stays revealed.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from ceremony.show.engine import initial_state
from ceremony.show.state import Show as ShowRules

from .conftest import FakeClock, open_show
from .test_live import BAD_EDITS, write_variant

Key = Qt.Key
NoMod = Qt.KeyboardModifier.NoModifier
Shift = Qt.KeyboardModifier.ShiftModifier

KEYS = [
    (Key.Key_PageDown, NoMod), (Key.Key_PageDown, NoMod), (Key.Key_PageDown, NoMod), (Key.Key_Right, NoMod),
    (Key.Key_Space, NoMod), (Key.Key_Return, NoMod), (Key.Key_PageUp, NoMod), (Key.Key_Left, NoMod),
    (Key.Key_B, NoMod), (Key.Key_Period, NoMod), (Key.Key_W, NoMod), (Key.Key_F, NoMod), (Key.Key_Home, NoMod),
    (Key.Key_End, NoMod), (Key.Key_Escape, NoMod), (Key.Key_F5, NoMod), (Key.Key_F5, Shift), (Key.Key_1, NoMod),
    (Key.Key_2, NoMod), (Key.Key_3, NoMod), (Key.Key_M, NoMod), (Key.Key_O, NoMod), (Key.Key_G, NoMod),
    (Key.Key_Question, Shift),
]  # fmt: skip
SEQUENCES = int(os.environ.get("CEREMONY_TEST_SEQUENCES", "300"))


def test_random_sequences_keep_the_show_sound(qtbot, clock: FakeClock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "show"
    path = write_variant(folder, None)
    show = open_show(qtbot, clock, path, windowed=False)
    app = QApplication.instance()
    assert app is not None
    laptop, projector = app.screens()
    rng = random.Random(20240213)
    bad_names = sorted(BAD_EDITS)
    steps = 0
    changed = False
    for sequence in range(SEQUENCES):
        if changed or show.reloader.problems:
            write_variant(folder, None)
            assert show.reloader.reload_now()
            changed = False
        show.screens.screen_added(projector)
        rules = ShowRules.from_script(show.controller.loaded.script, show.controller.cues)
        show.controller.engine.replace_state(initial_state(rules, clock()), show.controller.state and _ok())
        show.presenter.close_overlay()
        show.presenter.goto.hide()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # what the event loop would do
        revealed: dict[str, str] = {}
        for _ in range(rng.randint(8, 30)):
            steps += 1
            roll = rng.random()
            where = f"sequence {sequence}, step {steps}"
            if roll < 0.70:
                key, modifier = rng.choice(KEYS)
                target = show.stage if rng.random() < 0.2 else show.presenter
                qtbot.keyClick(target, key, modifier)
                if show.presenter.goto.isVisible():
                    qtbot.keyClick(show.presenter.goto.field, Key.Key_Escape)
            elif roll < 0.85:
                clock.advance(rng.choice([0.05, 0.2, 0.4, 1.0, 3.0, 6.0]))
            elif roll < 0.90:
                good = rng.random() < 0.3
                edit = ("Tilrettelegger for uttesting", "Legger til rette for uttesting") if good else None
                write_variant(folder, edit if good else BAD_EDITS[rng.choice(bad_names)])
                show.reloader.reload_now()
                changed = True
            elif roll < 0.95:
                show.screens.stage_screen_changed(laptop)
            else:
                show.screens.screen_added(projector)
            state = show.controller.state
            assert show.hook.count == 0, where
            assert 0 <= state.stage_cue_index < len(state.show.cues), where
            assert 0 <= state.cue_index < len(state.show.cues), where
            frame = show.controller.stage_frame()
            assert frame.cue is state.show.cues[state.stage_cue_index] or show.controller.state.frozen, where
            for class_id, nominee in revealed.items():
                assert state.revealed.get(class_id) == nominee, where
            revealed.update(state.revealed)
            if steps % 7 == 0:
                show.stage.repaint()
                assert show.hook.count == 0, where
    assert steps > SEQUENCES * 8


def _ok():  # type: ignore[no-untyped-def]
    from ceremony.show.state import ok

    return ok("fresh sequence")
