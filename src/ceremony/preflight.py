"""Pre-show checks as data: each a green, amber or red CheckItem, for the presenter's panel and the CLI.

Two callers share the same checks. ``ceremony check --preflight`` runs what needs
no screen (assets decode, the font covers the script's text, the resolution
setting, a leftover saved show) and gets positioned Diagnostics back.
The presenter's checklist adds what only the running show knows: the stage's
screen, the screen-saver inhibition and the clicker test.

Importing this module loads no Qt: the checks that decode images or read fonts
import it when they run, so ``ceremony check`` without --preflight stays Qt-free.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, TextIO

from ceremony.i18n import QT_TRANSLATE_NOOP, Text
from ceremony.script.assets import AssetProblem, VettedImage, resolve, script_assets, script_media, vet_image
from ceremony.script.diagnostics import Diagnostic, Severity
from ceremony.script.loader import LoadedScript
from ceremony.script.model import Script, as_data
from ceremony.script.positions import Path as DataPath
from ceremony.show import persist

if TYPE_CHECKING:
    from ceremony.render.proof import Placement
    from ceremony.render.renderer import Renderer

Status = Literal["green", "amber", "red"]

#: The keys the clicker must have sent before the show: forward, back and blank.
CLICKER_KEYS = ("next", "previous", "blackout")

#: Images with more pixels than this are not decoded by the check (they would take seconds and gigabytes).
MAX_PIXELS = 50_000_000

#: Keys whose text never reaches the stage: ids, references, file names, timings and switches.
_NOT_TEXT = frozenset(
    {
        "$schema", "version", "theme", "settings", "id", "kind", "class", "nominee", "winner", "confirm",
        "crest", "logo", "background", "image", "transition", "duration", "suspense", "until", "build",
        "sound", "date", "year", "audio", "video", "poster", "file", "sounds", "then", "volume", "loop",
        "start", "end", "fade_in", "fade_out", "continue", "audio_device",
    }
)  # fmt: skip
_NOTES = "notes"
_SHOWN_CHARS = 8


@dataclass(frozen=True, slots=True)
class CheckItem:
    """One line of the checklist: what was checked, how it went, and what to do about it.

    ``title`` and ``detail`` are English (the CLI's log, tests); ``said`` holds them as translatable Texts for
    the presenter and ``check --preflight`` in the operator's language.
    """

    id: str
    title: str
    status: Status
    detail: str
    said: tuple[Text, Text] | None = None

    def translated(self) -> tuple[str, str]:
        """(title, detail) in the operator's language."""
        if self.said is None:
            return self.title, self.detail
        return self.said[0].translated(), self.said[1].translated()


def check_item(item_id: str, title: str, status: Status, detail: str, **values: object) -> CheckItem:
    """A CheckItem from its title and detail templates (marked QT_TRANSLATE_NOOP("Preflight", …))."""
    said = (Text(title, context="Preflight"), Text(detail, tuple(values.items()), "Preflight"))
    return CheckItem(item_id, str(said[0]), status, str(said[1]), said)


SCRIPT = QT_TRANSLATE_NOOP("Preflight", "Script")
IMAGES = QT_TRANSLATE_NOOP("Preflight", "Images")
FONT = QT_TRANSLATE_NOOP("Preflight", "Font")
RESOLUTION = QT_TRANSLATE_NOOP("Preflight", "Resolution")
SAVED = QT_TRANSLATE_NOOP("Preflight", "Saved show")
CLICKER = QT_TRANSLATE_NOOP("Preflight", "Clicker")
STAGE = QT_TRANSLATE_NOOP("Preflight", "Stage screen")
SCREEN_SAVER = QT_TRANSLATE_NOOP("Preflight", "Screen saver")
MEDIA = QT_TRANSLATE_NOOP("Preflight", "Films and sounds")
SOUND = QT_TRANSLATE_NOOP("Preflight", "Sound")


@dataclass(frozen=True, slots=True)
class StageInfo:
    """The stage window as the checklist needs it (the presenter fills it from the stage window)."""

    name: str
    width: int
    height: int
    """Physical pixels of the stage's screen (geometry × device pixel ratio)."""
    fullscreen: bool
    lost: bool = False
    """The stage's screen went away and the stage fell back to a window (or hid)."""


class ControllerLike(Protocol):
    """What the checklist reads from the show controller."""

    @property
    def loaded(self) -> LoadedScript: ...

    @property
    def keys_seen(self) -> AbstractSet[str]: ...


# ---------------------------------------------------------------- what the script uses


def script_texts(script: Script) -> Iterator[tuple[DataPath, str, bool]]:
    """Every text of the script as (data path, text, is host notes).

    Walks the data by exclusion rather than listing text fields, so a text field
    added to the model later is checked without anyone remembering to add it here.
    """
    data = as_data(script)

    def walk(node: Any, path: DataPath, notes: bool) -> Iterator[tuple[DataPath, str, bool]]:
        if isinstance(node, str):
            yield path, node, notes
        elif isinstance(node, list):
            for i, item in enumerate(node):
                yield from walk(item, (*path, i), notes)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key not in _NOT_TEXT:
                    yield from walk(value, (*path, key), notes or key == _NOTES)

    yield from walk(data, (), False)


# ---------------------------------------------------------------- Qt-backed checks


def _qt() -> None:
    """Start an offscreen-capable QGuiApplication if none runs (fonts and images need one)."""
    from ceremony.render.qtapp import ensure_gui_app

    ensure_gui_app()


def decode_problem(image: VettedImage | None, path: Path) -> tuple[Severity, str] | None:
    """Why the stage could not draw this image as a whole, or None when it decodes.

    Uses the same Qt readers as the renderer, on the bytes the show draws, at a small scaled size so the
    check is quick even for photos. Whether it shows anything where it is drawn is ``render.proof``'s.
    """
    _qt()
    from PySide6.QtCore import QSize

    from ceremony.render.images import image_reader, svg_renderer

    if image is None:
        return "error", f"'{path.name}' cannot be read; the stage shows a placeholder"
    if image.format == "svg":
        renderer = svg_renderer(image)
        if not renderer.isValid():
            return "error", f"'{path.name}' does not decode as SVG; the stage shows a placeholder"
        if renderer.defaultSize().isEmpty():
            return "warning", f"'{path.name}' has no size (width/height or viewBox); it may draw wrongly"
        return None
    reader, _buffer = image_reader(image)
    size = reader.size()
    if not reader.canRead() or not size.isValid():
        return "error", f"'{path.name}' does not decode ({reader.errorString()}); the stage shows a placeholder"
    pixels = size.width() * size.height()
    if pixels > MAX_PIXELS:
        return "warning", (
            f"'{path.name}' is {size.width()}×{size.height()} pixels; it takes seconds and much memory "
            "to decode — scale it down to at most 3840 pixels wide"
        )
    scale = min(1.0, 256 / max(size.width(), size.height()))
    reader.setScaledSize(QSize(max(1, round(size.width() * scale)), max(1, round(size.height() * scale))))
    if reader.read().isNull():
        return "error", f"'{path.name}' does not decode ({reader.errorString()}); the stage shows a placeholder"
    return None


_decoded: dict[str, tuple[Severity, str] | None] = {}
_assets: dict[tuple[object, ...], tuple[int, list[Diagnostic]]] = {}
_on_disk: dict[str, tuple[tuple[int, int], VettedImage | None, list[AssetProblem]]] = {}
CHANGED = "changed on disk since the show loaded it; the stage keeps the picture it loaded"


def decode_problem_cached(image: VettedImage | None, path: Path) -> tuple[Severity, str] | None:
    """decode_problem, remembered per picture (its bytes' digest) so the live checklist stays cheap."""
    if image is None:
        return decode_problem(None, path)
    if image.digest not in _decoded:
        _decoded[image.digest] = decode_problem(image, path)
    return _decoded[image.digest]


def on_disk(base_dir: Path, asset: str) -> tuple[tuple[int, int], VettedImage | None, list[AssetProblem]]:
    """The file as it is on disk now, checked as the loader checks it; read again only when its size or
    modification time change."""
    path = resolve(base_dir, asset)
    try:
        stat = path.stat()
        version = (stat.st_size, stat.st_mtime_ns)
    except OSError:
        version = (-1, -1)
    known = _on_disk.get(str(path))
    if known is None or known[0] != version:
        image, problems = vet_image(base_dir, asset)
        _on_disk[str(path)] = known = (version, image, problems)
    return known


def asset_diagnostics(
    loaded: LoadedScript, renderer: Renderer | None = None, placements: Sequence[Placement] | None = None
) -> tuple[int, list[Diagnostic]]:
    """How many images the script uses, and the problems of those that would not draw: each decoded, then
    drawn where and as large as the stage draws it (``render.proof``) and failed when it shows nothing.
    An image changed on disk since the script was loaded is checked too: the next start would read it.

    Remembered per script, pictures and file versions. ``placements`` (``proof.plan``) lets the caller
    plan on the thread that owns the renderer and prove here, in a worker; without them the layouts come
    from ``renderer`` (or one made for the purpose).
    """
    assets = script_assets(loaded.script)
    files = {str(resolve(loaded.base_dir, asset)): (data_path, asset) for data_path, asset in reversed(assets)}
    disk = {file: on_disk(loaded.base_dir, asset) for file, (_, asset) in files.items()}
    versions = tuple(sorted((f, v[0]) for f, v in disk.items()))
    key = (str(loaded.path), loaded.digest, versions, frozenset((p, i.digest) for p, i in loaded.images.items()))
    if key not in _assets:
        _qt()
        from ceremony.render import proof
        from ceremony.render.renderer import Renderer

        if placements is None:
            drawing = renderer if renderer is not None else Renderer(loaded, prefetch_size=None)
            placements = proof.plan(loaded, drawing)
            if renderer is None:
                drawing.close()
        found = _decode_diagnostics(loaded, files, loaded.images)
        broken = {f for f in files if decode_problem_cached(loaded.images.get(f), Path(f)) is not None}
        found += proof.prove(loaded, [p for p in placements if str(p.path) not in broken])
        found += _changed_diagnostics(loaded, files, disk, placements)
        _assets[key] = len(assets), sorted(set(found))
    return _assets[key]


def changed_image_problems(old: LoadedScript, new: LoadedScript, renderer: Renderer) -> list[Diagnostic]:
    """The errors of the images ``new`` draws that ``old`` did not (new files, or new bytes): each decoded and
    drawn where the stage draws it. A reload is refused on any of them; ``renderer`` is new's."""
    changed = {p for p, i in new.images.items() if p not in old.images or old.images[p].digest != i.digest}
    if not changed:
        return []
    _qt()
    from ceremony.render import proof

    files = {str(resolve(new.base_dir, a)): (d, a) for d, a in reversed(script_assets(new.script))}
    found = _decode_diagnostics(new, {f: files[f] for f in changed if f in files}, new.images)
    broken = {f for f in changed if decode_problem_cached(new.images.get(f), Path(f)) is not None}
    found += proof.prove(new, proof.plan(new, renderer, only=changed - broken))
    return [d for d in found if d.severity == "error"]


def _decode_diagnostics(
    loaded: LoadedScript, files: dict[str, tuple[DataPath, str]], images: Mapping[str, VettedImage], note: str = ""
) -> list[Diagnostic]:
    """decode_problem of each file, placed at the script's reference to it."""
    found: list[Diagnostic] = []
    for file, (data_path, _asset) in files.items():
        problem = decode_problem_cached(images.get(file), Path(file))
        if problem is not None:
            line, col = loaded.position_of(data_path)
            found.append(Diagnostic(str(loaded.path), line, col, problem[0], problem[1] + note))
    return found


def _changed_diagnostics(
    loaded: LoadedScript,
    files: dict[str, tuple[DataPath, str]],
    disk: dict[str, tuple[tuple[int, int], VettedImage | None, list[AssetProblem]]],
    placements: Sequence[Placement],
) -> list[Diagnostic]:
    """The problems of the files that differ on disk from the pictures the show loaded."""
    from ceremony.render import proof
    from ceremony.script.semantics import asset_use

    note = f" — {CHANGED}"
    found: list[Diagnostic] = []
    for file, (_version, image, problems) in disk.items():
        loaded_image = loaded.images.get(file)
        if image is not None and loaded_image is not None and image.digest == loaded_image.digest:
            continue
        data_path = files[file][0]
        line, col = loaded.position_of(data_path)
        for problem in problems:
            if problem.line:
                used = f"{asset_use(loaded.script, data_path, loaded.slide_ids)}, {loaded.path}:{line}:{col}"
                message = f"{problem.message} ({used}){note}"
                found.append(Diagnostic(file, problem.line, problem.col, "error", message))
            else:
                found.append(Diagnostic(str(loaded.path), line, col, "error", problem.message + note))
        if image is None:
            continue
        decoded = _decode_diagnostics(loaded, {file: files[file]}, {file: image}, note)
        found += decoded
        if not decoded:
            mine = [p for p in placements if str(p.path) == file]
            found += [replace(d, message=d.message + note) for d in proof.prove(loaded, mine, {file: image})]
    return found


def _font_checker(loaded: LoadedScript) -> tuple[str, list[Any], list[Diagnostic]]:
    """The font the stage will use (the renderer's own choice, ``stage_family``), its faces, and a note if
    the theme asks for a font this machine does not have."""
    _qt()
    from PySide6.QtGui import QFont, QRawFont

    from ceremony.render.fonts import find_fonts, stage_family

    notes: list[Diagnostic] = []
    wanted = loaded.script.theme.font
    family = stage_family(loaded.base_dir, wanted)
    if wanted and family == wanted:
        return family, [QRawFont.fromFont(QFont(wanted))], notes
    if wanted:
        line, col = loaded.position_of(("theme", "font"))
        message = f"font '{wanted}' is not installed on this machine; here the stage would use {family}"
        notes.append(Diagnostic(str(loaded.path), line, col, "warning", message))
    faces = [QRawFont(str(p), 40.0) for p in find_fonts(loaded.base_dir)]
    return family, [f for f in faces if f.isValid()], notes


def _describe_chars(chars: Sequence[str]) -> str:
    shown = [f"'{ch}' (U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed')})" for ch in chars[:_SHOWN_CHARS]]
    more = len(chars) - _SHOWN_CHARS
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def font_diagnostics(loaded: LoadedScript) -> tuple[str, list[Diagnostic]]:
    """Characters of the script's texts the stage font has no glyph for, one warning per text.

    A missing glyph is drawn by whatever fallback font the machine has, or as an
    empty box: a warning, because it may look fine on one machine and not on another.
    """
    family, faces, found = _font_checker(loaded)
    if not faces:
        return family, [*found, Diagnostic(str(loaded.path), 1, 1, "warning", f"no usable {family} font files")]
    covered: dict[str, bool] = {}
    for data_path, text, is_notes in script_texts(loaded.script):
        missing: list[str] = []
        for ch in dict.fromkeys(text):
            if ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf"):
                continue
            if ch not in covered:
                covered[ch] = all(face.supportsCharacter(ord(ch)) for face in faces)
            if not covered[ch]:
                missing.append(ch)
        if missing:
            line, col = loaded.position_of(data_path)
            where = _where(data_path)
            shown = "the host's notes (presenter only)" if is_notes else "stage text"
            message = f"{family} has no glyph for {_describe_chars(missing)} in {shown} '{where}'"
            found.append(Diagnostic(str(loaded.path), line, col, "warning", message))
    return family, found


def _where(path: DataPath) -> str:
    return ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in path).replace(".[", "[")


# ---------------------------------------------------------------- Qt-free checks


def parse_resolution(text: str | None) -> tuple[int, int] | None:
    """(width, height) from '1920x1080', or None."""
    if not text or "x" not in text:
        return None
    w, _, h = text.partition("x")
    return (int(w), int(h)) if w.isdigit() and h.isdigit() else None


def resolution_diagnostics(loaded: LoadedScript) -> list[Diagnostic]:
    """A stage_resolution that is not 16:9 letterboxes the stage (the canvas is 16:9)."""
    size = parse_resolution(loaded.script.settings.stage_resolution)
    if size is None:
        return []
    w, h = size
    if h == 0 or abs(w / h - 16 / 9) < 0.01:
        return []
    line, col = loaded.position_of(("settings", "stage_resolution"))
    message = f"stage_resolution {w}x{h} is not 16:9; the stage will show black bars around the 16:9 canvas"
    return [Diagnostic(str(loaded.path), line, col, "warning", message)]


def resume_item(loaded: LoadedScript) -> tuple[CheckItem, list[Diagnostic]]:
    """Whether a saved show exists for this script: the app would offer to resume it."""
    path = persist.state_file(loaded.path)
    saved, reason = persist.load(loaded.path)
    if saved is not None:
        message = (
            f"a saved show exists for this script (cue '{saved.cue_id}', saved {saved.saved_at}, "
            f"{len(saved.revealed)} winner(s) revealed) in {path}; the show will offer to resume it — "
            "start with --fresh for a clean show"
        )
        detail = QT_TRANSLATE_NOOP("Preflight", "resume from cue '{cue}' ({saved})")
        item = check_item("resume", SAVED, "amber", detail, cue=saved.cue_id, saved=saved.saved_at)
        return item, [Diagnostic(str(loaded.path), 1, 1, "warning", message)]
    if path.exists():
        item = check_item(
            "resume", SAVED, "amber", QT_TRANSLATE_NOOP("Preflight", "unusable saved show: {reason}"), reason=reason
        )
        return item, [Diagnostic(str(loaded.path), 1, 1, "warning", f"saved show ignored: {reason}")]
    return check_item(
        "resume", SAVED, "green", QT_TRANSLATE_NOOP("Preflight", "none yet; the show will save to {path}"), path=path
    ), []


def media_item(loaded: LoadedScript) -> tuple[CheckItem | None, list[Diagnostic]]:
    """Every film and sound of the script opens and decodes at its start and end (None: the script has none)."""
    if not script_media(loaded.script):
        return None, []
    try:
        from ceremony.media.checks import media_diagnostics
    except ImportError as exc:  # PyAV missing: say so, never stop
        return check_item(
            "media", MEDIA, "amber", QT_TRANSLATE_NOOP("Preflight", "not checked: {reason}"), reason=exc
        ), []
    count, found = media_diagnostics(loaded)
    ok = _said(QT_TRANSLATE_NOOP("Preflight", "all {count} play"), count=count)
    return _count_item("media", MEDIA, found, ok, QT_TRANSLATE_NOOP("Preflight", "films and sounds")), found


def sound_item(level: Status, detail: Text, devices: Sequence[str]) -> CheckItem:
    """The sound output: green when it plays, amber with none (or muted), red when the chosen one is missing;
    then the outputs this machine has, by the names ``--audio-device`` and ``settings.audio_device`` take."""
    if devices:
        listed = QT_TRANSLATE_NOOP("Preflight", "{state} — outputs: {devices}")
        return check_item("sound", SOUND, level, listed, state=detail, devices=", ".join(devices))
    return check_item("sound", SOUND, level, detail.template, **dict(detail.values))


def _count_item(item_id: str, title: str, found: Sequence[Diagnostic], ok: Text, what: str) -> CheckItem:
    """Red with the first error, amber with the first warning, else green with ok. ``what``: a plural noun
    marked QT_TRANSLATE_NOOP("Preflight", …) ('images', 'texts', 'checks')."""
    errors = [d for d in found if d.severity == "error"]
    if errors:
        detail = QT_TRANSLATE_NOOP("Preflight", "{count} of the {what} fail: {first}")
        kind = Text(what, context="Preflight")
        return check_item(item_id, title, "red", detail, count=len(errors), what=kind, first=errors[0].message)
    if found:
        detail = QT_TRANSLATE_NOOP("Preflight", "{count} warning(s): {first}")
        return check_item(item_id, title, "amber", detail, count=len(found), first=found[0].message)
    return check_item(item_id, title, "green", ok.template, **dict(ok.values))


def script_items(
    loaded: LoadedScript, reload_problems: Sequence[Diagnostic | str] = (), renderer: Renderer | None = None
) -> tuple[list[CheckItem], list[Diagnostic]]:
    """The checks of the script itself, shared by ``check --preflight`` and the presenter's checklist: the
    script (red when the last reload was refused), its images (placed by ``renderer``'s layouts, when the
    show has one), its films and sounds, and the font covering its text."""
    sound = _said(QT_TRANSLATE_NOOP("Preflight", "sound: {count} slides, no warnings"), count=len(loaded.slide_ids))
    script = _count_item("script", SCRIPT, loaded.warnings, sound, QT_TRANSLATE_NOOP("Preflight", "checks"))
    if reload_problems:
        failed = QT_TRANSLATE_NOOP("Preflight", "the last reload failed ({count}): {first}")
        first = str(reload_problems[0])
        script = check_item("script", SCRIPT, "red", failed, count=len(reload_problems), first=first)
    count, assets = asset_diagnostics(loaded, renderer)
    family, fonts = _font_cached(loaded)
    covers = _said(QT_TRANSLATE_NOOP("Preflight", "{family} covers every character of the script"), family=family)
    media, media_found = media_item(loaded)
    items = [
        script,
        _count_item(
            "assets",
            IMAGES,
            [_placed(d, loaded) for d in assets],
            _said(QT_TRANSLATE_NOOP("Preflight", "all {count} images decode and show on stage"), count=count),
            QT_TRANSLATE_NOOP("Preflight", "images"),
        ),
        *([media] if media is not None else []),
        _count_item("font", FONT, fonts, covers, QT_TRANSLATE_NOOP("Preflight", "texts")),
    ]
    return items, [*assets, *media_found, *fonts]


def _placed(diagnostic: Diagnostic, loaded: LoadedScript) -> Diagnostic:
    """A problem inside an image file says which file and where in it, for the checklist's one line (a
    problem placed in the script names its file in the message already)."""
    if diagnostic.path == str(loaded.path):
        return diagnostic
    path = Path(diagnostic.path)
    shown = path.relative_to(loaded.base_dir) if path.is_relative_to(loaded.base_dir) else path
    return replace(diagnostic, message=f"{shown}:{diagnostic.line}:{diagnostic.col}: {diagnostic.message}")


def offline_checks(loaded: LoadedScript) -> tuple[list[CheckItem], list[Diagnostic]]:
    """Every check that needs no screen, as items and as positioned diagnostics."""
    items, found = script_items(loaded)
    resolution = resolution_diagnostics(loaded)
    wanted = loaded.script.settings.stage_resolution
    if wanted:
        expects = _said(QT_TRANSLATE_NOOP("Preflight", "expects {size} (checked at show time)"), size=wanted)
        res_item = _count_item("resolution", RESOLUTION, resolution, expects, QT_TRANSLATE_NOOP("Preflight", "checks"))
    else:
        detail = QT_TRANSLATE_NOOP("Preflight", "no settings.stage_resolution; not checked")
        res_item = check_item("resolution", RESOLUTION, "amber", detail)
    resume, resumed = resume_item(loaded)
    return [*items, res_item, resume], [*found, *resolution, *resumed]


def format_item(item: CheckItem) -> str:
    """One check as a line for the terminal."""
    mark = {"green": "ok  ", "amber": "WARN", "red": "FAIL"}[item.status]
    title, detail = item.translated()
    return f"preflight: [{mark}] {title} ({item.id}): {detail}"


def preflight_offline(loaded: LoadedScript, *, out: TextIO | None = None) -> list[Diagnostic]:
    """``ceremony check --preflight``: print each check's line to out (stdout); return the problems found."""
    items, found = offline_checks(loaded)
    stream = out if out is not None else sys.stdout
    for item in items:
        print(format_item(item), file=stream)
    return sorted(found)


# ---------------------------------------------------------------- the live checklist


def clicker_item(keys_seen: AbstractSet[str]) -> CheckItem:
    """Green once the key tester has seen next, previous and blackout from the clicker."""
    missing = [k for k in CLICKER_KEYS if k not in keys_seen]
    if not missing:
        return check_item(
            "clicker", CLICKER, "green", QT_TRANSLATE_NOOP("Preflight", "Next, Previous and Black all seen")
        )
    seen = [k for k in CLICKER_KEYS if k in keys_seen]
    if seen:
        detail = QT_TRANSLATE_NOOP("Preflight", "seen {seen}; press {missing} on the clicker")
        return check_item("clicker", CLICKER, "amber", detail, seen=_titles(seen), missing=_titles(missing))
    detail = QT_TRANSLATE_NOOP("Preflight", "press {missing} on the clicker")
    return check_item("clicker", CLICKER, "amber", detail, missing=_titles(missing))


def _titles(command_ids: Sequence[str]) -> tuple[Text, ...]:
    """Commands by their titles ('Next, Black'), as the operator knows them from the buttons."""
    from ceremony.show import actions  # noqa: F401  (registers the show's commands)
    from ceremony.show.commands import REGISTRY

    return tuple(Text(REGISTRY[c].title if c in REGISTRY else c, context="Command") for c in command_ids)


def stage_items(stage: StageInfo | None, expected: str | None) -> list[CheckItem]:
    """The stage's screen: present and fullscreen, and at the resolution the script expects."""
    if stage is None:
        return [
            check_item("stage", STAGE, "red", QT_TRANSLATE_NOOP("Preflight", "no stage window")),
            check_item("resolution", RESOLUTION, "amber", QT_TRANSLATE_NOOP("Preflight", "no stage screen to measure")),
        ]
    size = f"{stage.width}×{stage.height}"
    if stage.lost:
        screen = check_item(
            "stage",
            STAGE,
            "red",
            QT_TRANSLATE_NOOP("Preflight", "stage screen '{name}' is gone — check the cable"),
            name=stage.name,
        )
    elif not stage.fullscreen:
        screen = check_item(
            "stage",
            STAGE,
            "amber",
            QT_TRANSLATE_NOOP("Preflight", "stage is a window on '{name}', not fullscreen"),
            name=stage.name,
        )
    else:
        screen = check_item(
            "stage",
            STAGE,
            "green",
            QT_TRANSLATE_NOOP("Preflight", "fullscreen on '{name}' ({size})"),
            name=stage.name,
            size=size,
        )
    want = parse_resolution(expected)
    if want is None:
        res = check_item(
            "resolution",
            RESOLUTION,
            "amber",
            QT_TRANSLATE_NOOP("Preflight", "stage is {size}; no settings.stage_resolution"),
            size=size,
        )
    elif stage.lost:
        res = check_item(
            "resolution",
            RESOLUTION,
            "red",
            QT_TRANSLATE_NOOP("Preflight", "expected {expected}; the stage screen is gone"),
            expected=expected,
        )
    elif (stage.width, stage.height) != want:
        detail = QT_TRANSLATE_NOOP("Preflight", "stage screen is {size}, the script expects {expected}")
        res = check_item("resolution", RESOLUTION, "amber", detail, size=size, expected=expected)
    else:
        res = check_item(
            "resolution", RESOLUTION, "green", QT_TRANSLATE_NOOP("Preflight", "{size} as expected"), size=size
        )
    return [screen, res]


def inhibit_item(status: str | None) -> CheckItem:
    """The screen saver and display sleep: green while inhibited, amber otherwise (never a show stopper).

    status is ScreenSaverInhibitor.status: "inhibited", "off" or "unavailable: <reason>".
    """
    if status == "inhibited":
        return check_item(
            "screensaver",
            SCREEN_SAVER,
            "green",
            QT_TRANSLATE_NOOP("Preflight", "screen saver and display sleep inhibited"),
        )
    if status is None or status == "off":
        return check_item(
            "screensaver",
            SCREEN_SAVER,
            "amber",
            QT_TRANSLATE_NOOP("Preflight", "not inhibited (the inhibitor is not running)"),
        )
    reason = status.removeprefix("unavailable: ")
    detail = QT_TRANSLATE_NOOP("Preflight", "not inhibited: {reason} — switch it off by hand")
    return check_item("screensaver", SCREEN_SAVER, "amber", detail, reason=reason)


def live_resume_item(loaded: LoadedScript) -> CheckItem:
    """During the show a saved state is what we want: green when it is being written, amber until then."""
    path = persist.state_file(loaded.path)
    saved, reason = persist.load(loaded.path)
    if saved is not None:
        return check_item("resume", SAVED, "green", QT_TRANSLATE_NOOP("Preflight", "saving to {path}"), path=path)
    if path.exists():
        return check_item(
            "resume",
            SAVED,
            "amber",
            QT_TRANSLATE_NOOP("Preflight", "the saved show cannot be read: {reason}"),
            reason=reason,
        )
    detail = QT_TRANSLATE_NOOP("Preflight", "nothing saved yet; the first cue change saves to {path}")
    return check_item("resume", SAVED, "amber", detail, path=path)


def checklist(
    controller: ControllerLike,
    stage_info: StageInfo | None,
    *,
    inhibit_status: str | None = None,
    reload_problems: Sequence[Diagnostic | str] = (),
    sound: CheckItem | None = None,
) -> list[CheckItem]:
    """The presenter's checklist, in the order the operator works through it before doors open.

    ``reload_problems`` are the errors of the last refused reload (the controller's
    scriptReloaded signal); ``inhibit_status`` is the ScreenSaverInhibitor's status; ``sound`` the
    sound output's line (``sound_item``), once the output runs.
    Image decoding and font coverage are cached per file version and script, so
    refreshing after the first call is cheap.
    """
    loaded = controller.loaded
    renderer = getattr(controller, "renderer", None)  # the show's: images are placed by its layouts
    items, _ = script_items(loaded, reload_problems, renderer if getattr(renderer, "loaded", None) is loaded else None)
    return [
        *items,
        *([sound] if sound is not None else []),
        *stage_items(stage_info, loaded.script.settings.stage_resolution),
        inhibit_item(inhibit_status),
        clicker_item(controller.keys_seen),
        live_resume_item(loaded),
    ]


_fonts: dict[tuple[str, str], tuple[str, list[Diagnostic]]] = {}


def _font_cached(loaded: LoadedScript) -> tuple[str, list[Diagnostic]]:
    key = (str(loaded.path), loaded.digest)
    if key not in _fonts:
        _fonts[key] = font_diagnostics(loaded)
    return _fonts[key]


def _said(template: str, **values: object) -> Text:
    return Text(template, tuple(values.items()), "Preflight")
