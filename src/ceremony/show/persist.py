"""The show's place on disk, so a crash or a reboot mid-show resumes where it was with the same winners.

One small JSON file per script, written atomically (temp file, fsync, rename,
fsync the folder) so a power cut leaves the old file or the new one, never half.
Reading never raises: a corrupt, old or foreign file is reported and ignored.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import platformdirs

from ceremony import __version__
from ceremony.i18n import QT_TRANSLATE_NOOP
from ceremony.show.engine import Engine, existing
from ceremony.show.moves import safe_target
from ceremony.show.state import BLACKOUT_VALUES, Blackout, Outcome, ShowState, error, ok

FORMAT = 1

log = logging.getLogger(__name__)


def state_dir() -> Path:
    """Where saved shows live: $CEREMONY_STATE_DIR, else the platform's user state folder."""
    override = os.environ.get("CEREMONY_STATE_DIR")
    return Path(override) if override else Path(platformdirs.user_state_dir("ceremony"))


def state_file(script_path: str | Path) -> Path:
    """The saved-show file of a script, named from a hash of its absolute path."""
    key = hashlib.sha256(str(Path(script_path).resolve()).encode()).hexdigest()[:16]
    return state_dir() / f"show-{key}.json"


@dataclass(frozen=True, slots=True)
class Saved:
    """What survives a restart."""

    script_path: str
    script_digest: str
    saved_at: str
    cue_id: str
    cue_order: tuple[str, ...] = ()
    """Every cue id in the order of the saved script, to find the nearest earlier cue if this one is gone."""
    blackout: Blackout = "none"
    rehearsal: bool = False
    revealed: Mapping[str, str] = field(default_factory=dict)
    rehearsal_revealed: Mapping[str, str] = field(default_factory=dict)
    stand_ins: Mapping[str, str] = field(default_factory=dict)
    times: Mapping[str, float] = field(default_factory=dict)
    rehearsal_times: Mapping[str, float] = field(default_factory=dict)
    started_wall: float | None = None
    """Wall-clock time the show started, so the show clock keeps counting across a restart."""


def snapshot(state: ShowState, script_path: str | Path, digest: str, now: float) -> Saved:
    """The parts of a state worth saving; ``now`` is the engine's (monotonic) clock reading."""
    wall = time.time()
    started_wall = None if state.started_at is None else wall - (now - state.started_at)
    return Saved(
        script_path=str(Path(script_path).resolve()),
        script_digest=digest,
        saved_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        cue_id=state.cue.id,
        cue_order=tuple(c.id for c in state.show.cues),
        blackout=state.blackout,
        rehearsal=state.rehearsal,
        revealed=dict(state.revealed),
        rehearsal_revealed=dict(state.rehearsal_revealed),
        stand_ins=dict(state.stand_ins),
        times=dict(state.times),
        rehearsal_times=dict(state.rehearsal_times),
        started_wall=started_wall,
    )


def save(saved: Saved) -> Path:
    """Write atomically; returns the file written. Raises OSError if the disk refuses (the UI shows it)."""
    path = state_file(saved.script_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fields = {k: _plain(v) for k, v in dataclasses.asdict(saved).items()}
    data = {"format": FORMAT, "ceremony_version": __version__, **fields}  # the version: for people, not checked
    fd, tmp = tempfile.mkstemp(prefix=".show-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, indent=1)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)
    return path


def _plain(value: object) -> object:
    if isinstance(value, tuple):
        return list(value)
    return dict(value) if isinstance(value, Mapping) else value


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # e.g. Windows cannot open a folder; the rename is still atomic there
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def load(script_path: str | Path) -> tuple[Saved | None, str]:
    """The saved show of this script, or None and why not. Never raises."""
    path = state_file(script_path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, "no saved show"
    except (OSError, UnicodeDecodeError) as exc:
        return None, f"cannot read {path}: {exc}"
    try:
        data = json.loads(raw)
    except ValueError:
        return None, f"{path} is corrupt"
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None, f"{path} is from another version of ceremony"
    if data.get("script_path") != str(Path(script_path).resolve()):
        return None, f"{path} belongs to another script"
    try:
        saved = _saved_from(data)
    except (TypeError, ValueError) as exc:
        return None, f"{path} is damaged: {exc}"
    return saved, "restored"


def _str_map(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ValueError("a map of names is not a map of names")
    return value


def _float_map(value: Any) -> dict[str, float]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, int | float) and not isinstance(v, bool) for k, v in value.items()
    ):
        raise ValueError("a map of times is not a map of times")
    return {k: float(v) for k, v in value.items()}


def _saved_from(data: dict[str, Any]) -> Saved:
    for key in ("script_path", "script_digest", "saved_at", "cue_id"):
        if not isinstance(data.get(key), str):
            raise ValueError(f"'{key}' is missing")
    blackout = data.get("blackout", "none")
    if blackout not in BLACKOUT_VALUES:
        raise ValueError(f"blackout '{blackout}'")
    order = data.get("cue_order", [])
    if not isinstance(order, list) or not all(isinstance(c, str) for c in order):
        raise ValueError("'cue_order' is not a list of cue ids")
    started = data.get("started_wall")
    if started is not None and (not isinstance(started, int | float) or isinstance(started, bool)):
        raise ValueError("'started_wall' is not a time")
    return Saved(
        script_path=data["script_path"],
        script_digest=data["script_digest"],
        saved_at=data["saved_at"],
        cue_id=data["cue_id"],
        cue_order=tuple(order),
        blackout=blackout,
        rehearsal=bool(data.get("rehearsal", False)),
        revealed=_str_map(data.get("revealed", {})),
        rehearsal_revealed=_str_map(data.get("rehearsal_revealed", {})),
        stand_ins=_str_map(data.get("stand_ins", {})),
        times=_float_map(data.get("times", {})),
        rehearsal_times=_float_map(data.get("rehearsal_times", {})),
        started_wall=None if started is None else float(started),
    )


def saved_index(state: ShowState, saved: Saved) -> int:
    """The saved cue's index in this show: by id, else the nearest earlier cue (in the saved order) that exists."""
    order = list(saved.cue_order) or [saved.cue_id]
    upto = order.index(saved.cue_id) + 1 if saved.cue_id in order else len(order)
    for cue_id in [saved.cue_id, *reversed(order[:upto])]:
        found = state.show.index_of(cue_id)
        if found is not None:
            return found
    return 0


def restored(state: ShowState, saved: Saved, now: float) -> ShowState:
    """A fresh state moved to the saved place (by cue id) with the saved winners, blackout and timings."""
    show = state.show
    started_at = None if saved.started_wall is None else now - max(0.0, time.time() - saved.started_wall)
    new = replace(
        state,
        blackout=saved.blackout,
        rehearsal=saved.rehearsal,
        revealed=existing(saved.revealed, show),
        rehearsal_revealed=existing(saved.rehearsal_revealed, show),
        stand_ins={**state.stand_ins, **existing(saved.stand_ins, show)},
        times=dict(saved.times),
        rehearsal_times=dict(saved.rehearsal_times),
        started_at=started_at,
        cue_entered_at=now,
        slide_entered_at=now,
        pending=None,
    )
    return replace(new, cue_index=safe_target(new, saved_index(new, saved)))


def restore(engine: Engine, saved: Saved) -> Outcome:
    """Put a saved show into an engine; the script may have changed since (the place is kept by cue id)."""
    try:
        new = restored(engine.state, saved, engine.clock())
    except Exception as exc:  # never stop the start-up over a saved file
        return replace(
            error(QT_TRANSLATE_NOOP("Outcome", "cannot restore the saved show: {error}"), error=exc), command="restore"
        )
    if engine.state.show.index_of(saved.cue_id) is not None:
        resumed = ok(
            QT_TRANSLATE_NOOP("Outcome", "resumed at cue {number}: {label}"),
            number=new.cue_index + 1,
            label=new.cue.label,
        )
    else:
        resumed = ok(
            QT_TRANSLATE_NOOP("Outcome", "resumed at cue {number}: {label} (cue '{gone}' is gone)"),
            number=new.cue_index + 1,
            label=new.cue.label,
            gone=saved.cue_id,
        )
    outcome = replace(resumed, command="restore")
    engine.replace_state(new, outcome)
    return outcome


Defer = Callable[[Callable[[], None]], None]


def autosave(engine: Engine, script_path: str | Path, digest: str, *, defer: Defer | None = None) -> Callable[[], None]:
    """Save after every change that matters; returns the unsubscribe function. Write errors are logged, not raised.

    ``defer`` runs the save a moment later (the app passes "after this frame"), so the fsync never sits
    between a key press and the stage's next picture; changes in between are saved once, the latest.
    """
    last: list[Saved | None] = [None]
    waiting = [False]

    def flush() -> None:
        waiting[0] = False
        saved = snapshot(engine.state, script_path, digest, engine.clock())
        if last[0] is not None and _same(saved, last[0]):
            return
        try:
            save(saved)
            last[0] = saved
        except OSError:
            log.exception("could not save the show state")

    def on_change(old: ShowState, new: ShowState, outcome: Outcome) -> None:
        if old is new:
            return
        if defer is None:
            flush()
        elif not waiting[0]:
            waiting[0] = True
            defer(flush)

    return engine.subscribe(on_change)


def _same(a: Saved, b: Saved) -> bool:
    """Equal apart from the save time (and the start time, which drifts with the wall clock)."""

    def key(s: Saved) -> Saved:
        return replace(s, saved_at="", started_wall=None if s.started_wall is None else 0.0)

    return key(a) == key(b)
