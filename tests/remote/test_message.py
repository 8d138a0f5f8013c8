"""The host's message and confidence view over the network: POST/DELETE /api/message, OSC /ceremony/message,
GET /api/confidence, the /confidence page — with the token, Origin and form-post rules of every other endpoint."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from ceremony.remote.adapter import EngineAdapter
from ceremony.remote.osc import OscServer
from ceremony.script.loader import LoadedScript
from ceremony.show.confidence import confidence_view
from ceremony.show.engine import Engine

from .conftest import FakeClock, Served
from .test_events import listen
from .test_osc_qr import SimpleUDPClient


def test_a_message_is_sent_shown_in_the_state_pushed_and_cleared(
    serve: Callable[..., Served], qtbot: QtBot, slides: LoadedScript, clock: FakeClock
) -> None:
    served = serve(Engine(None, slides.script, clock=clock))
    client = listen(served)
    qtbot.waitUntil(lambda: len(client.messages) == 1)
    assert client.messages[0]["message"] is None
    assert client.messages[0]["message_presets"] == slides.script.host_messages()

    reply = served.request("POST", "/api/message", {"text": "  Strekk   30 s "})
    assert reply.status == 200, reply.body
    assert (reply.json["command"], reply.json["kind"]) == ("send_message", "ok")
    assert reply.json["state"]["message"] == {"text": "Strekk 30 s", "countdown": None, "sent_at_age": 0.0}
    assert served.engine.state.message is not None
    qtbot.waitUntil(lambda: client.messages[-1]["message"] is not None)
    assert client.messages[-1]["confidence"]["message"] == "Strekk 30 s"

    clock.advance(12.5)
    assert served.request("POST", "/api/message", {"text": "30 s"}).status == 200  # a countdown replaces it
    clock.advance(10)
    state = served.state()
    assert state["message"] == {"text": "30 s", "countdown": 20.0, "sent_at_age": 10.0}
    assert state["confidence"]["countdown"] == 20.0
    assert served.request("GET", "/api/confidence").json["message_age"] == 10.0

    cleared = served.request("DELETE", "/api/message")
    assert (cleared.status, cleared.json["kind"]) == (200, "ok")
    assert cleared.json["state"]["message"] is None
    qtbot.waitUntil(lambda: client.messages[-1]["message"] is None)
    again = served.request("DELETE", "/api/message")
    assert (again.status, again.json["kind"]) == (409, "ignored")  # nothing to clear: a guard's no, as for keys
    assert [m.text for m in served.engine.state.message_log] == ["Strekk 30 s", "30 s"]  # for the rehearsal report
    client.close()


@pytest.mark.parametrize(
    ("body", "status", "fragment"),
    [
        (None, 400, "JSON object"),
        (b"Strekk", 400, "not valid JSON"),
        (b'["Strekk"]', 400, "JSON object"),
        (b'{"text": "a", "arg": "b"}', 400, "unknown field"),
        (b'{"arg": "Strekk"}', 400, "unknown field"),
        (b"{}", 400, "'text' is required"),
        (b'{"text": 30}', 400, "must be a string"),
        (b'{"text": null}', 400, "must be a string"),
        (b'{"text": "Kutt\\u0007"}', 400, "control characters (U+0007)"),
        (b'{"text": "Kutt\\nn\\u00e5"}', 400, "control characters (U+000A)"),
        (b'{"text": "Kutt\\u0085"}', 400, "control characters (U+0085)"),
        (b'{"text": "Kutt\\u2028"}', 400, "control characters (U+2028)"),
        (b'{"text": "\\u202eKutt"}', 400, "control characters (U+202E)"),
        (b'{"text": "Kutt \\ud800"}', 400, "control characters (U+D800)"),  # a lone surrogate: no reply could carry it
        (b'{"text": "   "}', 422, ""),
        (json.dumps({"text": "x" * 81}).encode(), 422, ""),
        (json.dumps({"text": "x" * 3000}).encode(), 422, ""),
        (b"x" * 5000, 413, "at most 4096"),
    ],
)
def test_bad_messages_get_clear_json_errors_and_change_nothing(
    serve: Callable[..., Served], body: bytes | None, status: int, fragment: str
) -> None:
    served = serve()
    before = served.engine.state
    reply = served.request("POST", "/api/message", body, headers={"Content-Type": "application/json"})
    assert reply.status == status, reply.body
    if status == 422:
        assert reply.json["kind"] == "error" and "message" in reply.json["message"]
    else:
        assert fragment in reply.json["error"]
    assert served.engine.state is before


def test_eighty_characters_and_norwegian_letters_are_a_message(serve: Callable[..., Served]) -> None:
    served = serve()
    text = ("Vent på applausen, så æøå ÆØÅ — " * 3)[:80]
    reply = served.request("POST", "/api/message", {"text": text})
    assert reply.status == 200, reply.body
    assert served.state()["message"]["text"] == text.strip()


def test_a_lone_surrogate_in_a_command_argument_is_a_400_not_a_500(serve: Callable[..., Served]) -> None:
    """JSON can spell half a UTF-16 pair; a reply naming it could not be encoded, so it is refused up front."""
    served = serve()
    for path in ("/api/commands/goto", "/api/commands/send_message"):
        reply = served.request("POST", path, b'{"arg": "x\\udc00"}')
        assert reply.status == 400, (path, reply.body)
        assert "U+DC00" in reply.json["error"]
    assert served.request("GET", "/api/state").status == 200
    assert served.engine.state.message is None


def test_message_and_confidence_need_the_token(serve: Callable[..., Served]) -> None:
    served = serve()
    token = served.server.token
    wrong = [{}, {"Authorization": "Bearer nope"}, {"Authorization": f"Bearer {token}x"}]
    for headers in wrong:
        for method, path, body in (
            ("POST", "/api/message", {"text": "Kutt"}),
            ("DELETE", "/api/message", None),
            ("GET", "/api/confidence", None),
        ):
            reply = served.request(method, path, body, token=False, headers=headers)
            assert reply.status == 401, (method, path, headers)
            assert reply.headers["www-authenticate"].startswith("Bearer")
            assert reply.headers["connection"] == "close"
    assert served.engine.state.message is None
    reply = served.request("POST", f"/api/message?token={token}", {"text": "Kutt"}, token=False)
    assert reply.status == 200
    assert served.request("GET", f"/api/confidence?token={token}", token=False).json["message"] == "Kutt"
    assert served.request("DELETE", f"/api/message?token={token}", token=False).status == 200
    assert served.engine.state.message is None


def test_other_origins_and_web_forms_cannot_message_the_host(serve: Callable[..., Served]) -> None:
    served = serve(require_token=False)  # loopback without a token: only web pages are kept out
    evil = {"Origin": "http://evil.example"}
    for method, path, body in (
        ("POST", "/api/message", {"text": "Kutt"}),
        ("DELETE", "/api/message", None),
        ("GET", "/api/confidence", None),
    ):
        reply = served.request(method, path, body, token=False, headers=evil)
        assert reply.status == 403, (method, path)
        assert "access-control-allow-origin" not in reply.headers
    for content_type in ("text/plain", "application/x-www-form-urlencoded"):  # what a form can send
        reply = served.request(
            "POST", "/api/message", b'{"text": "Kutt"}', token=False, headers={"Content-Type": content_type}
        )
        assert reply.status == 403, content_type
    assert served.engine.state.message is None
    assert served.request("POST", "/api/message", {"text": "Kutt"}, token=False).status == 200  # JSON: allowed
    assert served.request("DELETE", "/api/message", token=False).status == 403  # no Origin, no token, no JSON
    assert served.engine.state.message is not None
    same_origin = {"Origin": f"http://127.0.0.1:{served.port}"}
    assert served.request("DELETE", "/api/message", token=False, headers=same_origin).status == 200
    assert served.engine.state.message is None


def test_api_confidence_is_the_host_s_view(
    serve: Callable[..., Served], slides: LoadedScript, clock: FakeClock
) -> None:
    served = serve(Engine(None, slides.script, clock=clock))
    served.command("goto", "reveal-under-15000/lineup")
    served.command("blackout")
    view = served.request("GET", "/api/confidence").json
    expected = confidence_view(slides.script, served.engine.state, clock())
    assert view["next_title"] == expected.next_title == "Vinneren under 15 000 innbyggere"
    assert view["next_names"] == list(expected.next_names) == ["Notodden", "Hamarøy", "Kvitsøy"]  # all alike
    assert (view["stage_state"], view["number"], view["count"]) == ("SVART", 13, len(served.engine.cues))
    assert view["host_notes"] == expected.host_notes
    assert set(view["clock"]) == {"time", "epoch", "utc_offset"}
    assert len(view["clock"]["time"]) == 8 and view["clock"]["time"][2] == ":"
    assert served.state()["confidence"]["next_names"] == view["next_names"]


def test_the_confidence_page_is_self_contained(serve: Callable[..., Served]) -> None:
    served = serve()
    reply = served.request("GET", "/confidence", token=False)  # the page holds no secret; its data needs the token
    assert reply.status == 200
    assert reply.headers["content-type"].startswith("text/html")
    html = reply.body.decode()
    for external in ("http://", "https://", "src=", "@import", "url("):
        assert external not in html
    assert "/api/events" in html and "/api/confidence" in html
    csp = reply.headers["content-security-policy"]
    assert "default-src 'none'" in csp
    assert f"ws://127.0.0.1:{served.port}" in csp
    assert reply.headers["referrer-policy"] == "no-referrer"
    assert served.request("POST", "/confidence", token=False).status == 405


# ---------------------------------------------------------------- OSC


@pytest.fixture
def osc(slides: LoadedScript, clock: FakeClock) -> Iterator[tuple[OscServer, Engine, SimpleUDPClient]]:
    engine = Engine(None, slides.script, clock=clock)
    server = OscServer(EngineAdapter(engine, slides.public_digest), port=0, token="s3cret", require_token=True)
    client = SimpleUDPClient("127.0.0.1", server.start())
    yield server, engine, client
    client.close()
    server.stop()


def test_osc_messages_the_host_with_the_token(osc: tuple[OscServer, Engine, SimpleUDPClient], qtbot: QtBot) -> None:
    server, engine, client = osc
    refused: list[str] = []
    server.refused.connect(refused.append)
    client.send_message("/ceremony/message", "Kutt")  # no token: dropped
    client.send_message("/ceremony/message", ["wrong", "Kutt"])
    client.send_message("/ceremony/message", ["s3cret"])  # no text
    client.send_message("/ceremony/message", ["s3cret", "Kutt\x07"])  # a control character
    client.send_message("/ceremony/message", ["s3cret", "Kutt\u202e"])
    qtbot.waitUntil(lambda: len(refused) == 5)
    assert engine.state.message is None
    assert any("control characters" in reason for reason in refused)

    client.send_message("/ceremony/message", ["s3cret", "Vinneren kommer"])
    qtbot.waitUntil(lambda: engine.state.message is not None)
    assert engine.state.message is not None and engine.state.message.text == "Vinneren kommer"
    client.send_message("/ceremony/message", ["s3cret", ""])  # an empty text clears
    qtbot.waitUntil(lambda: engine.state.message is None)
    client.send_message("/ceremony/message", ["s3cret", 30])  # a number: seconds to count down
    qtbot.waitUntil(lambda: engine.state.message is not None)
    assert engine.state.message is not None and engine.state.message.countdown == 30
    client.send_message("/ceremony/message/clear", ["s3cret", 0])  # a button's release: ignored
    client.send_message("/ceremony/message/clear", "wrong")
    qtbot.waitUntil(lambda: len(refused) == 6)
    assert engine.state.message is not None
    client.send_message("/ceremony/message/clear", ["s3cret"])
    qtbot.waitUntil(lambda: engine.state.message is None)
    client.send_message("/ceremony/send_message", ["s3cret", "Kutt\x1b[2J"])  # the command's own address too
    qtbot.waitUntil(lambda: len(refused) == 7)
    assert engine.state.message is None
