"""OSC over real UDP on loopback, and the phone URL's QR code."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from pythonosc.osc_bundle_builder import IMMEDIATELY, OscBundleBuilder
from pythonosc.osc_message_builder import OscMessageBuilder

from ceremony.remote.adapter import EngineAdapter
from ceremony.remote.api import RemoteError
from ceremony.remote.osc import OscServer
from ceremony.remote.qr import phone_url, qr_image, qr_png, reachable_host
from ceremony.script.loader import LoadedScript
from ceremony.show.engine import Engine

from .conftest import FakeClock


class SimpleUDPClient:
    """python-osc's client, but with a socket the test closes (warnings are errors here)."""

    def __init__(self, host: str, port: int) -> None:
        self.address = (host, port)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)

    def send(self, packet: object) -> None:
        self.sock.sendto(packet.dgram, self.address)  # type: ignore[attr-defined]

    def send_message(self, address: str, value: object) -> None:
        builder = OscMessageBuilder(address)
        for arg in value if isinstance(value, list) else [value]:
            builder.add_arg(arg)
        self.send(builder.build())

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def osc(slides: LoadedScript, clock: FakeClock) -> Iterator[tuple[OscServer, Engine, SimpleUDPClient]]:
    engine = Engine(None, slides.script, clock=clock)
    server = OscServer(EngineAdapter(engine, slides.public_digest), port=0)
    client = SimpleUDPClient("127.0.0.1", server.start())
    yield server, engine, client
    client.close()
    server.stop()


def test_osc_runs_commands(osc: tuple[OscServer, Engine, SimpleUDPClient], qtbot: QtBot, clock: FakeClock) -> None:
    _server, engine, client = osc
    client.send_message("/ceremony/next", [])
    qtbot.waitUntil(lambda: engine.state.cue_index == 1)
    clock.advance(1)
    client.send_message("/ceremony/goto", 12)
    qtbot.waitUntil(lambda: engine.state.cue_index == 11)
    client.send_message("/ceremony/blackout", 1.0)
    qtbot.waitUntil(lambda: engine.state.blackout == "black")
    client.send_message("/ceremony/blackout", 0.0)  # the button's release: ignored
    client.send_message("/ceremony/whiteout", [])
    qtbot.waitUntil(lambda: engine.state.blackout == "white")
    clock.advance(1)
    bundle = OscBundleBuilder(IMMEDIATELY)
    for address in ("/ceremony/whiteout", "/ceremony/freeze"):
        bundle.add_content(OscMessageBuilder(address).build())
    client.send(bundle.build())
    qtbot.waitUntil(lambda: engine.state.frozen)
    assert engine.state.blackout == "none"


def test_osc_ignores_garbage_and_unknown_addresses(
    osc: tuple[OscServer, Engine, SimpleUDPClient], qtbot: QtBot
) -> None:
    server, engine, client = osc
    reasons: list[str] = []
    server.refused.connect(reasons.append)
    raw = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for junk in (b"", b"hello", b"#bundle\x00garbage", b"/ceremony/next\x00\x00,zzz\x00", bytes(range(256))):
        raw.sendto(junk, ("127.0.0.1", server.port))
    raw.close()
    client.send_message("/other/next", [])
    client.send_message("/ceremony/quit", [])
    client.send_message("/ceremony/nope", [])
    qtbot.waitUntil(lambda: len(reasons) >= 7)
    assert engine.state.cue_index == 0
    client.send_message("/ceremony/next", [])
    qtbot.waitUntil(lambda: engine.state.cue_index == 1)


def test_osc_beyond_loopback_needs_the_token_first(slides: LoadedScript, qtbot: QtBot) -> None:
    engine = Engine(None, slides.script)
    adapter = EngineAdapter(engine, slides.public_digest)
    with pytest.raises(RemoteError):
        OscServer(adapter, host="0.0.0.0", port=0)
    server = OscServer(adapter, port=0, token="s3cret", require_token=True)
    client = SimpleUDPClient("127.0.0.1", server.start())
    refused: list[str] = []
    server.refused.connect(refused.append)
    client.send_message("/ceremony/blackout", [])
    client.send_message("/ceremony/blackout", "wrong")
    qtbot.waitUntil(lambda: len(refused) == 2)
    assert engine.state.blackout == "none"
    client.send_message("/ceremony/blackout", "s3cret")
    qtbot.waitUntil(lambda: engine.state.blackout == "black")
    client.send_message("/ceremony/goto", ["s3cret", "title"])
    qtbot.waitUntil(lambda: engine.state.cue.id == "title")
    client.close()
    server.stop()


def test_phone_url_and_qr() -> None:
    assert phone_url("192.168.1.5", 8765, "a b/c") == "http://192.168.1.5:8765/?token=a%20b%2Fc"
    assert phone_url("::1", 80, None) == "http://[::1]:80/"
    assert reachable_host("10.0.0.2") == "10.0.0.2"
    assert reachable_host("0.0.0.0") not in ("0.0.0.0", "")
    png = qr_png("http://10.0.0.2:8765/?token=abc")
    assert png.startswith(b"\x89PNG")
    image = qr_image("http://10.0.0.2:8765/?token=abc", scale=4, border=2)
    assert not image.isNull()
    assert image.width() == image.height()
    assert image.pixelColor(0, 0).lightness() > 200  # the quiet zone is white
    assert image.pixelColor(8, 8).lightness() < 50  # the finder pattern's corner is dark
