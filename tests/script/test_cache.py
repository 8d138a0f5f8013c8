"""The validated-script cache: a restart skips parsing and validation, and never trusts a stale entry."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.script.conftest import GOOD

from ceremony.script import cache, loader
from ceremony.script.diagnostics import ScriptError
from ceremony.script.loader import load_script

WriteScript = Callable[[str | bytes], Path]


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Make any YAML parse fail loudly, and record that one was attempted."""
    attempts: list[bytes] = []

    def refuse(raw: bytes, name: str) -> tuple[object, list[object]]:
        attempts.append(raw)
        raise AssertionError("parsed although the cache held this script")

    monkeypatch.setattr(loader, "_validate", refuse)
    return attempts


def test_second_load_comes_from_the_cache_and_equals_a_full_load(
    write_script: WriteScript, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_script(GOOD)
    full = load_script(path, cached=True)
    assert list(cache.cache_dir().glob("*.pickle")) == [cache.cache_dir() / f"{full.digest}.pickle"]
    _no_parsing(monkeypatch)
    again = load_script(path, cached=True)
    assert again.script == full.script
    assert again.slide_ids == full.slide_ids
    assert again.positions == full.positions
    assert again.warnings == full.warnings
    assert again.digest == full.digest


def test_without_cached_nothing_is_read_or_written(write_script: WriteScript, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_script(GOOD)
    load_script(path, cached=True)  # an entry that an uncached load must not use
    monkeypatch.setattr(cache, "lookup", lambda digest: pytest.fail("an uncached load read the cache"))
    for entry in cache.cache_dir().glob("*.pickle"):
        entry.unlink()
    load_script(path)
    assert not cache.cache_dir().exists() or not any(cache.cache_dir().iterdir())


def test_check_validates_in_full_and_leaves_the_next_start_nothing_to_parse(
    write_script: WriteScript, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rehearsal runs `ceremony check`; the show started after it should not validate again."""
    from ceremony.check import run_check

    path = write_script(GOOD)
    load_script(path, cached=True)  # an entry that check must not trust
    real_lookup = cache.lookup
    monkeypatch.setattr(cache, "lookup", lambda digest: pytest.fail("check read the cache"))
    for entry in cache.cache_dir().glob("*.pickle"):
        entry.unlink()
    assert run_check(path) == 0
    monkeypatch.setattr(cache, "lookup", real_lookup)
    attempts = _no_parsing(monkeypatch)
    assert load_script(path, cached=True).script.event.title
    assert attempts == []


def test_an_edited_script_is_validated_again(write_script: WriteScript) -> None:
    path = write_script(GOOD)
    load_script(path, cached=True)
    path.write_text(GOOD.replace("year: 2024", "year: 12"), encoding="utf-8")
    with pytest.raises(ScriptError) as caught:
        load_script(path, cached=True)
    assert any("year" in str(d) for d in caught.value.diagnostics)


def test_images_are_checked_on_every_load_even_from_the_cache(
    write_script: WriteScript, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_script(GOOD)
    load_script(path, cached=True)
    (path.parent / "crest.svg").unlink()
    _no_parsing(monkeypatch)
    with pytest.raises(ScriptError) as caught:
        load_script(path, cached=True)
    assert any("crest.svg" in d.message for d in caught.value.diagnostics)


def test_a_torn_entry_means_a_full_load(write_script: WriteScript) -> None:
    path = write_script(GOOD)
    digest = load_script(path, cached=True).digest
    entry = cache.cache_dir() / f"{digest}.pickle"
    entry.write_bytes(entry.read_bytes()[:100])
    assert cache.lookup(digest) is None
    assert load_script(path, cached=True).script.event.title == "Testprisen"
    assert cache.lookup(digest) is not None  # and the full load wrote a sound entry again


def test_an_entry_from_other_code_is_not_trusted(write_script: WriteScript, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_script(GOOD)
    digest = load_script(path, cached=True).digest
    assert cache.lookup(digest) is not None
    monkeypatch.setattr(cache, "code_stamp", lambda: "another version of ceremony")
    assert cache.lookup(digest) is None
    attempts: list[str] = []
    original = loader._validate
    monkeypatch.setattr(loader, "_validate", lambda raw, name: attempts.append(name) or original(raw, name))
    load_script(path, cached=True)
    assert attempts == [str(path)]


def test_an_entry_holding_something_else_is_not_trusted(write_script: WriteScript) -> None:
    path = write_script(GOOD)
    digest = load_script(path, cached=True).digest
    (cache.cache_dir() / f"{digest}.pickle").write_bytes(pickle.dumps({"script": "not a script"}))
    assert cache.lookup(digest) is None


def test_a_broken_script_is_never_cached(write_script: WriteScript) -> None:
    path = write_script(GOOD.replace("winner: kvitsoy", "winner: nobody"))
    with pytest.raises(ScriptError):
        load_script(path, cached=True)
    assert not cache.cache_dir().exists() or not any(cache.cache_dir().glob("*.pickle"))


def test_an_unwritable_cache_does_not_fail_the_load(
    write_script: WriteScript, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("CEREMONY_CACHE_DIR", str(blocker / "cache"))
    assert load_script(write_script(GOOD), cached=True).script.event.year == 2024


def test_the_cache_keeps_a_bounded_number_of_entries(write_script: WriteScript) -> None:
    path = write_script(GOOD)
    for year in range(2000, 2000 + cache.KEEP + 4):
        path.write_text(GOOD.replace("year: 2024", f"year: {year}"), encoding="utf-8")
        load_script(path, cached=True)
    assert len(list(cache.cache_dir().glob("*.pickle"))) == cache.KEEP


def test_a_cached_start_imports_neither_pydantic_nor_yaml(write_script: WriteScript) -> None:
    """The point of the cache: a restart's model comes from plain dataclasses, so the validator stays unloaded."""
    path = write_script(GOOD)
    code = (
        "import sys; from ceremony.script.loader import load_script;"
        f"loaded = load_script({str(path)!r}, cached=True);"
        "print(loaded.script.event.title, sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'yaml'}))"
    )
    env = {**os.environ, "CEREMONY_CACHE_DIR": str(cache.cache_dir())}
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60) for _ in "12"
    ]
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr + runs[1].stderr
    first, again = (r.stdout.strip() for r in runs)
    assert first.endswith("['pydantic', 'yaml']")  # a script never seen: parsed and validated
    assert again == first.replace("['pydantic', 'yaml']", "[]")


def test_the_model_as_data_validates_back_to_an_equal_model(write_script: WriteScript) -> None:
    """as_data writes what a script file holds ('class', '$schema', times as text); tests and preflight rely on it."""
    from ceremony.script.model import as_data
    from ceremony.script.validate import validate_script

    script = load_script(write_script(GOOD)).script
    data = as_data(script)
    assert any("class" in slide for slide in data["slides"])
    assert validate_script(data) == script
    real = load_script(Path(__file__).resolve().parents[2] / "slides.yaml").script
    assert validate_script(as_data(real)) == real
