"""The checklist panel's colours, and the screen-saver inhibitor with no bus and with a real (private) one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtGui import QColor

from ceremony.preflight import CheckItem, StageInfo, checklist
from ceremony.script.loader import LoadedScript, load_script
from ceremony.ui.checklist import CLICKER_HINT, COLOURS, ChecklistPanel, stage_info_of, summary_text
from ceremony.ui.inhibit import ScreenSaverInhibitor

REPO = Path(__file__).resolve().parents[2]


@dataclass
class FakeController:
    """What the checklist reads from ShowController."""

    loaded: LoadedScript
    keys_seen: set[str] = field(default_factory=set)


@pytest.fixture
def panel(qtbot) -> ChecklistPanel:  # type: ignore[no-untyped-def]
    widget = ChecklistPanel()
    qtbot.addWidget(widget)
    widget.resize(720, 520)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def dot_pixel(panel: ChecklistPanel, item_id: str) -> QColor:
    dot = panel.dot_of(item_id)
    assert dot is not None
    image = dot.grab().toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2)


def test_panel_colours_follow_a_fake_controller(english: None, panel: ChecklistPanel) -> None:
    controller = FakeController(load_script(REPO / "slides.yaml"), {"next"})
    stage = StageInfo("HDMI-1", 1920, 1080, fullscreen=True)
    panel.refresh(checklist(controller, stage, inhibit_status="unavailable: no D-Bus session bus"))
    assert panel.status_of("script") == "green"
    assert panel.status_of("assets") == "green"
    assert panel.status_of("stage") == "green"
    assert panel.status_of("clicker") == "amber"
    assert panel.status_of("screensaver") == "amber"
    assert panel.colour_of("clicker") == "#ffbf47"
    assert dot_pixel(panel, "clicker").name() == "#ffbf47"
    assert dot_pixel(panel, "script").name() == "#3ccf7a"
    assert "press Previous, Black" in (panel.detail_of("clicker") or "")

    controller.keys_seen |= {"previous", "blackout"}
    panel.refresh(checklist(controller, StageInfo("HDMI-1", 1920, 1080, False, lost=True), inhibit_status="inhibited"))
    assert panel.status_of("clicker") == "green"
    assert panel.status_of("screensaver") == "green"
    assert panel.status_of("stage") == "red"
    assert dot_pixel(panel, "stage").name() == "#ff5c5c"
    assert panel.summary.text().startswith("2 red")


def test_panel_reuses_rows_and_hides_extra_ones(english: None, panel: ChecklistPanel) -> None:
    items = [CheckItem(f"c{i}", f"Check {i}", "green", "fine") for i in range(5)]
    panel.refresh(items)
    assert panel.summary.text() == "All 5 checks green"
    panel.refresh([CheckItem("c0", "Check 0", "red", "broken")])
    assert panel.status_of("c0") == "red"
    assert panel.status_of("c3") is None
    assert panel.summary.text() == "1 red of 1 check"


def test_panel_is_dark_with_large_text_and_the_clicker_hint(english: None, panel: ChecklistPanel) -> None:
    panel.refresh([CheckItem("clicker", "Clicker", "amber", "press next")])
    image = panel.grab().toImage()
    assert image.pixelColor(2, 2).name() == "#0d1424"
    assert panel.hint.text() == CLICKER_HINT
    assert panel.hint.isVisible()
    title = panel.findChild(type(panel.hint), "checkTitle")
    assert title is not None
    assert title.fontInfo().pixelSize() >= 17


def test_the_panel_speaks_norwegian_to_a_norwegian_operator(panel: ChecklistPanel) -> None:
    controller = FakeController(load_script(REPO / "slides.yaml"), {"next"})
    panel.refresh(checklist(controller, StageInfo("HDMI-1", 1920, 1080, fullscreen=True), inhibit_status="inhibited"))
    assert panel.detail_of("clicker") == "har sett Neste; trykk Forrige, Svart på klikkeren"
    assert panel.summary.text() == "2 gule av 8 sjekker"
    panel.refresh([CheckItem("c0", "Check 0", "red", "broken"), CheckItem("c1", "Check 1", "amber", "hm")])
    assert panel.summary.text() == "1 rød, 1 gul av 2 sjekker"
    assert panel.hint.text().startswith("Test klikkeren: trykk Neste, Forrige og Svart")
    assert summary_text([]) == "Ingen sjekker ennå"


def test_colours_are_the_presenters(english: None) -> None:
    assert COLOURS == {"green": "#3ccf7a", "amber": "#ffbf47", "red": "#ff5c5c"}
    assert summary_text([]) == "No checks yet"


def test_stage_info_of_a_window(panel: ChecklistPanel) -> None:
    info = stage_info_of(panel, lost=True)
    assert info is not None
    assert info.width > 0
    assert info.lost
    assert not info.fullscreen
    assert stage_info_of(None) is None


# ---------------------------------------------------------------- the inhibitor


def test_inhibitor_without_a_session_bus_is_unavailable(qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/ceremony-test-bus")
    inhibitor = ScreenSaverInhibitor(platform="linux")
    seen: list[str] = []
    inhibitor.statusChanged.connect(seen.append)
    status = inhibitor.start()
    assert status.startswith("unavailable: ")
    assert inhibitor.status == status
    assert seen == [status]
    assert not inhibitor.inhibited
    inhibitor.stop()  # never raises, even with nothing to release
    assert inhibitor.status == status


def test_inhibitor_on_other_platforms(qapp) -> None:  # type: ignore[no-untyped-def]
    inhibitor = ScreenSaverInhibitor(platform="darwin")
    assert inhibitor.start() == "unavailable: not supported on this platform"


def test_inhibitor_with_an_unreachable_bus_address(qapp) -> None:  # type: ignore[no-untyped-def]
    inhibitor = ScreenSaverInhibitor(platform="linux", bus_address="unix:path=/nonexistent/bus")
    assert inhibitor.start().startswith("unavailable: no D-Bus session bus")


FAKE_SERVICE = """
import sys
from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection

@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class ScreenSaver(QObject):
    @Slot(str, str, result="uint")
    def Inhibit(self, app, reason):
        print("inhibit", app, reason, flush=True)
        return 4242

    @Slot("uint")
    def UnInhibit(self, cookie):
        print("uninhibit", cookie, flush=True)

app = QCoreApplication([])
bus = QDBusConnection.sessionBus()
service = ScreenSaver()
bus.registerObject("/org/freedesktop/ScreenSaver", service, QDBusConnection.RegisterOption.ExportAllSlots)
print("ready", bus.registerService("org.freedesktop.ScreenSaver"), flush=True)
app.exec()
"""


@pytest.fixture
def private_bus() -> Iterator[str]:
    """A private D-Bus session daemon for this test; its address."""
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed")
    command = ["dbus-daemon", "--session", "--nofork", "--print-address=1"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as daemon:
        try:
            assert daemon.stdout is not None
            address = daemon.stdout.readline().strip()
            assert address, "dbus-daemon printed no address"
            yield address
        finally:
            daemon.terminate()
            daemon.wait(timeout=10)


def test_inhibitor_inhibits_and_releases_on_a_real_bus(qapp, private_bus: str) -> None:  # type: ignore[no-untyped-def]
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": private_bus}
    command = [sys.executable, "-c", FAKE_SERVICE]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env) as service:
        _talk_to(service, private_bus)


def _talk_to(service: subprocess.Popen[str], private_bus: str) -> None:
    try:
        assert service.stdout is not None
        assert service.stdout.readline().strip() == "ready True"
        inhibitor = ScreenSaverInhibitor(
            "ceremony", "A live show is running", platform="linux", bus_address=private_bus
        )
        assert inhibitor.start() == "inhibited"
        assert inhibitor.cookie == 4242
        assert service.stdout.readline().strip() == "inhibit ceremony A live show is running"
        assert inhibitor.start() == "inhibited"  # a second start is a no-op
        inhibitor.stop()
        assert inhibitor.status == "off"
        assert service.stdout.readline().strip() == "uninhibit 4242"  # sent as uint32, as the service declares
    finally:
        service.terminate()
        service.wait(timeout=10)


def test_inhibitor_without_the_service_on_a_real_bus(qapp, private_bus: str) -> None:  # type: ignore[no-untyped-def]
    inhibitor = ScreenSaverInhibitor(platform="linux", bus_address=private_bus)
    assert inhibitor.start() == "unavailable: no screen saver service (org.freedesktop.ScreenSaver) on the session bus"
