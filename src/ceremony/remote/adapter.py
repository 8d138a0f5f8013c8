"""What the remote needs from the running show, as a small protocol.

The server runs commands and reads state through this, so the tests can serve a
bare ``Engine`` (``EngineAdapter``) and the app serves its ``ShowController``
(``ControllerAdapter``: commands go through the controller so the presenter's
status line shows what the remote did). No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from ceremony.script.model import Script
from ceremony.show.cues import Cue
from ceremony.show.engine import Engine, Listener
from ceremony.show.state import Outcome, ShowState
from ceremony.show.timers import Timers


class ShowAdapter(Protocol):
    """The show as the remote sees it."""

    def run(self, command_id: str, arg: str | None) -> Outcome:
        """Run an engine command by id with the engine's guards; never raises."""
        ...

    def available(self, command_id: str) -> bool: ...

    def state(self) -> ShowState: ...

    def timers(self) -> Timers: ...

    def now(self) -> float:
        """The show's clock (the engine's), for times the state is read at (message age, countdown)."""
        ...

    @property
    def cues(self) -> Sequence[Cue]: ...

    @property
    def script(self) -> Script: ...

    @property
    def digest(self) -> str:
        """The script's fingerprint with its winners blanked (``LoadedScript.public_digest``): followers
        compare it, and it must not tell a caller who wins."""
        ...

    def subscribe(self, callback: Listener) -> Callable[[], None]:
        """Call ``callback(old, new, outcome)`` after every change; returns the unsubscribe function."""
        ...

    def media(self) -> dict[str, Any] | None:
        """The current cue's film as plain data (cue_id, status, position, duration, paused), or None."""
        ...


class EngineAdapter:
    """A bare engine as a ``ShowAdapter`` (tests, benchmarks, a follower's own engine)."""

    def __init__(self, engine: Engine, digest: str) -> None:
        self.engine = engine
        self._digest = digest

    def run(self, command_id: str, arg: str | None) -> Outcome:
        return self.engine.run(command_id, arg)

    def available(self, command_id: str) -> bool:
        return self.engine.available(command_id)

    def state(self) -> ShowState:
        return self.engine.state

    def timers(self) -> Timers:
        return self.engine.timers()

    def now(self) -> float:
        return self.engine.clock()

    @property
    def cues(self) -> Sequence[Cue]:
        return self.engine.cues

    @property
    def script(self) -> Script:
        return self.engine.script

    @property
    def digest(self) -> str:
        return self._digest

    def subscribe(self, callback: Listener) -> Callable[[], None]:
        return self.engine.subscribe(callback)

    def media(self) -> dict[str, Any] | None:
        return None  # a bare engine plays nothing


class _Loaded(Protocol):
    @property
    def public_digest(self) -> str: ...


class _Controller(Protocol):
    """The parts of ``ceremony.ui.controller.ShowController`` the remote uses."""

    engine: Engine

    @property
    def loaded(self) -> _Loaded: ...

    def run(self, command_id: str, arg: str | int | None = None, *, auto_repeat: bool = False) -> Outcome: ...

    def media_json(self) -> dict[str, Any] | None: ...


class ControllerAdapter(EngineAdapter):
    """The app's ``ShowController``: commands through it, the digest of the script it has loaded now."""

    def __init__(self, controller: _Controller) -> None:
        super().__init__(controller.engine, "")
        self.controller = controller

    def run(self, command_id: str, arg: str | None) -> Outcome:
        return self.controller.run(command_id, arg)

    @property
    def digest(self) -> str:
        return self.controller.loaded.public_digest

    def media(self) -> dict[str, Any] | None:
        return self.controller.media_json()
