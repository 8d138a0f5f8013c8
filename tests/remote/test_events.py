"""The WebSocket of state changes, and the rule that no state ever names an unrevealed winner."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWebSockets import QWebSocket
from pytestqt.qtbot import QtBot

from ceremony.remote.snapshot import mentions
from ceremony.script.loader import LoadedScript
from ceremony.show.engine import Engine

from .conftest import FakeClock, Served, secret_script


class Listener:
    """A real WebSocket client in the test's event loop."""

    def __init__(self, url: str) -> None:
        self.messages: list[dict[str, Any]] = []
        self.texts: list[str] = []
        self.socket = QWebSocket()
        self.socket.textMessageReceived.connect(self._on_text)
        self.socket.open(QUrl(url))

    def _on_text(self, text: str) -> None:
        self.texts.append(text)
        self.messages.append(json.loads(text))

    def close(self) -> None:
        self.socket.abort()
        self.socket.deleteLater()


def listen(served: Served, token: str | None = None) -> Listener:
    token = served.server.token if token is None else token
    return Listener(f"ws://127.0.0.1:{served.port}/api/events?token={token}")


def test_state_is_pushed_on_every_change(serve: Callable[..., Served], qtbot: QtBot) -> None:
    served = serve()
    client = listen(served)
    qtbot.waitUntil(lambda: len(client.messages) == 1)
    assert client.messages[0]["cue"]["id"] == "walk-in"
    served.command("next")
    qtbot.waitUntil(lambda: client.messages[-1]["cue"]["id"] == "title")
    served.engine.run("blackout")  # a change made elsewhere (a key) is pushed too
    qtbot.waitUntil(lambda: client.messages[-1]["blackout"] == "black")
    count = len(client.messages)
    served.command("freeze")
    served.command("start_show")  # ignored (next started the clock): nothing changed, nothing pushed for it
    qtbot.wait(50)
    assert len(client.messages) == count + 1
    assert served.server.client_count == 1
    client.close()
    qtbot.waitUntil(lambda: served.server.client_count == 0)


def test_websocket_needs_the_token(serve: Callable[..., Served], qtbot: QtBot) -> None:
    served = serve()
    refused = listen(served, token="wrong")
    qtbot.waitUntil(lambda: refused.socket.state().name == "UnconnectedState" and bool(refused.socket.errorString()))
    qtbot.wait(50)
    assert refused.messages == []
    assert served.server.client_count == 0
    refused.close()


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)] + [str(k) for k in value]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def _assert_secret(texts: list[str], secrets: list[str], nominees: list[str]) -> None:
    """No string names a secret, except the host's list of every nominee of a class to say next (it names
    them all alike, so it tells nothing of who wins)."""
    for text in texts:
        doc = json.loads(text)
        for part in (doc, doc.get("state")):
            view = part.get("confidence") if isinstance(part, dict) else None
            if view is not None and sorted(view["next_names"]) == sorted(nominees):
                view["next_names"] = []
        for string in _strings(doc):
            assert not mentions(string, secrets), (string, secrets)


def _no_nominee_stands_out(text: str, slides: LoadedScript) -> None:
    """Each class's nominees are named (by name or id) equally often: all of them (the host's view names a
    class's nominees before its reveal) or none, so nothing tells the winner apart from the others."""
    low = text.lower()
    for award_class in slides.script.classes:
        counts = {n.id: low.count(n.name.lower()) + text.count(f'"{n.id}"') for n in award_class.nominees}
        assert len(set(counts.values())) == 1, (award_class.id, counts, text)


def test_suspense_never_names_the_winner(
    serve: Callable[..., Served], slides: LoadedScript, qtbot: QtBot, clock: FakeClock
) -> None:
    served = serve(Engine(None, slides.script, clock=clock))
    client = listen(served)
    qtbot.waitUntil(lambda: len(client.messages) == 1)
    served.command("goto", "reveal-under-15000/lineup")
    clock.advance(1)
    served.command("next")
    qtbot.waitUntil(lambda: client.messages[-1]["cue"]["step"] == "suspense")
    texts = [*client.texts, served.request("GET", "/api/state").body.decode()]
    texts.append(served.request("GET", "/api/commands").body.decode())
    texts.append(served.request("GET", "/api/confidence").body.decode())
    for command in ("rehearsal", "show_winners_in_preview"):
        served.command(command)  # rehearsal is refused (the show started); previews with winners on
    texts.append(served.request("GET", "/api/state").body.decode())
    for text in texts:
        _no_nominee_stands_out(text, slides)
    clock.advance(6)
    reply = served.command("next")  # the reveal fires: now, and only now, the winner is in the state
    assert reply.json["state"]["revealed"] == [
        {
            "class_id": "under-15000",
            "class_name": "under 15 000 innbyggere",
            "winner": {"id": "kvitsoy", "name": "Kvitsøy"},
        }
    ]
    assert "Sandefjord" not in reply.body.decode()
    client.close()


def test_rehearsal_stand_ins_stay_hidden_until_revealed(
    serve: Callable[..., Served], slides: LoadedScript, clock: FakeClock
) -> None:
    engine = Engine(None, slides.script, clock=clock, rehearsal=True, seed=3)
    served = serve(engine)
    stand_in = engine.state.stand_ins["under-15000"]
    name = next(n.name for c in slides.script.classes for n in c.nominees if n.id == stand_in)
    served.command("goto", "reveal-under-15000/suspense")
    body = served.request("GET", "/api/state").body.decode()
    assert served.state()["cue"]["step"] == "suspense"
    assert stand_in not in body
    assert name not in body
    reply = served.command("reveal")
    assert reply.json["state"]["revealed"][0]["winner"]["id"] == stand_in
    assert reply.json["state"]["rehearsal"] is True


def test_picks_and_envelope_mismatch_never_leak(serve: Callable[..., Served], qtbot: QtBot, clock: FakeClock) -> None:
    served = serve(Engine(None, secret_script(), clock=clock), digest="x" * 64)
    client = listen(served)
    qtbot.waitUntil(lambda: len(client.messages) == 1)
    secrets = ["zorbia", "Zorbiaby", "quendal", "Quendalvik", "ystrom", "Ystrømsund"]
    replies = []
    for command, arg in (("goto", "reveal-k/suspense"), ("pick_winner", "1"), ("confirm_pick", None)):
        clock.advance(2)
        replies.append(served.command(command, arg))
    assert served.engine.state.pending is not None
    assert served.engine.state.pending.kind == "mismatch"  # the host read zorbia, the script says quendal
    qtbot.waitUntil(lambda: (client.messages[-1]["pending"] or {}).get("kind") == "mismatch")
    state = served.request("GET", "/api/state")
    texts = [*client.texts, state.body.decode(), *(r.body.decode() for r in replies)]
    _assert_secret(texts, secrets, ["Zorbiaby", "Quendalvik", "Ystrømsund"])
    assert replies[-1].status == 409
    assert served.command("choose_script_winner").status == 404  # settling it is the presenter's
    clock.advance(2)
    assert served.engine.run("choose_script_winner").ok
    assert served.state()["revealed"][0]["winner"]["name"] == "Quendalvik"
    client.close()
