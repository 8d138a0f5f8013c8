"""Remote fixtures: a real server on 127.0.0.1 (free port) over a bare engine, and clients that do not block Qt.

HTTP requests run in a worker thread while ``qtbot.waitUntil`` keeps the Qt
event loop (and so the server) turning in the test's thread.
"""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest
from pytestqt.qtbot import QtBot

from ceremony.remote.adapter import EngineAdapter
from ceremony.remote.api import RemoteServer
from ceremony.script.loader import LoadedScript, load_script
from ceremony.script.model import Script
from ceremony.script.validate import validate_script
from ceremony.show.engine import Engine

SLIDES = Path(__file__).resolve().parents[2] / "slides.yaml"
T = TypeVar("T")


class FakeClock:
    """Monotonic seconds that only move when the test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body)


def in_thread(qtbot: QtBot, work: Callable[[], T], timeout: int = 20_000) -> T:
    """Run blocking client code in a thread while the Qt loop serves; return its result (or raise its error)."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=timeout)
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]


def raw_request(
    port: int, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None
) -> Reply:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    finally:
        conn.close()


@dataclass
class Served:
    """A running server and what it serves."""

    server: RemoteServer
    engine: Engine
    loaded: LoadedScript
    qtbot: QtBot

    @property
    def port(self) -> int:
        return self.server.port

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.server.token}"}

    def request(
        self,
        method: str,
        path: str,
        body: bytes | dict[str, Any] | None = None,
        *,
        token: bool = True,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        data = json.dumps(body).encode() if isinstance(body, dict) else body
        sent = {**(self.auth if token else {}), **(headers or {})}
        if data is not None:
            sent.setdefault("Content-Type", "application/json")
        return in_thread(self.qtbot, lambda: raw_request(self.port, method, path, data, sent))

    def command(self, command_id: str, arg: str | int | None = None) -> Reply:
        return self.request("POST", f"/api/commands/{command_id}", None if arg is None else {"arg": arg})

    def state(self) -> Any:
        reply = self.request("GET", "/api/state")
        assert reply.status == 200
        return reply.json


@pytest.fixture(scope="session")
def slides() -> LoadedScript:
    return load_script(SLIDES)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def serve(qtbot: QtBot, slides: LoadedScript) -> Iterator[Callable[..., Served]]:
    """``serve(engine=None, require_token=True, **server_kwargs)``: a started server, stopped after the test."""
    servers: list[RemoteServer] = []

    def start(engine: Engine | None = None, *, digest: str | None = None, **kwargs: Any) -> Served:
        engine = engine or Engine(None, slides.script)
        kwargs.setdefault("require_token", True)
        server = RemoteServer(EngineAdapter(engine, digest or slides.public_digest), port=0, **kwargs)
        server.start()
        servers.append(server)
        return Served(server, engine, slides, qtbot)

    yield start
    for server in servers:
        server.stop()
        server.deleteLater()


def secret_script() -> Script:
    """One class with distinctive names whose reveal asks the operator to confirm the name read (envelope check)."""
    names = {"zorbia": "Zorbiaby", "quendal": "Quendalvik", "ystrom": "Ystrømsund"}
    nominees = [{"id": i, "name": n, "county": "X", "crest": f"{i}.svg", "tagline": "t"} for i, n in names.items()]
    cut = {"type": "cut", "duration": 0}
    return validate_script(
        {
            "event": {"title": "T", "year": 2024},
            "classes": [
                {"id": "k", "name": "K", "winner": "quendal", "confirm": True, "suspense": 1.0, "nominees": nominees}
            ],
            "slides": [
                {"id": "intro", "kind": "title", "transition": cut},
                {"kind": "lineup", "class": "k", "transition": cut},
                {"kind": "reveal", "class": "k", "transition": cut},
                {"id": "outro", "kind": "text", "title": "Takk", "transition": cut},
            ],
        }
    )
