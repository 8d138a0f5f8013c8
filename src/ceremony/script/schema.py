"""The script format, published: JSON Schema for editors and a Markdown field reference.

Both are generated from the model's declaration (and pydantic's reading of it), so the docs cannot drift from what
the loader accepts (a test compares the committed files with this output).
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any

from ceremony.script.model import (
    HEX_COLOR,
    ID_DESCRIPTION,
    ID_PATTERN,
    SLIDE_KINDS,
    AudioCue,
    AwardClass,
    Duration,
    Event,
    Labels,
    Nominee,
    Remote,
    RevealSounds,
    Script,
    Settings,
    SlideBase,
    Theme,
    Transition,
    VideoRef,
    fields_of,
    key_of,
)
from ceremony.script.validate import adapter
from ceremony.script.wording import LABELS

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, Any]:
    """The JSON Schema of slides.yaml."""
    schema = adapter().json_schema(by_alias=True, mode="validation")
    return {"$schema": SCHEMA_URL, **schema}


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------- Markdown reference

_SECTIONS: list[tuple[str, type[Any]]] = [
    ("Top level", Script),
    ("event", Event),
    ("theme", Theme),
    ("settings", Settings),
    ("settings.remote", Remote),
    ("classes[]", AwardClass),
    ("classes[].nominees[]", Nominee),
    ("Every slide", SlideBase),
    ("transition", Transition),
    ("audio", AudioCue),
    ("video (behind a title or countdown)", VideoRef),
    ("sounds (of a reveal)", RevealSounds),
]


_SECTION_OF: dict[type[Any], str] = {model: f"see *{title}*" for title, model in _SECTIONS} | {Labels: "see *labels*"}


def _type_name(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type_name(args[0])
    if origin in (typing.Union, types.UnionType):
        members = [a for a in args if a is not type(None)]
        if len(members) > 2 and all(isinstance(a, type) and issubclass(a, SlideBase) for a in members):
            return "slide"
        return " or ".join(_type_name(a) for a in members)
    if origin is typing.Literal:
        return " / ".join(f"`{a}`" for a in args)
    if origin is list:
        inner = _type_name(args[0])
        return "list of slides (see *Slide kinds*)" if inner.startswith("slide") else f"list of {inner}"
    if origin is dict:
        return f"mapping of {_type_name(args[0])} to {_type_name(args[1])}"
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        return f"mapping ({_SECTION_OF.get(annotation, annotation.__name__)})"
    return {
        "str": "text",
        "int": "integer",
        "float": "number",
        "bool": "true/false",
        "date": "date",
        "time": "time (HH:MM)",
    }.get(getattr(annotation, "__name__", ""), str(annotation))


def _field_type(f: dataclasses.Field[Any], annotation: Any) -> str:
    """The type as a script author thinks of it: a colour, an id, a duration, a file."""
    pattern = f.metadata.get("pattern")
    if pattern == HEX_COLOR:
        return "colour `#rrggbb`"
    if pattern == ID_PATTERN:
        return "id"
    if _is_duration(annotation):
        return "duration (`90`, `'90s'`, `'4m'`, `'1m30s'`)"
    return _type_name(annotation)


def _is_duration(annotation: Any) -> bool:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return any(_is_duration(a) for a in typing.get_args(annotation))
    return bool(annotation == Duration)


def _default(f: dataclasses.Field[Any]) -> str:
    if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
        return "**required**"
    if f.default is dataclasses.MISSING or f.default is None:
        return "—"
    value = f.default
    return f"`{str(value).lower() if isinstance(value, bool) else value}`"


def _table(model: type[Any], skip: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    rows = ["| key | type | default | meaning |", "|---|---|---|---|"]
    hints = typing.get_type_hints(model, include_extras=True)
    for f in fields_of(model):
        key = key_of(f)
        if key in skip:
            continue
        description = str(f.metadata.get("description", "")).replace("|", "\\|")
        if key == "id" and not description:
            description = ID_DESCRIPTION
        rows.append(f"| `{key}` | {_field_type(f, hints[f.name])} | {_default(f)} | {description} |")
    return rows


def _labels_table() -> list[str]:
    """Every label with its Norwegian and English default: the table a producer translates from."""
    lines = [
        "### labels",
        "",
        "The words ceremony itself puts on stage and in the cue list. `language` picks the column; a key under "
        "`labels:` replaces one. Placeholders in braces are filled in where the label is used.",
        "",
        "| key | `nb` (default) | `en` | placeholders | where |",
        "|---|---|---|---|---|",
    ]
    for label in LABELS:
        names = ", ".join(f"`{{{name}}}`" for name in label.placeholders) or "—"
        lines.append(f"| `{label.key}` | `{label.nb}` | `{label.en}` | {names} | {label.description}. |")
    return [*lines, ""]


def markdown_reference() -> str:
    """Every field of the script format as Markdown tables."""
    lines: list[str] = []
    for title, model in _SECTIONS:
        lines += [f"### {title}", "", (model.__doc__ or "").strip(), ""]
        lines += _table(model)
        lines.append("")
    lines += _labels_table()
    base_fields = {f.name for f in fields_of(SlideBase)}
    intro = "Each slide has a `kind` (one of those below) and the fields of every slide, plus:"
    lines += ["### Slide kinds", "", intro, ""]
    for kind, model in SLIDE_KINDS.items():
        lines += [f"#### `kind: {kind}`", "", (model.__doc__ or "").strip(), ""]
        fields = fields_of(model)
        shared = {key_of(f) for f in fields if f.name in base_fields or f.name == "kind"}
        if len(shared) < len(fields):
            lines += _table(model, skip=shared)
        else:
            lines.append("No fields of its own.")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
