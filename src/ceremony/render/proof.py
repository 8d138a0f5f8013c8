"""Every image proven before the doors open: drawn where and as large as the stage draws it, and looked at.

A file can be a sound SVG or PNG and still put nothing on stage: a drawing with no visible shape, a crest
whose only shape lies far outside a huge declared canvas, a logo exported as one flat rectangle. The
loader cannot see that (it needs Qt to draw); this module can. It takes the renderer's own layouts and
image sizing (``draw.drawn_size``), so each image is decoded from the bytes the show will draw at the
pixel size of its place on a stage of the script's resolution, and fails it when

- nothing of it is visible (every pixel transparent, or as good as), or
- a crest or logo is one flat colour from edge to edge (a backdrop, not an emblem).

Planning (layouts: fonts, text) runs on the thread that owns the renderer; proving (decoding and looking)
is plain QImage work and may run in a worker thread. Proofs are kept by the picture's bytes and size, so
a reload proves only the images that changed, and a huge declared canvas costs what its place on stage
costs: never its declared size.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage

from ceremony.render.draw import drawn_size
from ceremony.render.geometry import CANVAS_H, CANVAS_W, letterbox
from ceremony.render.images import ViewBox, decode
from ceremony.render.items import ImageItem
from ceremony.render.renderer import Renderer
from ceremony.script.assets import VettedImage, resolve, script_assets
from ceremony.script.diagnostics import Diagnostic
from ceremony.script.loader import LoadedScript
from ceremony.script.positions import Path as DataPath

STAGE = QSize(1920, 1080)
"""The stage size proofs draw at when the script sets no ``settings.stage_resolution``."""
VISIBLE_ALPHA = 8
"""A pixel at most this opaque (of 255, about 3 %) shows nothing on stage."""
FLAT_SPREAD = 4
"""An image whose every channel varies by at most this much (of 255) is one flat colour."""
_EMBLEMS = frozenset({"crest", "logo"})


@dataclass(frozen=True, slots=True)
class Placement:
    """One image as the stage draws it: which file, which part, the pixel size, and where the show uses it."""

    path: Path
    view_box: ViewBox
    kind: str
    """What the stage expects there: 'crest', 'logo', 'image' or 'background'."""
    width: int
    height: int
    slide: str
    """The id of the first slide that shows the image at this size."""
    reference: DataPath
    """Where the script names the file (the diagnostic's position)."""
    asset: str
    """The file as the script names it."""


def stage_size(loaded: LoadedScript) -> QSize:
    """The stage's pixel size the script expects (``settings.stage_resolution``), else 1920×1080."""
    text = loaded.script.settings.stage_resolution or ""
    w, _, h = text.partition("x")
    return QSize(int(w), int(h)) if w.isdigit() and h.isdigit() and int(w) and int(h) else STAGE


def plan(
    loaded: LoadedScript, renderer: Renderer, size: QSize | None = None, only: Collection[str] | None = None
) -> list[Placement]:
    """Every image of every cue at the size the stage draws it (one per file, part and size), from the
    renderer's own layouts. ``only``: just these files (resolved paths), as a reload checks what changed."""
    size = size or stage_size(loaded)
    canvas, scale = letterbox(QRectF(0, 0, size.width(), size.height()))
    scale = round(canvas.width()) / CANVAS_W if scale > 0 else 1.0
    named: dict[str, tuple[DataPath, str]] = {}
    for data_path, asset in script_assets(loaded.script):
        named.setdefault(str(resolve(loaded.base_dir, asset)), (data_path, asset))
    found: dict[tuple[str, ViewBox, int, int], Placement] = {}
    for slide, item, cover in _drawn_images(loaded, renderer):
        if item.path is None:
            continue
        key_path = str(item.path)
        if key_path not in named or (only is not None and key_path not in only):
            continue
        natural = renderer.store.natural(item.path, item.view_box)
        if natural is None:
            continue  # the stage draws a placeholder: preflight's decode check says why
        w, h = drawn_size(item, natural, scale, cover)
        key = (key_path, item.view_box, w, h)
        if key not in found:
            reference, asset = named[key_path]
            kind = "background" if cover else item.placeholder
            found[key] = Placement(item.path, item.view_box, kind, w, h, slide, reference, asset)
    return list(found.values())


def _drawn_images(loaded: LoadedScript, renderer: Renderer) -> Iterator[tuple[str, ImageItem, bool]]:
    """(slide id, image item, covers the canvas) for the background and every image of every cue; a cue that
    names a winner with each nominee in turn, whoever the script says wins (never a spoiler)."""
    background = renderer.background
    for cue in renderer.cues:
        winners: list[str | None] = [None]
        award_class = loaded.script.award_class(cue.class_id) if cue.names_winner and cue.class_id else None
        if award_class is not None:  # every nominee as the winner: a check must not tell who wins
            winners += award_class.nominee_ids
        for winner in winners:
            layout = renderer.layout_for(cue, winner)
            if background is not None and layout.backdrop == "stage":
                yield cue.slide_id, ImageItem("background", background, (0.0, 0.0, CANVAS_W, CANVAS_H)), True
            for item in layout.images:
                yield cue.slide_id, item, False


def prove(
    loaded: LoadedScript, placements: Collection[Placement], images: Mapping[str, VettedImage] | None = None
) -> list[Diagnostic]:
    """Draw each placement from the loaded script's checked bytes (or these, by path) and say which show
    nothing; any thread."""
    found: dict[tuple[str, str], Diagnostic] = {}
    pictures = images if images is not None else loaded.images
    for placement in placements:
        image = pictures.get(str(placement.path))
        if image is None:
            continue  # refused by the loader, or not an image the script names
        key = (image.digest, placement.view_box, placement.width, placement.height, placement.kind in _EMBLEMS)
        with _lock:
            problem = _proofs.get(key, _UNSEEN)
        if problem is _UNSEEN:
            problem = look(decode(image, placement.width, placement.height, placement.view_box), placement.kind)
            with _lock:
                if len(_proofs) > 1024:
                    _proofs.clear()
                _proofs[key] = problem
        if isinstance(problem, str) and (str(placement.path), problem) not in found:
            line, col = loaded.position_of(placement.reference)
            message = _message(problem, placement)
            found[(str(placement.path), problem)] = Diagnostic(str(loaded.path), line, col, "error", message)
    return sorted(found.values())


def image_diagnostics(
    loaded: LoadedScript,
    renderer: Renderer | None = None,
    size: QSize | None = None,
    only: Collection[str] | None = None,
) -> list[Diagnostic]:
    """plan and prove in one (``check --preflight``, a reload): with a renderer of its own when none is given."""
    own = renderer is None
    drawing = renderer if renderer is not None else Renderer(loaded, prefetch_size=None)
    try:
        return prove(loaded, plan(loaded, drawing, size, only))
    finally:
        if own:
            drawing.close()


# ---------------------------------------------------------------- looking at the picture

_UNSEEN = object()
_lock = threading.Lock()
_proofs: dict[tuple[object, ...], object] = {}
"""What each picture at each size showed: None (fine) or the problem's kind ('decode', 'nothing', '#rrggbb')."""


def look(image: QImage | None, kind: str) -> str | None:
    """None when the image shows something; else 'decode', 'nothing' or the flat colour as '#rrggbb' (for a
    crest or logo: what the stage expects there is ``kind``)."""
    if image is None:
        return "decode"
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    data = bytes(argb.constBits())[: argb.width() * argb.height() * 4]  # B, G, R, A (little-endian)
    if not data or max(data[3::4]) <= VISIBLE_ALPHA:
        return "nothing"
    if kind not in _EMBLEMS:
        return None
    spreads = [max(data[i::4]) - min(data[i::4]) for i in range(4)]
    if max(spreads) <= FLAT_SPREAD:
        return f"#{data[2]:02x}{data[1]:02x}{data[0]:02x}"
    return None


def _message(problem: str, p: Placement) -> str:
    where = f"slide '{p.slide}'"
    if problem == "decode":
        return f"'{p.asset}' does not decode at {p.width}×{p.height} on {where}; the stage shows a placeholder"
    if problem == "nothing":
        return f"'{p.asset}' draws nothing visible on {where}: it is transparent at {p.width}×{p.height} pixels"
    return f"'{p.asset}' is one flat colour ({problem}) on {where}, where a {p.kind} is expected"
