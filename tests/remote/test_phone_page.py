"""The phone remote page in a real headless browser (Debian's chromium, driven by Selenium through Debian's
chromedriver: nothing is downloaded at run time), against the real server on loopback.

It loads with the token from the QR link, its buttons move the show, it follows
cue changes over the WebSocket, it reconnects when the server comes back on the
same port, and it is usable at a phone's 390×844. With CEREMONY_DOCS_IMAGES=1 the
screenshot is also written to docs/images/remote-phone.png.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ceremony.remote.adapter import EngineAdapter
from ceremony.remote.api import RemoteServer
from ceremony.remote.qr import phone_url
from ceremony.script.loader import LoadedScript
from ceremony.show.engine import Engine

from .browser import By, chromium, shows, wait
from .conftest import FakeClock, Served, in_thread

DOCS_IMAGE = Path(__file__).resolve().parents[2] / "docs" / "images" / "remote-phone.png"
_wait = wait


@pytest.fixture
def browser(qtbot: QtBot) -> Iterator[Any]:
    with chromium(qtbot, 390, 844) as driver:
        yield driver


def _text(element_id: str) -> Callable[[Any], str]:
    return lambda driver: driver.find_element(By.ID, element_id).text


_shows = shows


def _click(qtbot: QtBot, driver: Any, element_id: str, clock: FakeClock) -> None:
    clock.advance(5)  # past the double-fire and transition guards, as a person's second press would be
    in_thread(qtbot, lambda: driver.find_element(By.ID, element_id).click())


def test_the_phone_page_drives_and_follows_the_show(
    serve: Callable[..., Served], qtbot: QtBot, browser: Any, tmp_path: Path, slides: LoadedScript, clock: FakeClock
) -> None:
    served = serve(Engine(None, slides.script, clock=clock))  # the show's clock moves when the test says
    engine, token, port = served.engine, served.server.token, served.port
    in_thread(qtbot, lambda: browser.get(phone_url("127.0.0.1", port, token)))
    _wait(qtbot, browser, _shows("conn", "live"))
    _wait(qtbot, browser, _shows("current", engine.state.cue.label))
    assert "token" not in browser.current_url  # moved into session storage, out of the address bar and history

    _click(qtbot, browser, "btn-next", clock)  # a button moves the show …
    qtbot.waitUntil(lambda: engine.state.cue_index == 1)
    _wait(qtbot, browser, _shows("current", engine.state.cue.label))
    _click(qtbot, browser, "btn-blackout", clock)
    qtbot.waitUntil(lambda: engine.state.blackout == "black")
    _wait(qtbot, browser, lambda d: "SVART" in d.find_element(By.ID, "flags").text)
    _click(qtbot, browser, "btn-blackout", clock)
    qtbot.waitUntil(lambda: engine.state.blackout == "none")

    engine.run("goto", "jury")  # … and a change made elsewhere (a key, the Stream Deck) arrives over the WebSocket
    _wait(qtbot, browser, _shows("current", engine.state.cue.label))

    served.server.stop()  # the server goes away …
    _wait(qtbot, browser, lambda d: "lost" in d.find_element(By.ID, "conn").get_attribute("class"))
    engine.run("goto", "nominee-hamaroy")
    again = RemoteServer(EngineAdapter(engine, served.loaded.public_digest), port=port, token=token, require_token=True)
    again.start()  # … and comes back on the same port: the page reconnects by itself and catches up
    try:
        _wait(qtbot, browser, _shows("conn", "live"), timeout=30)
        _wait(qtbot, browser, _shows("current", engine.state.cue.label))
        _click(qtbot, browser, "btn-next", clock)
        qtbot.waitUntil(lambda: engine.state.cue.id == "nominee-kvitsoy")
        _usable_at_phone_size(qtbot, browser, tmp_path)
    finally:
        again.stop()
        again.deleteLater()


def _usable_at_phone_size(qtbot: QtBot, browser: Any, tmp_path: Path) -> None:
    """At 390×844 nothing scrolls sideways and every button is on screen and big enough for a thumb."""
    layout = in_thread(
        qtbot,
        lambda: browser.execute_script(
            """
            const r = (el) => el.getBoundingClientRect();
            return {
              width: innerWidth, height: innerHeight, scrollWidth: document.documentElement.scrollWidth,
              buttons: [...document.querySelectorAll("nav button")].filter((b) => b.offsetParent !== null)
                .map((b) => ({id: b.id, top: r(b).top, bottom: r(b).bottom, left: r(b).left, right: r(b).right,
                              height: r(b).height, width: r(b).width})),
            };
            """
        ),
    )
    assert (layout["width"], layout["height"]) == (390, 844)
    assert layout["scrollWidth"] <= 390
    ids = {b["id"] for b in layout["buttons"]}
    assert {"btn-previous", "btn-next", "btn-blackout"} <= ids
    for button in layout["buttons"]:
        assert button["top"] >= 0 and button["bottom"] <= 844, button
        assert button["left"] >= 0 and button["right"] <= 390, button
        assert button["height"] >= 44 and button["width"] >= 44, button  # a thumb's target
    shot = tmp_path / "remote-phone.png"
    in_thread(qtbot, lambda: browser.save_screenshot(str(shot)))
    assert shot.stat().st_size > 10_000
    if os.environ.get("CEREMONY_DOCS_IMAGES"):
        shutil.copy(shot, DOCS_IMAGE)


def test_the_phone_page_messages_the_host(
    serve: Callable[..., Served], qtbot: QtBot, browser: Any, slides: LoadedScript
) -> None:
    served = serve(Engine(None, slides.script))
    engine = served.engine
    in_thread(qtbot, lambda: browser.get(phone_url("127.0.0.1", served.port, served.server.token)))
    _wait(qtbot, browser, _shows("conn", "live"))
    in_thread(qtbot, lambda: browser.find_element(By.CSS_SELECTOR, "#msg summary").click())  # unfold
    presets = [b.text for b in browser.find_elements(By.CSS_SELECTOR, "#presets button")]
    assert presets == slides.script.host_messages()
    field = browser.find_element(By.ID, "msg-text")
    in_thread(qtbot, lambda: field.send_keys("Snakk litt saktere, takk\n"))  # Enter sends
    qtbot.waitUntil(lambda: engine.state.message is not None)
    assert engine.state.message is not None and engine.state.message.text == "Snakk litt saktere, takk"
    _wait(qtbot, browser, lambda d: "Snakk litt saktere" in d.find_element(By.ID, "msg-now").text)
    assert field.get_attribute("value") == ""
    in_thread(qtbot, lambda: browser.find_elements(By.CSS_SELECTOR, "#presets button")[1].click())
    qtbot.waitUntil(lambda: engine.state.message is not None and engine.state.message.text == presets[1])
    in_thread(qtbot, lambda: browser.find_element(By.ID, "msg-clear").click())
    qtbot.waitUntil(lambda: engine.state.message is None)
    _wait(qtbot, browser, _shows("msg-now", "Ingen melding hos verten"))

    in_thread(qtbot, lambda: browser.find_element(By.ID, "confidence-link").click())  # the host's page, same tab
    title = engine.state.show.cues[1].title
    _wait(qtbot, browser, _shows("next-title", title))  # the token came along in the tab's session storage
    assert browser.current_url.endswith("/confidence")
