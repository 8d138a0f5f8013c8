"""A seeded mutation fuzzer over the real slides.yaml: every mutant loads or fails with positioned errors.

Each mutant is made by ``random.Random(seed)`` from one to three mutations of the
script's bytes or text (byte flips, truncations, deleted/duplicated/swapped lines,
type swaps, indentation changes, tabs, YAML tags, invalid UTF-8, aliases, deep
nesting, odd line breaks …). The loader must return a LoadedScript or raise
ScriptError whose every Diagnostic points into the file (line and column from 1)
with a message — never any other exception. A failing mutant is reported with
its seed and the mutations, so ``mutate(seed)`` reproduces it exactly.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from ceremony.script.diagnostics import Diagnostic, ScriptError
from ceremony.script.loader import LoadedScript, load_bytes

from .conftest import GOOD

REPO = Path(__file__).resolve().parents[2]
SLIDES = REPO / "slides.yaml"
ORIGINAL = SLIDES.read_bytes()

MUTANTS = 1000
CHUNK = 50

Mutation = Callable[[random.Random, bytes], tuple[bytes, str]]

# ---------------------------------------------------------------- mutations


def _lines(raw: bytes) -> list[bytes]:
    return raw.split(b"\n")


def _pick_line(rng: random.Random, lines: list[bytes], pattern: bytes = rb"\S") -> int:
    candidates = [i for i, line in enumerate(lines) if re.search(pattern, line)]
    return rng.choice(candidates) if candidates else rng.randrange(len(lines))


def byte_flips(rng: random.Random, raw: bytes) -> tuple[bytes, str]:
    data = bytearray(raw)
    spots = [rng.randrange(len(data)) for _ in range(rng.randint(1, 6))]
    for spot in spots:
        data[spot] ^= 1 << rng.randrange(8)
    return bytes(data), f"flip bits at {spots}"


def random_bytes(rng: random.Random, raw: bytes) -> tuple[bytes, str]:
    spot = rng.randrange(len(raw))
    junk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
    return raw[:spot] + junk + raw[spot:], f"insert {junk!r} at {spot}"


def truncate(rng: random.Random, raw: bytes) -> tuple[bytes, str]:
    cut = rng.randrange(len(raw))
    return raw[:cut], f"truncate at byte {cut}"


def delete_lines(rng: random.Random, raw: bytes) -> tuple[bytes, str]:
    lines = _lines(raw)
    start = _pick_line(rng, lines)
    count = rng.choice([1, 1, 1, 2, 3, 8])
    del lines[start : start + count]
    return b"\n".join(lines), f"delete {count} line(s) from line {start + 1}"


def duplicate_line(rng: random.Random, raw: bytes) -> tuple[bytes, str]:
    lines = _lines(raw)
    i = _pick_line(rng, lines)
    lines.insert(i, lines[i])
    return b"\n".join(lines), f"duplicate line {i + 1}"


def swap_lines(rng: random.Random, raw: bytes) -> tuple[bytes, str]:
    lines = _lines(raw)
    i, j = _pick_line(rng, lines), _pick_line(rng, lines)
    lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines), f"swap lines {i + 1} and {j + 1}"


REPLACEMENTS = [
    b"[a, b]", b"{x: 1}", b"[]", b"{}", b"null", b"~", b"0", b"-1", b"3.5", b"true", b"no", b"''", b'"x"',
    b"[[[]]]", b"{kind: title}", b"1e999", b".nan", b"-.inf", b"0x1F", b"0o17", b"1_000", b"18:00",
    b"2024-02-30", b"2024-02-13T10:00:00Z", b"9" * 5000, b"-" + b"1" * 4400, b"!!binary aGVsbG8=",
    b"|\n  block\n  text", b">-\n  folded", b"&anchor 5", b"*anchor", b"*nowhere", b"? complex\n: key",
    b"- listed", b"\n  - a\n  - b", b"\n  nested: map", b"x" * 3000, b"'\\u0000'", b'"\\x00\\ud800"',
    b'"\\U0001F600"', b"live",
]  # fmt: skip


def type_swap(rng: random.Random, raw: bytes) -> tuple[bytes, str]:
    """Replace a value (a scalar, or a whole block under a key) with another type."""
    lines = _lines(raw)
    i = _pick_line(rng, lines, rb"^\s*(- )?[A-Za-z_$]+:")
    match = re.match(rb"^(\s*(?:- )?[A-Za-z_$]+:)", lines[i])
    if match is None:  # an earlier mutation left no key lines (e.g. other line breaks)
        return raw, "no key to swap"
    new = rng.choice(REPLACEMENTS)
    lines[i] = match.group(1) + b" " + new
    if rng.random() < 0.5:  # drop the old block's children too, as a real edit would
        indent = len(lines[i]) - len(lines[i].lstrip())
        j = i + 1
        while j < len(lines) and (not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip()) > indent):
            j += 1
        del lines[i + 1 : j]
    return b"\n".join(lines), f"line {i + 1}: value -> {new[:40]!r}"


def indentation(rng: random.Random, raw: bytes) -> tuple[bytes, str]:
    lines = _lines(raw)
    i = _pick_line(rng, lines)
    delta = rng.choice([-4, -2, -1, 1, 2, 3, 8])
    if delta > 0:
        lines[i] = b" " * delta + lines[i]
    else:
        strip = min(-delta, len(lines[i]) - len(lines[i].lstrip(b" ")))
        lines[i] = lines[i][strip:]
    return b"\n".join(lines), f"indent line {i + 1} by {delta}"


def tabs(rng: random.Random, raw: bytes) -> tuple[bytes, str]:
    lines = _lines(raw)
    i = _pick_line(rng, lines)
    where = rng.randrange(len(lines[i]) + 1)
    lines[i] = lines[i][:where] + b"\t" * rng.randint(1, 2) + lines[i][where:]
    return b"\n".join(lines), f"tab in line {i + 1} at {where}"


TAGS = [
    b"!!python/object:os.system", b"!!python/object/apply:os.system ['true']", b"!!python/name:builtins.eval",
    b"!!python/tuple", b"!!binary", b"!!set", b"!!omap", b"!!pairs", b"!custom", b"!!timestamp", b"!!float",
    b"!!int", b"!!str", b"!!map", b"!!seq", b"!!null", b"!!bool", b"!!merge", b"!<tag:yaml.org,2002:str>", b"!",
]  # fmt: skip


def yaml_tag(rng: random.Random, raw: bytes) -> tuple[bytes, str]:
    lines = _lines(raw)
    i = _pick_line(rng, lines, rb":\s*\S|^\s*- ")
    tag = rng.choice(TAGS)
    if b": " in lines[i]:
        key, _, value = lines[i].partition(b": ")
        lines[i] = key + b": " + tag + b" " + value
    else:
        lines[i] = lines[i].replace(b"- ", b"- " + tag + b" ", 1)
    return b"\n".join(lines), f"tag {tag!r} on line {i + 1}"


BAD_UTF8 = [b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf4\x90\x80\x80", b"\x80", b"\xe2\x82", b"\xfe\xff"]


def invalid_utf8(rng: random.Random, raw: bytes) -> tuple[bytes, str]:
    spot = rng.randrange(len(raw))
    bad = rng.choice(BAD_UTF8)
    return raw[:spot] + bad + raw[spot:], f"insert {bad!r} at {spot}"


ODD_CHARS = [
    "\x00", "\x85", "\u2028", "\u2029", "\r", "\r\n", "\ufeff", "\x1b", "\x7f", "\ud7ff", "\U0001f600",
    "\u200b", "\x0c", "\x0b", "#", ":", "- ", "? ", "&a ", "*a ", "<<: ", "---\n", "...\n", "%YAML 1.1\n",
    "{", "}", "[", "]", "'", '"', "|", ">", "@", "`", "%", "!",
]  # fmt: skip


def odd_text(rng: random.Random, raw: bytes) -> tuple[bytes, str]:
    text = raw.decode("utf-8", "surrogateescape")
    spot = rng.randrange(len(text))
    odd = rng.choice(ODD_CHARS)
    out = text[:spot] + odd + text[spot:]
    return out.encode("utf-8", "surrogateescape"), f"insert {odd!r} at char {spot}"


def aliases(rng: random.Random, raw: bytes, *, laughs: bool = False) -> tuple[bytes, str]:
    """Anchors, aliases and merges: self-reference, merging non-mappings (and, on request, a billion laughs).

    The laughs cost half a second each (the loader expands 200 000 nodes before it
    stops), so the random mutants leave them to their own test.
    """
    lines = _lines(raw)
    i = _pick_line(rng, lines, rb"^\s*[A-Za-z_]+:\s*$")
    choice = 1 if laughs else rng.choice([0, 2, 3, 4])
    if choice == 0:
        lines[i] = lines[i] + b" &loop"
        lines.insert(i + 1, re.sub(rb"\S.*", b"", lines[i]) + b"  again: *loop")
        what = "alias inside its own anchor"
    elif choice == 1:
        bomb = [b"x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        bomb += [f"x{n}: &x{n} [{', '.join([f'*x{n - 1}'] * 9)}]".encode() for n in range(1, 9)]
        lines = bomb + lines
        what = "billion laughs"
    elif choice == 2:
        lines.insert(i + 1, re.sub(rb"\S.*", b"", lines[i]) + b"  <<: [1, *undefined]")
        what = "merge of a non-mapping"
    elif choice == 3:
        lines.insert(i + 1, re.sub(rb"\S.*", b"", lines[i]) + b"  <<: 5")
        what = "merge of a scalar"
    else:
        lines[0:0] = [b"base: &base {kind: title, title: Merged}"]
        j = _pick_line(rng, lines, rb"^\s*- kind:")
        lines.insert(j + 1, re.sub(rb"-.*", b"", lines[j]) + b"  <<: *base")
        what = "merge into a slide"
    return b"\n".join(lines), f"{what} near line {i + 1}"


def deep_nesting(rng: random.Random, raw: bytes, *, depth: int | None = None) -> tuple[bytes, str]:
    """Nested flow collections past MAX_DEPTH (past the recursion limit only on request: that takes seconds)."""
    depth = depth or rng.choice([65, 300])
    kind = rng.randrange(3)
    value = [b"[" * depth + b"]" * depth, b"{a: " * depth + b"1" + b"}" * depth, b"[" * depth][kind]
    lines = _lines(raw)
    i = _pick_line(rng, lines, rb"^\s*[A-Za-z_]+: \S")
    key = lines[i].split(b":")[0]
    lines[i] = key + b": " + value
    return b"\n".join(lines), f"nest {depth} deep ({kind}) on line {i + 1}"


def line_endings(rng: random.Random, raw: bytes) -> tuple[bytes, str]:
    ending = rng.choice([b"\r\n", b"\r", "\u2028".encode(), b"\xc2\x85"])
    return raw.replace(b"\n", ending), f"line endings {ending!r}"


MUTATIONS: list[Mutation] = [
    byte_flips, random_bytes, truncate, delete_lines, duplicate_line, swap_lines, type_swap, type_swap,
    indentation, tabs, yaml_tag, invalid_utf8, odd_text, aliases, deep_nesting, line_endings,
]  # fmt: skip


def mutate(seed: int, base: bytes = ORIGINAL) -> tuple[bytes, list[str]]:
    """The mutant of this seed and what was done to make it (the same every run)."""
    rng = random.Random(seed)
    raw, done = base, []
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
        if not raw:
            break
        mutation = rng.choice(MUTATIONS)
        raw, what = mutation(rng, raw)
        done.append(f"{mutation.__name__}: {what}")
    return raw, done


# ---------------------------------------------------------------- the invariant


def _breaks(raw: bytes) -> int:
    """How many lines the file has, counting every line break YAML counts."""
    text = raw.decode("utf-8", "replace")
    return len(re.findall("\r\n|[\r\n\x85\u2028\u2029]", text)) + 1


def check_positioned(diagnostic: Diagnostic, raw: bytes, path: Path = SLIDES) -> None:
    assert diagnostic.path == str(path), diagnostic
    assert diagnostic.line >= 1, diagnostic
    assert diagnostic.col >= 1, diagnostic
    assert diagnostic.message.strip(), diagnostic
    assert diagnostic.severity in ("error", "warning"), diagnostic
    assert diagnostic.line <= _breaks(raw) + 1, f"{diagnostic} points past the end of the file"


def load_or_positioned(raw: bytes, path: Path = SLIDES) -> LoadedScript | ScriptError:
    """Load; any exception but a ScriptError with positioned diagnostics fails the test."""
    try:
        loaded = load_bytes(raw, path)
    except ScriptError as exc:
        refused = exc
    else:
        for diagnostic in loaded.warnings:
            check_positioned(diagnostic, raw, path)
        return loaded
    assert refused.errors, "a ScriptError without errors"
    for diagnostic in refused.diagnostics:
        check_positioned(diagnostic, raw, path)
    return refused


def run_seeds(seeds: range) -> tuple[int, int]:
    """Load every mutant of these seeds; returns (loaded, refused)."""
    ok = refused = 0
    for seed in seeds:
        raw, done = mutate(seed)
        try:
            result = load_or_positioned(raw)
        except BaseException as exc:
            steps = "\n  ".join(done)
            raise AssertionError(f"mutant {seed} broke the loader:\n  {steps}\n{type(exc).__name__}: {exc}") from exc
        if isinstance(result, ScriptError):
            refused += 1
        else:
            ok += 1
    return ok, refused


# ---------------------------------------------------------------- the tests


def test_the_original_loads() -> None:
    assert isinstance(load_or_positioned(ORIGINAL), LoadedScript)


def test_mutants_are_reproducible() -> None:
    assert mutate(7) == mutate(7)
    assert mutate(7)[0] != mutate(8)[0]


@pytest.mark.parametrize("start", range(0, MUTANTS, CHUNK))
def test_mutants_load_or_fail_with_positions(start: int) -> None:
    ok, refused = run_seeds(range(start, start + CHUNK))
    assert ok + refused == CHUNK


def test_every_mutation_kind_is_exercised() -> None:
    """Each mutation on its own, a few seeds each, so no kind is left to chance."""
    for n, mutation in enumerate(MUTATIONS):
        for seed in range(5):
            rng = random.Random(10_000 + 100 * n + seed)
            raw, what = mutation(rng, ORIGINAL)
            try:
                load_or_positioned(raw)
            except BaseException as exc:
                raise AssertionError(f"{mutation.__name__} (seed {seed}): {what}\n{exc!r}") from exc


def test_mutants_of_the_small_script(tmp_path: Path) -> None:
    """The small test script too, against a folder with its crest, so more mutants get past YAML."""
    (tmp_path / "crest.svg").write_bytes((REPO / "assets" / "crests" / "notodden.svg").read_bytes())
    path = tmp_path / "s.yaml"
    for seed in range(200):
        raw, done = mutate(seed, GOOD.encode())
        try:
            load_or_positioned(raw, path)
        except BaseException as exc:
            raise AssertionError(f"small mutant {seed}: {done}\n{exc!r}") from exc


def test_nesting_past_the_recursion_limit() -> None:
    for seed in range(2):
        raw, what = deep_nesting(random.Random(seed), ORIGINAL, depth=1100)
        result = load_or_positioned(raw)
        assert isinstance(result, ScriptError), what


def test_billion_laughs_stop() -> None:
    raw, what = aliases(random.Random(0), ORIGINAL, laughs=True)
    result = load_or_positioned(raw)
    assert isinstance(result, ScriptError), what
    assert any("refusing to expand" in d.message for d in result.diagnostics)


# ---------------------------------------------------------------- crashes the fuzzer found, kept as plain tests


def test_integer_longer_than_python_converts(write_script: Callable[[str | bytes], Path]) -> None:
    """Found by mutant 104: a 4,400-digit integer raised ValueError from int() (Python's 4,300-digit limit)."""
    path = write_script(GOOD.replace("year: 2024", "year: " + "1" * 4400))
    with pytest.raises(ScriptError) as caught:
        load_bytes(path.read_bytes(), path)
    [diagnostic] = caught.value.diagnostics
    assert (diagnostic.line, diagnostic.col) == (3, 9)
    assert diagnostic.message.startswith("event.year:")
