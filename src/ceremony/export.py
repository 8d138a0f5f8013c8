"""``ceremony export``: the show as a PDF, PNGs, host cue cards, or a reveal's frames. No window opens.

Every picture comes from the same Renderer.paint the stage uses. Winner cues are
exported revealed with the script's preset winners (a 'live' class shows its
sealed line-up); --sealed exports every winner-naming cue as the line-up.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ceremony.i18n import translate
from ceremony.script.diagnostics import ScriptError
from ceremony.script.loader import LoadedScript, load_script
from ceremony.show.cues import REVEAL_ANIMATION, Cue

if TYPE_CHECKING:
    from ceremony.render.frame import Frame

T = TypeVar("T")
_SIZE = re.compile(r"^(\d{2,5})x(\d{2,5})$")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    if not any(a.dest == "script" for a in parser._actions):  # the CLI may have added it already
        parser.add_argument(
            "script",
            nargs="?",
            default="slides.yaml",
            help=translate("Export", "the slide script (default: slides.yaml)"),
        )
    parser.add_argument("--pdf", metavar="FILE", help=translate("Export", "every cue as a page of a PDF (vector text)"))
    parser.add_argument(
        "--png", metavar="DIR", help=translate("Export", "every cue as a numbered PNG, e.g. 001-walk-in.png")
    )
    parser.add_argument(
        "--size", default="1920x1080", metavar="WxH", help=translate("Export", "PNG size (default 1920x1080)")
    )
    parser.add_argument(
        "--cards", metavar="FILE", help=translate("Export", "host cue cards as a PDF: thumbnail, title, notes, time")
    )
    parser.add_argument(
        "--frames",
        nargs=2,
        metavar=("REVEAL_CUE", "DIR"),
        help=translate("Export", "a reveal's suspense and reveal animation as PNG frames"),
    )
    parser.add_argument(
        "--fps", type=int, default=30, help=translate("Export", "frames per second for --frames (default 30)")
    )
    parser.add_argument(
        "--winner", metavar="ID", help=translate("Export", "the winner to show in --frames for a 'live' class")
    )
    parser.add_argument(
        "--sealed",
        action="store_true",
        help=translate("Export", "show no winner anywhere: winner cues show the class's line-up"),
    )


def run(args: argparse.Namespace) -> int:
    """Run the export; 0 on success, 2 for bad input (printed as file:line:col messages), 1 if writing fails."""
    if not (args.pdf or args.png or args.cards or args.frames):
        _err(
            translate(
                "Export", "ceremony export: say what to export: --pdf FILE, --png DIR, --cards FILE or --frames CUE DIR"
            )
        )
        return 2
    match = _SIZE.match(args.size or "")
    if not match:
        _err(
            translate("Export", "ceremony export: --size must look like 1920x1080, not '{size}'").format(size=args.size)
        )
        return 2
    if args.fps < 1 or args.fps > 240:
        _err(translate("Export", "ceremony export: --fps must be between 1 and 240"))
        return 2
    try:
        loaded = load_script(args.script, remember=True)
    except ScriptError as exc:
        for d in exc.diagnostics:
            _err(str(d))
        return 2
    from ceremony.render.qtapp import ensure_gui_app

    ensure_gui_app()
    from ceremony.render.renderer import Renderer

    renderer = Renderer(loaded)
    try:
        size = (int(match.group(1)), int(match.group(2)))
        if args.frames:
            code = _frames(
                renderer, loaded, args.frames[0], Path(args.frames[1]), size, args.fps, args.sealed, args.winner
            )
            if code:
                return code
        if args.png:
            _pngs(renderer, loaded, Path(args.png), size, args.sealed)
        if args.pdf:
            _pdf(renderer, loaded, Path(args.pdf), args.sealed)
        if args.cards:
            from ceremony.render.cards import write_cards

            write_cards(renderer, Path(args.cards), lambda c: export_frame(loaded, c, True), _progress)
    except OSError as exc:
        _err(translate("Export", "ceremony export: cannot write: {error}").format(error=exc))
        return 1
    finally:
        renderer.close()
    return 0


# ---------------------------------------------------------------- helpers shared with tests


def export_winners(loaded: LoadedScript, cue: Cue, sealed: bool) -> Mapping[str, str]:
    """The winners an exported cue shows: the preset winner for a cue that names one, unless sealed or live."""
    if sealed or not cue.names_winner or cue.class_id is None:
        return {}
    award_class = loaded.script.award_class(cue.class_id)
    if award_class is None or award_class.winner == "live":
        return {}
    return {cue.class_id: award_class.winner}


def export_frame(loaded: LoadedScript, cue: Cue, sealed: bool, t: float | None = None) -> Frame:
    """The frame an export draws for a cue: at rest, the countdown at its planned start (render.frame), a film
    cue's poster (its ``poster:``, else the film's frame at its start)."""
    from ceremony.render.film import poster_for
    from ceremony.render.frame import planned_frame

    frame = planned_frame(loaded.script, cue, export_winners(loaded, cue, sealed), t)
    return replace(frame, media=poster_for(loaded, cue)) if cue.film else frame


def png_name(cue: Cue) -> str:
    return f"{cue.index + 1:03d}-{re.sub(r'[^a-z0-9-]+', '-', cue.id.lower()).strip('-')}.png"


def _pngs(renderer: object, loaded: LoadedScript, folder: Path, size: tuple[int, int], sealed: bool) -> None:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    from ceremony.render.renderer import Renderer

    assert isinstance(renderer, Renderer)
    folder.mkdir(parents=True, exist_ok=True)
    for cue in _progress(renderer.cues, "PNG"):
        frame = export_frame(loaded, cue, sealed)
        image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
        painter = QPainter(image)
        renderer.paint(painter, QRectF(0, 0, size[0], size[1]), frame)
        painter.end()
        path = folder / png_name(cue)
        if not image.save(str(path)):
            raise OSError(translate("Export", "could not save {path}").format(path=path))


def _pdf(renderer: object, loaded: LoadedScript, path: Path, sealed: bool) -> None:
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

    from ceremony.render.renderer import Renderer

    assert isinstance(renderer, Renderer)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(96)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QSizeF(508.0, 285.75), QPageSize.Unit.Millimeter),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    writer.setTitle(loaded.script.event.title)
    writer.setCreator("ceremony")
    painter = QPainter(writer)
    if not painter.isActive():
        raise OSError(translate("Export", "could not open {path} for writing").format(path=path))
    frames = [export_frame(loaded, cue, sealed) for cue in renderer.cues]
    page = QRectF(0, 0, writer.width(), writer.height())
    renderer.plan_pdf(frames, page)
    for i, shown in enumerate(_progress(frames, "PDF")):
        if i:
            writer.newPage()
        renderer.paint(painter, page, shown)
    painter.end()


def _frames(
    renderer: object,
    loaded: LoadedScript,
    which: str,
    folder: Path,
    size: tuple[int, int],
    fps: int,
    sealed: bool,
    winner: str | None,
) -> int:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    from ceremony.render.renderer import Renderer

    assert isinstance(renderer, Renderer)
    steps = [c for c in renderer.cues if c.kind == "reveal" and which in (c.id, c.slide_id, str(c.index + 1))]
    reveal = [
        c for c in renderer.cues if steps and c.slide_id == steps[0].slide_id and c.step in ("suspense", "reveal")
    ]
    if not reveal:
        names = ", ".join(sorted({c.slide_id for c in renderer.cues if c.kind == "reveal"})) or translate(
            "Export", "none"
        )
        _err(
            translate("Export", "ceremony export: no reveal cue '{cue}'; the reveals are: {names}").format(
                cue=which, names=names
            )
        )
        return 2
    class_id = reveal[0].class_id or ""
    award_class = loaded.script.award_class(class_id)
    chosen = winner or (award_class.winner if award_class else None)
    if award_class is not None and winner is not None and winner not in award_class.nominee_ids:
        nominees = ", ".join(award_class.nominee_ids)
        _err(
            translate("Export", "ceremony export: '{winner}' is not a nominee of {name}: {nominees}").format(
                winner=winner, name=class_id, nominees=nominees
            )
        )
        return 2
    winners = {} if sealed or chosen in (None, "live") else {class_id: str(chosen)}
    folder.mkdir(parents=True, exist_ok=True)
    plan: list[tuple[Cue, float]] = []
    for cue in reveal:
        length = cue.animation or REVEAL_ANIMATION
        plan.extend((cue, k / fps) for k in range(round(length * fps)))
    for n, (cue, t) in enumerate(_progress(plan, translate("Export", "frames"))):
        frame = replace(export_frame(loaded, cue, sealed, t), winners=winners if cue.names_winner else {})
        image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
        painter = QPainter(image)
        renderer.paint(painter, QRectF(0, 0, size[0], size[1]), frame)
        painter.end()
        if not image.save(str(folder / f"{n + 1:05d}.png")):
            raise OSError(translate("Export", "could not save frames into {folder}").format(folder=folder))
    return 0


def _progress(items: Iterable[T], label: str) -> Iterator[T]:
    """Yield items while drawing a simple progress bar on stderr."""
    seq = list(items)
    total = len(seq)
    for i, item in enumerate(seq, 1):
        yield item
        filled = round(30 * i / max(1, total))
        sys.stderr.write(f"\r{label:>6} [{'#' * filled}{'.' * (30 - filled)}] {i}/{total}")
        sys.stderr.flush()
    sys.stderr.write("\n")


def _err(message: str) -> None:
    print(message, file=sys.stderr)
