"""A follower mirrors a leader over the real WebSocket on loopback, in one process and event loop."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from ceremony.remote.adapter import EngineAdapter
from ceremony.remote.api import RemoteServer
from ceremony.remote.follower import Follower, MirrorError, events_url, mirror
from ceremony.remote.snapshot import state_json
from ceremony.script.loader import LoadedScript
from ceremony.show.engine import Engine

from .conftest import FakeClock, Served


@pytest.fixture
def follow(qtbot: QtBot, slides: LoadedScript) -> Iterator[Callable[..., tuple[Follower, Engine]]]:
    made: list[Follower] = []

    def start(served: Served, *, digest: str | None = None, lost: str | None = None) -> tuple[Follower, Engine]:
        engine = Engine(None, slides.script)
        follower = Follower(
            engine,
            digest or slides.public_digest,
            f"http://127.0.0.1:{served.port}",
            served.server.token,
            min_backoff=0.05,
            max_backoff=0.3,
            lost_message=lost,
        )
        follower.start()
        made.append(follower)
        return follower, engine

    yield start
    for follower in made:
        follower.stop()
        follower.deleteLater()


def test_follower_mirrors_within_100_ms(
    serve: Callable[..., Served], follow: Callable[..., tuple[Follower, Engine]], qtbot: QtBot
) -> None:
    served = serve()
    follower, mirror_engine = follow(served)
    qtbot.waitUntil(lambda: not follower.leader_lost)
    changed_at: dict[str, float] = {}
    lags: list[float] = []
    served.engine.subscribe(lambda old, new, o: changed_at.setdefault(new.cue.id, time.perf_counter()))
    follower.mirrored.connect(
        lambda cue_id: lags.append(time.perf_counter() - changed_at[cue_id]) if cue_id in changed_at else None
    )
    for target in ("2", "5", "9", "reveal-under-15000/suspense", "title", "closing"):
        served.command("goto", target)
        qtbot.waitUntil(lambda: mirror_engine.state.cue.id == served.engine.state.cue.id, timeout=2000)
    served.command("blackout")
    served.command("freeze")
    qtbot.waitUntil(lambda: mirror_engine.state.blackout == "black" and mirror_engine.state.frozen)
    assert mirror_engine.state.stage_cue_index == served.engine.state.stage_cue_index
    print(
        f"follower lag over {len(lags)} moves: median {statistics.median(lags) * 1000:.1f} ms, "
        f"max {max(lags) * 1000:.1f} ms"
    )
    assert statistics.median(lags) < 0.1
    assert max(lags) < 0.5  # generous on a noisy 2-core machine


def test_follower_keeps_revealed_winners(
    serve: Callable[..., Served], follow: Callable[..., tuple[Follower, Engine]], qtbot: QtBot
) -> None:
    served = serve()
    _follower, engine = follow(served)
    served.command("goto", "reveal-under-15000/suspense")
    served.command("reveal")
    qtbot.waitUntil(lambda: engine.state.revealed == {"under-15000": "kvitsoy"})
    assert engine.state.cue.id == "reveal-under-15000/reveal"
    assert engine.winners_for_render(engine.state.cue) == {"under-15000": "kvitsoy"}
    # the reveal's animation is not restarted on the follower: it runs on the leader's clock
    assert abs(engine.timers().on_cue - served.engine.timers().on_cue) < 0.5


def test_follower_reconnects_and_catches_up(
    serve: Callable[..., Served], follow: Callable[..., tuple[Follower, Engine]], qtbot: QtBot
) -> None:
    served = serve()
    follower, engine = follow(served)
    served.command("goto", "5")
    qtbot.waitUntil(lambda: engine.state.cue.id == "jury")
    port, token = served.port, served.server.token
    lost: list[bool] = []
    follower.leaderLost.connect(lost.append)
    served.server.stop()
    qtbot.waitUntil(lambda: follower.leader_lost)
    assert lost == [True]
    served.engine.run("goto", "9")  # the leader moves on while the follower cannot see it
    assert engine.state.cue.id == "jury"  # the stage holds its last frame
    qtbot.wait(400)  # a few failed reconnects
    restarted = RemoteServer(
        EngineAdapter(served.engine, served.loaded.public_digest), port=port, token=token, require_token=True
    )
    restarted.start()
    try:
        qtbot.waitUntil(lambda: not follower.leader_lost, timeout=5000)
        qtbot.waitUntil(lambda: engine.state.cue.id == served.engine.state.cue.id, timeout=2000)
        assert lost == [True, False]
        assert follower.reconnects >= 2
    finally:
        restarted.stop()


def test_digest_mismatch_is_a_clear_error(
    serve: Callable[..., Served], follow: Callable[..., tuple[Follower, Engine]], qtbot: QtBot
) -> None:
    served = serve()
    served.command("goto", "5")
    follower, engine = follow(served, digest="0" * 64)
    qtbot.waitUntil(lambda: follower.error is not None)
    assert "different script" in follower.error
    assert engine.state.cue_index == 0  # nothing mirrored


def test_wrong_token_is_reported(serve: Callable[..., Served], qtbot: QtBot, slides: LoadedScript) -> None:
    served = serve()
    follower = Follower(
        Engine(None, slides.script),
        slides.public_digest,
        f"127.0.0.1:{served.port}",
        "nope",
        min_backoff=0.05,
        max_backoff=0.2,
    )
    follower.start()
    qtbot.waitUntil(lambda: follower.reconnects >= 1)
    assert follower.leader_lost
    follower.stop()


def test_events_url() -> None:
    assert events_url("http://10.0.0.2:8765", "t k") == "ws://10.0.0.2:8765/api/events?token=t%20k"
    assert events_url("10.0.0.2:8765", None) == "ws://10.0.0.2:8765/api/events"
    assert events_url("wss://x:1/api/events", "t") == "wss://x:1/api/events?token=t"
    with pytest.raises(ValueError, match="leader address"):
        events_url("ftp://x", None)


def test_mirror_refuses_what_the_script_lacks(slides: LoadedScript) -> None:
    engine = Engine(None, slides.script)
    doc = state_json(EngineAdapter(engine, slides.public_digest))
    same = mirror(engine.state, doc, 0.0)
    assert (same.cue_index, same.blackout, same.revealed) == (0, "none", {})
    for broken in (
        {**doc, "cue": {**doc["cue"], "id": "nope"}},
        {**doc, "revealed": [{"class_id": "under-15000", "winner": {"id": "asker"}}]},
        {**doc, "blackout": "grey"},
        {k: v for k, v in doc.items() if k != "timers"},
    ):
        with pytest.raises(MirrorError):
            mirror(engine.state, broken, 0.0)


def test_follower_mirrors_the_host_s_message(
    serve: Callable[..., Served],
    follow: Callable[..., tuple[Follower, Engine]],
    qtbot: QtBot,
    slides: LoadedScript,
    clock: FakeClock,
) -> None:
    served = serve(Engine(None, slides.script, clock=clock))
    follower, mirror_engine = follow(served)
    qtbot.waitUntil(lambda: not follower.leader_lost)
    assert served.request("POST", "/api/message", {"text": "Strekk 30 s"}).status == 200
    qtbot.waitUntil(lambda: mirror_engine.state.message is not None)
    shown = mirror_engine.state.message
    assert shown is not None and (shown.text, shown.countdown) == ("Strekk 30 s", None)
    served.command("next")  # another push with the same message: the follower keeps the one it shows
    qtbot.waitUntil(lambda: mirror_engine.state.cue_index == 1)
    assert mirror_engine.state.message is shown

    clock.advance(5)
    assert served.request("POST", "/api/message", {"text": "60 s"}).status == 200
    clock.advance(15)
    served.command("blackout")  # a push 15 s into the countdown
    qtbot.waitUntil(lambda: mirror_engine.state.blackout == "black")
    message = mirror_engine.state.message
    assert message is not None and message.text == "60 s"
    left = message.remaining(mirror_engine.clock())
    assert left is not None and 44.5 < left <= 45.0  # on the follower's own clock: what is left of it
    assert served.request("DELETE", "/api/message").status == 200
    qtbot.waitUntil(lambda: mirror_engine.state.message is None)


def test_mirror_refuses_a_message_that_is_not_one(slides: LoadedScript) -> None:
    engine = Engine(None, slides.script)
    doc = state_json(EngineAdapter(engine, slides.public_digest))
    fine = {"text": "Kutt", "countdown": None, "sent_at_age": 2.0}
    mirrored = mirror(engine.state, {**doc, "message": fine}, 100.0).message
    assert mirrored is not None and (mirrored.text, mirrored.sent_at) == ("Kutt", 98.0)
    for broken in (
        "Kutt",
        {"text": 3, "countdown": None, "sent_at_age": 0},
        {"text": "x" * 1000, "countdown": None, "sent_at_age": 0},
        {"text": "Kutt", "countdown": float("inf"), "sent_at_age": 0},
        {"text": "Kutt", "countdown": None, "sent_at_age": -1},
        {"text": "Kutt", "countdown": None, "sent_at_age": float("nan")},
        {"text": "Kutt", "sent_at_age": 0},
    ):
        with pytest.raises(MirrorError):
            mirror(engine.state, {**doc, "message": broken}, 100.0)


def test_a_confidence_follower_tells_the_host_when_the_leader_is_gone(
    serve: Callable[..., Served], follow: Callable[..., tuple[Follower, Engine]], qtbot: QtBot, slides: LoadedScript
) -> None:
    served = serve()
    follower, mirror_engine = follow(served, lost="Ingen kontakt med showet")
    qtbot.waitUntil(lambda: not follower.leader_lost)
    assert mirror_engine.state.message is None  # the leader's state took the "connecting" message down
    assert served.request("POST", "/api/message", {"text": "Kutt"}).status == 200
    qtbot.waitUntil(lambda: mirror_engine.state.message is not None)
    port, token = served.port, served.server.token
    served.server.stop()
    qtbot.waitUntil(lambda: follower.leader_lost, timeout=5000)
    message = mirror_engine.state.message
    assert message is not None and message.text == "Ingen kontakt med showet"
    again = RemoteServer(EngineAdapter(served.engine, slides.public_digest), port=port, token=token)
    again.start()
    try:
        qtbot.waitUntil(lambda: not follower.leader_lost, timeout=5000)
        message = mirror_engine.state.message
        assert message is not None and message.text == "Kutt"  # the leader's own message is back
    finally:
        again.stop()
        again.deleteLater()
