"""Read YAML into plain Python data, remembering where every node stood.

PyYAML's safe composer gives nodes with positions; we build the data ourselves
so that we can (a) refuse tags that would build Python objects, (b) report
duplicate keys, (c) stop alias bombs by counting expanded nodes, and (d) avoid
YAML 1.1 surprises: ``no`` stays the string "no" and ``18:00`` stays "18:00".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ceremony.script.diagnostics import Diagnostic
from ceremony.script.positions import Path, Positions

MAX_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 64

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_BOOL_WORDS = {"true": True, "false": False}
_INT_RE = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")


class _Stop(Exception):
    """Raised to abandon conversion after a fatal problem was recorded."""


@dataclass
class YamlDocument:
    data: Any
    positions: Positions


class _Builder:
    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.positions = Positions()
        self.problems: list[Diagnostic] = []
        self.count = 0

    def error(self, node: Node, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Diagnostic(self.filename, mark.line + 1, mark.column + 1, "error", message))

    def build(self, node: Node, path: Path, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            self.error(node, f"aliases expand to more than {MAX_NODES} values; refusing to expand further")
            raise _Stop
        if depth > MAX_DEPTH:
            self.error(node, f"nested more than {MAX_DEPTH} levels deep (a recursive alias?)")
            raise _Stop
        mark = node.start_mark
        self.positions.values.setdefault(path, (mark.line + 1, mark.column + 1))
        if isinstance(node, ScalarNode):
            return self.scalar(node)
        if isinstance(node, SequenceNode):
            if node.tag != _TAG + "seq":
                self.error(node, f"YAML tag '{_short(node.tag)}' is not allowed here")
                return None
            return [self.build(child, (*path, i), depth + 1) for i, child in enumerate(node.value)]
        if isinstance(node, MappingNode):
            if node.tag != _TAG + "map":
                self.error(node, f"YAML tag '{_short(node.tag)}' is not allowed here")
                return None
            return self.mapping(node, path, depth)
        self.error(node, "unsupported YAML node")  # pragma: no cover - PyYAML has no other kinds
        return None

    def mapping(self, node: MappingNode, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        pairs = list(node.value)
        merged: list[tuple[Node, Node]] = []
        for key_node, value_node in pairs:
            if key_node.tag == _TAG + "merge":
                sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
                for source in sources:
                    if isinstance(source, MappingNode):
                        merged.extend(source.value)
                    else:
                        self.error(source, "'<<' merges only mappings")
        for key_node, value_node in pairs:
            if key_node.tag == _TAG + "merge":
                continue
            if not isinstance(key_node, ScalarNode) or key_node.tag not in _SCALAR_TAGS:
                self.error(key_node, "a key must be plain text")
                continue
            key = str(key_node.value)
            if key in first_seen:
                self.error(key_node, f"duplicate key '{key}' (first given on line {first_seen[key]})")
                continue
            first_seen[key] = key_node.start_mark.line + 1
            mark = key_node.start_mark
            self.positions.keys[(*path, key)] = (mark.line + 1, mark.column + 1)
            result[key] = self.build(value_node, (*path, key), depth + 1)
        for key_node, value_node in merged:
            key = str(getattr(key_node, "value", ""))
            if key and key not in result:
                result[key] = self.build(value_node, (*path, key), depth + 1)
        return result

    def scalar(self, node: ScalarNode) -> Any:
        tag, text = node.tag, node.value
        if tag not in _SCALAR_TAGS:
            self.error(
                node,
                f"YAML tag '{_short(tag)}' is not allowed (only plain data: text, numbers, lists, mappings)",
            )
            return None
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "bool":
            # YAML 1.1 reads yes/no/on/off as booleans; in Norwegian text "no" is not false.
            return _BOOL_WORDS.get(text.lower(), text)
        if tag == _TAG + "int":
            # Keep sexagesimal (18:00), octal and hex forms as the text that was written.
            if not _INT_RE.match(text):
                return text
            try:
                return int(text.replace("_", ""))
            except ValueError:  # more digits than Python converts (sys.get_int_max_str_digits)
                return text
        if tag == _TAG + "float":
            try:
                return float(text.replace("_", ""))
            except ValueError:
                return text
        if _SURROGATE_RE.search(text):
            # A "\ud800" escape gives half of a UTF-16 pair: not a character, and no UTF-8 exists for it.
            self.error(node, "text has an escape like '\\ud800' that is half of a character pair, not a character")
            return None
        return text  # str and timestamp: the model parses dates and times from text


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _short(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def _compose(text: str) -> Node | None:
    """Compose with libyaml when PyYAML has it (about ten times faster: a reload must not stall the
    presenter); on a syntax error, compose again in pure Python so messages and positions are the same
    on every machine."""
    if _FAST_LOADER is not None:
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def parse_yaml(raw: bytes, filename: str) -> tuple[YamlDocument | None, list[Diagnostic]]:
    """Decode and parse one YAML document; returns the data with positions, or the problems."""

    def fail(line: int, col: int, message: str) -> tuple[None, list[Diagnostic]]:
        return None, [Diagnostic(filename, line, col, "error", message)]

    if len(raw) > MAX_BYTES:
        return fail(1, 1, f"the file is {len(raw):,} bytes; a script may be at most {MAX_BYTES:,} bytes")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return fail(line, col, f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x}); save it as UTF-8")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return fail(line, 1, "the file contains a NUL character; is it a binary file?")
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "YAML syntax error"
        context = f" ({exc.context})" if exc.context and exc.problem else ""
        return fail(line, col, f"YAML syntax error: {problem}{context}")
    except yaml.YAMLError as exc:
        return fail(1, 1, f"YAML error: {exc}")
    except RecursionError:
        return fail(1, 1, "the YAML is nested too deeply")
    if node is None:
        return fail(1, 1, "the script is empty; it needs at least 'event' and 'slides'")
    builder = _Builder(filename)
    try:
        data = builder.build(node, (), 0)
    except _Stop:
        return None, builder.problems
    except RecursionError:
        return fail(1, 1, "the YAML is nested too deeply")
    if builder.problems:
        return None, builder.problems
    if not isinstance(data, dict):
        mark = node.start_mark
        kind = "a list" if isinstance(data, list) else "a single value"
        return fail(
            mark.line + 1,
            mark.column + 1,
            f"the top level must be a mapping (keys like 'event:' and 'slides:'), not {kind}",
        )
    return YamlDocument(data, builder.positions), []
