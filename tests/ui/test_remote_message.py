"""A message to the host over the network reaches the presenter and never the stage (pixels compared)."""

from __future__ import annotations

import http.client
import json
import threading
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QApplication

from .conftest import FakeClock, open_show, settle, stage_image
from .test_resume_process import free_port


def _request(qtbot, port: int, method: str, path: str, body: object = None) -> tuple[int, Any]:  # type: ignore[no-untyped-def]
    """An HTTP request from a thread while the Qt loop (and so the show's server) keeps turning."""
    box: dict[str, Any] = {}

    def run() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        payload = json.dumps(body).encode() if body is not None else None
        conn.request(method, path, body=payload, headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        box["reply"] = (response.status, json.loads(response.read()))
        conn.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=15000)
    return box["reply"]  # type: ignore[no-any-return]


def test_a_message_from_the_network_reaches_the_presenter_and_never_the_stage(qtbot, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    port = free_port()
    show = open_show(qtbot, clock, remote=True, remote_port=port)
    server = show.remote
    assert server is not None
    try:
        show.controller.run("goto", "nominee-hamaroy")  # a still picture: no countdown, no animation
        settle(clock, 5)
        frame = replace(show.controller.stage_frame(), now=None)
        before = stage_image(show)

        status, body = _request(qtbot, port, "POST", "/api/message", {"text": "Vinneren kommer"})
        assert status == 200, body
        assert show.controller.state.message is not None
        QApplication.processEvents()
        assert "Vinneren kommer" in show.presenter.messages.status.text()  # the operator sees what the host sees
        assert replace(show.controller.stage_frame(), now=None) == frame  # the stage's frame does not know of it
        assert stage_image(show) == before  # nor do its pixels

        status, body = _request(qtbot, port, "POST", "/api/message", {"text": "30 s"})
        assert status == 200, body
        assert stage_image(show) == before
        status, body = _request(qtbot, port, "DELETE", "/api/message")
        assert status == 200, body
        QApplication.processEvents()
        assert show.controller.state.message is None
        assert "Ingen melding" in show.presenter.messages.status.text()
        assert stage_image(show) == before
    finally:
        server.stop()  # type: ignore[attr-defined]
        show.app.removeEventFilter(show.presenter)
        show.stage.stop()
        show.presenter.mirror.stop()
        show.controller.renderer.close()
