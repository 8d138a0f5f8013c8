"""The script format, published: JSON Schema for editors and a Markdown field reference.

Both are generated from the pydantic model, so the docs cannot drift from what
the loader accepts (a test compares the committed files with this output).
"""

from __future__ import annotations

import json
import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from ceremony.script.model import (
    HEX_COLOR,
    ID_PATTERN,
    SLIDE_KINDS,
    AwardClass,
    Event,
    Nominee,
    Remote,
    Script,
    Settings,
    SlideBase,
    Theme,
    Transition,
)

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, Any]:
    """The JSON Schema of slides.yaml."""
    schema = Script.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": SCHEMA_URL, **schema}


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------- Markdown reference

_SECTIONS: list[tuple[str, type[BaseModel]]] = [
    ("Top level", Script),
    ("event", Event),
    ("theme", Theme),
    ("settings", Settings),
    ("settings.remote", Remote),
    ("classes[]", AwardClass),
    ("classes[].nominees[]", Nominee),
    ("Every slide", SlideBase),
    ("transition", Transition),
]


_SECTION_OF: dict[type[BaseModel], str] = {model: f"see *{title}*" for title, model in _SECTIONS}


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
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"mapping ({_SECTION_OF.get(annotation, annotation.__name__)})"
    return {
        "str": "text",
        "int": "integer",
        "float": "duration (`90`, `'90s'`, `'4m'`, `'1m30s'`)",
        "bool": "true/false",
        "date": "date",
        "time": "time (HH:MM)",
    }.get(getattr(annotation, "__name__", ""), str(annotation))


def _field_type(info: FieldInfo) -> str:
    """The type as a script author thinks of it: a colour, an id, a duration, a file."""
    patterns = {getattr(m, "pattern", None) for m in info.metadata}
    if HEX_COLOR in patterns:
        return "colour `#rrggbb`"
    if ID_PATTERN in patterns:
        return "id"
    if any(type(m).__name__ == "BeforeValidator" for m in info.metadata):
        return "duration (`90`, `'90s'`, `'4m'`, `'1m30s'`)"
    return _type_name(info.annotation)


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return "**required**"
    if info.default_factory is not None:
        return "—"
    if info.default is PydanticUndefined or info.default is None:
        return "—"
    value = info.default
    if isinstance(value, BaseModel):
        return "—"
    return f"`{str(value).lower() if isinstance(value, bool) else value}`"


def _table(model: type[BaseModel], skip: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    rows = ["| key | type | default | meaning |", "|---|---|---|---|"]
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key in skip:
            continue
        description = (info.description or "").replace("|", "\\|")
        if key == "id" and not description:
            description = "A short identifier: lower-case letters, digits, '-' and '_'."
        rows.append(f"| `{key}` | {_field_type(info)} | {_default(info)} | {description} |")
    return rows


def markdown_reference() -> str:
    """Every field of the script format as Markdown tables."""
    lines: list[str] = []
    for title, model in _SECTIONS:
        lines += [f"### {title}", "", (model.__doc__ or "").strip(), ""]
        lines += _table(model)
        lines.append("")
    base_fields = set(SlideBase.model_fields)
    intro = "Each slide has a `kind` (one of those below) and the fields of every slide, plus:"
    lines += ["### Slide kinds", "", intro, ""]
    for kind, model in SLIDE_KINDS.items():
        lines += [f"#### `kind: {kind}`", "", (model.__doc__ or "").strip(), ""]
        own = {(i.alias or n) for n, i in model.model_fields.items() if n not in base_fields and n != "kind"}
        if own:
            lines += _table(
                model, skip={k for k in (i.alias or n for n, i in model.model_fields.items()) if k not in own}
            )
        else:
            lines.append("No fields of its own.")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
