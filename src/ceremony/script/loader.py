"""Load a slide script: YAML -> validated model, or every problem with its line and column."""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ceremony.script import cache
from ceremony.script import model as model_module
from ceremony.script.assets import VettedImage
from ceremony.script.diagnostics import Diagnostic, ScriptError
from ceremony.script.fingerprint import public_digest
from ceremony.script.model import SLIDE_KINDS, Script, SlideBase, Strict, fields_of, key_of
from ceremony.script.positions import Path as DataPath
from ceremony.script.positions import Positions
from ceremony.script.semantics import check_semantics

if TYPE_CHECKING:
    from pydantic import ValidationError
    from pydantic_core import ErrorDetails


@dataclass(frozen=True, slots=True)
class LoadedScript:
    """A sound script with what the rest of the app needs to know about its file."""

    path: Path
    script: Script
    slide_ids: list[str]
    digest: str
    """sha256 of the file's bytes: private (the saved show and the cache key by it)."""
    positions: Positions = field(repr=False)
    warnings: list[Diagnostic] = field(default_factory=list)
    public_digest: str = ""
    """The file's fingerprint with every winner blanked (``script.fingerprint``): what a remote may see."""
    images: Mapping[str, VettedImage] = field(default_factory=dict, repr=False)
    """Every image's bytes as they were checked, by resolved path: the show draws these, so a file changed
    on disk since (a reload refused, or not yet done) never reaches the stage."""

    @property
    def base_dir(self) -> Path:
        return self.path.parent

    def position_of(self, path: DataPath) -> tuple[int, int]:
        return self.positions.of_value(path)


def load_script(path: str | Path, *, cached: bool = False, remember: bool = False) -> LoadedScript:
    """Read and validate a script; raises ScriptError listing every problem found.

    ``cached`` lets a script whose bytes were validated before skip parsing and validation (the show's
    start and reloads use it). ``remember`` only writes that cache: ``ceremony check`` and export always
    validate in full, and leave the next start of the script they passed nothing to parse. Checks of
    its images and fonts always run.
    """
    script_path = Path(path)
    name = str(path)
    try:
        raw = script_path.read_bytes()
    except FileNotFoundError:
        raise ScriptError([Diagnostic(name, 1, 1, "error", "no such file")]) from None
    except IsADirectoryError:
        raise ScriptError([Diagnostic(name, 1, 1, "error", "this is a folder, not a script file")]) from None
    except OSError as exc:
        raise ScriptError([Diagnostic(name, 1, 1, "error", f"cannot read the file: {exc.strerror}")]) from None
    return load_bytes(raw, script_path, name, cached=cached, remember=remember)


def load_bytes(
    raw: bytes, script_path: Path, name: str | None = None, *, cached: bool = False, remember: bool = False
) -> LoadedScript:
    """Validate script bytes as if read from script_path (assets resolve against its folder)."""
    name = name or str(script_path)
    digest = hashlib.sha256(raw).hexdigest()
    entry = cache.lookup(digest) if cached else None
    if entry is not None:
        script, positions = entry.script, entry.positions
    else:
        script, positions = _validate(raw, name)
    slide_ids, found, images = check_semantics(script, positions, name, script_path.parent)
    errors = [d for d in found if d.severity == "error"]
    if errors:
        raise ScriptError(found)
    if (cached or remember) and entry is None:
        cache.store(digest, script, positions)
    return LoadedScript(
        path=script_path,
        script=script,
        slide_ids=slide_ids,
        digest=digest,
        positions=positions,
        warnings=sorted(found),
        public_digest=public_digest(raw, script, positions),
        images=images,
    )


def _validate(raw: bytes, name: str) -> tuple[Script, Positions]:
    """Parse and validate: the part of a load that depends on the file's bytes alone."""
    # Neither is needed when the model comes from the cache: a restart skips importing pydantic.
    from pydantic import ValidationError

    from ceremony.script.validate import validate_script
    from ceremony.script.yamlsafe import parse_yaml

    document, problems = parse_yaml(raw, name)
    if document is None:
        raise ScriptError(problems)
    try:
        return validate_script(document.data), document.positions
    except ValidationError as exc:
        raise ScriptError(_diagnostics_from(exc, document.data, document.positions, name)) from None


# ---------------------------------------------------------------- pydantic errors -> positions


def _data_path(loc: tuple[int | str, ...], data: Any) -> tuple[DataPath, list[Any]]:
    """Turn pydantic's loc into a path into the YAML data, skipping union tags.

    Also returns, for each step of the path, the model class that holds it, so
    that an unknown key can be matched against the keys its model does allow.
    """
    path: list[str | int] = []
    owners: list[Any] = []
    node: Any = data
    model: Any = Script
    for i, part in enumerate(loc):
        after_item = i > 0 and isinstance(loc[i - 1], int)
        if after_item and isinstance(node, dict) and isinstance(part, str) and node.get("kind") == part:
            model = SLIDE_KINDS.get(part, model)
            continue  # a discriminated union's tag, not a key
        if isinstance(part, str) and part in _MODELS and not (isinstance(node, dict) and part in node):
            model = _MODELS[part]
            continue  # the member of a plain union the value was tried as (audio: a mapping, not 'stop')
        path.append(part)
        owners.append(model)
        node = (
            node.get(part)
            if isinstance(node, dict)
            else (node[part] if isinstance(node, list) and isinstance(part, int) and part < len(node) else None)
        )
        model = _field_model(model, part)
    return tuple(path), owners


_MODELS: dict[str, Any] = {
    name: value for name, value in vars(model_module).items() if isinstance(value, type) and issubclass(value, Strict)
}
"""The script's models by class name: pydantic names a union's member by it in an error's location."""


def _field_model(model: Any, part: str | int) -> Any:
    """The model class a field (or list item) of model holds, if any."""
    if isinstance(part, int):
        return model
    if not _is_model(model):
        return None
    hints = typing.get_type_hints(model)
    for f in fields_of(model):
        if part in (f.name, key_of(f)):
            return _inner_model(hints[f.name])
    return None


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and dataclasses.is_dataclass(value)


def _inner_model(annotation: Any) -> Any:
    if _is_model(annotation):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found is not None:
                return found
    return None


def _allowed_keys(model: Any) -> list[str]:
    return [key_of(f) for f in fields_of(model)]


def _branches_tried(errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """Without the errors of a union's literal member ('stop') where another member says what is wrong."""

    def literal_at(error: ErrorDetails) -> int | None:
        return next((i for i, p in enumerate(error["loc"]) if isinstance(p, str) and p.startswith("literal[")), None)

    kept = []
    for error in errors:
        at = literal_at(error)
        prefix = error["loc"][:at] if at is not None else None
        others = any(e is not error and literal_at(e) is None and e["loc"][:at] == prefix for e in errors)
        if at is None or not others:
            kept.append(error)
    return kept


def _diagnostics_from(exc: ValidationError, data: Any, positions: Positions, name: str) -> list[Diagnostic]:
    found: dict[tuple[int, int, str], Diagnostic] = {}
    for error in _branches_tried(exc.errors(include_url=False)):
        line, col, message = _describe(error, data, positions)
        found.setdefault((line, col, message), Diagnostic(name, line, col, "error", message))
    return list(found.values())


def _describe(error: ErrorDetails, data: Any, positions: Positions) -> tuple[int, int, str]:
    path, owners = _data_path(tuple(error["loc"]), data)
    kind = error["type"]
    where = _where(path)
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):  # a model, a dataclass
        key = str(path[-1])
        owner = owners[-1] if owners else Script
        choices = _allowed_keys(owner) if _is_model(owner) else []
        guess = difflib.get_close_matches(key, choices, n=1, cutoff=0.6)
        hint = f"; did you mean '{guess[0]}'?" if guess else f"; allowed keys: {', '.join(choices)}"
        line, col = positions.of_key(path)
        return line, col, f"unknown key '{key}'{_in(path[:-1])}{hint}"
    if kind in ("missing", "missing_keyword_argument"):
        line, col = positions.of_value(path[:-1])
        return line, col, f"missing required key '{path[-1]}'{_in(path[:-1])}"
    if kind == "union_tag_invalid":
        line, col = positions.of_value((*path, "kind"))
        got = error.get("ctx", {}).get("tag", "?")
        guess = difflib.get_close_matches(str(got), list(SLIDE_KINDS), n=1, cutoff=0.6)
        hint = f"did you mean '{guess[0]}'?" if guess else f"one of: {', '.join(SLIDE_KINDS)}"
        return line, col, f"unknown slide kind '{got}'{_in(path)}; {hint}"
    if kind == "union_tag_not_found":
        line, col = positions.of_value(path)
        return line, col, f"a slide needs 'kind:' ({', '.join(SLIDE_KINDS)})"
    line, col = positions.of_value(path)
    message = error["msg"].removeprefix("Value error, ")
    return line, col, f"{where}: {message[0].lower()}{message[1:]}" if where else message


def _where(path: DataPath) -> str:
    return ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in path).replace(".[", "[")


def _in(path: DataPath) -> str:
    return f" in '{_where(path)}'" if path else " at the top level"


__all__ = ["LoadedScript", "ScriptError", "SlideBase", "load_bytes", "load_script"]
