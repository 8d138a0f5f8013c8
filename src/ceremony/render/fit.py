"""fit_report in the shape ``ceremony check`` wants: (path into the YAML data, message).

The path points at the text itself where it lives (a nominee's tagline is in
``classes``, not in the slide), so the warning's line:col lands on the words to shorten.
"""

from __future__ import annotations

import re

from ceremony.render.report import fit_report as _fit_report
from ceremony.script.loader import LoadedScript
from ceremony.script.model import NomineeSlide
from ceremony.script.positions import Path as DataPath

_INDEXED = re.compile(r"^(\w+)\[(\d+)\]$")
_SLIDE_FIELDS = {"title", "text", "by", "role", "body", "caption", "bullets"}
_NOMINEE_FIELDS = {"name", "county", "tagline", "highlights"}


def _field_path(field: str) -> tuple[str | int, ...]:
    match = _INDEXED.match(field)
    return (match.group(1), int(match.group(2))) if match else (field,)


def fit_report(loaded: LoadedScript) -> list[tuple[DataPath, str]]:
    script = loaded.script
    out: list[tuple[DataPath, str]] = []
    for slide_index, field, message in _fit_report(loaded):
        parts = _field_path(field)
        path: DataPath = ("slides", slide_index)
        slide = script.slides[slide_index]
        if parts[0] in _SLIDE_FIELDS:
            path = ("slides", slide_index, *parts)
        elif isinstance(slide, NomineeSlide) and parts[0] in _NOMINEE_FIELDS:
            for ci, award_class in enumerate(script.classes):
                for ni, nominee in enumerate(award_class.nominees):
                    if nominee.id == slide.nominee:
                        path = ("classes", ci, "nominees", ni, *parts)
        out.append((path, f"slide {slide_index + 1}, {field}: {message}"))
    return out
