"""Host cue cards: long notes run on over extra pages instead of being cut off."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtPdf import QPdfDocument

from ceremony.script.loader import load_script
from ceremony.show.cues import build_cues

REPO = Path(__file__).resolve().parents[2]


def test_every_word_of_the_notes_is_on_a_card(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cards = tmp_path / "cards.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "ceremony", "export", str(REPO / "slides.yaml"), "--cards", str(cards)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    document = QPdfDocument()
    document.load(str(cards))
    cues = build_cues(load_script(REPO / "slides.yaml").script)
    assert document.pageCount() > len(cues)  # the nominees' full texts need more than one card
    text = " ".join(" ".join(document.getAllText(i).text().split()) for i in range(document.pageCount()))
    for cue in cues:
        words = (cue.notes or "").split()
        if words:
            assert " ".join(words[-6:]) in text, cue.id  # the end of every note made it onto a card
    assert "(forts.)" in text
