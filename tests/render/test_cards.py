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


def test_the_walk_in_card_shows_the_planned_countdown_not_the_time_of_export(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The cards, PNGs and PDF all show the walk-in at its planned length, whenever they are exported."""
    from ceremony.export import _progress, export_frame
    from ceremony.render import Renderer
    from ceremony.render.cards import write_cards
    from ceremony.render.frame import planned_now
    from ceremony.render.geometry import countdown_text
    from ceremony.script.model import CountdownSlide

    loaded = load_script(REPO / "slides.yaml")
    renderer = Renderer(loaded, prefetch_size=None)
    try:
        walk_in = renderer.cues[0]
        slide = loaded.script.slides[walk_in.slide_index]
        assert isinstance(slide, CountdownSlide) and slide.duration
        planned = countdown_text(slide.until, planned_now(loaded.script, walk_in))  # type: ignore[arg-type]
        assert planned == "10:00"
        write_cards(renderer, tmp_path / "cards.pdf", lambda c: export_frame(loaded, c, True), _progress)
    finally:
        renderer.close()
    document = QPdfDocument()
    document.load(str(tmp_path / "cards.pdf"))
    assert planned in document.getAllText(0).text().splitlines(), "the thumbnail's clock"
