"""The HTTP API against a real server on loopback, with a real HTTP client."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from ceremony.remote.adapter import EngineAdapter
from ceremony.remote.api import RemoteServer, parse_command_body, status_for
from ceremony.remote.snapshot import remote_commands
from ceremony.script.loader import LoadedScript
from ceremony.show.commands import REGISTRY
from ceremony.show.engine import Engine

from .conftest import FakeClock, Served

# (command, arg, seconds to move the clock first): every engine command, through reveals and confirmations.
SCRIPT: list[tuple[str, str | int | None, float]] = [
    ("rehearsal", None, 1),
    ("rehearsal", None, 1),
    ("start_show", None, 1),
    ("start_show", None, 1),
    ("next", None, 1),
    ("next", None, 0.1),  # a bounce: ignored
    ("blackout", None, 1),
    ("blackout", None, 1),
    ("whiteout", None, 1),
    ("whiteout", None, 1),
    ("freeze", None, 1),
    ("next", None, 1),
    ("freeze", None, 1),
    ("goto", "reveal-under-15000/lineup", 1),
    ("next", None, 1),  # to the suspense step: armed
    ("next", None, 1),  # suspense still running: held
    ("pick_winner", "1", 1),  # this class's winner is in the script: ignored
    ("confirm_pick", None, 1),
    ("next", None, 5),  # suspense over: the reveal fires
    ("next", None, 1),  # reveal animation playing: held
    ("blackout", None, 0.5),  # safe during the reveal
    ("blackout", None, 0.5),
    ("next", None, 4),  # to the winner step
    ("previous", None, 1),  # out of a revealed winner: needs confirmation
    ("confirm", None, 1),
    ("reset_reveal", "under-15000", 5),  # needs confirmation
    ("escape", None, 1),
    ("escape", None, 1),  # nothing to cancel
    ("goto", 25, 1),  # cue 25: over-15000's suspense step
    ("reveal", None, 1),  # fire now, without waiting
    ("reveal", None, 5),  # already revealed
    ("last", None, 1),
    ("first", None, 1),  # crosses revealed winners: needs confirmation
    ("first", None, 1),  # a second press confirms
    ("goto", "no-such-cue", 1),  # an error outcome
    ("reset_reveal", "under-15000", 1),
    ("confirm", None, 1),
    ("send_message", "Strekk 30 s", 1),
    ("clear_message", None, 1),
    ("clear_message", None, 1),  # nothing to clear
    ("media_pause", None, 1),
    ("media_pause", None, 1),
    ("media_restart", None, 1),  # no film on this cue: not available, ignored
    ("sound_panic", None, 1),
    ("volume_down", None, 1),
    ("volume_up", None, 1),
]


def test_every_command_moves_the_show_as_engine_run_does(
    serve: Callable[..., Served], slides: LoadedScript, clock: FakeClock
) -> None:
    served = serve(Engine(None, slides.script, clock=clock))
    reference = Engine(None, slides.script, clock=clock)
    assert {c for c, _, _ in SCRIPT} == {c.id for c in remote_commands()}
    for command_id, arg, wait in SCRIPT:
        clock.advance(wait)
        reply = served.command(command_id, arg)
        expected = reference.run(command_id, arg)
        body = reply.json
        assert (body["kind"], reply.status) == (expected.kind, status_for(expected)), (command_id, body)
        assert served.engine.state == reference.state, command_id
        assert body["state"]["cue"]["id"] == reference.state.cue.id
    assert served.engine.state.revealed == {"over-15000": "sandefjord"}


def test_get_state_and_commands(serve: Callable[..., Served]) -> None:
    served = serve()
    state = served.state()
    assert state["cue"]["id"] == "walk-in"
    assert state["next"]["id"] == "title"
    assert state["digest"] == served.loaded.public_digest
    assert state["events"] == {"path": "/api/events", "port": served.port}
    assert set(state["timers"]) >= {"on_slide", "planned", "status", "elapsed"}
    commands = served.request("GET", "/api/commands").json
    ids = [c["id"] for c in commands]
    assert ids == [c.id for c in remote_commands()]
    for window in ("quit", "help"):  # the windows' own commands (not even registered without the windows)
        assert window not in ids
        assert served.command(window).status == 404
    for presenter_only in ("choose_script_winner", "choose_read_winner", "show_winners_in_preview"):
        assert presenter_only not in ids
        reply = served.command(presenter_only)
        assert (reply.status, "presenter-window command" in reply.json["error"]) == (404, True), presenter_only
    nxt = next(c for c in commands if c["id"] == "next")
    assert nxt["keys"] == list(REGISTRY["next"].keys)
    assert nxt["available"] is True
    assert next(c for c in commands if c["id"] == "reveal")["available"] is False


def test_unauthorised_requests_change_nothing(serve: Callable[..., Served]) -> None:
    served = serve()
    before = served.engine.state
    wrong = [
        {},
        {"Authorization": "Bearer nope"},
        {"Authorization": f"Basic {served.server.token}"},
        {"Authorization": f"Bearer {served.server.token}x"},
    ]
    for headers in wrong:
        for method, path in (("POST", "/api/commands/next"), ("GET", "/api/state"), ("GET", "/api/commands")):
            reply = served.request(method, path, token=False, headers=headers)
            assert reply.status == 401, (headers, path)
            assert "error" in reply.json
            assert reply.headers["www-authenticate"].startswith("Bearer")
    assert served.request("POST", "/api/commands/blackout?token=wrong", token=False).status == 401
    assert served.engine.state is before
    ok = served.request("POST", f"/api/commands/next?token={served.server.token}", token=False)
    assert ok.status == 200
    assert served.engine.state.cue_index == 1


def test_beyond_loopback_needs_a_token(slides: LoadedScript) -> None:
    adapter = EngineAdapter(Engine(None, slides.script), slides.public_digest)
    assert RemoteServer(adapter, host="0.0.0.0").require_token
    assert RemoteServer(adapter, host="192.168.1.20").require_token
    assert not RemoteServer(adapter, host="127.0.0.1").require_token
    assert RemoteServer(adapter, host="127.0.0.1", require_token=True).require_token
    assert RemoteServer(adapter, host="0.0.0.0", require_token=False).require_token  # cannot be switched off
    a, b = RemoteServer(adapter), RemoteServer(adapter)
    assert a.token != b.token
    assert len(a.token) >= 32


def test_without_token_mode_a_web_form_cannot_drive_the_show(serve: Callable[..., Served]) -> None:
    """Loopback without a token: reading is open, but a POST without an Origin needs JSON (or the token)."""
    served = serve(require_token=False)
    assert served.request("GET", "/api/state", token=False).status == 200
    for content_type in (None, "application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"):
        headers = {"Content-Type": content_type} if content_type else {}
        reply = served.request(
            "POST", "/api/commands/next", b"" if content_type else None, token=False, headers=headers
        )
        assert reply.status == 403, content_type
        assert "Content-Type: application/json" in reply.json["error"]
        assert reply.headers["connection"] == "close"
    assert served.engine.state.cue_index == 0
    moves = [
        {"Content-Type": "application/json; charset=utf-8"},
        {"Origin": f"http://127.0.0.1:{served.port}"},
        {"Authorization": f"Bearer {served.server.token}"},
    ]
    for number, headers in enumerate(moves, start=1):
        reply = served.request(
            "POST",
            "/api/commands/goto",
            json.dumps({"arg": number + 1}).encode(),
            token=False,
            headers={"Content-Type": "text/plain", **headers},
        )
        assert reply.status == 200, (headers, reply.body)
        assert served.engine.state.cue_index == number


@pytest.mark.parametrize(
    ("path", "body", "status", "fragment"),
    [
        ("/api/commands/goto", b'{"arg": ', 400, "not valid JSON"),
        ("/api/commands/goto", b"\xff\xfe", 400, "not valid JSON"),
        ("/api/commands/goto", b"[1, 2]", 400, "JSON object"),
        ("/api/commands/goto", b'{"arg": "1", "x": 2}', 400, "unknown field"),
        ("/api/commands/goto", b'{"arg": [1]}', 400, "string or an integer"),
        ("/api/commands/goto", b'{"arg": true}', 400, "string or an integer"),
        ("/api/commands/goto", json.dumps({"arg": "x" * 300}).encode(), 400, "at most"),
        ("/api/commands/goto", b'{"arg": "a\\u0000b"}', 400, "control characters"),
        ("/api/commands/goto", b"[" * 3000 + b"]" * 3000, 413, "at most 4096"),
        ("/api/commands/goto", b"[" * 2000 + b"]" * 2000, 400, "not valid JSON"),
        ("/api/commands/next", b'{"arg": "3"}', 400, "takes no argument"),
        ("/api/commands/nxet", None, 404, "did you mean 'next'"),
        ("/api/commands/choose_read_winner", None, 404, "presenter-window command"),
        ("/api/commands/quit", None, 404, "not a"),
        ("/api/commands/", None, 404, "is not a command"),
        ("/api/commands/next/extra", None, 404, "no endpoint"),
        ("/api/nothing", None, 404, "no endpoint"),
        ("/favicon.ico", None, 404, "nothing at"),
        ("/api/commands/next", b"x" * 5000, 413, "at most 4096"),
        ("/api/commands/goto", b'{"arg": "no-such-cue"}', 422, ""),
    ],
)
def test_bad_requests_get_clear_json_errors(
    serve: Callable[..., Served], path: str, body: bytes | None, status: int, fragment: str
) -> None:
    served = serve()
    before = served.engine.state
    reply = served.request("POST", path, body)
    assert reply.status == status, reply.body[:200]
    data = reply.json
    assert fragment in (data.get("error") or data.get("message") or "")
    assert served.engine.state.cue_index == before.cue_index
    assert served.command("next").status == 200  # still answering


def test_wrong_methods_and_websocket_path(serve: Callable[..., Served]) -> None:
    served = serve()
    reply = served.request("GET", "/api/commands/next")
    assert reply.status == 405
    assert reply.headers["allow"] == "POST"
    assert served.request("DELETE", "/api/state").status == 405
    assert served.request("POST", "/").status == 405
    assert served.request("GET", "/api/events").status == 426
    head = served.request("HEAD", "/api/state")
    assert head.status == 200
    assert head.body == b""
    assert int(head.headers["content-length"]) > 100


def test_garbage_on_the_socket_never_hurts(serve: Callable[..., Served], qtbot: QtBot) -> None:
    import socket

    served = serve()

    def send(data: bytes) -> bytes:
        with socket.create_connection(("127.0.0.1", served.port), timeout=10) as sock:
            sock.sendall(data)
            chunks = []
            while chunk := sock.recv(65536):
                chunks.append(chunk)
            return b"".join(chunks)

    from .conftest import in_thread

    assert b" 400 " in in_thread(qtbot, lambda: send(b"HELLO\r\n\r\n"))
    assert b" 400 " in in_thread(qtbot, lambda: send(b"GET nothing HTTP/1.1\r\n\r\n"))
    assert b" 400 " in in_thread(qtbot, lambda: send(b"GET / HTTP/1.1\r\nno colon here\r\n\r\n"))
    assert b" 400 " in in_thread(qtbot, lambda: send(b"GET / HTTP/1.1\r\n\r\n"))  # no Host
    assert b" 431 " in in_thread(qtbot, lambda: send(b"GET / HTTP/1.1\r\nHost: a\r\nX: " + b"a" * 10000 + b"\r\n\r\n"))
    assert b" 400 " in in_thread(qtbot, lambda: send(b"POST /api/state HTTP/1.1\r\nContent-Length: -1\r\n\r\n"))
    assert b" 400 " in in_thread(qtbot, lambda: send(b"GET / HTTP/1.1\r\nHost: a\r\nX: a\x01b\r\n\r\n"))
    assert served.state()["cue"]["id"] == "walk-in"
    token = served.server.token.encode()
    chunked = in_thread(
        qtbot,
        lambda: send(
            b"POST /api/commands/goto HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer " + token + b"\r\n"
            b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            b'7\r\n{"arg":\r\n5\r\n "3"}\r\n0\r\n\r\n'
        ),
    )
    assert chunked.startswith(b"HTTP/1.1 200 "), chunked[:200]
    assert served.state()["cue"]["number"] == 3


def test_other_origins_are_refused_and_no_cors(serve: Callable[..., Served]) -> None:
    served = serve(require_token=False)
    evil = served.request("POST", "/api/commands/next", headers={"Origin": "http://evil.example"}, token=False)
    assert evil.status == 403
    assert served.engine.state.cue_index == 0
    rebinding = served.request("GET", "/api/state", headers={"Host": "evil.example:80"}, token=False)
    assert rebinding.status == 421
    same = served.request("GET", "/api/state", headers={"Origin": f"http://127.0.0.1:{served.port}"}, token=False)
    assert same.status == 200
    for reply in (evil, rebinding, same, served.request("OPTIONS", "/api/state", token=False)):
        assert not any(k.startswith("access-control-") for k in reply.headers)


def test_a_flood_leaves_the_show_responsive(serve: Callable[..., Served], qtbot: QtBot) -> None:
    import http.client
    import threading
    import time

    from PySide6.QtCore import QElapsedTimer, QTimer

    served = serve()
    gaps: list[int] = []
    watch = QElapsedTimer()
    watch.start()
    ticker = QTimer()
    ticker.setInterval(10)

    def tick() -> None:
        gaps.append(watch.restart())

    ticker.timeout.connect(tick)
    ticker.start()
    counts: dict[str, int] = {}
    lock = threading.Lock()

    def flood(worker: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", served.port, timeout=30)
        for i in range(250):
            if i % 2:
                conn.request("POST", "/api/commands/next", headers=served.auth)
            else:
                conn.request("GET", "/api/state", headers=served.auth if worker % 2 else {})
            response = conn.getresponse()
            response.read()
            with lock:
                counts[str(response.status)] = counts.get(str(response.status), 0) + 1
        conn.close()

    threads = [threading.Thread(target=flood, args=(w,), daemon=True) for w in range(4)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    qtbot.waitUntil(lambda: not any(t.is_alive() for t in threads), timeout=60_000)
    elapsed = time.perf_counter() - started
    ticker.stop()
    assert sum(counts.values()) == 1000
    assert set(counts) <= {"200", "401", "409"}
    print(f"flood: 1000 requests in {elapsed:.2f} s, statuses {counts}, longest event-loop gap {max(gaps)} ms")
    assert max(gaps) < 2000  # generous: the loop kept turning during the flood
    assert served.state()["cue"]["index"] == served.engine.state.cue_index
    assert served.server._http.connection_count <= 4


def test_phone_page_is_self_contained(serve: Callable[..., Served]) -> None:
    served = serve()
    reply = served.request("GET", "/", token=False)
    assert reply.status == 200
    assert reply.headers["content-type"].startswith("text/html")
    html = reply.body.decode()
    for needle in ('id="btn-next"', 'id="btn-previous"', 'id="btn-blackout"', "/api/events", "token"):
        assert needle in html
    for external in ("<script src", "<link", "@import", "url(", "https://", "http://"):
        assert external not in html
    csp = reply.headers["content-security-policy"]
    assert "default-src 'none'" in csp
    assert f"ws://127.0.0.1:{served.port}" in csp
    assert reply.headers["referrer-policy"] == "no-referrer"


def test_openapi_document_comes_from_the_commands(serve: Callable[..., Served]) -> None:
    served = serve()
    reply = served.request("GET", "/api/openapi.json", token=False)
    doc = reply.json
    assert doc["openapi"] == "3.1.0"
    routes = served.server.routes
    documented = {path for path in routes.paths() if path not in ("/index.html", "/api/events")}
    assert set(doc["paths"]) == documented  # every page and endpoint, and nothing else
    for path, operations in doc["paths"].items():
        found = routes.find(path.replace("{id}", "next"))
        assert found is not None, path
        assert {method.lower() for method in found[0]} == set(operations), path
    post = doc["paths"]["/api/commands/{id}"]["post"]
    assert post["parameters"][0]["schema"]["enum"] == [c.id for c in remote_commands()]
    for command in remote_commands():
        assert command.help in post["description"]
    assert doc["servers"][0]["url"] == f"http://127.0.0.1:{served.port}"


def test_body_parsing_unit() -> None:
    goto, nxt = REGISTRY["goto"], REGISTRY["next"]
    assert parse_command_body(b"", goto) is None
    assert parse_command_body(b"  ", nxt) is None
    assert parse_command_body(b'{"arg": 12}', goto) == "12"
    assert parse_command_body(b'{"arg": null}', nxt) is None
    assert parse_command_body(b"{}", nxt) is None
