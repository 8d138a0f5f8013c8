"""Export of a show with a film: the film cue's picture is its poster, and its cue card says how long it runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from ceremony.media import testcard

SHOW = """event: {title: Prøve, year: 2026}
slides:
  - kind: title
  - kind: video
    id: film
    video: film.mp4
    start: 1
"""


@pytest.fixture
def show(tmp_path: Path, clip: Path) -> Path:
    (tmp_path / "film.mp4").write_bytes(clip.read_bytes())
    script = tmp_path / "show.yaml"
    script.write_text(SHOW, encoding="utf-8")
    return script


def export(*args: str) -> None:
    result = subprocess.run([sys.executable, "-m", "ceremony", "export", *args], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_film_cue_exports_as_its_frame_at_start(show: Path, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    export(str(show), "--png", str(tmp_path / "png"), "--size", "640x360")
    image = QImage(str(tmp_path / "png" / "002-film.png")).convertToFormat(QImage.Format.Format_RGB888)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    assert testcard.read_barcode(pixels[:, : 640 * 3].reshape(360, 640, 3)) == 30  # the frame at start: 1 s


def test_a_film_cues_card_says_how_long_the_film_runs(show: Path, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPdf import QPdfDocument

    export(str(show), "--cards", str(tmp_path / "cards.pdf"))
    document = QPdfDocument()
    document.load(str(tmp_path / "cards.pdf"))
    text = document.getAllText(1).text().replace("\r\n", "\n").replace("\r", ":")  # the PDF text maps ':' oddly
    assert text.split("\n")[0] == "Cue 2 / 2 Film 0:02"  # 3 s of film from 1 s on
    assert "Film" not in document.getAllText(0).text()
