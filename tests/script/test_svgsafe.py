"""The SVG reader, Qt-free: each kind of hostile SVG refused at its line and column with a plain reason, and
every real picture of the show let through. (The routes through check, --preflight, the checklist and a
mid-show reload are tests/ui/test_hostile_images.py.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ceremony.script.assets import sniff_image, vet_bytes
from ceremony.script.svgsafe import MAX_BYTES, MAX_DEPTH, MAX_ELEMENTS, SvgProblem, svg_problems

REPO = Path(__file__).resolve().parents[2]
NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'


def problems(text: str) -> list[tuple[int, int, str]]:
    return [(p.line, p.col, p.message) for p in svg_problems(text.encode())]


@pytest.mark.parametrize("path", sorted((REPO / "assets").rglob("*.svg")), ids=lambda p: p.name)
def test_every_picture_of_the_show_passes(path: Path) -> None:
    assert svg_problems(path.read_bytes()) == []


def test_the_starter_pictures_pass() -> None:
    for path in sorted((REPO / "src" / "ceremony" / "data").rglob("*.svg")):
        assert svg_problems(path.read_bytes()) == [], path


def test_references_inside_the_file_and_data_uris_pass() -> None:
    text = (
        f'<svg {NS} viewBox="0 0 10 10">\n'
        '  <defs><linearGradient id="g"><stop offset="0"/></linearGradient><path id="p" d="M0,0 L5,5"/></defs>\n'
        '  <use xlink:href="#p"/><use href=" #p "/><rect fill="url(#g)" style="stroke: url(\'#g\')"/>\n'
        '  <image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>\n'
        "  <style>.a { fill: url(#g) }</style>\n"
        "</svg>\n"
    )
    assert problems(text) == []


def test_an_entity_declaration() -> None:
    text = f'<?xml version="1.0"?>\n<!DOCTYPE svg [\n  <!ENTITY x "hello">\n]>\n<svg {NS}><text>&x;</text></svg>'
    assert problems(text) == [(3, 3, "SVG declares entities; remove the DOCTYPE")]


def test_a_billion_laughs_is_named_for_what_it_is_not_called_not_an_image() -> None:
    lines = [" <!ENTITY lol0 'lol'>"] + [
        f" <!ENTITY lol{i} '{f'&lol{i - 1};' * 10}'>" for i in range(1, 10)
    ]  # 10^9 lols, and <svg pushed far past the first bytes
    text = '<?xml version="1.0"?>\n<!DOCTYPE svg [\n' + "\n".join(lines) + f"\n]>\n<svg {NS}><text>&lol9;</text></svg>"
    assert b"<svg" not in text.encode()[:512]
    assert problems(text) == [(3, 2, "SVG declares entities; remove the DOCTYPE")]
    image, found = vet_bytes("lol.svg", text.encode())
    assert image is None
    assert [(p.line, p.col, p.message) for p in found] == [(3, 2, "SVG declares entities; remove the DOCTYPE")]


def test_an_outside_entity_is_never_read() -> None:
    text = f'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<svg {NS}>&x;</svg>'
    assert problems(text) == [(2, 16, "SVG declares an entity that reads 'file:///etc/passwd'; remove the DOCTYPE")]


def test_a_parameter_entity_too() -> None:
    text = f'<!DOCTYPE svg [\n<!ENTITY % p SYSTEM "http://example.com/evil.dtd">\n%p;\n]>\n<svg {NS}/>'
    assert problems(text) == [
        (2, 1, "SVG declares an entity that reads 'http://example.com/evil.dtd'; remove the DOCTYPE")
    ]


def test_a_doctype_alone_and_one_naming_a_dtd() -> None:
    assert problems(f"<?xml version='1.0'?>\n<!DOCTYPE svg>\n<svg {NS}/>") == [
        (2, 1, "SVG has a DOCTYPE; remove it (an SVG needs none)")
    ]
    dtd = '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"\n  "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'
    assert problems(f"{dtd}\n<svg {NS}/>") == [
        (
            1,
            1,
            "SVG has a DOCTYPE that refers to 'http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd'; remove the DOCTYPE",
        )
    ]


@pytest.mark.parametrize(
    ("element", "reference"),
    [
        ('<image xlink:href="file:///etc/hosts" width="9" height="9"/>', "file:///etc/hosts"),
        ('<image href="https://example.com/crest.png"/>', "https://example.com/crest.png"),
        ('<image href="../photos/crest.png"/>', "../photos/crest.png"),
        ('<use xlink:href="other.svg#shape"/>', "other.svg#shape"),
        ('<rect fill="url(http://example.com/p.svg#g)"/>', "http://example.com/p.svg#g"),
        ('<rect style="fill: url(file:///tmp/x.svg#g)"/>', "file:///tmp/x.svg#g"),
        ('<a href="javascript:alert(1)"><rect/></a>', "javascript:alert(1)"),
    ],
)
def test_references_outside_the_file(element: str, reference: str) -> None:
    assert problems(f"<svg {NS}>\n  {element}\n</svg>") == [
        (2, 3, f"SVG refers to a file or address outside it ('{reference}'); embed it or remove the reference")
    ]


def test_style_sheets_from_outside() -> None:
    text = (
        f'<?xml-stylesheet type="text/css" href="theme.css"?>\n<svg {NS}>\n  <style>@import "more.css";</style>\n</svg>'
    )
    outside = "SVG refers to a file or address outside it ('{}'); embed it or remove the reference"
    assert problems(text) == [(1, 1, outside.format("theme.css")), (3, 3, outside.format("more.css"))]


def test_scripts() -> None:
    text = f'<svg {NS} onload="steal()">\n  <script>alert(1)</script>\n  <rect onclick="x()"/>\n</svg>'
    assert problems(text) == [
        (1, 1, "SVG contains a script in its 'onload' attribute; remove it"),
        (2, 3, "SVG contains a <script> element; remove it"),
        (3, 3, "SVG contains a script in its 'onclick' attribute; remove it"),
    ]


def test_positions_count_characters_not_bytes() -> None:
    assert problems(f"<svg {NS}>\n<text>æøå</text><image href='x.png'/></svg>")[0][:2] == (2, 17)


def test_not_an_svg_and_not_xml() -> None:
    assert problems("<html><body/></html>") == [(1, 1, "not an SVG: its first element is <html>, not <svg>")]
    assert problems(f"<svg {NS}><g><rect/></svg>") == [(1, 96, "SVG is not well-formed XML (mismatched tag)")]
    assert problems("") == [(1, 1, "SVG is not well-formed XML (no element found)")]
    assert problems('<?xml version="1.0" encoding="klingon"?><svg/>') == [
        (1, 31, "SVG cannot be read: unknown encoding: klingon")
    ]


def test_what_starts_as_xml_is_read_as_an_svg() -> None:
    """So that a DOCTYPE that pushes <svg out of the first bytes is named, not called 'not an image'."""
    for head in (b"<?xml version='1.0'?>", b"<!DOCTYPE svg [", b"<!-- a comment -->", b"\xef\xbb\xbf  <svg"):
        image, found = vet_bytes("x.svg", head + b"\n" + b" " * 600 + b"<svg/>")
        assert image is not None or found, head
        assert "not an image" not in " ".join(p.message for p in found)
    assert vet_bytes("x.png", b"this is text")[1][0].message == (
        "'x.png' is not an image (SVG, PNG, JPEG, GIF, WebP or BMP)"
    )


def test_sniff_image_reads_the_format_from_the_bytes(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    assert sniff_image(tmp_path / "a.png") == "svg"
    image, _ = vet_bytes("a.png", (tmp_path / "a.png").read_bytes())
    assert image is not None and image.format == "svg"  # drawn as what it is, by the checked reader


def test_use_that_multiplies_is_bounded() -> None:
    """Six levels of ten <use>s: a million shapes, which QtSvg would draw one by one for minutes."""
    levels = "".join(
        f'<g id="g{i + 1}">' + f'<use xlink:href="#g{i}"/>' * 10 + "</g>" for i in range(6)
    )  # fmt: skip
    text = (
        f'<svg {NS}>\n<defs><g id="g0"><rect width="1" height="1"/></g>{levels}</defs>\n<use xlink:href="#g6"/></svg>'
    )
    assert problems(text) == [
        (
            1,
            1,
            "SVG draws more than 100,000 shapes once its <use>, marker and pattern references are followed; "
            "simplify it",
        )
    ]
    few = text.replace('<use xlink:href="#g6"/>', '<use xlink:href="#g3"/>')
    assert problems(few) == []


def test_markers_on_many_vertices_are_counted_per_vertex() -> None:
    points = " ".join(f"{i},{i}" for i in range(2000))
    marker = "<marker id='m'>" + "<circle r='1'/>" * 60 + "</marker>"
    text = f"<svg {NS}><defs>{marker}</defs><polyline points='{points}' marker-mid='url(#m)'/></svg>"
    assert [m for *_, m in problems(text)] == [
        "SVG draws more than 100,000 shapes once its <use>, marker and pattern references are followed; simplify it"
    ]


def test_references_in_a_loop() -> None:
    text = f'<svg {NS}>\n  <g id="a">\n    <use href="#a"/>\n  </g>\n</svg>'
    assert problems(text) == [(3, 5, "SVG's <use> refers to an element that holds it; remove the loop")]


def test_too_many_elements_too_deep_too_large() -> None:
    deep = f"<svg {NS}>" + "<g>" * (MAX_DEPTH + 5) + "</g>" * (MAX_DEPTH + 5) + "</svg>"
    assert problems(deep) == [
        (1, 1 + len(f"<svg {NS}>") + 3 * (MAX_DEPTH - 1), "SVG nests elements more than 256 deep; simplify it")
    ]
    many = f"<svg {NS}>" + "<g/>" * (MAX_ELEMENTS + 5) + "</svg>"
    [(line, _col, message)] = problems(many)
    assert (line, message) == (1, "SVG has more than 100,000 elements; simplify it")
    assert svg_problems(b" " * (MAX_BYTES + 1)) == [SvgProblem(0, 0, "SVG is 34 MB; an SVG may be at most 32 MB")]


def test_the_reader_imports_no_qt() -> None:
    code = "import sys, ceremony.script.svgsafe, ceremony.script.assets; print('PySide6' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
