"""No winner oracle: before a reveal, nothing a remote caller sends or receives depends on who wins.

Two shows that differ only in their winners are driven by the same random sequence of API
calls (picks of every nominee, confirmations, escapes, freezes, rehearsal, jumps to every
reveal step, messages to the host and their clearing …), each on its own real server with a
WebSocket listener. Until the first real reveal, every status code, every response body,
every pushed state and the host's confidence view (``/api/confidence``, read after every
step) must be the same.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from ceremony.remote.adapter import EngineAdapter
from ceremony.remote.api import RemoteServer
from ceremony.remote.snapshot import remote_commands
from ceremony.script.loader import LoadedScript, load_script
from ceremony.show.engine import Engine

from .conftest import SLIDES, FakeClock, Reply, Served
from .test_events import Listener, listen

NOMINEES = {"under-15000": ("notodden", "hamaroy", "kvitsoy"), "over-15000": ("asker", "kongsvinger", "sandefjord")}
TARGETS = [
    *(f"reveal-{c}/{step}" for c in NOMINEES for step in ("lineup", "suspense", "reveal", "winner")),
    "walk-in",
    "nominee-kvitsoy",
    "closing",
]
PICKS = [str(n) for n in (1, 2, 3)] + [n for names in NOMINEES.values() for n in names]
MESSAGES = ["Strekk 30 s", "30 s", "Kutt", "Kvitsøy er her", "Sandefjord", "", "x" * 81, "Vinneren kommer"]

Step = tuple[str, str | None, float]
steps = st.one_of(
    st.tuples(st.sampled_from([c.id for c in remote_commands() if not c.takes_arg]), st.none(), st.just(0.0)),
    st.tuples(st.just("pick_winner"), st.sampled_from(PICKS), st.just(0.0)),
    st.tuples(st.just("goto"), st.sampled_from(TARGETS), st.just(0.0)),
    st.tuples(st.just("wait"), st.none(), st.sampled_from([0.2, 1.0, 5.0, 60.0])),
    st.tuples(st.just("POST /api/message"), st.sampled_from(MESSAGES), st.just(0.0)),
    st.tuples(st.just("DELETE /api/message"), st.none(), st.just(0.0)),
)


def _script(tmp: Path, winners: dict[str, str]) -> LoadedScript:
    """slides.yaml with every class's winner checked against the envelope, and the winners given."""
    text = SLIDES.read_text(encoding="utf-8")
    for old, class_id in (("kvitsoy", "under-15000"), ("sandefjord", "over-15000")):
        text = text.replace(f"    winner: {old}\n", f"    winner: {winners[class_id]}\n    confirm: true\n", 1)
    path = tmp / f"slides-{'-'.join(winners.values())}.yaml"
    path.write_text(text, encoding="utf-8")
    (tmp / "assets").exists() or (tmp / "assets").symlink_to(SLIDES.parent / "assets")
    return load_script(path)


def _normal(body: bytes) -> Any:
    """The body as JSON, with the fields that differ between two servers by design: their port, and the wall
    clock (read at a slightly different moment for each)."""
    data = json.loads(body)
    for doc in (data, data.get("state") if isinstance(data, dict) else None):
        if isinstance(doc, dict) and isinstance(doc.get("events"), dict):
            doc["events"]["port"] = "PORT"
        view = doc.get("confidence", doc) if isinstance(doc, dict) else None
        if isinstance(view, dict) and isinstance(view.get("clock"), dict):
            view["clock"] = "CLOCK"
    return data


class Run:
    """One show on its own server, its listener, and everything either has said."""

    def __init__(self, qtbot: QtBot, loaded: LoadedScript, clock: FakeClock) -> None:
        self.engine = Engine(None, loaded.script, clock=clock)
        self.server = RemoteServer(EngineAdapter(self.engine, loaded.public_digest), port=0, require_token=True)
        self.server.start()
        self.served = Served(self.server, self.engine, loaded, qtbot)
        self.listener: Listener = listen(self.served)
        qtbot.waitUntil(lambda: len(self.listener.messages) == 1)

    def stop(self) -> None:
        self.listener.close()
        self.server.stop()
        self.server.deleteLater()


def test_scripts_differing_only_in_winner_give_identical_answers(
    qtbot: QtBot, tmp_path_factory: Any, clock: FakeClock
) -> None:
    tmp = tmp_path_factory.mktemp("oracle")
    script_a = _script(tmp, {"under-15000": "kvitsoy", "over-15000": "sandefjord"})
    script_b = _script(tmp, {"under-15000": "notodden", "over-15000": "asker"})
    assert script_a.digest != script_b.digest
    assert script_a.public_digest == script_b.public_digest  # a draft's hash cannot be tried per nominee

    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(st.lists(steps, min_size=1, max_size=30))
    def walk(sequence: list[Step]) -> None:
        clocks = FakeClock(), FakeClock()
        runs = Run(qtbot, script_a, clocks[0]), Run(qtbot, script_b, clocks[1])
        try:
            _compare(qtbot, runs, clocks, sequence)
        finally:
            for run in runs:
                run.stop()

    walk()


def _compare(qtbot: QtBot, runs: tuple[Run, Run], clocks: tuple[FakeClock, FakeClock], sequence: list[Step]) -> None:
    seen = [len(run.listener.messages) for run in runs]
    for command, arg, seconds in sequence:
        for fake in clocks:
            fake.advance(seconds)
        if command == "wait":
            continue
        replies = [_call(run, command, arg) for run in runs]
        qtbot.wait(15)  # the pushes of this step (coalesced into one event-loop turn) arrive
        if any(run.engine.state.revealed for run in runs):
            return  # the reveal: from here on the hall sees the winner, so may everyone
        a, b = replies
        assert (a.status, _normal(a.body)) == (b.status, _normal(b.body)), (command, arg)
        views = [run.served.request("GET", "/api/confidence") for run in runs]
        assert views[0].status == views[1].status == 200
        assert _normal(views[0].body) == _normal(views[1].body), (command, arg)
        pushed = [[_normal(t.encode()) for t in run.listener.texts[n:]] for run, n in zip(runs, seen, strict=True)]
        assert pushed[0] == pushed[1], (command, arg)
        seen = [len(run.listener.messages) for run in runs]


def _call(run: Run, command: str, arg: str | None) -> Reply:
    """A command by id, or a call of the message endpoints (``POST /api/message`` with the text as ``arg``)."""
    if command == "POST /api/message":
        return run.served.request("POST", "/api/message", {"text": arg})
    if command == "DELETE /api/message":
        return run.served.request("DELETE", "/api/message")
    return run.served.command(command, arg)


def test_the_oracle_of_the_issue_is_closed(serve: Callable[..., Served], tmp_path: Path) -> None:
    """The attack as reported: pick and confirm at the walk-in, to learn from the answer who wins."""
    loaded = _script(tmp_path, {"under-15000": "kvitsoy", "over-15000": "sandefjord"})
    served = serve(Engine(None, loaded.script))
    answers = []
    for number in ("1", "2", "3"):
        pick = served.command("pick_winner", number)
        confirm = served.command("confirm_pick")
        answers.append((pick.status, pick.json["message"], confirm.status, confirm.json["message"]))
    assert answers[0] == answers[1] == answers[2]
    assert answers[0][0] == 409
    assert served.engine.state.live_picks == {}
    assert served.engine.state.pending is None
