"""The show's own words on stage: an English show says no Norwegian word, labels replace ceremony's words.

"On stage" is taken literally: every text the renderer draws (each call of draw_text, the clock's digits
included) while it paints every cue of a show, at rest and through its animation, in a rehearsal too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from ceremony.render import Frame, Renderer
from ceremony.render import clock as clock_module
from ceremony.render import draw as draw_module
from ceremony.render.text import TextItem
from ceremony.script.loader import load_script
from ceremony.script.wording import LABELS, MONTHS, Wording
from ceremony.show.cues import build_cues
from ceremony.starter import create_show

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
WORD = re.compile(r"[A-Za-zÆØÅæøåÉé]+")


def _words(texts: list[str]) -> set[str]:
    return {w.lower() for text in texts for w in WORD.findall(text)}


# Norwegian: every word of ceremony's Norwegian defaults and months that is not also one of its English ones
# (placeholder names like 'class' and 'kicker' are not words on stage either), and not an English word in its
# own right ('Takk for oss': 'for').
PLACEHOLDERS = {name for label in LABELS for name in label.placeholders} | {"short"}
ALSO_ENGLISH = {"for"}
NORWEGIAN = (
    _words([label.nb for label in LABELS] + list(MONTHS["nb"]))
    - _words([label.en for label in LABELS] + list(MONTHS["en"]))
    - PLACEHOLDERS
    - ALSO_ENGLISH
)


def test_the_norwegian_word_list_is_the_one_the_defaults_use() -> None:
    assert {"nominert", "nominerte", "vinneren", "klassen", "vinner", "prøve", "takk", "februar"} <= NORWEGIAN
    assert not NORWEGIAN & {"line", "up", "april", "august", "september", "the", "for"}


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text the renderer draws from now on."""
    texts: list[str] = []

    def recorder(real):  # type: ignore[no-untyped-def]
        def draw_text(painter: QPainter, item: TextItem, opacity: float = 1.0) -> None:
            texts.append(item.text)
            real(painter, item, opacity)

        return draw_text

    for module in (draw_module, clock_module):
        monkeypatch.setattr(module, "draw_text", recorder(module.draw_text))
    return texts


def _paint_every_cue(renderer: Renderer, winners: dict[str, str]) -> None:
    image = QImage(480, 270, QImage.Format.Format_RGB32)
    for cue in renderer.cues:
        times = [0.0, 0.5, 1.0, 2.0, 3.0, 10.0] if cue.animation else [0.0]
        for t in times:
            for rehearsal in (False, True):
                painter = QPainter(image)
                frame = Frame(cue=cue, t=t, winners=winners, rehearsal=rehearsal, now=dt.datetime(2025, 2, 13, 18, 55))
                renderer.paint(painter, QRectF(0, 0, 480, 270), frame)
                painter.end()


@pytest.fixture
def english_show(tmp_path: Path) -> Iterator[Renderer]:
    create_show(tmp_path / "show", "en", 2025)
    renderer = Renderer(load_script(tmp_path / "show" / "slides.yaml"))
    renderer.store.wait()
    yield renderer
    renderer.close()


def test_an_english_show_puts_no_norwegian_word_on_stage(
    qapp: object, english_show: Renderer, drawn: list[str]
) -> None:
    _paint_every_cue(english_show, {"class-a": "nominee-a2", "class-b": "nominee-b2"})
    said = _words(drawn)
    assert not said & NORWEGIAN, f"Norwegian on an English stage: {sorted(said & NORWEGIAN)}"
    # ... and the English words are there, so the list above was checked against real stage text
    assert {"nominee", "nominees", "winner", "category", "starting", "thank", "rehearsal"} <= said
    assert "NOMINEE · A" in drawn and "THE WINNER · NAME OF THE AWARD 2025" in drawn
    assert "10:00" not in drawn and {"0", ":", "5"} <= set(drawn)  # the walk-in's digits, one cell each


def test_the_english_stress_show_puts_no_norwegian_word_on_stage(qapp: object, drawn: list[str]) -> None:
    renderer = Renderer(load_script(GOLDEN / "stress.yaml"))
    try:
        renderer.store.wait()
        _paint_every_cue(renderer, {"under-15000": "kvitsoy"})
    finally:
        renderer.close()
    said = _words(drawn)
    assert not said & NORWEGIAN, f"Norwegian on an English stage: {sorted(said & NORWEGIAN)}"
    assert {"HOST MUNICIPALITY OF THE YEAR 2024", "THE NOMINEES", "REHEARSAL"} <= set(drawn)


def test_the_norwegian_show_says_its_words_as_before(qapp: object, renderer: Renderer, drawn: list[str]) -> None:
    """slides.yaml (nb, no labels): the words the stage said before they were labels (its exports are also
    byte-identical to before, and its golden images unchanged)."""
    _paint_every_cue(renderer, {c.id: c.winner for c in renderer.script.classes})
    for text in (
        "NOMINERT · UNDER 15\u00a0000 INNBYGGERE",
        "DE NOMINERTE",
        "VINNEREN · ÅRETS VERTSKAPSKOMMUNE 2024",
        "ÅRETS VERTSKAPSKOMMUNE 2024",
        "Vinner under 15\u00a0000 innbyggere · Rogaland",
        "Kommunalpolitisk toppmøte · 13. februar 2024",
        "PRØVE",
    ):
        assert text in drawn, text


def test_labels_replace_ceremony_s_words_on_stage_and_in_the_cue_list(qapp: object, tmp_path: Path) -> None:
    create_show(tmp_path / "show", "en", 2025)
    path = tmp_path / "show" / "slides.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "# labels:\n#   lineup_kicker: The finalists\n",
        'labels:\n  lineup_kicker: The finalists\n  nominee_kicker: "Shortlisted, {class}"\n'
        '  kicker: "{title} · {year}"\n  step_suspense: drumroll\n  closing: Good night\n'
        '  date: "{month} {day}, {year}"\n',
    )
    path.write_text(text.replace("  # date: 2025-02-13", "  date: 2025-02-13"), encoding="utf-8")
    loaded = load_script(path)
    renderer = Renderer(loaded)
    try:
        texts = {cue.id: [t.text for t in renderer.layout_for(cue).texts] for cue in renderer.cues}
    finally:
        renderer.close()
    assert "THE FINALISTS" in texts["lineup-class-a/1"]
    assert "SHORTLISTED, A" in texts["nominee-nominee-a1"]
    assert "NAME OF THE AWARD · 2025" in texts["intro-class-a"]
    assert "Good night" in texts["closing"]
    assert "Name of the Conference · February 13, 2025" in texts["walk-in"]
    labels = {cue.id: cue.label for cue in build_cues(loaded.script)}
    assert labels["reveal-class-a/suspense"] == "The winner, A · drumroll"
    assert labels["closing"] == "Good night"


def test_a_walk_in_without_a_caption_says_the_label_and_an_empty_caption_says_nothing(
    qapp: object, tmp_path: Path
) -> None:
    create_show(tmp_path / "show", "nb", 2025)
    path = tmp_path / "show" / "slides.yaml"
    text = path.read_text(encoding="utf-8")
    renderer = Renderer(load_script(path))
    try:
        walk_in = [t.text for t in renderer.layout_for(renderer.cues[0]).texts]
    finally:
        renderer.close()
    assert walk_in[0] == "Vi starter om"
    path.write_text(text.replace('    until: "19:00"', '    until: "19:00"\n    caption: ""'), encoding="utf-8")
    renderer = Renderer(load_script(path))
    try:
        assert "Vi starter om" not in [t.text for t in renderer.layout_for(renderer.cues[0]).texts]
    finally:
        renderer.close()


def test_wording_fills_in_its_placeholders_and_leaves_an_unknown_one_as_written() -> None:
    words = Wording("en", {"nominee_kicker": "{class} — {nope}"})
    assert words.text("nominee_kicker", {"class": "A"}) == "A — {nope}"
    assert words.date(dt.date(2025, 3, 1)) == "1 March 2025"
    assert Wording().date(dt.date(2025, 3, 1)) == "1. mars 2025"
    assert Wording("nb", {"quote": "„{text}“"}).text("quote", {"text": "Hei"}) == "„Hei“"
    assert dataclasses.is_dataclass(load_script(GOLDEN / "stress.yaml").script.labels)
