"""Checks that span the whole script: ids, references, winners, assets, theme contrast."""

from __future__ import annotations

from pathlib import Path

from ceremony.script.assets import VettedImage, media_problem, resolve, script_assets, script_media, vet_image
from ceremony.script.contrast import AAA, contrast
from ceremony.script.diagnostics import Diagnostic, Severity
from ceremony.script.ids import slide_ids
from ceremony.script.model import (
    ClassIntroSlide,
    CountdownSlide,
    LineupSlide,
    NomineeSlide,
    RevealSlide,
    Script,
    TitleSlide,
    VideoSlide,
)
from ceremony.script.positions import Path as DataPath
from ceremony.script.positions import Positions
from ceremony.script.wording import LABELS, pattern_problem


class _Report:
    def __init__(self, positions: Positions, name: str) -> None:
        self.positions = positions
        self.name = name
        self.items: list[Diagnostic] = []

    def add(self, severity: Severity, path: DataPath, message: str, *, key: bool = False) -> None:
        line, col = self.positions.of_key(path) if key else self.positions.of_value(path)
        self.items.append(Diagnostic(self.name, line, col, severity, message))


def check_semantics(
    script: Script, positions: Positions, name: str, base_dir: Path
) -> tuple[list[str], list[Diagnostic], dict[str, VettedImage]]:
    """Every cross-reference problem (errors) and advice (warnings); also the slides' ids, and the bytes of
    every image that passed its checks (by resolved path): what the show draws."""
    report = _Report(positions, name)
    _check_classes(script, report)
    ids = _check_slides(script, report)
    images = _check_assets(script, report, base_dir, ids)
    _check_media(script, report, base_dir)
    _check_theme(script, report)
    _check_labels(script, report)
    return ids, report.items, images


def _check_classes(script: Script, report: _Report) -> None:
    class_seen: dict[str, int] = {}
    nominee_seen: dict[str, str] = {}
    for ci, award_class in enumerate(script.classes):
        cpath: DataPath = ("classes", ci)
        if award_class.id in class_seen:
            report.add(
                "error",
                (*cpath, "id"),
                f"duplicate class id '{award_class.id}' (also classes[{class_seen[award_class.id]}])",
            )
        class_seen.setdefault(award_class.id, ci)
        for ni, nominee in enumerate(award_class.nominees):
            npath: DataPath = (*cpath, "nominees", ni)
            if nominee.id in nominee_seen:
                report.add(
                    "error",
                    (*npath, "id"),
                    f"duplicate nominee id '{nominee.id}' (also in class '{nominee_seen[nominee.id]}')",
                )
            nominee_seen.setdefault(nominee.id, award_class.id)
            if not nominee.highlights:
                report.add(
                    "warning",
                    npath,
                    f"nominee '{nominee.id}' has no highlights; its slide will show only the tagline",
                )
            elif len(nominee.highlights) < 3:
                report.add(
                    "warning",
                    (*npath, "highlights"),
                    f"nominee '{nominee.id}' has {len(nominee.highlights)} highlights; 3 to 5 read best",
                )
        winner = award_class.winner
        if winner != "live" and award_class.nominee(winner) is None:
            report.add(
                "error",
                (*cpath, "winner"),
                f"winner '{winner}' is not a nominee of class '{award_class.id}' "
                f"(nominees: {', '.join(award_class.nominee_ids)}; or 'live')",
            )
        if award_class.confirm and winner == "live":
            report.add("warning", (*cpath, "confirm"), "'confirm' has no effect with 'winner: live'")


def _check_slides(script: Script, report: _Report) -> list[str]:
    ids = slide_ids(list(script.slides))
    explicit: dict[str, int] = {}
    revealed: set[str] = set()
    for si, slide in enumerate(script.slides):
        spath: DataPath = ("slides", si)
        if slide.id:
            if slide.id in explicit:
                report.add(
                    "error",
                    (*spath, "id"),
                    f"duplicate slide id '{slide.id}' (also slides[{explicit[slide.id]}])",
                )
            explicit.setdefault(slide.id, si)
        if isinstance(slide, ClassIntroSlide | LineupSlide | RevealSlide):
            if script.award_class(slide.class_) is None:
                known = ", ".join(c.id for c in script.classes) or "none are defined"
                report.add("error", (*spath, "class"), f"no class '{slide.class_}' (classes: {known})")
            elif isinstance(slide, RevealSlide):
                if slide.class_ in revealed:
                    report.add(
                        "error",
                        (*spath, "class"),
                        f"class '{slide.class_}' is revealed twice; a class is revealed once",
                    )
                revealed.add(slide.class_)
        if isinstance(slide, NomineeSlide) and script.find_nominee(slide.nominee) is None:
            report.add("error", (*spath, "nominee"), f"no nominee '{slide.nominee}' in any class")
    for ci, award_class in enumerate(script.classes):
        if award_class.id not in revealed:
            report.add(
                "warning",
                ("classes", ci),
                f"class '{award_class.id}' has no reveal slide; its winner is never shown",
            )
    return ids


def _check_assets(script: Script, report: _Report, base_dir: Path, ids: list[str]) -> dict[str, VettedImage]:
    """Each image read and checked once per file. A problem inside an SVG is placed in the SVG (its line and
    column) and says where the script uses it; any other at the script's reference."""
    images: dict[str, VettedImage] = {}
    refused: set[str] = set()
    for path, asset in script_assets(script):
        file = str(resolve(base_dir, asset))
        if file in images:
            continue
        image, problems = vet_image(base_dir, asset)
        if image is not None:
            images[file] = image
        for problem in problems:
            if not problem.line:
                report.add("error", path, problem.message)
            elif file not in refused:
                line, col = report.positions.of_value(path)
                used = f"{asset_use(script, path, ids)}, {report.name}:{line}:{col}"
                report.items.append(Diagnostic(file, problem.line, problem.col, "error", f"{problem.message} ({used})"))
        if any(p.line for p in problems):
            refused.add(file)
    return images


def asset_use(script: Script, path: DataPath, ids: list[str]) -> str:
    """What an image is to the show, for a message: "the crest of nominee 'asker'", "the event's logo"."""
    match path:
        case ("event", "logo"):
            return "the event's logo"
        case ("event", "background"):
            return "the stage background"
        case ("classes", int(ci), "nominees", int(ni), "crest"):
            return f"the crest of nominee '{script.classes[ci].nominees[ni].id}'"
        case ("slides", int(si), field):
            return f"the {field} of slide '{ids[si]}'"
    return ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in path).replace(".[", "[")


def written(positions: Positions, path: DataPath) -> DataPath:
    """The path as the script wrote it: ``audio: bed.mp3`` has no ``file`` key, though the model does."""
    if path in positions.values or "file" not in path:
        return path
    short = tuple(p for p in path if p != "file")
    return short if short in positions.values else path


def _check_media(script: Script, report: _Report, base_dir: Path) -> None:
    """Films and sounds exist and look like media (``ceremony check`` decodes them); trims make sense."""
    for path, asset, _kind in script_media(script):
        problem = media_problem(base_dir, asset)
        if problem:
            report.add("error" if problem[0] == "error" else "warning", written(report.positions, path), problem[1])
    for si, slide in enumerate(script.slides):
        spath: DataPath = ("slides", si)
        trims = slide if isinstance(slide, VideoSlide) else getattr(slide, "video", None)
        if isinstance(slide, TitleSlide | CountdownSlide) and slide.video is not None:
            spath = (*spath, "video")
        if trims is not None and trims.end is not None and trims.end <= trims.start:
            report.add("error", (*spath, "end"), f"end ({trims.end:g} s) must come after start ({trims.start:g} s)")
        if isinstance(slide, VideoSlide) and slide.loop and slide.then != "hold":
            report.add("warning", (*spath, "then"), f"a looping film never ends, so 'then: {slide.then}' never comes")
        if isinstance(slide, RevealSlide) and slide.sounds is not None and not slide.sound:
            report.add("warning", (*spath, "sounds"), "'sound: false' silences the reveal, so these sounds never play")


def _check_theme(script: Script, report: _Report) -> None:
    theme = script.theme
    for field in ("text", "muted", "accent"):
        ratio = contrast(getattr(theme, field), theme.background)
        if ratio < AAA:
            report.add(
                "error",
                ("theme", field),
                f"theme.{field} on theme.background has contrast {ratio:.1f}:1; the stage needs at least {AAA:.0f}:1",
            )


def _check_labels(script: Script, report: _Report) -> None:
    for label in LABELS:
        pattern = getattr(script.labels, label.key)
        problem = None if pattern is None else pattern_problem(label.key, pattern)
        if problem:
            report.add("error", ("labels", label.key), problem)
