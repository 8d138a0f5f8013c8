"""The validated-script cache: a restart mid-event skips parsing and validating a script it has seen.

Parsing the YAML, importing pydantic and building its validators take about a third of the cold
start, and the result depends on nothing but the file's bytes and this code. So after a successful
load the validated model (plain dataclasses: unpickling it needs no pydantic) is pickled under the
bytes' SHA-256, stamped with the versions and the sizes and modification times of the modules that
define and validate it; any difference, or any problem reading the entry, means a full load.
Checks that look outside the file (its images, fonts, contrast) are not cached:
the loader runs them again on every load.

The entries live in the user's own cache folder and are written by this program only; they are
pickles, so that folder is as trusted as the program itself.
"""

from __future__ import annotations

import importlib.util
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ceremony import __version__
from ceremony.script.cachedir import cache_dir
from ceremony.script.model import Script
from ceremony.script.positions import Positions

FORMAT = 2  # 2: the model is dataclasses
KEEP = 16  # entries kept; the oldest beyond that are removed


@dataclass(frozen=True, slots=True)
class Entry:
    """What a full load computed from the file's bytes alone."""

    stamp: str
    script: Script
    positions: Positions


def code_stamp() -> str:
    """Changes whenever the code that turns bytes into a model might have: versions and module files.

    pydantic, pydantic-core and PyYAML are stamped by their package files (an upgrade rewrites them),
    not by their versions: importing them would cost a cached start the time it saves.
    """
    parts = [f"format={FORMAT}", __version__, sys.version]
    modules = sorted(Path(__file__).parent.glob("*.py"))
    for package in ("pydantic", "pydantic_core", "yaml"):
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.origin is not None:
            modules.append(Path(spec.origin))
    for module in modules:
        stat = module.stat()
        parts.append(f"{module}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)


def lookup(digest: str) -> Entry | None:
    """The cached model for a file whose bytes hash to digest, if there is a sound one."""
    try:
        with (cache_dir() / f"{digest}.pickle").open("rb") as handle:
            entry = pickle.load(handle)
    except Exception:  # missing, unreadable, torn or from another version: all mean "load it fully"
        return None
    if not isinstance(entry, Entry) or not isinstance(entry.script, Script) or entry.stamp != code_stamp():
        return None
    return entry


def store(digest: str, script: Script, positions: Positions) -> None:
    """Remember a validated model; never fails the load that produced it."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".entry-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(Entry(code_stamp(), script, positions), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, folder / f"{digest}.pickle")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _prune(folder)
    except Exception:
        return


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)
