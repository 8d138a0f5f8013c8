"""One test per class of bad input: each names the exact line:col and the message's shape."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from ceremony.script.diagnostics import ScriptError
from ceremony.script.loader import load_script
from ceremony.script.yamlsafe import MAX_BYTES

from .conftest import GOOD

Write = Callable[[str | bytes], Path]


def problems(path: Path) -> list[str]:
    """Every diagnostic of a script that must fail, with the folder stripped off."""
    with pytest.raises(ScriptError) as caught:
        load_script(path)
    return [str(d).replace(str(path), "s.yaml") for d in caught.value.diagnostics]


def test_good_script_loads(write_script: Write) -> None:
    loaded = load_script(write_script(GOOD))
    assert loaded.slide_ids == ["title", "nominee-notodden", "reveal-small"]
    assert loaded.warnings == []


def test_yaml_syntax_error(write_script: Write) -> None:
    text = GOOD.replace("  year: 2024\n", "  year: [2024\n")
    assert problems(write_script(text)) == [
        "s.yaml:4:8: error: YAML syntax error: expected ',' or ']', but got ':' (while parsing a flow sequence)"
    ]


def test_tab_indentation_is_a_syntax_error_at_the_tab(write_script: Write) -> None:
    text = GOOD.replace("  year: 2024", "\tyear: 2024")
    [message] = problems(write_script(text))
    assert message.startswith("s.yaml:3:1: error: YAML syntax error: found character '\\t'")


def test_not_utf8(write_script: Write) -> None:
    raw = GOOD.replace("Testprisen", "Testpr\udce6isen").encode("utf-8", "surrogateescape")
    assert problems(write_script(raw)) == [
        "s.yaml:2:16: error: the file is not UTF-8 text (byte 0xe6); save it as UTF-8"
    ]


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_empty_file(write_script: Write, text: str) -> None:
    assert problems(write_script(text)) == [
        "s.yaml:1:1: error: the script is empty; it needs at least 'event' and 'slides'"
    ]


@pytest.mark.parametrize(
    ("text", "what"),
    [("- a\n- b\n", "a list"), ("just text\n", "a single value")],
)
def test_top_level_not_a_mapping(write_script: Write, text: str, what: str) -> None:
    assert problems(write_script(text)) == [
        f"s.yaml:1:1: error: the top level must be a mapping (keys like 'event:' and 'slides:'), not {what}"
    ]


def test_unknown_key_suggests_the_right_one(write_script: Write) -> None:
    text = GOOD.replace("  year: 2024\n", "  year: 2024\n  subtitel: KS og NHO\n")
    assert problems(write_script(text)) == [
        "s.yaml:4:3: error: unknown key 'subtitel' in 'event'; did you mean 'subtitle'?"
    ]


def test_unknown_key_in_a_slide_names_the_slide_kind_keys(write_script: Write) -> None:
    text = GOOD.replace("    nominee: notodden\n", "    nominee: notodden\n    nomine: x\n")
    assert problems(write_script(text)) == [
        "s.yaml:25:5: error: unknown key 'nomine' in 'slides[1]'; did you mean 'nominee'?"
    ]


def test_unknown_slide_kind(write_script: Write) -> None:
    text = GOOD.replace("  - kind: title\n", "  - kind: titel\n")
    assert problems(write_script(text)) == [
        "s.yaml:22:11: error: unknown slide kind 'titel' in 'slides[0]'; did you mean 'title'?"
    ]


def test_wrong_type(write_script: Write) -> None:
    text = GOOD.replace("  year: 2024\n", "  year: tjuefjorten\n")
    assert problems(write_script(text)) == [
        "s.yaml:3:9: error: event.year: input should be a valid integer, unable to parse string as an integer"
    ]


def test_wrong_type_list_instead_of_text(write_script: Write) -> None:
    text = GOOD.replace("        tagline: Eget næringsselskap\n", "        tagline: [a, b]\n")
    assert problems(write_script(text)) == [
        "s.yaml:13:18: error: classes[0].nominees[0].tagline: input should be a valid string"
    ]


def test_bad_duration(write_script: Write) -> None:
    text = GOOD.replace("  - kind: title\n", "  - kind: title\n    duration: ten minutes\n")
    assert problems(write_script(text)) == [
        "s.yaml:23:15: error: slides[0].duration: 'ten minutes' is not a duration; write e.g. 90, '90s', '4m' or '1m30s'"
    ]


def test_missing_required_field(write_script: Write) -> None:
    text = GOOD.replace("        county: Telemark\n", "")
    assert problems(write_script(text)) == [
        "s.yaml:9:9: error: missing required key 'county' in 'classes[0].nominees[0]'"
    ]


def test_missing_top_level_sections(write_script: Write) -> None:
    assert problems(write_script("version: 1\n")) == [
        "s.yaml:1:1: error: missing required key 'event' at the top level",
        "s.yaml:1:1: error: missing required key 'slides' at the top level",
    ]


def test_duplicate_ids(write_script: Write) -> None:
    text = GOOD.replace("      - id: kvitsoy\n", "      - id: notodden\n").replace(
        "  - kind: title\n", "  - kind: title\n    id: same\n  - kind: black\n    id: same\n"
    )
    found = problems(write_script(text))
    assert "s.yaml:15:13: error: duplicate nominee id 'notodden' (also in class 'small')" in found
    assert "s.yaml:25:9: error: duplicate slide id 'same' (also slides[0])" in found


def test_duplicate_yaml_key(write_script: Write) -> None:
    text = GOOD.replace("  year: 2024\n", "  year: 2024\n  year: 2025\n")
    assert problems(write_script(text)) == ["s.yaml:4:3: error: duplicate key 'year' (first given on line 3)"]


def test_reference_to_missing_class_and_nominee(write_script: Write) -> None:
    text = GOOD.replace("    nominee: notodden\n", "    nominee: notoden\n").replace(
        "    class: small\n", "    class: smal\n"
    )
    assert problems(write_script(text)) == [
        "s.yaml:5:5: warning: class 'small' has no reveal slide; its winner is never shown",
        "s.yaml:24:14: error: no nominee 'notoden' in any class",
        "s.yaml:26:12: error: no class 'smal' (classes: small)",
    ]


def test_winner_not_a_nominee_of_its_class(write_script: Write) -> None:
    text = GOOD.replace("    winner: kvitsoy\n", "    winner: sandefjord\n")
    assert problems(write_script(text)) == [
        "s.yaml:7:13: error: winner 'sandefjord' is not a nominee of class 'small' (nominees: notodden, kvitsoy; or 'live')"
    ]


def test_winner_live_is_accepted(write_script: Write) -> None:
    loaded = load_script(write_script(GOOD.replace("    winner: kvitsoy\n", "    winner: live\n")))
    assert loaded.script.classes[0].winner == "live"


def test_asset_missing(write_script: Write) -> None:
    text = GOOD.replace(
        "        crest: crest.svg\n        tagline: Eget", "        crest: nope.svg\n        tagline: Eget"
    )
    [message] = problems(write_script(text))
    assert re.fullmatch(r"s\.yaml:12:16: error: file not found: 'nope\.svg' \(looked for .*nope\.svg\)", message)


def test_asset_not_an_image(write_script: Write, tmp_path: Path) -> None:
    (tmp_path / "fake.png").write_text("this is not a png")
    text = GOOD.replace(
        "        crest: crest.svg\n        tagline: Eget", "        crest: fake.png\n        tagline: Eget"
    )
    assert problems(write_script(text)) == [
        "s.yaml:12:16: error: 'fake.png' is not an image (SVG, PNG, JPEG, GIF, WebP or BMP)"
    ]


def test_asset_empty_file(write_script: Write, tmp_path: Path) -> None:
    (tmp_path / "empty.png").write_bytes(b"")
    text = GOOD.replace(
        "        crest: crest.svg\n        tagline: Eget", "        crest: empty.png\n        tagline: Eget"
    )
    assert problems(write_script(text)) == ["s.yaml:12:16: error: 'empty.png' is empty (0 bytes)"]


def test_python_object_tag_is_refused(write_script: Write) -> None:
    text = GOOD.replace("  year: 2024\n", "  year: !!python/object/apply:os.system ['echo pwned']\n")
    assert problems(write_script(text)) == [
        "s.yaml:3:9: error: YAML tag '!!python/object/apply:os.system' is not allowed here"
    ]


def test_custom_scalar_tag_is_refused(write_script: Write) -> None:
    text = GOOD.replace("  title: Testprisen\n", "  title: !env TITLE\n")
    assert problems(write_script(text)) == [
        "s.yaml:2:10: error: YAML tag '!env' is not allowed (only plain data: text, numbers, lists, mappings)"
    ]


def test_half_a_surrogate_pair_is_an_error_at_the_text(write_script: Write) -> None:
    """A lone "\\ud800" escape is not a character: pydantic cannot even quote it in its own error (found by the fuzz)."""
    text = GOOD.replace("    nominee: notodden\n", '    nominee: "\\x00\\ud800"\n')
    assert problems(write_script(text)) == [
        "s.yaml:24:14: error: text has an escape like '\\ud800' that is half of a character pair, not a character"
    ]


def test_labels_placeholders_are_checked_where_they_are_written(write_script: Write) -> None:
    text = GOOD.replace(
        "classes:\n",
        'labels:\n  kicker: "{short} {year}"\n  quote: "{text!r}"\n  nominee_kicker: "Nominated · {class}"\nclasses:\n',
    )
    assert problems(write_script(text)) == [
        "s.yaml:5:11: error: label 'kicker' has no placeholder {short} (it knows: {short_title}, {title}, {year})",
        "s.yaml:6:10: error: label 'quote': '{text!r}' is not a placeholder; write only a name in braces, "
        "e.g. '{class}' (a literal brace is written '{{' or '}}')",
    ]


def test_an_unknown_label_suggests_the_right_one(write_script: Write) -> None:
    text = GOOD.replace("classes:\n", "labels:\n  nominee_kick: Nominated\nclasses:\n")
    assert problems(write_script(text)) == [
        "s.yaml:5:3: error: unknown key 'nominee_kick' in 'labels'; did you mean 'nominee_kicker'?"
    ]


def test_file_too_large(write_script: Write) -> None:
    text = GOOD + "#" * (MAX_BYTES + 1) + "\n"
    [message] = problems(write_script(text))
    assert message.startswith("s.yaml:1:1: error: the file is ")
    assert message.endswith(f"a script may be at most {MAX_BYTES:,} bytes")


def test_alias_bomb_is_cut_off(write_script: Write) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in "bcdefghij":
        prev = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
    [message] = problems(write_script(bomb))
    assert re.fullmatch(
        r"s\.yaml:\d+:\d+: error: aliases expand to more than [\d,]+ values; refusing to expand further", message
    )


def test_recursive_alias_is_refused(write_script: Write) -> None:
    [message] = problems(write_script("a: &a [*a]\n"))
    assert re.fullmatch(r"s\.yaml:1:\d+: error: nested more than \d+ levels deep \(a recursive alias\?\)", message)


def test_every_problem_is_reported_not_only_the_first(write_script: Write) -> None:
    text = (
        GOOD.replace("  year: 2024\n", "  year: x\n")
        .replace("        county: Rogaland\n", "")
        .replace("  - kind: title\n", "  - kind: title\n    colour: red\n")
    )
    found = problems(write_script(text))
    assert len(found) == 3
    assert [m.split(": error: ")[0] for m in found] == ["s.yaml:3:9", "s.yaml:15:9", "s.yaml:22:5"]


def test_norwegian_no_and_clock_times_stay_text(write_script: Write) -> None:
    text = GOOD.replace("  - kind: title\n", "  - kind: countdown\n    until: 18:30\n    caption: no\n")
    slide = load_script(write_script(text)).script.slides[0]
    assert slide.until.hour == 18 and slide.until.minute == 30  # type: ignore[union-attr]
    assert slide.caption == "no"  # type: ignore[union-attr]


def test_warnings_do_not_fail_the_load(write_script: Write) -> None:
    text = GOOD.replace("        highlights: [En, To, Tre]\n      - id: kvitsoy", "      - id: kvitsoy", 1)
    loaded = load_script(write_script(text))
    assert [str(w).replace(str(loaded.path), "s.yaml") for w in loaded.warnings] == [
        "s.yaml:9:9: warning: nominee 'notodden' has no highlights; its slide will show only the tagline"
    ]
