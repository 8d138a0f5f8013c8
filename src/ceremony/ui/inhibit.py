"""Keep the screen saver and display sleep away while the show runs.

On Linux (and the BSDs) through the freedesktop ScreenSaver D-Bus interface,
which KDE, GNOME (gsd-screensaver-proxy), Xfce and most others provide:
``Inhibit(app_name, reason) -> cookie`` and ``UnInhibit(cookie)``. A machine
without a session bus or without the service gets a status saying so, never an
exception: the operator can still switch the screen saver off by hand, and the
checklist shows the item amber.

The call goes over a private connection to the session bus. Services drop an
inhibition when its caller leaves the bus, so closing that connection releases it
even if UnInhibit fails, and a crashed ceremony never leaves the screen saver off.
"""

from __future__ import annotations

import itertools
import logging
import sys

from PySide6.QtCore import QCoreApplication, QObject, Signal

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.ScreenSaver"
OBJECT_PATH = "/org/freedesktop/ScreenSaver"
INTERFACE = "org.freedesktop.ScreenSaver"
TIMEOUT_MS = 2000
"""A hung service must not hold the GUI thread for D-Bus's default 25 seconds."""

INHIBITED = "inhibited"
OFF = "off"
_FREEDESKTOP_PLATFORMS = ("linux", "freebsd", "openbsd", "netbsd", "dragonfly")
_names = itertools.count(1)


class ScreenSaverInhibitor(QObject):
    """Inhibits the screen saver between start() and stop() (or the application quitting).

    ``status`` is ``"inhibited"``, ``"off"`` (not started, or released) or
    ``"unavailable: <reason>"``.
    """

    statusChanged = Signal(str)

    def __init__(
        self,
        app_name: str = "ceremony",
        reason: str = "A live show is running",
        *,
        platform: str | None = None,
        bus_address: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.app_name = app_name
        self.reason = reason
        self._platform = platform if platform is not None else sys.platform
        self._bus_address = bus_address
        """A D-Bus address to use instead of the session bus (tests run a private bus)."""
        self._connection_name = f"ceremony-inhibit-{next(_names)}"
        self._cookie: int | None = None
        self._interface: object | None = None
        self._status = OFF
        self._quit_hooked = False

    @property
    def status(self) -> str:
        return self._status

    @property
    def inhibited(self) -> bool:
        return self._status == INHIBITED

    @property
    def cookie(self) -> int | None:
        return self._cookie

    def _set_status(self, status: str) -> None:
        if status != self._status:
            self._status = status
            self.statusChanged.emit(status)

    def start(self) -> str:
        """Inhibit now (again a no-op while inhibited); returns the status. Never raises."""
        if self.inhibited:
            return self._status
        if not self._platform.startswith(_FREEDESKTOP_PLATFORMS):
            self._set_status("unavailable: not supported on this platform")
            return self._status
        try:
            self._set_status(self._inhibit())
        except Exception as exc:  # a D-Bus oddity must never stop the show
            log.exception("screen saver inhibition failed")
            self._disconnect()
            self._set_status(f"unavailable: {exc}")
        if self.inhibited:
            self._hook_quit()
        return self._status

    def _inhibit(self) -> str:
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage
        except ImportError:
            return "unavailable: Qt has no D-Bus support here (PySide6.QtDBus)"
        if self._bus_address is not None:
            bus = QDBusConnection.connectToBus(self._bus_address, self._connection_name)
        else:
            bus = QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, self._connection_name)
        if not bus.isConnected():
            error = bus.lastError().message() or "cannot connect"
            self._disconnect()
            return f"unavailable: no D-Bus session bus ({error})"
        registered = bus.interface().isServiceRegistered(SERVICE)
        if not registered.value():
            self._disconnect()
            return f"unavailable: no screen saver service ({SERVICE}) on the session bus"
        interface = QDBusInterface(SERVICE, OBJECT_PATH, INTERFACE, bus)
        interface.setTimeout(TIMEOUT_MS)
        if not interface.isValid():
            message = interface.lastError().message() or "invalid interface"
            self._disconnect()
            return f"unavailable: {SERVICE} does not answer ({message})"
        reply = interface.call("Inhibit", self.app_name, self.reason)
        if reply.type() == QDBusMessage.MessageType.ErrorMessage:
            self._disconnect()
            return f"unavailable: Inhibit failed ({reply.errorMessage() or reply.errorName()})"
        arguments = reply.arguments()
        cookie = arguments[0] if arguments else None
        if not isinstance(cookie, int) or isinstance(cookie, bool):
            self._disconnect()
            return f"unavailable: Inhibit returned {arguments!r}, not a cookie"
        self._interface = interface
        self._cookie = cookie
        log.info("screen saver inhibited (cookie %s)", cookie)
        return INHIBITED

    def stop(self) -> None:
        """Release the inhibition (UnInhibit, then leave the bus, which releases it too). Never raises."""
        if self._cookie is not None and self._interface is not None:
            try:
                self._uninhibit(self._interface, self._cookie)
            except Exception:  # pragma: no cover - leaving the bus below releases it anyway
                log.exception("UnInhibit failed")
        self._cookie = None
        self._disconnect()
        if self.inhibited:
            self._set_status(OFF)

    @staticmethod
    def _uninhibit(interface: object, cookie: int) -> None:
        """UnInhibit takes a uint32; a plain Python int would be sent as int32 and not match the method.

        Invoking through the interface's introspected meta-object lets QtDBus marshal
        the argument as the service declares it.
        """
        from PySide6.QtCore import Q_ARG, QMetaObject, Qt
        from PySide6.QtDBus import QDBusInterface

        assert isinstance(interface, QDBusInterface)
        invoked = QMetaObject.invokeMethod(
            interface, "UnInhibit", Qt.ConnectionType.DirectConnection, Q_ARG("uint", cookie)
        )
        if not invoked or interface.lastError().isValid():
            log.warning("UnInhibit(%s) failed: %s", cookie, interface.lastError().message())

    def _disconnect(self) -> None:
        self._interface = None
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        QDBusConnection.disconnectFromBus(self._connection_name)

    def _hook_quit(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self._quit_hooked:
            app.aboutToQuit.connect(self.stop)
            self._quit_hooked = True
