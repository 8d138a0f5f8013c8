"""Read an SVG as untrusted XML before Qt sees it: what would reach outside the file, run, or blow up is refused.

QtSvg, given a file, silently drops an entity it will not expand, reads an ``<image>`` or a style sheet from
the disk, and follows ``<use>`` references without a bound: a crest can come out empty on stage, or a
picture can keep the stage busy for minutes. So every SVG is first parsed here with defusedxml's hardened
expat reader (no entity is ever expanded, no DTD or outside entity is ever fetched) and refused, with the
line and column of what is wrong and a plain reason, when it has

- a DOCTYPE (an SVG needs none; it is where entities are declared), or an entity declaration;
- a reference to anything outside the file: ``href``/``xlink:href``, ``url(…)``, ``@import`` or an
  ``<?xml-stylesheet?>`` that is not an in-document ``#id`` or a ``data:`` URI;
- a script: a ``<script>`` element or an ``on…`` event attribute;
- more elements, deeper nesting, or more drawing once ``<use>``, markers, patterns, masks and clip paths
  are followed than any crest or logo needs (the limits below).

Imports no Qt: ``ceremony check`` without a display reports all of this.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler, feature_external_ges, feature_external_pes, feature_namespaces
from xml.sax.xmlreader import AttributesNSImpl, Locator

from defusedxml.common import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.expatreader import DefusedExpatParser

MAX_BYTES = 32 * 1024 * 1024
"""An SVG larger than this is refused before parsing (the largest logo with embedded bitmaps is far smaller)."""
MAX_ELEMENTS = 100_000
MAX_DEPTH = 256
MAX_DRAWN = 100_000
"""Shapes drawn once references are followed: a <use> of a group of <use>s multiplies, and QtSvg draws
each one (ten levels of ten take Qt minutes)."""
MAX_PROBLEMS = 5
"""Problems reported per file: the first few say what to fix."""

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

#: Elements QtSvg draws as a shape (each counts one toward MAX_DRAWN).
_DRAWN = frozenset(
    {"path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textArea", "image", "use"}
)
#: Elements that are drawn only where something refers to them, not where they stand.
_REFERENCED_ONLY = frozenset(
    {
        "defs", "symbol", "marker", "pattern", "clipPath", "mask", "linearGradient", "radialGradient",
        "filter", "style", "title", "desc", "metadata",
    }
)  # fmt: skip
_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]*)\1\s*\)", re.IGNORECASE)
_MARKER_URL = re.compile(r"marker(?:-start|-mid|-end)?\s*:\s*url\(\s*['\"]?#([^'\")\s]+)", re.IGNORECASE)
_IMPORT = re.compile(r"@import\s+(?:url\(\s*)?['\"]?([^'\");\s]*)", re.IGNORECASE)
_PI_HREF = re.compile(r"href\s*=\s*(['\"])(.*?)\1", re.IGNORECASE | re.DOTALL)
_PER_VERTEX = -1
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


@dataclass(frozen=True, slots=True)
class SvgProblem:
    """What is wrong with an SVG, and where in it: line and column from 1 (0, 0: the file as a whole)."""

    line: int
    col: int
    message: str


def svg_problems(data: bytes) -> list[SvgProblem]:
    """Every reason (up to MAX_PROBLEMS) not to give these bytes to QtSvg; empty when the SVG is safe to draw."""
    if len(data) > MAX_BYTES:
        return [SvgProblem(0, 0, f"SVG is {len(data) / 1e6:.0f} MB; an SVG may be at most {MAX_BYTES // 2**20} MB")]
    reader = _Reader()
    parser = _Parser(reader)
    try:
        parser.parse(io.BytesIO(data))
    except _Fatal:
        pass
    except SAXParseException as exc:
        message = str(exc.getMessage())
        line, col = exc.getLineNumber() or 1, (exc.getColumnNumber() or 0) + 1
        reader.fatal(line, col, f"SVG is not well-formed XML ({message})")
    except EntitiesForbidden as exc:
        what = f"an entity that reads '{_shorten(exc.sysid)}'" if exc.sysid else "entities"
        reader.fatal(*_back_to(data, parser.position(), b"<!ENTITY"), f"SVG declares {what}; remove the DOCTYPE")
        parser.doctype = None  # said already
    except ExternalReferenceForbidden as exc:  # the DOCTYPE names an outside DTD: expat would fetch it
        at = _back_to(data, parser.doctype or parser.position(), b"<!DOCTYPE")
        reader.fatal(*at, f"SVG has a DOCTYPE that refers to '{_shorten(exc.sysid or '')}'; remove the DOCTYPE")
        parser.doctype = None
    except DefusedXmlException as exc:  # pragma: no cover - defusedxml refuses nothing else with these options
        reader.fatal(*parser.position(), f"SVG refused: {exc}")
    except (UnicodeError, ValueError, LookupError) as exc:  # an encoding expat cannot read
        reader.fatal(*parser.position(), f"SVG cannot be read: {exc}")
    reader.finish(_back_to(data, parser.doctype, b"<!DOCTYPE") if parser.doctype else None)
    found = sorted(set(reader.problems), key=lambda p: (p.line, p.col, p.message))
    return found[:MAX_PROBLEMS]


def _back_to(data: bytes, at: tuple[int, int], token: bytes) -> tuple[int, int]:
    """The line and column where the declaration expat is in (at its end) begins: the last ``token`` before
    ``at``. expat reports a DTD declaration where it ends; a person looks for where it starts."""
    line, col = at
    lines = data.split(b"\n")
    if not 1 <= line <= len(lines):
        return at
    offset = sum(len(text) + 1 for text in lines[: line - 1]) + len(
        lines[line - 1].decode("utf-8", "replace")[:col].encode()
    )
    start = data.rfind(token, 0, offset + len(token))
    if start < 0:
        return at
    before = data[:start]
    line_start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[line_start:].decode("utf-8", "replace")) + 1


class _Fatal(Exception):
    """Parsing stops: nothing after this point can be trusted (or it is already too much)."""


@dataclass(slots=True)
class _Element:
    name: str
    line: int
    col: int
    drawn: int
    counts_in_parent: bool
    children: list[int] = field(default_factory=list)
    refs: list[tuple[str, int]] = field(default_factory=list)
    """(id referred to, how many times it is drawn per drawing of this element; _PER_VERTEX for a marker)."""
    vertex_text: str = ""
    """The path data or points (a marker is drawn at each vertex)."""

    def vertices(self) -> int:
        return len(_NUMBER.findall(self.vertex_text)) // 2 + 1


class _Parser(DefusedExpatParser):
    """defusedxml's SAX reader with namespaces on, outside entities off, and a note of the DOCTYPE.

    The DTD itself is let through so that an entity declaration inside it is reported as such (defusedxml
    raises EntitiesForbidden on the first one, before anything is expanded); a DOCTYPE alone is reported
    when the parse is over.
    """

    def __init__(self, reader: _Reader) -> None:
        super().__init__(forbid_dtd=False, forbid_entities=True, forbid_external=True)
        self.setFeature(feature_namespaces, True)
        self.setFeature(feature_external_ges, False)
        self.setFeature(feature_external_pes, False)
        self.setContentHandler(reader)
        self.doctype: tuple[int, int] | None = None

    def reset(self) -> None:
        super().reset()
        self.expat().StartDoctypeDeclHandler = self._doctype

    def _doctype(self, *_args: Any) -> None:
        self.doctype = self.position()

    def position(self) -> tuple[int, int]:
        """Where expat is now, line and column from 1."""
        expat = self.expat()
        if expat is None:
            return 1, 1
        return max(1, expat.CurrentLineNumber), expat.CurrentColumnNumber + 1

    def expat(self) -> Any:
        """The pyexpat parser under the SAX reader (xml.sax keeps it private, and types it not at all)."""
        return getattr(self, "_parser", None)


class _Reader(ContentHandler):
    """Collects problems, element by element, and the references that make drawing multiply."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[SvgProblem] = []
        self.elements: list[_Element] = []
        self.ids: dict[str, int] = {}
        self.stack: list[int] = []
        self.sheet_refs: list[tuple[str, bool]] = []
        """References in <style> sheets: (id, through a marker property)."""
        self.locator: Locator | None = None
        self.text: list[str] | None = None
        self.sheet_at = (1, 1)

    # ---------------------------------------------------------------- problems
    def here(self) -> tuple[int, int]:
        if self.locator is None:
            return 1, 1
        return max(1, self.locator.getLineNumber() or 1), (self.locator.getColumnNumber() or 0) + 1

    def add(self, message: str, at: tuple[int, int] | None = None) -> None:
        line, col = at or self.here()
        self.problems.append(SvgProblem(line, col, message))
        if len(self.problems) >= MAX_PROBLEMS:
            raise _Fatal

    def fatal(self, line: int, col: int, message: str) -> None:
        self.problems.append(SvgProblem(max(1, line), max(1, col), message))

    # ---------------------------------------------------------------- SAX events
    def setDocumentLocator(self, locator: Locator) -> None:
        self.locator = locator

    def processingInstruction(self, target: str, data: str) -> None:
        if target.lower() == "xml-stylesheet":
            match = _PI_HREF.search(data)
            if match and _outside(match.group(2)):
                self.add(_outside_message(match.group(2)))

    def startElementNS(self, name: tuple[str | None, str], qname: str | None, attrs: AttributesNSImpl) -> None:
        uri, local = name
        if not self.elements and (local != "svg" or uri not in (SVG_NS, None)):
            shown = f"{qname or local}"
            self.add(f"not an SVG: its first element is <{shown}>, not <svg>")
            raise _Fatal
        if len(self.elements) >= MAX_ELEMENTS:
            self.add(f"SVG has more than {MAX_ELEMENTS:,} elements; simplify it")
            raise _Fatal
        if len(self.stack) >= MAX_DEPTH:
            self.add(f"SVG nests elements more than {MAX_DEPTH} deep; simplify it")
            raise _Fatal
        line, col = self.here()
        element = _Element(local, line, col, 1 if local in _DRAWN else 0, local not in _REFERENCED_ONLY)
        index = len(self.elements)
        if self.stack:
            self.elements[self.stack[-1]].children.append(index)
        self.elements.append(element)
        self.stack.append(index)
        if local == "script":
            self.add("SVG contains a <script> element; remove it")
        self.text = [] if local == "style" else None
        self.sheet_at = (line, col) if local == "style" else self.sheet_at
        self._attributes(element, index, attrs)

    def _attributes(self, element: _Element, index: int, attrs: AttributesNSImpl) -> None:
        for (uri, local), value in attrs.items():
            if uri is None and local == "id":
                self.ids.setdefault(value.strip(), index)
            elif local == "href" and uri in (None, XLINK_NS):
                if _outside(value):
                    self.add(_outside_message(value))
                elif value.strip().startswith("#"):
                    element.refs.append((value.strip()[1:], 1))
            elif uri is None and local.lower().startswith("on"):
                self.add(f"SVG contains a script in its '{local}' attribute; remove it")
            else:
                if uri is None and local in ("d", "points"):
                    element.vertex_text = value  # counted only if a marker is drawn on it
                if "(" in value:
                    self._urls_in(element, local, value)

    def _urls_in(self, element: _Element, name: str, value: str) -> None:
        through_marker = {m.group(1) for m in _MARKER_URL.finditer(value)}
        for target in _urls(value):
            if _outside(target):
                self.add(_outside_message(target))
            elif name.startswith("marker") or target[1:] in through_marker:
                element.refs.append((target[1:], _PER_VERTEX))
            else:
                element.refs.append((target[1:], 1))

    def characters(self, content: str) -> None:
        if self.text is not None:
            self.text.append(content)

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
        self.stack.pop()
        if self.text is not None:
            self._sheet("".join(self.text))
            self.text = None

    def _sheet(self, sheet: str) -> None:
        """A <style> sheet: its imports are outside references; what it refers to may apply to every shape."""
        for match in _IMPORT.finditer(sheet):
            self.add(_outside_message(match.group(1) or "@import"), self.sheet_at)
        markers = {m.group(1) for m in _MARKER_URL.finditer(sheet)}
        for target in _urls(sheet):
            if _outside(target):
                self.add(_outside_message(target), self.sheet_at)
            else:
                self.sheet_refs.append((target[1:], target[1:] in markers))

    # ---------------------------------------------------------------- at the end
    def finish(self, doctype: tuple[int, int] | None) -> None:
        """After the parse: a DOCTYPE without entities, and drawing that references multiply past the limit."""
        if doctype is not None:
            self.fatal(*doctype, "SVG has a DOCTYPE; remove it (an SVG needs none)")
        if not self.elements or self.problems:
            return
        drawn, loop = _drawn(self)
        if loop is not None:
            self.fatal(loop.line, loop.col, f"SVG's <{loop.name}> refers to an element that holds it; remove the loop")
        elif drawn > MAX_DRAWN:
            message = (
                f"SVG draws more than {MAX_DRAWN:,} shapes once its <use>, marker and pattern references are "
                "followed; simplify it"
            )
            self.fatal(self.elements[0].line, self.elements[0].col, message)


def _urls(value: str) -> Iterator[str]:
    """The targets of url(…) in an attribute or a style sheet."""
    for match in _URL.finditer(value):
        yield match.group(2).strip()


def _outside(reference: str) -> bool:
    """True for a reference out of the file: anything but an in-document ``#id`` or a ``data:`` URI."""
    ref = reference.strip()
    return not (ref.startswith("#") or ref[:5].lower() == "data:")


def _shorten(text: str, most: int = 80) -> str:
    text = text.strip()
    return text if len(text) <= most else text[: most - 1] + "…"


def _outside_message(reference: str) -> str:
    return f"SVG refers to a file or address outside it ('{_shorten(reference)}'); embed it or remove the reference"


def _drawn(reader: _Reader) -> tuple[int, _Element | None]:
    """How many shapes QtSvg would draw (capped just past MAX_DRAWN), or the element where references loop.

    Each element weighs its own shape, its children's, and the weight of each element it refers to times
    how often (a marker once per vertex); references of a <style> sheet may apply to every shape. Walked
    without recursion: reference chains can be as long as the file.
    """
    elements, ids = reader.elements, reader.ids
    shapes = sum(e.drawn for e in elements)
    vertices = sum(e.vertices() for e in elements if e.vertex_text) if any(m for _, m in reader.sheet_refs) else 0
    sheet = [(ids[t], vertices if marker else shapes) for t, marker in reader.sheet_refs if t in ids]
    weight: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[int, bool]] = [(0, False)]
    while stack:
        index, done = stack.pop()
        element = elements[index]
        targets = [(ids[t], element.vertices() if n == _PER_VERTEX else n) for t, n in element.refs if t in ids]
        if done:
            on_path.discard(index)
            total = element.drawn
            total += sum(weight[c] for c in element.children if elements[c].counts_in_parent)
            total += sum(weight[t] * n for t, n in targets)
            weight[index] = min(total, MAX_DRAWN + 1)
            continue
        if index in weight:
            continue
        on_path.add(index)
        stack.append((index, True))
        for child, _ in [(c, 1) for c in element.children] + targets:
            if child in on_path:
                return 0, element
            if child not in weight:
                stack.append((child, False))
    total = weight.get(0, 0) + sum(weight.get(t, 0) * n for t, n in sheet)
    return min(total, MAX_DRAWN + 1), None
